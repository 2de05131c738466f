package io.facecard.application.problem;

import io.facecard.domain.refusal.Refusal;
import java.util.function.Supplier;

/** Turns a value object's own validation into a client-facing refusal. */
public final class Validation {
    private Validation() {}

    public static <T> T valid(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw Refusal.invalid("'" + field + "' is required");
        }
        return value;
    }

    public static String requiredText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("'" + field + "' is required and must not be blank");
        }
        if (value.length() > maxLength) {
            throw Refusal.invalid("'" + field + "' must have at most " + maxLength + " characters");
        }
        return value.strip();
    }

    public static String optionalText(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        return requiredText(value, field, maxLength);
    }
}
