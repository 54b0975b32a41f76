package org.coloc.comments.boundary;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BiFunction;
import org.coloc.comments.control.ConfirmationPages;
import org.coloc.comments.control.SignedLinks;

/**
 * {@code /moderate?<signed>}: the page behind each link of the admin's moderation mail, without login (the
 * signature is the authority). A GET only shows the comment and one button, and changes nothing: mail filters
 * and link previews open every link of a mail, and must publish nothing. The button POSTs the same signed query,
 * checked again, and only that acts. A servlet outside {@code /api}, like the feeds: no login asked, HTML for a
 * browser.
 */
@WebServlet(urlPatterns = "/moderate")
public class ModerationEndpoint extends SignedLinkServlet {

    @EJB
    Moderation moderation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, (link, language) -> moderation.shown(link.commentId())
                .map(shown -> ConfirmationPages.confirmModeration(link.action(), shown,
                        request.getContextPath() + "/moderate?" + request.getQueryString(), language)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, (link, language) -> moderation.act(link)
                .map(done -> ConfirmationPages.moderated(link.action(), done, language)));
    }

    /**
     * A moderation link checked, then the page {@code page} makes of it in the admin's language; 404 when the
     * comment is no longer there (the refusal of a link that is not valid is written by the check).
     */
    private void answer(HttpServletRequest request, HttpServletResponse response,
            BiFunction<SignedLinks.Link, String, Optional<String>> page) throws IOException {
        String language = links.adminLanguage();
        Optional<SignedLinks.Link> link = checked(request, response, l -> l.action().onComment(), language);
        if (link.isEmpty()) {
            return;
        }
        Optional<String> html = page.apply(link.get(), language);
        write(response, html.isPresent() ? 200 : 404, html.orElseGet(() -> ConfirmationPages.gone(language)));
    }
}
