package io.facecard.adapters.outbound.telemetry;

import io.facecard.domain.tenancy.TenantId;
import java.lang.reflect.Method;
import java.util.Optional;

/** The tenant a command or event names (every one carries {@code tenantId()}: an architecture rule), as a span attribute. */
public final class Tenants {
    public static final String ATTRIBUTE = "facecard.tenant";

    private static final ClassValue<Optional<Method>> ACCESSOR = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            try {
                Method m = type.getMethod("tenantId");
                return m.getReturnType() == TenantId.class ? Optional.of(m) : Optional.empty();
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    };

    private Tenants() {}

    static String of(Object payload) {
        if (payload == null) {
            return null;
        }
        if (payload instanceof TenantId t) {
            return t.value().toString();
        }
        return ACCESSOR.get(payload.getClass()).map(m -> {
            try {
                Object t = m.invoke(payload);
                return t == null ? null : ((TenantId) t).value().toString();
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }).orElse(null);
    }
}
