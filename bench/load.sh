#!/usr/bin/env bash
# Load benchmark of the CI bot's call: full-header checks against a stored base, 8 concurrent clients.
# Starts the service on 127.0.0.1 (embedded PostgreSQL in a temporary directory), ingests the corpus bundle
# through the admin API, then measures two ways, each for DURATION_S:
#   1. saturation: wrk (Debian package wrk), CLIENTS connections each sending its next check as soon as the last
#      is answered (closed loop), after a warm-up (UAPIGUARD_BENCH_WARMUP seconds, default 60: the JIT is still
#      compiling after 30 s): the most checks per second, latency including queueing;
#   2. a fixed rate: RATE checks per second in total from CLIENTS connections (CheckLoad, open loop), latency
#      counted from when each check was due; RATE may list several (300,350,400), each measured in turn.
#   bench/load.sh [DURATION_S=60] [CLIENTS=8] [RATE=300]
# The candidates are the N newest revisions (UAPIGUARD_BENCH_BASE=N, default 20), each checked against the revision
# before all of them; every request appends a comment of its own to its header, so that each is a new candidate
# (parsed, judged and stored as a check of its own), never an answer found ready.
# JVM options of the service: UAPIGUARD_BENCH_JAVA_OPTS, default those of bin/uapiguard serve (the parallel
# collector with fixed survivor sizing and a 0.5 % time goal, the JVM's default heap size); -XX:+UseG1GC
# measures the JVM's default collector.
# UAPIGUARD_BENCH_JAR: the service jar to run (default target/uapiguard.jar: another build, compared in one window).
# Needs: target/uapiguard.jar and target/test-classes (mvn -q -DskipTests package), wrk, jq, curl, git,
# ../shared/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-60}
clients=${2:-8}
rate=${3:-300}
port=${UAPIGUARD_BENCH_PORT:-18080}
threads=$(( clients < 2 ? clients : 2 ))   # wrk needs at least one connection per thread
bundle=${UAPIGUARD_CORPUS:-../shared/corpus}/bpf-uapi-history.bundle
jar=${UAPIGUARD_BENCH_JAR:-target/uapiguard.jar}
for tool in wrk jq curl java; do
  command -v "$tool" >/dev/null || { echo "load.sh: $tool is required" >&2; exit 2; }
done
[ -f "$jar" ] && [ -f target/test-classes/io/uapiguard/bench/CheckLoad.class ] \
  || { echo "load.sh: build first: mvn -q -DskipTests package" >&2; exit 2; }
[ -f "$bundle" ] || { echo "load.sh: no corpus at $bundle" >&2; exit 2; }
bundle=$(cd "$(dirname "$bundle")" && pwd)/$(basename "$bundle")

work=$(mktemp -d)
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

. bench/service.sh
start_service

auth=(-H "Authorization: Bearer $token")
curl -fsS "${auth[@]}" -H 'Content-Type: application/json' "$base/api/v1/admin/repositories" \
  -d "$(jq -n --arg l "$bundle" '{name: "corpus", location: $l}')" >/dev/null
ingest=$(curl -fsS "${auth[@]}" -X POST "$base/api/v1/admin/repositories/corpus/ingest?wait=true")
jq -e '.state == "succeeded"' <<<"$ingest" >/dev/null || { echo "load.sh: ingest did not succeed: $ingest" >&2; exit 1; }
echo "ingest: $(jq -c .summary <<<"$ingest")"

# The candidates: the UAPIGUARD_BENCH_BASE (default 20) newest stored headers, each checked against the revision
# just older than all of them (a base with the changes of up to 20 commits ahead of it, as a series under review).
# Every request is a new candidate: the scripts append a comment of their own to each header.
revisions=$(curl -fsS "$base/api/v1/repositories/corpus/revisions")
k=${UAPIGUARD_BENCH_BASE:-20}
against=$(jq -er --argjson k "$k" '.[$k].commitId // empty' <<<"$revisions") && [ "$k" -ge 1 ] \
  || { echo "load.sh: UAPIGUARD_BENCH_BASE=$k: need 1 to $(( $(jq length <<<"$revisions") - 1 ))" >&2; exit 2; }
bodies=()
for i in $(seq 0 $((k - 1))); do
  commit=$(jq -er --argjson i "$i" '.[$i].commitId' <<<"$revisions")
  curl -fsS "$base/api/v1/repositories/corpus/revisions/$commit/header" >"$work/bpf-$i.h"
  jq -c -n --rawfile h "$work/bpf-$i.h" --arg b "$against" '{repository: "corpus", base: $b, header: $h}' \
    >"$work/body-$i.json"
  bodies+=("$work/body-$i.json")
  answer=$(curl -fsS -H 'Content-Type: application/json' --data-binary @"$work/body-$i.json" "$base/api/v1/checks")
  echo "candidate ${commit:0:12}: $(wc -c <"$work/body-$i.json") bytes, $(jq -c '{verdict, summary}' <<<"$answer")"
done
echo "base: ${against:0:12}"

export UAPIGUARD_BENCH_BODIES=$(IFS=:; echo "${bodies[*]}")
warmup=${UAPIGUARD_BENCH_WARMUP:-60}
echo "warm-up: $warmup s"
wrk -t"$threads" -c"$clients" -d"$warmup"s -s bench/check.lua "$base/api/v1/checks" >/dev/null
# Seconds since the JVM started, as its GC log counts them.
measured_from=$(awk -v hz="$(getconf CLK_TCK)" -v up="$(cut -d' ' -f1 /proc/uptime)" \
  '{print up - $22 / hz}' "/proc/$server_pid/stat")
# CPU time of the service process (user+system, clock ticks), to state the cost of one check apart from
# whatever else the machine is running.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
echo "measured: ${duration} s each, $clients connections ($threads wrk threads); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_per_check() {   # OUTPUT_FILE TICKS_BEFORE TICKS_AFTER
  local requests
  requests=$(sed -n 's/^requests=\([0-9]*\).*/\1/p' "$1")
  awk -v t=$(($3 - $2)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "service CPU per check: %.2f ms (%d checks)\n", t * 1000 / hz / n, n }'
}
echo "== 1. saturation (closed loop): wrk, $clients connections"
before=$(cpu_ticks)
wrk -t"$threads" -c"$clients" -d"${duration}s" --latency -s bench/check.lua "$base/api/v1/checks" | tee "$work/wrk.out"
cpu_per_check "$work/wrk.out" "$before" "$(cpu_ticks)"
for r in ${rate//,/ }; do
  echo "== 2. fixed rate (open loop): $r checks/s from $clients connections, latency from when each was due"
  before=$(cpu_ticks)
  java -XX:+UseSerialGC -Xmx256m -cp target/test-classes io.uapiguard.bench.CheckLoad \
    "$base/api/v1/checks" "$UAPIGUARD_BENCH_BODIES" "$r" "$clients" "$duration" | tee "$work/rate.out"
  cpu_per_check "$work/rate.out" "$before" "$(cpu_ticks)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Pauses from the end of the warm-up on: a full collection stops every check in flight for 100+ ms.
awk -v from="$measured_from" '/Pause/ { t = substr($1, 2) + 0; if (t < from) next; ms = $NF; sub(/ms/, "", ms)
  kind = /Pause Full/ ? "full" : "young"; n[kind]++; if (ms + 0 > max[kind]) max[kind] = ms + 0 }
  END { printf "collector pauses while measured: %d young (max %.1f ms), %d full (max %.1f ms)\n",
        n["young"], max["young"], n["full"], max["full"] }' "$work/gc.log"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
