package org.coloc.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.coloc.routing.control.Route.Ignore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of situations for the router, one row each (what happened, the mail's facts, the decision expected),
 * each row a test of its own. A decision is compared exactly, except that an ignored mail only has to say why.
 * One instance per class, so that the table can be an instance method each table test defines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RoutingTable {

    private final MailRouter router;
    private final Supplier<? extends RouteLookups> world;
    private final Instant now;
    private final int leastSituations;

    /**
     * @param world makes the lookups of the table's world, fresh for each row
     * @param leastSituations how many situations the table must cover at least
     */
    RoutingTable(MailRouter router, Supplier<? extends RouteLookups> world, Instant now, int leastSituations) {
        this.router = router;
        this.world = world;
        this.now = now;
        this.leastSituations = leastSituations;
    }

    /** The rows: situation, {@link MailFacts}, expected {@link Route}. */
    abstract Stream<Arguments> situations();

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void routes(String situation, MailFacts mail, Route expected) {
        Route actual = router.route(mail, world.get(), now);
        if (expected instanceof Ignore) {
            assertInstanceOf(Ignore.class, actual, situation + ": " + actual);
            assertFalse(((Ignore) actual).reason().isBlank(), "an ignored mail says why");
        } else {
            assertEquals(expected, actual, situation);
        }
    }

    @Test
    void theTableCoversItsSituations() {
        assertTrue(situations().count() >= leastSituations);
    }
}
