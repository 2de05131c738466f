package io.facecard.domain.refusal;

import java.util.Objects;

/**
 * A business or request rule that can refuse: its slug is the stable problem type clients switch
 * on, its category decides the status. Each context declares its rules as constants of a class of
 * its own ({@code CheckoutRule.REDEEM_LIMIT}), so adding a context adds a class and touches no
 * shared list; the status follows from the category declared with the rule, never from its name.
 */
public record Rule(String slug, Category category) {
    public Rule {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(category, "category");
    }
}
