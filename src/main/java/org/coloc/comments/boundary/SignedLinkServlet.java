package org.coloc.comments.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.coloc.comments.control.ConfirmationPages;
import org.coloc.comments.control.SignedLinks;

/**
 * What the servlets behind the links of comment mail ({@code /moderate}, {@code /unsubscribe}) share: the signed
 * query is the only authority (no login, no cookie), so each request first checks it, and every answer is a page
 * with the headers of {@link ConfirmationPages#HEADERS}.
 */
abstract class SignedLinkServlet extends HttpServlet {

    @Inject
    CommentLinks links;

    @Inject
    Clock clock;

    /**
     * The link of the request's query when it is valid, not expired and one {@code accepted} here; else the refusal
     * is written (403 not valid, 410 expired, in {@code language}) and empty.
     */
    Optional<SignedLinks.Link> checked(HttpServletRequest request, HttpServletResponse response,
            Predicate<SignedLinks.Link> accepted, String language) throws IOException {
        SignedLinks.Check check = links.links().check(request.getQueryString(), clock.instant());
        if (check instanceof SignedLinks.Valid valid && accepted.test(valid.link())) {
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
