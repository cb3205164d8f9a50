package org.backstrat.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes a verb's table output as Parquet when its name ends in {@code .parquet}: the verb writes
 * its usual CSV to a temporary sibling, which is then converted, streamed, into the temporary
 * output (so {@link AtomicOutput}'s rules hold unchanged). Columns are typed where the caller
 * knows their type ({@link ColumnType}) and every cell of the column reads back as exactly the
 * same text ({@code 3}, not {@code 3.0}); every other column is a UTF-8 string. All columns are
 * optional: an empty cell is written as null, which {@link TableReader} reads back as an empty
 * cell. Pages are Snappy-compressed; row groups hold at most {@link #ROW_GROUP_BYTES}.
 *
 * <p>Tables without a schema (the folder verbs' tables, {@code dca}) are typed from their values
 * instead ({@link #fromCsvInferred}): INT32, INT64, DOUBLE or BOOLEAN when every cell of the
 * column is one, else a string; the value is kept, though a double may read back in
 * {@link PlainNumber}'s form ({@code 0.0} as {@code 0}).
 *
 * <p>The bytes depend on the rows only: the writer's settings are fixed, its footer holds no
 * time (only parquet-java's version and {@code writer.model.name} backstrat), and each column chunk's
 * encodings are listed in a fixed order ({@link ParquetFooters}: parquet-java's own order
 * changed from one JVM run to the next), so the same output is byte-identical across runs.
 */
public final class ParquetOutput {
  /** Row-group size: small enough that a reader streams a big output in bounded memory. */
  static final long ROW_GROUP_BYTES = 16L << 20;

  /** The Parquet type a column is written as. */
  public enum ColumnType {
    /** A signed 32-bit integer. */
    INT32,
    /** A signed 64-bit integer. */
    INT64,
    /** A double. */
    DOUBLE,
    /** {@code true}/{@code false}. */
    BOOLEAN,
    /** UTF-8 text (also the fallback for every column whose type is not known). */
    STRING
  }

  /** Writes one CSV file to a path. */
  @FunctionalInterface
  public interface CsvWriter {
    /** Writes the CSV output to {@code csv}. */
    void write(Path csv) throws IOException;
  }

  private ParquetOutput() {
  }

  /** True when {@code out} names a Parquet output (its name ends in {@code .parquet}). */
  public static boolean wanted(Path out) {
    Path name = out.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  /**
   * Writes the output to {@code tmp} (the temporary of {@link AtomicOutput}): directly as CSV, or,
   * when {@code out} is a Parquet output, as CSV to a sibling of {@code tmp} that is converted
   * into {@code tmp} and then removed.
   *
   * @param types each column's type by name (null or {@link ColumnType#STRING} when unknown);
   *     consulted after {@code writer} finished; {@code types} itself null: every column's type
   *     is inferred from its values ({@link #fromCsvInferred})
   */
  public static void write(Path out, Path tmp, Function<String, ColumnType> types,
                           CsvWriter writer) throws IOException {
    if (!wanted(out)) {
      writer.write(tmp);
      return;
    }
    // digits after the temporary's own name: AtomicOutput removes it if this run is killed
    Path csv = tmp.resolveSibling(tmp.getFileName() + "99999");
    try {
      writer.write(csv);
      fromCsv(csv, tmp, types);
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  /**
   * Converts a CSV file that backstrat wrote into a Parquet file, streamed in two passes: the
   * first keeps a column's type only when every cell reads back as the same text, the second
   * writes.
   */
  public static void fromCsv(Path csv, Path parquet, Function<String, ColumnType> types)
      throws IOException {
    convert(csv, parquet, new Typing(types));
  }

  /**
   * Converts a CSV file that backstrat wrote into a Parquet file whose column types are read
   * from the values ({@link #inferred}): for the tables of the folder verbs ({@code analyze},
   * {@code cluster}) and {@code dca}, whose columns have no schema. Streamed in two passes.
   */
  public static void fromCsvInferred(Path csv, Path parquet) throws IOException {
    convert(csv, parquet, new Typing(null));
  }

  /**
   * Replaces the CSV file {@code csv} (inside an output's temporary folder) by its Parquet twin
   * {@code <name>.parquet} in the same folder, types {@link #inferred}.
   *
   * @return the Parquet file
   */
  public static Path replaceCsv(Path csv) throws IOException {
    Path parquet = besideCsv(csv);
    fromCsvInferred(csv, parquet);
    Files.delete(csv);
    return parquet;
  }

  /** {@code x.csv} → {@code x.parquet} in the same folder. */
  public static Path besideCsv(Path csv) {
    String name = csv.getFileName().toString();
    String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv")
        ? name.substring(0, name.length() - 4) : name;
    return csv.resolveSibling(stem + ".parquet");
  }

  private static void convert(Path csv, Path parquet, Typing typing) throws IOException {
    TableReader.scan(csv, typing);
    MessageType schema = typing.schema();
    ColumnType[] kinds = typing.kinds.toArray(new ColumnType[0]);
    try (ParquetWriter<Object[]> w = writer(parquet, schema, kinds, true)) {
      TableReader.scan(csv, new RowSink() {
        @Override
        public void header(List<String> cells, TableFormat format) {
          // the schema was made from it
        }

        @Override
        public void row(long rowNumber, String[] cells) {
          try {
            w.write(cells.length == kinds.length ? cells : Arrays.copyOf(cells, kinds.length));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
    }
    ParquetFooters.sortEncodings(parquet);
  }

  /**
   * A writer with backstrat's fixed settings (the same rows give the same bytes) of rows given
   * as one cell per column ({@link RowWriteSupport}).
   */
  private static ParquetWriter<Object[]> writer(Path parquet, MessageType schema,
                                                ColumnType[] kinds, boolean text)
      throws IOException {
    return new RowWriterBuilder(new LocalOutputFile(parquet), schema, kinds, text)
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new ParquetCodecs())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .build();
  }

  /** Builds a {@link ParquetWriter} of {@link RowWriteSupport} rows. */
  private static final class RowWriterBuilder
      extends ParquetWriter.Builder<Object[], RowWriterBuilder> {
    private final MessageType schema;
    private final ColumnType[] kinds;
    private final boolean text;

    RowWriterBuilder(OutputFile file, MessageType schema, ColumnType[] kinds, boolean text) {
      super(file);
      this.schema = schema;
      this.kinds = kinds;
      this.text = text;
    }

    @Override
    protected RowWriterBuilder self() {
      return this;
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in the API; never called (no Hadoop here)
    protected WriteSupport<Object[]> getWriteSupport(
        org.apache.hadoop.conf.Configuration conf) {
      return new RowWriteSupport(schema, kinds, text);
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
      return new RowWriteSupport(schema, kinds, text);
    }
  }

  /**
   * Writes one row (one cell per column, null for a missing value) per record straight through
   * Parquet's record consumer, in the calls and order of parquet-java's example {@code Group}
   * writer (which this replaced: the same pages, without a {@code Group} object and its value
   * lists per row). Cells are the
   * column type's boxed value, or with {@code text} the CSV cell's text (parsed by the column's
   * type; an empty cell is null).
   */
  private static final class RowWriteSupport extends WriteSupport<Object[]> {
    private final MessageType schema;
    private final ColumnType[] kinds;
    private final String[] names;
    private final boolean text;
    private RecordConsumer out;

    RowWriteSupport(MessageType schema, ColumnType[] kinds, boolean text) {
      this.schema = schema;
      this.kinds = kinds;
      this.text = text;
      this.names = new String[kinds.length];
      for (int c = 0; c < kinds.length; c++) {
        names[c] = schema.getFieldName(c);
      }
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in the API; never called (no Hadoop here)
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public String getName() {
      return "backstrat"; // the footer's writer.model.name
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      out = recordConsumer;
    }

    @Override
    public void write(Object[] cells) {
      out.startMessage();
      for (int c = 0; c < kinds.length; c++) {
        Object v = cells[c];
        if (v == null || text && ((String) v).isEmpty()) {
          continue;
        }
        out.startField(names[c], c);
        switch (kinds[c]) {
          case INT32 -> out.addInteger(text ? Integer.parseInt((String) v) : (Integer) v);
          case INT64 -> out.addLong(text ? Long.parseLong((String) v) : (Long) v);
          case DOUBLE -> out.addDouble(text ? Double.parseDouble((String) v) : (Double) v);
          case BOOLEAN -> out.addBoolean(text ? Boolean.parseBoolean((String) v) : (Boolean) v);
          case STRING -> out.addBinary(Binary.fromString((String) v));
          default -> throw new IllegalStateException(kinds[c].name());
        }
        out.endField(names[c], c);
      }
      out.endMessage();
    }
  }

  /** The schema of optional columns of these names and types. */
  private static MessageType schema(List<String> names, List<ColumnType> kinds) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (int c = 0; c < names.size(); c++) {
      String name = Objects.requireNonNull(names.get(c));
      switch (kinds.get(c)) {
        case INT32 -> b.optional(PrimitiveTypeName.INT32).named(name);
        case INT64 -> b.optional(PrimitiveTypeName.INT64).named(name);
        case DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(name);
        case BOOLEAN -> b.optional(PrimitiveTypeName.BOOLEAN).named(name);
        case STRING -> b.optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType()).named(name);
        default -> throw new IllegalStateException(kinds.get(c).name());
      }
    }
    return b.named("backstrat");
  }

  /**
   * Writes rows of typed values straight to a Parquet file, for a table whose columns' types
   * are known (no CSV in between): the same settings, so the same rows give the same bytes.
   * Not thread-safe; close it to complete the file.
   */
  public static final class TypedWriter implements AutoCloseable {
    private final ParquetWriter<Object[]> writer;
    private final Path file;
    private final int columns;

    private TypedWriter(Path parquet, List<String> names, List<ColumnType> kinds)
        throws IOException {
      ColumnType[] k = kinds.toArray(new ColumnType[0]);
      this.writer = writer(parquet, schema(names, kinds), k, false);
      this.file = parquet;
      this.columns = k.length;
    }

    /** A writer of optional columns of these names and types into {@code parquet}. */
    public static TypedWriter open(Path parquet, List<String> names, List<ColumnType> kinds)
        throws IOException {
      if (names.size() != kinds.size()) {
        throw new IllegalArgumentException(names.size() + " names, " + kinds.size() + " types");
      }
      return new TypedWriter(parquet, names, kinds);
    }

    /**
     * One row: per column an Integer (INT32), Long (INT64), Double, Boolean or String as its
     * type says, or null for a missing value.
     */
    public void row(Object... cells) throws IOException {
      if (cells.length < columns) {
        throw new IllegalArgumentException(cells.length + " cells, " + columns + " columns");
      }
      writer.write(cells);
    }

    @Override
    public void close() throws IOException {
      writer.close();
      ParquetFooters.sortEncodings(file);
    }
  }

  /**
   * First pass: the header, and which columns keep their type. With declared types, a column
   * keeps its type when every cell reads back as the same text, else it is a string. Without
   * ({@code types == null}), each column gets the first of INT32, INT64, DOUBLE and BOOLEAN that
   * holds every one of its cells ({@link #inferred}), else it is a string.
   */
  private static final class Typing implements RowSink {
    private static final ColumnType[] INFERRED_ORDER = {ColumnType.INT32, ColumnType.INT64,
        ColumnType.DOUBLE, ColumnType.BOOLEAN};
    private final Function<String, ColumnType> types;
    private List<String> names = List.of();
    private final List<ColumnType> kinds = new ArrayList<>();
    /** Inferring: per column, whether each type of {@link #INFERRED_ORDER} still holds. */
    private boolean[][] holds;
    /** Inferring: whether the column has a non-empty cell (an empty column is a string). */
    private boolean[] seen;

    Typing(Function<String, ColumnType> types) {
      this.types = types;
    }

    @Override
    public void header(List<String> cells, TableFormat format) {
      names = List.copyOf(cells);
      for (String n : names) {
        ColumnType t = types == null ? null : types.apply(n);
        kinds.add(t == null ? ColumnType.STRING : t);
      }
      if (types == null) {
        holds = new boolean[names.size()][INFERRED_ORDER.length];
        seen = new boolean[names.size()];
        for (boolean[] h : holds) {
          Arrays.fill(h, true);
        }
      }
    }

    @Override
    public void row(long rowNumber, String[] cells) {
      for (int c = 0; c < kinds.size(); c++) {
        String cell = c < cells.length ? cells[c] : "";
        if (cell.isEmpty()) {
          continue;
        }
        if (holds != null) {
          seen[c] = true;
          for (int t = 0; t < INFERRED_ORDER.length; t++) {
            holds[c][t] = holds[c][t] && inferred(INFERRED_ORDER[t], cell);
          }
        } else if (!readsBack(kinds.get(c), cell)) {
          kinds.set(c, ColumnType.STRING);
        }
      }
    }

    MessageType schema() {
      if (holds != null) {
        for (int c = 0; c < kinds.size(); c++) {
          ColumnType k = ColumnType.STRING;
          for (int t = 0; t < INFERRED_ORDER.length && seen[c]; t++) {
            if (holds[c][t]) {
              k = INFERRED_ORDER[t];
              break;
            }
          }
          kinds.set(c, k);
        }
      }
      return ParquetOutput.schema(names, kinds);
    }
  }

  /** True when {@code cell}, stored as {@code type}, is read back as the same text. */
  static boolean readsBack(ColumnType type, String cell) {
    try {
      return switch (type) {
        case INT32 -> Integer.toString(Integer.parseInt(cell)).equals(cell);
        case INT64 -> Long.toString(Long.parseLong(cell)).equals(cell);
        case DOUBLE -> {
          double x = Double.parseDouble(cell);
          yield !Double.isNaN(x) && !Double.isInfinite(x) && PlainNumber.of(x).equals(cell);
        }
        case BOOLEAN -> cell.equals("true") || cell.equals("false");
        case STRING -> true;
      };
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * True when {@code cell}, stored as {@code type}, keeps its value: integers in their canonical
   * form only (so {@code 007} stays text), a double when the cell is the double as backstrat
   * writes it ({@link PlainNumber} or {@link Double#toString}: read back in the first form, the
   * same value), booleans as {@code true}/{@code false}.
   */
  static boolean inferred(ColumnType type, String cell) {
    if (type != ColumnType.DOUBLE) {
      return readsBack(type, cell);
    }
    char first = cell.charAt(0);
    if (!(first == '-' || first == 'N' || first == 'I' || (first >= '0' && first <= '9'))) {
      return false; // not a number: skip the exception
    }
    try {
      double x = Double.parseDouble(cell);
      return PlainNumber.of(x).equals(cell) || Double.toString(x).equals(cell);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
