package io.facecard.adapters.inbound.platform;

import io.facecard.adapters.inbound.http.Anonymous;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The published contract with its own media type. Liberty's {@code /openapi} serves the same document
 * as text/plain (no setting changes it in 26.0.0.5); generators and editors that go by the content type
 * take it from here.
 */
@ApplicationScoped
@Anonymous
@Path("/openapi.yaml")
public class ContractResource {
    public static final String YAML = "application/yaml";
    private static final byte[] CONTRACT = load();

    @GET
    @Produces(YAML)
    public Response contract() {
        return Response.ok(CONTRACT, YAML + "; charset=UTF-8").header("Cache-Control", "public, max-age=300").build();
    }

    private static byte[] load() {
        try (InputStream in = ContractResource.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
