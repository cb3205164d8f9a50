package org.backstrat.model;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortWriter;
import org.backstrat.core.io.ParquetOutput;
import org.backstrat.core.io.PlainNumber;
import org.backstrat.model.features.EncodedFeatures;
import org.backstrat.model.features.FeatureEncoder;
import org.backstrat.model.features.FeatureSpec;

/**
 * Assigns the people of a scored cohort to the strata of a frozen model, exactly as the training
 * cohort was placed: each variant's features are encoded with the model's specs (the same
 * {@link FeatureEncoder}, categories checked against the levels stored in the model), then each
 * person is placed by {@link FrozenVariant#place} (the stored scaler, nothing refitted; nearest
 * centre, lowest stratum id on ties). People missing a required feature get no stratum and a
 * reason naming the missing features.
 *
 * <p>The cohort may hold one person built in memory (for a server) as well as a whole table.
 */
public final class StratumAssigner {

  private StratumAssigner() {
  }

  /**
   * Assigns every person of {@code scored} in every variant of {@code model}; rows are ordered
   * by variant (model order), then by cohort row.
   *
   * @throws BadInputException when the cohort lacks a feature column, a column cannot be encoded
   *     as in training, a category has other levels than in training, or the encoding gives
   *     other columns than the model's
   */
  public static List<AssignedRow> assign(FrozenModel model, Cohort scored) {
    List<String> unusable = new ArrayList<>();
    for (FrozenVariant v : model.variants()) {
      List<String> absent = absentFeatures(v, scored);
      boolean fallbackUsable = v.fallback().isPresent()
          && v.fallback().get().featureNames().stream().allMatch(scored::has);
      if (!absent.isEmpty() && !fallbackUsable) {
        unusable.add("variant " + v.name() + " needs " + String.join(", ",
            absent.stream().map(c -> "column " + c).toList()));
      }
    }
    if (unusable.size() == model.variants().size()) {
      throw new BadInputException(scored.source() + ": no variant of the model can be assigned: "
          + String.join("; ", unusable) + " (were the scores added? are the questionnaire "
          + "items present?)");
    }
    List<AssignedRow> out = new ArrayList<>();
    for (FrozenVariant v : model.variants()) {
      out.addAll(assign(v, scored));
    }
    return out;
  }

  /**
   * The variant's features for which the cohort has no column at all (for example the ÖMPSQ
   * factor scores of a cohort that answered the STarT Back Tool only), in feature order.
   */
  public static List<String> absentFeatures(FrozenVariant v, Cohort scored) {
    return v.featureNames().stream().filter(f -> !scored.has(f)).toList();
  }

  /**
   * Assigns every person of {@code scored} in one variant, in cohort row order. A person with
   * every feature is placed by the clustering ({@link FrozenVariant#place}). A person who lacks
   * only features the variant's {@link FallbackModel} does without (the imaging) is placed by
   * the fallback, and the row says which features were missing. Anyone else gets no stratum and
   * the missing features as the reason. When the cohort lacks some of the variant's feature
   * columns altogether (it answered the other questionnaire, or has no imaging columns), the same
   * rules apply to every row: each variant a person's data allow is assigned, the others say why
   * not.
   */
  public static List<AssignedRow> assign(FrozenVariant v, Cohort scored) {
    List<String> absent = absentFeatures(v, scored);
    double[][] full = null;
    if (absent.isEmpty()) {
      EncodedFeatures enc = encode(v, scored, v.features(), v.columns());
      full = enc.matrix();
    }
    double[][] reduced = null;
    List<String> fallbackFeatures = List.of();
    if (v.fallback().isPresent()) {
      FallbackModel f = v.fallback().get();
      fallbackFeatures = f.featureNames();
      if (fallbackFeatures.stream().allMatch(scored::has)) {
        reduced = encode(v, scored, f.features(), f.columns()).matrix();
      }
    }
    List<AssignedRow> out = new ArrayList<>(scored.size());
    for (int i = 0; i < scored.size(); i++) {
      Set<String> missing = new LinkedHashSet<>();
      for (String feature : v.featureNames()) {
        if (absent.contains(feature) || Double.isNaN(scored.values(feature)[i])) {
          missing.add(feature);
        }
      }
      String id = scored.id(i);
      if (missing.isEmpty()) {
        out.add(new AssignedRow(id, v.name(), Optional.of(v.place(full[i])), List.of()));
      } else if (reduced != null && disjoint(missing, fallbackFeatures)) {
        Placement p = v.fallback().get().place(reduced[i], v.strata());
        out.add(new AssignedRow(id, v.name(), Optional.of(p), List.copyOf(missing)));
      } else {
        out.add(new AssignedRow(id, v.name(), Optional.empty(), List.copyOf(missing)));
      }
    }
    return out;
  }

  private static boolean disjoint(Set<String> missing, List<String> needed) {
    for (String n : needed) {
      if (missing.contains(n)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Encodes features exactly as in training (every row kept, NaN where missing), checking that
   * categories have the training levels and that the encoding gives the expected columns.
   */
  private static EncodedFeatures encode(FrozenVariant v, Cohort scored,
                                        List<FeatureSpec> features,
                                        List<String> expectedColumns) {
    EncodedFeatures enc = FeatureEncoder.encode(scored, v.name(), features, false);
    for (Map.Entry<String, List<String>> e : v.categoryLevels().entrySet()) {
      if (features.stream().noneMatch(f -> f.name().equals(e.getKey()))) {
        continue;
      }
      List<String> found = enc.categoryLevels().get(e.getKey());
      if (!e.getValue().equals(found)) {
        throw new BadInputException(scored.source() + ": column " + e.getKey() + ": levels "
            + (found == null ? "(not a category)" : found) + ", but the model's variant "
            + v.name() + " was trained with levels " + e.getValue());
      }
    }
    if (!enc.columns().equals(expectedColumns)) {
      throw new BadInputException(scored.source() + ": variant " + v.name() + ": the features "
          + "encode to columns " + enc.columns() + " but the model expects " + expectedColumns
          + " (do the categories have the same levels as in training?)");
    }
    return enc;
  }

  /**
   * Writes the rows as CSV: {@code id,variant,cluster,label,outlier,distance,p_1..p_K,
   * top_features,reason,basis,basis_accuracy,strata}, K the largest number of strata of any
   * variant (cells beyond a variant's K are empty); {@code top_features} joined by {@code ;};
   * {@code basis} is {@code clustering} or {@code fallback} (no imaging), empty when not
   * assigned; {@code basis_accuracy} the cross-validated accuracy of what placed the person;
   * {@code strata} names p_1..p_K ({@code 1=degenerative;2=mixed;...}). Unassigned rows have
   * empty cluster, label, outlier, distance and probabilities; fallback rows have an empty
   * distance and outlier. Same rows, same bytes.
   */
  public static void writeCsv(FrozenModel model, List<AssignedRow> rows, Path file)
      throws IOException {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      writeHeader(model, w);
      for (AssignedRow r : rows) {
        writeRow(model, r, w);
      }
    }
  }

  /** The header line of the assignment CSV. */
  public static void writeHeader(FrozenModel model, Writer w) throws IOException {
    int maxK = model.maxK();
    w.write("id,variant,cluster,label,outlier,distance");
    for (int c = 1; c <= maxK; c++) {
      w.write(",p_" + c);
    }
    w.write(",top_features,reason,basis,basis_accuracy,strata\n");
  }

  /**
   * The Parquet type of a column of the assignment output ({@link ParquetOutput}): the stratum
   * number as an integer, the outlier flag as a boolean, distances, probabilities and accuracy as
   * numbers, the rest as text.
   */
  public static ParquetOutput.ColumnType parquetType(String column) {
    return switch (column) {
      case "cluster" -> ParquetOutput.ColumnType.INT64;
      case "outlier" -> ParquetOutput.ColumnType.BOOLEAN;
      case "distance", "basis_accuracy" -> ParquetOutput.ColumnType.DOUBLE;
      default -> column.matches("p_\\d+") ? ParquetOutput.ColumnType.DOUBLE
          : ParquetOutput.ColumnType.STRING;
    };
  }

  /** One row of the assignment CSV (so a table assigned in blocks is written row by row). */
  public static void writeRow(FrozenModel model, AssignedRow r, Writer w) throws IOException {
    int maxK = model.maxK();
    FrozenVariant v = model.variant(r.variant()).orElseThrow();
    w.write(CohortWriter.quote(r.id()));
    w.write(',');
    w.write(CohortWriter.quote(r.variant()));
    w.write(',');
    double[] p = new double[0];
    List<String> top = List.of();
    String basis = "";
    double accuracy = Double.NaN;
    if (r.placement().isPresent()) {
      Placement pl = r.placement().get();
      boolean fallback = pl.basis() == Placement.Basis.FALLBACK;
      w.write(pl.stratum().id() + "," + CohortWriter.quote(pl.stratum().label()) + ","
          + (fallback ? "" : pl.outlier()) + ","
          + (fallback ? "" : PlainNumber.of(pl.distance())));
      p = pl.probabilities();
      top = pl.topFeatures();
      basis = fallback ? "fallback" : "clustering";
      accuracy = fallback ? v.fallback().orElseThrow().accuracyMean()
          : v.training().accuracyMean();
    } else {
      w.write(",,,");
    }
    for (int c = 0; c < maxK; c++) {
      w.write(',');
      if (c < p.length) {
        w.write(PlainNumber.of(p[c]));
      }
    }
    w.write(',');
    w.write(CohortWriter.quote(String.join(";", top)));
    w.write(',');
    w.write(CohortWriter.quote(r.reason()));
    w.write(',');
    w.write(basis);
    w.write(',');
    if (Double.isFinite(accuracy)) {
      w.write(PlainNumber.of(accuracy));
    }
    w.write(',');
    List<String> names = new ArrayList<>();
    for (Stratum st : v.strata()) {
      names.add(st.id() + "=" + st.label());
    }
    w.write(CohortWriter.quote(String.join(";", names)));
    w.write('\n');
  }
}
