package io.facecard.domain.refusal;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** For fixtures: {@code expectException(Refused.by(CheckoutRule.NO_MEMBER))}. */
public final class Refused {
    private Refused() {}

    public static Matcher<Refusal> by(Rule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal r) {
                return r.rule() == rule;
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a refusal by rule " + rule.slug());
            }

            @Override
            protected void describeMismatchSafely(Refusal r, Description d) {
                d.appendText("refused by " + r.rule().slug() + ": " + r.getMessage());
            }
        };
    }
}
