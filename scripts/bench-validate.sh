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

now() { python3 -c 'import time; print(time.perf_counter())'; }

start=$(now)
set +e
./target/release/datumctl validate -o json -f "$STREAM" >"$WORK/reports.jsonl" 2>"$WORK/summary.txt"
code=$?
set -e
end=$(now)
if [ "$code" -gt 1 ]; then
    cat "$WORK/summary.txt" >&2
    exit "$code"
fi
validate_s=$(python3 -c "print($end - $start)")

# PyYAML's parse alone, timed inside Python so interpreter start-up does not count against it.
parse_s=$(python3 - "$STREAM" <<'PY'
import sys, time, yaml
text = open(sys.argv[1]).read()
start = time.perf_counter()
docs = [d for d in yaml.load_all(text, Loader=yaml.CLoader) if d is not None]
print(time.perf_counter() - start)
PY
)

python3 - "$DOCS" "$validate_s" "$parse_s" "$(stat -c %s "$STREAM")" "$(tail -1 "$WORK/summary.txt")" <<'PY'
import sys
docs, v, p, size, summary = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
print(f"stream: {docs} documents, {size / 1e6:.1f} MB ({summary})")
print(f"datumctl validate (release, whole process): {v:.3f} s, {docs / v:,.0f} docs/s")
print(f"PyYAML CLoader parse only:                  {p:.3f} s, {docs / p:,.0f} docs/s")
print(f"ratio: validate is {p / v:.2f}x the speed of the parse alone (goal >= 2x)")
PY
