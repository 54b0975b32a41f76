package org.coloc.outbox.control;

import java.time.Duration;
import org.coloc.platform.SettingsReader;

/**
 * How the outbox retries: at most {@code maxRetryDelay} between two attempts at a mail SMTP did not take, and
 * for {@code giveUpAfter} in all before the mail ends as failed.
 */
public record OutboxSettings(Duration maxRetryDelay, Duration giveUpAfter) {

    public static final String MAX_RETRY = "coloc.outbox.max-retry-seconds";
    public static final String GIVE_UP_AFTER = "coloc.outbox.give-up-after";

    public static OutboxSettings read(SettingsReader in) {
        return new OutboxSettings(in.seconds(MAX_RETRY, 1), in.isoDuration(GIVE_UP_AFTER));
    }
}
