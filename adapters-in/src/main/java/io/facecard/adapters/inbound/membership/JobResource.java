package io.facecard.adapters.inbound.membership;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.membership.MemberImport;
import io.facecard.application.membership.port.ImportJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Background jobs of a tenant (member imports today): progress, counts and the rows they refused. */
@ApplicationScoped
@Path("/jobs")
public class JobResource {
    @Inject
    MemberImport imports;
    @Inject
    CurrentCaller caller;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ImportResource.JobBody job(@PathParam("id") String id) {
        return ImportResource.JobBody.of(imports.job(caller.get(), Bodies.id(id, "job")));
    }

    /** Stops an import after the rows in hand; 202 with the job as it stands (CANCELLED once the rows in hand are done). */
    @POST
    @Path("{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("id") String id) {
        return Response.accepted(ImportResource.JobBody.of(imports.cancel(caller.get(), Bodies.id(id, "job")))).build();
    }

    /** The rejected and partly imported rows as CSV, one line each with its reason: fix them and upload again. */
    @GET
    @Path("{id}/errors")
    @Produces("text/csv")
    public Response errors(@PathParam("id") String id) {
        UUID job = Bodies.id(id, "job");
        List<ImportJobs.RowError> errors = imports.errors(caller.get(), job);
        StreamingOutput csv = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("row,externalId,cardNumber,outcome,reason,detail\r\n");
            for (ImportJobs.RowError e : errors) {
                w.write(e.row() + "," + ErrorCsv.cell(e.externalId()) + "," + ErrorCsv.cell(e.cardNumber()) + ","
                        + e.outcome() + "," + ErrorCsv.cell(e.reason()) + "," + ErrorCsv.cell(e.detail()) + "\r\n");
            }
            w.flush();
        };
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + job + "-errors.csv\"").build();
    }

}
