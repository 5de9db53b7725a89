#!/usr/bin/env bash
# Robustness run: the hostile corpus of the service's tests (bench HostileLoad: malformed and empty bodies,
# 5 MB field values, a 500,000-member struct, huge hunk numbers, binary patches, credentials and odd ports in
# locations, tag names with '/', bodies trickled or never sent) replayed against a running service by CLIENTS
# clients for DURATION_S seconds, on 127.0.0.1 only. Passes when
#   - no answer is a 5xx and every request gets an answer,
#   - /actuator/health, probed every second throughout, answers 200 within 1 s every time,
#   - the heap after the run (after a full collection) is at most 10 % above the heap before it (after a
#     30 s warm-up of the same load, so that what is built once, classes, JIT code, caches, is in both).
# Stops by itself: setup, 30 s warm-up, DURATION_S, and at most 60 s for the last trickled requests.
#   bench/robustness.sh [DURATION_S=60] [CLIENTS=8]
# UAPIGUARD_BENCH_LEAVE_OUT='struct|hunk' leaves out the cases whose names the regular expression finds.
# The service runs with the JVM options of bin/uapiguard serve unless UAPIGUARD_BENCH_JAVA_OPTS says otherwise,
# over an embedded PostgreSQL in a temporary directory, with a fixture repository of our own (tags v1,
# release/v9, v1;x=y) as the base of the checks.
# Needs: target/uapiguard.jar and target/test-classes (mvn -q -DskipTests package), curl, git, jcmd.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-60}
clients=${2:-8}
warmup=30
port=${UAPIGUARD_BENCH_PORT:-18081}
jar=target/uapiguard.jar
for tool in curl git java jcmd; do
  command -v "$tool" >/dev/null || { echo "robustness.sh: $tool is required" >&2; exit 2; }
done
[ -f "$jar" ] && [ -f target/test-classes/io/uapiguard/bench/HostileLoad.class ] \
  || { echo "robustness.sh: build first: mvn -q -DskipTests package" >&2; exit 2; }

work=$(mktemp -d)
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
server_pid=
probe_pid=
cleanup() {
  [ -n "$probe_pid" ] && kill "$probe_pid" 2>/dev/null || true
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The fixture: a small header of our own, tagged as the hostile cases name it.
repo=$work/fixture
mkdir -p "$repo/include/uapi/linux"
cat >"$repo/include/uapi/linux/bpf.h" <<'EOF'
/* A small header of our own for the robustness run. */
#ifndef _UAPI__LINUX_BPF_H__
#define _UAPI__LINUX_BPF_H__
/*
 * Start of BPF helper function descriptions:
 *
 * void *bpf_map_lookup_elem(struct bpf_map *map, const void *key)
 * 	Description
 * 		Look up an element.
 * 	Return
 * 		Map value.
 */
#define ___BPF_FUNC_MAPPER(FN, ctx...) \
	FN(unspec, 0, ##ctx) \
	FN(map_lookup_elem, 1, ##ctx)
#define __BPF_FUNC_MAPPER_APPLY(name, value, FN) FN(name),
#define __BPF_FUNC_MAPPER(FN) ___BPF_FUNC_MAPPER(__BPF_FUNC_MAPPER_APPLY, FN)
#define __BPF_ENUM_FN(x, y) BPF_FUNC_ ## x = y,
enum bpf_func_id {
	___BPF_FUNC_MAPPER(__BPF_ENUM_FN)
	__BPF_FUNC_MAX_ID,
};
#undef __BPF_ENUM_FN
struct bpf_map_info {
	unsigned int type;
	unsigned int id;
};
#endif
EOF
git -C "$repo" init -q -b master
git -C "$repo" -c user.name=bench -c user.email=bench@localhost add .
git -C "$repo" -c user.name=bench -c user.email=bench@localhost commit -q -m fixture
for tag in v1 release/v9 'v1;x=y'; do git -C "$repo" tag "$tag"; done

. bench/service.sh
start_service
auth=(-H "Authorization: Bearer $token")
curl -fsS "${auth[@]}" -H 'Content-Type: application/json' "$base/api/v1/admin/repositories" \
  -d "{\"name\": \"fixture\", \"location\": \"$repo\", \"tagPattern\": \"*\"}" >/dev/null
curl -fsS "${auth[@]}" -X POST "$base/api/v1/admin/repositories/fixture/ingest?wait=true" | grep -q '"succeeded"' \
  || { echo "robustness.sh: the fixture's ingest did not succeed" >&2; exit 1; }

# Used heap after a full collection, in bytes (the sum of the heap pools).
# The live heap: what the generations hold right after a full collection, read from the JVM itself. (Read through
# an HTTP scrape a second later, it also counted what that second and the scrape had allocated: ±10 MB of noise.)
heap() {
  jcmd "$server_pid" GC.run >/dev/null
  jcmd "$server_pid" GC.heap_info | awk '/^ [A-Za-z]/ && !/Metaspace|class space/ && match($0, /used [0-9]+K/) {
    s += substr($0, RSTART + 5, RLENGTH - 6) * 1024 } END { printf "%d", s }'
}
hostile() {   # SECONDS
  java -Xmx1g -cp target/test-classes io.uapiguard.bench.HostileLoad "$base" fixture \
    "$repo/include/uapi/linux/bpf.h" "$token" "$clients" "$1" "${UAPIGUARD_BENCH_LEAVE_OUT:-}"
}

echo "warm-up: $warmup s"
hostile "$warmup" >"$work/warmup.out" 2>&1 || true
heap_before=$(heap)

# Health, once a second for the whole run: status and seconds, or 000 when it gave no answer within 5 s.
( while true; do
    curl -s -o /dev/null -m 5 -w '%{http_code} %{time_total}\n' "$base/actuator/health" || echo "000 5"
    sleep 1
  done ) >"$work/health.out" 2>/dev/null &
probe_pid=$!

echo "measured: $duration s, $clients clients; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
hostile "$duration" | tee "$work/hostile.out" || status=1
kill "$probe_pid" 2>/dev/null || true
wait "$probe_pid" 2>/dev/null || true
probe_pid=
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

heap_after=$(heap)
awk -v b="$heap_before" -v a="$heap_after" 'BEGIN { printf "heap after a full GC: before %.1f MB, after %.1f MB (%+.1f %%)\n",
  b / 1048576, a / 1048576, (a - b) * 100 / b }'
awk -v b="$heap_before" -v a="$heap_after" 'BEGIN { exit !(a <= b * 1.10) }' \
  || { echo "FAIL: the heap grew by more than 10 %"; status=1; }

sort -k2,2n "$work/health.out" | awk '{ n++; if ($1 != 200 || $2 + 0 > 1.0) bad++; t[n] = $2 + 0 }
  END { printf "health: %d probes, %d not 200 within 1 s; median %.3f s, 90th percentile %.3f s, slowest %.3f s\n",
        n, bad, t[int((n + 1) / 2)], t[int(n * 0.9 + 0.5)], t[n]; exit bad > 0 }' || { echo "FAIL: health did not answer within 1 s every time"; status=1; }
awk '/Pause/ { ms = $NF; sub(/ms/, "", ms); kind = /Pause Full/ ? "full" : "young"; n[kind]++
  if (ms + 0 > max[kind]) max[kind] = ms + 0 }
  END { printf "collector pauses (whole run): %d young (max %.1f ms), %d full (max %.1f ms; 2 are the heap readings)\n",
        n["young"], max["young"], n["full"], max["full"] }' "$work/gc.log"
errors=$(grep -c ' ERROR ' "$work/service.log" || true)
echo "service log: $errors ERROR lines"
[ "$errors" -eq 0 ] || grep -m 5 ' ERROR ' "$work/service.log"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
[ "$status" -eq 0 ] && echo "PASS" || echo "FAIL"
exit "$status"
