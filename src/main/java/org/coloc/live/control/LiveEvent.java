package org.coloc.live.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;

/**
 * One Server-Sent Event for the dashboard: its name and its JSON data, or a comment line (the keep-alive) that
 * clients ignore. Built only from ids, numbers and labels: nothing a stranger wrote in a mail ever goes into an event
 * (the dashboard reads the rest over the API, with the same login).
 */
public record LiveEvent(String name, String data, boolean comment) {

    public LiveEvent {
        Objects.requireNonNull(data);
        if (!comment) {
            Objects.requireNonNull(name);
        }
        // one line each: an SSE field ends at a line break, so data holding one would be read as two fields
        if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0 || (name != null && !name.matches("[a-z-]{1,40}"))) {
            throw new IllegalArgumentException("not a one-line event: " + name);
        }
    }

    /** A comment line ({@code : text}): keeps proxies from closing an idle stream, and tells a client it is connected. */
    public static LiveEvent comment(String text) {
        return new LiveEvent(null, text, true);
    }

    /** A mail was stored ({@code status} ingested or quarantined; {@code classification} null when quarantined). */
    public static LiveEvent messageReceived(long id, String classification, String status) {
        return event("message-received", Json.createObjectBuilder().add("id", id).add("classification", orNull(classification))
                .add("status", orNull(status)));
    }

    /** Case N was opened or changed; {@code reason}: opened, message, auto-reply, bounce, reply, note, state, link, participants. */
    public static LiveEvent caseChanged(long number, String state, String reason) {
        return event("case-changed", Json.createObjectBuilder().add("number", number).add("state", orNull(state))
                .add("reason", orNull(reason)));
    }

    /**
     * A record of the inventory, a maintenance or a post changed ({@code type}: member, host, vm, maintenance, post,
     * comment; {@code action}: create, update, delete, announce, start, complete…), whoever changed it.
     */
    public static LiveEvent recordChanged(String type, long id, String action) {
        return event("record-changed", Json.createObjectBuilder().add("type", type).add("id", id).add("action", action));
    }

    /** A comment was stored from a mail (or imported); {@code post} is its post's slug. */
    public static LiveEvent commentReceived(long id, String post, String state) {
        return comment("comment-received", id, post, state);
    }

    /** A comment changed state (the admin's API, his signed link, or published at once). */
    public static LiveEvent commentModerated(long id, String post, String state) {
        return comment("comment-moderated", id, post, state);
    }

    private static LiveEvent comment(String name, long id, String post, String state) {
        return event(name, Json.createObjectBuilder().add("id", id).add("post", orNull(post)).add("state", orNull(state)));
    }

    private static LiveEvent event(String name, JsonObjectBuilder data) {
        // JSON-P escapes every control character, so the data is one line whatever the strings hold
        return new LiveEvent(name, data.build().toString(), false);
    }

    private static jakarta.json.JsonValue orNull(String value) {
        return value == null ? jakarta.json.JsonValue.NULL : Json.createValue(value);
    }
}
