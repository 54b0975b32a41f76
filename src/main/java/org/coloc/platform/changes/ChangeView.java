package org.coloc.platform.changes;

import org.coloc.platform.JsonSupport;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/** A change as the API shows it; {@code before}/{@code after} are the record's JSON (null on create/delete). */
public record ChangeView(long id, Instant at, String actor, String type, long recordId, String action,
        JsonValue before, JsonValue after) {

    static ChangeView of(Change c) {
        return new ChangeView(c.getId(), c.getAt(), c.getActor(), c.getType(), c.getRecordId(), c.getAction(),
                json(c.getBefore()), json(c.getAfter()));
    }

    private static JsonValue json(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        try (var reader = JsonSupport.JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
