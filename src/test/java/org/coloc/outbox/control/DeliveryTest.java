package org.coloc.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** How each recipient's fate is read from what Angus Mail reports. */
class DeliveryTest {

    @Test
    void addressesReadLenientlyAtIntakeAreRefusedForGoodBeforeSending() throws Exception {
        assertNotNull(Delivery.malformed("a..b@x.example"));
        assertNotNull(Delivery.malformed(".a@x.example"));
        assertNotNull(Delivery.malformed("a@x.example\r\nBcc: victim@x.org"));
        assertNotNull(Delivery.malformed("Bob <b@x.example>"));
        assertNotNull(Delivery.malformed("b@x.example, c@x.example"));
        assertNotNull(Delivery.malformed("x".repeat(250) + "@x.example"));
        assertNotNull(Delivery.malformed(""));
        assertNull(Delivery.malformed("\"a,b\"@x.example"), "a quoted comma is one valid address, never split");
        assertNull(Delivery.malformed("ana.b+tag@example.org"));
    }

    @Test
    void aRecipientRefusedWith5xxFailsWhileTheOthersAreSent() throws Exception {
        InternetAddress ok = new InternetAddress("ok@x.org");
        InternetAddress gone = new InternetAddress("gone@x.org");
        SMTPAddressFailedException refusal = new SMTPAddressFailedException(gone, "RCPT TO:<gone@x.org>", 550,
                "550 5.1.1 no such user");
        SMTPSendFailedException e = new SMTPSendFailedException(".", 250, "250 OK", refusal,
                new Address[] {ok}, new Address[0], new Address[] {gone});
        Map<String, Delivery.Outcome> out = Delivery.afterFailure(List.of("ok@x.org", "gone@x.org"), e);
        assertEquals(Delivery.Result.SENT, out.get("ok@x.org").result());
        assertEquals(Delivery.Result.REFUSED, out.get("gone@x.org").result());
        assertTrue(out.get("gone@x.org").reason().contains("no such user"), out.toString());
    }

    @Test
    void aRecipientRefusedWith4xxIsTriedAgain() throws Exception {
        InternetAddress later = new InternetAddress("later@x.org");
        SMTPAddressFailedException refusal = new SMTPAddressFailedException(later, "RCPT TO:<later@x.org>", 451,
                "451 4.7.1 greylisted");
        SendFailedException e = new SMTPSendFailedException(".", 250, "250 OK", refusal, new Address[0],
                new Address[] {later}, new Address[0]);
        Map<String, Delivery.Outcome> out = Delivery.afterFailure(List.of("later@x.org"), e);
        assertEquals(Delivery.Result.DEFERRED, out.get("later@x.org").result());
        assertTrue(out.get("later@x.org").reason().contains("greylisted"));
    }

    @Test
    void aMessageRefusedWith5xxFailsForEveryoneAndA4xxOrALostConnectionIsTriedAgain() {
        List<String> to = List.of("a@x.org", "b@x.org");
        Map<String, Delivery.Outcome> refused = Delivery.afterFailure(to,
                new SMTPSendFailedException("DATA", 554, "554 5.6.0 message refused", null, null, null, null));
        assertTrue(refused.values().stream().allMatch(o -> o.result() == Delivery.Result.REFUSED), refused.toString());
        Map<String, Delivery.Outcome> busy = Delivery.afterFailure(to,
                new SMTPSendFailedException("DATA", 452, "452 4.3.1 out of memory", null, null, null, null));
        assertTrue(busy.values().stream().allMatch(o -> o.result() == Delivery.Result.DEFERRED), busy.toString());
        Map<String, Delivery.Outcome> lost = Delivery.afterFailure(to, new MessagingException("connection reset"));
        assertTrue(lost.values().stream().allMatch(o -> o.result() == Delivery.Result.DEFERRED), lost.toString());
        assertEquals("connection reset", lost.get("a@x.org").reason());
    }
}
