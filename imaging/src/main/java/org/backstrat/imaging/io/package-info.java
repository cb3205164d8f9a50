/**
 * Readers (and, for phantoms, writers) of medical image files: NIfTI-1, MetaImage and DICOM
 * series. Every reader returns a {@link org.backstrat.imaging.volume.Volume} in LPS coordinates
 * and reports a corrupt, truncated, unsupported or absurd file as a
 * {@link org.backstrat.core.BadInputException} naming the file, checking a header's size claim
 * against {@link org.backstrat.imaging.io.ReadLimits} before allocating anything.
 */
package org.backstrat.imaging.io;
