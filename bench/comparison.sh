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
echo "== (a) all $((n - 1)) consecutive diffs"
"$uapiguard" bench --repo "$work/corpus.git" --rev master --path "$path"
hyperfine --style basic --runs "${RUNS_A:-5}" --export-json "$work/a-uapiguard.json" \
  -n "uapiguard bench (one process, $n revisions)" \
  "$uapiguard bench --repo $work/corpus.git --rev master --path $path"
baseline_last="${BASELINE_LAST:-$((n - 1))}"
hyperfine --style basic --runs 1 --export-json "$work/a-baseline.json" \
  -n "baseline: compile $((baseline_last + 1)) revisions + abidiff $baseline_last pairs" \
  "$root/bench/abidiff-baseline.sh $work/revs $work/so 0 $baseline_last"

echo
echo "== (b) one diff of two header files, whole process"
hyperfine --style basic --warmup 3 --runs "${RUNS_B:-30}" --export-json "$work/b.json" \
  -n "uapiguard diff" "$uapiguard diff --fail-on never $last_old $last_new" \
  -n "baseline pair (2 x gcc + abidiff)" \
  "$root/bench/abidiff-baseline.sh $work/revs $work/so-pair $((n - 2)) $((n - 1))"

python3 - "$work" "$n" "$baseline_last" <<'PY'
import json, sys
work, n, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def res(name, i=0):
    return json.load(open(f"{work}/{name}.json"))["results"][i]
ua, ba = res("a-uapiguard"), res("a-baseline")
scale = (n - 1) / last
base_all = ba["mean"] * scale
print()
print("== summary")
print(f"(a) uapiguard, {n - 1} diffs in one process: median {ua['median']:.2f} s wall "
      f"(user+sys {ua['user'] + ua['system']:.2f} s)")
print(f"    baseline, {last} pairs: {ba['mean']:.2f} s wall (user+sys {ba['user'] + ba['system']:.2f} s)"
      + (f", extrapolated to {n - 1} pairs: {base_all:.1f} s" if last != n - 1 else ""))
print(f"    uapiguard is {base_all / ua['median']:.1f}x faster (wall), "
      f"{(ba['user'] + ba['system']) * scale / (ua['user'] + ua['system']):.1f}x (CPU)")
ub, bb = res("b", 0), res("b", 1)
print(f"(b) uapiguard diff: median {ub['median'] * 1000:.0f} ms wall (user+sys {(ub['user'] + ub['system']) * 1000:.0f} ms); "
      f"baseline pair: median {bb['median'] * 1000:.0f} ms (user+sys {(bb['user'] + bb['system']) * 1000:.0f} ms); "
      f"ratio uapiguard/baseline {ub['median'] / bb['median']:.2f}")
PY
