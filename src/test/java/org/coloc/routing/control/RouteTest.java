package org.coloc.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one dispatch of decisions: every kind of {@link Route} reaches the handler's method named after it. */
class RouteTest {

    @Test
    void everyKindOfRouteReachesItsOwnHandlerMethod() throws Exception {
        Class<?>[] kinds = Route.class.getPermittedSubclasses();
        assertEquals(kinds.length, Route.Handler.class.getDeclaredMethods().length, "a handler method per kind");
        for (Class<?> kind : kinds) {
            Route route = sample(kind);
            List<Object> reached = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Route.Handler<String> handler = (Route.Handler<String>) Proxy.newProxyInstance(
                    Route.Handler.class.getClassLoader(), new Class<?>[] {Route.Handler.class},
                    (proxy, method, args) -> {
                        reached.add(args[0]);
                        return method.getName();
                    });
            assertEquals(Introspector.decapitalize(kind.getSimpleName()), route.applyWith(handler), kind.getName());
            assertEquals(1, reached.size());
            assertSame(route, reached.get(0), "the handler is given the route itself");
        }
    }

    /** A route of this kind, made with its canonical constructor and a plain value for each component. */
    private static Route sample(Class<?> kind) throws Exception {
        RecordComponent[] components = kind.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(RouteTest::plain).toArray();
        Constructor<?> canonical = kind.getDeclaredConstructor(types);
        return (Route) canonical.newInstance(values);
    }

    private static Object plain(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == Route.As.class) {
            return Route.As.CORRESPONDENT;
        }
        return "x";
    }
}
