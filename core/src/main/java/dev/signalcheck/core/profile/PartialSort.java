package dev.signalcheck.core.profile;

/**
 * The partial quicksort R's STL uses to find the median absolute residual (Singleton's modified
 * Hoare sort, restricted to the segments that contain the requested positions). Reproduced step by
 * step, including its behaviour when the requested positions are not in increasing order, so that
 * robust STL weights agree with R's.
 */
final class PartialSort {
  private PartialSort() {}

  /**
   * Rearranges {@code a[0..n)} so that, when {@code ind} is increasing, {@code a[ind[i]-1]} holds
   * the {@code ind[i]}-th smallest value (positions are 1-based, as in R).
   */
  static void select(double[] a0, int n, int[] ind0) {
    int ni = ind0.length;
    if (n < 2 || ni == 0) {
      return;
    }
    // 1-based views
    double[] a = new double[n + 1];
    System.arraycopy(a0, 0, a, 1, n);
    int[] ind = new int[ni + 1];
    System.arraycopy(ind0, 0, ind, 1, ni);
    int[] indu = new int[17];
    int[] indl = new int[17];
    int[] iu = new int[17];
    int[] il = new int[17];
    int jl = 1;
    int ju = ni;
    indl[1] = 1;
    indu[1] = ni;
    int i = 1;
    int j = n;
    int m = 1;
    int k = 0;
    int l = 0;
    int p;
    double t;
    double tt;
    int state = 161;
    loop:
    while (true) {
      switch (state) {
        case 161:
          state = i < j ? 10 : 166;
          break;
        case 166:
          m--;
          if (m == 0) {
            break loop;
          }
          i = il[m];
          j = iu[m];
          jl = indl[m];
          ju = indu[m];
          state = jl <= ju ? 173 : 166;
          break;
        case 173:
          state = j - i > 10 ? 10 : 174;
          break;
        case 10:
          {
            k = i;
            int ij = (i + j) / 2;
            t = a[ij];
            if (a[i] > t) {
              a[ij] = a[i];
              a[i] = t;
              t = a[ij];
            }
            l = j;
            if (a[j] < t) {
              a[ij] = a[j];
              a[j] = t;
              t = a[ij];
              if (a[i] > t) {
                a[ij] = a[i];
                a[i] = t;
                t = a[ij];
              }
            }
            while (true) {
              l--;
              if (a[l] <= t) {
                tt = a[l];
                do {
                  k++;
                } while (!(a[k] >= t));
                if (k > l) {
                  break;
                }
                a[l] = a[k];
                a[k] = tt;
              }
            }
            indl[m] = jl;
            indu[m] = ju;
            p = m;
            m++;
            state = 173;
            if (l - i <= j - k) {
              il[p] = k;
              iu[p] = j;
              j = l;
              while (true) {
                if (jl > ju) {
                  state = 166;
                  break;
                }
                if (ind[ju] > j) {
                  ju--;
                } else {
                  indl[p] = ju + 1;
                  break;
                }
              }
            } else {
              il[p] = i;
              iu[p] = l;
              i = k;
              while (true) {
                if (jl > ju) {
                  state = 166;
                  break;
                }
                if (ind[jl] < i) {
                  jl++;
                } else {
                  indu[p] = jl - 1;
                  break;
                }
              }
            }
            break;
          }
        case 174:
          if (i != 1) {
            i--;
            while (true) {
              i++;
              if (i == j) {
                break;
              }
              t = a[i + 1];
              if (a[i] > t) {
                k = i;
                do {
                  a[k + 1] = a[k];
                  k--;
                } while (!(t >= a[k]));
                a[k + 1] = t;
              }
            }
            state = 166;
          } else {
            state = 161;
          }
          break;
        default:
          throw new IllegalStateException("unreachable");
      }
    }
    System.arraycopy(a, 1, a0, 0, n);
  }
}
