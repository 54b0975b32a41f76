package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListRequestTest {

    private static MultivaluedHashMap<String, String> query(String... pairs) {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return query;
    }

    @Test
    void readsThePageTheSortAndTheFiltersByName() {
        ListRequest request = ListRequest.of(query("offset", "20", "limit", "10", "sort", "-name", "status", "active"));
        assertEquals(new Paging(20, 10), request.paging());
        assertEquals("-name", request.sort());
        assertEquals("active", request.filter("status"));
        assertNull(request.filter("q"), "a filter not asked is null, as an absent @QueryParam was");
    }

    @Test
    void aRepeatedParameterCountsByItsFirstValueAsJaxRsGivesIt() {
        MultivaluedHashMap<String, String> query = query("status", "former");
        query.addAll("status", List.of("active"));
        assertEquals("former", ListRequest.of(query).filter("status"));
    }

    @Test
    void noParameterIsTheFirstPageOfTheDefaultSizeUnsorted() {
        ListRequest request = ListRequest.of(query());
        assertEquals(new Paging(0, Paging.DEFAULT_LIMIT), request.paging());
        assertNull(request.sort());
    }

    @Test
    void aBadPageIsRefusedAsBeforeNamingTheParameter() {
        ProblemException e = assertThrows(ProblemException.class, () -> ListRequest.of(query("limit", "0")));
        assertEquals(400, e.problem().status());
        ProblemException bad = assertThrows(ProblemException.class, () -> ListRequest.of(query("offset", "x")));
        assertEquals(400, bad.problem().status());
    }
}
