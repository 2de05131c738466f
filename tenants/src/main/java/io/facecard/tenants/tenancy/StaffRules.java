package io.facecard.tenants.tenancy;

import io.facecard.application.security.Role;
import io.facecard.domain.refusal.Refusal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** What a username, a password and a set of roles must look like. */
final class StaffRules {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

    private StaffRules() {}

    static String username(String raw) {
        if (raw == null) {
            throw Refusal.invalid("'username' is required");
        }
        String u = raw.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(u).matches()) {
            throw Refusal.invalid("'username' must be 3 to 64 letters, digits or . _ @ -, starting with a letter or digit");
        }
        return u;
    }

    static String password(String raw, String field) {
        if (raw == null || raw.length() < PasswordHashing.MIN_PASSWORD_LENGTH || raw.length() > 256) {
            throw Refusal.invalid("'" + field + "' must have " + PasswordHashing.MIN_PASSWORD_LENGTH + " to 256 characters");
        }
        return raw;
    }

    static Set<Role> roles(Set<Role> raw) {
        if (raw == null || raw.isEmpty() || raw.stream().anyMatch(Objects::isNull)) {
            throw Refusal.invalid("'roles' must name at least one of " + Arrays.toString(Role.values()));
        }
        return Set.copyOf(raw);
    }
}
