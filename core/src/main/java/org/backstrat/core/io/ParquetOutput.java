package org.backstrat.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
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
 */
public final class ParquetOutput {
  /** Row-group size: small enough that a reader streams a big output in bounded memory. */
  static final long ROW_GROUP_BYTES = 16L << 20;

  /** The Parquet type a column is written as. */
  public enum ColumnType {
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
   *     consulted after {@code writer} finished
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
    Typing typing = new Typing(types);
    TableReader.scan(csv, typing);
    MessageType schema = typing.schema();
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    ColumnType[] kinds = typing.kinds.toArray(new ColumnType[0]);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(parquet))
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new ParquetCodecs())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .withType(schema)
        .build()) {
      TableReader.scan(csv, new RowSink() {
        @Override
        public void header(List<String> cells, TableFormat format) {
          // the schema was made from it
        }

        @Override
        public void row(long rowNumber, String[] cells) {
          Group g = groups.newGroup();
          for (int c = 0; c < kinds.length && c < cells.length; c++) {
            String cell = cells[c];
            if (cell.isEmpty()) {
              continue;
            }
            switch (kinds[c]) {
              case INT64 -> g.add(c, Long.parseLong(cell));
              case DOUBLE -> g.add(c, Double.parseDouble(cell));
              case BOOLEAN -> g.add(c, Boolean.parseBoolean(cell));
              case STRING -> g.add(c, Binary.fromString(cell));
              default -> throw new IllegalStateException(kinds[c].name());
            }
          }
          try {
            w.write(g);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
    }
  }

  /** First pass: the header, and which columns keep their type. */
  private static final class Typing implements RowSink {
    private final Function<String, ColumnType> types;
    private List<String> names = List.of();
    private final List<ColumnType> kinds = new ArrayList<>();

    Typing(Function<String, ColumnType> types) {
      this.types = types;
    }

    @Override
    public void header(List<String> cells, TableFormat format) {
      names = List.copyOf(cells);
      for (String n : names) {
        ColumnType t = types.apply(n);
        kinds.add(t == null ? ColumnType.STRING : t);
      }
    }

    @Override
    public void row(long rowNumber, String[] cells) {
      for (int c = 0; c < kinds.size(); c++) {
        String cell = c < cells.length ? cells[c] : "";
        if (!cell.isEmpty() && !readsBack(kinds.get(c), cell)) {
          kinds.set(c, ColumnType.STRING);
        }
      }
    }

    MessageType schema() {
      Types.MessageTypeBuilder b = Types.buildMessage();
      for (int c = 0; c < names.size(); c++) {
        String name = Objects.requireNonNull(names.get(c));
        switch (kinds.get(c)) {
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
  }

  /** True when {@code cell}, stored as {@code type}, is read back as the same text. */
  static boolean readsBack(ColumnType type, String cell) {
    try {
      return switch (type) {
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
}
