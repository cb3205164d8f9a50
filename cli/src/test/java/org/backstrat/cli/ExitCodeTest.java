package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Bad input exits 2 with its message and no stack trace; a programming error, including an
 * {@link IllegalArgumentException} thrown by a broken precondition, exits 1 as an internal error.
 * {@link BadInputException} is its own type (not an {@code IllegalArgumentException}), so no
 * catch of one can swallow the other.
 */
class ExitCodeTest {

  @CommandLine.Command(name = "throws")
  static final class Throwing implements Runnable {
    private final RuntimeException toThrow;

    Throwing(RuntimeException toThrow) {
      this.toThrow = toThrow;
    }

    @Override
    public void run() {
      throw toThrow;
    }
  }

  private static CommandLineTest.Run runThrowing(RuntimeException e) {
    CommandLine cl = Main.commandLine();
    cl.addSubcommand("throws", new Throwing(e));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("throws");
    return new CommandLineTest.Run(code, out.toString(), err.toString());
  }

  @Test
  void badInputExitsTwoWithItsMessageOnly() {
    CommandLineTest.Run r = runThrowing(BadInputException.at("c.csv", 3, "bmi", "abc",
        "a number"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("c.csv").contains("bmi").doesNotContain("internal error")
        .doesNotContain("\tat ");
  }

  @Test
  void illegalArgumentFromCodeIsAnInternalErrorExitingOne() {
    CommandLineTest.Run r = runThrowing(new IllegalArgumentException("k must be positive"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("internal error");
  }

  @Test
  void badInputIsNotAnIllegalArgumentException() {
    assertThat(IllegalArgumentException.class.isAssignableFrom(BadInputException.class)).isFalse();
  }
}
