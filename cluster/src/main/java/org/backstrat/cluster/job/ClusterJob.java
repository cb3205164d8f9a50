package org.backstrat.cluster.job;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.select.KSelection;
import org.backstrat.cluster.select.KSelectionRow;
import org.backstrat.cluster.select.KSelector;
import org.backstrat.cluster.select.Silhouette;
import org.backstrat.core.Progress;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputFormat;
import org.backstrat.core.io.OutputTarget;

/**
 * The generic clustering job behind {@code backstrat cluster}: read any numeric table, scale,
 * cluster at a fixed k or choose K over a range, and write {@code DIR/assignments.csv} (or
 * {@code DIR/assignments.parquet}, {@link ClusterRequest#outFormat}) and
 * {@code DIR/clustering.json} atomically (nothing is left behind on failure; an existing DIR is
 * kept unless forced). Output bytes are identical for identical inputs and settings.
 *
 * <p>{@code assignments.csv}: {@code row,[id,]cluster,outlier,distance} with row the 1-based data
 * row, cluster 1..K (outliers keep their nearest cluster), outlier true/false, distance the
 * Euclidean distance to the cluster centre in the scaled space.
 *
 * <p>{@code clustering.json} (schema {@code backstrat.clustering/1}): input, rows, features,
 * skipped columns, method, k, trim, scale, seed, restarts, objective (sum of squared distances of
 * kept points to their centre in the scaled space), iterations, outlier count, trim radius, the
 * scaler (centre, scale), clusters (id, size, centre in original units, centre scaled) and the
 * selection table with the rule. Non-finite numbers are written as null.
 */
public final class ClusterJob {
  /** Schema name of clustering.json. */
  public static final String SCHEMA = "backstrat.clustering/1";

  private ClusterJob() {
  }

  /** Runs the job. */
  public static ClusterJobResult run(ClusterRequest request) {
    return run(request, Progress.NONE);
  }

  /** Runs the job, reporting progress (choosing K per K and through its replicates). */
  public static ClusterJobResult run(ClusterRequest request, Progress progress) {
    OutputTarget target = OutputTarget.directory(request.output(), request.force(),
        request.input());
    AtomicOutput.check(target);
    JsonWarmUp json = warmJsonWriter();
    long t0 = System.nanoTime();
    NumericTable table = NumericTableReader.withDefaults().withHeader(request.header())
        .withThreads(request.threads()).read(request.input(), request.features());
    long t1 = System.nanoTime();
    FeatureMatrix raw = table.data();
    Scaler scaler = Scaler.fit(raw, request.scale());
    Clusterer clusterer = Clusterer.builder().method(request.method())
        .trimFraction(request.trimFraction()).restarts(request.restarts())
        .seed(request.seed()).threads(request.threads()).build();
    int gapRefs = request.effectiveGapReferences();
    KSelector selector = KSelector.builder().range(request.kMin(), request.kMax())
        .bootstrapResamples(request.effectiveBootstrapResamples())
        .gapReferences(gapRefs == 1 ? 2 : gapRefs).seed(request.seed())
        .threads(request.threads())
        .silhouette(request.diagnostics() == Diagnostics.CHEAP ? Silhouette.cheap()
            : Silhouette.withDefaults())
        .fixedK(request.kMin() == request.kMax() ? request.kMin() : 0).build();
    KSelection selection = selector.select(raw, scaler, clusterer, progress);
    long t2 = System.nanoTime();
    AtomicOutput.write(target, dir -> {
      if (request.outFormat() == OutputFormat.PARQUET) {
        AssignmentsParquet.write(dir.resolve("assignments.parquet"), table.ids(),
            selection.chosenModel().fit());
      } else {
        AssignmentsCsv.write(dir.resolve("assignments.csv"), table.ids(),
            selection.chosenModel().fit(), request.threads());
      }
      writeJson(dir.resolve("clustering.json"), jsonWriter(json), request, table, selection,
          clusterer);
    });
    long t3 = System.nanoTime();
    return new ClusterJobResult(request.output(), table, selection, t1 - t0, t2 - t1, t3 - t2);
  }

  // ---- clustering.json -----------------------------------------------------------------------

  record ScalerDoc(String method, List<Double> center, List<Double> scale) {
  }

  record ClusterDoc(int id, int size, Map<String, Double> center, List<Double> centerScaled) {
  }

  record RowDoc(int k, Double objective, Double silhouette, Double silhouetteErrorBound,
                Double calinskiHarabasz, Double gap, Double gapSe, Double stabilityJaccard,
                List<Double> clusterJaccard) {
  }

  record SelectionDoc(int chosenK, boolean fixedByUser, Integer gapFirstSeMaxK, String rule,
                      String diagnostics, List<RowDoc> table) {
  }

  record Doc(String schema, String input, int rows, List<String> features,
             List<String> skippedColumns, String method, int k, double trim, String scale,
             long seed, int restarts, int restartsToConvergence, Double objective,
             int iterations, int nOutliers,
             Double trimRadius, ScalerDoc scaler, List<ClusterDoc> clusters,
             SelectionDoc selection) {
  }

  /**
   * Builds the clustering.json writer and writes a small document with it on a daemon thread, so
   * that Jackson's class loading and serializer set-up (about 0.2 s on first use) overlaps the
   * reading and the fit instead of following them. The writer's settings are those of
   * {@link #newJsonWriter()} either way, so the bytes written do not depend on it.
   */
  private static JsonWarmUp warmJsonWriter() {
    FutureTask<ObjectWriter> task = new FutureTask<>(() -> {
      ObjectWriter w = newJsonWriter();
      ClusterDoc cluster = new ClusterDoc(1, 1, Map.of("x", 0.0), List.of(0.0));
      RowDoc row = new RowDoc(1, 0.0, null, null, null, null, null, null, List.of());
      w.writeValueAsBytes(new Doc(SCHEMA, "x", 1, List.of("x"), List.of(), "x", 1, 0, "x", 1,
          1, 1, 0.0, 1, 0, null, new ScalerDoc("x", List.of(0.0), List.of(1.0)),
          List.of(cluster), new SelectionDoc(1, true, null, "x", "x", List.of(row))));
      return w;
    });
    // a failure here (even running out of memory) is never reported from this thread: the
    // writer is then built again where it is needed, and a real failure surfaces there
    Thread t = new Thread(() -> {
      try {
        task.run();
      } catch (Throwable ignored) {
        // see above
      }
    }, "backstrat-json");
    t.setDaemon(true);
    t.setUncaughtExceptionHandler((thread, e) -> { });
    t.start();
    return new JsonWarmUp(t, task);
  }

  /** The warm-up thread and its result. */
  private record JsonWarmUp(Thread thread, FutureTask<ObjectWriter> task) {
  }

  /** The writer prepared by {@link #warmJsonWriter()}, or a new one if that failed. */
  private static ObjectWriter jsonWriter(JsonWarmUp warm) {
    try {
      warm.thread().join();
      if (!warm.task().isDone()) {
        return newJsonWriter();
      }
      return warm.task().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return newJsonWriter();
    } catch (ExecutionException e) {
      return newJsonWriter();
    }
  }

  /** Two-space indents, snake_case names. */
  private static ObjectWriter newJsonWriter() {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    ObjectMapper mapper = new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    return mapper.writer(pp);
  }

  private static void writeJson(Path file, ObjectWriter writer, ClusterRequest request,
                                NumericTable table, KSelection selection, Clusterer clusterer)
      throws IOException {
    ClusterModel model = selection.chosenModel();
    ClusterFit fit = model.fit();
    List<String> features = model.features();
    List<ClusterDoc> clusters = new ArrayList<>();
    int[] sizes = fit.sizes();
    for (int j = 0; j < fit.k(); j++) {
      Map<String, Double> center = new LinkedHashMap<>();
      double[] orig = model.centerOriginal(j);
      for (int q = 0; q < features.size(); q++) {
        center.put(features.get(q), num(orig[q]));
      }
      clusters.add(new ClusterDoc(j + 1, sizes[j], center, list(fit.center(j))));
    }
    List<RowDoc> rows = new ArrayList<>();
    for (KSelectionRow r : selection.rows()) {
      rows.add(new RowDoc(r.k(), num(r.objective()), num(r.silhouette()),
          num(r.silhouetteErrorBound()), num(r.calinskiHarabasz()), num(r.gap()), num(r.gapSe()),
          num(r.stabilityJaccard()), list(r.clusterJaccard())));
    }
    SelectionDoc sel = new SelectionDoc(selection.chosenK(), selection.fixedByUser(),
        selection.gapChoiceK() == 0 ? null : selection.gapChoiceK(), selection.rule(),
        request.diagnostics().cliName(), rows);
    Scaler s = model.scaler();
    Doc doc = new Doc(SCHEMA, request.input().getFileName().toString(), fit.rows(), features,
        table.skippedColumns(), clusterer.method().cliName(), fit.k(),
        clusterer.effectiveTrimFraction(), request.scale().name().toLowerCase(java.util.Locale.ROOT),
        request.seed(), request.restarts(), clusterer.restartsKept(fit.rows()),
        num(fit.objective()), fit.iterations(),
        fit.outlierCount(), num(fit.trimRadius()),
        new ScalerDoc(s.method().name().toLowerCase(java.util.Locale.ROOT), list(s.center()),
            list(s.scale())),
        clusters, sel);
    byte[] json = writer.writeValueAsBytes(doc);
    try (var out = Files.newOutputStream(file)) {
      out.write(json);
      out.write('\n');
    }
  }

  private static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static List<Double> list(double[] v) {
    List<Double> out = new ArrayList<>(v.length);
    for (double x : v) {
      out.add(num(x));
    }
    return out;
  }
}
