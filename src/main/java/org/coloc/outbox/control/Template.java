package org.coloc.outbox.control;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A mail template from {@code mail-templates/} (packaged into the WAR): first line {@code Subject: …}, a blank
 * line, then the body, both in Mustache ({@code {{name}}}, sections {@code {{#items}}…{{/items}}} for lists
 * and conditions, so each language lays out its own lists). A missing value is an error, in a variable and
 * in a section alike: a mail must never go out with a hole in it. Plain text, so nothing is HTML-escaped.
 * Pure code.
 */
public final class Template {

    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).strictSections(true);
    /** Templates are packaged into the WAR, so each is read and compiled once. */
    private static final Map<String, Template> LOADED = new ConcurrentHashMap<>();

    private final com.samskivert.mustache.Template subject;
    private final com.samskivert.mustache.Template body;

    private Template(String subject, String body) {
        this.subject = compile(subject);
        this.body = compile(body);
    }

    public record Rendered(String subject, String text) {
    }

    /** Loads {@code mail-templates/<name>.<language>.txt}, falling back to French. */
    public static Template load(String name, String language) {
        String lang = "en".equals(language) ? "en" : "fr";
        return LOADED.computeIfAbsent(name + "." + lang, k -> readAndParse(name, lang));
    }

    private static Template readAndParse(String name, String lang) {
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

    /**
     * Values are strings, numbers, booleans, or lists of maps for sections. The subject comes out on one line
     * whatever the values hold (a line break in a subject would let a value add headers).
     */
    public Rendered render(Map<String, ?> values) {
        return new Rendered(fill(subject, values).replaceAll("\\s+", " ").strip(), fill(body, values));
    }

    private static String fill(com.samskivert.mustache.Template template, Map<String, ?> values) {
        try {
            return template.execute(values);
        } catch (MustacheException.Context e) {
            throw new IllegalArgumentException("No value for {{" + e.key + "}}", e);
        }
    }

    private static com.samskivert.mustache.Template compile(String text) {
        try {
            return MUSTACHE.compile(text);
        } catch (MustacheException e) {
            throw new IllegalStateException("Broken mail template: " + e.getMessage(), e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Template.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
