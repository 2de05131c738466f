package io.facecard.application.membership;

import io.facecard.application.membership.port.PersonalData;
import io.facecard.domain.refusal.Refusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One row of a member import, checked with the same rules as a single registration. A row that
 * breaks one is refused whole, with the first reason found.
 */
record ImportRow(long line, PersonalData data, Boolean biometricConsent, Boolean marketingConsent, String policyVersion,
        String photo) {
    static final List<String> COLUMNS = List.of("externalId", "name", "phone", "email", "cardNumber", "birthDate", "gender",
            "locale", "biometricConsent", "marketingConsent", "policyVersion", "photo");
    static final Set<String> REQUIRED = Set.of("name");

    static ImportRow parse(long line, Map<String, String> raw) {
        String birth = blankToNull(raw.get("birthDate"));
        LocalDate birthDate;
        try {
            birthDate = birth == null ? null : LocalDate.parse(birth);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("'birthDate' must be a date like 1990-04-21");
        }
        PersonalData data = MemberRules.normalised(new PersonalData(blankToNull(raw.get("name")), blankToNull(raw.get("phone")),
                blankToNull(raw.get("email")), blankToNull(raw.get("cardNumber")), birthDate, blankToNull(raw.get("gender")),
                blankToNull(raw.get("locale")), blankToNull(raw.get("externalId"))));
        Boolean biometric = yesNo(raw.get("biometricConsent"), "biometricConsent");
        Boolean marketing = yesNo(raw.get("marketingConsent"), "marketingConsent");
        String policy = blankToNull(raw.get("policyVersion"));
        if ((biometric != null || marketing != null) && policy == null) {
            throw Refusal.invalid("'policyVersion' is required with a consent");
        }
        if (policy != null && policy.length() > 64) {
            throw Refusal.invalid("'policyVersion' must be at most 64 characters");
        }
        String photo = blankToNull(raw.get("photo"));
        if (photo != null && photo.length() > 255) {
            throw Refusal.invalid("'photo' must be a file name of at most 255 characters");
        }
        return new ImportRow(line, data, biometric, marketing, policy, photo);
    }

    boolean mayEnrol() {
        return photo != null && Boolean.TRUE.equals(biometricConsent);
    }

    private static Boolean yesNo(String raw, String column) {
        String v = blankToNull(raw);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> throw Refusal.invalid("'" + column + "' must be yes or no");
        };
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
