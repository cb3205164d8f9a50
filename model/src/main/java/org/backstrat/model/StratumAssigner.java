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
import org.backstrat.core.io.PlainNumber;
import org.backstrat.model.features.EncodedFeatures;
import org.backstrat.model.features.FeatureEncoder;

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
      if (!absent.isEmpty()) {
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
   * Assigns every person of {@code scored} in one variant, in cohort row order. When the cohort
   * lacks some of the variant's feature columns altogether (it answered the other
   * questionnaire), nobody is assigned in this variant and each row's reason names the missing
   * features: each variant a person's data allows is assigned, the others say why not.
   */
  public static List<AssignedRow> assign(FrozenVariant v, Cohort scored) {
    List<String> absent = absentFeatures(v, scored);
    if (!absent.isEmpty()) {
      return unassignable(v, scored, absent);
    }
    EncodedFeatures enc = FeatureEncoder.encode(scored, v.name(), v.features(), false);
    for (Map.Entry<String, List<String>> e : v.categoryLevels().entrySet()) {
      List<String> found = enc.categoryLevels().get(e.getKey());
      if (!e.getValue().equals(found)) {
        throw new BadInputException(scored.source() + ": column " + e.getKey() + ": levels "
            + (found == null ? "(not a category)" : found) + ", but the model's variant "
            + v.name() + " was trained with levels " + e.getValue());
      }
    }
    if (!enc.columns().equals(v.columns())) {
      throw new BadInputException(scored.source() + ": variant " + v.name() + ": the features "
          + "encode to columns " + enc.columns() + " but the model expects " + v.columns()
          + " (do the categories have the same levels as in training?)");
    }
    List<AssignedRow> out = new ArrayList<>(enc.rows());
    for (int i = 0; i < enc.rows(); i++) {
      String id = scored.id(enc.cohortRows()[i]);
      double[] x = enc.matrix()[i];
      Set<String> missing = new LinkedHashSet<>();
      for (int j = 0; j < x.length; j++) {
        if (Double.isNaN(x[j])) {
          missing.add(v.sourceFeature().get(j));
        }
      }
      if (missing.isEmpty()) {
        out.add(new AssignedRow(id, v.name(), Optional.of(v.place(x)), List.of()));
      } else {
        out.add(new AssignedRow(id, v.name(), Optional.empty(), List.copyOf(missing)));
      }
    }
    return out;
  }

  private static List<AssignedRow> unassignable(FrozenVariant v, Cohort scored,
                                                List<String> absent) {
    List<AssignedRow> out = new ArrayList<>(scored.size());
    for (int i = 0; i < scored.size(); i++) {
      Set<String> missing = new LinkedHashSet<>();
      for (String f : v.featureNames()) {
        if (absent.contains(f) || Double.isNaN(scored.values(f)[i])) {
          missing.add(f);
        }
      }
      out.add(new AssignedRow(scored.id(i), v.name(), Optional.empty(), List.copyOf(missing)));
    }
    return out;
  }

  /**
   * Writes the rows as CSV: {@code id,variant,cluster,label,outlier,distance,p_1..p_K,
   * top_features,reason}, K the largest number of strata of any variant (cells beyond a
   * variant's K are empty); {@code top_features} joined by {@code ;}. Unassigned rows have empty
   * cluster, label, outlier, distance and probabilities. Same rows, same bytes.
   */
  public static void writeCsv(List<AssignedRow> rows, int maxK, Path file) throws IOException {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      w.write("id,variant,cluster,label,outlier,distance");
      for (int c = 1; c <= maxK; c++) {
        w.write(",p_" + c);
      }
      w.write(",top_features,reason\n");
      for (AssignedRow r : rows) {
        w.write(CohortWriter.quote(r.id()));
        w.write(',');
        w.write(CohortWriter.quote(r.variant()));
        w.write(',');
        double[] p = new double[0];
        List<String> top = List.of();
        if (r.placement().isPresent()) {
          Placement pl = r.placement().get();
          w.write(pl.stratum().id() + "," + CohortWriter.quote(pl.stratum().label()) + ","
              + pl.outlier() + "," + PlainNumber.of(pl.distance()));
          p = pl.probabilities();
          top = pl.topFeatures();
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
        w.write('\n');
      }
    }
  }
}
