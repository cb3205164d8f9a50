package org.backstrat.cluster.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the lines that start inside a byte range of a file through positional reads into one
 * reusable buffer, so several threads can scan disjoint ranges of the same file at once without
 * holding the file in memory. A line belongs to the range in which it starts; lines end at LF, a
 * CR before the LF is dropped.
 */
final class LineScanner {
  /** Receives one line: {@code buf[from, to)} without the line end. */
  interface LineHandler {
    void line(byte[] buf, int from, int to);
  }

  private static final int CHUNK = 1 << 22;

  private LineScanner() {
  }

  /**
   * The first line start at or after {@code position} ({@code dataStart} itself is a line
   * start), or the file size when none.
   */
  static long alignToLineStart(FileChannel ch, long position, long dataStart, long size)
      throws IOException {
    if (position <= dataStart) {
      return dataStart;
    }
    byte[] b = new byte[1 << 16];
    long p = position - 1; // the byte before position: a line starts at position if it is LF
    while (p < size) {
      int n = ch.read(ByteBuffer.wrap(b), p);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (b[i] == '\n') {
          return p + i + 1;
        }
      }
      p += n;
    }
    return size;
  }

  /**
   * Counts the lines starting in [start, end) ({@code start} and {@code end} line starts or the
   * file size) in one tight loop over the bytes, without a call per line: returns {non-blank
   * lines, all lines}, with the same notion of a line as {@link #forEachLine} (a last line
   * without a line end counts when it is not empty; blank = only spaces, tabs and CR).
   */
  static long[] countLines(FileChannel ch, long start, long end, long size) throws IOException {
    byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(1024, end - start))];
    long data = 0;
    long all = 0;
    boolean nonBlank = false;
    long lineLength = 0; // bytes of the current line so far
    boolean lastCr = false;
    long pos = start;
    while (pos < end) {
      int n = ch.read(ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, end - pos)), pos);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        byte c = buf[i];
        if (c == '\n') {
          all++;
          if (nonBlank) {
            data++;
          }
          nonBlank = false;
          lineLength = 0;
        } else {
          lineLength++;
          if (c != ' ' && c != '\t' && c != '\r') {
            nonBlank = true;
          }
        }
      }
      lastCr = buf[n - 1] == '\r';
      pos += n;
    }
    if (end >= size && lineLength - (lastCr ? 1 : 0) > 0) {
      all++;
      if (nonBlank) {
        data++;
      }
    }
    return new long[] {data, all};
  }

  /** Calls the handler for every line starting in [start, end); start must be a line start. */
  static void forEachLine(FileChannel ch, long start, long end, long size, LineHandler handler)
      throws IOException {
    byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(1024, size - start + 1))];
    long pos = start; // file position of buf[0]
    int len = 0;
    long lineStart = start;
    int scan = 0;
    while (lineStart < end && lineStart < size) {
      int from = (int) (lineStart - pos);
      int nl = -1;
      for (int j = Math.max(from, scan); j < len; j++) {
        if (buf[j] == '\n') {
          nl = j;
          break;
        }
      }
      if (nl >= 0) {
        int to = nl > from && buf[nl - 1] == '\r' ? nl - 1 : nl;
        handler.line(buf, from, to);
        lineStart = pos + nl + 1;
        scan = nl + 1;
        continue;
      }
      if (pos + len >= size) { // last line without a line end
        int to = len > from && buf[len - 1] == '\r' ? len - 1 : len;
        if (to > from) {
          handler.line(buf, from, to);
        }
        return;
      }
      // move the partial line to the front and read more
      int keep = len - from;
      if (keep == buf.length) {
        byte[] bigger = new byte[buf.length * 2];
        System.arraycopy(buf, from, bigger, 0, keep);
        buf = bigger;
      } else {
        System.arraycopy(buf, from, buf, 0, keep);
      }
      pos = lineStart;
      len = keep;
      scan = keep;
      while (len < buf.length && pos + len < size) {
        int n = ch.read(ByteBuffer.wrap(buf, len, buf.length - len), pos + len);
        if (n <= 0) {
          break;
        }
        len += n;
      }
    }
  }
}
