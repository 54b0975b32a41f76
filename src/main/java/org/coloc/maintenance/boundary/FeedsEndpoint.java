package org.coloc.maintenance.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        boolean atom = path.equals("/maintenances.atom");
        if (!atom && !path.equals("/maintenances.ics")) {
            response.sendError(404);
            return;
        }
        List<PublicMaintenance> items = maintenances.list();
        byte[] body = atom ? PublicFeeds.atom(items, maintenances.domain())
                : PublicFeeds.ics(items, maintenances.domain());
        String etag = ConditionalGet.etag(body);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", ConditionalGet.CACHE_CONTROL);
        if (ConditionalGet.notModified(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return;
        }
        response.setContentType(atom ? "application/atom+xml;charset=UTF-8" : "text/calendar;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
