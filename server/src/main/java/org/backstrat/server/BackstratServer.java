package org.backstrat.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.model.FrozenVariant;
import org.backstrat.model.person.PersonRecord;
import org.backstrat.server.registry.Registry;
import org.backstrat.server.registry.RegistryUnavailableException;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code backstrat serve}: Jetty 12 (core handler API, no servlet layer) serving
 * <ul>
 *   <li>{@code GET /} the form, {@code POST /assess} the result page (CSRF token in a
 *       SameSite=Strict cookie and a hidden field, compared in constant time);</li>
 *   <li>{@code POST /api/v1/assessments} (JSON in, JSON out, 201), {@code GET /api/v1/model},
 *       {@code GET /openapi.json};</li>
 *   <li>FHIR R4 under {@code /fhir} ({@link FhirEndpoint});</li>
 *   <li>{@code GET /health} and {@code /static/backstrat.css}.</li>
 * </ul>
 * Safety: binds 127.0.0.1 unless told otherwise, and then only with a bearer token (checked on
 * every route but health, static and login; browsers sign in once at {@code /login} and get an
 * HttpOnly SameSite=Strict cookie); on loopback the Host header must name a loopback host (no
 * DNS rebinding); a cross-origin POST is refused; bodies above the limit get 413; every answer
 * carries CSP ({@code default-src 'none'}, {@code frame-ancestors 'none'}), nosniff, same-origin referrer
 * and no-store; bad input gets 400 naming each field; internal errors get 500 with an incident
 * id and never a stack trace.
 */
public final class BackstratServer implements AutoCloseable {
  static final String CSRF_COOKIE = "backstrat_csrf";
  static final String SESSION_COOKIE = "backstrat_session";
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

  private final ServerConfig config;
  private final ServedModel model;
  private final Registry registry;
  private final Assessor assessor;
  private final Pages pages;
  private final FhirEndpoint fhir;
  private final ServerLog log;
  private final Server jetty;
  private final byte[] openApi;
  private final byte[] css;
  private final byte[] sessionKey = new byte[32];
  private final SecureRandom random = new SecureRandom();

  private BackstratServer(ServerConfig config, ServedModel model, Registry registry,
                          ItemWording wording, PrintStream logStream) {
    this.config = config;
    this.model = model;
    this.registry = registry;
    Clock clock = Clock.systemUTC();
    this.log = new ServerLog(logStream, clock);
    this.assessor = new Assessor(model, registry, clock);
    this.pages = new Pages(wording, model.model(), model.identity());
    this.fhir = new FhirEndpoint(assessor, wording);
    this.openApi = resource("openapi.json");
    this.css = resource("static/backstrat.css");
    random.nextBytes(sessionKey);
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("backstrat-http");
    this.jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(8 * 1024);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(30_000);
    jetty.addConnector(connector);
    jetty.setHandler(new Routes());
    jetty.setErrorHandler(BackstratServer::jettyError);
  }

  /**
   * Answers the errors Jetty itself raises (a malformed request line or header, a request it
   * could not read): a short JSON body with the status and the security headers, never a stack
   * trace or an echoed message.
   */
  private static boolean jettyError(Request request, Response response, Callback callback) {
    Object status = request.getAttribute(org.eclipse.jetty.server.handler.ErrorHandler
        .ERROR_STATUS);
    int code = status instanceof Integer i ? i : response.getStatus();
    if (code < 400) {
      code = 500;
    }
    response.setStatus(code);
    response.getHeaders().put("Content-Security-Policy", CSP);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, HttpExchange.JSON);
    String body = "{\"status\":" + code + ",\"title\":\""
        + (code < 500 ? "bad request" : "internal error") + "\"}";
    response.write(true, java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)),
        callback);
    return true;
  }

  /**
   * Loads the model, opens (and migrates) the registry, and starts listening.
   *
   * @param logStream where the server's own log lines go (stderr for the command line)
   * @throws BadInputException when the model, the wording file or the registry are unusable, or
   *     the port is taken
   */
  public static BackstratServer start(ServerConfig config, PrintStream logStream) {
    ServedModel model = ServedModel.load(config.modelFile());
    ItemWording wording = config.itemWording().map(ItemWording::read)
        .orElseGet(ItemWording::constructLabels);
    Registry registry = Registry.open(config.registry());
    BackstratServer s = new BackstratServer(config, model, registry, wording, logStream);
    try {
      s.jetty.start();
    } catch (Exception e) {
      s.close();
      if (e instanceof IOException) {
        throw new BadInputException("cannot listen on " + config.host() + ":" + config.port()
            + ": " + e.getMessage());
      }
      throw new IllegalStateException("the HTTP server did not start", e);
    }
    s.log.line("backstrat serve: listening on " + s.baseUrl() + " (model "
        + model.identity().sha256().substring(0, 12) + ", registry " + config.registry()
        + (config.token().isPresent() ? ", bearer token required" : "") + ")");
    return s;
  }

  /** The port actually bound. */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return "http://" + h + ":" + port();
  }

  /** The registry. */
  public Registry registry() {
    return registry;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /** Stops accepting, lets requests in flight finish, commits what is queued, closes. */
  @Override
  public void close() {
    try {
      jetty.setStopTimeout(10_000);
      jetty.stop();
    } catch (Exception e) {
      log.internalError("stop", e);
    }
    registry.close();
  }

  private static byte[] resource(String name) {
    try (InputStream in = BackstratServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
  }

  /** The router. */
  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      long started = System.nanoTime();
      HttpExchange x = new HttpExchange(request, response, callback);
      var headers = response.getHeaders();
      headers.put("Content-Security-Policy", CSP);
      headers.put("X-Content-Type-Options", "nosniff");
      headers.put("X-Frame-Options", "DENY");
      headers.put("Referrer-Policy", "same-origin");
      headers.put("Cross-Origin-Resource-Policy", "same-origin");
      headers.put(HttpHeader.CACHE_CONTROL, "no-store");
      if (config.accessLog()) {
        Request.addCompletionListener(request, failure -> log.line(x.method() + " " + x.path()
            + " " + response.getStatus() + " " + (System.nanoTime() - started) / 1_000_000
            + " ms"));
      }
      try {
        route(x);
      } catch (HttpExchange.TooLarge e) {
        refuse(x, 413, "body too large", e.getMessage());
      } catch (BadInputException e) {
        invalid(x, e);
      } catch (Exception | LinkageError | AssertionError e) {
        internal(x, e);
      }
      return true;
    }
  }

  private void route(HttpExchange x) throws IOException, HttpExchange.TooLarge {
    String path = x.path();
    String method = x.method();
    if (!hostAllowed(x)) {
      refuse(x, 421, "misdirected request", "this server answers to a loopback host name only "
          + "(127.0.0.1, localhost or [::1])");
      return;
    }
    if (path.equals("/health")) {
      only(x, "GET");
      ObjectNode o = PersonJson.JSON.createObjectNode().put("status", "ok");
      x.send(200, HttpExchange.JSON, o.toString());
      return;
    }
    if (path.equals("/static/backstrat.css")) {
      only(x, "GET");
      x.response().getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=3600");
      x.send(200, "text/css; charset=utf-8", css);
      return;
    }
    if (config.token().isPresent() && path.equals("/login")) {
      login(x);
      return;
    }
    if (config.token().isPresent() && !authorised(x)) {
      if (isHtmlRoute(path)) {
        Response.sendRedirect(x.request(), x.response(), x.callback(), 303, "/login", true);
      } else {
        x.response().getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"backstrat\"");
        refuse(x, 401, "unauthorised", "send 'Authorization: Bearer TOKEN'");
      }
      return;
    }
    if (method.equals("POST") && !sameOrigin(x)) {
      refuse(x, 403, "cross-origin request refused", "the Origin header names another site");
      return;
    }
    switch (path) {
      case "/" -> {
        only(x, "GET");
        String csrf = newToken();
        Response.addCookie(x.response(), cookie(CSRF_COOKIE, csrf));
        x.send(200, HttpExchange.HTML, pages.form(csrf, Map.of(), List.of()));
      }
      case "/assess" -> {
        only(x, "POST");
        form(x);
      }
      case "/openapi.json" -> {
        only(x, "GET");
        x.send(200, HttpExchange.JSON, openApi);
      }
      case "/api/v1/model" -> {
        only(x, "GET");
        x.send(200, HttpExchange.JSON, modelInfo().toString());
      }
      case "/api/v1/assessments" -> {
        only(x, "POST");
        requireMediaType(x, "application/json");
        PersonRecord person = PersonJson.read(x.body(config.maxBodyBytes()));
        answer(x, person, "json");
      }
      default -> {
        if (path.startsWith("/fhir/") || path.equals("/fhir")) {
          fhir.handle(x, config.maxBodyBytes(), log);
        } else {
          refuse(x, 404, "not found", "no such page or endpoint: see /openapi.json");
        }
      }
    }
  }

  private static boolean isHtmlRoute(String path) {
    return path.equals("/") || path.equals("/assess");
  }

  /** A method the route does not take. */
  static final class WrongMethod extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String allowed;

    WrongMethod(String allowed) {
      super("method not allowed");
      this.allowed = allowed;
    }
  }

  /** A body of a media type the route does not take. */
  static final class WrongMediaType extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongMediaType(String expected) {
      super("expected Content-Type " + expected);
    }
  }

  private static void only(HttpExchange x, String method) {
    if (!x.method().equals(method)) {
      throw new WrongMethod(method);
    }
  }

  static void requireMediaType(HttpExchange x, String... accepted) {
    String mt = x.mediaType();
    for (String a : accepted) {
      if (a.equals(mt)) {
        return;
      }
    }
    throw new WrongMediaType(String.join(" or ", accepted));
  }

  private void answer(HttpExchange x, PersonRecord person, String channel) {
    assessor.assess(person, channel).whenComplete((a, failure) -> {
      if (failure != null) {
        unavailable(x, failure);
      } else {
        x.response().getHeaders().put(HttpHeader.LOCATION,
            "/api/v1/assessments/" + a.assessmentId());
        x.send(201, HttpExchange.JSON, a.jsonText());
      }
    });
  }

  private void unavailable(HttpExchange x, Throwable failure) {
    Throwable f = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (f instanceof RegistryUnavailableException) {
      x.response().getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      refuse(x, 503, "not stored", f.getMessage() + "; nothing was recorded: try again");
    } else {
      internal(x, f);
    }
  }

  private void form(HttpExchange x) throws IOException, HttpExchange.TooLarge {
    requireMediaType(x, "application/x-www-form-urlencoded");
    Map<String, String> fields = formFields(x.body(config.maxBodyBytes()));
    String cookie = cookieValue(x, CSRF_COOKIE);
    String sent = fields.getOrDefault("csrf", "");
    if (cookie == null || sent.isEmpty() || !constantTimeEquals(cookie, sent)) {
      refuse(x, 403, "form expired", "the form's security token is missing or does not match: "
          + "open the form again and resubmit");
      return;
    }
    PersonRecord person;
    try {
      person = personFromForm(fields);
    } catch (BadInputException e) {
      String csrf = newToken();
      Response.addCookie(x.response(), cookie(CSRF_COOKIE, csrf));
      x.send(400, HttpExchange.HTML, pages.form(csrf, fields, problems(e)));
      return;
    }
    assessor.assess(person, "form").whenComplete((a, failure) -> {
      if (failure != null) {
        unavailable(x, failure);
      } else {
        x.send(200, HttpExchange.HTML, pages.result(a));
      }
    });
  }

  /** Reads the form's fields: empty means absent, numbers must parse. */
  static PersonRecord personFromForm(Map<String, String> fields) {
    String id = fields.getOrDefault(PersonJson.PERSON_ID_FIELD, "").strip();
    PersonRecord.Builder b = PersonRecord.builder(id.isEmpty() ? "?" : id);
    if (id.isEmpty()) {
      b.reject(PersonJson.PERSON_ID_FIELD, "nothing", PersonJson.PERSON_ID_WORDS);
    } else if (!PersonJson.PERSON_ID.matcher(id).matches()) {
      b.reject(PersonJson.PERSON_ID_FIELD, PersonJson.quoted(id), PersonJson.PERSON_ID_WORDS);
    }
    for (Map.Entry<String, String> e : fields.entrySet()) {
      String name = e.getKey();
      String value = e.getValue().strip();
      if (name.equals("csrf") || name.equals(PersonJson.PERSON_ID_FIELD) || value.isEmpty()) {
        continue;
      }
      var v = PersonRecord.field(name);
      if (v.isEmpty()) {
        b.reject(PersonJson.shorten(name), "an unknown field", "a field of the form");
      } else if (v.get().kind() == org.backstrat.core.cohort.ValueKind.CATEGORY) {
        b.category(name, value);
      } else {
        try {
          b.number(name, Double.parseDouble(value.replace(',', '.')));
        } catch (NumberFormatException nfe) {
          b.reject(name, PersonJson.quoted(value), "a number: "
              + PersonRecord.expected(v.get()));
        }
      }
    }
    return b.build();
  }

  static Map<String, String> formFields(byte[] body) {
    Map<String, String> out = new LinkedHashMap<>();
    String s = new String(body, StandardCharsets.UTF_8);
    if (s.isEmpty()) {
      return out;
    }
    for (String pair : s.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        k = URLDecoder.decode(k, StandardCharsets.UTF_8);
        v = URLDecoder.decode(v, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw PersonJson.body("a malformed form encoding", "application/x-www-form-urlencoded");
      }
      if (out.containsKey(k)) {
        throw new BadInputException(List.of(InputProblem.error(PersonRecord.SOURCE, 0,
            PersonJson.shorten(k), "the field twice", "each field once")));
      }
      out.put(k, v);
    }
    return out;
  }

  private void login(HttpExchange x) throws IOException, HttpExchange.TooLarge {
    if (x.method().equals("GET")) {
      x.send(200, HttpExchange.HTML, pages.login(false));
      return;
    }
    only(x, "POST");
    requireMediaType(x, "application/x-www-form-urlencoded");
    if (!sameOrigin(x)) {
      refuse(x, 403, "cross-origin request refused", "the Origin header names another site");
      return;
    }
    String token = formFields(x.body(4096)).getOrDefault("token", "");
    if (!constantTimeEquals(token, config.token().orElseThrow())) {
      x.send(401, HttpExchange.HTML, pages.login(true));
      return;
    }
    Response.addCookie(x.response(), cookie(SESSION_COOKIE, sessionValue()));
    Response.sendRedirect(x.request(), x.response(), x.callback(), 303, "/", true);
  }

  private boolean authorised(HttpExchange x) {
    String auth = x.header(HttpHeader.AUTHORIZATION);
    String token = config.token().orElseThrow();
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return constantTimeEquals(auth.substring(7).strip(), token);
    }
    String session = cookieValue(x, SESSION_COOKIE);
    return session != null && constantTimeEquals(session, sessionValue());
  }

  /** The session cookie's value: an HMAC of the token under a key that lives as long as the process. */
  private String sessionValue() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sessionKey, "HmacSHA256"));
      byte[] h = mac.doFinal(config.token().orElseThrow().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  private boolean hostAllowed(HttpExchange x) {
    if (!config.loopback()) {
      return true;
    }
    String host = x.header(HttpHeader.HOST);
    if (host == null) {
      return false;
    }
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
        : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
    return LOOPBACK_NAMES.contains(name.toLowerCase(Locale.ROOT))
        || name.equalsIgnoreCase(config.host());
  }

  private static boolean sameOrigin(HttpExchange x) {
    String origin = x.header(HttpHeader.ORIGIN);
    if (origin == null) {
      return true;
    }
    String host = x.header(HttpHeader.HOST);
    return host != null && (origin.equalsIgnoreCase("http://" + host)
        || origin.equalsIgnoreCase("https://" + host));
  }

  private static String cookieValue(HttpExchange x, String name) {
    for (HttpCookie c : Request.getCookies(x.request())) {
      if (c.getName().equals(name)) {
        return c.getValue();
      }
    }
    return null;
  }

  private static HttpCookie cookie(String name, String value) {
    return HttpCookie.build(name, value).path("/").httpOnly(true)
        .sameSite(HttpCookie.SameSite.STRICT).build();
  }

  private String newToken() {
    byte[] b = new byte[24];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }

  private ObjectNode modelInfo() {
    ObjectNode o = PersonJson.JSON.createObjectNode();
    o.put("sha256", model.identity().sha256());
    o.put("schema", model.identity().schema());
    o.put("created_at", model.identity().createdAt());
    o.put("software_version", model.identity().softwareVersion());
    ArrayNode vs = o.putArray("variants");
    for (FrozenVariant v : model.model().variants()) {
      ObjectNode vo = vs.addObject();
      vo.put("name", v.name());
      vo.putArray("features").addAll(v.featureNames().stream().map(vo::textNode).toList());
      ArrayNode strata = vo.putArray("strata");
      for (var s : v.strata()) {
        strata.addObject().put("id", s.id()).put("label", s.label());
      }
      if (Double.isFinite(v.training().accuracyMean())) {
        vo.put("accuracy", v.training().accuracyMean());
      } else {
        vo.putNull("accuracy");
      }
    }
    return o;
  }

  static List<InputProblem> problems(BadInputException e) {
    if (!e.problems().isEmpty()) {
      return e.problems();
    }
    return List.of(InputProblem.error(PersonRecord.SOURCE, 0, "(body)", "",
        e.getMessage()));
  }

  private void invalid(HttpExchange x, BadInputException e) {
    if (x.path().startsWith("/fhir")) {
      fhir.invalid(x, problems(e));
      return;
    }
    if (isHtmlRoute(x.path())) {
      x.send(400, HttpExchange.HTML, pages.error(400, e.getMessage()));
      return;
    }
    ObjectNode o = PersonJson.JSON.createObjectNode();
    o.put("status", 400);
    o.put("title", "invalid assessment request");
    ArrayNode errors = o.putArray("errors");
    for (InputProblem p : problems(e)) {
      ObjectNode eo = errors.addObject();
      eo.put("field", p.column());
      eo.put("found", p.value());
      eo.put("expected", p.expected());
      eo.put("message", p.column() + ": found " + p.value() + ", expected " + p.expected());
    }
    x.send(400, HttpExchange.JSON, o.toString());
  }

  /** An answer other than 400 and 5xx: JSON, FHIR or HTML by route. */
  void refuse(HttpExchange x, int status, String title, String detail) {
    if (x.path().startsWith("/fhir")) {
      fhir.refuse(x, status, detail);
      return;
    }
    if (isHtmlRoute(x.path()) || x.path().equals("/login")) {
      x.send(status, HttpExchange.HTML, pages.error(status, title + ": " + detail));
      return;
    }
    ObjectNode o = PersonJson.JSON.createObjectNode();
    o.put("status", status);
    o.put("title", title);
    o.put("detail", detail);
    x.send(status, HttpExchange.JSON, o.toString());
  }

  private void internal(HttpExchange x, Throwable e) {
    if (e instanceof WrongMethod wm) {
      x.response().getHeaders().put(HttpHeader.ALLOW, wm.allowed);
      refuse(x, 405, "method not allowed", "this endpoint takes " + wm.allowed);
      return;
    }
    if (e instanceof WrongMediaType wt) {
      refuse(x, 415, "unsupported media type", wt.getMessage());
      return;
    }
    if (e instanceof org.eclipse.jetty.http.HttpException
        || e instanceof org.eclipse.jetty.io.EofException) {
      refuse(x, 400, "bad request", "the request could not be read");
      return;
    }
    String incident = UUID.randomUUID().toString();
    log.internalError(incident, e);
    ObjectNode o = PersonJson.JSON.createObjectNode();
    o.put("status", 500);
    o.put("title", "internal error");
    o.put("detail", "please report incident " + incident + " (the server log has it)");
    x.send(500, HttpExchange.JSON, o.toString());
  }
}
