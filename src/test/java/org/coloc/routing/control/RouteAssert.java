package org.coloc.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.coloc.routing.control.Route.Ignore;

/** How the routing tables compare a decision: exactly, except that an ignored mail only has to say why. */
final class RouteAssert {

    private RouteAssert() {
    }

    static void assertRoute(String situation, Route expected, Route actual) {
        if (expected instanceof Ignore) {
            assertInstanceOf(Ignore.class, actual, situation + ": " + actual);
            assertFalse(((Ignore) actual).reason().isBlank(), "an ignored mail says why");
        } else {
            assertEquals(expected, actual, situation);
        }
    }
}
