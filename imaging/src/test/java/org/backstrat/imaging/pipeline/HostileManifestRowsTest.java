package org.backstrat.imaging.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifest rows pointing at things that are not images (a text file, a device, a FIFO with no
 * writer, a symbolic link loop, a PNG whose header claims 60000 x 60000 pixels) fail their
 * study, with the path in the message, and neither hang nor end the batch (issue 15).
 */
class HostileManifestRowsTest {
  @TempDir
  Path tmp;

  /** A PNG whose IHDR claims width x height 8-bit grey pixels, with a tiny IDAT. */
  static byte[] pngClaiming(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(ihdr);
    d.writeInt(width);
    d.writeInt(height);
    d.write(new byte[] {8, 0, 0, 0, 0});
    chunk(out, "IHDR", ihdr.toByteArray());
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[1024]);
    deflater.finish();
    byte[] buf = new byte[2048];
    int n = deflater.deflate(buf);
    chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }

  private List<CSVRecord> run(String manifest) throws IOException {
    Path m = Files.writeString(tmp.resolve("m.csv"), manifest);
    Path out = tmp.resolve("b.csv");
    Files.deleteIfExists(out);
    ImagingJob.withDefaults().run(m, out, false, null);
    try (Reader r = Files.newBufferedReader(out)) {
      return CSVFormat.DEFAULT.builder().setHeader().get().parse(r).getRecords();
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void rowsPointingAtNonImagesFailTheirStudyWithThePathNamed() throws Exception {
    Path fifo = tmp.resolve("pipe.png");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    boolean haveFifo = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    Path loopA = tmp.resolve("loop_a.png");
    Path loopB = tmp.resolve("loop_b.png");
    Files.createSymbolicLink(loopA, loopB);
    Files.createSymbolicLink(loopB, loopA);
    Path huge = Files.write(tmp.resolve("huge.png"), pngClaiming(60000, 60000));
    List<String> hostile = new java.util.ArrayList<>(List.of("/etc/passwd", "/dev/zero",
        loopA.toString(), huge.toString()));
    if (haveFifo) {
      hostile.add(fifo.toString());
    }
    StringBuilder sagittalOnly = new StringBuilder("id,sagittal,sagittal_spacing_mm\n");
    StringBuilder everywhere = new StringBuilder(
        "id,sagittal,sagittal_spacing_mm,axial_l3l4,axial_l4l5,axial_l5s1,axial_spacing_mm\n");
    for (int k = 0; k < hostile.size(); k++) {
      String h = hostile.get(k);
      sagittalOnly.append("h").append(k).append(',').append(h).append(",0.8\n");
      everywhere.append("h").append(k).append(',').append(h).append(",0.8,").append(h)
          .append(',').append(h).append(',').append(h).append(",0.8\n");
    }
    for (String manifest : List.of(sagittalOnly.toString(), everywhere.toString())) {
      List<CSVRecord> rows = run(manifest);
      assertThat(rows).hasSize(hostile.size());
      for (int k = 0; k < hostile.size(); k++) {
        CSVRecord row = rows.get(k);
        String name = Path.of(hostile.get(k)).getFileName().toString();
        assertThat(row.get(ImagingJob.STATUS_COLUMN)).as(hostile.get(k)).isEqualTo("failed");
        assertThat(row.get(ImagingJob.MESSAGES_COLUMN)).as(hostile.get(k)).contains(name);
        assertThat(row.get("pfirrmann_l4l5")).isEmpty();
      }
    }
  }
}
