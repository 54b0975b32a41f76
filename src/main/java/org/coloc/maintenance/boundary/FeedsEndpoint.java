package org.coloc.maintenance.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.coloc.maintenance.control.ConditionalGet;
import org.coloc.maintenance.control.PublicFeeds;
import org.coloc.maintenance.control.PublicMaintenance;

/**
 * The public feeds of maintenances, without login: {@code /feeds/maintenances.atom} (Atom 1.0) and
 * {@code /feeds/maintenances.ics} (a calendar to subscribe to). A servlet, like {@code /health}: they live outside
 * the {@code /api} JAX-RS root, and a second JAX-RS application would have to list its classes by hand to keep the
 * first from serving its resources too (an application without classes gets every resource of the WAR).
 */
@WebServlet(urlPatterns = "/feeds/*")
public class FeedsEndpoint extends HttpServlet {

    @Inject
    PublicMaintenances maintenances;

    /** The feeds by their path below {@code /feeds}: how each writes the list, and its media type. */
    private enum Feed {
        ATOM("/maintenances.atom", "application/atom+xml;charset=UTF-8"),
        ICS("/maintenances.ics", "text/calendar;charset=UTF-8");

        final String path;
        final String mediaType;

        Feed(String path, String mediaType) {
            this.path = path;
            this.mediaType = mediaType;
        }

        static Feed at(String path) {
            return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst().orElse(null);
        }

        byte[] write(List<PublicMaintenance> items, String domain) {
            return this == ATOM ? PublicFeeds.atom(items, domain) : PublicFeeds.ics(items, domain);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Feed feed = Feed.at(request.getPathInfo());
        if (feed == null) {
            response.sendError(404);
            return;
        }
        byte[] body = feed.write(maintenances.list(), maintenances.domain());
        String etag = ConditionalGet.etag(body);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", ConditionalGet.CACHE_CONTROL);
        if (ConditionalGet.notModified(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return;
        }
        response.setContentType(feed.mediaType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
