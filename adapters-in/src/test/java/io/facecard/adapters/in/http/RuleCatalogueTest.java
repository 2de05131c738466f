package io.facecard.adapters.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.facecard.domain.checkout.CheckoutRule;
import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.refusal.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule of every context, found in the production classes: a stable slug of its own and a client status. */
class RuleCatalogueTest {
    static List<Rule> allRules() {
        List<Rule> rules = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.facecard")) {
            if (c.isEnum() && c.isAssignableTo(Rule.class)) {
                for (Object constant : c.reflect().getEnumConstants()) {
                    rules.add((Rule) constant);
                }
            }
        }
        return rules;
    }

    @Test
    void rulesOfEveryContextAreFound() {
        assertThat(allRules()).contains(CheckoutRule.REDEEM_LIMIT, io.facecard.domain.loyalty.LoyaltyRule.INSUFFICIENT_POINTS,
                io.facecard.domain.tenancy.TenancyRule.DUPLICATE_SLUG, io.facecard.application.loyalty.IdempotencyRule.KEY_REUSED);
    }

    @Test
    void noSlugIsClaimedByTwoContexts() {
        Map<String, Class<?>> owner = new HashMap<>();
        for (Rule r : allRules()) {
            Class<?> previous = owner.putIfAbsent(r.slug(), r.getClass());
            assertThat(previous == null || previous == r.getClass())
                    .as("slug '" + r.slug() + "' is declared by " + previous + " and " + r.getClass()).isTrue();
            assertThat(r.slug()).matches("[a-z][a-zA-Z-]*");
        }
    }

    @Test
    void everyRuleIsAClientErrorOrATemporaryUnavailability() {
        for (Rule r : allRules()) {
            int status = RefusalMapper.status(new Refusal(r, "because").category());
            assertThat(status >= 400 && status < 500 || status == 503).as(r.slug() + ": " + status).isTrue();
            assertThat(RefusalMapper.title(r.category())).as(r.slug()).isNotBlank();
        }
    }

    @Test
    void theStatusFollowsTheCategoryNotTheName() {
        assertThat(RefusalMapper.status(Category.INVALID)).isEqualTo(400);
        assertThat(RefusalMapper.status(Category.TOO_LARGE)).isEqualTo(413);
        assertThat(RefusalMapper.status(Category.NOT_FOUND)).isEqualTo(404);
        assertThat(RefusalMapper.status(Category.CONFLICT)).isEqualTo(409);
        assertThat(RefusalMapper.status(Category.UNPROCESSABLE)).isEqualTo(422);
        assertThat(RefusalMapper.status(Category.FORBIDDEN)).isEqualTo(403);
        assertThat(RefusalMapper.status(Category.UNAUTHENTICATED)).isEqualTo(401);
        assertThat(RefusalMapper.status(Category.UNAVAILABLE)).isEqualTo(503);
    }
}
