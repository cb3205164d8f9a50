package org.backstrat.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.SoftwareVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code backstrat} command line: a thin face over the library modules. Exit codes: 0
 * success, 2 bad usage or bad input (one readable line per problem on stderr), 1 internal error.
 */
@Command(name = "backstrat",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Stratify people with low back pain from MRI biomarkers, questionnaires and "
        + "demographics, and prove the strata are real.",
    subcommands = {
        DemoCommand.class,
        SynthCommand.class,
        ValidateCommand.class,
        ScoreCommand.class,
        AnalyzeCommand.class,
        ClusterCommand.class,
        DcaCommand.class,
        AssignCommand.class,
        ImagingCommand.class,
        PhantomsCommand.class,
        ServeCommand.class,
        ExportCommand.class,
        CommandLine.HelpCommand.class
    },
    footer = {"", "Exit codes: 0 success, 2 bad usage or bad input, 1 internal error."})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Prints the version recorded at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"backstrat " + SoftwareVersion.get()};
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    // Apache POI logs through Log4j's API; without a provider Log4j prints an error line on
    // every run that writes a .docx. Its own simple logger (errors only) keeps stderr clean.
    if (System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty("log4j2.loggerContextFactory",
          "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status (used by tests). */
  public static int run(String... args) {
    CommandLine cl = commandLine();
    return cl.execute(args);
  }

  /** The configured picocli command line. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof BadInputException bad) {
      if (bad.problems().isEmpty()) {
        err.println("backstrat: " + bad.getMessage());
      } else {
        int shown = 0;
        for (InputProblem p : bad.problems()) {
          if (shown++ == Reporting.MAX_PROBLEMS_SHOWN) {
            err.println("backstrat: ... and " + (bad.problems().size() - Reporting.MAX_PROBLEMS_SHOWN)
                + " more problems (run `backstrat validate` to list them all)");
            break;
          }
          err.println("backstrat: " + p.message());
        }
      }
      err.flush();
      return 2;
    }
    if (e instanceof CommandLine.ParameterException) {
      throw (CommandLine.ParameterException) e;
    }
    if (e instanceof UncheckedIOException io) {
      err.println("backstrat: " + io.getMessage());
      err.flush();
      return 1;
    }
    err.println("backstrat: internal error (please report it): " + e);
    e.printStackTrace(err);
    err.flush();
    return 1;
  }
}
