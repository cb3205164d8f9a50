/**
 * CNN models for the imaging stage: model cards (JSON, schema {@code backstrat.modelcard/1})
 * that say what a model expects and where it came from, intensity normalisation, inference
 * through ONNX Runtime on the CPU, and the three tasks that use them: {@link
 * org.backstrat.imaging.model.DiscLocaliser} (lumbar disc centres on a sagittal slice), {@link
 * org.backstrat.imaging.model.PfirrmannGrader} (Pfirrmann grade per disc) and {@link
 * org.backstrat.imaging.model.FacetSegmenter} (facet joints, disc and canal on an axial slice).
 * Phantom-trained reference models are bundled (imaging/training/MODELS.md); a user's own ONNX
 * model plugs in through its card.
 */
package org.backstrat.imaging.model;
