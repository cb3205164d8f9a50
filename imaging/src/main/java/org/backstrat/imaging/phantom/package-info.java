/**
 * Synthetic lumbar MRI phantoms with known ground truth: sagittal T2 images whose five lumbar
 * discs follow given Pfirrmann grades, and axial T2 slices at L3/4, L4/5 and L5/S1 whose facet
 * joints lie at given angles to the mid-sagittal line. They train and test the imaging stage;
 * they prove the pipeline, not clinical accuracy.
 */
package org.backstrat.imaging.phantom;
