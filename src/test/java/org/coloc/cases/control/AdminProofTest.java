package org.coloc.cases.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.coloc.outbox.control.OutgoingIds;
import org.junit.jupiter.api.Test;

/** A From: naming the admin counts as his only with proof. */
class AdminProofTest {

    private static final String ADMIN = "owner@coloc.test";
    private static final OutgoingIds IDS = new OutgoingIds("0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII),
            "coloc.test");
    private static final String MX = "mx.coloc.test";

    private static boolean proven(String from, String inReplyTo, List<String> ar, String authserv) {
        return AdminProof.proven(from, ADMIN, inReplyTo, IDS, ar, authserv);
    }

    @Test
    void ourKeyedIdInInReplyToProvesIt() {
        assertTrue(proven("Owner@Coloc.test", "<" + IDS.create(3) + ">", List.of(), null));
    }

    @Test
    void aForgedFromAloneProvesNothing() {
        assertFalse(proven(ADMIN, null, List.of(), MX));
        assertFalse(proven(ADMIN, "<req-1@example.org>", List.of(), MX), "any id of the case is known to many");
        assertFalse(proven(ADMIN, "<case-3.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaa@coloc.test>", List.of(), MX),
                "our form without our key");
    }

    @Test
    void someoneElsesMailIsNeverTheAdmins() {
        assertFalse(proven("alice@example.org", "<" + IDS.create(3) + ">", List.of(), null));
        assertFalse(AdminProof.proven(ADMIN, "", "<" + IDS.create(3) + ">", IDS, List.of(), null), "no admin set");
    }

    @Test
    void theTopmostResultOfOurServerVouchesForTheDomain() {
        assertTrue(proven(ADMIN, null, List.of(MX + "; dmarc=pass (p=reject) header.from=coloc.test"), MX));
        assertTrue(proven(ADMIN, null, List.of(MX + " 1; spf=fail smtp.mailfrom=x.net; dkim=pass header.d=coloc.test "
                + "header.s=s1"), MX));
        assertTrue(proven(ADMIN, null, List.of(MX + "; dkim=pass header.i=@coloc.test"), MX));
        assertTrue(proven(ADMIN, null, List.of("MX.Coloc.Test; DKIM=pass header.d=\"coloc.test\""), MX));
    }

    @Test
    void resultsOfOtherServersOrDomainsOrBelowOursAreNotTrusted() {
        assertFalse(proven(ADMIN, null, List.of(MX + "; dmarc=pass header.from=coloc.test"), null),
                "no authserv-id configured: never trusted");
        assertFalse(proven(ADMIN, null, List.of("evil.example; dmarc=pass header.from=coloc.test"), MX));
        assertFalse(proven(ADMIN, null, List.of(MX + "; dkim=pass header.d=evil.example"), MX));
        assertFalse(proven(ADMIN, null, List.of(MX + "; dkim=fail header.d=coloc.test"), MX));
        assertFalse(proven(ADMIN, null, List.of(MX + "; dkim=pass header.d=sub.coloc.test.evil.example"), MX));
        assertFalse(proven(ADMIN, null, List.of(MX + "; dmarc=fail header.from=coloc.test",
                MX + "; dmarc=pass header.from=coloc.test"), MX), "the lower one came with the mail");
        assertFalse(proven(ADMIN, null, List.of(MX + "; spf=pass (dkim=pass header.d=coloc.test) smtp.mailfrom=x"),
                MX), "a comment says nothing");
    }
}
