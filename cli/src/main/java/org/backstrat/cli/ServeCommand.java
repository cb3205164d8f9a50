package org.backstrat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backstrat.server.BackstratServer;
import org.backstrat.server.ServerConfig;
import org.backstrat.server.registry.RegistryUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backstrat serve}: the clinician's page, the JSON API and FHIR R4 for a frozen model, with
 * every assessment stored in a registry; see {@link BackstratServer}. Runs until stopped
 * (Ctrl-C or SIGTERM), then finishes requests in flight and commits what is queued.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve a frozen model to clinicians: a form and result page at /, a JSON API "
        + "(/api/v1/assessments, described at /openapi.json) and FHIR R4 (/fhir). Every "
        + "assessment is stored in a registry (SQLite file by default, PostgreSQL by JDBC URL) "
        + "before it is answered.",
        "Binds 127.0.0.1 by default; any other address requires --token."})
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "Frozen model (model.json, schema backstrat.model/2).")
  Path model;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerConfig.DEFAULT_HOST,
      description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--db", paramLabel = "URL",
      description = "Registry: a SQLite file path or jdbc:sqlite:FILE (default: "
          + ServerConfig.DEFAULT_REGISTRY_FILE + " in the working directory), or "
          + "jdbc:postgresql://HOST/DATABASE (user and password from BACKSTRAT_DB_USER and "
          + "BACKSTRAT_DB_PASSWORD).")
  String db;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Bearer token clients must send (required off loopback; at least 16 "
          + "characters). Also read from BACKSTRAT_TOKEN, which keeps it out of the process list.")
  String token;

  @Option(names = "--items", paramLabel = "FILE",
      description = "The clinic's licensed item wording (schema backstrat.item-wording/1); "
          + "construct labels by default.")
  Path items;

  @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "65536",
      description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
  int maxBodyBytes;

  @Option(names = "--access-log",
      description = "Log one line per request (method, path, status, ms; never data or ids).")
  boolean accessLog;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    String t = token != null ? token : System.getenv("BACKSTRAT_TOKEN");
    ServerConfig.Builder b = ServerConfig.builder(model).host(host).port(port)
        .maxBodyBytes(maxBodyBytes).accessLog(accessLog).token(t);
    if (db != null) {
      b.registry(RegistryUrl.parse(db));
    }
    if (items != null) {
      b.itemWording(items);
    }
    BackstratServer server = BackstratServer.start(b.build(), System.err);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "backstrat-stop"));
    server.join();
    return 0;
  }
}
