package org.coloc.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;

/**
 * Test-only, deployed with {@link OutboxInContainerIT} alone: stops the outbox's own drain timer, so that a test
 * can play two senders claiming the same rows without a third one (the real drain) taking them in between.
 */
@Singleton
public class OutboxDrainPause {

    /** The {@code info} of OutboxSender's schedule. */
    static final String DRAIN = "outbox drain";

    @Resource
    TimerService timers;

    /** Cancels the drain's timer; true when no drain timer is left in the application. */
    public boolean pause() {
        for (Timer t : timers.getAllTimers()) {
            if (DRAIN.equals(t.getInfo())) {
                t.cancel();
            }
        }
        return !drainScheduled();
    }

    public boolean drainScheduled() {
        return timers.getAllTimers().stream().anyMatch(t -> DRAIN.equals(t.getInfo()));
    }
}
