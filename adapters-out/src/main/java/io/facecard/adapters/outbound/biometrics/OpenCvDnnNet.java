package io.facecard.adapters.outbound.biometrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;

/** OpenCV's DNN module on the same ONNX file: the baseline ONNX Runtime is measured against. */
final class OpenCvDnnNet implements Net {
    private final org.opencv.dnn.Net net;
    private final List<String> outputs;

    OpenCvDnnNet(byte[] model) {
        OpenCvLoader.load();
        net = Dnn.readNetFromONNX(new MatOfByte(model));
        outputs = net.getUnconnectedOutLayersNames();
    }

    @Override
    public synchronized Map<String, float[]> run(float[] input, int[] shape) {
        Mat blob = new Mat(shape, CvType.CV_32F);
        blob.put(new int[shape.length], input);
        net.setInput(blob);
        List<Mat> results = new ArrayList<>();
        net.forward(results, outputs);
        Map<String, float[]> out = new HashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            Mat m = results.get(i);
            float[] values = new float[(int) m.total()];
            m.reshape(1, 1).get(0, 0, values);
            out.put(outputs.get(i), values);
            m.release();
        }
        blob.release();
        return out;
    }

    @Override
    public void close() {
        // the native net is freed with its Java object
    }
}
