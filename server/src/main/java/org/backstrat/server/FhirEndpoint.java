package org.backstrat.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.scoring.Construct;
import org.backstrat.core.scoring.Instrument;
import org.backstrat.model.Placement;
import org.backstrat.model.person.PersonAssessment;
import org.backstrat.model.person.PersonRecord;
import org.backstrat.model.person.StratumProbability;
import org.backstrat.model.person.VariantAssessment;
import org.backstrat.server.registry.RegistryUnavailableException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.Type;
import org.eclipse.jetty.http.HttpHeader;

/**
 * FHIR R4 with HAPI FHIR's structures and parser:
 * <ul>
 *   <li>{@code GET /fhir/Questionnaire/sbt} and {@code /fhir/Questionnaire/ompsq-short}: the two
 *       questionnaires (item linkIds are the cohort columns {@code sbt_1}.., texts the clinic's
 *       wording or the construct labels); {@code GET /fhir/Questionnaire} lists both;</li>
 *   <li>{@code POST /fhir/QuestionnaireResponse/$assess}: a Bundle (or a QuestionnaireResponse
 *       with contained resources) holding one or two QuestionnaireResponses, a Patient (gender,
 *       identifier = the pseudonymous id) and Observations — BMI (LOINC {@value #LOINC_BMI}),
 *       smoking status (LOINC {@value #LOINC_SMOKING} with SNOMED CT answers), age (LOINC
 *       {@value #LOINC_AGE}) and imaging biomarkers (system {@value #BIOMARKER_SYSTEM}, codes =
 *       cohort columns such as {@code pfirrmann_l4l5}) — answered with a Bundle of one
 *       RiskAssessment per assigned variant (a prediction per stratum with its probability, the
 *       rationale on the assigned one, notes with the screening tools' groups and warnings)
 *       plus an OperationOutcome naming variants that could not be assigned;</li>
 *   <li>every error as an OperationOutcome with one issue per field and a FHIRPath expression.</li>
 * </ul>
 */
final class FhirEndpoint {
  static final String LOINC = "http://loinc.org";
  static final String SNOMED = "http://snomed.info/sct";
  static final String LOINC_BMI = "39156-5";
  static final String LOINC_SMOKING = "72166-2";
  static final String LOINC_AGE = "30525-0";
  static final String BIOMARKER_SYSTEM = "urn:backstrat:biomarker";
  static final String ANSWER_SYSTEM = "urn:backstrat:answer";
  static final String QUESTIONNAIRE_BASE = "urn:backstrat:Questionnaire:";
  static final String ASSESSMENT_SYSTEM = "urn:backstrat:assessment";
  static final String PERSON_SYSTEM = "urn:backstrat:person";
  static final String MODEL_SYSTEM = "urn:backstrat:model";
  static final String STRATUM_SYSTEM = "urn:backstrat:stratum:";
  /** SNOMED CT smoking status codes, by the cohort's level. */
  static final Map<String, String> SMOKING_BY_SNOMED = Map.of(
      "266919005", "never",
      "8517006", "former",
      "77176002", "current",
      "449868002", "current",
      "428041000124106", "current",
      "428071000124103", "current",
      "428061000124105", "current");
  private static final String[] SBT_WORDS = {"Disagree", "Agree"};
  private static final String[] SBT_9_WORDS = {"Not at all", "Slightly", "Moderately",
      "Very much", "Extremely"};

  private final FhirContext context = FhirContext.forR4();
  private final Assessor assessor;
  private final ItemWording wording;

  FhirEndpoint(Assessor assessor, ItemWording wording) {
    this.assessor = assessor;
    this.wording = wording;
  }

  /** The questionnaire ids served. */
  static String questionnaireId(Instrument i) {
    return i == Instrument.SBT ? "sbt" : "ompsq-short";
  }

  void handle(HttpExchange x, int maxBody, ServerLog log) throws IOException,
      HttpExchange.TooLarge {
    String path = x.path();
    switch (path) {
      case "/fhir/metadata" -> {
        getOnly(x);
        send(x, 200, capability());
      }
      case "/fhir/Questionnaire" -> {
        getOnly(x);
        Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        b.setTotal(2);
        for (Instrument i : Instrument.values()) {
          b.addEntry().setResource(questionnaire(i));
        }
        send(x, 200, b);
      }
      case "/fhir/Questionnaire/sbt" -> {
        getOnly(x);
        send(x, 200, questionnaire(Instrument.SBT));
      }
      case "/fhir/Questionnaire/ompsq-short" -> {
        getOnly(x);
        send(x, 200, questionnaire(Instrument.OMPSQ));
      }
      case "/fhir/QuestionnaireResponse/$assess" -> {
        if (!x.method().equals("POST")) {
          throw new BackstratServer.WrongMethod("POST");
        }
        BackstratServer.requireMediaType(x, "application/fhir+json", "application/json");
        byte[] body = x.body(maxBody);
        PersonRecord person = person(parse(body));
        assessor.assess(person, "fhir").whenComplete((a, failure) -> {
          if (failure == null) {
            send(x, 200, answer(a));
          } else {
            Throwable f = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
            if (f instanceof RegistryUnavailableException) {
              x.response().getHeaders().put(HttpHeader.RETRY_AFTER, "1");
              refuse(x, 503, f.getMessage() + "; nothing was recorded: try again");
            } else {
              String incident = java.util.UUID.randomUUID().toString();
              log.internalError(incident, f);
              refuse(x, 500, "internal error: please report incident " + incident);
            }
          }
        });
      }
      default -> refuse(x, 404, "no such FHIR resource or operation here: GET "
          + "/fhir/Questionnaire/sbt, /fhir/Questionnaire/ompsq-short, /fhir/metadata; POST "
          + "/fhir/QuestionnaireResponse/$assess");
    }
  }

  private static void getOnly(HttpExchange x) {
    if (!x.method().equals("GET")) {
      throw new BackstratServer.WrongMethod("GET");
    }
  }

  private IBaseResource parse(byte[] body) {
    IParser p = context.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    try {
      return p.parseResource(new String(body, StandardCharsets.UTF_8));
    } catch (DataFormatException | ClassCastException | IllegalArgumentException e) {
      throw PersonJson.body(PersonJson.shorten(String.valueOf(e.getMessage())),
          "a FHIR R4 resource in JSON");
    }
  }

  /** Reads a person from a Bundle or a QuestionnaireResponse with contained resources. */
  PersonRecord person(IBaseResource root) {
    List<Resource> resources = new ArrayList<>();
    if (root instanceof Bundle b) {
      for (Bundle.BundleEntryComponent e : b.getEntry()) {
        if (e.getResource() != null) {
          resources.add(e.getResource());
        }
      }
    } else if (root instanceof QuestionnaireResponse qr) {
      resources.add(qr);
      resources.addAll(qr.getContained());
    } else {
      throw PersonJson.body(root.getClass().getSimpleName(),
          "a Bundle or a QuestionnaireResponse");
    }
    String id = null;
    for (Resource r : resources) {
      if (r instanceof Patient pt && pt.hasIdentifier()) {
        id = pt.getIdentifierFirstRep().getValue();
      }
    }
    for (Resource r : resources) {
      if (id == null && r instanceof QuestionnaireResponse qr && qr.getSubject().hasIdentifier()) {
        id = qr.getSubject().getIdentifier().getValue();
      }
    }
    PersonRecord.Builder b = PersonRecord.builder(id == null ? "?" : id);
    if (id == null) {
      b.reject("Patient.identifier", "nothing", "the pseudonymous id in Patient.identifier.value "
          + "(or QuestionnaireResponse.subject.identifier.value)");
    } else if (!PersonJson.PERSON_ID.matcher(id).matches()) {
      b.reject("Patient.identifier", PersonJson.quoted(id), PersonJson.PERSON_ID_WORDS);
    }
    int responses = 0;
    for (Resource r : resources) {
      if (r instanceof Patient pt) {
        patient(pt, b);
      } else if (r instanceof QuestionnaireResponse qr) {
        responses++;
        questionnaireResponse(qr, b);
      } else if (r instanceof Observation o) {
        observation(o, b);
      } else {
        b.reject(r.fhirType(), "a " + r.fhirType(), "only Patient, QuestionnaireResponse and "
            + "Observation resources");
      }
    }
    if (responses == 0) {
      b.reject("QuestionnaireResponse", "nothing", "at least one QuestionnaireResponse to "
          + QUESTIONNAIRE_BASE + "sbt or " + QUESTIONNAIRE_BASE + "ompsq-short");
    }
    return b.build();
  }

  private static void patient(Patient pt, PersonRecord.Builder b) {
    if (!pt.hasGender()) {
      return;
    }
    Enumerations.AdministrativeGender g = pt.getGender();
    if (g == Enumerations.AdministrativeGender.FEMALE) {
      b.category("sex", "female");
    } else if (g == Enumerations.AdministrativeGender.MALE) {
      b.category("sex", "male");
    } else {
      b.reject("sex", g.toCode(), "female or male in Patient.gender (the strata were learned "
          + "from these two)");
    }
  }

  private static void questionnaireResponse(QuestionnaireResponse qr, PersonRecord.Builder b) {
    String q = qr.getQuestionnaire();
    Instrument instrument = null;
    for (Instrument i : Instrument.values()) {
      String id = questionnaireId(i);
      if (q != null && (q.equals(QUESTIONNAIRE_BASE + id) || q.endsWith("Questionnaire/" + id))) {
        instrument = i;
      }
    }
    if (instrument == null) {
      b.reject("QuestionnaireResponse.questionnaire", q == null ? "nothing" : PersonJson.quoted(q),
          QUESTIONNAIRE_BASE + "sbt or " + QUESTIONNAIRE_BASE + "ompsq-short");
      return;
    }
    if (qr.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
        && qr.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED) {
      b.reject("QuestionnaireResponse.status", qr.getStatus() == null ? "nothing"
          : qr.getStatus().toCode(), "completed or amended");
    }
    List<String> columns = instrument.constructs().stream().map(Construct::standardColumn)
        .toList();
    for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : qr.getItem()) {
      String link = item.getLinkId();
      if (link == null || !columns.contains(link)) {
        b.reject("QuestionnaireResponse.item.linkId", link == null ? "nothing"
            : PersonJson.quoted(link), "an item of " + questionnaireId(instrument) + ": "
            + String.join(", ", columns));
        continue;
      }
      if (item.hasItem()) {
        b.reject(link, "nested items", "a flat item with one answer");
        continue;
      }
      if (item.getAnswer().size() != 1) {
        b.reject(link, item.getAnswer().size() + " answers", "exactly one answer");
        continue;
      }
      Type v = item.getAnswerFirstRep().getValue();
      answer(b, link, v);
    }
  }

  private static void answer(PersonRecord.Builder b, String column, Type v) {
    if (v instanceof IntegerType i && i.getValue() != null) {
      b.number(column, i.getValue());
    } else if (v instanceof DecimalType d && d.getValue() != null) {
      b.number(column, d.getValue().doubleValue());
    } else if (v instanceof Coding c && c.getCode() != null) {
      try {
        b.number(column, Integer.parseInt(c.getCode()));
      } catch (NumberFormatException e) {
        b.reject(column, PersonJson.quoted(c.getCode()), "a code of the item's answer options");
      }
    } else {
      b.reject(column, v == null ? "no value" : "a " + v.fhirType(),
          "valueCoding (an answer option), valueInteger or valueDecimal");
    }
  }

  private static void observation(Observation o, PersonRecord.Builder b) {
    if (o.getStatus() == Observation.ObservationStatus.CANCELLED
        || o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR) {
      return;
    }
    for (Coding c : o.getCode().getCoding()) {
      String system = c.getSystem();
      String code = c.getCode();
      if (LOINC.equals(system) && LOINC_BMI.equals(code)) {
        quantity(b, "bmi", o.getValue());
        return;
      }
      if (LOINC.equals(system) && LOINC_AGE.equals(code)) {
        quantity(b, "age", o.getValue());
        return;
      }
      if (LOINC.equals(system) && LOINC_SMOKING.equals(code)) {
        smoking(b, o.getValue());
        return;
      }
      if (BIOMARKER_SYSTEM.equals(system) && code != null) {
        String group = code.startsWith("pfirrmann_") || code.startsWith("facet_angle_")
            ? code : null;
        if (group == null || PersonRecord.field(code).isEmpty()) {
          b.reject("Observation.code", PersonJson.quoted(code), "a biomarker code: "
              + "pfirrmann_<level> or facet_angle_<level>_<side>");
          return;
        }
        Type v = o.getValue();
        if (v instanceof Quantity) {
          quantity(b, code, v);
        } else {
          answer(b, code, v);
        }
        return;
      }
    }
    b.reject("Observation.code", o.getCode().getCodingFirstRep().getSystem() + "|"
        + o.getCode().getCodingFirstRep().getCode(), "LOINC " + LOINC_BMI + " (BMI), "
        + LOINC_SMOKING + " (smoking status), " + LOINC_AGE + " (age) or " + BIOMARKER_SYSTEM
        + " codes");
  }

  private static void quantity(PersonRecord.Builder b, String column, Type v) {
    if (v instanceof Quantity q && q.getValue() != null) {
      b.number(column, q.getValue().doubleValue());
    } else {
      b.reject(column, v == null ? "no value" : "a " + v.fhirType(), "valueQuantity");
    }
  }

  private static void smoking(PersonRecord.Builder b, Type v) {
    if (v instanceof CodeableConcept cc) {
      for (Coding c : cc.getCoding()) {
        if (SNOMED.equals(c.getSystem()) && SMOKING_BY_SNOMED.containsKey(c.getCode())) {
          b.category("smoking", SMOKING_BY_SNOMED.get(c.getCode()));
          return;
        }
      }
    }
    b.reject("smoking", v == null ? "no value" : "a " + v.fhirType() + " without a known code",
        "valueCodeableConcept with SNOMED CT 266919005 (never), 8517006 (former) or 77176002 "
            + "(current)");
  }

  /** The answer: one RiskAssessment per assigned variant, and an OperationOutcome for the rest. */
  Bundle answer(Assessor.Assessed a) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle.setIdentifier(new Identifier().setSystem(ASSESSMENT_SYSTEM)
        .setValue(a.assessmentId()));
    bundle.setTimestamp(Date.from(a.assessedAt()));
    PersonAssessment pa = a.assessment();
    OperationOutcome notes = new OperationOutcome();
    for (VariantAssessment v : pa.variants()) {
      if (v.placement().isEmpty()) {
        notes.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
            .setCode(OperationOutcome.IssueType.INCOMPLETE).setDiagnostics(v.reason());
        continue;
      }
      bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.nameUUIDFromBytes(
          (a.assessmentId() + "/" + v.variant()).getBytes(StandardCharsets.UTF_8)))
          .setResource(riskAssessment(a, v));
    }
    if (notes.hasIssue()) {
      bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.nameUUIDFromBytes(
          (a.assessmentId() + "/notes").getBytes(StandardCharsets.UTF_8))).setResource(notes);
    }
    return bundle;
  }

  private RiskAssessment riskAssessment(Assessor.Assessed a, VariantAssessment v) {
    Placement p = v.placement().orElseThrow();
    RiskAssessment ra = new RiskAssessment();
    ra.addIdentifier().setSystem(ASSESSMENT_SYSTEM).setValue(a.assessmentId() + "/"
        + v.variant());
    ra.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
    ra.setSubject(new Reference().setIdentifier(new Identifier().setSystem(PERSON_SYSTEM)
        .setValue(a.assessment().person().id())));
    ra.setOccurrence(new DateTimeType(Date.from(a.assessedAt())));
    String sha = assessor.model().identity().sha256();
    ra.setMethod(new CodeableConcept(new Coding(MODEL_SYSTEM, sha, "backstrat model "
        + sha.substring(0, 12) + ", " + v.variant() + " variant"))
        .setText("backstrat " + v.variant() + " variant, basis "
            + v.basis().name().toLowerCase(Locale.ROOT)));
    ra.setCode(new CodeableConcept().setText("low back pain stratum (" + v.variant()
        + " variant)"));
    for (StratumProbability sp : v.probabilities()) {
      RiskAssessment.RiskAssessmentPredictionComponent pr = ra.addPrediction();
      pr.setOutcome(new CodeableConcept(new Coding(STRATUM_SYSTEM + v.variant(),
          Integer.toString(sp.stratum().id()), sp.stratum().label()))
          .setText(sp.stratum().label()));
      pr.setProbability(new DecimalType(BigDecimal.valueOf(sp.probability())));
      if (sp.stratum().id() == p.stratum().id()) {
        StringBuilder r = new StringBuilder(v.description());
        for (String reason : v.reasons()) {
          r.append(" ").append(reason).append('.');
        }
        pr.setRationale(r.toString());
      }
    }
    if (v.basis() == VariantAssessment.Basis.FALLBACK) {
      ra.addNote(new Annotation().setText("Assigned stratum: " + p.stratum().label()
          + ", from the fallback model without imaging (" + v.reason() + ")"));
    } else if (Double.isFinite(v.basisAccuracy())) {
      ra.addNote(new Annotation().setText("Assigned stratum: " + p.stratum().label()
          + "; cross-validated accuracy of predicting the strata from these features: "
          + String.format(Locale.ROOT, "%.3f", v.basisAccuracy())));
    }
    v.outlierWarning().ifPresent(w -> ra.addNote(new Annotation().setText(w)));
    var s = a.assessment().screening();
    s.sbtRisk().ifPresent(r -> ra.addNote(new Annotation().setText("STarT Back risk group: "
        + r.level())));
    s.ompsqHighRisk().ifPresent(h -> ra.addNote(new Annotation().setText("ÖMPSQ-short: "
        + (h ? "high risk" : "not high risk") + " (total " + (long) s.ompsqTotal() + ")")));
    return ra;
  }

  /** The questionnaire resource of an instrument. */
  Questionnaire questionnaire(Instrument instrument) {
    Questionnaire q = new Questionnaire();
    String id = questionnaireId(instrument);
    q.setId(id);
    q.setUrl(QUESTIONNAIRE_BASE + id);
    q.setName(instrument == Instrument.SBT ? "StartBackTool" : "OmpsqShortForm");
    q.setTitle(instrument.displayName() + " (item wording: " + wording.source() + ")");
    q.setStatus(Enumerations.PublicationStatus.ACTIVE);
    q.addSubjectType("Patient");
    for (Construct c : instrument.constructs()) {
      Questionnaire.QuestionnaireItemComponent item = q.addItem();
      item.setLinkId(c.standardColumn());
      item.setPrefix(Integer.toString(c.position()));
      item.setText(wording.text(c.standardColumn()));
      item.setRequired(true);
      item.setCode(List.of(new Coding("urn:backstrat:construct", c.key(), c.meaning())));
      if (instrument == Instrument.SBT) {
        item.setType(Questionnaire.QuestionnaireItemType.CHOICE);
        String[] words = c.maxAnswer() == 1 ? SBT_WORDS : SBT_9_WORDS;
        for (int k = 0; k < words.length; k++) {
          item.addAnswerOption().setValue(new Coding(ANSWER_SYSTEM, Integer.toString(k),
              words[k]));
        }
      } else {
        item.setType(Questionnaire.QuestionnaireItemType.INTEGER);
        item.addExtension("http://hl7.org/fhir/StructureDefinition/minValue",
            new IntegerType(c.minAnswer()));
        item.addExtension("http://hl7.org/fhir/StructureDefinition/maxValue",
            new IntegerType(c.maxAnswer()));
      }
    }
    return q;
  }

  private CapabilityStatement capability() {
    CapabilityStatement cs = new CapabilityStatement();
    cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
    cs.setDateElement(new DateTimeType(new Date(0)));
    cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
    cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    cs.addFormat("json");
    var rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    rest.addResource().setType("Questionnaire").addInteraction()
        .setCode(CapabilityStatement.TypeRestfulInteraction.READ);
    rest.addResource().setType("QuestionnaireResponse").addOperation().setName("assess")
        .setDefinition("urn:backstrat:OperationDefinition:assess");
    return cs;
  }

  void send(HttpExchange x, int status, IBaseResource r) {
    x.send(status, HttpExchange.FHIR_JSON, context.newJsonParser().encodeResourceToString(r));
  }

  /** Validation problems as an OperationOutcome (400), one issue per field. */
  void invalid(HttpExchange x, List<InputProblem> problems) {
    OperationOutcome oo = new OperationOutcome();
    for (InputProblem p : problems) {
      oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(p.value().equals("nothing") ? OperationOutcome.IssueType.REQUIRED
              : p.column().equals("(body)") ? OperationOutcome.IssueType.STRUCTURE
              : OperationOutcome.IssueType.VALUE)
          .setDiagnostics(p.column() + ": found " + p.value() + ", expected " + p.expected())
          .addExpression(expression(p.column()));
    }
    send(x, 400, oo);
  }

  /** Any other refusal as an OperationOutcome. */
  void refuse(HttpExchange x, int status, String detail) {
    OperationOutcome oo = new OperationOutcome();
    OperationOutcome.IssueType type = switch (status) {
      case 401 -> OperationOutcome.IssueType.LOGIN;
      case 403 -> OperationOutcome.IssueType.FORBIDDEN;
      case 404 -> OperationOutcome.IssueType.NOTFOUND;
      case 413 -> OperationOutcome.IssueType.TOOCOSTLY;
      case 405, 415 -> OperationOutcome.IssueType.NOTSUPPORTED;
      case 503 -> OperationOutcome.IssueType.TRANSIENT;
      default -> OperationOutcome.IssueType.PROCESSING;
    };
    oo.addIssue().setSeverity(status >= 500 ? OperationOutcome.IssueSeverity.FATAL
        : OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(detail);
    send(x, status, oo);
  }

  /** Where a field lives in the FHIR input, as FHIRPath. */
  static String expression(String column) {
    if (column.startsWith("sbt_") || column.startsWith("ompsq_")) {
      return "QuestionnaireResponse.item.where(linkId='" + column + "').answer";
    }
    return switch (column) {
      case "sex" -> "Patient.gender";
      case "bmi" -> "Observation.where(code.coding.code='" + LOINC_BMI + "').value";
      case "age" -> "Observation.where(code.coding.code='" + LOINC_AGE + "').value";
      case "smoking" -> "Observation.where(code.coding.code='" + LOINC_SMOKING + "').value";
      case "(body)" -> "Bundle";
      default -> column.startsWith("pfirrmann_") || column.startsWith("facet_angle_")
          ? "Observation.where(code.coding.code='" + column + "').value"
          : column.replace(' ', '_');
    };
  }

  /** The imaging columns that can come as biomarker Observations. */
  static List<String> biomarkerColumns() {
    List<String> out = new ArrayList<>();
    CohortSchema schema = CohortSchema.standard();
    schema.group(CohortSchema.Group.PFIRRMANN).forEach(v -> out.add(v.name()));
    schema.group(CohortSchema.Group.FACET).forEach(v -> out.add(v.name()));
    return out;
  }
}
