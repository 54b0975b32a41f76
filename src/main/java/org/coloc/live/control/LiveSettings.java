package org.coloc.live.control;

import org.coloc.platform.SettingsReader;

/**
 * The dashboard's live events ({@code GET /api/events}).
 *
 * @param maxEventStreams event streams open at once, all clients together; one more is refused (503) until one ends
 */
public record LiveSettings(int maxEventStreams) {

    public static final String MAX_EVENT_STREAMS = "coloc.admin.max-event-streams";
    /** Each open stream holds a connection and a sending thread: a few hundred is already more than one admin needs. */
    static final int MOST_STREAMS = 1000;

    public static LiveSettings read(SettingsReader in) {
        return new LiveSettings(in.integer(MAX_EVENT_STREAMS, 1, MOST_STREAMS));
    }
}
