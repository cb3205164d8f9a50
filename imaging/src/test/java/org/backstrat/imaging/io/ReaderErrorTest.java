package org.backstrat.imaging.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt, truncated, unsupported and absurd inputs fail fast with a message naming the file. */
class ReaderErrorTest {
  private static final Duration FAST = Duration.ofSeconds(5);

  @TempDir
  Path tmp;

  private static BadInputException fails(Path path) {
    return assertTimeoutPreemptively(FAST, () -> {
      try {
        VolumeReader.withDefaults().read(path);
      } catch (BadInputException e) {
        assertThat(e.getMessage()).contains(path.getFileName().toString());
        return e;
      }
      throw new AssertionError("no BadInputException for " + path);
    });
  }

  @Test
  void rleDicomIsRefusedNamingItsTransferSyntax() {
    assertThat(fails(TestFiles.pydicom("MR_small_RLE.dcm")).getMessage())
        .contains("1.2.840.10008.1.2.5").contains("RLE Lossless");
  }

  @Test
  void jpeg2000DicomIsRefusedNamingItsTransferSyntax() {
    assertThat(fails(TestFiles.pydicom("JPEG2000.dcm")).getMessage())
        .contains("1.2.840.10008.1.2.4.91").contains("JPEG 2000");
  }

  @Test
  void truncatedDicomIsRefused() {
    assertThat(fails(TestFiles.pydicom("MR_truncated.dcm")).getMessage()).contains("truncated");
  }

  @Test
  void dicomCutInTheMiddleOfAnElementIsRefused() throws IOException {
    byte[] full = Files.readAllBytes(TestFiles.pydicom("MR_small.dcm"));
    Path cut = tmp.resolve("cut.dcm");
    Files.write(cut, Arrays.copyOf(full, 1000));
    assertThat(fails(cut).getMessage()).contains("truncated");
  }

  @Test
  void colourDicomIsRefused() {
    assertThat(fails(TestFiles.pydicom("ExplVR_BigEnd.dcm")).getMessage()).contains("colour");
  }

  @Test
  void dicomWithoutPreambleIsParsedInEitherByteOrder() {
    // both files parse (no "not DICOM"), then fail on their content: no image, RGB image
    assertThat(fails(TestFiles.pydicom("ExplVR_LitEndNoMeta.dcm")).getMessage())
        .contains("Pixel Data");
    assertThat(fails(TestFiles.pydicom("ExplVR_BigEndNoMeta.dcm")).getMessage())
        .containsAnyOf("colour", "Pixel Data");
  }

  @Test
  void randomBytesAreNotDicom() throws IOException {
    Path junk = tmp.resolve("junk.dcm");
    Files.write(junk, "this is a text file, not an image\n".repeat(20)
        .getBytes(StandardCharsets.US_ASCII));
    assertThat(fails(junk).getMessage()).contains("not DICOM");
  }

  @Test
  void dicomHeaderClaimingFourGigabytesFailsBeforeAllocating() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    implicit(out, 0x0020, 0x0032, "0\\0\\0 ");
    implicit(out, 0x0020, 0x0037, "1\\0\\0\\0\\1\\0 ");
    implicit(out, 0x0028, 0x0002, ushort(1));
    implicit(out, 0x0028, 0x0008, "1000");
    implicit(out, 0x0028, 0x0010, ushort(65535));
    implicit(out, 0x0028, 0x0011, ushort(65535));
    implicit(out, 0x0028, 0x0030, "1\\1 ");
    implicit(out, 0x0028, 0x0100, ushort(16));
    implicit(out, 0x0028, 0x0103, ushort(0));
    implicit(out, 0x7FE0, 0x0010, new byte[4]);
    Path huge = tmp.resolve("huge.dcm");
    Files.write(huge, out.toByteArray());
    assertThat(fails(huge).getMessage()).contains("at most").contains("voxels");
  }

  @Test
  void folderWithTwoSeriesIsRefused() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("mixed"));
    Path ref = TestFiles.reference().resolve("fixtures");
    Files.copy(ref.resolve("series_axial_explicit/a.dcm"), folder.resolve("a.dcm"));
    Files.copy(ref.resolve("series_sagittal_implicit/b.dcm"), folder.resolve("b.dcm"));
    BadInputException e = fails(folder.resolve("b.dcm").getParent());
    assertThat(e.getMessage()).containsAnyOf("one series per folder", "Orientation");
  }

  @Test
  void seriesWithAMissingSliceIsRefused() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("gap"));
    Path ref = TestFiles.reference().resolve("fixtures/series_axial_explicit");
    for (String f : new String[] {"a.dcm", "b.dcm", "c.dcm"}) {
      Files.copy(ref.resolve(f), folder.resolve(f));
    }
    // a.dcm is slice 1, b.dcm slice 3, c.dcm slice 0: d.dcm (slice 2) is missing
    assertThat(fails(folder).getMessage()).contains("evenly spaced");
  }

  @Test
  void seriesWithADuplicateSliceIsRefused() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("dup"));
    Path ref = TestFiles.reference().resolve("fixtures/series_axial_explicit");
    Files.copy(ref.resolve("a.dcm"), folder.resolve("a.dcm"));
    Files.copy(ref.resolve("a.dcm"), folder.resolve("a2.dcm"));
    assertThat(fails(folder).getMessage()).contains("distinct positions");
  }

  @Test
  void emptyFolderIsRefused() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("empty"));
    assertThat(fails(folder).getMessage()).contains("empty");
  }

  @Test
  void niftiTwoIsRefused() {
    assertThat(fails(TestFiles.nibabel("example_nifti2.nii.gz")).getMessage())
        .contains("NIfTI-2");
  }

  @Test
  void fourDimensionalNiftiIsRefused() {
    assertThat(fails(TestFiles.nibabel("functional.nii")).getMessage()).contains("4-D");
  }

  @Test
  void truncatedNiftiIsRefused() throws IOException {
    byte[] full = Files.readAllBytes(TestFiles.nibabel("anatomical.nii"));
    Path cut = tmp.resolve("cut.nii");
    Files.write(cut, Arrays.copyOf(full, full.length / 2));
    assertThat(fails(cut).getMessage()).contains("truncated");
  }

  @Test
  void truncatedGzippedNiftiIsRefused() throws IOException {
    byte[] full = Files.readAllBytes(TestFiles.nibabel("standard.nii.gz"));
    Path cut = tmp.resolve("cut.nii.gz");
    Files.write(cut, Arrays.copyOf(full, full.length - 20));
    assertThat(fails(cut).getMessage()).containsAnyOf("truncated", "corrupt");
  }

  @Test
  void corruptGzipIsRefused() throws IOException {
    Path bad = tmp.resolve("bad.nii.gz");
    Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5});
    assertThat(fails(bad).getMessage()).containsAnyOf("corrupt", "truncated");
  }

  @Test
  void niftiHeaderClaimingFourGigabytesFailsBeforeAllocating() throws IOException {
    ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0, 348);
    h.putShort(40, (short) 3);
    h.putShort(42, (short) 2048);
    h.putShort(44, (short) 2048);
    h.putShort(46, (short) 256);
    h.putShort(70, (short) 16);
    h.putShort(72, (short) 32);
    for (int d = 1; d <= 3; d++) {
      h.putFloat(76 + 4 * d, 1f);
    }
    h.putFloat(108, 352f);
    h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
    Path huge = tmp.resolve("huge.nii.gz");
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(huge))) {
      os.write(h.array());
    }
    assertThat(fails(huge).getMessage()).contains("2048x2048x256").contains("at most");
  }

  @Test
  void notNiftiIsRefused() throws IOException {
    Path junk = tmp.resolve("junk.nii");
    Files.write(junk, new byte[400]);
    assertThat(fails(junk).getMessage()).contains("not NIfTI");
  }

  @Test
  void metaImageClaimingFourGigabytesFailsBeforeAllocating() throws IOException {
    Path huge = tmp.resolve("huge.mha");
    Files.writeString(huge, "ObjectType = Image\nNDims = 3\nDimSize = 4096 4096 64\n"
        + "ElementType = MET_FLOAT\nElementDataFile = LOCAL\n");
    assertThat(fails(huge).getMessage()).contains("at most");
  }

  @Test
  void truncatedMetaImageIsRefused() throws IOException {
    byte[] full = Files.readAllBytes(TestFiles.reference().resolve(
        "fixtures/sag_int16_msb.mha"));
    Path cut = tmp.resolve("cut.mha");
    Files.write(cut, Arrays.copyOf(full, full.length - 7));
    assertThat(fails(cut).getMessage()).contains("truncated");
  }

  @Test
  void truncatedCompressedMetaImageIsRefused() throws IOException {
    byte[] full = Files.readAllBytes(TestFiles.reference().resolve("fixtures/sag_uint8_z.mha"));
    Path cut = tmp.resolve("cutz.mha");
    Files.write(cut, Arrays.copyOf(full, full.length - 10));
    assertThat(fails(cut).getMessage()).containsAnyOf("truncated", "corrupt");
  }

  @Test
  void metaImageWithMissingDataFileIsRefused() throws IOException {
    Path mhd = tmp.resolve("lonely.mhd");
    Files.writeString(mhd, "NDims = 2\nDimSize = 2 2\nElementType = MET_UCHAR\n"
        + "ElementDataFile = lonely.raw\n");
    assertThat(fails(mhd).getMessage()).contains("lonely.raw");
  }

  @Test
  void metaImageWithUnknownElementTypeIsRefused() throws IOException {
    Path mha = tmp.resolve("odd.mha");
    Files.writeString(mha, "NDims = 2\nDimSize = 2 2\nElementType = MET_LONG_LONG\n"
        + "ElementDataFile = LOCAL\n");
    assertThat(fails(mha).getMessage()).contains("MET_LONG_LONG");
  }

  @Test
  void binaryGarbageIsNotMetaImage() throws IOException {
    Path mha = tmp.resolve("garbage.mha");
    Files.write(mha, new byte[] {1, 2, 0, 4, 5});
    assertThat(fails(mha).getMessage()).contains("not MetaImage");
  }

  @Test
  void unknownExtensionIsRefused() throws IOException {
    Path tiff = tmp.resolve("slice.tiff");
    Files.write(tiff, new byte[10]);
    assertThat(fails(tiff).getMessage()).contains("NIfTI-1").contains("MetaImage")
        .contains("PNG");
  }

  @Test
  void deviceOrPipeIsRefusedInsteadOfReadForever() throws IOException {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
    Path link = Files.createSymbolicLink(tmp.resolve("endless.nii"), zero);
    assertThat(fails(link).getMessage()).contains("device, pipe or socket");
  }

  @Test
  void missingFileIsRefused() {
    assertThat(fails(tmp.resolve("nothing.nii")).getMessage()).contains("existing");
  }

  @Test
  void sagittalSeriesIsRefusedWhereAxialIsRequired() {
    Volume sag = VolumeReader.withDefaults().read(
        TestFiles.reference().resolve("fixtures/series_sagittal_implicit"));
    sag.requirePlane(Plane.SAGITTAL, 10);
    assertThatThrownBy(() -> sag.requirePlane(Plane.AXIAL, 10))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("series_sagittal_implicit")
        .hasMessageContaining("this one is sagittal").hasMessageContaining("an axial image");
  }

  @Test
  void imageWithoutOrientationIsRefusedWhateverThePlane() throws IOException {
    Path mha = tmp.resolve("noorient.mha");
    Files.write(mha, "NDims = 2\nDimSize = 2 2\nElementType = MET_UCHAR\nElementDataFile = LOCAL\n\1\2\3\4"
        .getBytes(StandardCharsets.US_ASCII));
    Volume v = VolumeReader.withDefaults().read(mha);
    assertThatThrownBy(() -> v.requirePlane(Plane.SAGITTAL, 90))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no orientation");
  }

  private static byte[] ushort(int v) {
    return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
  }

  private static void implicit(ByteArrayOutputStream out, int group, int element, String text) {
    implicit(out, group, element, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static void implicit(ByteArrayOutputStream out, int group, int element, byte[] value) {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) group).putShort((short) element).putInt(value.length);
    out.writeBytes(b.array());
    out.writeBytes(value);
  }
}
