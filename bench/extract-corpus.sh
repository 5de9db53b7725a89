#!/usr/bin/env bash
# Reads the corpus bundle in place into a scratch directory outside the repository (never commit headers):
# DIR/corpus.git (a bare clone) and DIR/revs/NNN.h, one file per revision of bpf.h, oldest first.
#
#   bench/extract-corpus.sh DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bundle="${UAPIGUARD_CORPUS:-$root/../shared/corpus}/bpf-uapi-history.bundle"
dir="$1"
path=include/uapi/linux/bpf.h
[[ -f $bundle ]] || { echo "no corpus bundle at $bundle (set UAPIGUARD_CORPUS)" >&2; exit 2; }
rm -rf "$dir/corpus.git" "$dir/revs"
mkdir -p "$dir/revs"
git clone -q --bare "$bundle" "$dir/corpus.git"
i=0
while read -r commit; do
  printf -v name '%03d' "$i"
  git -C "$dir/corpus.git" cat-file blob "$commit:$path" > "$dir/revs/$name.h"
  i=$((i + 1))
done < <(git -C "$dir/corpus.git" rev-list --reverse --topo-order master -- "$path")
echo "extracted $i revisions of $path into $dir/revs"
