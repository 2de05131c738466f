package io.facecard.adapters.outbound.biometrics;

import io.facecard.adapters.outbound.biometrics.tflite.TfliteModel.Op;
import io.facecard.adapters.outbound.biometrics.tflite.TfliteModel.Tensor;
import io.facecard.adapters.outbound.biometrics.tflite.TfliteModel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A TFLite model run as TFLite defines it, in NHWC with plain loops and double accumulation: the independent
 * reference the converted ONNX model is held to. Slow, and only for tests.
 */
final class TfliteReference {
    record Value(int[] shape, double[] data) {}

    private final TfliteModel model;

    TfliteReference(TfliteModel model) {
        this.model = model;
    }

    /** @param nhwc one image, {@code [1, H, W, C]} */
    double[] run(float[] nhwc) {
        Map<Integer, Value> values = new HashMap<>();
        int[] in = model.tensors().get(model.inputs()[0]).shape().clone();
        in[0] = 1;
        double[] x = new double[nhwc.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = nhwc[i];
        }
        values.put(model.inputs()[0], new Value(in, x));
        for (Op op : model.ops()) {
            Value out = switch (op.kind()) {
                case CONV_2D, DEPTHWISE_CONV_2D -> conv(op, values.get(op.inputs()[0]));
                case ADD, SUB, MUL -> broadcast(op, value(values, op.inputs()[0]), value(values, op.inputs()[1]));
                case RELU -> map(values.get(op.inputs()[0]), v -> Math.max(0, v));
                case ABS -> map(values.get(op.inputs()[0]), Math::abs);
                case RESHAPE -> new Value(new int[] {1, values.get(op.inputs()[0]).data().length}, values.get(op.inputs()[0]).data());
            };
            values.put(op.outputs()[0], switch (op.activation()) {
                case NONE -> out;
                case RELU -> map(out, v -> Math.max(0, v));
                case RELU6 -> map(out, v -> Math.min(6, Math.max(0, v)));
                case RELU_N1_TO_1 -> map(out, v -> Math.min(1, Math.max(-1, v)));
            });
        }
        return values.get(model.outputs()[0]).data();
    }

    private Value value(Map<Integer, Value> values, int index) {
        Tensor t = model.tensors().get(index);
        if (!t.constant()) {
            return values.get(index);
        }
        double[] d = new double[t.data().length];
        for (int i = 0; i < d.length; i++) {
            d[i] = t.data()[i];
        }
        return new Value(t.shape(), d);
    }

    private Value conv(Op op, Value x) {
        Tensor w = model.tensors().get(op.inputs()[1]);
        float[] bias = op.inputs().length > 2 && op.inputs()[2] >= 0 ? model.tensors().get(op.inputs()[2]).data() : null;
        boolean dw = op.kind() == TfliteModel.Kind.DEPTHWISE_CONV_2D;
        int h = x.shape()[1];
        int wd = x.shape()[2];
        int c = x.shape()[3];
        int kh = w.shape()[1];
        int kw = w.shape()[2];
        int outC = dw ? w.shape()[3] : w.shape()[0];
        int oh = op.same() ? (h + op.strideH() - 1) / op.strideH() : (h - (kh - 1) * op.dilationH() - 1) / op.strideH() + 1;
        int ow = op.same() ? (wd + op.strideW() - 1) / op.strideW() : (wd - (kw - 1) * op.dilationW() - 1) / op.strideW() + 1;
        int padH = op.same() ? Math.max(0, (oh - 1) * op.strideH() + (kh - 1) * op.dilationH() + 1 - h) / 2 : 0;
        int padW = op.same() ? Math.max(0, (ow - 1) * op.strideW() + (kw - 1) * op.dilationW() + 1 - wd) / 2 : 0;
        double[] out = new double[oh * ow * outC];
        for (int y = 0; y < oh; y++) {
            for (int xx = 0; xx < ow; xx++) {
                for (int o = 0; o < outC; o++) {
                    double sum = bias == null ? 0 : bias[o];
                    for (int ky = 0; ky < kh; ky++) {
                        int iy = y * op.strideH() - padH + ky * op.dilationH();
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = xx * op.strideW() - padW + kx * op.dilationW();
                            if (ix < 0 || ix >= wd) {
                                continue;
                            }
                            int base = (iy * wd + ix) * c;
                            if (dw) {
                                int ic = o / op.depthMultiplier();
                                sum += x.data()[base + ic] * w.data()[(ky * kw + kx) * outC + o];
                            } else {
                                int wb = ((o * kh + ky) * kw + kx) * c;
                                for (int i = 0; i < c; i++) {
                                    sum += x.data()[base + i] * w.data()[wb + i];
                                }
                            }
                        }
                    }
                    out[(y * ow + xx) * outC + o] = sum;
                }
            }
        }
        return new Value(new int[] {1, oh, ow, outC}, out);
    }

    /** NumPy broadcasting: shapes aligned at the right, a dimension of 1 repeats. */
    private static Value broadcast(Op op, Value a, Value b) {
        int rank = Math.max(a.shape().length, b.shape().length);
        int[] sa = pad(a.shape(), rank);
        int[] sb = pad(b.shape(), rank);
        int[] so = new int[rank];
        int n = 1;
        for (int i = 0; i < rank; i++) {
            so[i] = Math.max(sa[i], sb[i]);
            n *= so[i];
        }
        double[] out = new double[n];
        int[] idx = new int[rank];
        for (int k = 0; k < n; k++) {
            int rem = k;
            for (int i = rank - 1; i >= 0; i--) {
                idx[i] = rem % so[i];
                rem /= so[i];
            }
            double x = a.data()[flat(idx, sa)];
            double y = b.data()[flat(idx, sb)];
            out[k] = switch (op.kind()) {
                case ADD -> x + y;
                case SUB -> x - y;
                default -> x * y;
            };
        }
        return new Value(so, out);
    }

    private static int[] pad(int[] shape, int rank) {
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    private static int flat(int[] idx, int[] shape) {
        int f = 0;
        for (int i = 0; i < shape.length; i++) {
            f = f * shape[i] + (shape[i] == 1 ? 0 : idx[i]);
        }
        return f;
    }

    private static Value map(Value v, DoubleUnaryOperator f) {
        double[] out = new double[v.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(v.data()[i]);
        }
        return new Value(v.shape(), out);
    }
}
