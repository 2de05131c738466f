package io.facecard.application.membership.port;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** What a member tells about themselves. Only ever stored in events sealed under the member's key. */
public record PersonalData(String name, String phone, String email, String cardNumber, LocalDate birthDate,
        String gender, String locale, String externalId, String timezone, String homeStoreId) {
    /** Without a time zone or home store (the tenant's zone applies). */
    public PersonalData(String name, String phone, String email, String cardNumber, LocalDate birthDate, String gender,
            String locale, String externalId) {
        this(name, phone, email, cardNumber, birthDate, gender, locale, externalId, null, null);
    }

    /** Without the chain's CRM id. */
    public PersonalData(String name, String phone, String email, String cardNumber, LocalDate birthDate, String gender,
            String locale) {
        this(name, phone, email, cardNumber, birthDate, gender, locale, null, null, null);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String v : new String[] {name, phone, email, cardNumber, birthDate == null ? null : birthDate.toString(), gender, locale, externalId, timezone,
                homeStoreId}) {
                out.writeBoolean(v != null);
                if (v != null) {
                    out.writeUTF(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static PersonalData decode(byte[] encoded) {
        String[] v = new String[10];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            // Data sealed before a field existed ends before it.
            for (int i = 0; i < v.length && in.available() > 0; i++) {
                v[i] = in.readBoolean() ? in.readUTF() : null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PersonalData(v[0], v[1], v[2], v[3], v[4] == null ? null : LocalDate.parse(v[4]), v[5], v[6], v[7], v[8], v[9]);
    }
}
