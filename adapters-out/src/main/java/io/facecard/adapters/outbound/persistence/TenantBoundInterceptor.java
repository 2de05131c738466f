package io.facecard.adapters.outbound.persistence;

import io.facecard.domain.tenancy.TenantId;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Binds the current transaction to the tenant of the call before an adapter marked {@link TenantBound} runs. Its
 * priority puts it inside {@code @Transactional} (which opens the transaction the binding lives in); a call outside
 * any transaction is not bound (a transaction-local setting would not outlive its statement).
 */
@TenantBound
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class TenantBoundInterceptor {
    /** The {@code tenantId()} accessor of an argument's class, looked up once per class. */
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

    @Inject
    TenantBinding binding;
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @AroundInvoke
    public Object bind(InvocationContext call) throws Exception {
        TenantId tenant = tenantOf(call.getParameters());
        if (tenant != null && binding.inTransaction()) {
            binding.bind(em, tenant);
        }
        return call.proceed();
    }

    static TenantId tenantOf(Object[] arguments) {
        if (arguments == null || arguments.length == 0) {
            return null;
        }
        for (Object a : arguments) {
            if (a instanceof TenantId t) {
                return t;
            }
        }
        Object first = arguments[0];
        if (first == null) {
            return null;
        }
        Optional<Method> accessor = ACCESSOR.get(first.getClass());
        if (accessor.isEmpty()) {
            return null;
        }
        try {
            return (TenantId) accessor.get().invoke(first);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the tenant of " + first.getClass().getName() + " could not be read", e);
        }
    }
}
