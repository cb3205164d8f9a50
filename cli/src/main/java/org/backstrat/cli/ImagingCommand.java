package org.backstrat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backstrat.core.Progress;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputTarget;
import org.backstrat.imaging.pipeline.ImagingJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backstrat imaging}: imaging biomarkers from lumbar MRI studies. */
@Command(name = "imaging", mixinStandardHelpOptions = true,
    description = {"Imaging biomarkers from lumbar MRI studies: Pfirrmann grade per disc (CNN "
        + "on ONNX Runtime) and facet joint angles per side, written as the cohort schema's "
        + "pfirrmann_* and facet_angle_* columns plus QC columns.",
        "PATH is a folder with one sub-folder per person id holding sagittal_t2 and "
            + "axial_<level>_t2 images (.mha, .mhd, .nii, .nii.gz, .dcm or a DICOM folder), or "
            + "a manifest CSV with columns id, sagittal and optionally axial (a folder of the "
            + "three axial images) or axial_l3l4, axial_l4l5, axial_l5s1 (a study without "
            + "axial images is graded, facet columns empty, with a note); paths relative to the manifest's "
            + "folder or absolute; PNG pictures need sagittal_spacing_mm / axial_spacing_mm "
            + "(and optionally *_orientation, two letters such as PI). A series that is not "
            + "T2 (DICOM header), not in the required plane, or whose field of view cannot "
            + "hold the lumbar spine is refused. A study that fails gets a row with the "
            + "reason; the batch goes on.",
        "Discs are found by a disc localiser CNN and graded by a Pfirrmann CNN; facet joints "
            + "are segmented by a CNN and measured. Label images beside the images "
            + "(<stem>_labels, as phantoms write) take precedence unless "
            + "--ignore-label-images.",
        "Limitation: the shipped disc localiser and Pfirrmann grader are trained on 414 real "
            + "mid-sagittal T2 slices of one public source (patient-level cross-validation in "
            + "BENCHMARKS.md); the facet segmenter is trained on synthetic phantoms only. None "
            + "is for clinical use."})
final class ImagingCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "Folder of studies (one sub-folder per id) or manifest CSV file.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Output biomarkers CSV.")
  Path out;

  @Option(names = "--pfirrmann-model", paramLabel = "CARD",
      description = "Model card JSON of your own Pfirrmann ONNX model (default: the shipped "
          + "model of --models).")
  Path model;

  @Option(names = "--disc-model", paramLabel = "CARD",
      description = "Model card JSON of your own disc localiser ONNX model (default: the "
          + "shipped model of --models).")
  Path discModel;

  @Option(names = "--facet-model", paramLabel = "CARD",
      description = "Model card JSON of your own facet segmentation ONNX model (default: the "
          + "shipped phantom-trained model).")
  Path facetModel;

  @Option(names = "--models", paramLabel = "REAL|PHANTOM", defaultValue = "REAL",
      description = "Bundled disc localiser and Pfirrmann grader used where no card is given: "
          + "REAL (default; trained on 414 real mid-sagittal T2 slices) or PHANTOM (trained on "
          + "synthetic phantoms, for phantoms). The facet segmenter is phantom-trained in both.")
  ImagingJob.ReferenceModels referenceModels;

  @Option(names = "--ignore-label-images",
      description = "Run the localiser and segmenter even where label images are present.")
  boolean ignoreLabelImages;

  @Mixin
  CommonOptions common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    AtomicOutput.check(OutputTarget.file(out, common.force, input, model, discModel,
        facetModel));
    Reporting rep = new Reporting(spec.commandLine().getErr(), common.quiet);
    Progress progress = rep.progress();
    ImagingJob job = ImagingJob.builder().pfirrmannModel(model).discLocaliserModel(discModel)
        .facetSegmenterModel(facetModel).labelImages(!ignoreLabelImages)
        .referenceModels(referenceModels).build();
    ImagingJob.Result r = job.run(input, out, common.force, (done, total) -> {
      if (done == total || done % 25 == 0) {
        progress.report("studies read", (double) done / total);
      }
    });
    rep.note(r.studies() + " studies: " + r.ok() + " ok, " + r.partial() + " partial, "
        + r.failed() + " failed; wrote " + out);
    return 0;
  }
}
