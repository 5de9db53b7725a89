#!/usr/bin/env bash
# The differential run of docs/differential.md: every header under /usr/include/linux (Debian's linux-libc-dev)
# modelled by uapiguard in one process and measured by gcc (-g, the DWARF read with llvm-dwarfdump, integer defines
# printed by a generated program), compared fact by fact. Prints the acceptance figures of issue 11 and the time of
# both sides; writes OUT/report.md (the wrong facts by header, the causes of failure grouped) and OUT/report.json.
#
#   bench/differential.sh [--fresh] [--jobs N] [--limit N] [--include-dir DIR] [--under linux] [--out DIR]
#
# gcc's results are cached per header content in target/differential-cache, so a rerun takes seconds; --fresh asks
# gcc again for every header, which the speed comparison needs (jobs 1 for a like-for-like figure).
# Needs a build (mvn -B -q -DskipTests package && mvn -B -q test-compile), gcc, libc6-dev, llvm, linux-libc-dev.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
for tool in gcc llvm-dwarfdump java; do
  command -v "$tool" > /dev/null || { echo "missing $tool (apt-get install -y gcc libc6-dev llvm linux-libc-dev)" >&2; exit 2; }
done
[ -f target/uapiguard.jar.original ] && [ -d target/lib ] \
  && [ -f target/test-classes/io/uapiguard/bench/DifferentialBench.class ] \
  || { echo "no build: run 'mvn -B -q -DskipTests package && mvn -B -q test-compile' first" >&2; exit 2; }

java -version 2>&1 | head -1
# The JIT flags of the CLI launcher (bin/uapiguard: C1 only, serial GC), as a user's `uapiguard model` runs: the
# front end's figure is a fresh JVM's first pass, which C2's compile work only slows down.
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss2m -cp "target/test-classes:target/uapiguard.jar.original:target/lib/*" \
  io.uapiguard.bench.DifferentialBench "$@"
