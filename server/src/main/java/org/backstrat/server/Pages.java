package org.backstrat.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.cohort.Variable;
import org.backstrat.core.scoring.Construct;
import org.backstrat.core.scoring.Instrument;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.Placement;
import org.backstrat.model.person.PersonAssigner;
import org.backstrat.model.person.ProfileRow;
import org.backstrat.model.person.ScreeningScores;
import org.backstrat.model.person.StratumProbability;
import org.backstrat.model.person.VariantAssessment;
import org.backstrat.server.registry.ModelIdentity;

/**
 * The clinician's pages, written as HTML5 with no script at all: the form (questionnaire items
 * in the clinic's wording or the construct labels, demographics, optional imaging) and the result
 * (per variant the stratum, its description, a bar chart of the probabilities as inline SVG, the
 * outlier warning, the reasons and the profile table; the screening tools' risk groups beside).
 * Every text that is not a constant of this class goes through {@link #escape}. Styling comes
 * from {@code /static/backstrat.css} (the CSP forbids inline styles and every other origin).
 */
final class Pages {
  private static final String[] SBT_ANSWERS = {"Disagree", "Agree"};
  private static final String[] SBT_9_ANSWERS = {"Not at all", "Slightly", "Moderately",
      "Very much", "Extremely"};
  private static final String[] OMPSQ_1_ANSWERS = {"0–1 week", "1–2 weeks", "3–4 weeks",
      "4–5 weeks", "6–8 weeks", "9–11 weeks", "3–6 months", "6–9 months", "9–12 months",
      "over 1 year"};

  private final ItemWording wording;
  private final FrozenModel model;
  private final ModelIdentity identity;

  Pages(ItemWording wording, FrozenModel model, ModelIdentity identity) {
    this.wording = wording;
    this.model = model;
    this.identity = identity;
  }

  /** HTML-escapes text for element content and attribute values. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static StringBuilder head(String title) {
    StringBuilder sb = new StringBuilder(16 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>").append(escape(title)).append("</title>"
        + "<link rel=\"stylesheet\" href=\"/static/backstrat.css\"></head><body>"
        + "<header><h1>backstrat</h1><p>Low back pain stratification — one person at a time. "
        + "Decision support, not a diagnosis.</p></header><main>");
    return sb;
  }

  private String foot(StringBuilder sb) {
    sb.append("</main><footer>Model <code>").append(escape(identity.sha256().substring(0, 12)))
        .append("</code> (").append(escape(identity.schema())).append(", made ")
        .append(escape(identity.createdAt())).append("), backstrat ")
        .append(escape(identity.softwareVersion())).append(". Item wording: ")
        .append(escape(wording.source())).append(".</footer></body></html>\n");
    return sb.toString();
  }

  /**
   * The form, pre-filled with {@code values} (field → text as entered) and the {@code problems}
   * of a previous submission beside their fields.
   */
  String form(String csrf, Map<String, String> values, List<InputProblem> problems) {
    StringBuilder sb = head("backstrat — assess one person");
    if (!problems.isEmpty()) {
      sb.append("<section class=\"errors\" id=\"errors\"><h2>Please correct ")
          .append(problems.size()).append(problems.size() == 1 ? " field" : " fields")
          .append("</h2><ul>");
      for (InputProblem p : problems) {
        sb.append("<li data-field=\"").append(escape(p.column())).append("\"><b>")
            .append(escape(p.column())).append("</b>: ").append(escape(p.value()))
            .append(" — expected ").append(escape(p.expected())).append("</li>");
      }
      sb.append("</ul></section>");
    }
    sb.append("<form method=\"post\" action=\"/assess\" id=\"assess\">"
        + "<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(csrf)).append("\">");
    sb.append("<fieldset><legend>Person</legend>");
    text(sb, values, "person_id", "Pseudonymous id (never a name)", "e.g. clinic-0042", true);
    select(sb, values, "sex", "Sex", new String[] {"female", "male"},
        new String[] {"Female", "Male"}, false);
    number(sb, values, "age", "Age (years, optional)", "0", "120", "any");
    number(sb, values, "bmi", "BMI (kg/m²)", "10", "80", "any");
    select(sb, values, "smoking", "Smoking", new String[] {"never", "former", "current"},
        new String[] {"Never", "Former", "Current"}, false);
    sb.append("</fieldset>");
    sb.append("<fieldset><legend>STarT Back Tool (leave blank if not given)</legend>");
    for (Construct c : Instrument.SBT.constructs()) {
      String col = c.standardColumn();
      String label = c.position() + ". " + wording.text(col);
      if (c.maxAnswer() == 1) {
        codes(sb, values, col, label, SBT_ANSWERS, 0);
      } else {
        codes(sb, values, col, label, SBT_9_ANSWERS, 0);
      }
    }
    sb.append("</fieldset>");
    sb.append("<fieldset><legend>ÖMPSQ short form (leave blank if not given)</legend>");
    for (Construct c : Instrument.OMPSQ.constructs()) {
      String col = c.standardColumn();
      String label = c.position() + ". " + wording.text(col);
      if (c == Construct.OMPSQ_DURATION) {
        codes(sb, values, col, label, OMPSQ_1_ANSWERS, 1);
      } else {
        String[] codes = new String[11];
        for (int i = 0; i <= 10; i++) {
          codes[i] = Integer.toString(i);
        }
        select(sb, values, col, label + " (0–10)", codes, codes, true);
      }
    }
    sb.append("</fieldset>");
    sb.append("<fieldset><legend>MRI findings (optional: leave blank without imaging)</legend>");
    String[] grades = {"1", "2", "3", "4", "5"};
    for (String level : CohortSchema.DISC_LEVELS) {
      select(sb, values, "pfirrmann_" + level, "Pfirrmann grade " + levelWords(level), grades,
          grades, true);
    }
    for (String level : CohortSchema.FACET_LEVELS) {
      for (String side : List.of("left", "right")) {
        number(sb, values, "facet_angle_" + level + "_" + side, "Facet angle "
            + levelWords(level) + " " + side + " (degrees)", "0", "90", "any");
      }
    }
    sb.append("</fieldset><p><button type=\"submit\" id=\"submit\">Assess</button></p></form>");
    sb.append("<section><h2>This model</h2><ul>");
    for (var v : model.variants()) {
      sb.append("<li><b>").append(escape(v.name())).append("</b>: ").append(v.k())
          .append(" strata (");
      for (int c = 0; c < v.k(); c++) {
        sb.append(c == 0 ? "" : ", ").append(escape(v.strata().get(c).label()));
      }
      sb.append("); features ").append(escape(String.join(", ", v.featureNames())))
          .append("</li>");
    }
    sb.append("</ul></section>");
    return foot(sb);
  }

  private static String levelWords(String level) {
    return level.substring(0, 2).toUpperCase(Locale.ROOT) + "/"
        + level.substring(2).toUpperCase(Locale.ROOT);
  }

  private static void text(StringBuilder sb, Map<String, String> values, String name,
                           String label, String placeholder, boolean required) {
    sb.append("<label for=\"").append(name).append("\">").append(escape(label))
        .append("</label><input type=\"text\" id=\"").append(name).append("\" name=\"")
        .append(name).append("\" placeholder=\"").append(escape(placeholder))
        .append("\" maxlength=\"64\"").append(required ? " required" : "")
        .append(" value=\"").append(escape(values.getOrDefault(name, ""))).append("\">");
  }

  private static void number(StringBuilder sb, Map<String, String> values, String name,
                             String label, String min, String max, String step) {
    sb.append("<label for=\"").append(name).append("\">").append(escape(label))
        .append("</label><input type=\"number\" id=\"").append(name).append("\" name=\"")
        .append(name).append("\" min=\"").append(min).append("\" max=\"").append(max)
        .append("\" step=\"").append(step).append("\" value=\"")
        .append(escape(values.getOrDefault(name, ""))).append("\">");
  }

  private static void codes(StringBuilder sb, Map<String, String> values, String name,
                            String label, String[] answers, int firstCode) {
    String[] codes = new String[answers.length];
    String[] words = new String[answers.length];
    for (int i = 0; i < answers.length; i++) {
      codes[i] = Integer.toString(firstCode + i);
      words[i] = codes[i] + " — " + answers[i];
    }
    select(sb, values, name, label, codes, words, true);
  }

  private static void select(StringBuilder sb, Map<String, String> values, String name,
                             String label, String[] codes, String[] words, boolean blank) {
    String chosen = values.getOrDefault(name, "");
    sb.append("<label for=\"").append(name).append("\">").append(escape(label))
        .append("</label><select id=\"").append(name).append("\" name=\"").append(name)
        .append("\">");
    if (blank || chosen.isEmpty()) {
      sb.append("<option value=\"\">").append(blank ? "—" : "choose").append("</option>");
    }
    for (int i = 0; i < codes.length; i++) {
      sb.append("<option value=\"").append(escape(codes[i])).append('"')
          .append(codes[i].equals(chosen) ? " selected" : "").append('>')
          .append(escape(words[i])).append("</option>");
    }
    sb.append("</select>");
  }

  /** The result page of one assessment. */
  String result(Assessor.Assessed a) {
    StringBuilder sb = head("backstrat — result");
    sb.append("<p class=\"meta\">Assessment <code id=\"assessment-id\">")
        .append(escape(a.assessmentId())).append("</code> for <b id=\"person-id\">")
        .append(escape(a.assessment().person().id())).append("</b>, ")
        .append(escape(a.assessedAt().toString())).append(" — stored in the registry.</p>");
    ScreeningScores s = a.assessment().screening();
    sb.append("<section id=\"screening\"><h2>Screening tools on their own</h2><ul>");
    if (s.sbtRisk().isPresent()) {
      sb.append("<li id=\"sbt-risk\">STarT Back: <b>").append(s.sbtRisk().get().level())
          .append(" risk</b> (total ").append(PersonAssigner.number(s.sbtTotal()))
          .append(", psychosocial subscale ").append(PersonAssigner.number(s.sbtPsychosocial()))
          .append(")</li>");
    }
    if (s.ompsqHighRisk().isPresent()) {
      sb.append("<li id=\"ompsq-risk\">ÖMPSQ-short: <b>")
          .append(s.ompsqHighRisk().get() ? "high risk" : "not high risk")
          .append("</b> (total ").append(PersonAssigner.number(s.ompsqTotal()))
          .append("; high risk from 50)</li>");
    }
    sb.append("</ul></section>");
    for (VariantAssessment v : a.assessment().variants()) {
      variant(sb, v);
    }
    sb.append("<p><a href=\"/\" id=\"again\">Assess another person</a></p>");
    return foot(sb);
  }

  private static void variant(StringBuilder sb, VariantAssessment v) {
    String id = "variant-" + escape(v.variant());
    sb.append("<section class=\"variant\" id=\"").append(id).append("\"><h2>")
        .append(escape(v.variant())).append(" variant</h2>");
    if (v.placement().isEmpty()) {
      String reason = v.reason().isEmpty() ? "" : Character.toUpperCase(v.reason().charAt(0))
          + v.reason().substring(1);
      sb.append("<p class=\"stratum none\">").append(escape(reason)).append(".</p></section>");
      return;
    }
    Placement p = v.placement().get();
    sb.append("<p class=\"stratum\">Stratum <b class=\"label\">")
        .append(escape(p.stratum().label())).append("</b> (").append(p.stratum().id())
        .append(") with probability ").append(percent(p.probability(p.stratum().id())))
        .append("</p>");
    if (v.basis() == VariantAssessment.Basis.FALLBACK) {
      sb.append("<p class=\"basis fallback warning\">Without imaging: this stratum comes from "
          + "the fallback model (questionnaire and demographics only), cross-validated "
          + "accuracy <b class=\"fallback-accuracy\">").append(Double.isFinite(v.basisAccuracy())
          ? percent(v.basisAccuracy()) : "unknown").append("</b>. It is less sure than a "
          + "stratum from full data; missing: ").append(escape(String.join(", ",
          v.missingFeatures()))).append(".</p>");
    } else {
      sb.append("<p class=\"basis\">Nearest stratum centre of the clustering");
      if (Double.isFinite(v.basisAccuracy())) {
        sb.append("; the strata are predicted from these features with cross-validated "
            + "accuracy ").append(percent(v.basisAccuracy()));
      }
      sb.append(".</p>");
    }
    sb.append("<p class=\"description\">").append(escape(v.description())).append("</p>");
    if (v.outlierWarning().isPresent()) {
      sb.append("<p class=\"warning outlier\">").append(escape(v.outlierWarning().get()))
          .append("</p>");
    }
    chart(sb, v.probabilities());
    if (!v.reasons().isEmpty()) {
      sb.append("<h3>Why this stratum</h3><ul class=\"reasons\">");
      for (String r : v.reasons()) {
        sb.append("<li>").append(escape(r)).append("</li>");
      }
      sb.append("</ul>");
    }
    sb.append("<h3>The person against each stratum's centre</h3><table class=\"profile\">"
        + "<thead><tr><th>Feature</th><th>This person</th>");
    for (StratumProbability sp : v.probabilities()) {
      sb.append("<th>").append(escape(sp.stratum().label())).append("</th>");
    }
    sb.append("<th>Cohort typical</th></tr></thead><tbody>");
    for (ProfileRow r : v.profile()) {
      sb.append("<tr><td>").append(escape(r.words())).append("</td><td class=\"person\">")
          .append(PersonAssigner.number(r.personValue())).append("</td>");
      for (double c : r.stratumCentres()) {
        sb.append("<td>").append(PersonAssigner.number(c)).append("</td>");
      }
      sb.append("<td>").append(PersonAssigner.number(r.cohortCentre())).append("</td></tr>");
    }
    sb.append("</tbody></table></section>");
  }

  /** A horizontal bar per stratum, as inline SVG (no script, no style attribute). */
  private static void chart(StringBuilder sb, List<StratumProbability> probs) {
    int rowHeight = 26;
    int height = rowHeight * probs.size() + 8;
    sb.append("<svg class=\"chart\" role=\"img\" aria-label=\"probability per stratum\" "
        + "width=\"480\" height=\"").append(height).append("\" viewBox=\"0 0 480 ")
        .append(height).append("\">");
    int y = 4;
    for (StratumProbability sp : probs) {
      double w = Math.max(0, Math.min(1, sp.probability())) * 260;
      sb.append("<text x=\"0\" y=\"").append(y + 17).append("\" class=\"chart-label\">")
          .append(escape(sp.stratum().label())).append("</text><rect x=\"150\" y=\"")
          .append(y + 3).append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", w))
          .append("\" height=\"18\" class=\"bar\"></rect><text x=\"")
          .append(String.format(Locale.ROOT, "%.1f", 156 + w)).append("\" y=\"")
          .append(y + 17).append("\" class=\"chart-value\" data-stratum=\"")
          .append(escape(sp.stratum().label())).append("\">").append(percent(sp.probability()))
          .append("</text>");
      y += rowHeight;
    }
    sb.append("</svg>");
  }

  private static String percent(double p) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * p);
  }

  /** The login page (only when a token is required). */
  String login(boolean failed) {
    StringBuilder sb = head("backstrat — sign in");
    if (failed) {
      sb.append("<section class=\"errors\"><p>That token is not right.</p></section>");
    }
    sb.append("<form method=\"post\" action=\"/login\"><label for=\"token\">Access token"
        + "</label><input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"off\" "
        + "required><p><button type=\"submit\">Sign in</button></p></form>");
    return foot(sb);
  }

  /** A short error page. */
  String error(int status, String message) {
    StringBuilder sb = head("backstrat — " + status);
    sb.append("<section class=\"errors\"><h2>").append(status).append("</h2><p>")
        .append(escape(message)).append("</p></section><p><a href=\"/\">Back to the form</a></p>");
    return foot(sb);
  }

  /** Field names of the form, in order (person_id and the person fields). */
  static List<String> fieldNames() {
    List<String> out = new java.util.ArrayList<>();
    out.add(PersonJson.PERSON_ID_FIELD);
    for (Variable v : org.backstrat.model.person.PersonRecord.fields()) {
      out.add(v.name());
    }
    return out;
  }
}
