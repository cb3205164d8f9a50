package org.backstrat.imaging.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 512^3 MetaImage or NIfTI within the voxel limit, compressed to a few hundred KB, in a JVM whose heap
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
      writeZeros(z, 128);
      z.finish();
    }
    runBatchUnder256MegabytesOfHeap();
  }

  @Test
  void gzippedNifti512CubeLargerThanTheHeapFailsItsStudyOnly() throws Exception {
    Path big = Files.createDirectories(tmp.resolve("studies/a-big"));
    ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0, 348);
    short[] dim = {3, 512, 512, 512, 1, 1, 1, 1};
    for (int k = 0; k < dim.length; k++) {
      h.putShort(40 + 2 * k, dim[k]);
    }
    h.putShort(70, (short) 2); // DT_UNSIGNED_CHAR
    h.putShort(72, (short) 8);
    for (int k = 0; k < 8; k++) {
      h.putFloat(76 + 4 * k, 1f);
    }
    h.putFloat(108, 352f); // vox_offset
    h.putShort(254, (short) 1); // sform_code: scanner
    h.putFloat(288, -1f); // a sagittal grid: srow_x = (0 0 -1 0), srow_y = (-1 0 0 0),
    h.putFloat(296, -1f); // srow_z = (0 -1 0 0)
    h.putFloat(316, -1f);
    h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(
        big.resolve("sagittal_t2.nii.gz")))) {
      out.write(h.array());
      writeZeros(out, 128);
    }
    runBatchUnder256MegabytesOfHeap();
  }

  private static void writeZeros(OutputStream out, int mebibytes) throws IOException {
    byte[] zeros = new byte[1 << 20];
    for (int k = 0; k < mebibytes; k++) {
      out.write(zeros);
    }
  }

  /** Runs the job on studies/ (a-big, then an empty b-next) in a JVM with a 256 MB heap. */
  private void runBatchUnder256MegabytesOfHeap() throws Exception {
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
