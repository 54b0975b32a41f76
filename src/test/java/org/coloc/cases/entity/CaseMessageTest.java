package org.coloc.cases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Message-IDs of any length are stored so that the same id always finds the same row. */
class CaseMessageTest {

    @Test
    void aLongMessageIdIsStoredAsTheKeyItIsLookedUpBy() {
        String longId = "x".repeat(1209) + "@example.org";
        String key = CaseMessage.idKey(longId);
        assertTrue(key.length() <= CaseMessage.MESSAGE_ID_MAX);
        assertEquals(key, CaseMessage.idKey(longId), "same id, same key");
        assertNotEquals(key, CaseMessage.idKey("x".repeat(1209) + "@example.net"), "same prefix, other id");
        assertEquals("short@example.org", CaseMessage.idKey("short@example.org"), "short ids unchanged");
        CaseMessage m = new CaseMessage(1, MessageDirection.INCOMING, longId, null, "a".repeat(400), Instant.EPOCH, "text");
        assertEquals(key, m.getMessageId());
        assertTrue(m.getAuthor().length() <= CaseMessage.AUTHOR_MAX);
    }
}
