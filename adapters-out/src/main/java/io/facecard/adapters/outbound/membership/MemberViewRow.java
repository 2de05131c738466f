package io.facecard.adapters.outbound.membership;

import io.facecard.application.membership.port.MemberView;
import io.facecard.application.membership.port.PersonalData;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "member_view")
public class MemberViewRow {
    @Id
    UUID id;
    @Column(name = "tenant_id")
    UUID tenantId;
    String name;
    String phone;
    String email;
    @Column(name = "card_number")
    String cardNumber;
    @Column(name = "birth_date")
    LocalDate birthDate;
    String gender;
    String locale;
    @Column(name = "external_id")
    String externalId;
    String timezone;
    @Column(name = "home_store_id")
    UUID homeStoreId;
    String tier;
    boolean erased;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected MemberViewRow() {}

    MemberViewRow(UUID id, UUID tenantId, Instant at) {
        this.id = id;
        this.tenantId = tenantId;
        this.createdAt = at;
        this.updatedAt = at;
    }

    void show(PersonalData d) {
        name = d.name();
        phone = d.phone();
        email = d.email();
        cardNumber = d.cardNumber();
        birthDate = d.birthDate();
        gender = d.gender();
        locale = d.locale();
        externalId = d.externalId();
        timezone = d.timezone();
        homeStoreId = d.homeStoreId() == null ? null : UUID.fromString(d.homeStoreId());
    }

    void forget() {
        show(new PersonalData(null, null, null, null, null, null, null));
        erased = true;
    }

    MemberView toView() {
        return new MemberView(new MemberId(id), new TenantId(tenantId),
                erased ? null : new PersonalData(name, phone, email, cardNumber, birthDate, gender, locale, externalId, timezone,
                        homeStoreId == null ? null : homeStoreId.toString()),
                tier, erased, createdAt, updatedAt);
    }
}
