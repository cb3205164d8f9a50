package org.backstrat.core.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.function.Consumer;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a written Parquet file's footer independent of the JVM run: parquet-java lists each
 * column chunk's encodings in the iteration order of a {@code HashSet} of enum constants, whose
 * hash codes are identity hashes that change from one JVM start to the next, so the same rows
 * gave footers that differed in that order between runs. The lists are put in ascending order of
 * the encoding's number, in place (a permutation of the same values keeps the footer's length).
 */
final class ParquetFooters {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooters() {
  }

  /** Sorts every column chunk's encodings in the footer of {@code file}, in place. */
  static void sortEncodings(Path file) throws IOException {
    rewrite(file, md -> forEachColumn(md,
        c -> c.getEncodings().sort(Comparator.comparingInt(Encoding::getValue))));
  }

  /** Applies {@code change} to every column chunk's metadata of {@code md}. */
  static void forEachColumn(FileMetaData md, Consumer<ColumnMetaData> change) {
    for (RowGroup rg : md.getRow_groups()) {
      for (ColumnChunk cc : rg.getColumns()) {
        if (cc.getMeta_data() != null && cc.getMeta_data().getEncodings() != null) {
          change.accept(cc.getMeta_data());
        }
      }
    }
  }

  /**
   * Rewrites the footer of {@code file} after {@code change}, in place; the change must keep its
   * serialised length (it only reorders).
   */
  static void rewrite(Path file, Consumer<FileMetaData> change) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      byte[] footer = footerBytes(ch, file);
      FileMetaData md = Util.readFileMetaData(new ByteArrayInputStream(footer));
      change.accept(md);
      ByteArrayOutputStream out = new ByteArrayOutputStream(footer.length);
      Util.writeFileMetaData(md, out);
      if (out.size() != footer.length) {
        throw new IOException(file + ": the rewritten Parquet footer is " + out.size()
            + " bytes, expected " + footer.length);
      }
      ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
      long at = ch.size() - 8 - footer.length;
      while (b.hasRemaining()) {
        at += ch.write(b, at);
      }
    }
  }

  private static byte[] footerBytes(FileChannel ch, Path file) throws IOException {
    long size = ch.size();
    ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, tail, size - 8);
    byte[] magic = new byte[4];
    tail.position(4);
    tail.get(magic);
    int length = tail.getInt(0);
    if (size < 12 || !java.util.Arrays.equals(magic, MAGIC) || length <= 0
        || length > size - 12) {
      throw new IOException(file + ": not a complete Parquet file");
    }
    ByteBuffer footer = ByteBuffer.allocate(length);
    readFully(ch, footer, size - 8 - length);
    return footer.array();
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      int n = ch.read(b, pos);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      pos += n;
    }
  }
}
