package org.backstrat.imaging.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.backstrat.imaging.io.DicomBytes;
import org.backstrat.imaging.io.PngBytes;
import org.backstrat.imaging.phantom.PhantomJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken study is a clear error on its own row and the batch goes on (issue 6's "done when"
 * list, one test each): a corrupt file, a truncated file, an unsupported
 * transfer syntax, a missing axial level, a non-lumbar field of view and a 4 GB header claim
 * (NIfTI, MetaImage, DICOM, PNG) are each a clear per-study error, never a crash or a hang;
 * likewise a series that is not T2 or not in the required plane. Every test runs the imaging
 * job on a manifest of the broken study followed by an intact phantom study, and checks the
 * broken study's row names the problem while the intact one is still measured (the batch goes
 * on).
 */
class BrokenStudyDoesNotStopTheBatchTest {
  private static final Duration NO_HANG = Duration.ofSeconds(60);

  @TempDir
  static Path shared;
  static Path phantom;

  @BeforeAll
  static void writePhantom() {
    Path dir = shared.resolve("phantoms");
    PhantomJob.withDefaults().withCount(1).withSeed(6).run(dir, false, null);
    phantom = dir.resolve(PhantomJob.id(0));
  }

  @TempDir
  Path tmp;

  /** Runs the job on [broken study, intact study]; returns the broken study's row. */
  private CSVRecord brokenRow(String sagittal, String axialL4l5) throws IOException {
    Path manifest = tmp.resolve("manifest.csv");
    String ok = phantom.toString();
    Files.writeString(manifest, String.join("\n",
        "id,sagittal,axial_l3l4,axial_l4l5,axial_l5s1",
        "broken," + sagittal + "," + ok + "/axial_l3l4_t2.mha," + axialL4l5 + "," + ok
            + "/axial_l5s1_t2.mha",
        "intact," + ok + "/sagittal_t2.mha," + ok + "/axial_l3l4_t2.mha," + ok
            + "/axial_l4l5_t2.mha," + ok + "/axial_l5s1_t2.mha") + "\n");
    Path out = tmp.resolve("b.csv");
    ImagingJob.Result r = assertTimeoutPreemptively(NO_HANG,
        () -> PhantomJobs.job().run(manifest, out, true, null));
    assertThat(r.studies()).isEqualTo(2);
    List<CSVRecord> rows;
    try (Reader in = Files.newBufferedReader(out)) {
      rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
          .getRecords();
    }
    assertThat(rows.get(1).get("id")).isEqualTo("intact");
    assertThat(rows.get(1).get(ImagingJob.STATUS_COLUMN)).as(rows.get(1).toString())
        .isEqualTo("ok");
    assertThat(rows.get(0).get("id")).isEqualTo("broken");
    return rows.get(0);
  }

  private CSVRecord brokenSagittal(Path sagittal) throws IOException {
    return brokenRow(sagittal.toString(), phantom + "/axial_l4l5_t2.mha");
  }

  private static String messages(CSVRecord row) {
    return row.get(ImagingJob.MESSAGES_COLUMN);
  }

  @Test
  void corruptFileIsAPerStudyError() throws IOException {
    Path bad = Files.write(tmp.resolve("corrupt.nii"), new byte[400]);
    CSVRecord row = brokenSagittal(bad);
    assertThat(messages(row)).contains("sagittal:").contains("corrupt.nii")
        .contains("not NIfTI");
    assertThat(row.get("pfirrmann_l4l5")).isEmpty();
    assertThat(row.get("facet_angle_l4l5_left")).as("other parts still measured").isNotEmpty();
  }

  @Test
  void truncatedFileIsAPerStudyError() throws IOException {
    byte[] full = Files.readAllBytes(phantom.resolve("sagittal_t2.mha"));
    Path cut = Files.write(tmp.resolve("cut.mha"), Arrays.copyOf(full, full.length / 2));
    assertThat(messages(brokenSagittal(cut))).contains("cut.mha").containsAnyOf("truncated",
        "corrupt");
  }

  @Test
  void unsupportedTransferSyntaxIsAPerStudyErrorNamingIt() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("jpeg_series"));
    Files.write(dir.resolve("1.dcm"), DicomBytes.sagittalMr(256, 256, 1.0, "MR", "t2_tse_sag",
        3500.0, 100.0, null).part10("1.2.840.10008.1.2.4.50"));
    assertThat(messages(brokenSagittal(dir))).contains("1.2.840.10008.1.2.4.50")
        .contains("JPEG Baseline").contains("decompress");
  }

  @Test
  void missingAxialLevelIsAPerStudyError() throws IOException {
    CSVRecord row = brokenRow(phantom + "/sagittal_t2.mha", tmp + "/no_such_l4l5.mha");
    assertThat(messages(row)).contains("axial l4l5:").contains("no_such_l4l5.mha")
        .contains("existing");
    assertThat(row.get("facet_angle_l4l5_left")).isEmpty();
    assertThat(row.get("facet_angle_l5s1_left")).isNotEmpty();
    assertThat(row.get(ImagingJob.STATUS_COLUMN)).isEqualTo("partial");
  }

  @Test
  void axialLevelLeftEmptyInTheManifestIsAPerStudyError() throws IOException {
    CSVRecord row = brokenRow(phantom + "/sagittal_t2.mha", "");
    assertThat(messages(row)).contains("axial l4l5:").contains("manifest gives none");
  }

  @Test
  void nonLumbarFieldOfViewIsAPerStudyError() throws IOException {
    // the phantom's sagittal image with its pixels shrunk to 0.4 mm: about 100 mm tall
    Path small = tmp.resolve("small_fov.mha");
    Files.write(small, withSpacing(Files.readAllBytes(phantom.resolve("sagittal_t2.mha")),
        "0.4 0.4 4"));
    assertThat(messages(brokenSagittal(small))).contains("small_fov.mha")
        .contains("lumbar field of view");
  }

  @Test
  void niftiClaimingFourGigabytesIsAPerStudyError() throws IOException {
    ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0, 348).putShort(40, (short) 3).putShort(42, (short) 1024)
        .putShort(44, (short) 1024).putShort(46, (short) 1024).putShort(70, (short) 16)
        .putShort(72, (short) 32).putFloat(108, 352f);
    h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
    Path huge = tmp.resolve("huge.nii.gz");
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(huge))) {
      os.write(h.array());
    }
    assertThat(messages(brokenSagittal(huge))).contains("huge.nii.gz")
        .contains("1024x1024x1024").contains("at most");
  }

  @Test
  void metaImageClaimingFourGigabytesIsAPerStudyError() throws IOException {
    Path huge = Files.writeString(tmp.resolve("huge.mha"), "NDims = 3\nDimSize = 1024 1024 1024"
        + "\nElementType = MET_FLOAT\nElementDataFile = LOCAL\n");
    assertThat(messages(brokenSagittal(huge))).contains("huge.mha").contains("at most");
  }

  @Test
  void dicomClaimingFourGigabytesIsAPerStudyError() throws IOException {
    DicomBytes d = new DicomBytes().text(0x0008, 0x0060, "MR")
        .text(0x0020, 0x0032, "0\\0\\0").text(0x0020, 0x0037, "0\\1\\0\\0\\0\\-1")
        .ushort(0x0028, 0x0002, 1).text(0x0028, 0x0008, "1000")
        .ushort(0x0028, 0x0010, 65535).ushort(0x0028, 0x0011, 65535)
        .text(0x0028, 0x0030, "1\\1").ushort(0x0028, 0x0100, 16)
        .raw(0x7FE0, 0x0010, new byte[4]);
    Path huge = Files.write(tmp.resolve("huge.dcm"), d.dataSet());
    assertThat(messages(brokenSagittal(huge))).contains("huge.dcm").contains("at most");
  }

  @Test
  void pngClaimingFourGigabytesIsAPerStudyError() throws IOException {
    Path huge = Files.write(tmp.resolve("huge.png"), PngBytes.header(65535, 65535));
    Path manifest = tmp.resolve("png.csv");
    Files.writeString(manifest, "id,sagittal,sagittal_spacing_mm,axial\nbroken," + huge
        + ",0.7,\n");
    Path out = tmp.resolve("png_out.csv");
    assertTimeoutPreemptively(NO_HANG,
        () -> PhantomJobs.job().run(manifest, out, true, null));
    assertThat(Files.readString(out)).contains("huge.png").contains("65535x65535x1 voxels")
        .contains("at most");
  }

  @Test
  void t1WeightedDicomIsRefusedAsNotT2() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("t1_series"));
    Files.write(dir.resolve("1.dcm"), DicomBytes.sagittalMr(256, 256, 1.0, "MR", "sag_tse",
        550.0, 12.0, null).dataSet());
    assertThat(messages(brokenSagittal(dir))).contains("t1_series").contains("(0018,0081)")
        .contains("T1 or proton density");
  }

  @Test
  void stirDicomIsRefusedAsNotPlainT2() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("stir_series"));
    Files.write(dir.resolve("1.dcm"), DicomBytes.sagittalMr(256, 256, 1.0, "MR",
        "t2_tirm_sag", 4000.0, 60.0, 160.0).dataSet());
    assertThat(messages(brokenSagittal(dir))).contains("(0018,0082)")
        .contains("inversion recovery");
  }

  @Test
  void t2WeightedDicomPassesTheSequenceCheck() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("t2_series"));
    Files.write(dir.resolve("1.dcm"), DicomBytes.sagittalMr(256, 256, 1.0, "MR",
        "t2_tse_sag_384", 3500.0, 114.0, null).dataSet());
    assertThat(messages(brokenSagittal(dir))).doesNotContain("sagittal: " + dir);
  }

  @Test
  void axialImageGivenAsSagittalIsRefusedAsTheWrongPlane() throws IOException {
    assertThat(messages(brokenSagittal(phantom.resolve("axial_l3l4_t2.mha"))))
        .contains("a sagittal image was expected, but this one is axial");
  }

  /** A MetaImage file with its ElementSpacing line replaced. */
  static byte[] withSpacing(byte[] mha, String spacing) {
    String head = new String(mha, 0, Math.min(mha.length, 4096), StandardCharsets.ISO_8859_1);
    int end = head.indexOf("ElementDataFile");
    end = head.indexOf('\n', end) + 1;
    String newHead = head.substring(0, end).replaceAll("ElementSpacing = [^\\n]*",
        "ElementSpacing = " + spacing);
    byte[] h = newHead.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = Arrays.copyOf(h, h.length + mha.length - end);
    System.arraycopy(mha, end, out, h.length, mha.length - end);
    return out;
  }
}
