package org.coloc.cases.control;

import java.time.Duration;
import java.util.Optional;
import org.coloc.platform.SettingsReader;

/**
 * The limits and deadlines of support cases.
 *
 * @param ackLimit acknowledgements per sender within {@code ackWindow} (0: none)
 * @param ackLimitPerHour distinct new addresses acknowledged per hour, all senders together (0: none)
 * @param remindAfter the admin is reminded of a case waiting for him this long …
 * @param remindEvery … and again at this interval
 * @param closeAfter a case whose requester has not answered this long is closed
 * @param maxParticipants participants per case, requester included
 * @param authservId the receiving server's authserv-id, whose {@code Authentication-Results} may prove a mail
 *        is the admin's; empty: such headers are never trusted
 */
public record CaseSettings(int ackLimit, Duration ackWindow, int ackLimitPerHour, Duration remindAfter,
        Duration remindEvery, Duration closeAfter, int maxParticipants, Optional<String> authservId) {

    public static final String ACK_LIMIT = "coloc.cases.ack-limit";
    public static final String ACK_WINDOW = "coloc.cases.ack-window-hours";
    public static final String ACK_LIMIT_PER_HOUR = "coloc.cases.ack-limit-per-hour";
    public static final String REMIND_AFTER = "coloc.cases.remind-after-days";
    public static final String REMIND_EVERY = "coloc.cases.remind-every-days";
    public static final String CLOSE_AFTER = "coloc.cases.close-after-days";
    public static final String MAX_PARTICIPANTS = "coloc.cases.max-participants";
    public static final String AUTHSERV_ID = "coloc.mail.authserv-id";

    public static CaseSettings read(SettingsReader in) {
        return new CaseSettings(
                in.integer(ACK_LIMIT, 0, Integer.MAX_VALUE),
                in.hours(ACK_WINDOW),
                in.integer(ACK_LIMIT_PER_HOUR, 0, Integer.MAX_VALUE),
                in.days(REMIND_AFTER),
                in.days(REMIND_EVERY),
                in.days(CLOSE_AFTER),
                in.integer(MAX_PARTICIPANTS, 1, Integer.MAX_VALUE),
                in.optional(AUTHSERV_ID));
    }
}
