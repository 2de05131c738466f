package io.facecard.adapters.outbound.telemetry;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds {@link UseCaseSpan} to the use cases; {@link UseCaseSpans} adds it, so the use cases themselves name no tracing. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UseCase {
    final class Literal extends AnnotationLiteral<UseCase> implements UseCase {
        static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
