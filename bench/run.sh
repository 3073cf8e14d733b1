#!/usr/bin/env bash
# The benchmark of issue 5: idra against tuned plain JDBC and the bulk-load limit, plus the idle tick.
#
#   bench/run.sh [--rows N] [--repeat K] [--cases bulk,jdbc-serial,jdbc-pipelined,idra|none]
#                [--directions pg-to-mysql,mysql-to-pg] [--saves insert,upsert] [--idra-mode IdField|Timestamp]
#                [--xmx 256m] [--idle-rows N|0] [--idle-syncs 100] [--idle-seconds 60] [--idle-ticks 20]
#                [--idle-warmup 120]
#                [--max-others 50] [--quiet-wait 120] [--attempts 2]
#                [--profile] [--keep] [--working-tree | --jar FILE] [--out DIR]
#
# Defaults: 1,000,000 rows, 3 runs of every case (median reported), both directions and save modes, idra in
# IdField mode, every JVM -Xmx256m; idle measurements on 10,000,000 rows (--idle-rows 0 skips them, --cases none
# skips the copies), 100 idle syncs for 60 s, both idle measurements after 120 s of warm-up (a node runs for days:
# its JIT compiles the ticks' code over the first minutes). --profile adds one JFR-profiled idra run per direction and save mode
# and 30 s of the idle syncs under JFR, and prints their top frames. --keep leaves the databases. --jar measures a given idra.jar instead of building one.
# On a shared machine: each case first waits (at most --quiet-wait s) until other processes (not this benchmark,
# not the databases) use at most --max-others % of one core, and is run again (at most --attempts times in all)
# when they used more while it ran; the table reports that CPU share for every case.
#
# Needs PostgreSQL and MariaDB/MySQL (PGHOST/PGPORT/PGUSER/PGPASSWORD, MYSQL_HOST/MYSQL_TCP_PORT/MYSQL_USER/
# MYSQL_PWD; defaults 127.0.0.1, postgres / root, no password); creates and drops the database idra_bench on both
# (IDRA_BENCH_DATABASE to change it). Results: bench/results/<date>-<rows>.md, .csv and -idle.csv (-2, -3... for
# further runs that day; --cases none: <date>-idle-<idle rows>).
#
# Build: idra.jar is built from the committed HEAD's pom.xml and src/main (--working-tree: from the files as they are
# now, uncommitted changes included) in a private copy, bench/target/idra-src, tests not compiled: the shared
# target/ is never touched. The benchmark module (bench/pom.xml, not part of the main build) is compiled against
# that jar. Extra Maven options: BENCH_MVN_OPTS (e.g. -o).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
jar=""
tree=0
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    --jar) jar=$(realpath "$2"); shift 2 ;;
    --working-tree) tree=1; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

mkdir -p "$here/target"
if [[ -z $jar ]]; then
  src="$here/target/idra-src"
  rm -rf "$src"
  mkdir -p "$src"
  if [[ $tree == 1 ]]; then
    mkdir -p "$src/src"
    cp "$repo/pom.xml" "$src/"
    cp -r "$repo/src/main" "$src/src/"
    label="the working tree at $(git -C "$repo" rev-parse --short HEAD)"
    if [[ -n $(git -C "$repo" status --porcelain -- src/main pom.xml) ]]; then
      label="$label with uncommitted changes to src/main or pom.xml"
    fi
  else
    git -C "$repo" archive HEAD pom.xml src/main | tar -x -C "$src"
    label="commit $(git -C "$repo" rev-parse --short HEAD)"
  fi
  echo "building idra.jar from $label..."
  (cd "$src" && mvn -B -q package -Dmaven.test.skip=true ${BENCH_MVN_OPTS:-})
  jar="$src/target/idra.jar"
else
  label="$jar"
fi
cp "$jar" "$here/target/idra.jar"
mvn -B -q -f "$here/pom.xml" package -Didra.jar="$here/target/idra.jar" ${BENCH_MVN_OPTS:-} 2>&1 \
  | grep -v "should not point at files within the project directory\|'dependencies.dependency.systemPath'\|^\[WARNING\] *$\|It is highly recommended\|For this reason, future Maven\|Some problems were encountered" || true
test -f "$here/target/idra-bench.jar"
cd "$repo"
exec java -Xmx512m -cp "$here/target/idra-bench.jar:$here/target/idra.jar" io.idra.bench.Bench \
  --jar "$here/target/idra.jar" --label "$label" "${args[@]}"
