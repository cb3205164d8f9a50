package org.backstrat.core.synth;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.cohort.Variable;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputTarget;

/**
 * Writes a synthetic NFBC1966-like cohort (DESIGN.md, "Synthetic cohort") from a
 * {@link SynthSpec}: every raw column of the cohort table in canonical order, plus the latent
 * {@code stratum}, so that a clustering's recovery of the strata can be measured.
 *
 * <p>Rows are streamed: memory does not grow with n, so 10^6 rows and more fit in a small heap.
 * Output is deterministic: the same spec, n and seed give a byte-identical file (numbers are
 * formatted without locale, with one decimal for age, BMI and angles; lines end in LF). Each
 * row depends only on the spec, the seed and its index (see {@link RowCursor}).
 *
 * <pre>{@code
 * CohortSynthesizer.withDefaults().write(Path.of("cohort.csv"), 1500, 7, false);
 * }</pre>
 */
public final class CohortSynthesizer {

  /** Id prefix of synthetic people. */
  public static final String ID_PREFIX = "syn";

  private static final String[] SEX = {"male", "female"};
  private static final String[] SMOKING = {"never", "former", "current"};
  private static final int MIN_ID_DIGITS = 4;
  private static final int ROWS_PER_FLUSH = 1024;

  private final SynthSpec spec;
  private final SynthModel model;
  private final String[] stratumNames;

  private CohortSynthesizer(SynthSpec spec) {
    this.spec = spec;
    this.model = new SynthModel(spec);
    this.stratumNames = new String[spec.strata().size()];
    for (int s = 0; s < stratumNames.length; s++) {
      stratumNames[s] = spec.strata().get(s).name();
    }
  }

  /** A synthesizer of the default cohort ({@link SynthSpec#defaults()}). */
  public static CohortSynthesizer withDefaults() {
    return new CohortSynthesizer(SynthSpec.defaults());
  }

  /** A synthesizer of the cohort described by {@code spec}. */
  public static CohortSynthesizer withSpec(SynthSpec spec) {
    return new CohortSynthesizer(spec);
  }

  /** The spec this synthesizer draws from. */
  public SynthSpec spec() {
    return spec;
  }

  /** The columns written, in order: every column of {@link CohortSchema} in canonical order. */
  public static List<String> columns() {
    List<String> out = new ArrayList<>();
    for (Variable v : CohortSchema.standard().variables()) {
      out.add(v.name());
    }
    return out;
  }

  /**
   * Writes n rows to {@code out} as CSV, atomically: the file appears whole or not at all, and
   * an existing file is replaced only with {@code force}.
   *
   * @throws BadInputException for n &lt; 1, or an existing output without force
   */
  public void write(Path out, long n, long seed, boolean force) {
    write(OutputTarget.file(out, force), n, seed);
  }

  /**
   * Writes n rows to the target as CSV, atomically and never over one of the target's inputs
   * (such as the spec file).
   *
   * @throws BadInputException for n out of range, or an output the rules of
   *     {@link AtomicOutput} refuse
   */
  public void write(OutputTarget target, long n, long seed) {
    checkRows(n);
    AtomicOutput.write(target, tmp -> {
      try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
        writeCsv(w, n, seed);
      }
    });
  }

  /** Writes n rows as CSV (header, then one line per person) to a writer it does not close. */
  public void writeCsv(Writer out, long n, long seed) throws IOException {
    checkRows(n);
    out.write(String.join(",", columns()));
    out.write('\n');
    RowCursor cursor = new RowCursor(model, n, seed);
    RowValues r = new RowValues();
    int idDigits = idDigits(n);
    StringBuilder sb = new StringBuilder(ROWS_PER_FLUSH * 160);
    char[] chunk = new char[0];
    long rowsInChunk = 0;
    while (true) {
      long index = cursor.index();
      if (!cursor.next(r)) {
        break;
      }
      appendRow(sb, index, idDigits, r);
      if (++rowsInChunk == ROWS_PER_FLUSH) {
        chunk = flush(sb, chunk, out);
        rowsInChunk = 0;
      }
    }
    flush(sb, chunk, out);
    out.flush();
  }

  /**
   * The same rows as {@link #writeCsv}, in memory one at a time (for tests and callers that
   * consume rows directly); iterating again starts again at row 0.
   */
  public Iterable<SynthRow> rows(long n, long seed) {
    checkRows(n);
    int idDigits = idDigits(n);
    return () -> new Iterator<>() {
      private final RowCursor cursor = new RowCursor(model, n, seed);
      private final RowValues r = new RowValues();

      @Override
      public boolean hasNext() {
        return cursor.index() < n;
      }

      @Override
      public SynthRow next() {
        long index = cursor.index();
        if (!cursor.next(r)) {
          throw new NoSuchElementException();
        }
        return toRow(index, idDigits, r);
      }
    };
  }

  private SynthRow toRow(long index, int idDigits, RowValues r) {
    double[] angles = new double[r.facetTenthsDegrees.length];
    for (int i = 0; i < angles.length; i++) {
      angles[i] = r.facetTenthsDegrees[i] / 10.0;
    }
    return new SynthRow(id(index, idDigits), SEX[r.female], r.ageTenthsYears / 10.0,
        r.bmiTenthsKgPerM2 / 10.0, SMOKING[r.smoking], r.sbt, r.ompsq, r.pfirrmann, angles,
        r.lbpFrequency, r.lbpBothersomeness, stratumName(r.stratum));
  }

  private String stratumName(int s) {
    return s < 0 ? SynthSpec.OUTLIER_STRATUM : stratumNames[s];
  }

  private void appendRow(StringBuilder sb, long index, int idDigits, RowValues r) {
    sb.append(ID_PREFIX);
    appendPadded(sb, index + 1, idDigits);
    sb.append(',').append(SEX[r.female]).append(',');
    appendTenths(sb, r.ageTenthsYears);
    sb.append(',');
    appendTenths(sb, r.bmiTenthsKgPerM2);
    sb.append(',').append(SMOKING[r.smoking]);
    for (int v : r.sbt) {
      sb.append(',').append(v);
    }
    for (int v : r.ompsq) {
      sb.append(',').append(v);
    }
    for (int v : r.pfirrmann) {
      sb.append(',').append(v);
    }
    for (int v : r.facetTenthsDegrees) {
      sb.append(',');
      appendTenths(sb, v);
    }
    sb.append(',').append(r.lbpFrequency).append(',').append(r.lbpBothersomeness).append(',')
        .append(stratumName(r.stratum)).append('\n');
  }

  private static char[] flush(StringBuilder sb, char[] chunk, Writer out) throws IOException {
    char[] buf = chunk.length >= sb.length() ? chunk : new char[sb.length()];
    sb.getChars(0, sb.length(), buf, 0);
    out.write(buf, 0, sb.length());
    sb.setLength(0);
    return buf;
  }

  /** A non-negative number of tenths as e.g. {@code 27.3} (no locale, always one decimal). */
  private static void appendTenths(StringBuilder sb, int tenths) {
    sb.append(tenths / 10).append('.').append((char) ('0' + tenths % 10));
  }

  private static void appendPadded(StringBuilder sb, long value, int digits) {
    String s = Long.toString(value);
    for (int i = s.length(); i < digits; i++) {
      sb.append('0');
    }
    sb.append(s);
  }

  private static String id(long index, int idDigits) {
    StringBuilder sb = new StringBuilder(ID_PREFIX.length() + idDigits);
    sb.append(ID_PREFIX);
    appendPadded(sb, index + 1, idDigits);
    return sb.toString();
  }

  private static int idDigits(long n) {
    return Math.max(MIN_ID_DIGITS, Long.toString(n).length());
  }

  private static void checkRows(long n) {
    if (n < 1) {
      throw new BadInputException("number of rows " + n + ": expected a whole number of at "
          + "least 1");
    }
  }
}
