package org.backstrat.server.registry;

/**
 * An assessment could not be stored (the database is unreachable, refused the write, or is too
 * far behind). The server answers 503 and acknowledges nothing; the message names no person.
 */
public final class RegistryUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message that names no person. */
  public RegistryUnavailableException(String message) {
    super(message);
  }
}
