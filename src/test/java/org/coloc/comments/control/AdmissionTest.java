package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a comment is published at once or waits, and why: one row a situation (at most 5 an hour per sender). */
class AdmissionTest {

    static CommentSettings settings(int autoApproveAfter) {
        return new CommentSettings("coloc@coloc.example.org", "+", Optional.empty(), autoApproveAfter, 5, 20_000, 14, 5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
        // situation,                                         auto-approve after, open, made by mail, this hour, published before, suspect, published, held
        "pending by default (no auto-approval), 0, true,  false, 0, 100, false, false, none",
        "pending by default (too few published before), 3, true,  false, 0, 2,   false, false, none",
        "a known sender is published at once, 3, true,  false, 4, 3,   false, true,  none",
        "the sixth within the hour is held (known sender), 3, true,  false, 5, 50,  false, false, rate-limit",
        "the sixth within the hour is held (anybody), 0, true,  false, 5, 0,   false, false, rate-limit",
        "a closed post holds, 1, false, false, 0, 9,   false, false, post-closed",
        "an unknown post (made by the mail) holds, 1, false, true,  0, 9,   false, false, unknown-post",
        "a spam suspect is never published at once, 1, true,  false, 0, 9,   true,  false, spam-suspect",
        "a spam suspect without auto-approval just waits, 0, true,  false, 0, 9,   true,  false, none"})
    void decides(String situation, int autoApproveAfter, boolean open, boolean madeByMail, long thisHour,
            long publishedBefore, boolean suspect, boolean published, String held) {
        assertEquals(new Admission.Decision(published, held),
                Admission.decide(settings(autoApproveAfter), open, madeByMail, thisHour, publishedBefore, suspect),
                situation);
    }
}
