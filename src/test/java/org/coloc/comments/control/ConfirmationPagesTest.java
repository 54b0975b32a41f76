package org.coloc.comments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coloc.comments.control.SignedLinks.Action;
import org.junit.jupiter.api.Test;

class ConfirmationPagesTest {

    private static final String EVIL = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&amp;";

    @Test
    void everythingShownIsEscapedAndTheOnlyActionIsAPostForm() throws Exception {
        ConfirmationPages.Shown c = new ConfirmationPages.Shown(42, EVIL, "javascript:alert(1)", EVIL, EVIL, "pending");
        String page = ConfirmationPages.confirmModeration(Action.PUBLISH, c, "/moderate?a=publish&c=42&e=1&s=x\"", "en");
        assertFalse(page.contains("<script>") || page.contains("<img") || page.contains("onerror=alert(1)>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img"), page);
        assertTrue(page.contains("&amp;amp;"), "escaped once more, shown as typed");
        assertTrue(page.contains("<form method=\"post\" action=\"/moderate?a=publish&amp;c=42&amp;e=1&amp;s=x&quot;\">"),
                page);
        assertEquals(1, count(page, "<form"));
        assertFalse(page.contains("<a "), "no link that a GET could follow to act");
        String done = ConfirmationPages.moderated(Action.PUBLISH, c, "fr");
        assertTrue(done.contains("est publié"), done);
        assertFalse(done.contains("javascript:"), "only http(s) post links are shown: " + done);
        // the style block is exactly what the policy's hash allows
        Matcher style = Pattern.compile("<style>(.*?)</style>").matcher(page);
        assertTrue(style.find());
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(ConfirmationPages.CONTENT_SECURITY_POLICY.contains("style-src 'sha256-" + hash + "'"));
        assertTrue(ConfirmationPages.CONTENT_SECURITY_POLICY.startsWith("default-src 'none';"));
    }

    @Test
    void aCommentAlreadyInThatStateGetsNoButton() {
        ConfirmationPages.Shown c = new ConfirmationPages.Shown(42, "T", null, "Ana", "t", "spam");
        String page = ConfirmationPages.confirmModeration(Action.SPAM, c, "/moderate?x", "en");
        assertFalse(page.contains("<form"), page);
        assertTrue(page.contains("already done"));
    }

    @Test
    void theUnsubscribePageMasksTheAddressAndPostsOneClick() {
        String page = ConfirmationPages.confirmUnsubscribe("ana.lopez@example.org", "/unsubscribe?a=unsubscribe&m=x");
        assertFalse(page.contains("ana.lopez"), page);
        assertTrue(page.contains("a***@example.org"));
        assertTrue(page.contains("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"));
        assertTrue(page.contains("method=\"post\""));
    }

    @Test
    void refusalsSayPlainlyWhich() {
        assertTrue(ConfirmationPages.refused(true, "en").contains("expired"));
        assertTrue(ConfirmationPages.refused(false, "en").contains("not valid"));
        assertTrue(ConfirmationPages.refused(true, "fr").contains("expiré"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
