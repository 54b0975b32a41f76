package org.coloc.platform;

import jakarta.json.JsonException;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.List;

/** Request bodies are read here, so malformed JSON always gets the same clear 400. */
public final class JsonBodies {

    private static final class Holder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    private JsonBodies() {
    }

    public static JsonValue parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException(List.of(new Problem.FieldError("(body)", "is empty; send a JSON object")));
        }
        try (JsonParser parser = JsonSupport.JSON.createParser(new StringReader(body))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                // a reader stops after the first value: '{"a":1} {"a":2}' must not pass as '{"a":1}'
                throw new JsonException("unexpected content after the JSON value");
            }
            return value;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new InvalidInputException(List.of(new Problem.FieldError("(body)", "is not valid JSON: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "))));
        }
    }

    /** RFC 7386: the patch applied to the current representation of a record. */
    public static JsonValue mergePatch(Object current, String patch) {
        JsonValue patchValue = parse(patch);
        if (patchValue.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(List.of(new Problem.FieldError("(body)", "a merge patch must be a JSON object")));
        }
        JsonMergePatch mergePatch = JsonSupport.JSON.createMergePatch(patchValue);
        return mergePatch.apply(toJson(current));
    }

    /** A record's JSON representation, as the API shows it. */
    public static JsonObject toJson(Object view) {
        String text = Holder.JSONB.toJson(view);
        try (JsonReader reader = JsonSupport.JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    public static String toText(Object view) {
        return view == null ? null : Holder.JSONB.toJson(view);
    }
}
