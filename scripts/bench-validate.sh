#!/usr/bin/env bash
# Benchmark (not a test): `datumctl validate` on a 10,000-document stream built from the 120
# upstream examples, against PyYAML's C loader merely parsing the same stream. One run each;
# prints documents per second for both and the ratio (goal: validate >= 2x the parse alone).
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS="${DOCS:-10000}"
EXAMPLES="${EXAMPLES:-../shared/reference/envoy-gateway/examples}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
STREAM="$WORK/stream.yaml"

cargo build --release --quiet
python3 -c 'import yaml; yaml.CLoader' 2>/dev/null || python3 -m pip install --quiet pyyaml

# The stream: the examples in name order, repeated until DOCS documents, one per `---`.
python3 - "$EXAMPLES" "$DOCS" "$STREAM" <<'PY'
import pathlib, sys
examples = sorted(pathlib.Path(sys.argv[1]).glob("*.yaml"))
texts = [p.read_text() for p in examples]
count = int(sys.argv[2])
with open(sys.argv[3], "w") as out:
    for i in range(count):
        out.write("---\n" + texts[i % len(texts)].rstrip("\n") + "\n")
PY

# Both timed from one Python process: datumctl as a whole process (start-up included), PyYAML's
# parse alone inside Python (its interpreter start-up and the file read not counted).
python3 - "$STREAM" "$DOCS" "$WORK" <<'PY'
import os, resource, subprocess, sys, time, yaml
stream, docs, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(os.path.join(work, "reports.jsonl"), "wb") as out:
    start = time.perf_counter()
    run = subprocess.run(["./target/release/datumctl", "validate", "-o", "json", "-f", stream],
                         stdout=out, stderr=subprocess.PIPE)
    validate_s = time.perf_counter() - start
# CPU time too: on a shared machine wall time also measures the other processes.
child = resource.getrusage(resource.RUSAGE_CHILDREN)
validate_cpu = child.ru_utime + child.ru_stime
if run.returncode > 1:
    sys.exit(run.stderr.decode())
summary = run.stderr.decode().strip().splitlines()[-1]
text = open(stream).read()
start, cpu_start = time.perf_counter(), time.process_time()
parsed = [d for d in yaml.load_all(text, Loader=yaml.CLoader) if d is not None]
parse_s = time.perf_counter() - start
parse_cpu = time.process_time() - cpu_start
assert len(parsed) == docs
print(f"stream: {docs} documents, {len(text) / 1e6:.1f} MB (datumctl: {summary})")
print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
print(f"datumctl validate (release, whole process): {validate_s:.3f} s wall, {validate_cpu:.3f} s CPU, {docs / validate_s:,.0f} docs/s")
print(f"PyYAML CLoader parse only:                  {parse_s:.3f} s wall, {parse_cpu:.3f} s CPU, {docs / parse_s:,.0f} docs/s")
print(f"ratio (wall): validate is {parse_s / validate_s:.2f}x the speed of the parse alone (goal >= 2x)")
print(f"ratio (CPU):  validate is {parse_cpu / validate_cpu:.2f}x")
PY
