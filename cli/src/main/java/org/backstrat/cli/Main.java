package org.backstrat.cli;

/** Entry point of the {@code backstrat} command line (placeholder until the CLI shell lands). */
public final class Main {
  private Main() {
  }

  /** Runs the command line. */
  public static void main(String[] args) {
    System.err.println("backstrat: command line not built yet");
    System.exit(2);
  }
}
