package org.supercuts.examples.study;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Logistic regression by Newton's method (iteratively reweighted least squares) with a small ridge penalty on the
 * weights (not the intercept), for the {@link org.supercuts.objects.Objectness} fit of {@link ObjectStudy}.
 *
 * <p>Thread safety: stateless static methods.
 */
final class LogisticFit {
    private LogisticFit() {
    }

    /** The intercept followed by one weight per feature maximising the penalised log-likelihood. */
    static double[] fit(List<double[]> rows, List<Boolean> labels, double ridge) {
        int n = rows.size();
        int d = rows.get(0).length + 1;
        double[] beta = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            DMatrixRMaj h = new DMatrixRMaj(d, d);
            DMatrixRMaj g = new DMatrixRMaj(d, 1);
            for (int i = 0; i < n; i++) {
                double[] x = withIntercept(rows.get(i));
                double p = probability(beta, x);
                double y = labels.get(i) ? 1 : 0;
                double w = Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a < d; a++) {
                    g.set(a, 0, g.get(a, 0) + (y - p) * x[a]);
                    for (int b = 0; b < d; b++) {
                        h.set(a, b, h.get(a, b) + w * x[a] * x[b]);
                    }
                }
            }
            for (int a = 1; a < d; a++) {
                g.set(a, 0, g.get(a, 0) - ridge * n * beta[a]);
                h.set(a, a, h.get(a, a) + ridge * n);
            }
            DMatrixRMaj step = new DMatrixRMaj(d, 1);
            if (!CommonOps_DDRM.solve(h, g, step)) {
                throw new IllegalStateException("the logistic fit's Hessian is singular (a feature is constant?)");
            }
            double change = 0;
            for (int a = 0; a < d; a++) {
                beta[a] += step.get(a, 0);
                change = Math.max(change, Math.abs(step.get(a, 0)));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return beta;
    }

    static double logLoss(List<double[]> rows, List<Boolean> labels, double[] beta) {
        double loss = 0;
        for (int i = 0; i < rows.size(); i++) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, probability(beta, withIntercept(rows.get(i)))));
            loss -= labels.get(i) ? Math.log(p) : Math.log(1 - p);
        }
        return loss / rows.size();
    }

    private static double[] withIntercept(double[] f) {
        double[] x = new double[f.length + 1];
        x[0] = 1;
        System.arraycopy(f, 0, x, 1, f.length);
        return x;
    }

    private static double probability(double[] beta, double[] x) {
        double z = 0;
        for (int a = 0; a < x.length; a++) {
            z += beta[a] * x[a];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
