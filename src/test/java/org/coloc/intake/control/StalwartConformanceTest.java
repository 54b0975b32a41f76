package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Decoded subject, sender, text body and attachment count against stalwart mail-parser's expected trees. */
class StalwartConformanceTest {

    private static final boolean VERBOSE = Boolean.getBoolean("coloc.verbose");

    @Test
    void decodesLikeStalwart() {
        Path dir = Corpora.folder("stalwart-mail-parser");
        JsonObject files = Corpora.json(dir.resolve("expected.json")).getJsonObject("files");
        Score subject = new Score("stalwart subject");
        Score from = new Score("stalwart from");
        Score text = new Score("stalwart text body");
        Score attachments = new Score("stalwart attachment count");
        for (String name : files.keySet()) {
            JsonObject expected = Corpora.json(dir.resolve(files.getJsonObject(name).getString("expected_parse_json")));
            ParsedMail mail = Corpora.parse(dir.resolve(name));
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

    /** Counts exact matches and prints the score; the floor is what the parser reached when the test was written. */
    static final class Score {
        final String label;
        int ok;
        int total;

        Score(String label) {
            this.label = label;
        }

        void check(String file, String expected, String actual) {
            total++;
            if (Objects.equals(expected, actual)) {
                ok++;
            } else if (VERBOSE) {
                System.out.println("  MISMATCH " + label + " " + file + "\n    expected: " + abbreviate(expected)
                        + "\n    actual:   " + abbreviate(actual));
            }
        }

        void count(String file, boolean good, String detail) {
            check(file, "ok", good ? "ok" : detail);
        }

        void report(int floor) {
            System.out.printf("%s: %d/%d exact%n", label, ok, total);
            if (Corpora.comparing()) {
                return; // another parser's scores are compared, not held to our floors (Mime4jComparisonTest)
            }
            assertTrue(ok >= floor, label + " regressed: " + ok + "/" + total + " < floor " + floor);
        }

        private static String abbreviate(String s) {
            return s == null ? null : s.length() > 300 ? s.substring(0, 300) + "…" : s;
        }
    }
}
