package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts transcribed from mikel/mail's specs, and notmuch's decoded subjects/senders and its RT auto-reply. */
class MikelAndNotmuchConformanceTest {

    private final MailClassifier classifier = new MailClassifier("coloc@example.org");
    private final CorpusScore facts = new CorpusScore("mikel facts");

    @Test
    void mikelMailFacts() {
        Corpora.Expected mikel = Corpora.expected("mikel-mail");
        int parsed = 0;
        for (String name : mikel.names()) {
            JsonObject e = mikel.of(name);
            ParsedMail m = mikel.mail(name);
            if (m != null) {
                parsed++;
            }
            if (e.containsKey("attachments")) {
                facts.check(name + " attachments", e.getInt("attachments"), m == null ? null : m.attachments().size());
            }
            if (e.containsKey("attachment_filenames")) {
                List<String> exp = e.getJsonArray("attachment_filenames").getValuesAs(jakarta.json.JsonString.class)
                        .stream().map(jakarta.json.JsonString::getString).toList();
                facts.check(name + " filenames", exp, m == null ? null : m.attachments().stream().map(ParsedAttachment::name).toList());
            }
            if (e.containsKey("has_attachments")) {
                facts.check(name + " has attachments", e.getBoolean("has_attachments"), m != null && !m.attachments().isEmpty());
            }
            if (e.containsKey("from_addresses")) {
                facts.check(name + " from", e.getJsonArray("from_addresses").getString(0), m == null || m.from() == null ? null : m.from().address());
            }
            if (e.containsKey("to_addresses")) {
                facts.check(name + " to", e.getJsonArray("to_addresses").getString(0), m == null || m.to().isEmpty() ? null : m.to().get(0).address());
            }
            if (e.containsKey("from_display_name")) {
                facts.check(name + " from name", e.getString("from_display_name"), m == null || m.from() == null ? null : m.from().name());
            }
            if (name.endsWith("invalid_subject_characters.eml")) {
                facts.check(name + " latin-1 subject", "Formação FrenetikPolis: Mega Campanha Final Verão | Cursos de Setembro",
                        m == null ? null : m.subject());
            }
            if (e.containsKey("in_reply_to_blank")) {
                facts.check(name + " blank in-reply-to", null, m == null ? "unparsed" : m.inReplyTo());
            }
            if (e.containsKey("decoded_body")) {
                facts.check(name + " body", e.getString("decoded_body"), m == null ? null : m.text());
            }
            if (e.containsKey("decoded_body_chomped")) {
                facts.check(name + " body", e.getString("decoded_body_chomped"), m == null ? null : m.text().stripTrailing());
            }
            if (e.containsKey("second_attachment_decoded_length")) {
                facts.check(name + " 2nd attachment size", (long) e.getInt("second_attachment_decoded_length"),
                        m == null || m.attachments().size() < 2 ? null : m.attachments().get(1).size());
            }
            if (e.containsKey("bounced") || e.containsKey("is_delivery_status_report")) {
                Classification c = m == null ? null : classifier.classify(m);
                facts.check(name + " machine report", MailKind.BOUNCE, c == null ? null : c.kind());
                if (e.containsKey("status")) {
                    facts.check(name + " status", e.getString("status"), c.status());
                }
                if (e.containsKey("final_recipient")) {
                    facts.check(name + " recipient", DeliveryReport.address(e.getString("final_recipient")), c.failedRecipient());
                }
                if (e.containsKey("bounced") && !e.getBoolean("bounced")) {
                    facts.check(name + " delayed is said so", true, c.reason().contains("delayed"));
                }
            }
        }
        System.out.printf("mikel parse: %d/%d parsed%n", parsed, mikel.names().size());
        System.out.printf("mikel facts: %d/%d%n", facts.ok(), facts.total());
        assertEquals(mikel.names().size(), parsed);
        assertTrue(facts.ok() >= 32, "mikel facts regressed: " + facts.ok() + "/" + facts.total());
    }

    @Test
    void notmuchSubjectsSendersAndRtAutoReply() {
        Path dir = Corpora.folder("notmuch");
        CorpusScore subjects = new CorpusScore("notmuch subject");
        CorpusScore froms = new CorpusScore("notmuch from");
        for (String set : List.of("default", "threading", "broken")) {
            JsonObject files = Corpora.json(dir.resolve("expected/" + set + ".threads.json")).getJsonObject("files");
            for (String name : files.keySet()) {
                JsonObject e = files.getJsonObject(name);
                ParsedMail m = Corpora.parse(dir.resolve(name));
                String expSubject = e.isNull("subject") ? null : e.getString("subject").replace('\t', ' ');
                String gotSubject = m == null || m.subject() == null ? null : m.subject().replace('\t', ' ');
                subjects.check(name, Corpora.ws(expSubject), Corpora.ws(gotSubject));
                // notmuch prints the header's own quoting; compare decoded name and address instead
                List<MailAddress> exp = e.isNull("from") ? List.of() : HeaderDecoder.addresses(e.getString("from"), new java.util.ArrayList<>());
                String expFrom = exp.isEmpty() ? "" : display(exp.get(0));
                String gotFrom = m == null || m.from() == null ? "" : display(m.from());
                froms.check(name, expFrom, gotFrom);
            }
        }
        System.out.printf("notmuch subject: %d/%d exact%n", subjects.ok(), subjects.total());
        System.out.printf("notmuch from: %d/%d exact%n", froms.ok(), froms.total());
        ParsedMail rt = Corpora.parse(dir.resolve("threading/ghost-root/1532672447.R3166642290392477575.len:2,S"));
        assertEquals(MailKind.AUTO_REPLY, classifier.classify(rt).kind(), "RT AutoReply");
        ParsedMail resolved = Corpora.parse(dir.resolve("threading/ghost-root/1532672447.R6968667928580738175.len:2,S"));
        assertEquals(MailKind.HUMAN, classifier.classify(resolved).kind(), "RT 'Resolved' notice is not an auto-reply");
        assertTrue(subjects.ok() >= 69, "notmuch subjects regressed");
        assertTrue(froms.ok() >= 69, "notmuch senders regressed");
    }

    /** Name and address, the name stripped: notmuch keeps a quoted leading blank (" via RT"). */
    private static String display(MailAddress a) {
        return (a.name() == null ? "" : a.name().strip()) + " <" + a.address() + ">";
    }
}
