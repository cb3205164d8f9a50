package org.backstrat.imaging.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.Volume;
import org.junit.jupiter.api.Test;

/** Anatomical sanity of the real images in ../shared/data (skipped when absent). */
class SharedDataTest {

  private static double centroidZ(Volume v) {
    double sk = 0;
    double si = 0;
    double sj = 0;
    long n = 0;
    for (int k = 0; k < v.geometry().sizeZ(); k++) {
      for (int j = 0; j < v.geometry().sizeY(); j++) {
        for (int i = 0; i < v.geometry().sizeX(); i++) {
          if (v.value(i, j, k) > 0.5f) {
            si += i;
            sj += j;
            sk += k;
            n++;
          }
        }
      }
    }
    return v.geometry().physicalPointMm(si / n, sj / n, sk / n)[2];
  }

  @Test
  void lumbarVertebraeStackFromSuperiorToInferiorInLps() {
    Path seg = TestFiles.shared().resolve("totalsegmentator_example_ct/seg");
    VolumeReader reader = VolumeReader.withDefaults();
    double z1 = centroidZ(reader.read(seg.resolve("vertebrae_L1.nii.gz")));
    double z3 = centroidZ(reader.read(seg.resolve("vertebrae_L3.nii.gz")));
    double z5 = centroidZ(reader.read(seg.resolve("vertebrae_L5.nii.gz")));
    // LPS: +z is superior, so L1 lies above L3 above L5, roughly a vertebra (25-40 mm) apart
    assertThat(z1).isGreaterThan(z3 + 40);
    assertThat(z3).isGreaterThan(z5 + 40);
  }

  @Test
  void spiderSliceWhoseHeaderSaysAxialIsRefusedAsSagittal() {
    Volume spider = VolumeReader.withDefaults().read(TestFiles.shared().resolve(
        "spider_medvisor_subset/output_file.nii.gz"));
    assertThat(spider.geometry().plane()).isEqualTo(Plane.AXIAL);
    assertThatThrownBy(() -> spider.requirePlane(Plane.SAGITTAL, 20))
        .isInstanceOf(BadInputException.class).hasMessageContaining("output_file.nii.gz")
        .hasMessageContaining("this one is axial");
  }
}
