package io.facecard.adapters.inbound.tenancy;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.Json;
import io.facecard.application.loyalty.ReadModelRebuild;
import io.facecard.application.problem.Validation;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.Paging;
import io.facecard.tenants.tenancy.TenantOnboarding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

@ApplicationScoped
@Path("/tenants")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {
    @Inject
    ReadModelRebuild rebuild;
    @Inject
    TenantOnboarding onboarding;
    @Inject
    CurrentCaller caller;

    @POST
    public Response onboard(Json.TenantDraft draft) {
        Json.TenantDraft d = Bodies.required(draft);
        Json.AdminDraft admin = d.admin() == null ? new Json.AdminDraft(null, null) : d.admin();
        var view = onboarding.onboard(caller.get(), new TenantOnboarding.Onboarding(
                d.name(), d.slug(), d.currency(), d.timezone(), admin.username(), admin.password()));
        return Response.created(URI.create("tenants/" + view.id())).entity(Json.TenantBody.of(view)).build();
    }

    @GET
    public Json.Page<Json.TenantBody> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        Paging p = Paging.of(offset, limit);
        return new Json.Page<>(onboarding.list(caller.get(), p).stream().map(Json.TenantBody::of).toList(),
                p.offset(), p.limit());
    }

    @GET
    @Path("{id}")
    public Json.TenantBody get(@PathParam("id") String id) {
        return Json.TenantBody.of(onboarding.read(caller.get(), tenant(id)));
    }

    @PATCH
    @Path("{id}")
    public Json.TenantBody patch(@PathParam("id") String id, Json.TenantPatch patch) {
        Json.TenantPatch p = Bodies.required(patch);
        return Json.TenantBody.of(onboarding.changeSettings(caller.get(), tenant(id),
                new TenantOnboarding.SettingsChange(p.name(), p.currency(), p.timezone(), p.limits() == null ? null
                        : new TenantOnboarding.LimitsChange(p.limits().requestsPerSecond(), p.limits().burst(),
                                p.limits().faceConcurrency(), p.limits().importWorkers()))));
    }

    /** The body with a reason is optional, so any content type (or none) is accepted. */
    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.WILDCARD)
    public Json.TenantBody suspend(@PathParam("id") String id, String raw) {
        String reason = "";
        if (raw != null && !raw.isBlank()) {
            try (Jsonb jsonb = JsonbBuilder.create()) {
                Json.Suspension s = jsonb.fromJson(raw, Json.Suspension.class);
                reason = s == null || s.reason() == null ? "" : Validation.requiredText(s.reason(), "reason", 500);
            } catch (JsonbException e) {
                throw Refusal.invalid("the body must be {\"reason\": \"...\"} or empty");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return Json.TenantBody.of(onboarding.suspend(caller.get(), tenant(id), reason));
    }

    @POST
    @Path("{id}/resume")
    @Consumes(MediaType.WILDCARD)
    public Json.TenantBody resume(@PathParam("id") String id) {
        return Json.TenantBody.of(onboarding.resume(caller.get(), tenant(id)));
    }

    /**
     * Starts offboarding a suspended tenant: 202 with the tenant OFFBOARDING; it becomes OFFBOARDED once
     * every member is erased and its face partition is dropped (GET shows it, and its history).
     */
    @POST
    @Path("{id}/offboard")
    public Response offboard(@PathParam("id") String id, Json.Offboarding body) {
        Json.Offboarding b = Bodies.required(body);
        String slug = Validation.requiredText(b.confirmSlug(), "confirmSlug", 64);
        String reason = b.reason() == null ? "" : Validation.requiredText(b.reason(), "reason", 500);
        return Response.accepted(Json.TenantBody.of(onboarding.offboard(caller.get(), tenant(id), slug, reason))).build();
    }

    @GET
    @Path("{id}/history")
    public List<Json.HistoryEntry> history(@PathParam("id") String id) {
        return onboarding.history(caller.get(), tenant(id)).stream().map(Json.HistoryEntry::of).toList();
    }

    private static TenantId tenant(String id) {
        return new TenantId(Bodies.id(id, "tenant"));
    }

    @POST
    @Path("{id}/read-models/rebuild")
    public Map<String, Long> rebuildReadModels(@PathParam("id") String id) {
        var tenant = new TenantId(Bodies.id(id, "tenant"));
        var rebuilt = rebuild.rebuild(caller.get(), tenant);
        return Map.of("eventsRead", rebuilt.eventsRead(), "eventsReplayed", rebuilt.eventsReplayed());
    }
}
