package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * mime4j's decoded leaf bodies must reappear in what we expose: inside the text body (whitespace-normalised)
 * or as an attachment's bytes. Leaves of enclosed messages are inside the message attachment's raw bytes.
 */
class Mime4jConformanceTest {

    private static final boolean VERBOSE = Boolean.getBoolean("coloc.verbose");

    @Test
    void decodedLeafBodiesMatchMime4j() {
        Path dir = Corpora.folder("mime4j-testmsgs").resolve("files");
        JsonObject files = Corpora.json(dir.getParent().resolve("expected.json")).getJsonObject("files");
        int ok = 0;
        int total = 0;
        for (String name : files.keySet()) {
            ParsedMail mail = Corpora.parse(dir.resolve(name));
            for (JsonValue v : files.getJsonObject(name).getJsonArray("decoded_leaf_bodies")) {
                String leaf = ((jakarta.json.JsonString) v).getString();
                byte[] expected = Corpora.bytes(dir.resolve(leaf));
                total++;
                boolean found = mail != null && (inText(mail, expected) || inAttachments(mail, expected));
                if (found) {
                    ok++;
                } else if (VERBOSE) {
                    System.out.println("  mime4j leaf not found: " + leaf);
                }
            }
        }
        System.out.printf("mime4j decoded leaf bodies: %d/%d found%n", ok, total);
        assertTrue(ok >= 34, "mime4j leaves regressed: " + ok + "/" + total);
    }

    private static boolean inText(ParsedMail mail, byte[] expected) {
        // expected leaves are stored in the part's own charset
        String charset = ContentType.parse(mail.header("Content-Type"), ContentType.TEXT_PLAIN).param("charset");
        String exp = Corpora.ws(TextDecoding.decode(expected, charset));
        String got = Corpora.ws(mail.text());
        return exp.isEmpty() ? got.isEmpty() || mail.attachments().stream().anyMatch(a -> a.size() == 0)
                : got.contains(exp) || Corpora.ws(new String(expected, StandardCharsets.ISO_8859_1)).equals(got);
    }

    private static boolean inAttachments(ParsedMail mail, byte[] expected) {
        for (ParsedAttachment a : mail.attachments()) {
            if (Arrays.equals(a.content(), expected)) {
                return true;
            }
            if (a.contentType().startsWith("message/") && expected.length > 0
                    && Corpora.ws(new String(a.content(), StandardCharsets.ISO_8859_1))
                            .contains(Corpora.ws(new String(expected, StandardCharsets.ISO_8859_1)))) {
                return true;
            }
            if (a.contentType().startsWith("text/")
                    && Corpora.ws(TextDecoding.decode(a.content(), null)).equals(Corpora.ws(TextDecoding.decode(expected, null)))) {
                return true;
            }
        }
        return false;
    }
}
