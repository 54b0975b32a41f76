package org.coloc.platform;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One thing wrong with the configuration, naming the keys involved (and their environment variables). */
public record SettingsProblem(List<String> keys, String text) {

    public SettingsProblem {
        keys = List.copyOf(keys);
    }

    /** The environment variable MicroProfile Config maps to a key: upper case, dots and dashes as underscores. */
    public static String environmentVariable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** How a key is named in messages: {@code coloc.imap.tls (COLOC_IMAP_TLS)}. */
    public static String name(String key) {
        return key + " (" + environmentVariable(key) + ")";
    }

    /** The one message a refused start prints: every problem, one per line. */
    public static String message(List<SettingsProblem> problems) {
        return "coloc refuses to start: " + (problems.size() == 1 ? "1 setting is" : problems.size() + " settings are")
                + " wrong.\n" + problems.stream().map(p -> "  - " + p.text()).collect(Collectors.joining("\n"))
                + "\nSet them as environment variables (or -D system properties); the README lists every setting.";
    }
}
