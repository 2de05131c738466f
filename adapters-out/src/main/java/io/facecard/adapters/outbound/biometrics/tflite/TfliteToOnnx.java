package io.facecard.adapters.outbound.biometrics.tflite;

import io.facecard.adapters.outbound.biometrics.tflite.TfliteModel.Op;
import io.facecard.adapters.outbound.biometrics.tflite.TfliteModel.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts a float32 TFLite face embedder into ONNX, which ONNX Runtime runs (it reads no TFLite, and OpenCV's
 * TFLite reader refuses ABS). TFLite computes in NHWC; the ONNX graph computes in NCHW, as the rest of the pack
 * does: its input is {@code [batch, 3, H, W]}, weights are transposed once here, constants of element-wise ops
 * are laid out to broadcast over channels, and a RESHAPE of a 4-D tensor first returns it to NHWC so the values
 * come out in TFLite's order. The batch is symbolic (the TFLite file fixes it at 2).
 *
 * <p>Run by the build: {@code TfliteToOnnx <model.tflite> <model.onnx>}.
 */
public final class TfliteToOnnx {
    private final TfliteModel model;
    private final OnnxGraph onnx = new OnnxGraph();
    /** The ONNX name of each TFLite tensor computed so far; a 4-D activation is held in NCHW. */
    private final Map<Integer, String> names = new HashMap<>();

    private TfliteToOnnx(TfliteModel model) {
        this.model = model;
    }

    public static void main(String[] args) throws Exception {
        byte[] onnx = convert(TfliteModel.read(Files.readAllBytes(Path.of(args[0]))));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, onnx);
    }

    public static byte[] convert(TfliteModel model) {
        return new TfliteToOnnx(model).run();
    }

    private byte[] run() {
        if (model.inputs().length != 1 || model.outputs().length != 1) {
            throw new IllegalArgumentException("one input and one output are supported");
        }
        int input = model.inputs()[0];
        int[] nhwc = tensor(input).shape();
        names.put(input, "input");
        onnx.input("input", -1, nhwc[3], nhwc[1], nhwc[2]);
        for (Op op : model.ops()) {
            String out = switch (op.kind()) {
                case CONV_2D, DEPTHWISE_CONV_2D -> convolution(op);
                case ADD -> elementwise("Add", op);
                case SUB -> elementwise("Sub", op);
                case MUL -> elementwise("Mul", op);
                case RELU -> unary("Relu", op);
                case ABS -> unary("Abs", op);
                case RESHAPE -> reshape(op);
            };
            names.put(op.outputs()[0], activation(op, out));
        }
        int output = model.outputs()[0];
        int[] shape = tensor(output).shape();
        String name = names.get(output);
        long[] dims = new long[shape.length];
        dims[0] = -1;
        for (int i = 1; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        onnx.output(name, dims);
        return onnx.model("tflite-converted", "facecard TfliteToOnnx");
    }

    private Tensor tensor(int index) {
        return model.tensors().get(index);
    }

    private String convolution(Op op) {
        Tensor x = tensor(op.inputs()[0]);
        Tensor w = tensor(op.inputs()[1]);
        int[] ws = w.shape();
        int kh = ws[1];
        int kw = ws[2];
        boolean depthwise = op.kind() == TfliteModel.Kind.DEPTHWISE_CONV_2D;
        int out = depthwise ? ws[3] : ws[0];
        int in = depthwise ? 1 : ws[3];
        float[] oihw = new float[w.data().length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int y = 0; y < kh; y++) {
                    for (int xx = 0; xx < kw; xx++) {
                        // TFLite: conv weights OHWI, depthwise weights 1HWC (channel = output)
                        int from = depthwise ? (y * kw + xx) * out + o : ((o * kh + y) * kw + xx) * in + i;
                        oihw[((o * in + i) * kh + y) * kw + xx] = w.data()[from];
                    }
                }
            }
        }
        String weights = onnx.floats("w", new long[] {out, in, kh, kw}, oihw);
        List<String> inputs = op.inputs().length > 2 && op.inputs()[2] >= 0
                ? List.of(names.get(op.inputs()[0]), weights, onnx.floats("b", new long[] {out}, tensor(op.inputs()[2]).data()))
                : List.of(names.get(op.inputs()[0]), weights);
        int[] pads = new int[4];
        if (op.same()) {
            int[] hw = {x.shape()[1], x.shape()[2]};
            int[] k = {kh, kw};
            int[] s = {op.strideH(), op.strideW()};
            int[] d = {op.dilationH(), op.dilationW()};
            for (int a = 0; a < 2; a++) {
                int o = (hw[a] + s[a] - 1) / s[a];
                int total = Math.max(0, (o - 1) * s[a] + (k[a] - 1) * d[a] + 1 - hw[a]);
                pads[a] = total / 2; // TensorFlow puts the odd pixel at the end
                pads[a + 2] = total - total / 2;
            }
        }
        String name = onnx.fresh("conv");
        onnx.node("Conv", inputs, name, "kernel_shape", new int[] {kh, kw}, "strides", new int[] {op.strideH(), op.strideW()},
                "dilations", new int[] {op.dilationH(), op.dilationW()}, "pads", pads, "group", depthwise ? x.shape()[3] : 1);
        return name;
    }

    private String elementwise(String onnxOp, Op op) {
        String a = operand(op.inputs()[0]);
        String b = operand(op.inputs()[1]);
        String name = onnx.fresh(onnxOp.toLowerCase(Locale.ROOT));
        onnx.node(onnxOp, List.of(a, b), name);
        return name;
    }

    /** An activation's name, or a constant laid out to broadcast over an NCHW activation as it did over NHWC. */
    private String operand(int index) {
        Tensor t = tensor(index);
        if (!t.constant()) {
            return names.get(index);
        }
        int[] s = t.shape();
        float[] v = t.data();
        return switch (s.length) {
            case 0 -> onnx.floats("k", new long[0], v);
            case 1 -> onnx.floats("k", new long[] {s[0], 1, 1}, v);
            case 3 -> onnx.floats("k", new long[] {s[2], s[0], s[1]}, channelsFirst(v, 1, s[0], s[1], s[2]));
            case 4 -> onnx.floats("k", new long[] {s[0], s[3], s[1], s[2]}, channelsFirst(v, s[0], s[1], s[2], s[3]));
            default -> throw new IllegalArgumentException("a constant of rank " + s.length + " is not supported");
        };
    }

    private static float[] channelsFirst(float[] nhwc, int n, int h, int w, int c) {
        float[] out = new float[nhwc.length];
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int ch = 0; ch < c; ch++) {
                        out[((b * c + ch) * h + y) * w + x] = nhwc[((b * h + y) * w + x) * c + ch];
                    }
                }
            }
        }
        return out;
    }

    private String unary(String onnxOp, Op op) {
        String name = onnx.fresh(onnxOp.toLowerCase(Locale.ROOT));
        onnx.node(onnxOp, List.of(names.get(op.inputs()[0])), name);
        return name;
    }

    private String reshape(Op op) {
        int[] target = op.newShape() != null ? op.newShape() : tensor(op.inputs()[1]).ints();
        String in = names.get(op.inputs()[0]);
        if (tensor(op.inputs()[0]).shape().length == 4) {
            String nhwc = onnx.fresh("nhwc");
            onnx.node("Transpose", List.of(in), nhwc, "perm", new int[] {0, 2, 3, 1});
            in = nhwc;
        }
        long[] shape = new long[target.length];
        shape[0] = -1; // the batch: TFLite fixes it, ONNX keeps it open
        for (int i = 1; i < target.length; i++) {
            shape[i] = target[i];
        }
        String name = onnx.fresh("reshape");
        onnx.node("Reshape", List.of(in, onnx.longs("shape", shape)), name);
        return name;
    }

    /** TFLite fuses an activation into an operator; ONNX gets it as a node of its own. */
    private String activation(Op op, String out) {
        return switch (op.activation()) {
            case NONE -> out;
            case RELU -> {
                String r = onnx.fresh("relu");
                onnx.node("Relu", List.of(out), r);
                yield r;
            }
            case RELU6, RELU_N1_TO_1 -> {
                boolean six = op.activation() == TfliteModel.Activation.RELU6;
                String c = onnx.fresh("clip");
                onnx.node("Clip", List.of(out, onnx.floats("min", new long[0], new float[] {six ? 0 : -1}),
                        onnx.floats("max", new long[0], new float[] {six ? 6 : 1})), c);
                yield c;
            }
        };
    }
}
