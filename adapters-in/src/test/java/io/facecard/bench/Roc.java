package io.facecard.bench;

import java.util.Arrays;

/** Verification figures from genuine and impostor scores: ROC points, FRR at a FAR, the equal error rate. */
final class Roc {
    final double[] genuine;
    final double[] impostor;

    Roc(double[] genuine, double[] impostor) {
        this.genuine = genuine.clone();
        this.impostor = impostor.clone();
        Arrays.sort(this.genuine);
        Arrays.sort(this.impostor);
    }

    /** Share of impostor scores at or above t. */
    double far(double t) {
        return (double) (impostor.length - lowerBound(impostor, t)) / impostor.length;
    }

    /** Share of genuine scores below t. */
    double frr(double t) {
        return (double) lowerBound(genuine, t) / genuine.length;
    }

    /** The lowest threshold whose FAR is at most {@code far}. */
    double thresholdAt(double far) {
        int allowed = (int) Math.floor(far * impostor.length);
        int idx = impostor.length - allowed; // scores from idx on may be accepted
        return idx >= impostor.length ? Math.nextUp(impostor[impostor.length - 1]) : Math.nextUp(impostor[Math.max(0, idx - 1)]);
    }

    /** The equal error rate and its threshold. */
    double[] equalError() {
        double bestGap = 2;
        double[] best = {1, 0};
        for (double t = 0; t <= 1; t += 0.001) {
            double gap = Math.abs(far(t) - frr(t));
            if (gap < bestGap) {
                bestGap = gap;
                best = new double[] {(far(t) + frr(t)) / 2, t};
            }
        }
        return best;
    }

    String report(String name) {
        StringBuilder b = new StringBuilder(String.format("%s: %d genuine, %d impostor comparisons%n", name, genuine.length, impostor.length));
        b.append("  threshold  FAR       FRR\n");
        for (double t = 0.20; t <= 0.601; t += 0.05) {
            b.append(String.format("  %.2f       %.5f   %.4f%n", t, far(t), frr(t)));
        }
        for (double far : new double[] {0.01, 0.001, 0.0001}) {
            if (far * impostor.length < 1) {
                b.append(String.format("  FAR %.2f%%: not measurable with %d impostor comparisons%n", far * 100, impostor.length));
                continue;
            }
            double t = thresholdAt(far);
            b.append(String.format("  FAR %.2f%%: threshold %.3f, FRR %.4f (%d of %d genuine rejected)%n", far * 100, t, frr(t),
                    lowerBound(genuine, t), genuine.length));
        }
        double[] eer = equalError();
        b.append(String.format("  EER %.4f at %.3f; genuine min %.3f median %.3f, impostor max %.3f%n", eer[0], eer[1],
                genuine[0], genuine[genuine.length / 2], impostor[impostor.length - 1]));
        return b.toString();
    }

    private static int lowerBound(double[] sorted, double t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Wilson score 95 % interval of k successes in n, as "k/n (lo–hi %)". */
    static String share(int k, int n) {
        if (n == 0) {
            return "0/0";
        }
        double z = 1.96;
        double p = (double) k / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return String.format("%d/%d = %.1f %% (95 %%: %.1f–%.1f %%)", k, n, 100 * p, 100 * Math.max(0, centre - half),
                100 * Math.min(1, centre + half));
    }
}
