package org.backstrat.report.svg;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.LinearGradientPaint;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Draws the SVG documents that {@link SvgCanvas} writes as PNG bitmaps (for journals that ask
 * for bitmaps at 300 dpi), with Java2D only: no SVG library is needed, since the charts use a
 * small subset of SVG — {@code rect}, {@code line}, {@code path} (M, L, H, V, A, Z), {@code circle},
 * {@code text} (with {@code text-anchor} and a {@code rotate} transform), groups with inherited
 * presentation attributes and rectangular clip paths, and horizontal linear gradients. Anything
 * outside that subset is refused with its name, so a new chart element cannot vanish silently
 * from the bitmap.
 *
 * <p>One CSS pixel of the SVG is {@code dpi / 96} bitmap pixels (CSS's 96 px per inch), and the
 * PNG carries its resolution in a {@code pHYs} chunk. The bitmap holds no time stamp or text
 * chunk: the same SVG gives the same bytes on the same Java and fonts.
 */
public final class SvgRaster {
  /** CSS pixels per inch. */
  private static final double CSS_PX_PER_INCH = 96.0;
  private static final double METRES_PER_INCH = 0.0254;

  private static final Map<String, Color> NAMED = Map.of("black", Color.BLACK, "white",
      Color.WHITE, "red", new Color(255, 0, 0), "gray", new Color(128, 128, 128), "grey",
      new Color(128, 128, 128));

  private final Set<String> installedFamilies;
  private final Map<String, Element> definitions = new HashMap<>();

  private SvgRaster(Set<String> installedFamilies) {
    this.installedFamilies = installedFamilies;
  }

  /**
   * The PNG bytes of one SVG document.
   *
   * @param svg an SVG document of the subset described above
   * @param dotsPerInch resolution of the bitmap (300 for print)
   * @throws IllegalArgumentException when the document is not well formed or leaves the subset
   */
  public static byte[] png(String svg, int dotsPerInch) {
    if (dotsPerInch < 1) {
      throw new IllegalArgumentException("dots per inch must be at least 1: " + dotsPerInch);
    }
    Document doc = parse(svg);
    Element root = doc.getDocumentElement();
    if (!"svg".equals(root.getTagName())) {
      throw new IllegalArgumentException("not an SVG document: root element <"
          + root.getTagName() + ">");
    }
    double[] box = viewBox(root);
    double scale = dotsPerInch / CSS_PX_PER_INCH;
    int width = Math.max(1, (int) Math.ceil(box[2] * scale));
    int height = Math.max(1, (int) Math.ceil(box[3] * scale));
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
          RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.scale(scale, scale);
      g.translate(-box[0], -box[1]);
      SvgRaster raster = new SvgRaster(installedFamilies());
      raster.collectDefinitions(root);
      raster.drawChildren(g, root, Style.initial().inherit(root));
    } finally {
      g.dispose();
    }
    return encode(image, dotsPerInch);
  }

  private static Document parse(String svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    } catch (org.xml.sax.SAXException e) {
      throw new IllegalArgumentException("SVG is not well-formed XML: " + e.getMessage(), e);
    } catch (IOException | javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException("cannot read SVG: " + e.getMessage(), e);
    }
  }

  private static double[] viewBox(Element root) {
    String vb = root.getAttribute("viewBox");
    if (!vb.isEmpty()) {
      double[] v = numbers(vb, "viewBox");
      if (v.length == 4 && v[2] > 0 && v[3] > 0) {
        return v;
      }
      throw new IllegalArgumentException("viewBox must be four numbers with positive size: " + vb);
    }
    return new double[] {0, 0, number(root, "width", 0), number(root, "height", 0)};
  }

  private static Set<String> installedFamilies() {
    Set<String> out = new HashSet<>();
    for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment()
        .getAvailableFontFamilyNames(Locale.ROOT)) {
      out.add(f.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private void collectDefinitions(Element e) {
    for (Element c : children(e)) {
      if (!c.getAttribute("id").isEmpty()) {
        definitions.put(c.getAttribute("id"), c);
      }
      collectDefinitions(c);
    }
  }

  private void drawChildren(java.awt.Graphics2D g, Element parent, Style style) {
    for (Element c : children(parent)) {
      draw(g, c, style);
    }
  }

  private void draw(java.awt.Graphics2D g, Element e, Style parentStyle) {
    String tag = e.getTagName();
    switch (tag) {
      case "title", "desc", "defs" -> {
        return; // not drawn; definitions were collected up front
      }
      default -> {
        // drawn below
      }
    }
    Style style = parentStyle.inherit(e);
    AffineTransform saved = g.getTransform();
    Shape savedClip = g.getClip();
    try {
      String transform = e.getAttribute("transform");
      if (!transform.isEmpty()) {
        g.transform(transform(transform));
      }
      String clip = e.getAttribute("clip-path");
      if (!clip.isEmpty()) {
        g.clip(clipShape(clip));
      }
      switch (tag) {
        case "g", "a" -> drawChildren(g, e, style);
        case "rect" -> paint(g, new Rectangle2D.Double(number(e, "x", 0), number(e, "y", 0),
            number(e, "width", 0), number(e, "height", 0)), style);
        case "line" -> paint(g, new Line2D.Double(number(e, "x1", 0), number(e, "y1", 0),
            number(e, "x2", 0), number(e, "y2", 0)), style.withoutFill());
        case "circle" -> {
          double r = number(e, "r", 0);
          paint(g, new Ellipse2D.Double(number(e, "cx", 0) - r, number(e, "cy", 0) - r,
              2 * r, 2 * r), style);
        }
        case "path" -> paint(g, path(e.getAttribute("d")), style);
        case "text" -> text(g, e, style);
        default -> throw new IllegalArgumentException("SVG element <" + tag
            + "> is not drawn by the PNG writer (it draws rect, line, path, circle, text, g)");
      }
    } finally {
      g.setTransform(saved);
      g.setClip(savedClip);
    }
  }

  private void paint(java.awt.Graphics2D g, Shape shape, Style style) {
    if (style.fill != null) {
      g.setPaint(paintFor(style.fill, style.fillOpacity * style.opacity, shape));
      g.fill(shape);
    }
    if (style.stroke != null && style.strokeWidth > 0) {
      g.setPaint(paintFor(style.stroke, style.strokeOpacity * style.opacity, shape));
      g.setStroke(style.basicStroke());
      g.draw(shape);
    }
  }

  private void text(java.awt.Graphics2D g, Element e, Style style) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        throw new IllegalArgumentException("SVG <text> with child element <"
            + n.getNodeName() + "> is not drawn by the PNG writer");
      }
    }
    String content = e.getTextContent().strip().replaceAll("\\s+", " ");
    if (content.isEmpty() || style.fill == null) {
      return;
    }
    Font font = new Font(family(style.fontFamily), style.bold ? Font.BOLD : Font.PLAIN, 1)
        .deriveFont((float) style.fontSize);
    FontRenderContext frc = g.getFontRenderContext();
    TextLayout layout = new TextLayout(content, font, frc);
    double advance = layout.getAdvance();
    double x = number(e, "x", 0);
    double y = number(e, "y", 0);
    switch (style.anchor) {
      case "middle" -> x -= advance / 2;
      case "end" -> x -= advance;
      default -> {
        // start
      }
    }
    Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
    g.setPaint(paintFor(style.fill, style.fillOpacity * style.opacity, outline));
    g.fill(outline);
  }

  /** The first family of a CSS font-family list that is installed; else Java's sans serif. */
  private String family(String list) {
    for (String part : list.split(",")) {
      String name = part.strip().replaceAll("^['\"]|['\"]$", "");
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("sans-serif")) {
        return Font.SANS_SERIF;
      }
      if (lower.equals("serif")) {
        return Font.SERIF;
      }
      if (lower.equals("monospace")) {
        return Font.MONOSPACED;
      }
      if (installedFamilies.contains(lower)) {
        return name;
      }
    }
    return Font.SANS_SERIF;
  }

  private Paint paintFor(String spec, double opacity, Shape shape) {
    if (spec.startsWith("url(")) {
      Element def = reference(spec);
      if (!"linearGradient".equals(def.getTagName())) {
        throw new IllegalArgumentException("paint " + spec + " is a <" + def.getTagName()
            + ">, not a linearGradient");
      }
      return gradient(def, opacity, shape.getBounds2D());
    }
    return colour(spec, opacity);
  }

  private Paint gradient(Element def, double opacity, Rectangle2D box) {
    List<Element> stops = children(def);
    if (stops.isEmpty()) {
      throw new IllegalArgumentException("linearGradient " + def.getAttribute("id")
          + " has no stops");
    }
    float[] fractions = new float[stops.size()];
    Color[] colours = new Color[stops.size()];
    float last = -1;
    for (int i = 0; i < stops.size(); i++) {
      Element s = stops.get(i);
      float f = (float) Math.max(0, Math.min(1, number(s, "offset", 0)));
      fractions[i] = Math.max(f, Math.nextUp(last)); // strictly increasing, as Java asks
      last = fractions[i];
      colours[i] = colour(s.getAttribute("stop-color").isEmpty() ? "#000000"
          : s.getAttribute("stop-color"), opacity);
    }
    if (stops.size() == 1 || box.getWidth() <= 0 && box.getHeight() <= 0) {
      return colours[0];
    }
    Point2D from = new Point2D.Double(box.getX() + number(def, "x1", 0) * box.getWidth(),
        box.getY() + number(def, "y1", 0) * box.getHeight());
    Point2D to = new Point2D.Double(box.getX() + number(def, "x2", 1) * box.getWidth(),
        box.getY() + number(def, "y2", 0) * box.getHeight());
    if (from.equals(to) || fractions[fractions.length - 1] > 1) {
      return colours[colours.length - 1];
    }
    return new LinearGradientPaint(from, to, fractions, colours);
  }

  private Shape clipShape(String spec) {
    Element def = reference(spec);
    if (!"clipPath".equals(def.getTagName())) {
      throw new IllegalArgumentException("clip-path " + spec + " is a <" + def.getTagName()
          + ">, not a clipPath");
    }
    Path2D.Double area = new Path2D.Double();
    for (Element c : children(def)) {
      switch (c.getTagName()) {
        case "rect" -> area.append(new Rectangle2D.Double(number(c, "x", 0), number(c, "y", 0),
            number(c, "width", 0), number(c, "height", 0)), false);
        case "path" -> area.append(path(c.getAttribute("d")), false);
        default -> throw new IllegalArgumentException("clipPath child <" + c.getTagName()
            + "> is not drawn by the PNG writer");
      }
    }
    return area;
  }

  private Element reference(String spec) {
    String id = spec.replaceAll("^url\\(\\s*#?|\\s*\\)$", "");
    Element def = definitions.get(id);
    if (def == null) {
      throw new IllegalArgumentException("SVG reference " + spec + " names no element");
    }
    return def;
  }

  /**
   * Appends an elliptical arc from (x0, y0) to (x1, y1) as SVG's endpoint parameterisation
   * defines it (SVG 1.1, appendix F.6.5: radii scaled up when too small, centre from the flags).
   */
  private static void arc(Path2D.Double p, double x0, double y0, double rxIn, double ryIn,
                          double degrees, boolean large, boolean sweep, double x1, double y1) {
    double rx = Math.abs(rxIn);
    double ry = Math.abs(ryIn);
    if (x0 == x1 && y0 == y1) {
      return;
    }
    if (rx == 0 || ry == 0) {
      p.lineTo(x1, y1);
      return;
    }
    double phi = Math.toRadians(degrees % 360);
    double cos = Math.cos(phi);
    double sin = Math.sin(phi);
    double dx = (x0 - x1) / 2;
    double dy = (y0 - y1) / 2;
    double xp = cos * dx + sin * dy;
    double yp = -sin * dx + cos * dy;
    double lambda = xp * xp / (rx * rx) + yp * yp / (ry * ry);
    if (lambda > 1) {
      rx *= Math.sqrt(lambda);
      ry *= Math.sqrt(lambda);
    }
    double num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp;
    double den = rx * rx * yp * yp + ry * ry * xp * xp;
    double coef = Math.sqrt(Math.max(0, num / den)) * (large == sweep ? -1 : 1);
    double cxp = coef * rx * yp / ry;
    double cyp = -coef * ry * xp / rx;
    double cx = cos * cxp - sin * cyp + (x0 + x1) / 2;
    double cy = sin * cxp + cos * cyp + (y0 + y1) / 2;
    double start = Math.atan2((yp - cyp) / ry, (xp - cxp) / rx);
    double end = Math.atan2((-yp - cyp) / ry, (-xp - cxp) / rx);
    double extent = end - start;
    if (sweep && extent < 0) {
      extent += 2 * Math.PI;
    } else if (!sweep && extent > 0) {
      extent -= 2 * Math.PI;
    }
    // Arc2D measures angles counter-clockwise with y up; SVG's y runs down
    java.awt.geom.Arc2D.Double a = new java.awt.geom.Arc2D.Double(-rx, -ry, 2 * rx, 2 * ry,
        -Math.toDegrees(start), -Math.toDegrees(extent), java.awt.geom.Arc2D.OPEN);
    AffineTransform t = AffineTransform.getTranslateInstance(cx, cy);
    t.rotate(phi);
    p.append(t.createTransformedShape(a).getPathIterator(null), true);
  }

  /** Path data of M, L, H, V, A and Z commands (absolute or relative). */
  static Path2D.Double path(String d) {
    Path2D.Double p = new Path2D.Double();
    String[] tokens = d.replaceAll("([A-DF-Za-df-z])", " $1 ").replace(',', ' ').strip()
        .split("\\s+");
    char command = 0;
    double x = 0;
    double y = 0;
    double startX = 0;
    double startY = 0;
    int i = 0;
    while (i < tokens.length) {
      String t = tokens[i];
      if (t.isEmpty()) {
        i++;
        continue;
      }
      if (Character.isLetter(t.charAt(0))) {
        command = t.charAt(0);
        i++;
        if (command == 'Z' || command == 'z') {
          p.closePath();
          x = startX;
          y = startY;
        }
        continue;
      }
      boolean relative = Character.isLowerCase(command);
      switch (Character.toUpperCase(command)) {
        case 'M', 'L' -> {
          if (i + 1 >= tokens.length) {
            throw new IllegalArgumentException("path data ends inside a point: " + d);
          }
          double nx = parseNumber(tokens[i], d) + (relative ? x : 0);
          double ny = parseNumber(tokens[i + 1], d) + (relative ? y : 0);
          i += 2;
          if (Character.toUpperCase(command) == 'M') {
            p.moveTo(nx, ny);
            startX = nx;
            startY = ny;
            command = relative ? 'l' : 'L'; // further pairs after M are line segments
          } else {
            p.lineTo(nx, ny);
          }
          x = nx;
          y = ny;
        }
        case 'H' -> {
          x = parseNumber(tokens[i++], d) + (relative ? x : 0);
          p.lineTo(x, y);
        }
        case 'V' -> {
          y = parseNumber(tokens[i++], d) + (relative ? y : 0);
          p.lineTo(x, y);
        }
        case 'A' -> {
          if (i + 6 >= tokens.length) {
            throw new IllegalArgumentException("path data ends inside an arc: " + d);
          }
          double rx = parseNumber(tokens[i], d);
          double ry = parseNumber(tokens[i + 1], d);
          double rotation = parseNumber(tokens[i + 2], d);
          boolean large = parseNumber(tokens[i + 3], d) != 0;
          boolean sweep = parseNumber(tokens[i + 4], d) != 0;
          double nx = parseNumber(tokens[i + 5], d) + (relative ? x : 0);
          double ny = parseNumber(tokens[i + 6], d) + (relative ? y : 0);
          i += 7;
          arc(p, x, y, rx, ry, rotation, large, sweep, nx, ny);
          x = nx;
          y = ny;
        }
        default -> throw new IllegalArgumentException("path command '" + command
            + "' is not drawn by the PNG writer (it draws M, L, H, V, A, Z): " + d);
      }
    }
    return p;
  }

  /** rotate(a [cx cy]), translate(x [y]) and scale(s [t]), applied left to right. */
  static AffineTransform transform(String spec) {
    AffineTransform t = new AffineTransform();
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("\\s*(rotate|translate|scale)\\s*\\(([^)]*)\\)\\s*").matcher(spec);
    int end = 0;
    while (m.find() && m.start() == end) {
      end = m.end();
      double[] a = numbers(m.group(2), "transform");
      switch (m.group(1)) {
        case "rotate" -> {
          if (a.length == 1) {
            t.rotate(Math.toRadians(a[0]));
          } else if (a.length == 3) {
            t.rotate(Math.toRadians(a[0]), a[1], a[2]);
          } else {
            throw new IllegalArgumentException("rotate needs 1 or 3 numbers: " + spec);
          }
        }
        case "translate" -> t.translate(a[0], a.length > 1 ? a[1] : 0);
        default -> t.scale(a[0], a.length > 1 ? a[1] : a[0]);
      }
    }
    if (end != spec.length()) {
      throw new IllegalArgumentException("transform is not drawn by the PNG writer "
          + "(it reads rotate, translate, scale): " + spec);
    }
    return t;
  }

  private static Color colour(String spec, double opacity) {
    String s = spec.strip();
    int alpha = (int) Math.round(255 * Math.max(0, Math.min(1, opacity)));
    if (s.startsWith("#") && (s.length() == 7 || s.length() == 4)) {
      String hex = s.length() == 7 ? s.substring(1) : "" + s.charAt(1) + s.charAt(1)
          + s.charAt(2) + s.charAt(2) + s.charAt(3) + s.charAt(3);
      try {
        int rgb = Integer.parseInt(hex, 16);
        return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("colour is not #RRGGBB: " + spec, e);
      }
    }
    Color named = NAMED.get(s.toLowerCase(Locale.ROOT));
    if (named != null) {
      return new Color(named.getRed(), named.getGreen(), named.getBlue(), alpha);
    }
    throw new IllegalArgumentException("colour is not drawn by the PNG writer (it reads #RRGGBB,"
        + " #RGB and black, white, gray, red): " + spec);
  }

  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        out.add((Element) n);
      }
    }
    return out;
  }

  private static double number(Element e, String name, double absent) {
    String v = e.getAttribute(name);
    if (v.isEmpty()) {
      return absent;
    }
    String s = v.strip();
    if (s.endsWith("px")) {
      s = s.substring(0, s.length() - 2);
    }
    if (s.endsWith("%")) {
      return parseNumber(s.substring(0, s.length() - 1), name) / 100.0;
    }
    return parseNumber(s, name + " of <" + e.getTagName() + ">");
  }

  private static double[] numbers(String s, String what) {
    String t = s.strip();
    if (t.isEmpty()) {
      return new double[0];
    }
    return Arrays.stream(t.split("[\\s,]+")).mapToDouble(x -> parseNumber(x, what)).toArray();
  }

  private static double parseNumber(String s, String what) {
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException("not finite");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number in " + what + ": " + s, e);
    }
  }

  /** PNG with a pHYs chunk (pixels per metre) and nothing else beyond the pixels. */
  private static byte[] encode(BufferedImage image, int dotsPerInch) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata = writer.getDefaultImageMetadata(
          ImageTypeSpecifier.createFromRenderedImage(image), param);
      String perMetre = Long.toString(Math.round(dotsPerInch / METRES_PER_INCH));
      IIOMetadataNode phys = new IIOMetadataNode("pHYs");
      phys.setAttribute("pixelsPerUnitXAxis", perMetre);
      phys.setAttribute("pixelsPerUnitYAxis", perMetre);
      phys.setAttribute("unitSpecifier", "meter");
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      root.appendChild(phys);
      metadata.mergeTree("javax_imageio_png_1.0", root);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, metadata), param);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode PNG", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Presentation attributes as SVG inherits them from group to child. */
  private static final class Style {
    private String fill = "#000000";
    private String stroke;
    private double fillOpacity = 1;
    private double strokeOpacity = 1;
    private double opacity = 1;
    private double strokeWidth = 1;
    private float[] dash;
    private int join = BasicStroke.JOIN_MITER;
    private int cap = BasicStroke.CAP_BUTT;
    private String fontFamily = "sans-serif";
    private double fontSize = 16;
    private boolean bold;
    private String anchor = "start";

    static Style initial() {
      return new Style();
    }

    private Style copy() {
      Style s = new Style();
      s.fill = fill;
      s.stroke = stroke;
      s.fillOpacity = fillOpacity;
      s.strokeOpacity = strokeOpacity;
      s.opacity = 1; // opacity is not inherited; applied per shape below as a product
      s.strokeWidth = strokeWidth;
      s.dash = dash;
      s.join = join;
      s.cap = cap;
      s.fontFamily = fontFamily;
      s.fontSize = fontSize;
      s.bold = bold;
      s.anchor = anchor;
      return s;
    }

    Style withoutFill() {
      Style s = copy();
      s.opacity = opacity;
      s.fill = null;
      return s;
    }

    Style inherit(Element e) {
      Style s = copy();
      s.opacity = opacity; // group opacity approximated by multiplying into the children
      String v;
      if (!(v = e.getAttribute("fill")).isEmpty()) {
        s.fill = "none".equals(v) ? null : v;
      }
      if (!(v = e.getAttribute("stroke")).isEmpty()) {
        s.stroke = "none".equals(v) ? null : v;
      }
      if (!(v = e.getAttribute("fill-opacity")).isEmpty()) {
        s.fillOpacity = parseNumber(v, "fill-opacity");
      }
      if (!(v = e.getAttribute("stroke-opacity")).isEmpty()) {
        s.strokeOpacity = parseNumber(v, "stroke-opacity");
      }
      if (!(v = e.getAttribute("opacity")).isEmpty()) {
        s.opacity *= parseNumber(v, "opacity");
      }
      if (!(v = e.getAttribute("stroke-width")).isEmpty()) {
        s.strokeWidth = parseNumber(v.replace("px", ""), "stroke-width");
      }
      if (!(v = e.getAttribute("stroke-dasharray")).isEmpty()) {
        if ("none".equals(v)) {
          s.dash = null;
        } else {
          double[] d = numbers(v, "stroke-dasharray");
          s.dash = new float[d.length];
          boolean positive = false;
          for (int i = 0; i < d.length; i++) {
            s.dash[i] = (float) d[i];
            positive |= d[i] > 0;
          }
          if (!positive) {
            s.dash = null;
          }
        }
      }
      if (!(v = e.getAttribute("stroke-linejoin")).isEmpty()) {
        s.join = switch (v) {
          case "round" -> BasicStroke.JOIN_ROUND;
          case "bevel" -> BasicStroke.JOIN_BEVEL;
          default -> BasicStroke.JOIN_MITER;
        };
      }
      if (!(v = e.getAttribute("stroke-linecap")).isEmpty()) {
        s.cap = switch (v) {
          case "round" -> BasicStroke.CAP_ROUND;
          case "square" -> BasicStroke.CAP_SQUARE;
          default -> BasicStroke.CAP_BUTT;
        };
      }
      if (!(v = e.getAttribute("font-family")).isEmpty()) {
        s.fontFamily = v;
      }
      if (!(v = e.getAttribute("font-size")).isEmpty()) {
        s.fontSize = parseNumber(v.replace("px", ""), "font-size");
      }
      if (!(v = e.getAttribute("font-weight")).isEmpty()) {
        s.bold = "bold".equals(v) || "bolder".equals(v) || v.matches("[6-9]00");
      }
      if (!(v = e.getAttribute("text-anchor")).isEmpty()) {
        s.anchor = v;
      }
      return s;
    }

    BasicStroke basicStroke() {
      float w = (float) strokeWidth;
      return dash == null ? new BasicStroke(w, cap, join, 10f)
          : new BasicStroke(w, cap, join, 10f, dash.clone(), 0f);
    }
  }
}
