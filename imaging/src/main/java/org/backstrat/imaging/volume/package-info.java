/**
 * Immutable image volumes in patient coordinates.
 *
 * <p><b>Convention: LPS</b>, as DICOM and ITK use it. The physical axes are x towards the
 * patient's Left, y towards Posterior, z towards Superior, in millimetres. A voxel at index
 * (i, j, k), i fastest in memory, lies at {@code origin + D * (spacing .* (i, j, k))}, where the
 * columns of the direction matrix D are the unit directions of the i, j and k index axes. Readers
 * of RAS formats (NIfTI) negate the x and y rows of the affine to convert; LPS formats (DICOM,
 * MetaImage) are taken as they are.
 */
package org.backstrat.imaging.volume;
