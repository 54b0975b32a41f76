package org.coloc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The system tests' fixture leaves nothing running, whatever fails; no application server is needed for that. */
class ColocAppTest {

    @Test
    void aStartThatFailsHalfWayStopsTheMailServersItStartedAndRunsTheAfterStopStep() {
        AtomicInteger stopped = new AtomicInteger();
        ColocApp app = ColocApp.named("failing-start").withMailServer().withRelay()
                .beforeStart(() -> {
                    throw new IllegalStateException("no database");
                })
                .afterStop(stopped::incrementAndGet);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.beforeAll(null));
        assertEquals("no database", e.getMessage());
        assertFalse(app.mail().isRunning());
        assertFalse(app.relay().isRunning());
        assertEquals(1, stopped.get());
    }

    @Test
    void afterTheClassTheMailServersAreStoppedAndTheAfterStopStepRunsOnce() throws Exception {
        AtomicInteger stopped = new AtomicInteger();
        ColocApp app = ColocApp.named("stopped-after").withMailServer().startedByTest()
                .afterStop(stopped::incrementAndGet);
        app.beforeAll(null);
        try {
            assertTrue(app.mail().isRunning());
        } finally {
            app.afterAll(null);
        }
        assertFalse(app.mail().isRunning());
        app.afterAll(null);
        assertEquals(1, stopped.get());
    }

    @Test
    void aProblemMustCarryItsStatusTypeAndDetail() {
        Api.Reply good = new Api.Reply(404, "application/problem+json", """
                {"type":"about:blank","title":"Not Found","status":404,"detail":"No VM 7."}""".getBytes(), null);
        assertEquals("No VM 7.", ColocApp.assertProblem(good, 404).getString("detail"));
        assertThrows(AssertionError.class, () -> ColocApp.assertProblem(good, 400));
        Api.Reply plain = new Api.Reply(404, "text/html", "<h1>Not Found</h1>".getBytes(), null);
        assertThrows(AssertionError.class, () -> ColocApp.assertProblem(plain, 404));
        Api.Reply noDetail = new Api.Reply(404, "application/problem+json", "{\"status\":404}".getBytes(), null);
        assertThrows(AssertionError.class, () -> ColocApp.assertProblem(noDetail, 404));
    }
}
