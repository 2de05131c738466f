package io.facecard.adapters.inbound.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.facecard.application.problem.IdempotencyRule;
import io.facecard.domain.checkout.CheckoutRule;
import io.facecard.domain.loyalty.LoyaltyRule;
import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;
import io.facecard.domain.tenancy.TenancyRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule of every context, found in the production classes: a stable slug of its own and a status. */
class RuleCatalogueTest {
    record Declared(Rule rule, Class<?> by) {}

    static List<Declared> allRules() {
        List<Declared> rules = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.facecard")) {
            for (JavaField f : c.getFields()) {
                if (f.getModifiers().contains(JavaModifier.STATIC) && f.getRawType().isEquivalentTo(Rule.class)) {
                    try {
                        rules.add(new Declared((Rule) f.reflect().get(null), c.reflect()));
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return rules;
    }

    @Test
    void rulesOfEveryContextAreFound() {
        assertThat(allRules()).extracting(Declared::rule).contains(CheckoutRule.REDEEM_LIMIT, LoyaltyRule.INSUFFICIENT_POINTS,
                TenancyRule.DUPLICATE_SLUG, IdempotencyRule.KEY_REUSED);
    }

    @Test
    void noSlugIsClaimedByTwoContexts() {
        Map<String, Class<?>> owner = new HashMap<>();
        for (Declared d : allRules()) {
            Class<?> previous = owner.putIfAbsent(d.rule().slug(), d.by());
            assertThat(previous == null || previous == d.by())
                    .as("slug '" + d.rule().slug() + "' is declared by " + previous + " and " + d.by()).isTrue();
            assertThat(d.rule().slug()).matches("[a-z][a-zA-Z-]*");
        }
    }

    @Test
    void everyRuleIsAClientErrorOrATemporaryUnavailability() {
        for (Declared d : allRules()) {
            int status = RefusalMapper.status(d.rule().category());
            assertThat(status >= 400 && status < 500 || status == 503).as(d.rule().slug() + ": " + status).isTrue();
            assertThat(RefusalMapper.title(d.rule().category())).as(d.rule().slug()).isNotBlank();
        }
    }

    @Test
    void theStatusFollowsTheCategoryNotTheName() {
        assertThat(RefusalMapper.status(Category.INVALID)).isEqualTo(400);
        assertThat(RefusalMapper.status(Category.UNAUTHENTICATED)).isEqualTo(401);
        assertThat(RefusalMapper.status(Category.FORBIDDEN)).isEqualTo(403);
        assertThat(RefusalMapper.status(Category.NOT_FOUND)).isEqualTo(404);
        assertThat(RefusalMapper.status(Category.CONFLICT)).isEqualTo(409);
        assertThat(RefusalMapper.status(Category.TOO_LARGE)).isEqualTo(413);
        assertThat(RefusalMapper.status(Category.UNPROCESSABLE)).isEqualTo(422);
        assertThat(RefusalMapper.status(Category.UNAVAILABLE)).isEqualTo(503);
    }
}
