package org.coloc.cases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state machine and deadlines of a case, without a database. */
class SupportCaseTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final SupportCase.Deadlines D = new SupportCase.Deadlines(Duration.ofDays(3), Duration.ofDays(3),
            Duration.ofDays(21));

    private static SupportCase fresh() {
        return new SupportCase(7, "VM", "vm", "Alice@Example.org", "Alice", "fr", false, T0, D);
    }

    @Test
    void aNewCaseWaitsForTheAdminWithAReminderDueInThreeDays() {
        SupportCase c = fresh();
        assertEquals(CaseState.NEW, c.getState());
        assertEquals("alice@example.org", c.getRequester());
        assertTrue(c.takesPart("ALICE@example.org"));
        assertEquals(T0.plus(Duration.ofDays(3)), c.getRemindAdminAt());
        assertNull(c.getCloseAt());
    }

    @Test
    void followUpsDoNotPushTheAdminsReminderBack() {
        SupportCase c = fresh();
        c.incoming(T0.plus(Duration.ofDays(2)), D);
        assertEquals(CaseState.NEW, c.getState(), "still new: the admin has not looked yet");
        assertEquals(T0.plus(Duration.ofDays(3)), c.getRemindAdminAt());
    }

    @Test
    void answeringStartsTheRequestersClockAndStopsTheAdminsReminders() {
        SupportCase c = fresh();
        Instant answered = T0.plus(Duration.ofDays(1));
        c.answered(answered, D);
        assertEquals(CaseState.WAITING_REQUESTER, c.getState());
        assertNull(c.getRemindAdminAt());
        assertEquals(answered.plus(Duration.ofDays(21)), c.getCloseAt());
    }

    @Test
    void anAnswerFromTheRequesterPutsTheBallBackAndCancelsTheClosing() {
        SupportCase c = fresh();
        c.answered(T0, D);
        Instant back = T0.plus(Duration.ofDays(5));
        c.incoming(back, D);
        assertEquals(CaseState.WAITING_ADMIN, c.getState());
        assertNull(c.getCloseAt());
        assertEquals(back.plus(Duration.ofDays(3)), c.getRemindAdminAt());
        assertFalse(c.takesPart("bob@example.org"), "writing in makes nobody a participant (Participants decides)");
    }

    @Test
    void aMailToAClosedCaseReopensIt() {
        SupportCase c = fresh();
        c.changeState(CaseState.CLOSED, T0, D);
        assertNull(c.getRemindAdminAt());
        c.incoming(T0.plus(Duration.ofDays(40)), D);
        assertEquals(CaseState.WAITING_ADMIN, c.getState());
    }

    @Test
    void remindersRepeatAndClosingForSilenceClearsEveryDeadline() {
        SupportCase c = fresh();
        Instant reminded = T0.plus(Duration.ofDays(3));
        c.reminded(reminded, D);
        assertEquals(reminded.plus(Duration.ofDays(3)), c.getRemindAdminAt());
        c.answered(reminded, D);
        c.closedForSilence(reminded.plus(Duration.ofDays(21)));
        assertEquals(CaseState.CLOSED, c.getState());
        assertNull(c.getCloseAt());
        assertNull(c.getRemindAdminAt());
    }

    @Test
    void aFailingAddressIsKeptOnceWithItsLatestStatus() {
        SupportCase c = fresh();
        c.failing("alice@example.org", "4.2.2", T0);
        c.failing("Alice@example.org", "5.1.1", T0);
        assertEquals(Set.of("alice@example.org (5.1.1)"), c.getFailingAddresses());
        assertFalse(c.getFailingAddresses().isEmpty());
    }

    @Test
    void theAdminAddsAndRemovesParticipantsButNeverTheRequester() {
        SupportCase c = fresh();
        assertTrue(c.join(new CaseParticipant("bob@example.org", "admin", T0), T0));
        assertFalse(c.join(new CaseParticipant("bob@example.org", "someone", T0), T0), "once per address");
        assertEquals(java.util.List.of("alice@example.org", "bob@example.org"), c.getParticipants());
        assertEquals("admin", c.getParticipantDetails().get(1).getAddedBy());
        assertFalse(c.leave("alice@example.org", T0));
        assertTrue(c.leave("BOB@example.org", T0));
        assertFalse(c.takesPart("bob@example.org"));
    }

    @Test
    void outsideStringsLongerThanTheirColumnsAreBoundedAndStillFound() {
        String local = "a".repeat(288);
        String address = local + "@example.org";
        SupportCase c = new SupportCase(8, "S".repeat(5000), "s".repeat(5000), address, "N".repeat(400), "fr", false,
                T0, D);
        assertTrue(c.getRequester().length() <= SupportCase.ADDRESS_MAX);
        assertEquals(SupportCase.addressKey(address.toUpperCase()), c.getRequester());
        assertTrue(c.takesPart(address), "the long address is found by its key");
        assertTrue(c.getSubject().length() <= SupportCase.SUBJECT_MAX);
        assertEquals(SupportCase.subjectKey("s".repeat(5000)), c.getNormalisedSubject());
        assertTrue(c.getRequesterName().length() <= SupportCase.NAME_MAX);
        c.failing(address, "5.1.1", T0);
        assertTrue(c.getFailingAddresses().iterator().next().length() <= SupportCase.FAILING_MAX);
    }
}
