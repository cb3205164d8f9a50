package org.backstrat.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses chart output with the JDK's XML parser (so it must be well-formed) and reads it back. */
final class SvgAssertions {
  private SvgAssertions() {
  }

  static Document parse(String svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed SVG: " + e.getMessage() + "\n" + svg, e);
    }
  }

  /** @return every text content of {@code <text>} elements, in document order */
  static List<String> texts(Document d) {
    NodeList nodes = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  static List<Element> elements(Document d, String tag) {
    NodeList nodes = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  /** Checks the parts every chart must have: root svg, title, description, and the given texts. */
  static Document assertChart(String svg, String title, String... visibleTexts) {
    Document d = parse(svg);
    Element root = d.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getAttribute("role")).isEqualTo("img");
    assertThat(root.getAttribute("viewBox")).matches("0 0 [0-9.]+ [0-9.]+");
    List<Element> titles = elements(d, "title");
    assertThat(titles).isNotEmpty();
    assertThat(titles.get(0).getTextContent()).isEqualTo(title);
    assertThat(elements(d, "desc")).hasSize(1);
    assertThat(texts(d)).contains(title).contains(visibleTexts);
    assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("href");
    return d;
  }
}
