#!/usr/bin/env bash
# The "Comparison" benchmarks of docs/benchmarks.md, each against the compile-and-abidiff baseline
# (the method of the kernel's scripts/check-uapi.sh) measured in the same run:
#   (a) all consecutive diffs of the corpus: `uapiguard bench` (one process) vs the baseline pipeline;
#   (b) `uapiguard diff` of two header files as a whole process vs one baseline pair (2 compiles + 1 abidiff).
# Needs a build (mvn -o -q package -DskipTests), gcc, abidiff (abigail-tools), hyperfine, linux-libc-dev.
#
#   bench/comparison.sh [WORK_DIR]     BASELINE_LAST=N limits the baseline to revisions 0..N (a sample)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d /tmp/uapiguard-bench.XXXXXX)}"
uapiguard="$root/bin/uapiguard"
path=include/uapi/linux/bpf.h
for tool in gcc abidiff hyperfine git; do
  command -v "$tool" > /dev/null || { echo "missing $tool (apt-get install -y abigail-tools hyperfine gcc git)" >&2; exit 2; }
done

"$root/bench/extract-corpus.sh" "$work"
mapfile -t revs < <(cd "$work/revs" && ls -- *.h | sort)
n=${#revs[@]}
last_old="$work/revs/${revs[$((n - 2))]}"
last_new="$work/revs/${revs[$((n - 1))]}"

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
echo "gcc $(gcc -dumpfullversion), $(abidiff --version), $(hyperfine --version)"

# Train the launcher's AppCDS archive on a diff (the first run of a build writes it), so (b) measures steady state.
rm -f "$root/target/uapiguard-cli.jsa"
"$uapiguard" diff --fail-on never "$last_old" "$last_new" > /dev/null

echo
echo "== (a) all $((n - 1)) consecutive diffs, one process (from the same files the baseline compiles)"
"$uapiguard" bench --repo "$work/corpus.git" --rev master --path "$path"   # the same, read from git: findings
baseline_last="${BASELINE_LAST:-$((n - 1))}"
hyperfine --style basic --runs "${RUNS_A:-3}" --export-json "$work/a-uapiguard.json" \
  -n "uapiguard bench, 1 thread" "$uapiguard bench --files $work/revs --threads 1" \
  -n "uapiguard bench, 2 threads" "$uapiguard bench --files $work/revs --threads 2"
hyperfine --style basic --runs 1 --export-json "$work/a-baseline.json" \
  -n "baseline, 1 job: compile $((baseline_last + 1)) revisions + abidiff $baseline_last pairs" \
  "JOBS=1 $root/bench/abidiff-baseline.sh $work/revs $work/so 0 $baseline_last" \
  -n "baseline, 2 jobs" "JOBS=2 $root/bench/abidiff-baseline.sh $work/revs $work/so 0 $baseline_last"

printf 'int main(void) { return 0; }\n' > "$work/stub.c"
cflags="-shared -fPIC -g -O0 -fno-eliminate-unused-debug-types -I${KERNEL_HEADERS:-/usr/include}"

echo
echo "== (b) one diff of two header files, whole process"
hyperfine --style basic --warmup 3 --runs "${RUNS_B:-30}" --export-json "$work/b.json" \
  -n "uapiguard diff" "$uapiguard diff --fail-on never $last_old $last_new" \
  -n "baseline pair (2 x gcc + abidiff)" \
  "gcc $cflags -include $last_old $work/stub.c -o $work/pair-old.so && gcc $cflags -include $last_new $work/stub.c -o $work/pair-new.so && { abidiff --non-reachable-types $work/pair-old.so $work/pair-new.so > /dev/null || true; }"

python3 - "$work" "$n" "$baseline_last" <<'PY'
import json, sys
work, n, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def res(name, i):
    return json.load(open(f"{work}/{name}.json"))["results"][i]
scale = (n - 1) / last
print()
print("== summary")
for i, label in ((0, "1 thread / 1 job"), (1, "2 threads / 2 jobs")):
    u, b = res("a-uapiguard", i), res("a-baseline", i)
    u_cpu, b_cpu = u["user"] + u["system"], (b["user"] + b["system"]) * scale
    b_wall = b["mean"] * scale
    print(f"(a) {label}: uapiguard median {u['median']:.2f} s wall, {u_cpu:.2f} s CPU; "
          f"baseline {b_wall:.1f} s wall, {b_cpu:.1f} s CPU"
          + (f" (extrapolated from {last} pairs)" if last != n - 1 else "")
          + f"; uapiguard {b_wall / u['median']:.1f}x faster (wall), {b_cpu / u_cpu:.1f}x (CPU)")
ub, bb = res("b", 0), res("b", 1)
print(f"(b) uapiguard diff: median {ub['median'] * 1000:.0f} ms wall (user+sys {(ub['user'] + ub['system']) * 1000:.0f} ms); "
      f"baseline pair: median {bb['median'] * 1000:.0f} ms (user+sys {(bb['user'] + bb['system']) * 1000:.0f} ms); "
      f"ratio uapiguard/baseline {ub['median'] / bb['median']:.2f}")
PY
