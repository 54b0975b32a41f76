package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    static CommentSettings settings(int autoApproveAfter) {
        return new CommentSettings("coloc@coloc.example.org", "+", Optional.empty(), autoApproveAfter, 5, 20_000, 14, 5);
    }

    @Test
    void pendingByDefault() {
        assertEquals(new Admission.Decision(false, null), Admission.decide(settings(0), true, false, 0, 100, false));
        assertEquals(new Admission.Decision(false, null), Admission.decide(settings(3), true, false, 0, 2, false));
    }

    @Test
    void aKnownSenderIsPublishedAtOnce() {
        assertEquals(new Admission.Decision(true, null), Admission.decide(settings(3), true, false, 4, 3, false));
    }

    @Test
    void theSixthWithinTheHourIsHeldWhoeverSendsIt() {
        assertEquals(new Admission.Decision(false, Admission.RATE_LIMIT),
                Admission.decide(settings(3), true, false, 5, 50, false));
        assertEquals(new Admission.Decision(false, Admission.RATE_LIMIT),
                Admission.decide(settings(0), true, false, 5, 0, false));
    }

    @Test
    void aClosedOrUnknownPostHolds() {
        assertEquals(new Admission.Decision(false, Admission.POST_CLOSED),
                Admission.decide(settings(1), false, false, 0, 9, false));
        assertEquals(new Admission.Decision(false, Admission.UNKNOWN_POST),
                Admission.decide(settings(1), false, true, 0, 9, false));
    }

    @Test
    void aSpamSuspectIsNeverPublishedAtOnce() {
        assertEquals(new Admission.Decision(false, Admission.SPAM_SUSPECT),
                Admission.decide(settings(1), true, false, 0, 9, true));
        assertEquals(new Admission.Decision(false, null), Admission.decide(settings(0), true, false, 0, 9, true));
    }
}
