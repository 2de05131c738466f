package io.facecard.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Line charts as PNG with nothing but the JDK (headless AWT): one per soak measure, minutes on x, a line per series. */
final class SoakCharts {
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};

    private SoakCharts() {}

    /** @param series name → values per sample; {@code minutes} the sample times */
    static void draw(Path file, String title, String unit, double[] minutes, Map<String, double[]> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int w = 900;
        int h = 420;
        int left = 80;
        int right = 20;
        int top = 40;
        int bottom = 50;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double max = 0;
        for (double[] v : series.values()) {
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    max = Math.max(max, x);
                }
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        double xMax = minutes.length == 0 ? 1 : Math.max(1, minutes[minutes.length - 1]);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, left, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawLine(left, h - bottom, w - right, h - bottom);
        g.drawLine(left, top, left, h - bottom);
        for (int i = 0; i <= 5; i++) {
            int y = h - bottom - (int) ((h - top - bottom) * i / 5.0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(left + 1, y, w - right, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.4g", max * i / 5), 8, y + 4);
        }
        for (int i = 0; i <= 6; i++) {
            int x = left + (int) ((w - left - right) * i / 6.0);
            g.drawString(String.format("%.0f", xMax * i / 6), x - 6, h - bottom + 16);
        }
        g.drawString("minutes", w / 2 - 20, h - 12);
        g.drawString(unit, 8, top - 8);
        int k = 0;
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            g.setColor(COLOURS[k % COLOURS.length]);
            g.setStroke(new BasicStroke(2f));
            double[] v = s.getValue();
            int px = -1;
            int py = -1;
            for (int i = 0; i < v.length && i < minutes.length; i++) {
                if (Double.isNaN(v[i])) {
                    px = -1;
                    continue;
                }
                int x = left + (int) ((w - left - right) * minutes[i] / xMax);
                int y = h - bottom - (int) ((h - top - bottom) * v[i] / max);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            g.drawString(s.getKey(), w - right - 220, top + 16 + 14 * k);
            k++;
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    static double[] of(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
