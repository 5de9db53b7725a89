#!/usr/bin/env bash
# Load benchmark of the CI bot's call: full-header checks against a stored base, 8 concurrent clients.
# Starts the service on 127.0.0.1 (embedded PostgreSQL in a temporary directory), ingests the corpus bundle
# through the admin API, then measures two ways, each for DURATION_S:
#   1. saturation: wrk (Debian package wrk), CLIENTS connections each sending its next check as soon as the last
#      is answered (closed loop), after a warm-up (UAPIGUARD_BENCH_WARMUP seconds, default 60: the JIT is still
#      compiling after 30 s): the most checks per second, latency including queueing;
#   2. a fixed rate: RATE checks per second in total from CLIENTS connections (CheckLoad, open loop), latency
#      counted from when each check was due; RATE may list several (300,350,400), each measured in turn. The first
#      UAPIGUARD_BENCH_RATE_WARMUP seconds (default 5) of the schedule are sent and not counted: a service that sat
#      idle while another build was measured held up the checks of its first second, all 300 of them in one window.
# After each window: the CPU a check cost the service's JVM, and its database's processes (the stored check's write;
# on the same cores when the database is the embedded one).
#   bench/load.sh [DURATION_S=60] [CLIENTS=8] [RATE=300]
# The candidates are the N newest revisions (UAPIGUARD_BENCH_BASE=N, default 20), each checked against the revision
# before all of them; every request appends a comment of its own to its header, so that each is a new candidate
# (parsed, judged and stored as a check of its own), never an answer found ready.
# JVM options of the service: UAPIGUARD_BENCH_JAVA_OPTS, default those of bin/uapiguard serve (the parallel
# collector with fixed survivor sizing and a 0.5 % time goal, the JVM's default heap size); -XX:+UseG1GC
# measures the JVM's default collector.
# UAPIGUARD_BENCH_LOGS=DIR: keep each service's collector log (gc-bN.log) and, for each fixed-rate window, each check's
# due time and latency (timeline-rR-bN-RATE.txt, CheckLoad's; the JVM's uptime at the window's start on its first
# line, so that the two can be laid side by side).
# UAPIGUARD_BENCH_JAR: the service jar to run (default target/uapiguard.jar); several, separated by ':', are run side
# by side (each its own service, database and port) and measured in alternating windows, UAPIGUARD_BENCH_ROUNDS of
# them (default 1) for each build and phase: builds compared under the same machine, whose speed drifts over minutes.
# UAPIGUARD_BENCH_DATABASES: JDBC URLs separated by spaces, one per build in the order of UAPIGUARD_BENCH_JAR (each an
# empty database on a server that trusts the user postgres), used in place of the embedded PostgreSQL: the write of a
# check measured against a server of durable defaults (fsync, synchronous_commit on), as docker-compose.yml runs one.
# Needs: target/uapiguard.jar and target/test-classes (mvn -q -DskipTests package), wrk, jq, curl, git,
# ../shared/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-60}
clients=${2:-8}
rate=${3:-300}
first_port=${UAPIGUARD_BENCH_PORT:-18080}
rounds=${UAPIGUARD_BENCH_ROUNDS:-1}
threads=$(( clients < 2 ? clients : 2 ))   # wrk needs at least one connection per thread
bundle=${UAPIGUARD_CORPUS:-../shared/corpus}/bpf-uapi-history.bundle
IFS=: read -r -a jars <<<"${UAPIGUARD_BENCH_JAR:-target/uapiguard.jar}"
read -r -a db_urls <<<"${UAPIGUARD_BENCH_DATABASES:-}"
[ "${#db_urls[@]}" -eq 0 ] || [ "${#db_urls[@]}" -eq "${#jars[@]}" ] \
  || { echo "load.sh: UAPIGUARD_BENCH_DATABASES names ${#db_urls[@]} databases for ${#jars[@]} builds" >&2; exit 2; }
for tool in wrk jq curl java; do
  command -v "$tool" >/dev/null || { echo "load.sh: $tool is required" >&2; exit 2; }
done
for jar in "${jars[@]}"; do
  [ -f "$jar" ] || { echo "load.sh: no jar $jar: build first: mvn -q -DskipTests package" >&2; exit 2; }
done
[ -f target/test-classes/io/uapiguard/bench/CheckLoad.class ] \
  || { echo "load.sh: build first: mvn -q -DskipTests package" >&2; exit 2; }
[ -f "$bundle" ] || { echo "load.sh: no corpus at $bundle" >&2; exit 2; }
bundle=$(cd "$(dirname "$bundle")" && pwd)/$(basename "$bundle")

top=$(mktemp -d)
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
pids=()
bases=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$top"
}
trap cleanup EXIT

. bench/service.sh
auth=(-H "Authorization: Bearer $token")
for s in "${!jars[@]}"; do
  work=$top/s$s; mkdir -p "$work"; jar=${jars[$s]}; port=$((first_port + s)); db_url=${db_urls[$s]:-}
  start_service
  pids+=("$server_pid"); bases+=("$base")
  curl -fsS "${auth[@]}" -H 'Content-Type: application/json' "$base/api/v1/admin/repositories" \
    -d "$(jq -n --arg l "$bundle" '{name: "corpus", location: $l}')" >/dev/null
  ingest=$(curl -fsS "${auth[@]}" -X POST "$base/api/v1/admin/repositories/corpus/ingest?wait=true")
  jq -e '.state == "succeeded"' <<<"$ingest" >/dev/null || { echo "load.sh: ingest did not succeed: $ingest" >&2; exit 1; }
  echo "build $s: $jar on port $port; ingest: $(jq -c .summary <<<"$ingest")"
done

# The candidates: the UAPIGUARD_BENCH_BASE (default 20) newest stored headers, each checked against the revision
# just older than all of them (a base with the changes of up to 20 commits ahead of it, as a series under review).
# Every request is a new candidate: the scripts append a comment of their own to each header.
base=${bases[0]}
revisions=$(curl -fsS "$base/api/v1/repositories/corpus/revisions")
k=${UAPIGUARD_BENCH_BASE:-20}
against=$(jq -er --argjson k "$k" '.[$k].commitId // empty' <<<"$revisions") && [ "$k" -ge 1 ] \
  || { echo "load.sh: UAPIGUARD_BENCH_BASE=$k: need 1 to $(( $(jq length <<<"$revisions") - 1 ))" >&2; exit 2; }
bodies=()
for i in $(seq 0 $((k - 1))); do
  commit=$(jq -er --argjson i "$i" '.[$i].commitId' <<<"$revisions")
  curl -fsS "$base/api/v1/repositories/corpus/revisions/$commit/header" >"$top/bpf-$i.h"
  jq -c -n --rawfile h "$top/bpf-$i.h" --arg b "$against" '{repository: "corpus", base: $b, header: $h}' \
    >"$top/body-$i.json"
  bodies+=("$top/body-$i.json")
  for s in "${!bases[@]}"; do
    answer=$(curl -fsS -H 'Content-Type: application/json' --data-binary @"$top/body-$i.json" "${bases[$s]}/api/v1/checks")
    echo "build $s, candidate ${commit:0:12}: $(wc -c <"$top/body-$i.json") bytes, $(jq -c '{verdict, summary}' <<<"$answer")"
  done
done
echo "base: ${against:0:12}"

logs=${UAPIGUARD_BENCH_LOGS:-}
[ -z "$logs" ] || mkdir -p "$logs"
# Seconds since the JVM of build $1 started, as its collector log counts them.
jvm_uptime() {
  awk -v hz="$(getconf CLK_TCK)" -v up="$(cut -d' ' -f1 /proc/uptime)" '{print up - $22 / hz}' "/proc/${pids[$1]}/stat"
}

export UAPIGUARD_BENCH_BODIES=$(IFS=:; echo "${bodies[*]}")
warmup=${UAPIGUARD_BENCH_WARMUP:-60}
measured_from=()
for s in "${!bases[@]}"; do
  echo "build $s: warm-up $warmup s"
  wrk -t"$threads" -c"$clients" -d"$warmup"s -s bench/check.lua "${bases[$s]}/api/v1/checks" >/dev/null
  measured_from+=("$(jvm_uptime "$s")")
done
# CPU time of a service process (user+system, clock ticks), to state the cost of one check apart from whatever else
# the machine is running.
cpu_ticks() { awk '{print $14 + $15}' "/proc/${pids[$1]}/stat"; }
# The same of build $1's database: the embedded server's processes (its postmaster, from its data directory's
# postmaster.pid, and the postmaster's children), or the backends of its database on the server of
# UAPIGUARD_BENCH_DATABASES (by their titles; that server's own processes are shared).
# Each pid with its ticks, so that only the processes alive at both readings are counted (autovacuum's come and go).
db_ticks() {
  local pid
  if [ -n "${db_urls[$1]:-}" ]; then
    local name=${db_urls[$1]##*/}
    for pid in $(pgrep -f "^postgres: [^ ]+ ${name%%\?*} "); do
      echo "$pid $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null)"
    done
  elif [ -f "$top/s$1/pg/postmaster.pid" ]; then
    local postmaster
    postmaster=$(head -1 "$top/s$1/pg/postmaster.pid")
    for pid in "$postmaster" $(pgrep -P "$postmaster"); do
      echo "$pid $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null)"
    done
  fi
}
cpu_per_check() {   # OUTPUT_FILE TICKS_BEFORE TICKS_AFTER [DB_TICKS_BEFORE DB_TICKS_AFTER: files of db_ticks]
  local requests
  # The generator's warm-up checks (warmup_requests=, when it had one) ran between the two readings too.
  requests=$(awk '/^(warmup_)?requests=/ { split($1, kv, "="); n += kv[2] } END { print n }' "$1")
  awk -v t=$(($3 - $2)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "service CPU per check: %.2f ms (%d checks)\n", t * 1000 / hz / n, n }'
  [ $# -lt 5 ] || awk -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'FNR == NR { was[$1] = $2; next } ($1 in was) && $2 != "" { t += $2 - was[$1] }
     END { printf "database CPU per check: %.2f ms\n", t * 1000 / hz / n }' "$4" "$5"
}
echo "measured: ${duration} s each, $clients connections ($threads wrk threads), $rounds round(s); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  for s in "${!bases[@]}"; do
    echo "== round $round, build $s: 1. saturation (closed loop): wrk, $clients connections"
    before=$(cpu_ticks "$s"); db_ticks "$s" >"$top/db.before"
    wrk -t"$threads" -c"$clients" -d"${duration}s" --latency -s bench/check.lua "${bases[$s]}/api/v1/checks" \
      | tee "$top/wrk.out"
    db_ticks "$s" >"$top/db.after"
    cpu_per_check "$top/wrk.out" "$before" "$(cpu_ticks "$s")" "$top/db.before" "$top/db.after"
  done
  for r in ${rate//,/ }; do
    for s in "${!bases[@]}"; do
      echo "== round $round, build $s: 2. fixed rate (open loop): $r checks/s from $clients connections, latency from when each was due"
      before=$(cpu_ticks "$s"); db_ticks "$s" >"$top/db.before"
      timeline=${logs:+$logs/timeline-r$round-b$s-$r.txt}
      started=$(jvm_uptime "$s")
      UAPIGUARD_BENCH_TIMELINE=$timeline java -XX:+UseSerialGC -Xmx256m -cp target/test-classes \
        io.uapiguard.bench.CheckLoad "${bases[$s]}/api/v1/checks" "$UAPIGUARD_BENCH_BODIES" "$r" "$clients" "$duration" \
        "${UAPIGUARD_BENCH_RATE_WARMUP:-5}" \
        | tee "$top/rate.out"
      db_ticks "$s" >"$top/db.after"
      cpu_per_check "$top/rate.out" "$before" "$(cpu_ticks "$s")" "$top/db.before" "$top/db.after"
      [ -z "$timeline" ] || sed -i "1s/\$/; the service's JVM up $started s at the start/" "$timeline"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Pauses from the end of the warm-up on: a full collection stops every check in flight for 100+ ms.
for s in "${!bases[@]}"; do
  awk -v from="${measured_from[$s]}" -v build="$s" '/Pause/ { t = substr($1, 2) + 0; if (t < from) next; ms = $NF; sub(/ms/, "", ms)
    kind = /Pause Full/ ? "full" : "young"; n[kind]++; if (ms + 0 > max[kind]) max[kind] = ms + 0 }
    END { printf "build %s: collector pauses while measured: %d young (max %.1f ms), %d full (max %.1f ms)\n",
          build, n["young"], max["young"], n["full"], max["full"] }' "$top/s$s/gc.log"
done
if [ -n "$logs" ]; then
  for s in "${!bases[@]}"; do cp "$top/s$s/gc.log" "$logs/gc-b$s.log"; done
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
