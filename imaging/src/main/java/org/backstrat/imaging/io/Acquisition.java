package org.backstrat.imaging.io;

/**
 * What a series' header says about how it was acquired, for the checks that refuse a series of
 * the wrong kind (DESIGN.md, "Imaging": a series that is not T2 as required is refused). Only
 * DICOM records this; NIfTI, MetaImage and PNG images carry {@link #unknown()}, about which no
 * claim is made. Times are NaN and texts empty when the header lacks them.
 *
 * @param modality DICOM Modality (0008,0060), e.g. {@code MR} or {@code CT}
 * @param seriesDescription Series Description (0008,103E)
 * @param protocolName Protocol Name (0018,1030)
 * @param repetitionTimeMs Repetition Time (0018,0080) in milliseconds
 * @param echoTimeMs Echo Time (0018,0081) in milliseconds
 * @param inversionTimeMs Inversion Time (0018,0082) in milliseconds
 */
public record Acquisition(String modality, String seriesDescription, String protocolName,
                          double repetitionTimeMs, double echoTimeMs, double inversionTimeMs) {

  public Acquisition {
    modality = modality == null ? "" : modality;
    seriesDescription = seriesDescription == null ? "" : seriesDescription;
    protocolName = protocolName == null ? "" : protocolName;
  }

  /** A format that records nothing about the acquisition. */
  public static Acquisition unknown() {
    return new Acquisition("", "", "", Double.NaN, Double.NaN, Double.NaN);
  }
}
