package org.backstrat.report.html;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backstrat.report.html.ReportView.Block;
import org.backstrat.report.html.ReportView.Figure;
import org.backstrat.report.html.ReportView.FigureGrid;
import org.backstrat.report.html.ReportView.Paragraph;
import org.backstrat.report.html.ReportView.Section;
import org.backstrat.report.html.ReportView.Subheading;
import org.backstrat.report.html.ReportView.Table;
import org.backstrat.report.html.ReportView.TocEntry;
import org.backstrat.report.model.Addition;
import org.backstrat.report.model.DecisionCurves;
import org.backstrat.report.model.Exclusion;
import org.backstrat.report.model.ParticipantFlow;
import org.backstrat.report.model.ReportInput;
import org.backstrat.report.model.StratumReport;
import org.backstrat.report.model.ValidationResult;
import org.backstrat.report.model.VariantReport;
import org.backstrat.report.svg.FlowDiagram;
import org.backstrat.report.table.NumberText;
import org.backstrat.report.table.ReportTable;
import org.backstrat.report.table.ReportTables;

/**
 * Renders a {@link ReportInput} as one self-contained HTML5 page: inline CSS and SVG, no
 * scripts, no external fonts, images or links, a Content-Security-Policy that forbids every
 * network load, a table of contents with in-page anchors, and print styles with a page break
 * between sections. Every table printed is one of {@link ReportTables#all(ReportInput)} and names
 * its CSV twin under {@code tables/}. Text is escaped by Pebble's HTML autoescaping; SVG comes
 * from the chart library, which escapes its own text. Same input, same bytes.
 */
public final class ReportRenderer {
  /** Directory of the CSV twins, relative to report.html. */
  public static final String TABLES_DIR = "tables";
  private static final String TEMPLATE = "org/backstrat/report/templates/report.peb";

  private final PebbleEngine engine;

  private ReportRenderer() {
    ClasspathLoader loader = new ClasspathLoader(ReportRenderer.class.getClassLoader());
    this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).defaultEscapingStrategy("html")
        .strictVariables(true).newLineTrimming(false).build();
  }

  /** @return a renderer with the built-in template */
  public static ReportRenderer withDefaults() {
    return new ReportRenderer();
  }

  /** @return the report as an HTML5 document */
  public String render(ReportInput input) {
    ReportView view = view(input);
    PebbleTemplate template = engine.getTemplate(TEMPLATE);
    StringWriter out = new StringWriter(1 << 16);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("report", view);
    try {
      template.evaluate(out, context);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render report", e);
    }
    return out.toString();
  }

  /** The anchors of the top-level sections, in order (for tests and links from other pages). */
  public static List<String> sectionAnchors() {
    return List.of("overview", "k-selection", "profiles", "projection", "tests", "validation", "decision-curves",
        "methods", "limitations");
  }

  /** Builds the page model; exposed to the package for tests. */
  ReportView view(ReportInput input) {
    Map<String, ReportTable> tables = new LinkedHashMap<>();
    for (ReportTable t : ReportTables.all(input)) {
      if (tables.put(t.name(), t) != null) {
        throw new IllegalArgumentException("two report tables are named " + t.name()
            + " (variant or model names too similar)");
      }
    }
    List<String> anchors = sectionAnchors();
    List<String> headings = List.of("Cohort overview and exclusions", "Choice of K", "Stratum profiles",
        "Projection", "Between-stratum tests", "Validation", "Decision curves", "Methods", "Limitations");
    List<Section> sections = new ArrayList<>();
    List<TocEntry> toc = new ArrayList<>();
    for (int s = 0; s < anchors.size(); s++) {
      String anchor = anchors.get(s);
      List<Block> blocks = new ArrayList<>();
      List<TocEntry> children = new ArrayList<>();
      switch (anchor) {
        case "overview" -> overview(input, tables, blocks);
        case "methods" -> methods(input, tables, blocks, children);
        case "limitations" -> limitations(input, blocks);
        default -> {
          for (VariantReport v : input.variants()) {
            String sub = anchor + "-" + ReportTables.slug(v.name()).replace('_', '-');
            blocks.add(new Subheading(sub, "Variant " + v.name()));
            children.add(new TocEntry(sub, "Variant " + v.name(), List.of()));
            variantSection(anchor, v, tables, blocks, input.whiskerRule());
          }
        }
      }
      sections.add(new Section(anchor, (s + 1) + ". " + headings.get(s), blocks));
      toc.add(new TocEntry(anchor, (s + 1) + ". " + headings.get(s), children));
    }
    List<String> warnings = new ArrayList<>();
    if (input.syntheticData()) {
      warnings.add(SYNTHETIC_DATA);
    }
    if (input.syntheticImagingModels()) {
      warnings.add(SYNTHETIC_IMAGING);
    }
    String created = DateTimeFormatter.ISO_INSTANT.format(input.createdAt().truncatedTo(ChronoUnit.SECONDS)
        .atOffset(ZoneOffset.UTC).toInstant());
    return new ReportView(input.title(), created, input.softwareVersion(), warnings, toc, sections);
  }

  /** Stated first in the page and in the limitations when the cohort is simulated. */
  static final String SYNTHETIC_DATA = "These data are synthetic: the cohort was simulated by backstrat, not "
      + "collected from people. The results show what the method does, not facts about low back pain.";
  /** Stated when imaging biomarkers come from models trained on synthetic phantoms. */
  static final String SYNTHETIC_IMAGING = "The imaging biomarkers come from models trained only on synthetic MRI "
      + "phantoms. They demonstrate the pipeline and have no proven clinical accuracy.";

  private static Table table(Map<String, ReportTable> tables, String name) {
    ReportTable t = tables.get(name);
    if (t == null) {
      throw new IllegalStateException("report table missing: " + name);
    }
    return new Table(t, TABLES_DIR + "/" + t.fileName());
  }

  private static String file(String name) {
    return TABLES_DIR + "/" + name + ".csv";
  }

  private static void overview(ReportInput in, Map<String, ReportTable> tables, List<Block> blocks) {
    long excluded = 0;
    for (Exclusion e : in.cohort().exclusions()) {
      excluded += e.count();
    }
    StringBuilder sb = new StringBuilder();
    sb.append(in.cohort().nRead()).append(" rows were read from ").append(in.cohort().source());
    sb.append(excluded > 0 ? "; " + excluded + " were excluded from every variant. " : ". ");
    for (VariantReport v : in.variants()) {
      sb.append("Variant ").append(v.name()).append(": ");
      ParticipantFlow f = v.flow();
      if (f != null && f.nExcludedMissing() > 0) {
        sb.append(f.nExcludedMissing()).append(" of ").append(f.nRead())
            .append(" people were left out for missing values (").append(f.excludedList())
            .append("); ");
      } else if (f != null && f.nImputed() > 0) {
        sb.append(f.nImputed()).append(" of ").append(f.nRead())
            .append(" people had missing values imputed (").append(f.imputation()).append("); ");
      } else if (f != null) {
        sb.append("nobody was left out; ");
      }
      sb.append(v.nUsed()).append(" people clustered into K = ")
          .append(v.k()).append(" strata, ").append(v.nOutliers()).append(" trimmed as outliers. ");
    }
    blocks.add(new Paragraph(sb.toString().trim(), false));
    List<Figure> flows = new ArrayList<>();
    for (VariantReport v : in.variants()) {
      if (v.flow() != null) {
        flows.add(new Figure(FlowDiagram.svg("flow-" + v.name(), v.name(), v.flow(),
            v.strata().stream().map(StratumReport::size).toList()),
            "Participant flow, variant " + v.name() + ": rows read, left out for missing "
                + "values, clustered, trimmed as outliers, in each stratum.", ""));
      }
    }
    if (!flows.isEmpty()) {
      blocks.add(new FigureGrid(flows));
    }
    blocks.add(table(tables, "cohort_exclusions"));
    blocks.add(table(tables, "variants"));
  }

  private static void variantSection(String anchor, VariantReport v, Map<String, ReportTable> tables,
                                     List<Block> blocks, String whiskerRule) {
    ReportCharts charts = new ReportCharts(v);
    additions(anchor, true, v, tables, blocks);
    switch (anchor) {
      case "k-selection" -> {
        blocks.add(new Paragraph("K = " + v.k() + " was used (" + v.method() + ", trim fraction α = "
            + NumberText.fixed(v.trimFraction(), 2) + "). Higher silhouette, Calinski–Harabasz and stability are "
            + "better; the gap rule takes the smallest K whose gap is within one SE of the next. Stability: "
            + "below 0.60 unstable, from 0.75 stable, from 0.85 highly stable (Hennig).", false));
        List<Figure> figs = new ArrayList<>();
        for (String svg : charts.selectionCharts()) {
          figs.add(new Figure(svg, "", ""));
        }
        blocks.add(new FigureGrid(figs));
        String trimmed = charts.trimmedObjectiveChart();
        if (trimmed != null) {
          blocks.add(new Figure(trimmed, "Objective of the trimmed clustering as the trim fraction grows, one line "
              + "per K; a bend marks where real outliers stop being trimmed.", file(ReportTables.nameFor(v, "trimmed_objective"))));
        }
        blocks.add(table(tables, ReportTables.nameFor(v, "selection")));
      }
      case "profiles" -> {
        blocks.add(new Paragraph("Labels are hints from the naming rule in the methods; the numbers are the "
            + "truth. Trimmed outliers are not part of any profile.", true));
        blocks.add(new Figure(charts.centroidHeatmap(), "Standardised centroids: each cell is the stratum's centre "
            + "in standard units of the feature (0 = cohort centre).", file(ReportTables.nameFor(v, "centroids_z"))));
        blocks.add(table(tables, ReportTables.nameFor(v, "centroids")));
        blocks.add(table(tables, ReportTables.nameFor(v, "strata")));
        List<String> featureCharts = charts.featureDistributionCharts(whiskerRule);
        if (!featureCharts.isEmpty()) {
          List<Figure> figs = new ArrayList<>();
          for (String svg : featureCharts) {
            figs.add(new Figure(svg, "", ""));
          }
          blocks.add(new Paragraph("Distributions of the numeric features per stratum: box Q1–Q3, thick line "
              + "median, " + whiskerRule + ". Numbers: " + file(ReportTables.nameFor(v, "feature_distributions"))
              + ".", true));
          blocks.add(new FigureGrid(figs));
        }
        blocks.add(new Figure(charts.lbpFrequencyChart(), "LBP frequency in the past 12 months, as a share of each "
            + "stratum.", file(ReportTables.nameFor(v, "lbp_frequency"))));
        blocks.add(table(tables, ReportTables.nameFor(v, "lbp_frequency")));
        blocks.add(new Figure(charts.bothersomenessChart(whiskerRule), "LBP bothersomeness (0–10) by stratum.",
            file(ReportTables.nameFor(v, "strata"))));
      }
      case "projection" -> {
        String svg = charts.projectionChart();
        if (svg == null) {
          blocks.add(new Paragraph("No projection was computed for this variant.", false));
        } else {
          blocks.add(new Figure(svg, v.projection().method() + ". Colour and shape give the stratum; crosses mark "
              + "trimmed outliers (shown at their coordinates, assigned to no profile). No identifiers are shown.", ""));
        }
      }
      case "tests" -> {
        blocks.add(new Paragraph("Tests across strata among the people kept by the clustering. p-values below "
            + "0.001 are printed as “< 0.001”; hover a p-value for its exact value, which the CSV also holds.", true));
        blocks.add(table(tables, ReportTables.nameFor(v, "tests")));
      }
      case "validation" -> {
        blocks.add(table(tables, ReportTables.nameFor(v, "validation")));
        List<Figure> figs = new ArrayList<>();
        for (ValidationResult r : v.validation()) {
          figs.add(new Figure(charts.confusionChart(r), "Held-out predictions of " + r.folds()
              + "-fold cross-validation, mean count of the " + r.repeats() + " repeats: each "
              + "person is counted once, so a row sums to its stratum's size; rows are the strata "
              + "from the clustering.",
              file(ReportTables.nameFor(v, "confusion_" + ReportTables.slug(r.model())))));
        }
        blocks.add(new FigureGrid(figs));
        for (ValidationResult r : v.validation()) {
          blocks.add(table(tables, ReportTables.nameFor(v, "confusion_" + ReportTables.slug(r.model()))));
        }
      }
      case "decision-curves" -> {
        DecisionCurves d = v.decisionCurves();
        String svg = charts.decisionCurveChart();
        if (svg == null) {
          blocks.add(new Paragraph("No decision curves were computed for this variant.", false));
        } else {
          String range = d.hasSuperiorRange()
              ? "The stratification has a higher net benefit than both treat-all and treat-none for thresholds "
                  + NumberText.fixed(d.superiorFrom(), 2) + " to " + NumberText.fixed(d.superiorTo(), 2) + " (shaded)."
              : "There is no threshold where the stratification beats both treat-all and treat-none.";
          blocks.add(new Paragraph("Outcome " + d.outcome() + ", prevalence " + NumberText.percent(d.prevalence())
              + ". Risks of the stratification are the outcome rate of the person's stratum, estimated out of fold. "
              + range + (d.bootstrapReplicates() > 0 ? " Bands: 95% percentile intervals over "
              + d.bootstrapReplicates() + " bootstrap replicates." : ""), false));
          blocks.add(new Figure(svg, "Net benefit against threshold probability; the y axis is cut at the bottom "
              + "where treat-all falls far below zero. Treat-none is the line at 0, drawn last.",
              file(ReportTables.nameFor(v, "decision_curves"))));
          String nia = charts.netInterventionsAvoidedChart();
          if (nia != null) {
            blocks.add(new Figure(nia, "Net interventions avoided per 100 people compared with treating everyone: "
                + "how many fewer people are treated at the same net benefit (above 0 is better than treat-all; the axis is "
                + "cut at -100 where low thresholds make the difference explode).",
                file(ReportTables.nameFor(v, "decision_curves"))));
          }
        }
      }
      default -> throw new IllegalStateException("unknown section " + anchor);
    }
    additions(anchor, false, v, tables, blocks);
  }

  /** The analysis's own paragraphs and tables for this section, before or after the fixed ones. */
  private static void additions(String anchor, boolean first, VariantReport v,
                                Map<String, ReportTable> tables, List<Block> blocks) {
    for (Addition a : v.additions()) {
      if (a.section().equals(anchor) && a.first() == first) {
        if (a.svg() != null) {
          blocks.add(new Figure(a.svg(), a.text(), file(ReportTables.nameFor(v, a.table().what()))));
        } else if (a.text() != null) {
          blocks.add(new Paragraph(a.text(), a.note()));
        } else {
          blocks.add(table(tables, ReportTables.nameFor(v, a.table().what())));
        }
      }
    }
  }

  private static void methods(ReportInput in, Map<String, ReportTable> tables, List<Block> blocks,
                              List<TocEntry> children) {
    for (String p : in.methodsParagraphs()) {
      blocks.add(new Paragraph(p, false));
    }
    blocks.add(new Paragraph("Software: backstrat " + in.softwareVersion() + ". Report created "
        + DateTimeFormatter.ISO_INSTANT.format(in.createdAt().truncatedTo(ChronoUnit.SECONDS)) + ".", false));
    for (VariantReport v : in.variants()) {
      String sub = "methods-" + ReportTables.slug(v.name()).replace('_', '-');
      blocks.add(new Subheading(sub, "Settings, variant " + v.name()));
      children.add(new TocEntry(sub, "Settings, variant " + v.name(), List.of()));
      blocks.add(table(tables, ReportTables.nameFor(v, "settings")));
    }
    if (!in.references().isEmpty()) {
      blocks.add(new Subheading("references", "References"));
      children.add(new TocEntry("references", "References", List.of()));
      for (String r : in.references()) {
        blocks.add(new Paragraph(r, false));
      }
    }
  }

  private static void limitations(ReportInput in, List<Block> blocks) {
    if (in.syntheticData()) {
      blocks.add(new Paragraph(SYNTHETIC_DATA, false));
    }
    if (in.syntheticImagingModels()) {
      blocks.add(new Paragraph(SYNTHETIC_IMAGING, false));
    }
    for (String p : in.limitationsParagraphs()) {
      blocks.add(new Paragraph(p, false));
    }
  }
}
