package org.backstrat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Safety of the HTTP surface: security headers on every answer, body limit, media types,
 * methods, CSRF on the form, cross-origin posts, DNS rebinding, and the bearer token.
 */
class RequestSafetyTest {
  @TempDir
  static Path dir;
  static TestServer s;

  @BeforeAll
  static void start() {
    s = new TestServer(dir);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    for (HttpResponse<String> r : List.of(s.get("/"), s.get("/nope"),
        s.postJson("{"), s.get("/fhir/Questionnaire/sbt"))) {
      assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("default-src 'none'").contains("frame-ancestors 'none'");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(r.headers().firstValue("Server")).isEmpty();
    }
  }

  @Test
  void aBodyOverTheLimitGets413AndNothingIsStored() throws Exception {
    long before = s.server.registry().count();
    String huge = "{\"person_id\": \"" + "a".repeat(70_000) + "\"}";
    HttpResponse<String> r = s.postJson(huge);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("larger than 65536 bytes");
    assertThat(s.server.registry().count()).isEqualTo(before);
  }

  @Test
  void aChunkedBodyOverTheLimitIsCutOffToo() throws Exception {
    byte[] big = new byte[200_000];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<String> r = s.client.send(HttpRequest.newBuilder(
        URI.create(s.url("/api/v1/assessments"))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
            new java.io.ByteArrayInputStream(big))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void wrongMediaTypeAndMethodAreRefused() throws Exception {
    assertThat(s.post("/api/v1/assessments", "text/plain", TestServer.FULL).statusCode())
        .isEqualTo(415);
    assertThat(s.get("/api/v1/assessments").statusCode()).isEqualTo(405);
    assertThat(s.get("/no-such-page").statusCode()).isEqualTo(404);
  }

  @Test
  void theFormNeedsItsCsrfToken() throws Exception {
    HttpResponse<String> r = s.post("/assess", "application/x-www-form-urlencoded",
        "person_id=p1&sex=female&bmi=25&smoking=never");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("security token");
  }

  @Test
  void aCrossOriginPostIsRefused() throws Exception {
    HttpResponse<String> r = s.client.send(HttpRequest.newBuilder(
        URI.create(s.url("/api/v1/assessments"))).header("Content-Type", "application/json")
        .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(
            TestServer.FULL)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void aForeignHostHeaderIsRefusedOnLoopback() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /health HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 421");
    }
  }

  @Test
  void aMalformedRequestGetsAShortAnswerWithoutDetails() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /%%% HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400");
      assertThat(answer).doesNotContain("org.eclipse").doesNotContain("Exception");
    }
  }

  @Test
  void anAddressOffLoopbackNeedsAToken() {
    assertThatThrownBy(() -> ServerConfig.builder(TestServer.MODEL).host("0.0.0.0").build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("--token");
    assertThatThrownBy(() -> ServerConfig.builder(TestServer.MODEL).token("short").build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("at least 16");
    assertThat(ServerConfig.builder(TestServer.MODEL).host("0.0.0.0")
        .token("0123456789abcdef0123").build().loopback()).isFalse();
  }

  @Test
  void withATokenEveryCallButHealthNeedsIt(@TempDir Path other) throws Exception {
    String token = "0123456789abcdef0123456789";
    try (TestServer t = new TestServer(other, b -> b.token(token))) {
      assertThat(t.get("/health").statusCode()).isEqualTo(200);
      assertThat(t.postJson(TestServer.FULL).statusCode()).isEqualTo(401);
      assertThat(t.get("/openapi.json").statusCode()).isEqualTo(401);
      HttpResponse<String> wrong = t.client.send(HttpRequest.newBuilder(
          URI.create(t.url("/api/v1/model"))).header("Authorization", "Bearer nottheright1234567")
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(wrong.statusCode()).isEqualTo(401);
      HttpResponse<String> right = t.client.send(HttpRequest.newBuilder(
          URI.create(t.url("/api/v1/assessments"))).header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(TestServer.FULL)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(right.statusCode()).isEqualTo(201);
      HttpResponse<String> page = t.get("/");
      assertThat(page.statusCode()).isEqualTo(303);
      assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
      HttpResponse<String> login = t.post("/login", "application/x-www-form-urlencoded",
          "token=" + token);
      assertThat(login.statusCode()).isEqualTo(303);
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
      HttpResponse<String> signedIn = t.client.send(HttpRequest.newBuilder(URI.create(t.url("/")))
          .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.statusCode()).isEqualTo(200);
    }
  }
}
