package io.facecard.adapters.inbound.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's files come from the console jar's META-INF/resources. Every answer carries a Content-Security-Policy
 * that allows only the platform's own files (no inline script or style, no other origin, no framing), so an injected
 * string cannot run; the page itself is never cached (a new release is picked up at once), its hashed assets forever.
 */
@WebFilter(urlPatterns = {"/console", "/console/*"})
public class ConsoleHeaders extends HttpFilter {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String PAGE = "/console/index.html";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/console")) {
            response.sendRedirect(request.getContextPath() + "/console/");
            return;
        }
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        boolean page = path.equals("/console/") || path.equals(PAGE);
        response.setHeader("Cache-Control", page ? "no-cache" : "public, max-age=31536000, immutable");
        if (path.equals("/console/")) {
            request.getRequestDispatcher(PAGE).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
