package io.facecard.adapters.inbound.instore;

import io.facecard.application.instore.port.Alerts.Alert;
import io.facecard.application.instore.port.InStoreAudit;
import io.facecard.application.instore.port.Visits.Visit;
import io.facecard.application.instore.port.WatchLists.Entry;
import io.facecard.application.instore.port.WatchLists.WatchList;
import io.facecard.domain.instore.Placement;
import io.facecard.domain.instore.WatchListKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Store analytics' request and response bodies. */
public final class InStoreJson {
    private InStoreJson() {}

    public record CameraPlacementBody(Placement placement) {}

    public record CameraBody(UUID terminalId, UUID storeId, Placement placement) {}

    /** @param images base64 JPEG, PNG or WebP: face crops from the camera's edge, or whole frames */
    public record SightingsBody(Instant capturedAt, List<String> images) {}

    public record Accepted(int accepted) {}

    public record NewList(String name, WatchListKind kind, Double falseAlertsPer10k) {}

    public record ListBody(UUID id, String name, WatchListKind kind, double falseAlertsPer10k, String createdBy, Instant createdAt) {
        static ListBody of(WatchList l) {
            return new ListBody(l.id(), l.name(), l.kind(), l.falseAlertsPer10k(), l.createdBy(), l.createdAt());
        }
    }

    public record Lists(List<ListBody> items) {}

    /** A VIP entry names {@code memberId}; every other kind sends {@code photo} (base64); STAFF adds the account and consent. */
    public record NewEntry(String memberId, String photo, String label, String reason, Instant expiresAt, String staffAccountId,
            String consent) {}

    public record EntryBody(UUID id, UUID listId, UUID memberId, String label, String reason, String addedBy, Instant addedAt,
            Instant expiresAt, UUID staffAccountId, String consent) {
        static EntryBody of(Entry e) {
            return new EntryBody(e.id(), e.list(), e.member() == null ? null : e.member().value(), e.label(), e.reason(), e.addedBy(),
                    e.addedAt(), e.expiresAt(), e.staffAccount(), e.consent());
        }
    }

    public record Entries(List<EntryBody> items) {}

    public record AlertBody(long id, UUID storeId, String kind, UUID listId, UUID entryId, UUID memberId, String label, Double score,
            Instant capturedAt, Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt) {
        static AlertBody of(Alert a) {
            return new AlertBody(a.id(), a.store(), a.kind(), a.list(), a.entry(), a.member() == null ? null : a.member().value(), a.label(),
                    a.score(), a.capturedAt(), a.raisedAt(), a.acknowledgedBy(), a.acknowledgedAt());
        }
    }

    public record AlertsBody(List<AlertBody> items) {}

    public record VisitBody(UUID id, UUID storeId, UUID memberId, Instant openedAt, Instant closedAt, String closeReason, boolean firstVisit,
            Long dwellSeconds, Double entryMood, Double exitMood, boolean converted, Instant convertedAt) {
        public static VisitBody of(Visit v) {
            Instant end = v.closedAt() != null ? v.closedAt() : v.lastSeenAt();
            return new VisitBody(v.id(), v.store(), v.member().value(), v.openedAt(), v.closedAt(), v.closeReason(), v.firstVisit(),
                    Duration.between(v.openedAt(), end).toSeconds(), v.entryMood(), v.exitMood(), v.convertedAt() != null,
                    v.convertedAt());
        }
    }

    public record VisitsBody(List<VisitBody> items) {}

    public record PhotoSearch(String photo, String reason) {}

    public record SearchResult(UUID memberId, Double score, List<VisitBody> visits) {}

    public record AuditBody(long id, String actor, String action, String reason, UUID memberId, int resultCount, Instant at) {
        public static AuditBody of(InStoreAudit.Entry e) {
            return new AuditBody(e.id(), e.actor(), e.action(), e.reason(), e.member() == null ? null : e.member().value(), e.resultCount(),
                    e.at());
        }
    }

    public record AuditPage(List<AuditBody> items) {}
}
