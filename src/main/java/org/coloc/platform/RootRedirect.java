package org.coloc.platform;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /} sends the browser to the dashboard (302), until the collective's public pages take {@code /}. The empty
 * pattern maps exactly the context root, nothing below it.
 */
@WebServlet(urlPatterns = "")
public class RootRedirect extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + "/admin/");
        response.setHeader("Cache-Control", "no-cache");
    }
}
