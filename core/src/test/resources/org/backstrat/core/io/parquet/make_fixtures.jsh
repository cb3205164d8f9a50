// Writes the Parquet fixtures of ParquetTableTest with DuckDB, a Parquet implementation
// independent of parquet-java (C++). Run from this folder:
//   jshell --class-path ~/.m2/repository/org/duckdb/duckdb_jdbc/1.4.4.0/duckdb_jdbc-1.4.4.0.jar \
//     make_fixtures.jsh
// (fetch the jar once with: mvn dependency:get -Dartifact=org.duckdb:duckdb_jdbc:1.4.4.0)
import java.sql.*;
var c = DriverManager.getConnection("jdbc:duckdb:");
var s = c.createStatement();
s.execute("CREATE TABLE t AS SELECT * FROM (VALUES "
    + "('P001', 41, 27.5::DOUBLE, 0.5::FLOAT, true, 8589934592::BIGINT, 12.30::DECIMAL(6,2), DATE '2024-03-01', 'Oulu, FI'),"
    + "('P002', NULL, 31.25::DOUBLE, NULL, false, -3::BIGINT, NULL, NULL, NULL),"
    + "('P003', 7, NULL, 2.0::FLOAT, NULL, NULL, -0.05::DECIMAL(6,2), DATE '1966-07-01', 'x \"q\"'),"
    + "('P004', 60, 19.0::DOUBLE, 0.25::FLOAT, true, 0::BIGINT, 1.00::DECIMAL(6,2), DATE '2000-01-31', ''),"
    + "('P005', 33, 22.125::DOUBLE, -1.5::FLOAT, false, 42::BIGINT, 99.99::DECIMAL(6,2), DATE '2024-12-31', 'Helsinki')"
    + ") v(id, age, bmi, f, smoker, n, d, day, site)");
s.execute("COPY t TO 'duckdb_types_zstd.parquet' (FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE 2)");
s.execute("COPY t TO 'duckdb_types_snappy.parquet' (FORMAT PARQUET, COMPRESSION SNAPPY)");
s.execute("COPY t TO 'duckdb_types_gzip.parquet' (FORMAT PARQUET, COMPRESSION GZIP)");
s.execute("COPY (SELECT 'a' AS id, {'age': 3, 'bmi': 2.5} AS visit) TO 'duckdb_struct.parquet' (FORMAT PARQUET)");
s.execute("COPY (SELECT 'a' AS id, [1, 2, 3] AS scores) TO 'duckdb_list.parquet' (FORMAT PARQUET)");
// the cohort fixture, typed by DuckDB's own CSV sniffer (integers, doubles, text)
s.execute("COPY (SELECT * FROM read_csv('../../cohort/valid.csv', header = true)) TO "
    + "'duckdb_valid.parquet' (FORMAT PARQUET, COMPRESSION SNAPPY)");
c.close();
/exit
