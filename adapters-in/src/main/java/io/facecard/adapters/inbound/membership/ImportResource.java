package io.facecard.adapters.inbound.membership;

import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.membership.MemberImport;
import io.facecard.application.membership.port.ImportJobs;
import io.facecard.application.membership.port.ImportUploads;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Bulk member import (TENANT_ADMIN): upload a CSV, or a zip with members.csv and photos; follow the job. */
@ApplicationScoped
@Path("/members/import")
public class ImportResource {
    @Inject
    MemberImport imports;
    @Inject
    CurrentCaller caller;

    public record JobBody(UUID id, String kind, String status, boolean dryRun, ImportJobs.Counts counts, String startedBy,
            Instant createdAt, Instant startedAt, Instant finishedAt, String failure, String errors) {
        static JobBody of(ImportJobs.Job j) {
            return new JobBody(j.id(), "MEMBER_IMPORT", j.status().name(), j.dryRun(), j.counts(), j.startedBy(), j.createdAt(),
                    j.startedAt(), j.finishedAt(), j.failure(), "/api/v1/jobs/" + j.id() + "/errors");
        }
    }

    @POST
    @Consumes({"text/csv", "application/zip"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@QueryParam("dryRun") String dryRun, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            InputStream body) {
        boolean dry = flag(dryRun);
        ImportUploads.Format format = type != null && type.toLowerCase().startsWith("application/zip")
                ? ImportUploads.Format.ZIP : ImportUploads.Format.CSV;
        ImportJobs.Job job = imports.start(caller.get(), body, format, dry);
        return Response.accepted(JobBody.of(job)).location(URI.create("jobs/" + job.id())).build();
    }

    private static boolean flag(String raw) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw Refusal.invalid("'dryRun' must be true or false");
    }
}
