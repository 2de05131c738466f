package io.facecard.adapters.inbound.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose calls need no credential: getting a token, the public contract, providers'
 * notifications (believed by their signatures, which the resource checks). {@link CallerFilter} lets a
 * call without an Authorization header through only to such a resource. Inherited, so the container's
 * proxy subclass of a resource carries it too.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Anonymous {}
