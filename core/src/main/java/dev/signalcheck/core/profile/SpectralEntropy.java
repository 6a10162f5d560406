package dev.signalcheck.core.profile;

/**
 * Spectral (Shannon) entropy of the AR spectrum, as tsfeatures {@code entropy()} / feasts {@code
 * feat_spectral}: {@code spec.ar(x, method = "burg", n.freq = ceiling(n/2 + 1))}.
 *
 * <p>An AR(p) model is fitted by {@link BurgAr} (order by AIC, {@code order.max = min(n-1, floor(10
 * log10 n))}); its spectrum at the {@code F = ceiling(n/2+1)} equally spaced frequencies {@code f_j
 * = j / (2(F-1))} is {@code s_j ∝ 1 / |1 - Σ_k φ_k e^{-2πi f_j k}|²} (the innovations variance
 * cancels in the normalisation). The two-sided vector {@code c(rev(s[-1]), s)} is normalised to sum
 * 1, mixed as {@code 0.999 fx + 0.001/len}, and {@code H = min(1, -Σ fx log_n fx)}. Near 0: one
 * dominant frequency; 1: flat spectrum (white noise). Lynx gives 0.7331515.
 */
public final class SpectralEntropy {
  private SpectralEntropy() {}

  /**
   * Spectral entropy in [0, 1].
   *
   * @param y series with at least 2 values, not constant
   */
  public static double of(double[] y) {
    int n = y.length;
    BurgAr.Fit fit = BurgAr.fit(y);
    int nf = (int) Math.ceil(n / 2.0 + 1);
    double[] spec = arSpectrum(fit.coefficients(), nf);
    double total = spec[0];
    for (int j = 1; j < nf; j++) {
      total += 2 * spec[j];
    }
    int len = 2 * nf - 1;
    double mix = 0.001 / len;
    double logN = Math.log(n);
    double h = 0;
    for (int j = 0; j < nf; j++) {
      double fx = 0.999 * (spec[j] / total) + mix;
      double term = fx * (Math.log(fx) / logN);
      h -= j == 0 ? term : 2 * term;
    }
    return Math.min(1.0, h);
  }

  /** Unscaled AR spectrum {@code 1/|A(f)|²} at {@code nf} frequencies from 0 to 1/2. */
  static double[] arSpectrum(double[] ar, int nf) {
    double[] spec = new double[nf];
    int p = ar.length;
    double step = nf == 1 ? 0 : 0.5 / (nf - 1);
    for (int j = 0; j < nf; j++) {
      double w = 2 * Math.PI * (j * step);
      // cos(kw), sin(kw) by the angle-addition recurrence: two trigonometric calls per frequency
      double c1 = Math.cos(w);
      double s1 = Math.sin(w);
      double ck = 1;
      double sk = 0;
      double cs = 0;
      double sn = 0;
      for (int k = 1; k <= p; k++) {
        double c = ck * c1 - sk * s1;
        sk = sk * c1 + ck * s1;
        ck = c;
        cs += ck * ar[k - 1];
        sn += sk * ar[k - 1];
      }
      double re = 1 - cs;
      spec[j] = 1 / (re * re + sn * sn);
    }
    return spec;
  }
}
