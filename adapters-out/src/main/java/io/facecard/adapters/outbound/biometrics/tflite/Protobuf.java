package io.facecard.adapters.outbound.biometrics.tflite;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A protobuf message written field by field (varints, length-delimited bytes, strings and nested messages). */
final class Protobuf {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Protobuf varint(int field, long value) {
        tag(field, 0);
        raw(value);
        return this;
    }

    Protobuf bytes(int field, byte[] value) {
        tag(field, 2);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    Protobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf message(int field, Protobuf value) {
        return bytes(field, value.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        raw(((long) field << 3) | wireType);
    }

    private void raw(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
