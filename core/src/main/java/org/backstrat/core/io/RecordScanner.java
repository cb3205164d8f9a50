package org.backstrat.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.backstrat.core.BadInputException;

/**
 * The one splitter of delimited text behind every verb: streams records (rows) out of bytes read
 * chunk by chunk, so memory holds one chunk and one row, never the file. One set of rules for
 * every table backstrat reads:
 *
 * <ul>
 *   <li>UTF-8 only: a UTF-8 byte-order mark is skipped; a UTF-16/32 mark, a NUL byte anywhere and
 *       any byte sequence that is not UTF-8 (Latin-1, Windows-1252) are refused naming the row;
 *   <li>records end at LF or CRLF; a CR that is not followed by LF outside quotes (old Mac
 *       CR-only line ends) is refused with one message naming the line ends;
 *   <li>the delimiter is detected on the header line: the most frequent of comma, semicolon and
 *       tab outside quotes (ties: comma, then semicolon, then tab); when none occurs and the line
 *       holds spaces between values, runs of spaces and tabs separate values;
 *   <li>values may be enclosed in double quotes (RFC 4180): a quoted value may hold delimiters,
 *       quotes written twice and line breaks; spaces around a quoted value are ignored; a quote
 *       inside an unquoted value or text after a closing quote is refused;
 *   <li>rows holding only spaces and tabs are skipped; row numbers count physical lines (a line
 *       break inside quotes starts a new line), as a text editor shows them;
 *   <li>limits: at most {@link #MAX_COLUMNS} values per row (Excel's column limit) and
 *       {@link #MAX_RECORD_BYTES} bytes per row, so a hostile file cannot exhaust memory.
 * </ul>
 *
 * <p>Cells are exposed as byte ranges of the current row ({@link #from}, {@link #to}) for the
 * numeric fast path and as strings ({@link #cell}) for everything else.
 */
final class RecordScanner implements CellSpans {
  /** Most values in one row: Excel's 16,384 columns. */
  static final int MAX_COLUMNS = 16_384;
  /** Longest row in bytes (16 MiB); a longer one is almost always an unclosed quote. */
  static final int MAX_RECORD_BYTES = 16 << 20;
  /** Delimiter meaning "runs of spaces and tabs". */
  static final char WHITESPACE = ' ';

  /** Where bytes come from: fills {@code dst[off, off+len)}, returns -1 at the end. */
  interface Source {
    int read(byte[] dst, int off, int len) throws IOException;
  }

  private final String file;
  private final Source source;
  private byte[] buf;
  private int len;
  private int pos;
  private boolean eof;
  private long line = 1;
  private char delimiter;
  private boolean started;

  private long recordLine;
  private int count;
  private int[] from = new int[64];
  private int[] to = new int[64];
  private boolean[] escaped = new boolean[64];

  RecordScanner(String file, Source source, int chunkBytes) {
    this.file = file;
    this.source = source;
    this.buf = new byte[Math.max(64, chunkBytes)];
  }

  /** Scanner over bytes already in memory. */
  static RecordScanner of(String file, byte[] bytes) {
    RecordScanner s = new RecordScanner(file, (dst, off, n) -> -1, 64);
    s.buf = bytes;
    s.len = bytes.length;
    s.eof = true;
    return s;
  }

  /** The delimiter in use ({@link #WHITESPACE} for runs of spaces); valid after {@link #start}. */
  char delimiter() {
    return delimiter;
  }

  /** Line on which the current record starts (1-based). */
  long recordLine() {
    return recordLine;
  }

  /** Number of cells in the current record. */
  int count() {
    return count;
  }

  /** The buffer the current record's cells point into (valid until the next {@link #next}). */
  byte[] buffer() {
    return buf;
  }

  /** Start of cell {@code i} in {@link #buffer} (inside quotes for a quoted cell). */
  @Override
  public int from(int i) {
    return from[i];
  }

  /** End of cell {@code i} in {@link #buffer}. */
  @Override
  public int to(int i) {
    return to[i];
  }

  /** True when cell {@code i} holds doubled quotes that {@link #cell} turns into one. */
  @Override
  public boolean escaped(int i) {
    return escaped[i];
  }

  /** Cell {@code i} as text (quotes removed, doubled quotes undone). */
  String cell(int i) {
    String s = new String(buf, from[i], to[i] - from[i], StandardCharsets.UTF_8);
    return escaped[i] ? s.replace("\"\"", "\"") : s;
  }

  /** The current record's cells as text. */
  String[] cells() {
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = cell(i);
    }
    return out;
  }

  /**
   * Checks the encoding marks and detects the delimiter on the first non-blank line; returns
   * false when the file holds nothing but blank lines.
   *
   * @param fixed a delimiter to use instead of detecting one, or {@code '\0'}
   */
  boolean start(char fixed) throws IOException {
    started = true;
    fill(3);
    if (len >= 2 && ((buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE
        || (buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF)) {
      throw new BadInputException(file + ": the file is UTF-16 encoded; expected UTF-8 (save "
          + "it as \"CSV UTF-8\")");
    }
    if (startsWithUtf8Bom(buf, len)) {
      pos = 3;
    }
    skipBlankLines();
    if (pos >= len && eof) {
      return false;
    }
    delimiter = fixed != '\0' ? fixed : detect();
    return true;
  }

  /**
   * Starts inside a file at a record start found by a previous pass (no byte-order mark, no
   * delimiter detection): for reading byte ranges of one file in parallel.
   *
   * @param fixed the file's delimiter
   * @param firstLine the line number of the first byte
   */
  void startRange(char fixed, long firstLine) {
    started = true;
    delimiter = fixed;
    line = firstLine;
  }

  /** Advances to the next non-blank record; false at the end of the text. */
  boolean next() throws IOException {
    if (!started) {
      throw new IllegalStateException("start() first");
    }
    while (true) {
      skipBlankLines();
      if (pos >= len && eof) {
        return false;
      }
      int end = tokenize();
      long lines = pendingLines;
      pos = end;
      line += lines;
      if (count == 1 && !quotedFirst && blank(from[0], to[0])) {
        continue; // only spaces and tabs (an empty line is skipped before)
      }
      return true;
    }
  }

  private boolean blank(int f, int t) {
    for (int i = f; i < t; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private long pendingLines;
  private boolean quotedFirst;

  /** Skips empty lines (LF or CRLF only); stops at the first byte of anything else. */
  private void skipBlankLines() throws IOException {
    while (true) {
      if (pos >= len) {
        if (eof || !fill(1)) {
          return;
        }
      }
      byte c = buf[pos];
      if (c == '\n') {
        pos++;
        line++;
      } else if (c == '\r') {
        if (pos + 1 >= len) {
          fill(2);
        }
        if (pos + 1 < len && buf[pos + 1] == '\n') {
          pos += 2;
          line++;
        } else {
          throw crOnly(line);
        }
      } else {
        return;
      }
    }
  }

  /**
   * Splits the record at {@link #pos} into cells; returns the position after its line end. When
   * the record runs past the bytes in the buffer, more are read and the record is split again
   * from its start.
   */
  private int tokenize() throws IOException {
    while (true) {
      int end = delimiter == WHITESPACE ? splitWhitespace() : splitDelimited();
      if (end >= 0) {
        return end;
      }
      if (len - pos >= MAX_RECORD_BYTES) {
        throw new BadInputException(file + ": row " + line + ": the row is longer than "
            + (MAX_RECORD_BYTES >> 20) + " MiB; expected rows of text (is a quote never "
            + "closed?)");
      }
      fill(len - pos + 1);
    }
  }

  /** Splits one record; -1 when the buffer ends before the record does and more may come. */
  private int splitDelimited() {
    final byte[] b = buf;
    final int n = len;
    final byte d = (byte) delimiter;
    int p = pos;
    long ln = line;
    recordLine = line;
    count = 0;
    quotedFirst = false;
    while (true) {
      // one cell starting at p
      int s = p;
      int c0 = p;
      while (c0 < n && b[c0] == ' ') {
        c0++;
      }
      if (c0 < n && b[c0] == '"') {
        int q = c0 + 1;
        boolean esc = false;
        final long opened = ln;
        while (true) {
          if (q >= n) {
            if (!eof) {
              return -1;
            }
            throw new BadInputException(file + ": row " + opened + ": a quoted value is never "
                + "closed; expected a closing quote");
          }
          byte c = b[q];
          if (c == '"') {
            if (q + 1 >= n && !eof) {
              return -1;
            }
            if (q + 1 < n && b[q + 1] == '"') {
              esc = true;
              q += 2;
              continue;
            }
            break;
          }
          if (c == '\n') {
            ln++;
          } else if (c == 0) {
            throw nul(ln);
          } else if (c < 0) {
            int k = utf8(b, q, n, ln);
            if (k < 0) {
              return -1;
            }
            q += k;
            continue;
          }
          q++;
        }
        addCell(c0 + 1, q, esc);
        if (count == 1) {
          quotedFirst = true;
        }
        p = q + 1;
        while (p < n && b[p] == ' ') {
          p++;
        }
        if (p >= n) {
          if (!eof) {
            return -1;
          }
          pendingLines = ln - line + 1;
          return n;
        }
        byte c = b[p];
        if (c == d) {
          p++;
          continue;
        }
        if (c == '\n') {
          pendingLines = ln - line + 1;
          return p + 1;
        }
        if (c == '\r') {
          if (p + 1 >= n && !eof) {
            return -1;
          }
          if (p + 1 < n && b[p + 1] == '\n') {
            pendingLines = ln - line + 1;
            return p + 2;
          }
          throw crOnly(ln);
        }
        throw new BadInputException(file + ": row " + ln + ": text after a closing quote; "
            + "expected a delimiter or the end of the row after a quoted value");
      }
      // unquoted cell
      p = s;
      while (true) {
        if (p >= n) {
          if (!eof) {
            return -1;
          }
          addCell(s, p, false);
          pendingLines = ln - line + 1;
          return n;
        }
        byte c = b[p];
        if (c > '"' && c != d) {
          p++;
          continue;
        }
        if (c == d) {
          addCell(s, p, false);
          p++;
          break;
        }
        if (c == '\n') {
          addCell(s, p, false);
          pendingLines = ln - line + 1;
          return p + 1;
        }
        if (c == '\r') {
          if (p + 1 >= n && !eof) {
            return -1;
          }
          if (p + 1 < n && b[p + 1] == '\n') {
            addCell(s, p, false);
            pendingLines = ln - line + 1;
            return p + 2;
          }
          throw crOnly(ln);
        }
        if (c == '"') {
          throw new BadInputException(file + ": row " + ln + ": a quote inside an "
              + "unquoted value; expected quotes only around a whole value (\"a, b\"), with "
              + "quotes inside it doubled");
        }
        if (c == 0) {
          throw nul(ln);
        }
        if (c < 0) {
          int k = utf8(b, p, n, ln);
          if (k < 0) {
            return -1;
          }
          p += k;
          continue;
        }
        p++; // other control characters, space, '!'
      }
    }
  }

  /** Splits one record of whitespace-separated values; -1 when more bytes are needed. */
  private int splitWhitespace() {
    final byte[] b = buf;
    final int n = len;
    int p = pos;
    long ln = line;
    recordLine = line;
    count = 0;
    quotedFirst = false;
    while (true) {
      while (p < n && (b[p] == ' ' || b[p] == '\t')) {
        p++;
      }
      if (p >= n) {
        if (!eof) {
          return -1;
        }
        pendingLines = ln - line + 1;
        if (count == 0) {
          addCell(p, p, false);
        }
        return n;
      }
      byte c = b[p];
      if (c == '\n' || c == '\r') {
        if (c == '\r') {
          if (p + 1 >= n && !eof) {
            return -1;
          }
          if (p + 1 >= n || b[p + 1] != '\n') {
            throw crOnly(ln);
          }
        }
        if (count == 0) {
          addCell(p, p, false);
        }
        pendingLines = ln - line + 1;
        return p + (c == '\r' ? 2 : 1);
      }
      if (c == '"') {
        int q = p + 1;
        boolean esc = false;
        final long opened = ln;
        while (true) {
          if (q >= n) {
            if (!eof) {
              return -1;
            }
            throw new BadInputException(file + ": row " + opened + ": a quoted value is never "
                + "closed; expected a closing quote");
          }
          byte e = b[q];
          if (e == '"') {
            if (q + 1 >= n && !eof) {
              return -1;
            }
            if (q + 1 < n && b[q + 1] == '"') {
              esc = true;
              q += 2;
              continue;
            }
            break;
          }
          if (e == '\n') {
            ln++;
          } else if (e == 0) {
            throw nul(ln);
          } else if (e < 0) {
            int k = utf8(b, q, n, ln);
            if (k < 0) {
              return -1;
            }
            q += k;
            continue;
          }
          q++;
        }
        addCell(p + 1, q, esc);
        p = q + 1;
        if (p < n && b[p] != ' ' && b[p] != '\t' && b[p] != '\n' && b[p] != '\r') {
          throw new BadInputException(file + ": row " + ln + ": text after a closing quote; "
              + "expected a space or the end of the row after a quoted value");
        }
        continue;
      }
      int s = p;
      while (p < n) {
        c = b[p];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          break;
        }
        if (c == '"') {
          throw new BadInputException(file + ": row " + ln + ": a quote inside an "
              + "unquoted value; expected quotes only around a whole value, with quotes inside "
              + "it doubled");
        }
        if (c == 0) {
          throw nul(ln);
        }
        if (c < 0) {
          int k = utf8(b, p, n, ln);
          if (k < 0) {
            return -1;
          }
          p += k;
          continue;
        }
        p++;
      }
      if (p >= n && !eof) {
        return -1;
      }
      addCell(s, p, false);
    }
  }

  private void addCell(int f, int t, boolean esc) {
    if (count == from.length) {
      if (count >= MAX_COLUMNS) {
        throw new BadInputException(file + ": row " + recordLine + ": more than "
            + String.format(Locale.ROOT, "%,d", MAX_COLUMNS) + " values in one row; expected at "
            + "most " + String.format(Locale.ROOT, "%,d", MAX_COLUMNS) + " columns (Excel's limit)");
      }
      int cap = Math.min(MAX_COLUMNS + 1, count * 2);
      from = Arrays.copyOf(from, cap);
      to = Arrays.copyOf(to, cap);
      escaped = Arrays.copyOf(escaped, cap);
    }
    from[count] = f;
    to[count] = t;
    escaped[count] = esc;
    count++;
  }

  /**
   * Length of the UTF-8 sequence at {@code b[p]} (a byte of 0x80 or more), -1 when the buffer
   * ends inside it and more bytes may come; throws when it is not UTF-8.
   */
  private int utf8(byte[] b, int p, int n, long ln) {
    int c = b[p] & 0xFF;
    int k;
    int lo = 0x80;
    int hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      k = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      k = 3;
      if (c == 0xE0) {
        lo = 0xA0;
      } else if (c == 0xED) {
        hi = 0x9F;
      }
    } else if (c >= 0xF0 && c <= 0xF4) {
      k = 4;
      if (c == 0xF0) {
        lo = 0x90;
      } else if (c == 0xF4) {
        hi = 0x8F;
      }
    } else {
      throw notUtf8(ln, c);
    }
    for (int i = 1; i < k; i++) {
      if (p + i >= n) {
        if (!eof) {
          return -1;
        }
        throw new BadInputException(file + ": row " + ln + ": the file ends inside a UTF-8 "
            + "character; expected UTF-8 text");
      }
      int e = b[p + i] & 0xFF;
      if (e < (i == 1 ? lo : 0x80) || e > (i == 1 ? hi : 0xBF)) {
        throw notUtf8(ln, c);
      }
    }
    return k;
  }

  private BadInputException notUtf8(long ln, int c) {
    return new BadInputException(file + ": row " + ln + ": byte 0x"
        + String.format(Locale.ROOT, "%02X", c) + " is not valid UTF-8; expected UTF-8 text "
        + "(the file looks like Latin-1/Windows-1252: save it as \"CSV UTF-8\")");
  }

  private BadInputException nul(long ln) {
    return new BadInputException(file + ": row " + ln + ": a NUL byte (0x00); expected UTF-8 "
        + "text (the file is UTF-16/32 text or binary)");
  }

  private BadInputException crOnly(long ln) {
    return new BadInputException(file + ": row " + ln + ": a carriage return (CR) without a "
        + "line feed; the file has CR-only (old Mac) line ends: expected LF or CRLF line ends");
  }

  /**
   * Detects the delimiter on the line at {@link #pos} (reading until its end, quotes
   * respected).
   */
  private char detect() throws IOException {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    int gaps = 0;
    boolean quoted = false;
    boolean text = false;
    boolean space = false;
    int i = pos;
    while (true) {
      if (i >= len) {
        if (eof) {
          break;
        }
        if (len - pos >= MAX_RECORD_BYTES) {
          break;
        }
        int before = pos;
        fill(len - pos + 1);
        i -= before - pos;
        continue;
      }
      byte c = buf[i];
      if (c == '"') {
        quoted = !quoted;
        text = true;
      } else if (!quoted) {
        if (c == '\n' || c == '\r') {
          break;
        } else if (c == ',') {
          commas++;
        } else if (c == ';') {
          semicolons++;
        } else if (c == '\t') {
          tabs++;
        } else if (c == ' ') {
          space = text;
        } else {
          if (space) {
            gaps++;
          }
          space = false;
          text = true;
        }
      }
      i++;
    }
    if (tabs > commas && tabs > semicolons) {
      return '\t';
    }
    if (semicolons > commas) {
      return ';';
    }
    if (commas == 0 && gaps > 0) {
      return WHITESPACE;
    }
    return ',';
  }

  /**
   * Moves the unread bytes to the front and reads until at least {@code want} unread bytes are
   * held or the source ends; grows the buffer when it is too small. False when nothing new came.
   */
  private boolean fill(int want) throws IOException {
    if (eof) {
      return false;
    }
    int keep = len - pos;
    if (want > buf.length) {
      byte[] bigger = new byte[(int) Math.min((long) want * 2, MAX_RECORD_BYTES + 2L * 65536)];
      System.arraycopy(buf, pos, bigger, 0, keep);
      buf = bigger;
    } else if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, keep);
    }
    pos = 0;
    len = keep;
    boolean got = false;
    do {
      int r = source.read(buf, len, buf.length - len);
      if (r < 0) {
        eof = true;
        break;
      }
      if (r > 0) {
        got = true;
        len += r;
      }
    } while (len < want && len < buf.length);
    return got;
  }

  /** True when the first {@code len} bytes of {@code buf} begin with the UTF-8 byte-order mark. */
  static boolean startsWithUtf8Bom(byte[] buf, int len) {
    return len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB
        && (buf[2] & 0xFF) == 0xBF;
  }
}
