package io.facecard.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A context's published language: a domain type other contexts may use as it is (a value they compute with, the
 * commands its aggregates take, the rules its refusals name). Everything else of a context is reached through its
 * port package; the architecture test holds every other crossing to that. Publishing is a promise: a published
 * type changes only in ways its users can follow.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Published {
    /** Why other contexts need it, for the reader deciding whether a change is safe. */
    String value();
}
