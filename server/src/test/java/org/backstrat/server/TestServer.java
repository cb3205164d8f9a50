package org.backstrat.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.backstrat.server.registry.RegistryUrl;

/**
 * A server on a free loopback port with the fixture model and a fresh SQLite registry, and a
 * client for it. The log goes to a buffer so tests can check that it holds no personal data.
 */
final class TestServer implements AutoCloseable {
  /** The real fixture model (model/src/test/resources, see the README beside it). */
  static final Path MODEL = Path.of("..", "model", "src", "test", "resources", "org",
      "backstrat", "model", "person", "fixture-model.json");

  static final String FULL = """
      {"person_id": "clinic-0001", "sex": "female", "age": 47, "bmi": 24.0, "smoking": "never",
       "sbt_1": 1, "sbt_2": 0, "sbt_3": 1, "sbt_4": 0, "sbt_5": 1, "sbt_6": 1, "sbt_7": 1,
       "sbt_8": 1, "sbt_9": 3,
       "ompsq_1": 9, "ompsq_2": 8, "ompsq_3": 2, "ompsq_4": 3, "ompsq_5": 8, "ompsq_6": 7,
       "ompsq_7": 8, "ompsq_8": 2, "ompsq_9": 8, "ompsq_10": 7,
       "pfirrmann_l1l2": 1, "pfirrmann_l2l3": 1, "pfirrmann_l3l4": 2, "pfirrmann_l4l5": 2,
       "pfirrmann_l5s1": 2, "facet_angle_l3l4_left": 40, "facet_angle_l3l4_right": 41,
       "facet_angle_l4l5_left": 45, "facet_angle_l4l5_right": 46,
       "facet_angle_l5s1_left": 50, "facet_angle_l5s1_right": 51}
      """;
  static final String SBT_ONLY = """
      {"person_id": "clinic-0002", "sex": "male", "bmi": 31.5, "smoking": "current",
       "sbt_1": 0, "sbt_2": 1, "sbt_3": 0, "sbt_4": 0, "sbt_5": 0, "sbt_6": 0, "sbt_7": 0,
       "sbt_8": 0, "sbt_9": 1,
       "pfirrmann_l1l2": 3, "pfirrmann_l2l3": 3, "pfirrmann_l3l4": 4, "pfirrmann_l4l5": 5,
       "pfirrmann_l5s1": 5, "facet_angle_l3l4_left": 30, "facet_angle_l3l4_right": 44,
       "facet_angle_l4l5_left": 35, "facet_angle_l4l5_right": 52,
       "facet_angle_l5s1_left": 40, "facet_angle_l5s1_right": 60}
      """;
  static final String NO_IMAGING = """
      {"person_id": "clinic-0003", "sex": "female", "age": 52, "bmi": 27.0, "smoking": "former",
       "sbt_1": 1, "sbt_2": 1, "sbt_3": 1, "sbt_4": 1, "sbt_5": 1, "sbt_6": 1, "sbt_7": 0,
       "sbt_8": 1, "sbt_9": 4}
      """;

  final BackstratServer server;
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  TestServer(Path dir) {
    this(dir, b -> b);
  }

  TestServer(Path dir, UnaryOperator<ServerConfig.Builder> options) {
    ServerConfig.Builder b = ServerConfig.builder(MODEL).port(0)
        .registry(RegistryUrl.sqliteFile(dir.resolve("registry.db"))).accessLog(true);
    server = BackstratServer.start(options.apply(b).build(),
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  String url(String path) {
    return server.baseUrl() + path;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String body) throws IOException, InterruptedException {
    return post("/api/v1/assessments", "application/json", body);
  }

  String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.close();
  }
}
