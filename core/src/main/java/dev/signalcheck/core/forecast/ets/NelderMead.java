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
    Run run = new Run(f, start, steps, abstol, reltol);
    if (maxit <= 0) {
      return run.stopHere();
    }
    run.advance(maxit);
    return run.result();
  }

  /**
   * One minimisation that can stop at an evaluation limit and later go on from where it stopped:
   * {@code advance(a)} then {@code advance(b)} with a ≤ b ends exactly where {@code advance(b)}
   * alone would (the same simplex, the same steps, the same values), so a search may run many
   * minimisations a little way, then carry only the promising ones to the full limit.
   */
  static final class Run {
    private static final double ALPHA = 1.0;
    private static final double BETA = 0.5;
    private static final double GAMMA = 2.0;

    private final Objective f;
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
    Run(Objective f, double[] start, double[] steps, double abstol, double reltol) {
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

    /** Whether the minimisation has ended by its own rule (converged or failed to shrink). */
    boolean finished() {
      return done;
    }

    /** The lowest value among the simplex's vertices (after at least one advance). */
    double best() {
      return p[n][l - 1];
    }

    private Result stopHere() {
      return new Result(b, p[n][0], 0, true);
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

    /** The best vertex so far, as {@link #minimize} reports it at the limit it was advanced to. */
    Result result() {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = p[i][l - 1];
      }
      return new Result(x, p[n][l - 1], funcount, !failed && funcount <= limit);
    }
  }
}
