package org.backstrat.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.backstrat.core.BadInputException;
import org.backstrat.server.registry.RegistryUrl;

/**
 * How {@code backstrat serve} runs: the model, the address, the registry, the bearer token and
 * the limits. Built with {@link #builder}, checked at {@link Builder#build}: the server binds
 * 127.0.0.1 by default, and any address that is not loopback requires a token.
 *
 * @param modelFile the model.json to answer with
 * @param host the address to bind
 * @param port the port (0 = any free port, for tests)
 * @param registry where assessments are stored
 * @param token the bearer token clients must send, if any
 * @param itemWording a clinic-supplied file with the questionnaire items' wording, if any
 * @param maxBodyBytes largest request body accepted
 * @param accessLog whether to log one line per request (method, path, status, milliseconds;
 *     never a query, a body, an id or an address)
 */
public record ServerConfig(Path modelFile, String host, int port, RegistryUrl registry,
                           Optional<String> token, Optional<Path> itemWording, int maxBodyBytes,
                           boolean accessLog) {
  /** Default address: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default port. */
  public static final int DEFAULT_PORT = 8080;
  /** Default body limit: 64 KiB, far above any real assessment (about 1 KiB). */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  /** Shortest token accepted. */
  public static final int MIN_TOKEN_LENGTH = 16;
  /** Default registry file, in the working directory. */
  public static final String DEFAULT_REGISTRY_FILE = "backstrat-registry.db";

  public ServerConfig {
    Objects.requireNonNull(modelFile, "modelFile");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(itemWording, "itemWording");
  }

  /** A builder with the defaults. */
  public static Builder builder(Path modelFile) {
    return new Builder(modelFile);
  }

  /** Whether the bound address is loopback (reachable from this machine only). */
  public boolean loopback() {
    return isLoopback(host);
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new BadInputException("--host " + host + ": unknown address");
    }
  }

  /** Builder for {@link ServerConfig}. */
  public static final class Builder {
    private final Path modelFile;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private RegistryUrl registry;
    private String token;
    private Path itemWording;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private boolean accessLog;

    private Builder(Path modelFile) {
      this.modelFile = modelFile;
    }

    /** The address to bind (default 127.0.0.1). */
    public Builder host(String value) {
      this.host = value;
      return this;
    }

    /** The port (default 8080; 0 = any free port). */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** The registry (default: {@value #DEFAULT_REGISTRY_FILE} in the working directory). */
    public Builder registry(RegistryUrl value) {
      this.registry = value;
      return this;
    }

    /** The bearer token (required off loopback). */
    public Builder token(String value) {
      this.token = value;
      return this;
    }

    /** The clinic's item wording file. */
    public Builder itemWording(Path value) {
      this.itemWording = value;
      return this;
    }

    /** The largest request body (bytes). */
    public Builder maxBodyBytes(int value) {
      this.maxBodyBytes = value;
      return this;
    }

    /** Whether to write an access log line per request. */
    public Builder accessLog(boolean value) {
      this.accessLog = value;
      return this;
    }

    /**
     * Checks and builds.
     *
     * @throws BadInputException when the port is out of range, the body limit is not positive,
     *     the token is too short or has blanks, or a non-loopback address has no token
     */
    public ServerConfig build() {
      Objects.requireNonNull(modelFile, "modelFile");
      if (host == null || host.isBlank()) {
        throw new BadInputException("--host: empty; expected an address such as 127.0.0.1");
      }
      if (port < 0 || port > 65535) {
        throw new BadInputException("--port " + port + ": expected 0..65535");
      }
      if (maxBodyBytes < 1024) {
        throw new BadInputException("--max-body-bytes " + maxBodyBytes
            + ": expected at least 1024");
      }
      if (token != null && (token.length() < MIN_TOKEN_LENGTH || !token.matches("[\\x21-\\x7e]+"))) {
        throw new BadInputException("--token: expected at least " + MIN_TOKEN_LENGTH
            + " printable characters without blanks (for example from `openssl rand -hex 24`)");
      }
      if (token == null && !isLoopback(host)) {
        throw new BadInputException("--host " + host + ": an address other than loopback makes "
            + "the server reachable from other machines, so it needs --token (clients then send "
            + "'Authorization: Bearer TOKEN'); put it behind a TLS proxy too");
      }
      RegistryUrl r = registry != null ? registry
          : RegistryUrl.sqliteFile(Path.of(DEFAULT_REGISTRY_FILE));
      return new ServerConfig(modelFile, host, port, r, Optional.ofNullable(token),
          Optional.ofNullable(itemWording), maxBodyBytes, accessLog);
    }
  }
}
