package org.coloc.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads a JSON request body field by field, collecting every problem instead of stopping at the first, so
 * that one 400 answer names each bad field and why. Unknown fields are errors too (a typo must not be
 * silently ignored). Pure code.
 */
public final class JsonInput {

    private final JsonObject json;
    private final String prefix;
    private final List<Problem.FieldError> errors;

    private JsonInput(JsonObject json, String prefix, List<Problem.FieldError> errors) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * @param known  fields the caller will read
     * @param ignored read-only fields accepted and ignored (a client may PUT back what it GOT)
     */
    public static JsonInput of(JsonValue body, Set<String> known, Set<String> ignored) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new Problem.FieldError("(body)", "must be a JSON object"));
            throw new InvalidInputException(errors);
        }
        JsonInput in = new JsonInput(body.asJsonObject(), "", errors);
        in.rejectUnknown(known, ignored);
        return in;
    }

    private void rejectUnknown(Set<String> known, Set<String> ignored) {
        for (String key : json.keySet()) {
            if (!known.contains(key) && !ignored.contains(key)) {
                error(key, "unknown field");
            }
        }
    }

    public void error(String field, String message) {
        errors.add(new Problem.FieldError(prefix + field, message));
    }

    /** An error about this whole object, e.g. a list item read by {@link #objects}: named {@code domains[2]}. */
    public void itemError(String message) {
        errors.add(new Problem.FieldError(prefix.isEmpty() ? "(body)" : prefix.substring(0, prefix.length() - 1),
                message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Ends reading: throws the collected problems, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private JsonValue value(String field) {
        JsonValue v = json.get(field);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
    }

    public boolean present(String field) {
        return value(field) != null;
    }

    public String string(String field, boolean required, int maxLength) {
        JsonValue v = value(field);
        if (v == null) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            error(field, "must be a string");
            return null;
        }
        String s = ((JsonString) v).getString().strip();
        if (required && s.isEmpty()) {
            error(field, "must not be empty");
            return null;
        }
        if (s.length() > maxLength) {
            error(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return s.isEmpty() ? null : s;
    }

    public Long whole(String field, boolean required, long min, long max) {
        JsonValue v = value(field);
        if (v == null) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            error(field, "must be a whole number");
            return null;
        }
        BigDecimal n = ((JsonNumber) v).bigDecimalValue();
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(field, "must be between " + min + " and " + max);
            return null;
        }
        return n.longValueExact();
    }

    public BigDecimal decimal(String field, BigDecimal min, BigDecimal max) {
        JsonValue v = value(field);
        if (v == null) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            error(field, "must be a number");
            return null;
        }
        BigDecimal n = ((JsonNumber) v).bigDecimalValue();
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            error(field, "must be between " + min + " and " + max);
            return null;
        }
        return n;
    }

    /** A boolean; {@code fallback} when absent or null. */
    public boolean bool(String field, boolean fallback) {
        JsonValue v = value(field);
        if (v == null) {
            return fallback;
        }
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            error(field, "must be true or false");
            return fallback;
        }
        return v == JsonValue.TRUE;
    }

    /** A moment written in ISO-8601 with its offset ({@code 2026-11-21T22:00:00+01:00} or {@code …Z}). */
    public OffsetDateTime dateTime(String field, boolean required) {
        return time(field, required, OffsetDateTime::parse, "must be a date and time with its offset, like 2026-11-21T22:00:00+01:00");
    }

    /** A list of record ids (positive whole numbers), each once; empty when absent. */
    public List<Long> ids(String field, int maxItems) {
        Set<Long> seen = new java.util.LinkedHashSet<>();
        items(field, maxItems, JsonValue.ValueType.NUMBER, "must be an id (a positive whole number)", (where, item) -> {
            JsonNumber n = (JsonNumber) item;
            if (!n.isIntegral() || n.bigDecimalValue().signum() <= 0
                    || n.bigDecimalValue().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                error(where, "must be an id (a positive whole number)");
                return null;
            }
            if (!seen.add(n.longValueExact())) {
                error(where, "appears twice");
            }
            return null;
        });
        return List.copyOf(seen);
    }

    public LocalDate date(String field, boolean required) {
        return time(field, required, LocalDate::parse, "must be a date like 2026-11-21");
    }

    private <T> T time(String field, boolean required, Function<String, T> parse, String expected) {
        // any length: a timestamp or other long text is "not a date", not "too long"
        String s = string(field, required, Integer.MAX_VALUE);
        if (s == null) {
            return null;
        }
        try {
            return parse.apply(s);
        } catch (DateTimeParseException e) {
            error(field, expected);
            return null;
        }
    }

    /** One of a fixed set of lower-case words; {@code fallback} when absent (null = required). */
    public String oneOf(String field, Set<String> allowed, String fallback) {
        String s = string(field, fallback == null, 40);
        if (s == null) {
            return hasFieldError(field) ? null : fallback;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            error(field, "must be one of " + allowed.stream().sorted().toList());
            return null;
        }
        return lower;
    }

    private boolean hasFieldError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(prefix + field));
    }

    /** The field's list, empty when absent; a non-list or an over-long list is an error (and empty). */
    private JsonArray list(String field, int maxItems) {
        JsonValue v = value(field);
        if (v == null) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            error(field, "must be a list");
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        JsonArray array = v.asJsonArray();
        if (array.size() > maxItems) {
            error(field, "must have at most " + maxItems + " items");
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        return array;
    }

    /** A list of strings, each checked by {@code check} (null = fine, else the message). */
    public List<String> strings(String field, int maxItems, int maxLength, Function<String, String> check) {
        return items(field, maxItems, JsonValue.ValueType.STRING, "must be a string", (where, item) -> {
            String s = ((JsonString) item).getString().strip();
            String problem = s.isEmpty() ? "must not be empty"
                    : s.length() > maxLength ? "must be at most " + maxLength + " characters" : check.apply(s);
            if (problem != null) {
                error(where, problem);
                return null;
            }
            return s;
        });
    }

    /** A list of objects, each read by {@code reader} with field names prefixed by {@code field[i].}. */
    public <T> List<T> objects(String field, int maxItems, Set<String> known, Function<JsonInput, T> reader) {
        return items(field, maxItems, JsonValue.ValueType.OBJECT, "must be an object", (where, item) -> {
            JsonInput nested = new JsonInput(item.asJsonObject(), prefix + where + ".", errors);
            nested.rejectUnknown(known, Set.of());
            return reader.apply(nested);
        });
    }

    /**
     * The field's list, each item of the given type read by {@code read} (given its place, {@code field[i]}, for
     * messages); an item of another type is an error, an item read as null is left out.
     */
    private <T> List<T> items(String field, int maxItems, JsonValue.ValueType type, String wrongType,
            BiFunction<String, JsonValue, T> read) {
        JsonArray array = list(field, maxItems);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            String where = field + "[" + i + "]";
            if (item.getValueType() != type) {
                error(where, wrongType);
                continue;
            }
            T t = read.apply(where, item);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
