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

    /**
     * The value at {@code x} if it is below {@code cutoff}; otherwise any value of at least {@code
     * cutoff} (an objective may stop computing once it knows the value cannot be below). The
     * minimiser asks this way where it only compares the value with {@code cutoff} unless it is
     * below, so its steps are exactly those with {@link #value(double[])}.
     */
    default double value(double[] x, double cutoff) {
      return value(x);
    }
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
    // Vertex-major: v[j] holds the coordinates of vertex j and fv[j] its value; cen the centroid
    // (and, after an expansion, the reflected point). R's nmmin keeps coordinate-major columns;
    // this layout performs the same operations in the same order on each coordinate, so the
    // results are identical, but the centroid's sums over vertices run over contiguous arrays.
    private final double[][] v;
    private final double[] fv;
    private final double[] cen;
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
      double f0 = f.value(b);
      if (!Double.isFinite(f0)) {
        throw new IllegalStateException("function cannot be evaluated at initial parameters");
      }
      funcount = 1;
      convtol = reltol * (Math.abs(f0) + reltol);
      final int n1 = n + 1;
      v = new double[n1][n];
      fv = new double[n1];
      cen = new double[n];
      fv[0] = f0;
      System.arraycopy(b, 0, v[0], 0, n);
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
        double[] vj = v[j - 1];
        System.arraycopy(b, 0, vj, 0, n);
        double trystep = steps == null ? step : steps[j - 2];
        while (vj[j - 2] == b[j - 2]) {
          vj[j - 2] = b[j - 2] + trystep;
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
      return fv[l - 1];
    }

    private Result stopHere() {
      return new Result(b, fv[0], 0, true);
    }

    private double eval(double[] x) {
      double value = f.value(x);
      funcount++;
      return Double.isFinite(value) ? value : BIG;
    }

    /** {@link #eval} where the value is only compared with {@code cutoff} unless below it. */
    private double eval(double[] x, double cutoff) {
      double value = f.value(x, cutoff);
      funcount++;
      return Double.isFinite(value) ? value : BIG;
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
      final double[][] v = this.v;
      final double[] fv = this.fv;
      final double[] cen = this.cen;
      final int n1 = n + 1;
      int l = this.l;
      do {
        if (calcvert) {
          for (int j = 0; j < n1; j++) {
            if (j + 1 != l) {
              System.arraycopy(v[j], 0, b, 0, n);
              fv[j] = eval(b);
            }
          }
          calcvert = false;
        }
        double vl = fv[l - 1];
        double vh = vl;
        int h = l;
        for (int j = 1; j <= n1; j++) {
          if (j != l) {
            double x = fv[j - 1];
            if (x < vl) {
              l = j;
              vl = x;
            }
            if (x > vh) {
              h = j;
              vh = x;
            }
          }
        }
        if (vh <= vl + convtol || vl <= abstol) {
          done = true;
          break;
        }
        final double[] ph = v[h - 1];
        // Per coordinate: -p_h + p_0 + p_1 + ... + p_n, as nmmin sums it, then / n.
        for (int i = 0; i < n; i++) {
          cen[i] = -ph[i];
        }
        for (int j = 0; j < n1; j++) {
          final double[] pj = v[j];
          for (int i = 0; i < n; i++) {
            cen[i] += pj[i];
          }
        }
        for (int i = 0; i < n; i++) {
          cen[i] = cen[i] / n;
        }
        for (int i = 0; i < n; i++) {
          b[i] = (1.0 + alpha) * cen[i] - alpha * ph[i];
        }
        // The reflection is kept, and its value used, only when below vh; beyond, only compared.
        final double vr = eval(b, vh);
        if (vr < vl) {
          for (int i = 0; i < n; i++) {
            double e = gamma * b[i] + (1 - gamma) * cen[i];
            cen[i] = b[i];
            b[i] = e;
          }
          double fe = eval(b, vr);
          if (fe < vr) {
            System.arraycopy(b, 0, ph, 0, n);
            fv[h - 1] = fe;
          } else {
            System.arraycopy(cen, 0, ph, 0, n);
            fv[h - 1] = vr;
          }
        } else {
          if (vr < vh) {
            System.arraycopy(b, 0, ph, 0, n);
            fv[h - 1] = vr;
          }
          for (int i = 0; i < n; i++) {
            b[i] = (1 - beta) * ph[i] + beta * cen[i];
          }
          double fc = eval(b, fv[h - 1]);
          if (fc < fv[h - 1]) {
            System.arraycopy(b, 0, ph, 0, n);
            fv[h - 1] = fc;
          } else if (vr >= vh) {
            calcvert = true;
            double size = 0.0;
            final double[] pl = v[l - 1];
            for (int j = 0; j < n1; j++) {
              if (j + 1 != l) {
                final double[] pj = v[j];
                for (int i = 0; i < n; i++) {
                  pj[i] = beta * (pj[i] - pl[i]) + pl[i];
                  size += Math.abs(pj[i] - pl[i]);
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
      return new Result(v[l - 1].clone(), fv[l - 1], funcount, !failed && funcount <= limit);
    }
  }
}
