package dev.signalcheck.core.forecast.ets;

/**
 * The Nelder–Mead simplex minimiser with the exact conventions of R's {@code optim(method =
 * "Nelder-Mead")} (the {@code nmmin} routine that forecast's {@code ets} calls): initial simplex
 * from a step of 10% of the largest absolute coordinate along each axis, reflection 1, contraction
 * 0.5, expansion 2, shrink towards the best vertex, non-finite values replaced by 1e35, and
 * convergence when the spread of function values in the simplex falls below {@code reltol *
 * (|f(x0)| + reltol)}.
 *
 * <p>Reproducing these conventions (rather than using a library simplex) makes the fitted
 * parameters land where R's do, which matters because the ETS likelihood surfaces are often flat.
 */
final class NelderMead {

  /** A function of the parameter vector. It must not keep or modify the array it is given. */
  @FunctionalInterface
  interface Objective {
    double value(double[] x);
  }

  /** Outcome of one minimisation. */
  record Result(double[] x, double value, int evaluations, boolean converged) {}

  private static final double BIG = 1.0e35;

  private NelderMead() {}

  /**
   * Minimises {@code f} from {@code start}.
   *
   * @param abstol stop when the best value is at most this ({@code -Infinity} disables)
   * @param reltol relative tolerance on the spread of values in the simplex
   * @param maxit maximum number of function evaluations
   * @throws IllegalStateException when {@code f} is not finite at {@code start}
   */
  static Result minimize(Objective f, double[] start, double abstol, double reltol, int maxit) {
    return minimize(f, start, null, abstol, reltol, maxit);
  }

  /**
   * Minimises {@code f} from {@code start} with an initial simplex of the given step along each
   * axis ({@code steps[i]} for coordinate i; null: R's 10% of the largest absolute coordinate for
   * all). Per-axis steps suit a start that is already near the optimum (a warm start), where R's
   * common step would throw the simplex far out of the small parameters' range.
   */
  static Result minimize(
      Objective f, double[] start, double[] steps, double abstol, double reltol, int maxit) {
    final double alpha = 1.0;
    final double beta = 0.5;
    final double gamma = 2.0;
    final int n = start.length;
    double[] b = start.clone();
    double fv = f.value(b);
    if (!Double.isFinite(fv)) {
      throw new IllegalStateException("function cannot be evaluated at initial parameters");
    }
    if (maxit <= 0) {
      return new Result(b, fv, 0, true);
    }
    int funcount = 1;
    final double convtol = reltol * (Math.abs(fv) + reltol);
    final int n1 = n + 1;
    final int c = n + 2;
    // p[i][j]: coordinate i (row n holds the value) of vertex j; column c-1 holds the centroid.
    double[][] p = new double[n1][c];
    p[n1 - 1][0] = fv;
    for (int i = 0; i < n; i++) {
      p[i][0] = b[i];
    }
    int l = 1;
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
    double oldsize = size;
    boolean calcvert = true;
    boolean failed = false;
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
          size = 0.0;
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
            break;
          }
        }
      }
    } while (funcount <= maxit);

    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = p[i][l - 1];
    }
    return new Result(x, p[n1 - 1][l - 1], funcount, !failed && funcount <= maxit);
  }
}
