package io.facecard.adapters.outbound.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An adapter of tenant tables: each of its calls runs with the transaction bound to the call's tenant (row-level
 * security's {@code app.tenant_id}), taken from the first {@code TenantId} argument or from the {@code tenantId()}
 * of the first argument (an event). The binding is written once, in {@link TenantBoundInterceptor}, not in every method.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantBound {}
