package org.backstrat.core.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.backstrat.core.BadInputException;

/**
 * Streams the rows of a Parquet file to a {@link RowSink}, one row group at a time and, within
 * it, one page per column at a time, so memory does not grow with the number of rows. Read with
 * parquet-java's column decoders and footer classes but without Hadoop: the file is read through
 * a {@link FileChannel} and pages are decompressed by {@link ParquetCodecs}.
 *
 * <p>Only flat tables are read: every column a primitive, required or optional (nested groups and
 * repeated columns are refused naming the column). Cells are the text a CSV export would hold:
 * integers as digits, DOUBLE as {@link PlainNumber} writes it, FLOAT in its shortest decimal
 * form, BOOLEAN as {@code true}/{@code false}, strings (BINARY, with or without the STRING
 * annotation) as UTF-8 text, DECIMAL in plain notation, DATE as {@code 2024-03-01}, TIMESTAMP as
 * an ISO-8601 instant, UUID in its usual form. A null is an empty cell, as an empty CSV cell.
 * Row numbers in messages count as in the CSV twin: the header is row 1, the first record row 2.
 */
final class ParquetRows {
  /** The four bytes at the start and end of every (unencrypted) Parquet file. */
  static final byte[] MAGIC = {'P', 'A', 'R', '1'};
  /** Largest footer read (metadata of a very wide or very long file): 256 MiB. */
  static final int MAX_FOOTER_BYTES = 1 << 28;
  /** Largest page header read. */
  private static final int MAX_PAGE_HEADER_BYTES = 1 << 24;

  private ParquetRows() {
  }

  /** True when the channel starts with the Parquet magic {@code PAR1}; leaves the position. */
  static boolean isParquet(FileChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4);
    while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
      // up to 4 bytes
    }
    return b.position() == 4 && Arrays.equals(b.array(), MAGIC);
  }

  static void scan(FileChannel ch, String file, RowSink sink) throws IOException {
    ParquetMetadata meta = footer(ch, file);
    MessageType schema = meta.getFileMetaData().getSchema();
    List<String> header = new ArrayList<>();
    for (Type field : schema.getFields()) {
      header.add(field.getName());
      checkColumn(file, field);
    }
    sink.header(header, TableFormat.PARQUET);
    MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
    Cells cells = new Cells(schema);
    long rowNumber = 1;
    for (BlockMetaData block : meta.getBlocks()) {
      RecordReader<String[]> records;
      try {
        records = io.getRecordReader(new RowGroup(ch, file, schema, block), cells);
      } catch (RuntimeException e) {
        throw damaged(file, e);
      }
      for (long r = 0; r < block.getRowCount(); r++) {
        String[] row;
        try {
          row = records.read();
        } catch (RuntimeException e) {
          throw damaged(file, e);
        }
        rowNumber++;
        sink.row(rowNumber, row);
      }
    }
  }

  private static BadInputException damaged(String file, Throwable e) {
    if (e instanceof BadInputException b) {
      return b;
    }
    return new BadInputException(file + ": cannot read the Parquet file (damaged or truncated?): "
        + TableReader.rootMessage(e));
  }

  private static ParquetMetadata footer(FileChannel ch, String file) throws IOException {
    long size = ch.size();
    if (size < 12) {
      throw new BadInputException(file + ": too short to be a Parquet file (" + size
          + " bytes); expected PAR1, the data and a footer");
    }
    ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, tail, size - 8, file);
    byte[] magic = Arrays.copyOfRange(tail.array(), 4, 8);
    if (Arrays.equals(magic, new byte[] {'P', 'A', 'R', 'E'})) {
      throw new BadInputException(file + ": the Parquet file is encrypted; backstrat reads "
          + "unencrypted Parquet only");
    }
    if (!Arrays.equals(magic, MAGIC)) {
      throw new BadInputException(file + ": the Parquet file has no footer (it ends without "
          + "PAR1): truncated or damaged; expected a complete Parquet file");
    }
    long length = tail.getInt(0) & 0xffffffffL;
    if (length <= 0 || length > size - 12 || length > MAX_FOOTER_BYTES) {
      throw new BadInputException(file + ": the Parquet footer claims " + length
          + " bytes in a file of " + size + ": damaged or truncated");
    }
    ByteBuffer bytes = ByteBuffer.allocate((int) length);
    readFully(ch, bytes, size - 8 - length, file);
    ParquetMetadata footer;
    try {
      footer = new ParquetMetadataConverter().fromParquetMetadata(Util.readFileMetaData(
          new ByteArrayInputStream(bytes.array()), MAX_FOOTER_BYTES));
    } catch (IOException | RuntimeException e) {
      throw damaged(file, e);
    }
    // a damaged footer may place a column chunk outside the file: never read or allocate past it
    for (BlockMetaData block : footer.getBlocks()) {
      for (ColumnChunkMetaData c : block.getColumns()) {
        long start = c.getStartingPos();
        long total = c.getTotalSize();
        if (start < 0 || total < 0 || total > size - start) {
          throw new BadInputException(file + ": cannot read the Parquet file (damaged or "
              + "truncated?): column \"" + c.getPath().toDotString() + "\" is said to lie "
              + "outside the file's " + size + " bytes");
        }
      }
    }
    return footer;
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long at, String file)
      throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      int n = ch.read(b, pos);
      if (n < 0) {
        throw new BadInputException(file + ": the Parquet file ends early (truncated); a page or "
            + "the footer points past its end");
      }
      pos += n;
    }
  }

  private static void checkColumn(String file, Type field) {
    String name = field.getName();
    if (!field.isPrimitive()) {
      throw new BadInputException(file + ": column \"" + name + "\" is nested (a group, list or "
          + "map); expected a flat table of one value per person and column");
    }
    if (field.isRepetition(Type.Repetition.REPEATED)) {
      throw new BadInputException(file + ": column \"" + name + "\" is repeated (a list); "
          + "expected one value per person and column");
    }
    PrimitiveType p = field.asPrimitiveType();
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    if (p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
      throw new BadInputException(file + ": column \"" + name + "\" is an INT96 timestamp (an "
          + "old Spark/Impala type); write it as a string or an INT64 timestamp");
    }
    if (p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
        && !(a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation)
        && !(a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation)) {
      throw new BadInputException(file + ": column \"" + name + "\" holds raw fixed-length "
          + "bytes; expected numbers, booleans, text, decimals, dates or UUIDs");
    }
  }

  /** Turns one record's values into cell strings. */
  private static final class Cells extends RecordMaterializer<String[]> {
    private final String[] current;
    private final GroupConverter root;

    Cells(MessageType schema) {
      int n = schema.getFieldCount();
      current = new String[n];
      Converter[] columns = new Converter[n];
      for (int c = 0; c < n; c++) {
        columns[c] = new Cell(c, schema.getType(c).asPrimitiveType());
      }
      root = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
          return columns[fieldIndex];
        }

        @Override
        public void start() {
          Arrays.fill(current, "");
        }

        @Override
        public void end() {
          // the row is complete
        }
      };
    }

    @Override
    public String[] getCurrentRecord() {
      return current.clone();
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }

    /** One column's values as text. */
    private final class Cell extends PrimitiveConverter {
      private final int column;
      private final LogicalTypeAnnotation annotation;
      private final int scale;

      Cell(int column, PrimitiveType type) {
        this.column = column;
        this.annotation = type.getLogicalTypeAnnotation();
        this.scale = annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
            ? d.getScale() : -1;
      }

      @Override
      public void addBoolean(boolean value) {
        current[column] = value ? "true" : "false";
      }

      @Override
      public void addInt(int value) {
        if (scale >= 0) {
          current[column] = BigDecimal.valueOf(value, scale).toPlainString();
        } else if (annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          current[column] = LocalDate.ofEpochDay(value).toString();
        } else if (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
            && !i.isSigned()) {
          current[column] = Integer.toUnsignedString(value);
        } else {
          current[column] = Integer.toString(value);
        }
      }

      @Override
      public void addLong(long value) {
        if (scale >= 0) {
          current[column] = BigDecimal.valueOf(value, scale).toPlainString();
        } else if (annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
          current[column] = switch (t.getUnit()) {
            case MILLIS -> Instant.ofEpochMilli(value).toString();
            case MICROS -> Instant.EPOCH.plusNanos(Math.multiplyExact(value, 1000L)).toString();
            case NANOS -> Instant.EPOCH.plusNanos(value).toString();
          };
        } else if (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
            && !i.isSigned()) {
          current[column] = Long.toUnsignedString(value);
        } else {
          current[column] = Long.toString(value);
        }
      }

      @Override
      public void addFloat(float value) {
        current[column] = value == Math.rint(value) && Math.abs(value) < 1e15
            ? Long.toString((long) value) : Float.toString(value);
      }

      @Override
      public void addDouble(double value) {
        current[column] = PlainNumber.of(value);
      }

      @Override
      public void addBinary(Binary value) {
        if (scale >= 0) {
          current[column] = new BigDecimal(new BigInteger(value.getBytes()), scale)
              .toPlainString();
        } else if (annotation instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
          ByteBuffer b = ByteBuffer.wrap(value.getBytes());
          current[column] = new UUID(b.getLong(), b.getLong()).toString();
        } else {
          current[column] = value.toStringUsingUTF8();
        }
      }
    }
  }

  /** The pages of one row group, read column by column as the decoders ask for them. */
  private static final class RowGroup implements PageReadStore {
    private final long rows;
    private final Map<ColumnDescriptor, PageReader> pages = new HashMap<>();

    RowGroup(FileChannel ch, String file, MessageType schema, BlockMetaData block) {
      rows = block.getRowCount();
      Map<List<String>, ColumnChunkMetaData> chunks = new HashMap<>();
      for (ColumnChunkMetaData c : block.getColumns()) {
        chunks.put(Arrays.asList(c.getPath().toArray()), c);
      }
      for (ColumnDescriptor d : schema.getColumns()) {
        ColumnChunkMetaData c = chunks.get(Arrays.asList(d.getPath()));
        if (c == null) {
          throw new BadInputException(file + ": a row group has no data for column \""
              + String.join(".", d.getPath()) + "\": damaged Parquet file");
        }
        pages.put(d, new ChunkPages(ch, file, c));
      }
    }

    @Override
    public PageReader getPageReader(ColumnDescriptor descriptor) {
      return pages.get(descriptor);
    }

    @Override
    public long getRowCount() {
      return rows;
    }
  }

  /** The pages of one column chunk, read from the file one at a time. */
  private static final class ChunkPages implements PageReader {
    private static final ParquetMetadataConverter CONVERTER = new ParquetMetadataConverter();
    private final FileChannel ch;
    private final String file;
    private final ColumnChunkMetaData meta;
    private final long end;
    private long position;
    private long valuesRead;
    private DictionaryPage dictionary;
    private boolean started;

    ChunkPages(FileChannel ch, String file, ColumnChunkMetaData meta) {
      this.ch = ch;
      this.file = file;
      this.meta = meta;
      this.position = meta.getStartingPos();
      this.end = position + meta.getTotalSize();
    }

    @Override
    public DictionaryPage readDictionaryPage() {
      start();
      return dictionary;
    }

    @Override
    public long getTotalValueCount() {
      return meta.getValueCount();
    }

    @Override
    public DataPage readPage() {
      start();
      try {
        while (valuesRead < meta.getValueCount() && position < end) {
          Page p = next();
          if (p.header.isSetData_page_header()) {
            DataPageHeader h = p.header.getData_page_header();
            valuesRead += h.getNum_values();
            byte[] bytes = ParquetCodecs.decompress(meta.getCodec(), p.body,
                p.header.getUncompressed_page_size());
            return new DataPageV1(BytesInput.from(bytes), h.getNum_values(), bytes.length,
                stats(), encoding(h.getRepetition_level_encoding()),
                encoding(h.getDefinition_level_encoding()), encoding(h.getEncoding()));
          }
          if (p.header.isSetData_page_header_v2()) {
            DataPageHeaderV2 h = p.header.getData_page_header_v2();
            valuesRead += h.getNum_values();
            int rl = h.getRepetition_levels_byte_length();
            int dl = h.getDefinition_levels_byte_length();
            if (rl < 0 || dl < 0 || rl + dl > p.body.length) {
              throw new IOException("a page's level lengths exceed the page");
            }
            byte[] data = Arrays.copyOfRange(p.body, rl + dl, p.body.length);
            boolean compressed = !h.isSetIs_compressed() || h.isIs_compressed();
            if (compressed) {
              data = ParquetCodecs.decompress(meta.getCodec(), data,
                  p.header.getUncompressed_page_size() - rl - dl);
            }
            return DataPageV2.uncompressed(h.getNum_rows(), h.getNum_nulls(), h.getNum_values(),
                BytesInput.from(Arrays.copyOfRange(p.body, 0, rl)),
                BytesInput.from(Arrays.copyOfRange(p.body, rl, rl + dl)),
                encoding(h.getEncoding()), BytesInput.from(data), stats());
          }
          // index pages and pages of unknown kinds carry no values
        }
      } catch (IOException e) {
        throw new BadInputException(file + ": cannot read the Parquet file (damaged or "
            + "truncated?): column \"" + meta.getPath().toDotString() + "\": "
            + TableReader.rootMessage(e));
      }
      if (valuesRead < meta.getValueCount()) {
        throw new BadInputException(file + ": cannot read the Parquet file: column \""
            + meta.getPath().toDotString() + "\" has fewer values than its metadata says "
            + "(damaged or truncated)");
      }
      return null;
    }

    private Statistics<?> stats() {
      return Statistics.getBuilderForReading(meta.getPrimitiveType()).build();
    }

    private static Encoding encoding(org.apache.parquet.format.Encoding e) {
      return CONVERTER.getEncoding(e);
    }

    private void start() {
      if (started) {
        return;
      }
      started = true;
      try {
        long at = position;
        Page p = next();
        if (p.header.isSetDictionary_page_header()) {
          var h = p.header.getDictionary_page_header();
          byte[] bytes = ParquetCodecs.decompress(meta.getCodec(), p.body,
              p.header.getUncompressed_page_size());
          dictionary = new DictionaryPage(BytesInput.from(bytes), h.getNum_values(),
              encoding(h.getEncoding()));
        } else {
          position = at; // a data page: read it again in readPage
        }
      } catch (IOException e) {
        throw new BadInputException(file + ": cannot read the Parquet file (damaged or "
            + "truncated?): column \"" + meta.getPath().toDotString() + "\": "
            + TableReader.rootMessage(e));
      }
    }

    /** Reads the page header at {@link #position} and the page's bytes; moves past both. */
    private Page next() throws IOException {
      long left = end - position;
      if (left <= 0) {
        throw new IOException("a column chunk ends before its last page");
      }
      int window = (int) Math.min(left, 1 << 16);
      while (true) {
        ByteBuffer buf = ByteBuffer.allocate(window);
        readFully(ch, buf, position, file);
        ByteArrayInputStream in = new ByteArrayInputStream(buf.array());
        PageHeader header;
        try {
          header = Util.readPageHeader(in);
        } catch (IOException e) {
          if (window < left && window < MAX_PAGE_HEADER_BYTES) {
            window = (int) Math.min(left, (long) window * 4);
            continue;
          }
          throw e;
        }
        int headerBytes = window - in.available();
        int size = header.getCompressed_page_size();
        if (size < 0 || size > left - headerBytes) {
          throw new IOException("a page of " + size + " bytes runs past its column chunk");
        }
        ByteBuffer body = ByteBuffer.allocate(size);
        readFully(ch, body, position + headerBytes, file);
        position += headerBytes + size;
        return new Page(header, body.array());
      }
    }
  }

  /** A page header and its (still compressed) bytes. */
  private record Page(PageHeader header, byte[] body) {
  }
}
