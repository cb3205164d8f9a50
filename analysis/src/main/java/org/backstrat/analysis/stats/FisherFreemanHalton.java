package org.backstrat.analysis.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.backstrat.core.BadInputException;

/**
 * Fisher's exact test of independence for an r × c table of counts (the Fisher–Freeman–Halton
 * test; Freeman &amp; Halton 1951), two-sided, with the same p-value as R's {@code fisher.test}.
 *
 * <p>Conditional on the margins, a table has hypergeometric probability
 * {@code P(x) = prod_i R_i! prod_j C_j! / (N! prod_ij x_ij!)}. The p-value is the total
 * probability of all tables with the same margins that are no more probable than the observed
 * one. Following R, "no more probable" is taken with a relative tolerance of 1e-7:
 * {@code P(x) <= P(observed) (1 + 1e-7)} (R's {@code relErr} for 2 × 2 tables; R's FEXACT
 * code for r × c uses an equivalent small tolerance), so that tables whose probability equals
 * the observed one up to rounding are counted.
 *
 * <p><b>Exact computation.</b> Every table, 2 × 2 included (Commons Statistics' FisherExactTest
 * drops ties with the observed probability that R keeps),
 * uses a network algorithm in the spirit of Mehta &amp; Patel (1983, 1986): the
 * table is filled one column at a time (first oriented so that columns are the longer
 * dimension; if that exceeds half the work limit, once more the other way round, since the cost
 * depends strongly on the orientation); a node is the multiset of remaining row totals (tables
 * whose rows are permuted have equal probability, so nodes are keyed by sorted totals); each node keeps the distinct
 * "past" values {@code sum log x_ij!} of the paths that reach it, merged, with their
 * probability mass. For each past value, valid lower and upper bounds of the future
 * {@code sum log x_ij!} (convex water-filling and greedy filling under the margins, both
 * row-wise and column-wise) decide whether every completion counts (add the mass), none does
 * (drop it), or the path must be expanded. The result is exact up to floating-point rounding.
 *
 * <p><b>Size limit and Monte Carlo fallback.</b> The exact search stops when its work (column
 * vectors enumerated plus path extensions) exceeds {@link #DEFAULT_WORK_LIMIT} (about one to two seconds on one core;
 * change with {@link #withWorkLimit}). Then, as with R's {@code simulate.p.value = TRUE}, the
 * p-value is estimated from {@code B} random tables with the observed margins (drawn by
 * shuffling one margin's labels with a {@link SplittableRandom} of the given seed):
 * {@code p = (1 + #{S_b >= S_obs / (1 + 64 eps)}) / (B + 1)}, with
 * {@code S = sum log x_ij!}. The result says which method was used, with B and the seed. The
 * Monte Carlo cost grows with {@code B · N}. Rows and columns that are all zero are dropped
 * first; fewer than 2 non-empty rows or columns is bad input.
 *
 * <p>Measured (2026-11-28, shared 2-core machine under heavy load, so upper bounds): exact within
 * the default limit for 4 × 3 with N = 300 and a rare level (0.5–0.8 s), 3 × 3 with N = 2084 and
 * p = 2e-48 (0.9 s), 3 × 5 with N = 186 and all the smaller reference tables (well under 0.5 s);
 * a dense 4 × 5 table with N = 165 exceeds it (R's FEXACT needs about 20 s there, and fails for
 * N = 252) and is estimated instead, about 2 s in all.
 */
public final class FisherFreemanHalton {
  /** Default bound on the exact search's work units before switching to Monte Carlo. */
  public static final long DEFAULT_WORK_LIMIT = 10_000_000L;
  /** Default number of simulated tables for the Monte Carlo estimate. */
  public static final int DEFAULT_SIMULATIONS = 20_000;
  /** Default seed of the Monte Carlo estimate. */
  public static final long DEFAULT_SEED = 20_261_128L;

  /** R's relative tolerance when comparing table probabilities with the observed one. */
  private static final double LOG_RELATIVE_TOLERANCE = Math.log1p(1e-7);
  /** R's {@code almost.1} for simulated p-values. */
  private static final double ALMOST_ONE = 1 + 64 * Math.ulp(1.0);
  /** Grid on which past values are merged (far finer than the 1e-7 tolerance). */
  private static final double MERGE_SCALE = 1e9;

  private static final FisherFreemanHalton DEFAULT =
      new FisherFreemanHalton(DEFAULT_WORK_LIMIT, DEFAULT_SIMULATIONS, DEFAULT_SEED);

  /** How the p-value was obtained. */
  public enum Method {
    /** Exact summation over all tables with the observed margins. */
    EXACT,
    /** Monte Carlo estimate from {@code simulations} random tables. */
    MONTE_CARLO
  }

  private final long workLimit;
  private final int simulations;
  private final long seed;

  private FisherFreemanHalton(long workLimit, int simulations, long seed) {
    this.workLimit = workLimit;
    this.simulations = simulations;
    this.seed = seed;
  }

  /** Exact when the work limit allows, Monte Carlo with 20,000 tables otherwise. */
  public static FisherFreemanHalton withDefaults() {
    return DEFAULT;
  }

  /** A copy whose exact search gives up after {@code units} work units (0 = always simulate). */
  public FisherFreemanHalton withWorkLimit(long units) {
    if (units < 0) {
      throw new BadInputException("work limit must be >= 0: " + units);
    }
    return new FisherFreemanHalton(units, simulations, seed);
  }

  /** A copy that simulates {@code b} tables when it must estimate. */
  public FisherFreemanHalton withSimulations(int b) {
    if (b < 1) {
      throw new BadInputException("number of simulated tables must be >= 1: " + b);
    }
    return new FisherFreemanHalton(workLimit, b, seed);
  }

  /** A copy whose Monte Carlo estimate uses {@code s} as seed. */
  public FisherFreemanHalton withSeed(long s) {
    return new FisherFreemanHalton(workLimit, simulations, s);
  }

  /**
   * Result of the test.
   *
   * @param p two-sided p-value (exact or estimated, see {@code method})
   * @param method how p was obtained
   * @param simulations number of simulated tables (0 when exact)
   * @param seed seed of the simulation (0 when exact)
   * @param rows rows of the table after dropping empty ones
   * @param columns columns of the table after dropping empty ones
   * @param n table total
   */
  public record Result(double p, Method method, int simulations, long seed, int rows, int columns,
                       long n) {
  }

  /** Tests the table (rows × columns of non-negative counts). */
  public Result test(long[][] table) {
    return test(ContingencyTable.of(table));
  }

  Result test(ContingencyTable t) {
    t.requireTestable("Fisher-Freeman-Halton exact test");
    if (t.total() > Integer.MAX_VALUE / 2) {
      throw new BadInputException("table total too large for an exact test: " + t.total());
    }
    int r = t.rows();
    int c = t.columns();
    // 2 x 2 tables go through the same search as larger ones: commons-statistics'
    // FisherExactTest compares probabilities without R's relative tolerance, so tables whose
    // probability equals the observed one in exact arithmetic could be left out (p 0.53 instead
    // of R's 1 for {{2, 1}, {6, 1}}).
    double[] logFactorial = logFactorials((int) t.total());
    // The search's cost depends strongly on which margin is filled column by column; try the
    // shorter vectors first, then the other orientation, each with half the budget.
    boolean shortVectorsTransposed = t.rows() > t.columns();
    double p = workLimit > 0
        ? new Network(t, logFactorial, workLimit / 2, shortVectorsTransposed).pValue() : Double.NaN;
    if (Double.isNaN(p) && workLimit > 0) {
      p = new Network(t, logFactorial, workLimit / 2, !shortVectorsTransposed).pValue();
    }
    if (!Double.isNaN(p)) {
      return new Result(p, Method.EXACT, 0, 0, r, c, t.total());
    }
    return new Result(simulate(t, logFactorial), Method.MONTE_CARLO, simulations, seed, r, c,
        t.total());
  }

  /** log(k!) for k = 0..n, by summing logs (error ~ n ulp, far below the 1e-7 tolerance). */
  static double[] logFactorials(int n) {
    double[] lf = new double[n + 1];
    for (int k = 2; k <= n; k++) {
      lf[k] = lf[k - 1] + Math.log(k);
    }
    return lf;
  }

  private double simulate(ContingencyTable t, double[] lf) {
    int r = t.rows();
    int c = t.columns();
    int n = (int) t.total();
    int[] rowOf = new int[n];
    int[] colOf = new int[n];
    int a = 0;
    int b = 0;
    double observed = 0;
    for (int i = 0; i < r; i++) {
      for (int k = 0; k < t.rowSum(i); k++) {
        rowOf[a++] = i;
      }
      for (int j = 0; j < c; j++) {
        observed += lf[(int) t.count(i, j)];
      }
    }
    for (int j = 0; j < c; j++) {
      for (int k = 0; k < t.colSum(j); k++) {
        colOf[b++] = j;
      }
    }
    double threshold = observed / ALMOST_ONE;
    SplittableRandom random = new SplittableRandom(seed);
    int[] cells = new int[r * c];
    long atLeast = 0;
    for (int s = 0; s < simulations; s++) {
      for (int i = n - 1; i > 0; i--) {
        int k = random.nextInt(i + 1);
        int tmp = colOf[i];
        colOf[i] = colOf[k];
        colOf[k] = tmp;
      }
      Arrays.fill(cells, 0);
      for (int i = 0; i < n; i++) {
        cells[rowOf[i] * c + colOf[i]]++;
      }
      double stat = 0;
      for (int cell : cells) {
        stat += lf[cell];
      }
      if (stat >= threshold) {
        atLeast++;
      }
    }
    return (1.0 + atLeast) / (simulations + 1.0);
  }

  /** The exact network search over one table; single use. */
  private static final class Network {
    private final double[] lf;
    private final long workLimit;
    private final int r;
    private final int stages;
    private final int[] colTotals;
    private final int[][] futureColsAscending;
    private final double threshold;
    private long work;
    private int nodeCount;

    Network(ContingencyTable t, double[] lf, long workLimit, boolean transpose) {
      this.lf = lf;
      this.workLimit = workLimit;
      r = transpose ? t.columns() : t.rows();
      stages = transpose ? t.rows() : t.columns();
      colTotals = new int[stages];
      double observed = 0;
      for (int j = 0; j < stages; j++) {
        colTotals[j] = (int) (transpose ? t.rowSum(j) : t.colSum(j));
      }
      for (int i = 0; i < t.rows(); i++) {
        for (int j = 0; j < t.columns(); j++) {
          observed += lf[(int) t.count(i, j)];
        }
      }
      // larger columns first: fewer distinct nodes early, tighter bounds later
      Arrays.sort(colTotals);
      for (int lo = 0, hi = stages - 1; lo < hi; lo++, hi--) {
        int tmp = colTotals[lo];
        colTotals[lo] = colTotals[hi];
        colTotals[hi] = tmp;
      }
      futureColsAscending = new int[stages][];
      for (int k = 0; k < stages; k++) {
        int[] f = Arrays.copyOfRange(colTotals, k, stages);
        Arrays.sort(f);
        futureColsAscending[k] = f;
      }
      threshold = observed - LOG_RELATIVE_TOLERANCE;
      rootRows = new int[r];
      for (int i = 0; i < r; i++) {
        rootRows[i] = (int) (transpose ? t.colSum(i) : t.rowSum(i));
      }
      Arrays.sort(rootRows);
    }

    private final int[] rootRows;

    /** The exact p-value, or NaN when the work limit was reached. */
    double pValue() {
      Map<RowKey, Node> current = new LinkedHashMap<>();
      Node root = new Node(rootRows, 0);
      if (root.lower >= threshold) {
        return 1.0;
      }
      root.past.add(0, 1.0);
      current.put(new RowKey(rootRows), root);
      double p = 0;
      for (int k = 0; k < stages; k++) {
        Map<RowKey, Node> next = new LinkedHashMap<>();
        for (Node node : current.values()) {
          PastValues past = node.past;
          if (past.size > 0 && node.children == null) {
            node.expand(colTotals[k], k + 1, next);
            if (work > workLimit) {
              return Double.NaN;
            }
          }
          for (int e = 0; e < past.size; e++) {
            // every stored past value is undecided at this node: extend it by one column and
            // settle it at the child when the child's bounds allow (all or none of its completions)
            double s = past.value[e];
            double q = past.mass[e];
            Node[] children = node.children;
            for (int tr = 0; tr < children.length; tr++) {
              Node child = children[tr];
              double s2 = s + node.logFactorialSum[tr];
              if (s2 + child.lower >= threshold) {
                p += q * node.probability[tr];
              } else if (s2 + child.upper >= threshold) {
                child.past.add(s2, q * node.probability[tr]);
              }
            }
            work += children.length;
            if (work > workLimit) {
              return Double.NaN;
            }
          }
          node.past = null; // done with this stage: free memory early
        }
        current = next;
      }
      return Math.min(1.0, p);
    }

    /** A lower bound of sum log x! over the columns k.. given remaining row totals. */
    private double lowerBound(int[] rows, int k) {
      int[] cols = futureColsAscending[k];
      double byColumns = 0;
      for (int cTotal : cols) {
        byColumns += minSpread(cTotal, rows);
      }
      double byRows = 0;
      for (int rTotal : rows) {
        byRows += minSpread(rTotal, cols);
      }
      return Math.max(byColumns, byRows);
    }

    /** An upper bound of sum log x! over the columns k.. given remaining row totals. */
    private double upperBound(int[] rows, int k) {
      int[] cols = futureColsAscending[k];
      double byColumns = 0;
      for (int cTotal : cols) {
        byColumns += maxConcentrate(cTotal, rows);
      }
      double byRows = 0;
      for (int rTotal : rows) {
        byRows += maxConcentrate(rTotal, cols);
      }
      return Math.min(byColumns, byRows);
    }

    /** min sum log x_i! with sum x_i = total, {@code 0 <= x_i <= caps[i]} (caps ascending): water-filling. */
    private double minSpread(int total, int[] capsAscending) {
      int left = total;
      int slots = capsAscending.length;
      double sum = 0;
      for (int i = 0; i < capsAscending.length; i++) {
        int share = left / slots;
        if (capsAscending[i] <= share) {
          sum += lf[capsAscending[i]];
          left -= capsAscending[i];
          slots--;
        } else {
          int rem = left % slots;
          return sum + rem * lf[share + 1] + (slots - rem) * lf[share];
        }
      }
      return sum;
    }

    /** max sum log x_i! with sum x_i = total, {@code 0 <= x_i <= caps[i]} (caps ascending): fill largest first. */
    private double maxConcentrate(int total, int[] capsAscending) {
      int left = total;
      double sum = 0;
      for (int i = capsAscending.length - 1; i >= 0 && left > 0; i--) {
        int x = Math.min(capsAscending[i], left);
        sum += lf[x];
        left -= x;
      }
      return sum;
    }

    /** A node: remaining row totals (ascending) before some column, with its past values. */
    private final class Node {
      final int id;
      final int[] rows;
      final double lower;
      final double upper;
      PastValues past = new PastValues();
      Node[] children;
      double[] logFactorialSum;
      double[] probability;

      Node(int[] rows, int stage) {
        this.id = nodeCount++;
        this.rows = rows;
        this.lower = stage < stages ? lowerBound(rows, stage) : 0;
        this.upper = stage < stages ? upperBound(rows, stage) : 0;
      }

      /** Enumerates every column vector for a column of {@code total}, merging equal transitions. */
      void expand(int total, int childStage, Map<RowKey, Node> next) {
        int m = 0;
        for (int v : rows) {
          m += v;
        }
        double logDenominator = lf[m] - lf[total] - lf[m - total];
        int[] suffix = new int[r + 1];
        for (int i = r - 1; i >= 0; i--) {
          suffix[i] = suffix[i + 1] + rows[i];
        }
        Transitions out = new Transitions();
        enumerate(0, total, childStage, new int[r], suffix, logDenominator, next, out,
            new RowKey(new int[r]));
        children = Arrays.copyOf(out.child, out.size);
        logFactorialSum = Arrays.copyOf(out.logFactorialSum, out.size);
        probability = Arrays.copyOf(out.probability, out.size);
      }

      private void enumerate(int i, int left, int childStage, int[] x, int[] suffix,
                             double logDenominator, Map<RowKey, Node> next, Transitions out,
                             RowKey probe) {
        if (i == r - 1) {
          if (++work > workLimit) {
            return; // the caller sees the exhausted budget and gives up
          }
          x[i] = left;
          double logFact = 0;
          double logProb = -logDenominator;
          int[] child = probe.rows();
          for (int a = 0; a < r; a++) {
            logFact += lf[x[a]];
            logProb += lf[rows[a]] - lf[x[a]] - lf[rows[a] - x[a]];
            // insertion into ascending order (r is small)
            int v = rows[a] - x[a];
            int b = a - 1;
            while (b >= 0 && child[b] > v) {
              child[b + 1] = child[b];
              b--;
            }
            child[b + 1] = v;
          }
          Node node = next.get(probe);
          if (node == null) {
            int[] copy = child.clone();
            node = new Node(copy, childStage);
            next.put(new RowKey(copy), node);
          }
          out.add(node, logFact, Math.exp(logProb));
          return;
        }
        int lo = Math.max(0, left - suffix[i + 1]);
        int hi = Math.min(rows[i], left);
        for (int v = lo; v <= hi && work <= workLimit; v++) {
          x[i] = v;
          enumerate(i + 1, left - v, childStage, x, suffix, logDenominator, next, out, probe);
        }
      }
    }
  }

  /**
   * The transitions out of one node, merged when they reach the same child with the same sum of
   * log-factorials (permutations of equal row totals), in an open-addressing table.
   */
  private static final class Transitions {
    Network.Node[] child = new Network.Node[16];
    double[] logFactorialSum = new double[16];
    double[] probability = new double[16];
    private long[] rounded = new long[16];
    private int[] slots = new int[32];
    int size;

    void add(Network.Node node, double logFact, double prob) {
      long key = Math.round(logFact * MERGE_SCALE);
      int mask = slots.length - 1;
      int h = hash(node.id, key) & mask;
      while (slots[h] != 0) {
        int e = slots[h] - 1;
        if (child[e] == node && rounded[e] == key) {
          probability[e] += prob;
          return;
        }
        h = (h + 1) & mask;
      }
      if (size == child.length) {
        child = Arrays.copyOf(child, size * 2);
        logFactorialSum = Arrays.copyOf(logFactorialSum, size * 2);
        probability = Arrays.copyOf(probability, size * 2);
        rounded = Arrays.copyOf(rounded, size * 2);
      }
      child[size] = node;
      logFactorialSum[size] = logFact;
      probability[size] = prob;
      rounded[size] = key;
      size++;
      slots[h] = size;
      if (size * 2 > slots.length) {
        slots = new int[slots.length * 2];
        int m2 = slots.length - 1;
        for (int e = 0; e < size; e++) {
          int g = hash(child[e].id, rounded[e]) & m2;
          while (slots[g] != 0) {
            g = (g + 1) & m2;
          }
          slots[g] = e + 1;
        }
      }
    }

    private static int hash(int id, long key) {
      long h = (key ^ ((long) id << 32 | id)) * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }
  }

  /** Sorted remaining row totals as a hash key. */
  private record RowKey(int[] rows) {
    @Override
    public boolean equals(Object o) {
      return o instanceof RowKey k && Arrays.equals(rows, k.rows);
    }

    @Override
    public int hashCode() {
      // Arrays.hashCode collides badly on short vectors with a fixed sum; mix 64-bit instead
      long h = 0;
      for (int v : rows) {
        h = (h + v) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
      }
      h ^= h >>> 32;
      return (int) h;
    }

    @Override
    public String toString() {
      return Arrays.toString(rows);
    }
  }

  /**
   * Distinct past values (sum log x! so far, merged on a 1e-9 grid) with their probability mass,
   * in an open-addressing hash table on primitive arrays.
   */
  private static final class PastValues {
    // allocated on first use: most nodes of the network never receive an undecided path
    double[] value;
    double[] mass;
    long[] keys;
    int size;
    private int[] slots;

    void add(double v, double q) {
      if (slots == null) {
        value = new double[4];
        mass = new double[4];
        keys = new long[4];
        slots = new int[8];
      }
      long key = Math.round(v * MERGE_SCALE);
      int mask = slots.length - 1;
      int h = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
      while (slots[h] != 0) {
        int e = slots[h] - 1;
        if (keys[e] == key) {
          mass[e] += q;
          return;
        }
        h = (h + 1) & mask;
      }
      if (size == value.length) {
        value = Arrays.copyOf(value, size * 2);
        mass = Arrays.copyOf(mass, size * 2);
        keys = Arrays.copyOf(keys, size * 2);
      }
      value[size] = v;
      mass[size] = q;
      keys[size] = key;
      size++;
      slots[h] = size;
      if (size * 2 > slots.length) {
        rehash();
      }
    }

    private void rehash() {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int e = 0; e < size; e++) {
        int h = Long.hashCode(keys[e] * 0x9E3779B97F4A7C15L) & mask;
        while (slots[h] != 0) {
          h = (h + 1) & mask;
        }
        slots[h] = e + 1;
      }
    }
  }
}
