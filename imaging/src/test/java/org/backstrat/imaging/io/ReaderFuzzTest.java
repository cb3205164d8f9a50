package org.backstrat.imaging.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Assertions;

/**
 * Damaged files (random bytes overwritten, truncated at a random length) either read or fail
 * with {@link BadInputException}: never another exception, never an out-of-memory error,
 * never a hang.
 */
class ReaderFuzzTest {
  private static final List<String> FILES = List.of(
      "fixtures/series_axial_explicit/a.dcm",
      "fixtures/series_sagittal_implicit/b.dcm",
      "fixtures/series_coronal_bigendian_rescaled/x.dcm",
      "fixtures/enhanced_multiframe_sagittal.dcm",
      "fixtures/sag_int16_msb.mha",
      "fixtures/sag_uint8_z.mha",
      "fixtures/sform_float64.nii",
      "fixtures/qform_int16_be_scaled.nii.gz",
      "fixtures/png/gray16.png",
      "fixtures/png/palette.png",
      "fixtures/png/rgb.png");

  @Property(tries = 300)
  void damagedFilesFailOnlyWithBadInput(@ForAll @IntRange(min = 0, max = 10) int which,
                                        @ForAll long seed) throws IOException {
    Path source = TestFiles.reference().resolve(FILES.get(which));
    byte[] bytes = Files.readAllBytes(source);
    SplittableRandom random = new SplittableRandom(seed);
    boolean gz = source.toString().endsWith(".gz");
    if (gz) {
      bytes = gunzip(bytes);
    }
    int mode = random.nextInt(3);
    if (mode == 0 || mode == 2) {
      int flips = 1 + random.nextInt(8);
      for (int f = 0; f < flips; f++) {
        // bias towards headers, where lengths and sizes live
        int limit = random.nextBoolean() ? Math.min(bytes.length, 1024) : bytes.length;
        bytes[random.nextInt(limit)] = (byte) random.nextInt(256);
      }
    }
    if (mode == 1 || mode == 2) {
      bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }
    String name = source.getFileName().toString();
    Path dir = Files.createTempDirectory("fuzz");
    Path damaged = dir.resolve(name);
    try {
      if (gz) {
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(damaged))) {
          os.write(bytes);
        }
      } else {
        Files.write(damaged, bytes);
      }
      if (name.endsWith(".mhd")) {
        return;
      }
      Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        try {
          VolumeReader.withDefaults().read(damaged);
        } catch (BadInputException e) {
          assertThat(e.getMessage()).isNotBlank();
        }
      });
    } finally {
      Files.deleteIfExists(damaged);
      Files.deleteIfExists(dir);
    }
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }
}
