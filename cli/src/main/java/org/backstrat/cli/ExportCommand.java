package org.backstrat.cli;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.backstrat.core.BadInputException;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputTarget;
import org.backstrat.server.ServerConfig;
import org.backstrat.server.registry.Registry;
import org.backstrat.server.registry.RegistryUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backstrat export}: writes every assessment of a registry (the database {@code serve}
 * records into) as CSV, for audit and analysis.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export the registry of assessments written by serve as CSV: assessment_id, "
        + "assessed_at, person_id (pseudonymous), channel, model_sha256, model_schema, "
        + "model_created_at, software_version, summary, inputs_json, result_json; in order of "
        + "time."})
final class ExportCommand implements Callable<Integer> {

  @Option(names = "--db", paramLabel = "URL",
      description = "Registry: a SQLite file path or jdbc:sqlite:FILE (default: "
          + ServerConfig.DEFAULT_REGISTRY_FILE + "), or jdbc:postgresql://HOST/DATABASE.")
  String db;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Output CSV (must not exist unless --force).")
  Path out;

  @Mixin
  CommonOptions common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RegistryUrl url = db == null ? RegistryUrl.sqliteFile(Path.of(ServerConfig.DEFAULT_REGISTRY_FILE))
        : RegistryUrl.parse(db);
    if (!url.exists()) {
      throw new BadInputException(url.sqlitePath() + ": no such registry file (serve creates it "
          + "on first start; --db names another)");
    }
    List<Path> inputs = new ArrayList<>();
    if (url.kind() == RegistryUrl.Kind.SQLITE) {
      Path file = url.sqlitePath();
      inputs.add(file);
      inputs.add(file.resolveSibling(file.getFileName() + "-wal"));
      inputs.add(file.resolveSibling(file.getFileName() + "-shm"));
      inputs.add(file.resolveSibling(file.getFileName() + "-journal"));
    }
    OutputTarget target = OutputTarget.file(out, common.force).withInputs(inputs);
    AtomicOutput.check(target);
    long[] n = new long[1];
    try (Registry registry = Registry.open(url)) {
      AtomicOutput.write(target, f -> {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(f, StandardCharsets.UTF_8))) {
          n[0] = registry.exportCsv(w);
        }
      });
    }
    new Reporting(spec.commandLine().getErr(), common.quiet).note("wrote " + out + " ("
        + n[0] + " assessments)");
    return 0;
  }
}
