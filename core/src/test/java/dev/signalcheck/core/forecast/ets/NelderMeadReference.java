package dev.signalcheck.core.forecast.ets;

/**
 * R's {@code nmmin} as it was first transcribed, with the simplex stored coordinate-major like the
 * C original: the reference that {@link NelderMead} must reproduce exactly (same points, values and
 * counts) whatever layout and bookkeeping it uses.
 */
final class NelderMeadReference {

  private static final double BIG = 1.0e35;

  private NelderMeadReference() {}

  static NelderMead.Result minimize(
      NelderMead.Objective f,
      double[] start,
      double[] steps,
      double abstol,
      double reltol,
      int maxit) {
    Run run = new Run(f, start, steps, abstol, reltol);
    run.advance(maxit);
    return run.result();
  }

  static final class Run {
    private static final double ALPHA = 1.0;
    private static final double BETA = 0.5;
    private static final double GAMMA = 2.0;

    private final NelderMead.Objective f;
    private final int n;
    private final double abstol;
    private final double convtol;
    private final double[] b;
    // p[i][j]: coordinate i (row n holds the value) of vertex j; column c-1 holds the centroid.
    private final double[][] p;
    private int funcount;
    private int l = 1;
    private double oldsize;
    private boolean calcvert = true;
    private boolean failed;
    private boolean done;
    private int limit;

    /**
     * Evaluates {@code f} at {@code start} and builds the initial simplex (no further evaluation).
     *
     * @throws IllegalStateException when {@code f} is not finite at {@code start}
     */
    Run(NelderMead.Objective f, double[] start, double[] steps, double abstol, double reltol) {
      this.f = f;
      this.abstol = abstol;
      this.n = start.length;
      this.b = start.clone();
      double fv = f.value(b);
      if (!Double.isFinite(fv)) {
        throw new IllegalStateException("function cannot be evaluated at initial parameters");
      }
      funcount = 1;
      convtol = reltol * (Math.abs(fv) + reltol);
      final int n1 = n + 1;
      p = new double[n1][n + 2];
      p[n1 - 1][0] = fv;
      for (int i = 0; i < n; i++) {
        p[i][0] = b[i];
      }
      double size = 0.0;
      double step = 0.0;
      for (int i = 0; i < n; i++) {
        if (0.1 * Math.abs(b[i]) > step) {
          step = 0.1 * Math.abs(b[i]);
        }
      }
      if (step == 0.0) {
        step = 0.1;
      }
      for (int j = 2; j <= n1; j++) {
        for (int i = 0; i < n; i++) {
          p[i][j - 1] = b[i];
        }
        double trystep = steps == null ? step : steps[j - 2];
        while (p[j - 2][j - 1] == b[j - 2]) {
          p[j - 2][j - 1] = b[j - 2] + trystep;
          trystep *= 10;
        }
        size += trystep;
      }
      oldsize = size;
    }

    /** Goes on until the minimisation ends or more than {@code maxit} evaluations were made. */
    void advance(int maxit) {
      limit = maxit;
      if (done || funcount > maxit) {
        return;
      }
      final double alpha = ALPHA;
      final double beta = BETA;
      final double gamma = GAMMA;
      final int n = this.n;
      final double[] b = this.b;
      final double[][] p = this.p;
      final int n1 = n + 1;
      final int c = n + 2;
      int l = this.l;
      double fv;
      do {
        if (calcvert) {
          for (int j = 0; j < n1; j++) {
            if (j + 1 != l) {
              for (int i = 0; i < n; i++) {
                b[i] = p[i][j];
              }
              fv = f.value(b);
              if (!Double.isFinite(fv)) {
                fv = BIG;
              }
              funcount++;
              p[n1 - 1][j] = fv;
            }
          }
          calcvert = false;
        }
        double vl = p[n1 - 1][l - 1];
        double vh = vl;
        int h = l;
        for (int j = 1; j <= n1; j++) {
          if (j != l) {
            double v = p[n1 - 1][j - 1];
            if (v < vl) {
              l = j;
              vl = v;
            }
            if (v > vh) {
              h = j;
              vh = v;
            }
          }
        }
        if (vh <= vl + convtol || vl <= abstol) {
          done = true;
          break;
        }
        for (int i = 0; i < n; i++) {
          double temp = -p[i][h - 1];
          for (int j = 0; j < n1; j++) {
            temp += p[i][j];
          }
          p[i][c - 1] = temp / n;
        }
        for (int i = 0; i < n; i++) {
          b[i] = (1.0 + alpha) * p[i][c - 1] - alpha * p[i][h - 1];
        }
        fv = f.value(b);
        if (!Double.isFinite(fv)) {
          fv = BIG;
        }
        funcount++;
        double vr = fv;
        if (vr < vl) {
          p[n1 - 1][c - 1] = fv;
          for (int i = 0; i < n; i++) {
            double e = gamma * b[i] + (1 - gamma) * p[i][c - 1];
            p[i][c - 1] = b[i];
            b[i] = e;
          }
          fv = f.value(b);
          if (!Double.isFinite(fv)) {
            fv = BIG;
          }
          funcount++;
          if (fv < vr) {
            for (int i = 0; i < n; i++) {
              p[i][h - 1] = b[i];
            }
            p[n1 - 1][h - 1] = fv;
          } else {
            for (int i = 0; i < n; i++) {
              p[i][h - 1] = p[i][c - 1];
            }
            p[n1 - 1][h - 1] = vr;
          }
        } else {
          if (vr < vh) {
            for (int i = 0; i < n; i++) {
              p[i][h - 1] = b[i];
            }
            p[n1 - 1][h - 1] = vr;
          }
          for (int i = 0; i < n; i++) {
            b[i] = (1 - beta) * p[i][h - 1] + beta * p[i][c - 1];
          }
          fv = f.value(b);
          if (!Double.isFinite(fv)) {
            fv = BIG;
          }
          funcount++;
          if (fv < p[n1 - 1][h - 1]) {
            for (int i = 0; i < n; i++) {
              p[i][h - 1] = b[i];
            }
            p[n1 - 1][h - 1] = fv;
          } else if (vr >= vh) {
            calcvert = true;
            double size = 0.0;
            for (int j = 0; j < n1; j++) {
              if (j + 1 != l) {
                for (int i = 0; i < n; i++) {
                  p[i][j] = beta * (p[i][j] - p[i][l - 1]) + p[i][l - 1];
                  size += Math.abs(p[i][j] - p[i][l - 1]);
                }
              }
            }
            if (size < oldsize) {
              oldsize = size;
            } else {
              failed = true;
              done = true;
              break;
            }
          }
        }
      } while (funcount <= maxit);
      this.l = l;
    }

    /** The best vertex and its value. */
    NelderMead.Result result() {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = p[i][l - 1];
      }
      return new NelderMead.Result(x, p[n][l - 1], funcount, !failed && funcount <= limit);
    }
  }
}
