package org.coloc.intake.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Decoded subject, sender, text body and attachment count against stalwart mail-parser's expected trees. */
class StalwartConformanceTest {

    @Test
    void decodesLikeStalwart() {
        Corpora.Expected stalwart = Corpora.expected("stalwart-mail-parser");
        CorpusScore subject = new CorpusScore("stalwart subject");
        CorpusScore from = new CorpusScore("stalwart from");
        CorpusScore text = new CorpusScore("stalwart text body");
        CorpusScore attachments = new CorpusScore("stalwart attachment count");
        for (String name : stalwart.names()) {
            JsonObject expected = Corpora.json(stalwart.dir().resolve(stalwart.of(name).getString("expected_parse_json")));
            ParsedMail mail = stalwart.mail(name);
            JsonArray parts = expected.getJsonArray("parts");
            JsonObject top = parts.getJsonObject(0);
            for (JsonValue hv : top.getJsonArray("headers")) {
                JsonObject h = hv.asJsonObject();
                if (h.get("name").getValueType() != JsonValue.ValueType.STRING) {
                    continue;
                }
                String hn = h.getString("name");
                JsonValue v = h.get("value");
                if (hn.equals("subject") && v instanceof JsonObject o && o.containsKey("Text")) {
                    subject.check(name, o.getString("Text"), mail == null ? null : mail.subject());
                }
                if (hn.equals("from") && v instanceof JsonObject o && o.containsKey("Address")
                        && o.getJsonObject("Address").containsKey("List")) {
                    JsonObject first = o.getJsonObject("Address").getJsonArray("List").getJsonObject(0);
                    if (!str(first, "address").contains("@")) {
                        continue; // by design entries without an address are dropped
                    }
                    String exp = str(first, "name") + " <" + str(first, "address") + ">";
                    MailAddress a = mail == null ? null : mail.from();
                    String got = a == null ? "null <null>" : (a.name() == null ? "null" : a.name()) + " <" + a.address() + ">";
                    from.check(name, exp, got);
                }
            }
            JsonArray textBody = expected.getJsonArray("text_body");
            StringBuilder exp = new StringBuilder();
            boolean comparable = true;
            for (JsonValue i : textBody) {
                JsonObject body = parts.getJsonObject(((jakarta.json.JsonNumber) i).intValue()).getJsonObject("body");
                if (body.containsKey("Text")) {
                    exp.append(body.getString("Text")).append('\n');
                } else if (body.containsKey("Html")) {
                    exp.append(HtmlToText.convert(body.getString("Html"))).append('\n');
                } else {
                    comparable = false;
                }
            }
            if (comparable) {
                text.check(name, Corpora.ws(exp.toString()), mail == null ? null : Corpora.ws(mail.text()));
            }
            attachments.check(name, String.valueOf(expected.getJsonArray("attachments").size()),
                    mail == null ? null : String.valueOf(mail.attachments().size()));
        }
        subject.report(26);
        from.report(20);
        text.report(35);
        attachments.report(39);
    }

    private static String str(JsonObject o, String k) {
        return o.isNull(k) ? "null" : o.getString(k);
    }
}
