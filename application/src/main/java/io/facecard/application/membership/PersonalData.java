package io.facecard.application.membership;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** What a member tells about themselves. Only ever stored in events sealed under the member's key. */
public record PersonalData(String name, String phone, String email, String cardNumber, LocalDate birthDate,
        String gender, String locale, String externalId) {
    /** Without the chain's CRM id. */
    public PersonalData(String name, String phone, String email, String cardNumber, LocalDate birthDate, String gender,
            String locale) {
        this(name, phone, email, cardNumber, birthDate, gender, locale, null);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String v : new String[] {name, phone, email, cardNumber, birthDate == null ? null : birthDate.toString(), gender, locale, externalId}) {
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

    static PersonalData decode(byte[] encoded) {
        String[] v = new String[8];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            // Data sealed before the CRM id existed ends after the seventh field.
            for (int i = 0; i < v.length && in.available() > 0; i++) {
                v[i] = in.readBoolean() ? in.readUTF() : null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PersonalData(v[0], v[1], v[2], v[3], v[4] == null ? null : LocalDate.parse(v[4]), v[5], v[6], v[7]);
    }
}
