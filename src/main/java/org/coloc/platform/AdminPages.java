package org.coloc.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers of every page and asset of the dashboard (static files under /admin/, served by the container): a
 * strict Content-Security-Policy (scripts, styles, images, connections only from coloc itself; no inline script or
 * style; no framing, no {@code <base>}, forms post only here), no MIME sniffing, no Referer leaving the page, and
 * {@code Cache-Control: no-cache} so that a new release is seen at the next load (there is no build step that
 * would give files versioned names; the container's ETag and Last-Modified keep revalidation cheap).
 */
@WebFilter(urlPatterns = {"/admin", "/admin/*"})
public class AdminPages extends HttpFilter {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }
}
