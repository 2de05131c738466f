package io.facecard.application.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.application.membership.port.MemberView;
import io.facecard.application.membership.port.PersonalData;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Role;
import io.facecard.application.support.RecordingCommands;
import io.facecard.domain.membership.MemberCommands;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Uniqueness of phone, e-mail and card through the command side's claims, with in-memory ports. */
class MembersTest {
    static final TenantId CHAIN = new TenantId(new UUID(1, 1));
    static final TenantId OTHER_CHAIN = new TenantId(new UUID(1, 2));

    final InMemoryMembership directory = new InMemoryMembership();
    final InMemoryClaims claims = new InMemoryClaims();
    final RecordingCommands commands = new RecordingCommands(directory::handle);
    final Members members = new Members(commands, directory, directory.keys, claims, null,
            Clock.fixed(InMemoryMembership.at(), ZoneOffset.UTC), List.of());

    static Caller admin(TenantId tenant) {
        return new Caller.Staff(tenant, new UUID(2, 1), "admin", Set.of(Role.TENANT_ADMIN));
    }

    static PersonalData person(String name, String phone, String email, String card) {
        return new PersonalData(name, phone, email, card, null, null, null);
    }

    @Test
    void aPhoneTakenByAnotherMemberIsRefusedBeforeAnythingIsRecorded() {
        members.register(admin(CHAIN), person("Anna", "+49 30 1234567", null, null));
        int sent = commands.sent.size();
        assertThatThrownBy(() -> members.register(admin(CHAIN), person("Boris", "+49301234567", null, null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo(MembershipRule.DUPLICATE_PHONE));
        assertThat(commands.sent).hasSize(sent);
    }

    @Test
    void identifiersAreClaimedPerTenant() {
        members.register(admin(CHAIN), person("Anna", "+4930111", "anna@example.org", "CARD-1"));
        MemberView elsewhere = members.register(admin(OTHER_CHAIN), person("Anna", "+4930111", "anna@example.org", "CARD-1"));
        assertThat(elsewhere.tenantId()).isEqualTo(OTHER_CHAIN);
    }

    @Test
    void aChangedIdentifierIsReleasedForOthersAndTheNewOneClaimed() {
        MemberView anna = members.register(admin(CHAIN), person("Anna", "+4930111", null, "CARD-1"));
        members.change(admin(CHAIN), anna.id(), person(null, "+4930222", null, null));
        // The old phone is free again; the new one is Anna's.
        members.register(admin(CHAIN), person("Boris", "+4930111", null, null));
        assertThatThrownBy(() -> members.register(admin(CHAIN), person("Chen", "+4930222", null, null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo(MembershipRule.DUPLICATE_PHONE));
        assertThatThrownBy(() -> members.register(admin(CHAIN), person("Chen", null, null, "card-1")))
                .as("the unchanged card stays claimed (normalised to upper case)")
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo(MembershipRule.DUPLICATE_CARD));
    }

    @Test
    void aChangeToAnotherMembersEmailIsRefusedAndChangesNothing() {
        members.register(admin(CHAIN), person("Anna", null, "anna@example.org", null));
        MemberView boris = members.register(admin(CHAIN), person("Boris", null, "boris@example.org", null));
        int sent = commands.sent.size();
        assertThatThrownBy(() -> members.change(admin(CHAIN), boris.id(), person(null, null, "ANNA@example.org", null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo(MembershipRule.DUPLICATE_EMAIL));
        assertThat(commands.sent).hasSize(sent);
        assertThat(claims.held).containsValue(boris.id());
    }

    @Test
    void erasureReleasesEveryClaim() {
        MemberView anna = members.register(admin(CHAIN), person("Anna", "+4930111", "anna@example.org", "CARD-1"));
        members.erase(admin(CHAIN), anna.id());
        assertThat(claims.held).doesNotContainValue(anna.id());
        assertThat(commands.sentOf(MemberCommands.EraseMember.class)).extracting(MemberCommands.EraseMember::memberId)
                .isEqualTo(List.of(anna.id()));
        MemberView again = members.register(admin(CHAIN), person("Anna again", "+4930111", "anna@example.org", "CARD-1"));
        assertThat(again.id()).isNotEqualTo(anna.id());
    }

    @Test
    void anotherTenantsMemberCannotBeChanged() {
        MemberView anna = members.register(admin(CHAIN), person("Anna", "+4930111", null, null));
        MemberId id = anna.id();
        assertThatThrownBy(() -> members.change(admin(OTHER_CHAIN), id, person(null, "+4930999", null, null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.category()).isEqualTo(Category.NOT_FOUND));
        assertThat(claims.held).hasSize(1);
    }
}
