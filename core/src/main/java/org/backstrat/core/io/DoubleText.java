package org.backstrat.core.io;

import java.math.BigInteger;

/**
 * Writes a double as ASCII bytes exactly as {@link Double#toString(double)} writes it, several
 * times faster for the numbers an output file is mostly made of.
 *
 * <p>Why: on Java 17, {@code Double.toString} costs about a microsecond for a typical 16-17 digit
 * value (big-integer arithmetic and a new String per call), which made formatting 10^6 distances
 * the largest part of writing {@code assignments.csv}. The bytes of output files must not change,
 * so this class reproduces {@code Double.toString} rather than inventing a format.
 *
 * <p>How: for values with {@code 10^-3 <= |v| < 10^7} (those {@code Double.toString} writes
 * without an exponent) it computes the shortest decimal that rounds back to {@code v}, the
 * closest to {@code v} among those (an even last digit on an exact tie), with the
 * Schubfach method (R. Giulietti, "The Schubfach way to render doubles", 2020): three 126-bit
 * products with a scaled power of ten give the rounding interval's ends and the value in a fixed
 * decimal scale, with 64-bit integer arithmetic only. In that range Java 17's
 * {@code Double.toString} writes exactly this shortest closest decimal (checked in
 * {@code DoubleTextTest} against it on millions of values, boundaries and powers of two
 * included). Every other value (larger, smaller, zero, infinite, NaN) goes through
 * {@code Double.toString} itself: there Java 17's output is not always the shortest (for example
 * integers from 2^53 on, and subnormals), so it is not reproduced.
 */
public final class DoubleText {
  /** Most bytes {@link #append} writes for one value. */
  public static final int MAX_BYTES = 26;
  /** Decimal exponents k for which 10^-k is tabulated (the range the fast path needs). */
  private static final int K_MIN = -24;
  private static final int K_MAX = -6;
  private static final long MASK_63 = Long.MAX_VALUE;
  private static final long C_MIN = 1L << 52;
  /** 10^-k scaled to 126 bits, g = floor(10^-k 2^-r) + 1, as (high 63 bits, low 63 bits). */
  private static final long[] G = new long[2 * (K_MAX - K_MIN + 1)];
  private static final long[] POW10 = new long[18];

  static {
    long p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
    for (int k = K_MIN; k <= K_MAX; k++) {
      int r = flog2pow10(-k) - 125;
      BigInteger num = BigInteger.TEN.pow(-k);
      BigInteger g = (r >= 0 ? num.shiftRight(r) : num.shiftLeft(-r)).add(BigInteger.ONE);
      if (g.bitLength() != 126) {
        throw new AssertionError("power of ten 10^" + (-k) + " not scaled to 126 bits");
      }
      G[2 * (k - K_MIN)] = g.shiftRight(63).longValue();
      G[2 * (k - K_MIN) + 1] = g.longValue() & MASK_63;
    }
  }

  private DoubleText() {
  }

  /**
   * Writes {@code Double.toString(v)} into {@code dst} from {@code pos} (at most
   * {@link #MAX_BYTES} bytes) and returns the position after it.
   */
  public static int append(double v, byte[] dst, int pos) {
    double a = Math.abs(v);
    if (!(a >= 1e-3 && a < 1e7)) {
      String s = Double.toString(v);
      for (int i = 0; i < s.length(); i++) {
        dst[pos + i] = (byte) s.charAt(i); // ASCII only
      }
      return pos + s.length();
    }
    int p = pos;
    if (v < 0) {
      dst[p++] = '-';
    }
    long bits = Double.doubleToRawLongBits(a);
    // 1e-3 <= a < 1e7: a normal number with 29 <= mq <= 62 fraction bits to drop
    int mq = 1075 - (int) (bits >>> 52);
    long c = C_MIN | (bits & (C_MIN - 1));
    if (mq < 53) {
      long f = c >> mq;
      if (f << mq == c) {
        return plain(f, 0, dst, p); // an integer
      }
    }
    return shortest(-mq, c, dst, p);
  }

  /** The shortest closest decimal of c 2^q, written in plain notation. */
  private static int shortest(int q, long c, byte[] dst, int p) {
    int out = (int) c & 1;
    long cb = c << 2;
    long cbr = cb + 2;
    long cbl;
    int k;
    if (c != C_MIN) {
      cbl = cb - 2;
      k = flog10pow2(q);
    } else {
      cbl = cb - 1; // at a power of two the next lower double is half as far
      k = flog10threeQuartersPow2(q);
    }
    int h = q + flog2pow10(-k) + 2;
    long g1 = G[2 * (k - K_MIN)];
    long g0 = G[2 * (k - K_MIN) + 1];
    long vb = roundOdd(g1, g0, cb << h);
    long vbl = roundOdd(g1, g0, cbl << h);
    long vbr = roundOdd(g1, g0, cbr << h);
    long s = vb >> 2;
    if (s >= 100) {
      // one digit fewer: s rounded down to a multiple of ten, or the next multiple
      long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
      long tp10 = sp10 + 10;
      boolean upin = vbl + out <= sp10 << 2;
      boolean wpin = (tp10 << 2) + out <= vbr;
      if (upin != wpin) {
        return plain(upin ? sp10 : tp10, k, dst, p);
      }
    }
    long t = s + 1;
    boolean uin = vbl + out <= s << 2;
    boolean win = (t << 2) + out <= vbr;
    if (uin != win) {
      return plain(uin ? s : t, k, dst, p);
    }
    long cmp = vb - (s + t << 1);
    return plain(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k, dst, p);
  }

  /** The 126 x 64-bit product g cp / 2^127, rounded to odd (the sticky bit kept). */
  private static long roundOdd(long g1, long g0, long cp) {
    long x1 = Math.multiplyHigh(g0, cp);
    long y0 = g1 * cp;
    long y1 = Math.multiplyHigh(g1, cp);
    long z = (y0 >>> 1) + x1;
    long vbp = y1 + (z >>> 63);
    return vbp | (z & MASK_63) + MASK_63 >>> 63;
  }

  /**
   * Writes f 10^e (f &gt; 0, 10^-3 &lt;= f 10^e &lt; 10^7) as Java does without an exponent: the
   * integer digits, a point, and the fraction digits without trailing zeros but at least one.
   */
  private static int plain(long f, int e, byte[] dst, int p) {
    while (f % 10 == 0) {
      f /= 10;
      e++;
    }
    int n = 1;
    while (n < POW10.length && f >= POW10[n]) {
      n++;
    }
    int x = e + n - 1; // exponent of the leading digit, -3..6
    if (x < 0) {
      dst[p++] = '0';
      dst[p++] = '.';
      for (int z = -1; z > x; z--) {
        dst[p++] = '0';
      }
      for (int i = p + n - 1; i >= p; i--) {
        dst[i] = (byte) ('0' + f % 10);
        f /= 10;
      }
      return p + n;
    }
    int intDigits = x + 1;
    if (n <= intDigits) {
      for (int i = p + n; i < p + intDigits; i++) {
        dst[i] = '0';
      }
      for (int i = p + n - 1; i >= p; i--) {
        dst[i] = (byte) ('0' + f % 10);
        f /= 10;
      }
      int end = p + intDigits;
      dst[end] = '.';
      dst[end + 1] = '0';
      return end + 2;
    }
    for (int i = n - 1; i >= 0; i--) {
      dst[p + (i < intDigits ? i : i + 1)] = (byte) ('0' + f % 10);
      f /= 10;
    }
    dst[p + intDigits] = '.';
    return p + n + 1;
  }

  /** floor(e log10(2)) for |e| &lt;= 5456721. */
  private static int flog10pow2(int e) {
    return (int) (e * 661_971_961_083L >> 41);
  }

  /** floor(log10(3/4 2^e)) for |e| &lt;= 2796189. */
  private static int flog10threeQuartersPow2(int e) {
    return (int) (e * 661_971_961_083L + -274_743_187_321L >> 41);
  }

  /** floor(e log2(10)) for |e| &lt;= 1838394. */
  private static int flog2pow10(int e) {
    return (int) (e * 913_124_641_741L >> 38);
  }
}
