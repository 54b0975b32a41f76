package org.coloc.platform;

import java.time.Duration;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads raw configuration values (key to text) into typed values, collecting every problem instead of stopping
 * at the first, so that a wrong start names all of them at once. Pure: the source is any lookup, MicroProfile
 * Config in the server, a map in tests. A value that cannot be read is recorded as a problem and replaced by a
 * harmless stand-in so that reading (and the checks that follow) can go on.
 */
public final class SettingsReader {

    private final Function<String, Optional<String>> source;
    private final List<SettingsProblem> problems = new ArrayList<>();

    public SettingsReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** From a map; blank values count as absent, as in MicroProfile Config. */
    public static SettingsReader of(Map<String, String> values) {
        return new SettingsReader(key -> Optional.ofNullable(values.get(key)));
    }

    public List<SettingsProblem> problems() {
        return List.copyOf(problems);
    }

    public void problem(String text, String... keys) {
        problems.add(new SettingsProblem(List.of(keys), text));
    }

    /** The value, trimmed; empty when unset or blank. */
    public Optional<String> optional(String key) {
        return source.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** A password, kept exactly as given (spaces included); empty when unset or blank. */
    public Optional<String> secret(String key) {
        return source.apply(key).filter(s -> !s.isBlank());
    }

    public boolean isSet(String key) {
        return optional(key).isPresent();
    }

    /** A value that has a default in microprofile-config.properties: missing means the defaults were lost. */
    public String string(String key) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            problem(SettingsProblem.name(key) + " must be set", key);
            return "";
        }
        return value.get();
    }

    public int integer(String key, int min, int max) {
        return (int) number(key, min, max);
    }

    public long number(String key, long min, long max) {
        String text = string(key);
        if (text.isEmpty()) {
            return min;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            problem(SettingsProblem.name(key) + " must be a whole number, not '" + text + "'", key);
            return min;
        }
        if (value < min || value > max) {
            problem(SettingsProblem.name(key) + " must be " + range(min, max) + ", not " + value, key);
            return min;
        }
        return value;
    }

    private static String range(long min, long max) {
        if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) {
            return min == 0 ? "0 or more" : min == 1 ? "at least 1" : "at least " + min;
        }
        return "between " + min + " and " + max;
    }

    /** A TCP port a server may listen on or a client connect to. */
    public int port(String key) {
        return integer(key, 1, 65535);
    }

    public Duration seconds(String key, long min) {
        return Duration.ofSeconds(number(key, min, Integer.MAX_VALUE));
    }

    public Duration hours(String key) {
        return Duration.ofHours(number(key, 1, Integer.MAX_VALUE));
    }

    public Duration days(String key) {
        return Duration.ofDays(number(key, 1, Integer.MAX_VALUE));
    }

    /** An ISO-8601 duration ({@code P5D}, {@code PT12H}) that must be positive. */
    public Duration isoDuration(String key) {
        String text = string(key);
        if (text.isEmpty()) {
            return Duration.ofSeconds(1);
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.isZero()) {
                problem(SettingsProblem.name(key) + " must be a positive duration, not '" + text + "'", key);
                return Duration.ofSeconds(1);
            }
            return d;
        } catch (DateTimeParseException e) {
            problem(SettingsProblem.name(key) + " must be an ISO-8601 duration such as P5D or PT12H, not '" + text
                    + "'", key);
            return Duration.ofSeconds(1);
        }
    }

    /** The spellings MicroProfile Config reads as booleans; anything else is a typo, not a silent "false". */
    public boolean bool(String key) {
        String text = string(key).toLowerCase(Locale.ROOT);
        switch (text) {
            case "true", "yes", "y", "on", "1":
                return true;
            case "false", "no", "n", "off", "0":
                return false;
            case "":
                return false;
            default:
                problem(SettingsProblem.name(key) + " must be true or false, not '" + text + "'", key);
                return false;
        }
    }

    public ZoneId zone(String key) {
        String text = string(key);
        if (text.isEmpty()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            problem(SettingsProblem.name(key) + " must be a time zone such as Europe/Paris or UTC, not '" + text
                    + "'", key);
            return ZoneId.of("UTC");
        }
    }

    /** One of an enum's constants, spelled in lower case in the configuration ({@code starttls}). */
    public <E extends Enum<E>> E oneOf(String key, Class<E> type) {
        E[] constants = type.getEnumConstants();
        String text = string(key);
        for (E e : constants) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        if (!text.isEmpty()) {
            List<String> names = Arrays.stream(constants).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
            problem(SettingsProblem.name(key) + " must be " + String.join(", ", names.subList(0, names.size() - 1))
                    + " or " + names.get(names.size() - 1) + ", not '" + text + "'", key);
        }
        return constants[0];
    }

    /** A bare mail address ({@code coloc@example.org}, no display name). */
    public String address(String key) {
        return checkedAddress(key, string(key));
    }

    public Optional<String> optionalAddress(String key) {
        return optional(key).map(a -> checkedAddress(key, a));
    }

    private String checkedAddress(String key, String text) {
        if (!text.isEmpty() && Validators.email(text) != null) {
            problem(SettingsProblem.name(key) + " must be a mail address such as coloc@example.org, not '" + text
                    + "'", key);
        }
        return text;
    }
}
