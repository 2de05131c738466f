package io.facecard.application.membership;

import io.facecard.application.membership.port.MemberDirectory;
import io.facecard.application.membership.port.MemberView;
import io.facecard.application.membership.port.PersonalData;
import io.facecard.domain.membership.MemberCommands;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The member directory and keys a use case reads, kept by the member commands it sends (as the
 * subscribing projection keeps the real read model in the command's transaction).
 */
public final class InMemoryMembership implements MemberDirectory {
    public final Map<MemberId, MemberView> members = new HashMap<>();
    public final InMemoryKeys keys = new InMemoryKeys();

    public Object handle(Object command) {
        if (command instanceof MemberCommands.RegisterMember r) {
            PersonalData data = Sealing.open(r.data(), keys.find(r.tenantId(), r.memberId())).orElseThrow();
            members.put(r.memberId(), new MemberView(r.memberId(), r.tenantId(), data, null, false, r.at(), r.at()));
        } else if (command instanceof MemberCommands.ChangeProfile c) {
            MemberView m = members.get(c.memberId());
            PersonalData data = Sealing.open(c.data(), keys.find(m.tenantId(), c.memberId())).orElseThrow();
            members.put(c.memberId(), new MemberView(m.id(), m.tenantId(), data, null, false, m.createdAt(), c.at()));
        } else if (command instanceof MemberCommands.EraseMember e) {
            MemberView m = members.get(e.memberId());
            members.put(e.memberId(), new MemberView(m.id(), m.tenantId(), null, null, true, m.createdAt(), e.at()));
        }
        return null;
    }

    @Override
    public Optional<MemberView> find(TenantId tenant, MemberId id) {
        return Optional.ofNullable(members.get(id)).filter(m -> m.tenantId().equals(tenant));
    }

    @Override
    public Optional<MemberView> findBy(TenantId tenant, String field, String value) {
        return members.values().stream().filter(m -> m.tenantId().equals(tenant) && !m.erased()).filter(m -> value.equals(switch (field) {
            case "phone" -> m.data().phone();
            case "email" -> m.data().email();
            default -> m.data().cardNumber();
        })).findFirst();
    }

    @Override
    public List<MemberView> search(TenantId tenant, String text, int offset, int limit) {
        return members.values().stream().filter(m -> m.tenantId().equals(tenant)).skip(offset).limit(limit).toList();
    }

    @Override
    public List<ConsentEntry> consents(TenantId tenant, MemberId id) {
        return List.of();
    }

    /** The membership use cases over this directory, for other contexts' use-case tests. */
    public Members members(CommandGateway commands, Clock clock) {
        return new Members(commands, this, keys, new InMemoryClaims(), null, clock, List.of());
    }

    public static Instant at() {
        return Instant.parse("2026-12-01T09:00:00Z");
    }

    static UUID id(int n) {
        return new UUID(0, n);
    }
}
