#!/usr/bin/env bash
# The baseline: the kernel's scripts/check-uapi.sh method. Each header revision is compiled into a
# shared object with full debug info, then abidiff compares the type information of consecutive pairs.
#
#   bench/abidiff-baseline.sh REVS_DIR OUT_DIR [FIRST LAST]
#
# REVS_DIR holds 000.h, 001.h, ... (bench/extract-corpus.sh). Compiles revisions FIRST..LAST (default: all)
# and abidiffs each consecutive pair among them. Prints a summary line; exits non-zero only on tool errors.
set -euo pipefail
revs="$1"
out="$2"
mapfile -t all < <(cd "$revs" && ls -- *.h | sort)
first="${3:-0}"
last="${4:-$((${#all[@]} - 1))}"
kernel_headers="${KERNEL_HEADERS:-/usr/include}"   # linux/types.h, linux/bpf_common.h (linux-libc-dev)
mkdir -p "$out"
printf 'int main(void) { return 0; }\n' > "$out/stub.c"

compile_failures=0
for ((i = first; i <= last; i++)); do
  name="${all[$i]%.h}"
  gcc -shared -fPIC -g -O0 -fno-eliminate-unused-debug-types -I"$kernel_headers" \
      -include "$revs/${all[$i]}" "$out/stub.c" -o "$out/$name.so" 2>/dev/null || compile_failures=$((compile_failures + 1))
done

changed=0
errors=0
for ((i = first + 1; i <= last; i++)); do
  old="$out/${all[$((i - 1))]%.h}.so"
  new="$out/${all[$i]%.h}.so"
  if [[ ! -f $old || ! -f $new ]]; then errors=$((errors + 1)); continue; fi
  status=0
  abidiff --non-reachable-types "$old" "$new" > /dev/null 2>&1 || status=$?
  # abidiff's exit status is a bit field: 1 error, 2 usage error, 4 ABI change, 8 incompatible change.
  if (( status & 3 )); then errors=$((errors + 1)); elif (( status )); then changed=$((changed + 1)); fi
done
echo "baseline: compiled $((last - first + 1)) revisions ($compile_failures failed), abidiff on $((last - first)) pairs:" \
     "$changed with changes, $errors errors"
