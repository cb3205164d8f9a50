/**
 * Imaging biomarkers from lumbar MRI (DESIGN.md, "Imaging"): image volumes in one anatomical
 * convention ({@link org.backstrat.imaging.volume}), readers for NIfTI-1, MetaImage and DICOM
 * ({@link org.backstrat.imaging.io}), synthetic MRI phantoms with ground truth
 * ({@link org.backstrat.imaging.phantom}) and facet-joint geometry
 * ({@link org.backstrat.imaging.facet}).
 */
package org.backstrat.imaging;
