package org.coloc.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import java.util.stream.Stream;
import org.coloc.platform.SettingsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the dashboard receives: the event's name and one line of JSON holding ids, numbers and labels only. */
class LiveEventTest {

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("a mail stored and classified", LiveEvent.messageReceived(12, "human", "ingested"),
                        "message-received", "{\"id\":12,\"classification\":\"human\",\"status\":\"ingested\"}"),
                Arguments.of("a quarantined mail has no classification", LiveEvent.messageReceived(13, null, "quarantined"),
                        "message-received", "{\"id\":13,\"classification\":null,\"status\":\"quarantined\"}"),
                Arguments.of("a case opened", LiveEvent.caseChanged(1, "new", "opened"),
                        "case-changed", "{\"number\":1,\"state\":\"new\",\"reason\":\"opened\"}"),
                Arguments.of("the admin's reply", LiveEvent.caseChanged(7, "waiting-requester", "reply"),
                        "case-changed", "{\"number\":7,\"state\":\"waiting-requester\",\"reason\":\"reply\"}"),
                Arguments.of("a comment received", LiveEvent.commentReceived(40, "hello-world", "pending"),
                        "comment-received", "{\"id\":40,\"post\":\"hello-world\",\"state\":\"pending\"}"),
                Arguments.of("a comment published", LiveEvent.commentModerated(40, "hello-world", "published"),
                        "comment-moderated", "{\"id\":40,\"post\":\"hello-world\",\"state\":\"published\"}"),
                Arguments.of("a maintenance started by the timers", LiveEvent.recordChanged("maintenance", 5, "start"),
                        "record-changed", "{\"type\":\"maintenance\",\"id\":5,\"action\":\"start\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eachEventHasItsNameAndItsJson(String what, LiveEvent event, String name, String json) {
        assertEquals(name, event.name());
        assertFalse(event.comment());
        assertEquals(Json.createReader(new StringReader(json)).readObject(),
                Json.createReader(new StringReader(event.data())).readObject());
    }

    @Test
    void aStrangeStringStaysOneLineOfValidJson() {
        // a slug is ours, but whatever a string holds, the data must stay one SSE line and parse back unchanged
        String hostile = "a\nevent: case-changed\r\ndata: {}\n\n\u2028\"";
        LiveEvent e = LiveEvent.commentReceived(1, hostile, "pending");
        assertFalse(e.data().contains("\n") || e.data().contains("\r"), e.data());
        JsonObject back = Json.createReader(new StringReader(e.data())).readObject();
        assertEquals(hostile, back.getString("post"));
    }

    @Test
    void anEventThatWouldBreakTheStreamIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LiveEvent("case-changed", "{}\ndata: x", false));
        assertThrows(IllegalArgumentException.class, () -> new LiveEvent("case\nchanged", "{}", false));
        assertThrows(IllegalArgumentException.class, () -> LiveEvent.comment("keep\nalive"));
        assertTrue(LiveEvent.comment("keep-alive").comment());
    }

    @Test
    void theNumberOfStreamsIsASetting() {
        assertEquals(20, LiveSettings.read(SettingsReader.of(Map.of(LiveSettings.MAX_EVENT_STREAMS, "20")))
                .maxEventStreams());
        for (String wrong : new String[] {"0", "-1", "many", "1001"}) {
            SettingsReader in = SettingsReader.of(Map.of(LiveSettings.MAX_EVENT_STREAMS, wrong));
            LiveSettings.read(in);
            assertEquals(1, in.problems().size(), wrong);
            assertTrue(in.problems().get(0).text().contains("COLOC_ADMIN_MAX_EVENT_STREAMS"), in.problems().toString());
        }
        SettingsReader missing = SettingsReader.of(Map.of());
        LiveSettings.read(missing);
        assertEquals(1, missing.problems().size(), "the default was removed");
    }
}
