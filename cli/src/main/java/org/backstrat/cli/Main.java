package org.backstrat.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.SoftwareVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code backstrat} command line: a thin face over the library modules. Exit codes: 0
 * success, 2 bad usage or bad input (one readable line per problem on stderr), 3 out of memory
 * (one line saying how to give Java more), 1 internal error.
 */
@Command(name = "backstrat",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Stratify people with low back pain from MRI biomarkers, questionnaires and "
        + "demographics, and prove the strata are real.",
    footer = {"", "Exit codes: 0 success, 2 bad usage or bad input, 3 out of memory (the "
        + "message says how to give Java more: BACKSTRAT_JAVA_OPTS=-Xmx...), 1 internal "
        + "error."})
public final class Main implements Runnable {
  /** Exit status when a verb runs out of memory (one line says how to give it more). */
  static final int EXIT_OUT_OF_MEMORY = 3;

  /**
   * The verbs, in the order help lists them. They are registered in code rather than in the
   * {@code @Command} annotation so that a run of one verb builds only that verb's picocli model
   * (see {@link #commandLine(String...)}).
   */
  private static final List<Map.Entry<String, Supplier<Object>>> VERBS = List.of(
      Map.entry("demo", DemoCommand::new),
      Map.entry("synth", SynthCommand::new),
      Map.entry("validate", ValidateCommand::new),
      Map.entry("score", ScoreCommand::new),
      Map.entry("analyze", AnalyzeCommand::new),
      Map.entry("cluster", ClusterCommand::new),
      Map.entry("dca", DcaCommand::new),
      Map.entry("assign", AssignCommand::new),
      Map.entry("imaging", ImagingCommand::new),
      Map.entry("phantoms", PhantomsCommand::new),
      Map.entry("serve", ServeCommand::new),
      Map.entry("export", ExportCommand::new),
      Map.entry("help", CommandLine.HelpCommand::new));

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
    exitOnOutOfMemoryInAnyThread();
    System.exit(run(args));
  }

  /**
   * The last line of defence for a thread that runs out of memory where no caller catches it
   * (a worker of a library, a thread that died while the main thread waits): the same one line
   * as on the main thread and exit {@value #EXIT_OUT_OF_MEMORY} at once, instead of a stack
   * trace and a run that goes on without the dead thread's work. Other uncaught exceptions
   * keep Java's default report.
   */
  static void exitOnOutOfMemoryInAnyThread() {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (e instanceof OutOfMemoryError) {
        outOfMemory(new PrintWriter(System.err, true),
            Runtime.getRuntime().maxMemory());
        Runtime.getRuntime().halt(EXIT_OUT_OF_MEMORY);
      } else if (previous != null) {
        previous.uncaughtException(thread, e);
      } else {
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        e.printStackTrace(System.err);
      }
    });
  }

  /** Runs the command line and returns its exit status (used by tests). */
  public static int run(String... args) {
    CommandLine cl = commandLine(args);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      return outOfMemory(cl.getErr(), Runtime.getRuntime().maxMemory());
    }
  }

  /**
   * One line instead of a stack trace when a verb runs out of memory: how much the Java heap
   * had and how to give it more; exit {@value #EXIT_OUT_OF_MEMORY}.
   */
  static int outOfMemory(PrintWriter err, long maxHeapBytes) {
    long mib = maxHeapBytes / (1024 * 1024);
    long suggestGib = Math.max(2, (2 * maxHeapBytes + (1L << 30) - 1) >> 30);
    err.println("backstrat: out of memory: this run needs more than the " + mib + " MB the "
        + "Java heap may use; give it more, e.g. BACKSTRAT_JAVA_OPTS=-Xmx" + suggestGib
        + "g ./backstrat ... (or java -Xmx" + suggestGib + "g -jar backstrat.jar ...), or "
        + "use a smaller input");
    err.flush();
    return EXIT_OUT_OF_MEMORY;
  }

  /** The configured picocli command line with every verb. */
  static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The configured picocli command line for {@code args}: when the first argument names a verb
   * (other than help), only that verb is registered, else all of them. Parsing and running that
   * verb's arguments is the same either way; building the annotation models of the twelve other
   * verbs cost about 0.15 s of a run's start-up (measured with the {@code cluster} verb).
   */
  static CommandLine commandLine(String... args) {
    CommandLine cl = new CommandLine(new Main());
    String first = args.length > 0 ? args[0] : "";
    boolean one = !first.equals("help")
        && VERBS.stream().anyMatch(v -> v.getKey().equals(first));
    for (Map.Entry<String, Supplier<Object>> v : VERBS) {
      if (!one || v.getKey().equals(first)) {
        cl.addSubcommand(v.getKey(), v.getValue().get());
      }
    }
    // settings after the verbs: picocli passes them to the subcommands registered so far
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) { // wrapped, e.g. by a worker thread's future
        return outOfMemory(err, Runtime.getRuntime().maxMemory());
      }
    }
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
