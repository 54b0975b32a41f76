package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Extra headers: a few list headers, one line each, nothing that could override ours or add another. */
class ExtraHeaderTest {

    @Test
    void theAllowedNamesAreWrittenTheirUsualWay() {
        assertEquals("List-Unsubscribe", new ExtraHeader("list-unsubscribe", "<https://x.test/u>").name());
        assertEquals("List-Id", new ExtraHeader(" LIST-ID ", "<notices.coloc.test>").name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"From", "To", "Bcc", "Subject", "Message-ID", "In-Reply-To", "Auto-Submitted",
        "X-Coloc-Loop", "Content-Type", "X-Evil", "List-Unsubscribe:"})
    void noOtherNameMayBeSet(String name) {
        assertThrows(IllegalArgumentException.class, () -> new ExtraHeader(name, "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<https://x.test/u>\r\nBcc: victim@evil.example", "<https://x.test/u>\nX: 1",
        "<https://x.test/u>\r", "<mailto:désabonnement@x.test>", "a\u0000b", "a\tb", ""})
    void aValueIsOneLineOfPrintableAscii(String value) {
        assertThrows(IllegalArgumentException.class, () -> new ExtraHeader("List-Unsubscribe", value));
    }

    @Test
    void aValueTooLongIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExtraHeader("List-Unsubscribe", "<https://x.test/" + "u".repeat(ExtraHeader.MAX_VALUE) + ">"));
    }

    @Test
    void oneClickUnsubscribeIsTheTwoHeadersOfRfc8058() {
        List<ExtraHeader> h = ExtraHeader.unsubscribe("mailto:unsubscribe@coloc.test?subject=post-3",
                "https://coloc.test/api/unsubscribe/abc");
        assertEquals(List.of(
                new ExtraHeader("List-Unsubscribe", "<mailto:unsubscribe@coloc.test?subject=post-3>, "
                        + "<https://coloc.test/api/unsubscribe/abc>"),
                new ExtraHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")), h);
        assertThrows(IllegalArgumentException.class, () -> new ExtraHeader("List-Unsubscribe-Post", "yes"));
        assertThrows(IllegalArgumentException.class, () -> ExtraHeader.unsubscribe("https://a.test", "https://b.test"));
        assertThrows(IllegalArgumentException.class, () -> ExtraHeader.unsubscribe("mailto:a@b.test", "http://b.test"));
    }

    @Test
    void storedHeadersReadBackAsTheyWere() {
        List<ExtraHeader> h = ExtraHeader.unsubscribe("mailto:u@coloc.test", "https://coloc.test/u?a=1:2");
        assertEquals(h, ExtraHeader.stored(ExtraHeader.store(h)));
        assertNull(ExtraHeader.store(List.of()));
        assertEquals(List.of(), ExtraHeader.stored(null));
    }

    @Test
    void aStoredLineIsCheckedAgainWhenRead() {
        assertThrows(IllegalArgumentException.class, () -> ExtraHeader.stored("Bcc: victim@evil.example"));
        assertThrows(IllegalArgumentException.class, () -> ExtraHeader.stored("no colon here"));
    }
}
