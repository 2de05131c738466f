package io.facecard.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.facecard.domain.tenancy.TenantId;
import java.util.Locale;
import java.util.Set;

/** An event is stored forever: it must say whose it is and must hold nothing that is a secret. */
class TenantCarryingEvent extends ArchCondition<JavaClass> {
    private static final Set<String> FORBIDDEN = Set.of("password", "secret", "apikey", "token", "embedding", "photo", "image");

    TenantCarryingEvent() {
        super("carry a TenantId and no field named like a secret, photo or embedding");
    }

    @Override
    public void check(JavaClass event, ConditionEvents events) {
        boolean hasTenant = event.getFields().stream().anyMatch(f -> f.getRawType().isEquivalentTo(TenantId.class));
        if (!hasTenant) {
            events.add(SimpleConditionEvent.violated(event, event.getName() + " has no TenantId field"));
        }
        for (JavaField f : event.getFields()) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            if (FORBIDDEN.stream().anyMatch(name::contains)) {
                events.add(SimpleConditionEvent.violated(event, event.getName() + "." + f.getName() + " looks like a secret"));
            }
        }
    }
}
