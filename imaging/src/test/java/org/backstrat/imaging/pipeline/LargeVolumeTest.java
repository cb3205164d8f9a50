package org.backstrat.imaging.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 512^3 MetaImage within the voxel limit, compressed to a few hundred KB, in a JVM whose heap
 * cannot hold it: its study fails with the memory it needs and the batch goes on (issue 15),
 * where it used to end the JVM with an OutOfMemoryError.
 */
class LargeVolumeTest {
  @TempDir
  Path tmp;

  @Test
  void compressed512CubeLargerThanTheHeapFailsItsStudyOnly() throws Exception {
    Path big = Files.createDirectories(tmp.resolve("studies/a-big"));
    try (OutputStream out = Files.newOutputStream(big.resolve("sagittal_t2.mha"))) {
      out.write(("ObjectType = Image\nNDims = 3\nDimSize = 512 512 512\n"
          + "ElementSpacing = 1 1 1\nElementType = MET_UCHAR\nCompressedData = True\n"
          + "ElementDataFile = LOCAL\n").getBytes(StandardCharsets.US_ASCII));
      DeflaterOutputStream z = new DeflaterOutputStream(out);
      byte[] zeros = new byte[1 << 20];
      for (int k = 0; k < 128; k++) {
        z.write(zeros);
      }
      z.finish();
    }
    Files.createDirectories(tmp.resolve("studies/b-next"));
    Path csv = tmp.resolve("b.csv");
    String java = ProcessHandle.current().info().command().orElse("java");
    // -Xss8m: with the test classpath and the default 1 MB main-thread stack the child JVM died
    // of SIGSEGV while ONNX Runtime opened its first session (not seen with the CLI jar)
    Process p = new ProcessBuilder(java, "-Xmx256m", "-Xss8m", "-cp",
        System.getProperty("java.class.path"), JobMain.class.getName(),
        tmp.resolve("studies").toString(), csv.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(tmp.resolve("log.txt"));
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log).doesNotContain("OutOfMemoryError");
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).startsWith("a-big,").contains("failed").contains("needs about")
        .contains("BACKSTRAT_JAVA_OPTS=-Xmx");
    assertThat(rows.get(2)).startsWith("b-next,").contains("failed");
  }
}
