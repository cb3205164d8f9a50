package org.backstrat.imaging.io;

/**
 * Upper bounds a reader checks a header's claims against before it allocates memory, so that a
 * corrupt or hostile header (say, one claiming 4 GB of voxels) fails at once with a clear
 * message instead of exhausting the heap.
 *
 * @param maxVoxels the most voxels one image may have (each costs 4 bytes as float)
 * @param maxHeaderBytes the most bytes a header (DICOM file without pixels, MetaImage text
 *     header) may take
 * @param maxFiles the most files a DICOM series folder may hold
 */
public record ReadLimits(long maxVoxels, long maxHeaderBytes, int maxFiles) {

  /** 128 Mi voxels (512 MB as float), 64 MB headers, 10,000 files per series. */
  public static ReadLimits withDefaults() {
    return new ReadLimits(128L << 20, 64L << 20, 10_000);
  }

  public ReadLimits {
    if (maxVoxels < 1 || maxVoxels > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxVoxels must be in 1.." + (Integer.MAX_VALUE - 8));
    }
    if (maxHeaderBytes < 1024 || maxFiles < 1) {
      throw new IllegalArgumentException("limits too small");
    }
  }

  /** A copy with another voxel limit. */
  public ReadLimits withMaxVoxels(long voxels) {
    return new ReadLimits(voxels, maxHeaderBytes, maxFiles);
  }

  /**
   * Checks a claimed grid size; returns the voxel count as an int.
   *
   * @throws org.backstrat.core.BadInputException when the count exceeds {@link #maxVoxels}
   */
  int checkVoxels(String file, long sizeX, long sizeY, long sizeZ) {
    if (sizeX < 1 || sizeY < 1 || sizeZ < 1) {
      throw org.backstrat.core.BadInputException.at(file, 0, "", sizeX + "x" + sizeY + "x"
          + sizeZ, "positive image dimensions");
    }
    // multiply with overflow checks: each factor is < 2^32 so two at a time are safe
    double count = (double) sizeX * sizeY * sizeZ;
    if (count > maxVoxels) {
      throw org.backstrat.core.BadInputException.at(file, 0, "", sizeX + "x" + sizeY + "x"
          + sizeZ + " voxels", "at most " + maxVoxels + " voxels (the header's size is absurd"
          + " or the image too large; refusing before allocating memory)");
    }
    int voxels = (int) (sizeX * sizeY * sizeZ);
    checkHeap(file, sizeX + "x" + sizeY + "x" + sizeZ, voxels * BYTES_PER_VOXEL,
        ReadLimits::freeHeapBytes);
    return voxels;
  }

  /**
   * Heap bytes a voxel costs while an image is read and measured: 4 as float, plus room for
   * the working copies the checks and models make (a factor 1.5).
   */
  static final long BYTES_PER_VOXEL = 6;

  /**
   * Checks, before the voxel array is allocated, that the Java heap has {@code neededBytes}
   * free (after one garbage collection if not at first), so that an image within the voxel
   * limit but too large for this heap (a 512^3 volume compressed to a few hundred KB, say)
   * fails its study with a message saying how much memory it needs, instead of ending the
   * whole batch with an OutOfMemoryError.
   *
   * @throws org.backstrat.core.BadInputException when the heap cannot hold the image
   */
  static void checkHeap(String file, String size, long neededBytes,
                        java.util.function.LongSupplier freeBytes) {
    if (neededBytes <= freeBytes.getAsLong()) {
      return;
    }
    System.gc(); // garbage not yet collected counts as used: look again once after a collection
    long free = freeBytes.getAsLong();
    Runtime rt = Runtime.getRuntime();
    if (neededBytes > free) {
      long mb = 1 << 20;
      long suggestGb = Math.max(1, (rt.maxMemory() + neededBytes - free + (1L << 30) - 1)
          >> 30);
      throw org.backstrat.core.BadInputException.at(file, 0, "", size + " voxels",
          "an image that fits in memory: it needs about " + (neededBytes + mb - 1) / mb
              + " MB, and the Java heap has " + free / mb + " MB free of " + rt.maxMemory() / mb
              + " MB; give Java more with BACKSTRAT_JAVA_OPTS=-Xmx" + suggestGb + "g, or"
              + " resample the image");
    }
  }

  /** Bytes the heap can still grow to hold: its maximum less what is in use. */
  static long freeHeapBytes() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  /**
   * The most bytes deflate (gzip, zlib) can expand one compressed byte to: 1032 (a maximal
   * back-reference of 258 bytes costs at least two bits per symbol), a bound of the format, not
   * a tuning choice.
   */
  static final long MAX_DEFLATE_RATIO = 1032;

  /**
   * Checks that {@code compressedBytes} of deflate data can hold the {@code claimedBytes} a
   * header promises, before the voxel array is allocated: a header claiming more than
   * {@link #MAX_DEFLATE_RATIO} times the compressed size is wrong (or the file truncated).
   *
   * @throws org.backstrat.core.BadInputException when it cannot
   */
  static void checkCompressedClaim(String file, long claimedBytes, long compressedBytes) {
    if (claimedBytes > MAX_DEFLATE_RATIO * compressedBytes + 1024) {
      throw org.backstrat.core.BadInputException.at(file, 0, "", compressedBytes
          + " compressed bytes", "compressed data that can hold the " + claimedBytes
          + " bytes the header claims (deflate expands at most " + MAX_DEFLATE_RATIO
          + " times); the header is wrong or the file truncated");
    }
  }
}
