package org.coloc.comments.boundary;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
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
public class ModerationEndpoint extends HttpServlet {

    @EJB
    Moderation moderation;

    @Inject
    CommentLinks links;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String language = links.adminLanguage();
        Optional<SignedLinks.Link> link = checked(request, response, language);
        if (link.isEmpty()) {
            return;
        }
        Optional<ConfirmationPages.Shown> shown = moderation.shown(link.get().commentId());
        if (shown.isEmpty()) {
            write(response, 404, ConfirmationPages.gone(language));
            return;
        }
        write(response, 200, ConfirmationPages.confirmModeration(link.get().action(), shown.get(),
                request.getContextPath() + "/moderate?" + request.getQueryString(), language));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String language = links.adminLanguage();
        Optional<SignedLinks.Link> link = checked(request, response, language);
        if (link.isEmpty()) {
            return;
        }
        Optional<ConfirmationPages.Shown> done = moderation.act(link.get());
        if (done.isEmpty()) {
            write(response, 404, ConfirmationPages.gone(language));
            return;
        }
        write(response, 200, ConfirmationPages.moderated(link.get().action(), done.get(), language));
    }

    /** The moderation link of the query; else the refusal is written (403 not valid, 410 expired) and empty. */
    private Optional<SignedLinks.Link> checked(HttpServletRequest request, HttpServletResponse response,
            String language) throws IOException {
        SignedLinks.Check check = links.links().check(request.getQueryString(), clock.instant());
        if (check instanceof SignedLinks.Valid valid && valid.link().action().onComment()) {
            return Optional.of(valid.link());
        }
        boolean expired = check instanceof SignedLinks.Refused r && r.expired();
        write(response, expired ? 410 : 403, ConfirmationPages.refused(expired, language));
        return Optional.empty();
    }

    /** An HTML page with the headers every page of a signed link carries (see {@link ConfirmationPages#HEADERS}). */
    static void write(HttpServletResponse response, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        for (Map.Entry<String, String> h : ConfirmationPages.HEADERS.entrySet()) {
            response.setHeader(h.getKey(), h.getValue());
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
