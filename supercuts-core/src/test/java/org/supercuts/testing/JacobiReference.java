package org.supercuts.testing;

import java.util.Arrays;

import org.supercuts.linalg.AffinityMatrix;

/**
 * An independent, deliberately simple reference: cyclic Jacobi rotations on L_sym (no EJML, no Lanczos), eigenvalues
 * ascending.
 */
public final class JacobiReference {
    private JacobiReference() {
    }

    public static double[] eigenvaluesOfLsym(AffinityMatrix w) {
        int n = w.size();
        double[] d = w.degrees();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            double di = d[i] > 0 ? d[i] : 1.0;
            for (int j = 0; j < n; j++) {
                double dj = d[j] > 0 ? d[j] : 1.0;
                a[i][j] = (i == j ? 1.0 : 0.0) - w.get(i, j) / Math.sqrt(di * dj);
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = a[i][i];
        }
        Arrays.sort(ev);
        return ev;
    }
}
