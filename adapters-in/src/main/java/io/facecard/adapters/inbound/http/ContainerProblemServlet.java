package io.facecard.adapters.inbound.http;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the servlet container: answers it gives before or outside the API (a URI it
 * cannot decode, a path that is no resource) become problem+json, and never echo the request or
 * name the server, so a client parses one error shape and a scanner learns nothing.
 */
@WebServlet(urlPatterns = "/container-problem")
public class ContainerProblemServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : HttpServletResponse.SC_NOT_FOUND;
        if (status >= 500) {
            status = 500;
        }
        String type = switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 500 -> "internal-error";
            default -> "http-" + status;
        };
        String detail = switch (status) {
            case 400 -> "the request could not be read (such as a URI with invalid or badly encoded characters)";
            case 404 -> "there is no resource at this path";
            case 500 -> "the server could not answer; nothing is known to have changed";
            default -> "the server refused the request";
        };
        String body = Json.createObjectBuilder().add("type", Problems.TYPE_BASE + type)
                .add("title", title(status)).add("status", status).add("detail", detail).build().toString();
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 500 -> "Internal error";
            default -> "Refused";
        };
    }
}
