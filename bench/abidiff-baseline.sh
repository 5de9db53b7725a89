#!/usr/bin/env bash
# The baseline: the kernel's scripts/check-uapi.sh method. Each header revision is compiled into a
# shared object with full debug info, then abidiff compares the type information of consecutive pairs.
#
#   bench/abidiff-baseline.sh REVS_DIR OUT_DIR [FIRST LAST]
#
# REVS_DIR holds 000.h, 001.h, ... (bench/extract-corpus.sh). Compiles revisions FIRST..LAST (default: all)
# and abidiffs each consecutive pair among them, JOBS at a time (default 1; check-uapi.sh's -j does the same).
# Prints a summary line; exits non-zero only when the tools fail.
set -euo pipefail
revs="$1"
out="$2"
mapfile -t all < <(cd "$revs" && ls -- *.h | sort)
first="${3:-0}"
last="${4:-$((${#all[@]} - 1))}"
jobs="${JOBS:-1}"
export KERNEL_HEADERS="${KERNEL_HEADERS:-/usr/include}"   # linux/types.h, linux/bpf_common.h (linux-libc-dev)
mkdir -p "$out"
printf 'int main(void) { return 0; }\n' > "$out/stub.c"

names=()
for ((i = first; i <= last; i++)); do names+=("${all[$i]%.h}"); done

# Compile: one shared object per revision.
printf '%s\n' "${names[@]}" | REVS="$revs" OUT="$out" xargs -P "$jobs" -I{} sh -c \
  'gcc -shared -fPIC -g -O0 -fno-eliminate-unused-debug-types -I"$KERNEL_HEADERS" -include "$REVS/{}.h" \
       "$OUT/stub.c" -o "$OUT/{}.so" 2>/dev/null || echo "compile failed: {}"' > "$out/compile.log"

# abidiff's exit status is a bit field: 1 error, 2 usage error, 4 ABI change, 8 incompatible change.
for ((i = 1; i < ${#names[@]}; i++)); do printf '%s %s\n' "${names[$((i - 1))]}" "${names[$i]}"; done |
  OUT="$out" xargs -P "$jobs" -n 2 sh -c \
    'status=0; abidiff --non-reachable-types "$OUT/$0.so" "$OUT/$1.so" > /dev/null 2>&1 || status=$?; echo "$status"' \
  > "$out/abidiff.log"

compile_failures=$(grep -c . "$out/compile.log" || true)
changed=$(awk '$1 > 0 && $1 % 4 == 0' "$out/abidiff.log" | wc -l)
errors=$(awk '$1 % 4 != 0' "$out/abidiff.log" | wc -l)
echo "baseline ($jobs job(s)): compiled ${#names[@]} revisions ($compile_failures failed)," \
     "abidiff on $((${#names[@]} - 1)) pairs: $changed with changes, $errors errors"
