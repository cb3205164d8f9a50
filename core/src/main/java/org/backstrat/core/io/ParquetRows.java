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
    sink.header(header(file, schema), TableFormat.PARQUET);
    records(ch, file, meta, schema, new Cells(schema), sink::row);
  }

  /**
   * Streams the rows as typed cells ({@link TypedCells}): signed integer and DOUBLE columns as
   * numbers, never as text, every other column as {@link #scan} reads it. For the numeric path
   * ({@link NumericReader}), which needs no text for most cells.
   *
   * @param header receives the column names and the number of rows before any row, and says
   *     which columns to read (the others are never decoded and read as missing)
   */
  static void scanTyped(FileChannel ch, String file, TypedHeader header, TypedRowSink sink)
      throws IOException {
    ParquetMetadata meta = footer(ch, file);
    MessageType schema = meta.getFileMetaData().getSchema();
    long rows = 0;
    for (BlockMetaData block : meta.getBlocks()) {
      rows += block.getRowCount();
    }
    boolean[] read = header.header(header(file, schema), rows);
    MessageType requested = schema;
    int[] columns = new int[schema.getFieldCount()];
    if (read == null) {
      for (int c = 0; c < columns.length; c++) {
        columns[c] = c;
      }
    } else {
      List<Type> fields = new ArrayList<>();
      int n = 0;
      for (int c = 0; c < columns.length; c++) {
        if (read[c]) {
          fields.add(schema.getType(c));
          columns[n++] = c;
        }
      }
      requested = new MessageType(schema.getName(), fields);
      columns = Arrays.copyOf(columns, n);
    }
    records(ch, file, meta, requested,
        new TypedCells(requested, columns, schema.getFieldCount()), sink::row);
  }

  /** Receives a Parquet file's column names and row count ({@link #scanTyped}). */
  @FunctionalInterface
  interface TypedHeader {
    /**
     * The column names (row 1) and the number of data rows the footer declares.
     *
     * @return per column whether to read it, or null to read every column
     */
    boolean[] header(List<String> names, long rows);
  }

  /** Receives a Parquet file's rows as typed cells ({@link #scanTyped}). */
  @FunctionalInterface
  interface TypedRowSink {
    /** One row; {@code cells} is reused for the next row. */
    void row(long rowNumber, TypedCells cells);
  }

  /** Receives one record (row numbers as in the CSV twin: first record = row 2). */
  @FunctionalInterface
  private interface RecordSink<T> {
    void row(long rowNumber, T record);
  }

  private static List<String> header(String file, MessageType schema) {
    List<String> header = new ArrayList<>();
    for (Type field : schema.getFields()) {
      header.add(field.getName());
      checkColumn(file, field);
    }
    return header;
  }

  /**
   * Reads every row group in turn, one page per column at a time, of the {@code requested}
   * columns only (the file's schema or a projection of it).
   */
  private static <T> void records(FileChannel ch, String file, ParquetMetadata meta,
                                  MessageType requested, RecordMaterializer<T> materializer,
                                  RecordSink<T> sink) {
    MessageType schema = requested;
    MessageColumnIO io = new ColumnIOFactory().getColumnIO(requested,
        meta.getFileMetaData().getSchema());
    long rowNumber = 1;
    for (BlockMetaData block : meta.getBlocks()) {
      RecordReader<T> records;
      try {
        records = io.getRecordReader(new RowGroup(ch, file, schema, block), materializer);
      } catch (RuntimeException e) {
        throw damaged(file, e);
      }
      for (long r = 0; r < block.getRowCount(); r++) {
        T row;
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

  /** The root converter of a flat record: one converter per column; {@code start} resets. */
  private static GroupConverter flat(Converter[] columns, Runnable start) {
    return new GroupConverter() {
      @Override
      public Converter getConverter(int fieldIndex) {
        return columns[fieldIndex];
      }

      @Override
      public void start() {
        start.run();
      }

      @Override
      public void end() {
        // the row is complete
      }
    };
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
        columns[c] = new Cell(current, c, schema.getType(c).asPrimitiveType());
      }
      root = flat(columns, () -> Arrays.fill(current, ""));
    }

    @Override
    public String[] getCurrentRecord() {
      return current.clone();
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }

  /**
   * One record as typed cells, reused from row to row: a signed INT32/INT64 column without a
   * logical type other than a signed integer, and a DOUBLE column, give numbers
   * ({@link #number}); every other column gives the text {@link #scan} reads ({@link #text}).
   * {@link #text} renders a number exactly as {@link #scan} would (digits, {@link PlainNumber}).
   */
  static final class TypedCells extends RecordMaterializer<TypedCells> {
    /** A null: an empty cell. */
    static final byte MISSING = 0;
    /** A cell read as text. */
    static final byte TEXT = 1;
    /** An integer, exact in {@link #longs}. */
    static final byte INTEGER = 2;
    /** A double. */
    static final byte DOUBLE = 3;
    private final byte[] kinds;
    private final double[] numbers;
    private final long[] longs;
    private final String[] texts;
    private final GroupConverter root;

    /**
     * Cells of a table of {@code width} columns, of which {@code requested} are read: its field
     * f is column {@code columns[f]}.
     */
    TypedCells(MessageType requested, int[] columns, int width) {
      kinds = new byte[width];
      numbers = new double[width];
      longs = new long[width];
      texts = new String[width];
      Converter[] converters = new Converter[columns.length];
      for (int f = 0; f < columns.length; f++) {
        PrimitiveType type = requested.getType(f).asPrimitiveType();
        converters[f] = numeric(type) ? new NumberCell(columns[f]) : new TextCell(columns[f],
            type);
      }
      root = flat(converters, () -> Arrays.fill(kinds, MISSING));
    }

    /** Whether the column's values are numbers as they are stored. */
    private static boolean numeric(PrimitiveType type) {
      LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
      return switch (type.getPrimitiveTypeName()) {
        case INT32, INT64 -> a == null
            || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned();
        case DOUBLE -> a == null;
        default -> false;
      };
    }

    /** The number of columns. */
    int count() {
      return kinds.length;
    }

    /** What cell {@code c} holds: {@link #MISSING}, {@link #TEXT}, {@link #INTEGER}, ... */
    byte kind(int c) {
      return kinds[c];
    }

    /** Cell {@code c} as a number (for {@link #INTEGER} and {@link #DOUBLE}). */
    double number(int c) {
      return numbers[c];
    }

    /** Cell {@code c} as the text {@link #scan} gives it ("" when missing). */
    String text(int c) {
      return switch (kinds[c]) {
        case TEXT -> texts[c];
        case INTEGER -> Long.toString(longs[c]);
        case DOUBLE -> PlainNumber.of(numbers[c]);
        default -> "";
      };
    }

    @Override
    public TypedCells getCurrentRecord() {
      return this;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }

    /** A signed integer or double column. */
    private final class NumberCell extends PrimitiveConverter {
      private final int column;

      NumberCell(int column) {
        this.column = column;
      }

      @Override
      public void addInt(int value) {
        addLong(value);
      }

      @Override
      public void addLong(long value) {
        kinds[column] = INTEGER;
        longs[column] = value;
        numbers[column] = value;
      }

      @Override
      public void addDouble(double value) {
        kinds[column] = DOUBLE;
        numbers[column] = value;
      }
    }

    /** Any other column: its text, as {@link Cell} makes it. */
    private final class TextCell extends Cell {
      private final int column;

      TextCell(int column, PrimitiveType type) {
        super(texts, column, type);
        this.column = column;
      }

      @Override
      void set(String text) {
        super.set(text);
        kinds[column] = TEXT;
      }
    }
  }

  /** One column's values as text, into {@code current[column]}. */
  private static class Cell extends PrimitiveConverter {
    private final String[] current;
    private final int column;
    private final LogicalTypeAnnotation annotation;
    private final int scale;

    Cell(String[] current, int column, PrimitiveType type) {
      this.current = current;
      this.column = column;
      this.annotation = type.getLogicalTypeAnnotation();
      this.scale = annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
          ? d.getScale() : -1;
    }

    /** Stores the cell's text. */
    void set(String text) {
      current[column] = text;
    }

    @Override
    public void addBoolean(boolean value) {
      set(value ? "true" : "false");
    }

    @Override
    public void addInt(int value) {
      if (scale >= 0) {
        set(BigDecimal.valueOf(value, scale).toPlainString());
      } else if (annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
        set(LocalDate.ofEpochDay(value).toString());
      } else if (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
          && !i.isSigned()) {
        set(Integer.toUnsignedString(value));
      } else {
        set(Integer.toString(value));
      }
    }

    @Override
    public void addLong(long value) {
      if (scale >= 0) {
        set(BigDecimal.valueOf(value, scale).toPlainString());
      } else if (annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
        set(switch (t.getUnit()) {
          case MILLIS -> Instant.ofEpochMilli(value).toString();
          case MICROS -> Instant.EPOCH.plusNanos(Math.multiplyExact(value, 1000L)).toString();
          case NANOS -> Instant.EPOCH.plusNanos(value).toString();
        });
      } else if (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
          && !i.isSigned()) {
        set(Long.toUnsignedString(value));
      } else {
        set(Long.toString(value));
      }
    }

    @Override
    public void addFloat(float value) {
      set(value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value) : Float.toString(value));
    }

    @Override
    public void addDouble(double value) {
      set(PlainNumber.of(value));
    }

    @Override
    public void addBinary(Binary value) {
      if (scale >= 0) {
        set(new BigDecimal(new BigInteger(value.getBytes()), scale).toPlainString());
      } else if (annotation instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
        ByteBuffer b = ByteBuffer.wrap(value.getBytes());
        set(new UUID(b.getLong(), b.getLong()).toString());
      } else {
        set(value.toStringUsingUTF8());
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
