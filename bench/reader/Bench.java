// Times the numeric read of a CSV by the old (oldrd) or the new (core NumericReader) reader.
// Compiled by bench/reader/run.sh; args: old|new FILE REPS.
package oldrd;
import java.nio.file.Path;
import java.util.List;
public class Bench {
  public static void main(String[] a) {
    Path p = Path.of(a[1]);
    for (int rep = 0; rep < Integer.parseInt(a[2]); rep++) {
      long t0 = System.nanoTime();
      int rows;
      if (a[0].equals("old")) {
        rows = oldrd.NumericTableReader.withDefaults().read(p, List.of()).data().rows();
      } else {
        rows = org.backstrat.cluster.job.NumericTableReader.withDefaults().read(p, List.of()).data().rows();
      }
      System.out.printf("%s rep=%d read_s=%.3f rows=%d%n", a[0], rep, (System.nanoTime() - t0) / 1e9, rows);
    }
  }
}
