/**
 * CNN models for the imaging stage: model cards (JSON, schema {@code backstrat.modelcard/1})
 * that say what a model expects and where it came from, intensity normalisation, and inference
 * through ONNX Runtime on the CPU. A user's own ONNX model plugs in through its card.
 */
package org.backstrat.imaging.model;
