package org.coloc.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Issue 8 on the intake side: identity that never drops a different mail, bounded parse time, failures told apart. */
class IntakeSafetyTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final String HEADERS = "From: Alice <alice@example.org>\r\nTo: coloc@coloc.test\r\n"
            + "Subject: VM\r\nDate: Fri, 20 Nov 2026 10:00:00 +0100\r\nMessage-ID: <same@example.org>\r\n";

    // --- identity ---------------------------------------------------------------------------------------------

    @Test
    void aDifferentMailReusingAMessageIdIsAnotherMail() {
        String first = DedupeKey.of(bytes(HEADERS + "\r\nBonjour, une VM ?\r\n"));
        String second = DedupeKey.of(bytes(HEADERS + "\r\nEt une deuxième, tant qu'on y est.\r\n"));
        assertNotEquals(first, second, "same Message-ID, other body: both are kept");
        String otherSubject = DedupeKey.of(bytes(HEADERS.replace("Subject: VM", "Subject: Autre") + "\r\nBonjour, une VM ?\r\n"));
        assertNotEquals(first, otherSubject);
        String otherSender = DedupeKey.of(bytes(HEADERS.replace("alice@", "mallory@") + "\r\nBonjour, une VM ?\r\n"));
        assertNotEquals(first, otherSender);
    }

    @Test
    void aTrueReDeliveryKeepsItsKeyWhateverTheDeliveringServersAdded() {
        byte[] sent = bytes(HEADERS + "\r\nBonjour, une VM ?\r\n");
        byte[] redelivered = bytes("Return-Path: <alice@example.org>\r\nDelivered-To: coloc@coloc.test\r\n"
                + "Received: from mx2.example.org by imap.coloc.test; Sat, 21 Nov 2026 08:00:00 +0100\r\n"
                + "Received: from mail.example.org\r\n\tby mx2.example.org; Sat, 21 Nov 2026 07:59:00 +0100\r\n"
                + "X-Spam-Score: 0.3\r\nAuthentication-Results: mx2; spf=pass\r\nARC-Seal: i=1; cv=none\r\n"
                + HEADERS.replace("Subject: VM", "Subject:   VM") + "\r\nBonjour, une VM ?\r\n");
        byte[] storedWithLf = bytes((HEADERS + "\r\nBonjour, une VM ?\r\n").replace("\r\n", "\n"));
        byte[] lostFinalLineBreak = bytes(HEADERS + "\r\nBonjour, une VM ?");
        String key = DedupeKey.of(sent);
        assertEquals(key, DedupeKey.of(redelivered));
        assertEquals(key, DedupeKey.of(storedWithLf));
        assertEquals(key, DedupeKey.of(lostFinalLineBreak));
        assertEquals(key, DedupeKey.of(bytes(HEADERS.replace("same@", "SAME@") + "\r\nBonjour, une VM ?\r\n")),
                "Message-IDs compare without case, as before");
    }

    @Test
    void keysFitTheColumnAndTheOldKeyIsStillKnown() {
        String longId = "x".repeat(1221);
        byte[] raw = bytes("Message-ID: <" + longId + "@example.org>\r\n\r\nbody\r\n");
        assertTrue(DedupeKey.of(raw).length() <= 120);
        assertTrue(DedupeKey.legacy(raw).length() <= 120);
        assertEquals("id:same@example.org", DedupeKey.legacy(bytes(HEADERS + "\r\nx")));
        assertNull(DedupeKey.legacy(bytes("Subject: none\r\n\r\nx")), "without an id the key never changed");
    }

    // --- parse time budget ------------------------------------------------------------------------------------

    @Test
    void oneSlowMailNeverHoldsTheBatchBehindIt() {
        MailIntake.Parser slowOnMarkedMail = raw -> {
            if (new String(raw, StandardCharsets.ISO_8859_1).contains("X-Slow: yes")) {
                sleep(Duration.ofSeconds(60));
            }
            return new MimeParser().parse(raw);
        };
        MailIntake intake = new MailIntake("coloc@localhost", 1_000_000, Duration.ofMillis(500), slowOnMarkedMail);
        List<byte[]> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // three slow ones, more than there are cores on a small machine
            batch.add(bytes("From: p" + i + "@example.org\r\nSubject: n" + i + "\r\n" + (i % 4 == 1 ? "X-Slow: yes\r\n" : "")
                    + "\r\nBonjour " + i + "\r\n"));
        }
        List<MailIntake.Result> results = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> intake.takeAll(batch));
        assertEquals(12, results.size());
        for (int i = 0; i < 12; i++) {
            MailIntake.Result r = results.get(i);
            if (i % 4 == 1) {
                assertTrue(r.isRejected());
                assertTrue(r.rejection().startsWith("took too long to parse"), r.rejection());
            } else {
                assertFalse(r.isRejected(), r.rejection());
                assertEquals("p" + i + "@example.org", r.fields().fromAddress(), "results stay in batch order");
            }
        }
    }

    @Test
    void aBatchWithinBudgetIsParsedWhole() {
        MailIntake intake = new MailIntake("coloc@localhost", 1_000_000);
        List<byte[]> batch = IntStream.range(0, 50)
                .mapToObj(i -> bytes("From: p" + i + "@example.org\r\nSubject: n\r\n\r\nx\r\n")).toList();
        List<MailIntake.Result> results = intake.takeAll(batch);
        assertEquals(50, results.size());
        assertTrue(results.stream().noneMatch(MailIntake.Result::isRejected));
        assertEquals("p49@example.org", results.get(49).fields().fromAddress());
        assertTrue(intake.takeAll(List.of()).isEmpty());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- database failures --------------------------------------------------------------------------------------

    @Test
    void passingDatabaseFailuresAreToldFromBadMail() {
        assertTrue(StoreFailures.isTransient(wrapped(new SQLNonTransientConnectionException("connection lost", "08006"))));
        assertTrue(StoreFailures.isTransient(wrapped(new SQLTransactionRollbackException("deadlock", "40P01"))));
        assertTrue(StoreFailures.isTransient(wrapped(new SQLException("serialization failure", "40001"))));
        assertTrue(StoreFailures.isTransient(wrapped(new SQLException("lock timeout", "40XL1"))), "Derby");
        assertTrue(StoreFailures.isTransient(wrapped(new SQLException("terminating connection", "57P01"))));
        assertFalse(StoreFailures.isTransient(wrapped(new SQLException("value too long", "22001"))), "truncation");
        assertFalse(StoreFailures.isTransient(wrapped(new SQLIntegrityConstraintViolationException("dup", "23505"))));
        assertFalse(StoreFailures.isTransient(new IllegalStateException("parser bug")));
    }

    private static RuntimeException wrapped(SQLException e) {
        return new RuntimeException("EJB", new IllegalStateException("EclipseLink", e));
    }

    // --- batch commit -------------------------------------------------------------------------------------------

    /** A store that fails the batch as a whole and then as told for single mails. */
    private static final class FakeStore implements BatchCommit.Store {
        final Map<Long, RuntimeException> failures = new LinkedHashMap<>();
        final List<Long> quarantined = new ArrayList<>();
        boolean batchFails = true;

        @Override
        public Map<Long, StoreOutcome> storeBatch(List<FetchedMail> batch) {
            if (batch.size() > 1 && batchFails) {
                throw new RuntimeException("batch rolled back");
            }
            Map<Long, StoreOutcome> out = new LinkedHashMap<>();
            for (FetchedMail m : batch) {
                RuntimeException f = failures.get(m.uid());
                if (f != null) {
                    throw f;
                }
                out.put(m.uid(), StoreOutcome.INGESTED);
            }
            return out;
        }

        @Override
        public StoreOutcome storeQuarantined(FetchedMail mail, String reason) {
            quarantined.add(mail.uid());
            return StoreOutcome.QUARANTINED;
        }
    }

    private static List<FetchedMail> mails(long... uids) {
        return java.util.Arrays.stream(uids).mapToObj(u -> new FetchedMail(u, bytes("Subject: " + u + "\r\n\r\nx"))).toList();
    }

    @Test
    void aMailTheDatabaseRefusesIsQuarantinedAloneAndTheOthersAreStored() {
        FakeStore store = new FakeStore();
        store.failures.put(2L, new RuntimeException(new SQLException("value too long", "22001")));
        BatchCommit.Committed c = BatchCommit.commit(store, mails(1, 2, 3));
        assertNull(c.interruption());
        assertEquals(Map.of(1L, StoreOutcome.INGESTED, 2L, StoreOutcome.QUARANTINED, 3L, StoreOutcome.INGESTED),
                c.outcomes());
        assertEquals(List.of(2L), store.quarantined);
    }

    @Test
    void aPassingDatabaseFailureQuarantinesNothingAndLeavesTheRestInTheInbox() {
        FakeStore store = new FakeStore();
        RuntimeException lost = new RuntimeException(new SQLNonTransientConnectionException("connection lost", "08006"));
        store.failures.put(2L, lost);
        BatchCommit.Committed c = BatchCommit.commit(store, mails(1, 2, 3));
        assertSame(lost, c.interruption());
        assertEquals(Map.of(1L, StoreOutcome.INGESTED), c.outcomes(), "2 and 3 stay where they are, to be tried again");
        assertTrue(store.quarantined.isEmpty());
    }

    @Test
    void aBatchThatCommitsIsOneTransaction() {
        FakeStore store = new FakeStore();
        store.batchFails = false;
        BatchCommit.Committed c = BatchCommit.commit(store, mails(1, 2));
        assertNull(c.interruption());
        assertEquals(2, c.outcomes().size());
    }
}
