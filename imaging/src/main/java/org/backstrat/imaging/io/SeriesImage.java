package org.backstrat.imaging.io;

import org.backstrat.imaging.volume.Volume;

/**
 * An image with what its header says about its acquisition ({@link Acquisition#unknown()} for
 * formats that record nothing), so that the imaging stage can refuse a series of the wrong kind
 * without reading the file twice.
 *
 * @param volume the voxels and geometry
 * @param acquisition the acquisition parameters from the header
 */
public record SeriesImage(Volume volume, Acquisition acquisition) {
}
