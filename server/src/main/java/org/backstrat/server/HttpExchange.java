package org.backstrat.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request and its response: reading the body within the size limit, and writing one
 * complete answer with its content type. Every answer carries the security headers (set by the
 * server before routing).
 *
 * @param request the Jetty request
 * @param response the Jetty response
 * @param callback completed when the answer is written
 */
record HttpExchange(Request request, Response response, Callback callback) {
  /** JSON. */
  static final String JSON = "application/json; charset=utf-8";
  /** FHIR JSON. */
  static final String FHIR_JSON = "application/fhir+json; charset=utf-8";
  /** HTML. */
  static final String HTML = "text/html; charset=utf-8";

  /** The body was larger than allowed. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("the request body is larger than " + limit + " bytes");
    }
  }

  String method() {
    return request.getMethod();
  }

  String path() {
    return request.getHttpURI().getPath();
  }

  String header(HttpHeader h) {
    return request.getHeaders().get(h);
  }

  /** The media type of the body, lower case, without parameters; empty when absent. */
  String mediaType() {
    String ct = header(HttpHeader.CONTENT_TYPE);
    if (ct == null) {
      return "";
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the whole body, refusing more than {@code limit} bytes (by the declared length before
   * reading, and by counting while reading when the length is not declared). A refused body of
   * at most {@link #DRAIN_FACTOR} times the limit is read to its end and discarded first, so
   * that a client still sending it reads the 413 answer instead of a reset connection; a larger
   * one is cut off.
   */
  byte[] body(int limit) throws IOException, TooLarge {
    long declared = request.getLength();
    long drainBytes = (long) limit * DRAIN_FACTOR;
    try (InputStream in = Request.asInputStream(request)) {
      if (declared > limit) {
        throw tooLarge(in, declared <= drainBytes ? declared : 0, limit);
      }
      byte[] buf = new byte[declared >= 0 ? (int) declared : 4096];
      int n = 0;
      while (true) {
        if (n == buf.length) {
          if (buf.length > limit) {
            throw tooLarge(in, drainBytes - n, limit);
          }
          buf = java.util.Arrays.copyOf(buf, Math.min(limit + 1, buf.length * 2));
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
        if (n > limit) {
          throw tooLarge(in, drainBytes - n, limit);
        }
      }
      return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
    }
  }

  /** How many times the limit a refused body may be read and discarded (see {@link #body}). */
  static final int DRAIN_FACTOR = 16;

  /** Discards up to {@code maxBytes} more of the body, then gives the refusal to throw. */
  private static TooLarge tooLarge(InputStream in, long maxBytes, int limit) throws IOException {
    byte[] skip = new byte[8192];
    long left = maxBytes;
    while (left > 0) {
      int r = in.read(skip, 0, (int) Math.min(skip.length, left));
      if (r < 0) {
        break;
      }
      left -= r;
    }
    return new TooLarge(limit);
  }

  /** Writes a complete answer. */
  void send(int status, String contentType, String body) {
    send(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a complete answer. */
  void send(int status, String contentType, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
