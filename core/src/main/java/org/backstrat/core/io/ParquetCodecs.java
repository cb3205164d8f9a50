package org.backstrat.core.io;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page compression in pure Java, without Hadoop's codec classes (which parquet-java's
 * own factory loads): uncompressed, Snappy, Zstandard and LZ4_RAW through aircompressor, GZIP
 * through {@code java.util.zip}. The legacy Hadoop-framed LZ4, LZO and Brotli are refused with
 * a message naming the codec.
 */
final class ParquetCodecs implements CompressionCodecFactory {

  /** Thrown for a codec this factory does not read. */
  static final class UnsupportedCodecException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsupportedCodecException(CompressionCodecName codec) {
      super("pages compressed with " + codec + " are not read; write the file with SNAPPY, ZSTD, "
          + "GZIP, LZ4_RAW or no compression");
    }
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        return BytesInput.from(ParquetCodecs.compress(codec, bytesOf(bytes)));
      }

      @Override
      public CompressionCodecName getCodecName() {
        return codec;
      }

      @Override
      public void release() {
        // nothing pooled
      }
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return new BytesInputDecompressor() {
      @Override
      public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
        return BytesInput.from(ParquetCodecs.decompress(codec, bytesOf(bytes),
            uncompressedSize));
      }

      @Override
      public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output,
                             int uncompressedSize) throws IOException {
        byte[] in = new byte[compressedSize];
        input.get(in);
        output.put(ParquetCodecs.decompress(codec, in, uncompressedSize));
      }

      @Override
      public void release() {
        // nothing pooled
      }
    };
  }

  @Override
  public void release() {
    // nothing pooled
  }

  private static byte[] bytesOf(BytesInput bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(32, bytes.size()));
    bytes.writeAllTo(out);
    return out.toByteArray();
  }

  static byte[] compress(CompressionCodecName codec, byte[] in) throws IOException {
    if (codec == CompressionCodecName.UNCOMPRESSED) {
      return in;
    }
    if (codec == CompressionCodecName.GZIP) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 64);
      try (GZIPOutputStream z = new GZIPOutputStream(out)) {
        z.write(in);
      }
      return out.toByteArray();
    }
    Compressor c = switch (codec) {
      case SNAPPY -> new SnappyCompressor();
      case ZSTD -> new ZstdCompressor();
      case LZ4_RAW -> new Lz4Compressor();
      default -> throw new UnsupportedCodecException(codec);
    };
    byte[] out = new byte[c.maxCompressedLength(in.length)];
    int n = c.compress(in, 0, in.length, out, 0, out.length);
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * The largest uncompressed page accepted: a quarter of the heap, at most 512 MiB (writers
   * make pages of about 1 MiB), so a damaged size never becomes an out-of-memory error.
   */
  static long maxPageBytes(long maxHeapBytes) {
    return Math.min(512L << 20, maxHeapBytes / 4);
  }

  static byte[] decompress(CompressionCodecName codec, byte[] in, int uncompressedSize)
      throws IOException {
    if (uncompressedSize < 0) {
      throw new IOException("a page claims a negative size");
    }
    long limit = maxPageBytes(Runtime.getRuntime().maxMemory());
    if (uncompressedSize > limit) {
      // damaged metadata (or a page no writer makes): refuse before allocating it
      throw new IOException("a page claims " + uncompressedSize + " bytes uncompressed, more "
          + "than the " + limit + " bytes this reader allows per page with this Java heap");
    }
    if (codec == CompressionCodecName.UNCOMPRESSED) {
      if (in.length != uncompressedSize) {
        throw new IOException("an uncompressed page of " + in.length + " bytes claims "
            + uncompressedSize);
      }
      return in;
    }
    byte[] out = new byte[uncompressedSize];
    int n;
    if (codec == CompressionCodecName.GZIP) {
      try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in))) {
        n = z.readNBytes(out, 0, out.length);
        if (z.read() >= 0) {
          throw new IOException("a GZIP page is longer than its header says");
        }
      }
    } else {
      Decompressor d = switch (codec) {
        case SNAPPY -> new SnappyDecompressor();
        case ZSTD -> new ZstdDecompressor();
        case LZ4_RAW -> new Lz4Decompressor();
        default -> throw new UnsupportedCodecException(codec);
      };
      try {
        n = d.decompress(in, 0, in.length, out, 0, out.length);
      } catch (RuntimeException e) {
        throw new IOException("a " + codec + " page is damaged: " + TableReader.rootMessage(e),
            e);
      }
    }
    if (n != uncompressedSize) {
      throw new IOException("a " + codec + " page holds " + n + " bytes; its header says "
          + uncompressedSize);
    }
    return out;
  }
}
