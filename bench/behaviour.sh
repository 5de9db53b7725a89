#!/usr/bin/env bash
# Behaviour unchanged between two builds, over the whole corpus: `uapiguard model --format json` of each of the
# 408 bpf.h revisions byte-identical (with the same exit code and errors), and `uapiguard bench` findings per rule
# identical over the 407 consecutive pairs. Each TARGET is a packaged build's target folder
# (mvn -B -q -DskipTests package; keep a copy of the old one, e.g. from `git worktree add /tmp/old COMMIT`).
#
#   bench/behaviour.sh BEFORE_TARGET AFTER_TARGET [WORK_DIR]
#
# BEFORE_MODEL_ARGS / AFTER_MODEL_ARGS add arguments to each side's `model` (e.g. AFTER_MODEL_ARGS=--no-system-includes);
# FACTS_ONLY=1 compares the models without schemaVersion, gaps and complete (what a schema change adds).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 2 ]] || { sed -n '2,7p' "${BASH_SOURCE[0]}" >&2; exit 2; }
before="$(cd "$1" && pwd)"
after="$(cd "$2" && pwd)"
work="${3:-$(mktemp -d /tmp/uapiguard-behaviour.XXXXXX)}"

"$root/bench/extract-corpus.sh" "$work"
for side in before after; do
  target="${!side}"
  rm -rf "${work:?}/$side"
  mkdir -p "$work/$side"
  args_var="${side^^}_MODEL_ARGS"
  # shellcheck disable=SC2086
  java -cp "$target/uapiguard.jar.original:$target/lib/*" "$root/bench/ModelJson.java" "$work/revs" "$work/$side/model" \
    ${!args_var:-}
  if [[ "${FACTS_ONLY:-}" == 1 ]]; then
    python3 - "$work/$side/model" <<'PY'
import json, pathlib, sys
for f in pathlib.Path(sys.argv[1]).glob('*.json'):
    text = f.read_text()
    if text.strip():
        m = json.loads(text)
        for k in ('schemaVersion', 'gaps', 'complete'):
            m.pop(k, None)
        f.write_text(json.dumps(m, indent=2) + '\n')
PY
  fi
  # The findings, the exit code and the errors; not the timing line.
  status=0
  UAPIGUARD_TARGET="$target" "$root/bin/uapiguard" bench --files "$work/revs" --threads 1 \
    > "$work/$side/bench.out" 2> "$work/$side/bench.err" || status=$?
  { sed '/^in-process ms/,$d' "$work/$side/bench.out"; echo "exit $status"; cat "$work/$side/bench.err"; } \
    > "$work/$side/bench.txt"
done

models=$(find "$work/before/model" -name '*.json' | wc -l)
diff -r "$work/before/model" "$work/after/model" > "$work/model.diff" \
  || { echo "model JSON differs: $work/model.diff" >&2; exit 1; }
diff "$work/before/bench.txt" "$work/after/bench.txt" > "$work/bench.diff" \
  || { echo "bench findings differ: $work/bench.diff" >&2; exit 1; }
echo "model JSON byte-identical on $models revisions (exit codes and errors too); bench findings identical:"
cat "$work/after/bench.txt"
