package org.backstrat.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.job.ClusterJob;
import org.backstrat.cluster.job.ClusterJobResult;
import org.backstrat.cluster.job.ClusterRequest;
import org.backstrat.cluster.job.Diagnostics;
import org.backstrat.cluster.job.HeaderMode;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputFormat;
import org.backstrat.core.io.OutputTarget;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backstrat cluster}: generic robust clustering of any numeric table. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Robust clustering of any numeric table (CSV, TSV, semicolon or whitespace "
        + "separated; header detected, or columns named V1..Vn like R).",
        "Writes DIR/assignments.csv (row, id if present, cluster, outlier, distance) and "
            + "DIR/clustering.json (k, method, trim, objective, centres, sizes, selection "
            + "table)."})
final class ClusterCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Input table.")
  Path data;

  /** Exactly one way of choosing the columns. */
  static final class Columns {
    @Option(names = "--features", split = ",", paramLabel = "a,b",
        description = "Feature columns by name.")
    List<String> features;

    @Option(names = "--all-numeric",
        description = "Use every fully numeric column (others are skipped and listed).")
    boolean allNumeric;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Columns columns;

  @Option(names = "--k", defaultValue = "2..8", paramLabel = "K|MIN..MAX",
      description = "A fixed K (e.g. 3) or a range to choose from (default: ${DEFAULT-VALUE}).")
  String k;

  @Option(names = "--method", defaultValue = "trimmed", paramLabel = "M",
      description = "trimmed, huber, mom, kmeans or kmedoids (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--trim", defaultValue = "0.05", paramLabel = "A",
      description = "Trimmed fraction alpha in [0, 0.5) (default: ${DEFAULT-VALUE}).")
  double trim;

  @Option(names = "--scale", defaultValue = "robust", paramLabel = "S",
      description = "robust (median/IQR), zscore or none (default: ${DEFAULT-VALUE}).")
  String scale;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "Master seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--restarts", defaultValue = "100", paramLabel = "R",
      description = "k-means++ restarts, best objective kept (default: ${DEFAULT-VALUE}).")
  int restarts;

  @Option(names = "--diagnostics", paramLabel = "D",
      description = "What to compute besides the clustering: cheap (default at a fixed k:"
          + " Calinski-Harabasz and a silhouette exact up to 2,000 rows, else estimated from a"
          + " 1,000-row stratified sample with seed 1) or full (default and required for a k"
          + " range: exact silhouette up to 20,000 rows, else a 5,000-row sample, gap statistic"
          + " and bootstrap stability, 100 sets each).")
  String diagnostics;

  @Option(names = "--header", defaultValue = "auto", paramLabel = "H",
      description = "Whether the first line is a header: auto, present or absent "
          + "(default: ${DEFAULT-VALUE}).")
  String header;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--out-format", defaultValue = "csv", paramLabel = "F",
      description = "csv (default) or parquet: DIR/assignments.parquet instead of "
          + "DIR/assignments.csv.")
  String outFormat;

  @Mixin
  CommonOptions common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    AtomicOutput.check(OutputTarget.directory(out, common.force, data));
    Reporting rep = new Reporting(spec.commandLine().getErr(), common);
    HeaderMode mode = switch (header.toLowerCase(java.util.Locale.ROOT)) {
      case "auto" -> HeaderMode.AUTO;
      case "present", "yes", "true" -> HeaderMode.PRESENT;
      case "absent", "no", "false" -> HeaderMode.ABSENT;
      default -> throw new CommandLine.ParameterException(spec.commandLine(),
          "--header: expected auto, present or absent, not " + header);
    };
    ClusterRequest request = ClusterRequest.builder(data, out)
        .features(columns.allNumeric ? List.of() : columns.features)
        .k(k)
        .method(ClusterMethod.parse(method))
        .trimFraction(trim)
        .scale(ScaleMethod.parse(scale))
        .seed(seed)
        .restarts(restarts)
        .diagnostics(diagnostics == null ? null : Diagnostics.parse(diagnostics))
        .header(mode)
        .force(common.force)
        .outFormat(OutputFormat.parse(outFormat))
        .build();
    rep.note("clustering " + data);
    ClusterJobResult result = ClusterJob.run(request, rep.progress());
    if (!result.table().skippedColumns().isEmpty()) {
      rep.warning("skipped non-numeric columns: " + String.join(", ",
          result.table().skippedColumns()));
    }
    rep.note("K = " + result.selection().chosenK() + "; wrote " + out);
    return 0;
  }
}
