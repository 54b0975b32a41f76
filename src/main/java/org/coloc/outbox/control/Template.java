package org.coloc.outbox.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail template from {@code mail-templates/} (packaged into the WAR): first line {@code Subject: …}, a blank
 * line, then the body; {@code {{name}}} placeholders are replaced, an unknown one is an error (a mail must
 * never go out with a hole in it). Pure code.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*}}");

    private final String subject;
    private final String body;

    private Template(String subject, String body) {
        this.subject = subject;
        this.body = body;
    }

    public record Rendered(String subject, String text) {
    }

    /** Loads {@code mail-templates/<name>.<language>.txt}, falling back to French. */
    public static Template load(String name, String language) {
        String lang = "en".equals(language) ? "en" : "fr";
        String text = read("mail-templates/" + name + "." + lang + ".txt");
        if (text == null && !lang.equals("fr")) {
            text = read("mail-templates/" + name + ".fr.txt");
        }
        if (text == null) {
            throw new IllegalStateException("No mail template " + name);
        }
        return parse(text);
    }

    static Template parse(String text) {
        String normalised = text.replace("\r\n", "\n");
        int end = normalised.indexOf("\n\n");
        String head = end < 0 ? normalised : normalised.substring(0, end);
        if (!head.startsWith("Subject:")) {
            throw new IllegalStateException("A mail template starts with 'Subject: ...'");
        }
        if (head.indexOf('\n') >= 0) {
            // a forgotten blank line would otherwise turn the first paragraph into the subject
            throw new IllegalStateException("A mail template's subject is one line, followed by a blank line");
        }
        return new Template(head.substring("Subject:".length()).strip(), end < 0 ? "" : normalised.substring(end + 2));
    }

    public Rendered render(Map<String, String> values) {
        return new Rendered(fill(subject, values).replaceAll("\\s+", " ").strip(), fill(body, values));
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String resource) {
        try (InputStream in = Template.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
