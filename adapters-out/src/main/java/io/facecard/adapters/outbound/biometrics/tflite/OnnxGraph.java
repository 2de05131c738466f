package io.facecard.adapters.outbound.biometrics.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** An ONNX model (onnx.proto: ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto) built node by node. */
final class OnnxGraph {
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private final List<Protobuf> nodes = new ArrayList<>();
    private final List<Protobuf> initializers = new ArrayList<>();
    private final List<Protobuf> inputs = new ArrayList<>();
    private final List<Protobuf> outputs = new ArrayList<>();
    private int counter;

    String fresh(String hint) {
        return hint + "_" + counter++;
    }

    /** A node; attributes as name, value pairs (an int or an int[]). */
    void node(String op, List<String> in, String out, Object... attributes) {
        Protobuf n = new Protobuf();
        in.forEach(i -> n.string(1, i));
        n.string(2, out).string(3, fresh(op)).string(4, op);
        for (int a = 0; a < attributes.length; a += 2) {
            Protobuf attr = new Protobuf().string(1, (String) attributes[a]);
            if (attributes[a + 1] instanceof int[] values) {
                for (int v : values) {
                    attr.varint(8, v);
                }
                attr.varint(20, ATTR_INTS);
            } else {
                attr.varint(3, (Integer) attributes[a + 1]).varint(20, ATTR_INT);
            }
            n.message(5, attr);
        }
        nodes.add(n);
    }

    String floats(String hint, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return initializer(hint, dims, FLOAT, raw.array());
    }

    String longs(String hint, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return initializer(hint, new long[] {values.length}, INT64, raw.array());
    }

    private String initializer(String hint, long[] dims, int type, byte[] raw) {
        String name = fresh(hint);
        Protobuf t = new Protobuf();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, type).string(8, name).bytes(9, raw);
        initializers.add(t);
        return name;
    }

    /** A float input or output; a dimension below 0 is the symbolic batch. */
    void input(String name, long... dims) {
        inputs.add(valueInfo(name, dims));
    }

    void output(String name, long... dims) {
        outputs.add(valueInfo(name, dims));
    }

    private static Protobuf valueInfo(String name, long[] dims) {
        Protobuf shape = new Protobuf();
        for (long d : dims) {
            shape.message(1, d < 0 ? new Protobuf().string(2, "batch") : new Protobuf().varint(1, d));
        }
        Protobuf tensor = new Protobuf().varint(1, FLOAT).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensor));
    }

    byte[] model(String name, String producer) {
        Protobuf graph = new Protobuf();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, name);
        initializers.forEach(i -> graph.message(5, i));
        inputs.forEach(i -> graph.message(11, i));
        outputs.forEach(o -> graph.message(12, o));
        return new Protobuf().varint(1, 8).string(2, producer).message(7, graph)
                .message(8, new Protobuf().string(1, "").varint(2, 13)).toByteArray();
    }
}
