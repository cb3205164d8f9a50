#!/usr/bin/env bash
# Load and crash benchmark of `backstrat serve` (issue 12). Loopback only.
#
#   bench/serve/run.sh load  sqlite|postgresql [SECONDS=60] [CONNECTIONS=32]
#   bench/serve/run.sh kill  sqlite|postgresql [SECONDS=20] [CONNECTIONS=32]
#
# load: a fresh registry, the server started from the CLI jar, the closed-loop load generator
#   (LoadGen.java: every request sent is answered and counted) for 5 s warm-up + SECONDS; prints
#   its JSON line (assessments/s over the measured window, p50/p90/p99/max latency), the server's
#   CPU time per assessment, the load average before and after, and checks that the registry
#   holds exactly as many rows as 201 answers.
# kill: the same load, the server is sent SIGKILL after a third of the time; the generator
#   writes every acknowledged assessment id; the server is restarted on the same registry and
#   every acknowledged id must be there (rows beyond them were committed but their answers were
#   lost in the kill), the SQLite file must pass PRAGMA integrity_check.
# PostgreSQL: BACKSTRAT_BENCH_PG_URL (default the test database of .ci/run, which must be up).
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:?load or kill}
db=${2:?sqlite or postgresql}
seconds=${3:-$([ "$mode" = load ] && echo 60 || echo 20)}
connections=${4:-32}
jar=cli/target/backstrat.jar
[ -f "$jar" ] || mvn -B -q -o -DskipTests package -pl cli -am
model=model/src/test/resources/org/backstrat/model/person/fixture-model.json
work=bench/work/serve
mkdir -p "$work"
port=18181
pg_url=${BACKSTRAT_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/backstrat_test?user=backstrat&password=backstrat}

case "$db" in
  sqlite)
    rm -f "$work/registry.db" "$work/registry.db-wal" "$work/registry.db-shm"
    dburl="$work/registry.db"
    rows() { /usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from assessment').fetchone()[0])" "$work/registry.db"; }
    ;;
  postgresql)
    dburl="$pg_url"
    psql_url=$(echo "$pg_url" | sed -E 's#^jdbc:postgresql://([^/]+)/([^?]+)\?user=([^&]+)&password=(.*)$#postgresql://\3:\4@\1/\2#')
    psql "$psql_url" -qc "DROP TABLE IF EXISTS assessment; DROP TABLE IF EXISTS flyway_schema_history;"
    rows() { psql "$psql_url" -tAc "select count(*) from assessment"; }
    ;;
  *) echo "database: sqlite or postgresql" >&2; exit 2 ;;
esac

# compiled once, so that the generator starts at once (the source launcher compiles each time)
mkdir -p "$work/classes"
javac -d "$work/classes" bench/serve/LoadGen.java
loadgen() { java -cp "$work/classes" LoadGen --port $port --connections "$connections" "$@"; }

start_server() {
  java -Xmx1g -jar "$jar" serve --model "$model" --port $port --db "$dburl" \
    2>>"$work/server.log" &
  server=$!
  for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    kill -0 $server 2>/dev/null || { echo "server died; see $work/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "server did not start" >&2; exit 1
}
cpu_ticks() { awk '{print $14+$15}' /proc/$1/stat; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
: > "$work/server.log"
start_server

if [ "$mode" = load ]; then
  before=$(rows)
  c0=$(cpu_ticks $server)
  loadgen --seconds "$seconds" --warmup 5 | tee "$work/load.json"
  c1=$(cpu_ticks $server)
  after=$(rows)
  kill -TERM $server; wait $server || true
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/python3 - "$work/load.json" "$before" "$after" "$c0" "$c1" "$(getconf CLK_TCK)" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
before, after, c0, c1, hz = (int(x) for x in sys.argv[2:7])
ok = d["responses_201_total"]
print(f"server CPU per assessment: {(c1 - c0) / hz * 1000 / max(ok, 1):.3f} ms")
print(f"registry rows added: {after - before}, 201 answers: {ok} -> "
      + ("EXACT" if after - before == ok else "MISMATCH"))
sys.exit(0 if after - before == ok else 1)
PY
else
  acks="$work/acks.txt"
  loadgen --seconds "$seconds" --warmup 0 --acks "$acks" > "$work/kill.json" &
  gen=$!
  sleep "$(( seconds / 3 ))"
  kill -KILL $server
  echo "server sent SIGKILL after $(( seconds / 3 )) s"
  wait $server 2>/dev/null || true
  wait $gen
  cat "$work/kill.json"
  start_server
  echo "restarted on the same registry"
  kill -TERM $server; wait $server || true
  n_acks=$(wc -l < "$acks")
  n_rows=$(rows)
  case "$db" in
    sqlite)
      missing=$(/usr/bin/python3 - "$work/registry.db" "$acks" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
ok = c.execute("pragma integrity_check").fetchone()[0]
print("integrity_check:", ok, file=sys.stderr)
ids = {r[0] for r in c.execute("select assessment_id from assessment")}
acks = [l.strip() for l in open(sys.argv[2]) if l.strip()]
print(sum(1 for a in acks if a not in ids) + (0 if ok == "ok" else 10**9))
PY
)
      ;;
    postgresql)
      missing=$(psql "$psql_url" -tAc "select assessment_id from assessment" | sort > "$work/ids.txt"; sort "$acks" | comm -23 - "$work/ids.txt" | wc -l)
      ;;
  esac
  echo "acknowledged: $n_acks, rows after restart: $n_rows, acknowledged but missing: $missing"
  [ "$missing" = 0 ] && [ "$n_rows" -ge "$n_acks" ] && echo "CONSISTENT" || { echo "LOST"; exit 1; }
fi
