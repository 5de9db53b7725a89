#!/usr/bin/env python3
"""Checks the differential oracle's DWARF reading against the compiler itself.

For every header in the oracle's cache (bench/differential.sh fills it), one C program per header prints
sizeof of each record and __builtin_offsetof * 8 of each member path that gcc read from the DWARF; every value must
match. Members offsetof cannot take (bitfields) are dropped the way the oracle drops defines: gcc's error lines
name them, and the program is compiled again.

    bench/differential-selfcheck.py [CACHE_DIR=target/differential-cache]
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

cache = sys.argv[1] if len(sys.argv) > 1 else "target/differential-cache"
env = {**os.environ, "LC_ALL": "C"}
checked = mismatches = unchecked = 0
with tempfile.TemporaryDirectory() as work:
    src, binary = os.path.join(work, "x.c"), os.path.join(work, "x")
    for entry in sorted(glob.glob(os.path.join(cache, "*.json"))):
        truth = json.load(open(entry))
        if not truth["compiles"] or not truth["records"]:
            continue
        probes = []  # (what, DWARF's value, statement)
        for name, r in truth["records"].items():
            t = name if r["typedefName"] else f"{r['kind']} {name}"
            probes.append((f"sizeof({t})", r["size"], f'__builtin_printf("%zu\\n", sizeof({t}));'))
            for path, bits in r["memberOffsets"].items():
                probes.append((f"{t}.{path}", bits,
                               f'__builtin_printf("%zu\\n", __builtin_offsetof({t}, {path}) * 8);'))
        live = set(range(len(probes)))
        for _ in range(4):
            body = "\n".join(probes[i][2] if i in live else ";" for i in range(len(probes)))
            with open(src, "w") as f:
                f.write(f"#include <{truth['header']}>\nint main(void) {{\n{body}\nreturn 0; }}\n")
            built = subprocess.run(["gcc", "-std=gnu11", "-w", "-o", binary, src], capture_output=True, text=True,
                                   env=env)
            if built.returncode == 0:
                break
            live -= {int(m.group(1)) - 3 for m in re.finditer(r"^" + re.escape(src) + r":(\d+):", built.stderr, re.M)}
        else:
            sys.exit(f"{truth['header']}: the check program does not compile")
        values = iter(subprocess.run([binary], capture_output=True, text=True, check=True).stdout.split())
        for i, (what, dwarf, _) in enumerate(probes):
            if i not in live:
                unchecked += 1
                continue
            checked += 1
            c = int(next(values))
            if c != dwarf:
                mismatches += 1
                print(f"MISMATCH {truth['header']}: {what}: DWARF {dwarf}, C {c}")
print(f"checked {checked} sizes and offsets: {mismatches} mismatches; {unchecked} not checkable (bitfields)")
sys.exit(1 if mismatches else 0)
