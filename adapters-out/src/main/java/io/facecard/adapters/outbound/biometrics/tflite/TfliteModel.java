package io.facecard.adapters.outbound.biometrics.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A float32 TFLite model's first subgraph, read from its flatbuffer (schema.fbs: Model, SubGraph, Tensor, Buffer,
 * Operator and the options of the operators below). Only what a small face embedder uses is understood; anything
 * else is refused by name, so a new model cannot be half-converted.
 */
public record TfliteModel(List<Tensor> tensors, List<Op> ops, int[] inputs, int[] outputs) {
    /** TFLite's BuiltinOperator codes of the operators understood. */
    public enum Kind {
        ADD(0), CONV_2D(3), DEPTHWISE_CONV_2D(4), MUL(18), RELU(19), RESHAPE(22), SUB(41), ABS(101);

        final int code;

        Kind(int code) {
            this.code = code;
        }

        public static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalArgumentException("TFLite operator " + code + " is not supported by this converter");
        }
    }

    /** TFLite's fused activations (ActivationFunctionType). */
    public enum Activation { NONE, RELU, RELU_N1_TO_1, RELU6 }

    /**
     * @param data a float32 constant's values, or null for an activation
     * @param ints an int32 constant's values (a RESHAPE's shape), or null
     */
    public record Tensor(String name, int[] shape, float[] data, int[] ints) {
        public boolean constant() {
            return data != null;
        }
    }

    /**
     * @param same padding SAME (else VALID) for convolutions
     * @param newShape RESHAPE's target shape when given as an option (else its second input)
     */
    public record Op(Kind kind, int[] inputs, int[] outputs, Activation activation, boolean same, int strideH, int strideW,
            int dilationH, int dilationW, int depthMultiplier, int[] newShape) {}

    private static final int FLOAT32 = 0;
    private static final int INT32 = 2;

    public static TfliteModel read(byte[] file) {
        Flatbuffer fb = new Flatbuffer(file);
        Flatbuffer.Table model = fb.root();
        List<Kind> codes = new ArrayList<>();
        for (int i = 0; i < model.length(1); i++) {
            Flatbuffer.Table code = model.tableAt(1, i);
            // builtin_code (field 3) supersedes the deprecated byte (field 0) from schema version 3a on
            int builtin = Math.max(code.byteValue(0, 0), code.intValue(3, 0));
            codes.add(builtin < 0 ? null : Kind.of(builtin));
        }
        Flatbuffer.Table graph = model.tableAt(2, 0);
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < graph.length(0); i++) {
            Flatbuffer.Table t = graph.tableAt(0, i);
            int type = t.byteValue(1, FLOAT32);
            byte[] raw = model.tableAt(4, t.intValue(2, 0)).ubytes(0);
            if (type == INT32 && raw.length > 0) {
                int[] values = new int[raw.length / 4];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
                tensors.add(new Tensor(t.string(3), t.ints(0), null, values));
            } else if (type == FLOAT32) {
                tensors.add(new Tensor(t.string(3), t.ints(0), raw.length == 0 ? null : floats(raw), null));
            } else {
                throw new IllegalArgumentException("tensor " + t.string(3) + " is of type " + type + ", not float32");
            }
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < graph.length(3); i++) {
            Flatbuffer.Table o = graph.tableAt(3, i);
            Kind kind = codes.get(o.intValue(0, 0));
            ops.add(op(kind, o.ints(1), o.ints(2), o.table(4)));
        }
        return new TfliteModel(tensors, ops, graph.ints(1), graph.ints(2));
    }

    private static Op op(Kind kind, int[] in, int[] out, Flatbuffer.Table opt) {
        Activation none = Activation.NONE;
        return switch (kind) {
            case CONV_2D -> new Op(kind, in, out, activation(opt, 3), opt.byteValue(0, 0) == 0, opt.intValue(2, 1), opt.intValue(1, 1),
                    opt.intValue(5, 1), opt.intValue(4, 1), 1, null);
            case DEPTHWISE_CONV_2D -> new Op(kind, in, out, activation(opt, 4), opt.byteValue(0, 0) == 0, opt.intValue(2, 1),
                    opt.intValue(1, 1), opt.intValue(6, 1), opt.intValue(5, 1), opt.intValue(3, 1), null);
            case ADD, SUB, MUL -> new Op(kind, in, out, opt == null ? none : activation(opt, 0), false, 1, 1, 1, 1, 1, null);
            case RESHAPE -> new Op(kind, in, out, none, false, 1, 1, 1, 1, 1, opt == null || !opt.has(0) ? null : opt.ints(0));
            case RELU, ABS -> new Op(kind, in, out, none, false, 1, 1, 1, 1, 1, null);
        };
    }

    private static Activation activation(Flatbuffer.Table options, int field) {
        return Activation.values()[options.byteValue(field, 0)];
    }

    private static float[] floats(byte[] raw) {
        float[] out = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
