package io.facecard.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.facecard.domain.Published;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A context sees another only through the other's published port package ({@code io.facecard.application.<context>.port},
 * tenancy's {@code io.facecard.tenants.tenancy.port}, marketing's {@code io.facecard.marketing.port}), the domain types it
 * marks {@link Published} (with the reason), and the shared kernel: refusals, money, ids, the caller and its permits, and the platform's start-up and support classes. Contexts
 * are read from package names, so a new context is held to the rule without being named here.
 */
class PublishedPortsOnly extends ArchCondition<JavaClass> {
    private static final Pattern LAYERED = Pattern.compile(
            "io\\.facecard\\.(?:domain|application|adapters\\.inbound|adapters\\.outbound)\\.(\\w+)(\\..*)?");
    /** Packages of those layers that are the shared kernel or the platform's machinery, not a context. */
    private static final Set<String> KERNEL = Set.of("refusal", "money", "security", "platform", "support", "problem", "http", "axon",
            "telemetry", "persistence", "cli");

    PublishedPortsOnly() {
        super("reach another context only through its published port package or the shared kernel");
    }

    /** The context a class belongs to, if it belongs to one (in any module: the architecture tests' one reading of it). */
    static Optional<String> contextOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (pkg.startsWith("io.facecard.tenants.")) {
            return Optional.of("tenancy");
        }
        if (pkg.startsWith("io.facecard.marketing.")) {
            return Optional.of("marketing");
        }
        Matcher m = LAYERED.matcher(pkg);
        return m.matches() && !KERNEL.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    static boolean published(JavaClass c, String context) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        if (outer.isAnnotatedWith(Published.class)) {
            return true;
        }
        String pkg = c.getPackageName();
        return pkg.equals("io.facecard.application." + context + ".port") || pkg.equals("io.facecard.tenants." + context + ".port")
                || pkg.equals("io.facecard." + context + ".port")
                // Ids name things across contexts (a member's id on a receipt): the kernel, wherever they were born.
                || (pkg.startsWith("io.facecard.domain.") && c.getSimpleName().endsWith("Id") && !c.isNestedClass());
    }

    @Override
    public void check(JavaClass from, ConditionEvents events) {
        Optional<String> mine = contextOf(from);
        if (mine.isEmpty()) {
            return;
        }
        for (Dependency d : from.getDirectDependenciesFromSelf()) {
            JavaClass target = d.getTargetClass().getBaseComponentType();
            Optional<String> theirs = contextOf(target);
            if (theirs.isPresent() && !theirs.equals(mine) && !published(target, theirs.get())) {
                events.add(SimpleConditionEvent.violated(from, mine.get() + " -> " + theirs.get() + ": " + d.getDescription()));
            }
        }
    }
}
