package org.backstrat.imaging.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A header claiming more voxels than its file holds (but fewer than the voxel limit) is refused
 * before the voxel array is allocated: the reading thread allocates a few megabytes at most, not
 * the hundreds the claim implies. Measured with HotSpot's per-thread allocation counter.
 */
class HeaderClaimTest {
  /** Far below the 256 MB the claims below would allocate as float voxels. */
  private static final long MAX_ALLOCATED_BYTES = 32L << 20;

  @TempDir
  Path tmp;

  private static String refusedWithoutAllocating(Path file) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    String message = null;
    try {
      VolumeReader.withDefaults().read(file);
    } catch (BadInputException e) {
      message = e.getMessage();
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertThat(message).as("refused").isNotNull().contains(file.getFileName().toString());
    assertThat(allocated).as("bytes allocated while refusing " + file).isLessThan(
        MAX_ALLOCATED_BYTES);
    return message;
  }

  @Test
  void dicomClaimingMorePixelsThanItHoldsIsRefusedBeforeAllocating() throws IOException {
    DicomBytes d = new DicomBytes().text(0x0008, 0x0060, "MR")
        .text(0x0020, 0x0032, "0\\0\\0").text(0x0020, 0x0037, "0\\1\\0\\0\\0\\-1")
        .ushort(0x0028, 0x0002, 1).ushort(0x0028, 0x0010, 8192).ushort(0x0028, 0x0011, 8192)
        .text(0x0028, 0x0030, "1\\1").ushort(0x0028, 0x0100, 16)
        .raw(0x7FE0, 0x0010, new byte[4]);
    Path f = Files.write(tmp.resolve("claim.dcm"), d.dataSet());
    assertThat(refusedWithoutAllocating(f)).contains("pixel data").contains("8192x8192x1");
  }

  @Test
  void gzippedNiftiClaimingMoreThanDeflateCanHoldIsRefusedBeforeAllocating()
      throws IOException {
    ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0, 348).putShort(40, (short) 2).putShort(42, (short) 8192)
        .putShort(44, (short) 8192).putShort(70, (short) 16).putShort(72, (short) 32)
        .putFloat(108, 352f).putShort(254, (short) 1).putFloat(280, 1f).putFloat(300, 1f)
        .putFloat(320, 1f);
    h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
    Path f = tmp.resolve("claim.nii.gz");
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(f))) {
      os.write(h.array());
      os.write(new byte[1000]);
    }
    assertThat(refusedWithoutAllocating(f)).contains("compressed");
  }

  @Test
  void compressedMetaImageClaimingMoreThanDeflateCanHoldIsRefusedBeforeAllocating()
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("NDims = 2\nDimSize = 8192 8192\nElementType = MET_FLOAT\n"
        + "CompressedData = True\nElementDataFile = LOCAL\n").getBytes(StandardCharsets.US_ASCII));
    try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
      z.write(new byte[1000]);
    }
    Path f = Files.write(tmp.resolve("claim.mha"), out.toByteArray());
    assertThat(refusedWithoutAllocating(f)).contains("compressed");
  }

  @Test
  void pngClaimingBeyondTheLimitIsRefusedFromItsHeader() throws IOException {
    Path f = Files.write(tmp.resolve("claim.png"), PngBytes.header(60000, 60000));
    assertThat(refusedWithoutAllocating(f)).contains("60000x60000x1").contains("at most");
  }
}
