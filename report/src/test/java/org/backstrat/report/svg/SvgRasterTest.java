package org.backstrat.report.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG copies of the report's figures: size and resolution, what is drawn where, bytes. */
class SvgRasterTest {
  private static String svg(double w, double h, String body) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"t\" viewBox=\"0 0 " + w + " " + h
        + "\" width=\"" + w + "\" height=\"" + h + "\" font-family=\"'DejaVu Sans', sans-serif\""
        + " font-size=\"12\"><title>t</title><desc>d</desc>"
        + "<rect x=\"0\" y=\"0\" width=\"" + w + "\" height=\"" + h + "\" fill=\"#ffffff\"/>"
        + body + "</svg>";
  }

  private static BufferedImage image(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static int[] rgb(BufferedImage img, int x, int y) {
    int p = img.getRGB(x, y);
    return new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
  }

  /** The chunk types of a PNG, in order. */
  private static List<String> chunks(byte[] png) throws IOException {
    List<String> out = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(png))) {
      in.skipNBytes(8);
      while (in.available() > 0) {
        int length = in.readInt();
        byte[] type = in.readNBytes(4);
        out.add(new String(type, StandardCharsets.US_ASCII));
        in.skipNBytes(length + 4L);
      }
    }
    return out;
  }

  private static long physPixelsPerMetre(byte[] png) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(png))) {
      in.skipNBytes(8);
      while (in.available() > 0) {
        int length = in.readInt();
        String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
        if (type.equals("pHYs")) {
          long x = Integer.toUnsignedLong(in.readInt());
          long y = Integer.toUnsignedLong(in.readInt());
          assertThat(y).isEqualTo(x);
          assertThat(in.readByte()).as("unit is the metre").isEqualTo((byte) 1);
          return x;
        }
        in.skipNBytes(length + 4L);
      }
    }
    throw new AssertionError("no pHYs chunk");
  }

  @Test
  void aFigureAt300DpiHasThreeHundredPixelsPerInchOfCssWidthAndSaysSo() throws Exception {
    byte[] png = SvgRaster.png(svg(96, 48, ""), 300);
    BufferedImage img = image(png);
    assertThat(img.getWidth()).isEqualTo(300); // 96 CSS px = 1 inch
    assertThat(img.getHeight()).isEqualTo(150);
    assertThat(physPixelsPerMetre(png)).isEqualTo(11811); // 300 / 0.0254
  }

  @Test
  void thePngCarriesNoTimeStampOrTextAndTheSameFigureGivesTheSameBytes() throws Exception {
    String doc = svg(200, 100, "<text x=\"10\" y=\"50\">stratum 1</text>"
        + "<path d=\"M10 90L190 10\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\"/>");
    byte[] a = SvgRaster.png(doc, 300);
    byte[] b = SvgRaster.png(doc, 300);
    assertThat(a).isEqualTo(b);
    assertThat(chunks(a)).doesNotContain("tIME", "tEXt", "zTXt", "iTXt")
        .startsWith("IHDR").endsWith("IEND").contains("pHYs");
  }

  @Test
  void shapesAreDrawnWhereTheSvgPlacesThemInTheirColours() throws Exception {
    BufferedImage img = image(SvgRaster.png(svg(100, 100,
        "<rect x=\"10\" y=\"10\" width=\"30\" height=\"30\" fill=\"#D55E00\"/>"
            + "<circle cx=\"70\" cy=\"70\" r=\"10\" fill=\"#0072B2\"/>"
            + "<path d=\"M15 70a5 5 0 1 0 10 0a5 5 0 1 0 -10 0Z\" fill=\"#E69F00\"/>"
            + "<path d=\"M60 10L90 10L90 40Z\" fill=\"#009E73\"/>"
            + "<line x1=\"0\" y1=\"95\" x2=\"100\" y2=\"95\" stroke=\"#000000\" "
            + "stroke-width=\"2\"/>"), 96));
    assertThat(rgb(img, 25, 25)).containsExactly(0xD5, 0x5E, 0x00);
    assertThat(rgb(img, 70, 70)).containsExactly(0x00, 0x72, 0xB2);
    assertThat(rgb(img, 85, 20)).containsExactly(0x00, 0x9E, 0x73);
    assertThat(rgb(img, 20, 70)).as("circle of two arcs, centre").containsExactly(0xE6, 0x9F, 0x00);
    assertThat(rgb(img, 20, 64)).as("above that circle").containsExactly(255, 255, 255);
    assertThat(rgb(img, 27, 70)).as("right of that circle").containsExactly(255, 255, 255);
    assertThat(rgb(img, 50, 95)).containsExactly(0, 0, 0);
    assertThat(rgb(img, 50, 50)).containsExactly(255, 255, 255);
    assertThat(rgb(img, 65, 35)).as("below the triangle's diagonal").containsExactly(255, 255, 255);
  }

  @Test
  void groupsPassTheirPaintAndClipPathsCutWhatLiesOutside() throws Exception {
    BufferedImage img = image(SvgRaster.png(svg(100, 100,
        "<defs><clipPath id=\"t-clip\"><rect x=\"0\" y=\"0\" width=\"50\" height=\"100\"/>"
            + "</clipPath></defs><g clip-path=\"url(#t-clip)\" fill=\"#CC79A7\">"
            + "<rect x=\"20\" y=\"20\" width=\"60\" height=\"20\"/></g>"
            + "<g fill=\"#000000\" fill-opacity=\"0.5\"><rect x=\"0\" y=\"60\" width=\"20\" "
            + "height=\"20\"/></g>"), 96));
    assertThat(rgb(img, 30, 30)).containsExactly(0xCC, 0x79, 0xA7);
    assertThat(rgb(img, 70, 30)).as("outside the clip").containsExactly(255, 255, 255);
    assertThat(rgb(img, 10, 70)[0]).as("half-transparent black on white").isBetween(126, 129);
  }

  @Test
  void textIsDrawnAtItsAnchorAndRotatedTextRunsUpwards() throws Exception {
    BufferedImage img = image(SvgRaster.png(svg(300, 200,
        "<text x=\"150\" y=\"40\" text-anchor=\"end\" font-size=\"20\">WWWW</text>"
            + "<text x=\"30\" y=\"190\" font-size=\"20\" transform=\"rotate(-90 30 190)\">"
            + "WWWWWW</text>"), 96));
    assertThat(darkIn(img, 60, 20, 148, 40)).as("ink left of an end anchor").isPositive();
    assertThat(darkIn(img, 152, 0, 300, 60)).as("no ink right of an end anchor").isZero();
    assertThat(darkIn(img, 10, 80, 31, 189)).as("rotated text above its anchor").isPositive();
    assertThat(darkIn(img, 40, 150, 300, 200)).as("nothing to the right of it").isZero();
  }

  @Test
  void dashedLinesHaveGapsAndGradientsRunFromTheFirstStopToTheLast() throws Exception {
    BufferedImage img = image(SvgRaster.png(svg(100, 100,
        "<line x1=\"0\" y1=\"10\" x2=\"100\" y2=\"10\" stroke=\"#000000\" stroke-width=\"4\" "
            + "stroke-dasharray=\"10 10\"/>"
            + "<defs><linearGradient id=\"t-g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">"
            + "<stop offset=\"0\" stop-color=\"#ff0000\"/><stop offset=\"1\" "
            + "stop-color=\"#0000ff\"/></linearGradient></defs>"
            + "<rect x=\"0\" y=\"50\" width=\"100\" height=\"20\" fill=\"url(#t-g)\"/>"), 96));
    assertThat(rgb(img, 5, 10)).containsExactly(0, 0, 0);
    assertThat(rgb(img, 15, 10)).as("in the gap").containsExactly(255, 255, 255);
    assertThat(rgb(img, 1, 60)[0]).isGreaterThan(240);
    assertThat(rgb(img, 98, 60)[2]).isGreaterThan(240);
    assertThat(rgb(img, 98, 60)[0]).isLessThan(15);
  }

  @Test
  void anElementOutsideTheDrawnSubsetIsRefusedByName() {
    assertThatThrownBy(() -> SvgRaster.png(svg(10, 10, "<ellipse cx=\"1\" cy=\"1\" rx=\"1\" "
        + "ry=\"2\"/>"), 300)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<ellipse>");
    assertThatThrownBy(() -> SvgRaster.png(svg(10, 10, "<path d=\"M0 0C1 1 2 2 3 3\"/>"), 300))
        .hasMessageContaining("path command 'C'");
    assertThatThrownBy(() -> SvgRaster.png(svg(10, 10, "<rect fill=\"url(#nope)\" width=\"1\""
        + " height=\"1\"/>"), 300)).hasMessageContaining("#nope");
  }

  private static int darkIn(BufferedImage img, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (rgb(img, x, y)[0] < 128) {
          n++;
        }
      }
    }
    return n;
  }
}
