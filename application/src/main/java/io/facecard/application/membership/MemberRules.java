package io.facecard.application.membership;

import static io.facecard.application.problem.Validation.optionalText;
import static io.facecard.application.problem.Validation.requiredText;

import io.facecard.application.membership.port.PersonalData;
import io.facecard.domain.refusal.Refusal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/** How identifiers are normalised, so that "+49 30 1234" and "+49301234" are one phone. */
final class MemberRules {
    private MemberRules() {}

    static PersonalData normalised(PersonalData d) {
        return new PersonalData(requiredText(d.name(), "name", 200), phone(d.phone()), email(d.email()), card(d.cardNumber()),
                d.birthDate(), optionalText(d.gender(), "gender", 32), optionalText(d.locale(), "locale", 35),
                optionalText(d.externalId(), "externalId", 64), zone(d.timezone()), store(d.homeStoreId()));
    }

    /** An IANA zone ("Europe/Berlin"): quiet hours for marketing are counted in it. */
    static String zone(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return ZoneId.of(raw.strip()).getId();
        } catch (DateTimeException e) {
            throw Refusal.invalid("'timezone' must be an IANA time zone such as Europe/Berlin");
        }
    }

    static String store(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("'homeStoreId' must be a store's id");
        }
    }

    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String p = raw.replaceAll("[\\s()./-]", "");
        if (!p.matches("\\+?[0-9]{5,17}")) {
            throw Refusal.invalid("'phone' must be 5 to 17 digits, optionally starting with +");
        }
        return p;
    }

    static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String e = raw.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw Refusal.invalid("'email' is not an e-mail address");
        }
        return e;
    }

    static String card(String raw) {
        if (raw == null) {
            return null;
        }
        String c = raw.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z0-9-]{4,32}")) {
            throw Refusal.invalid("'cardNumber' must be 4 to 32 letters, digits or dashes");
        }
        return c;
    }
}
