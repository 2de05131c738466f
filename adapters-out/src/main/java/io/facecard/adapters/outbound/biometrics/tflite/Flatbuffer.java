package io.facecard.adapters.outbound.biometrics.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of the FlatBuffers wire format to read a TFLite model: tables with their vtables, vectors,
 * strings and scalars, all little-endian offsets into one buffer. Absent fields read as their defaults.
 */
final class Flatbuffer {
    private final ByteBuffer bytes;

    Flatbuffer(byte[] data) {
        bytes = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The root table. */
    Table root() {
        return new Table(bytes.getInt(0));
    }

    /** A table at an absolute position. */
    final class Table {
        private final int pos;

        Table(int pos) {
            this.pos = pos;
        }

        /** The absolute position of field {@code index}, or 0 when the field is absent. */
        private int field(int index) {
            int vtable = pos - bytes.getInt(pos);
            int vtableSize = bytes.getShort(vtable) & 0xFFFF;
            int entry = 4 + 2 * index;
            if (entry >= vtableSize) {
                return 0;
            }
            int offset = bytes.getShort(vtable + entry) & 0xFFFF;
            return offset == 0 ? 0 : pos + offset;
        }

        private int indirect(int at) {
            return at + bytes.getInt(at);
        }

        boolean has(int index) {
            return field(index) != 0;
        }

        int intValue(int index, int fallback) {
            int at = field(index);
            return at == 0 ? fallback : bytes.getInt(at);
        }

        int byteValue(int index, int fallback) {
            int at = field(index);
            return at == 0 ? fallback : bytes.get(at) & 0xFF;
        }

        Table table(int index) {
            int at = field(index);
            return at == 0 ? null : new Table(indirect(at));
        }

        String string(int index) {
            int at = field(index);
            if (at == 0) {
                return null;
            }
            int start = indirect(at);
            byte[] raw = new byte[bytes.getInt(start)];
            bytes.get(start + 4, raw);
            return new String(raw, StandardCharsets.UTF_8);
        }

        /** Length of the vector in field {@code index}, 0 when absent. */
        int length(int index) {
            int at = field(index);
            return at == 0 ? 0 : bytes.getInt(indirect(at));
        }

        int[] ints(int index) {
            int at = field(index);
            if (at == 0) {
                return new int[0];
            }
            int start = indirect(at);
            int[] out = new int[bytes.getInt(start)];
            for (int i = 0; i < out.length; i++) {
                out[i] = bytes.getInt(start + 4 + 4 * i);
            }
            return out;
        }

        byte[] ubytes(int index) {
            int at = field(index);
            if (at == 0) {
                return new byte[0];
            }
            int start = indirect(at);
            byte[] out = new byte[bytes.getInt(start)];
            bytes.get(start + 4, out);
            return out;
        }

        /** Element {@code i} of a vector of tables. */
        Table tableAt(int index, int i) {
            int start = indirect(field(index));
            int element = start + 4 + 4 * i;
            return new Table(indirect(element));
        }
    }
}
