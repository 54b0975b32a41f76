package org.coloc.comments.boundary;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.coloc.comments.control.ConfirmationPages;
import org.coloc.comments.control.SignedLinks;
import org.coloc.outbox.control.ExtraHeader;

/**
 * {@code /unsubscribe?<signed>}: one-click unsubscription from comment mail (RFC 8058). The mail client POSTs
 * {@code List-Unsubscribe=One-Click} to the URI of the {@code List-Unsubscribe} header, with no login, no cookie
 * and no CSRF token possible: the signed query is the authority. A GET (the link at the foot of the mail, or a
 * filter opening it) only shows a page with a button that makes that same POST.
 */
@WebServlet(urlPatterns = "/unsubscribe")
public class UnsubscribeEndpoint extends SignedLinkServlet {

    /** A one-click body is 26 bytes; a body is read no further than this. */
    private static final int MAX_BODY = 1024;

    @EJB
    OptOuts optOuts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> address = checked(request, response);
        if (address.isPresent()) {
            write(response, 200, ConfirmationPages.confirmUnsubscribe(address.get(),
                    request.getContextPath() + "/unsubscribe?" + request.getQueryString()));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> address = checked(request, response);
        if (address.isEmpty()) {
            return;
        }
        if (!oneClick(request)) {
            response.setStatus(400);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("A one-click unsubscription posts " + ExtraHeader.ONE_CLICK + " (RFC 8058).\n");
            return;
        }
        optOuts.optOut(address.get(), "one-click");
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            write(response, 200, ConfirmationPages.unsubscribed(address.get()));
        } else {
            response.setStatus(200);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Unsubscribed: no more mail about comments to this address.\n");
        }
    }

    /** The address of a valid unsubscribe link; else the refusal is written (403, or 410 expired) and empty. */
    private Optional<String> checked(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return checked(request, response, link -> link.action() == SignedLinks.Action.UNSUBSCRIBE, "fr")
                .map(SignedLinks.Link::address);
    }

    /** The body names the one-click field (form-encoded, perhaps among others); read at most {@link #MAX_BODY}. */
    private static boolean oneClick(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY);
        }
        for (String field : new String(body, StandardCharsets.US_ASCII).strip().split("&")) {
            if (field.equals(ExtraHeader.ONE_CLICK)) {
                return true;
            }
        }
        return false;
    }
}
