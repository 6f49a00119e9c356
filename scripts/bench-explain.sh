#!/usr/bin/env bash
# Whole-process median of `datumctl explain backendtrafficpolicies --recursive` from the embedded
# schema and from a `datumctl serve` (live schema, warm cache), and of kubectl 1.37's
# `kubectl explain` against the same serve (warm cache), with the ratios.
# Usage: scripts/bench-explain.sh [RUNS]
# DATUMCTL_SERVE_BIN may name another datumctl build to run `serve` from (default: this one).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-30}"
KUBECTL="${DATUMCTL_TEST_KUBECTL:-$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/kubectl}"

cargo build --release --quiet
SERVE_BIN="${DATUMCTL_SERVE_BIN:-$PWD/target/release/datumctl}"

WORK="$(mktemp -d)"
SERVE_PID=""
cleanup() {
    if [[ -n "$SERVE_PID" ]]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# median_ms RUNS CMD... : whole-process wall time, median over RUNS runs, in milliseconds;
# prints "WALL CPU" (CPU = user+sys of the process, which a busy machine disturbs less).
median_ms() {
    python3 - "$@" <<'PY'
import resource, statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
wall, cpu = [], []
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall.append((time.perf_counter() - start) * 1000)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append(((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000)
print(f"{statistics.median(wall):.2f} {statistics.median(cpu):.2f}")
PY
}

# Timed as installed: `cargo install` copies the binary, and a copy starts ~5% sooner than the
# file the linker wrote (that one is read back through smaller page-cache pages).
BIN="$WORK/datumctl"
cp "$PWD/target/release/datumctl" "$BIN"
"$BIN" explain backendtrafficpolicies --recursive >/dev/null  # page cache warm
read -r OURS OURS_CPU <<<"$(median_ms "$RUNS" "$BIN" explain backendtrafficpolicies --recursive)"
echo "datumctl explain backendtrafficpolicies --recursive: median ${OURS} ms (cpu ${OURS_CPU} ms) over ${RUNS} runs"

# The project control plane, if `datumctl serve` is built yet: it prints its URL first.
SERVE_OUT="$WORK/serve.out"
"$SERVE_BIN" serve --addr 127.0.0.1:0 --data-dir "$WORK/data" >"$SERVE_OUT" 2>"$WORK/serve.err" &
SERVE_PID=$!
URL=""
for _ in $(seq 1 100); do
    if ! kill -0 "$SERVE_PID" 2>/dev/null; then break; fi
    URL="$(grep -o 'https\?://[^ ]*' "$SERVE_OUT" | head -1 || true)"
    [[ -n "$URL" ]] && break
    sleep 0.05
done
if [[ -z "$URL" ]]; then
    echo "datumctl serve is not available yet ($(head -1 "$WORK/serve.err" 2>/dev/null)); kubectl not measured"
    exit 0
fi
if [[ ! -x "$KUBECTL" ]]; then
    echo "kubectl 1.37 not found at $KUBECTL (set DATUMCTL_TEST_KUBECTL); kubectl not measured"
    exit 0
fi
URL="${URL%/}"
SERVER="$URL/apis/resourcemanager.miloapis.com/v1alpha1/projects/bench/control-plane"
cat >"$WORK/kubeconfig" <<KCFG
apiVersion: v1
kind: Config
clusters:
- name: datumctl-serve
  cluster:
    server: $SERVER
users:
- name: bench
  user: {}
contexts:
- name: bench
  context:
    cluster: datumctl-serve
    user: bench
    namespace: default
current-context: bench
KCFG
for _ in $(seq 1 100); do
    curl -fsS "$URL/readyz" >/dev/null 2>&1 && break
    sleep 0.05
done
KUBE=("$KUBECTL" --kubeconfig "$WORK/kubeconfig" --cache-dir "$WORK/kube-cache")
"${KUBE[@]}" explain backendtrafficpolicies --recursive >/dev/null  # warm the cache once
read -r THEIRS THEIRS_CPU <<<"$(median_ms "$RUNS" "${KUBE[@]}" explain backendtrafficpolicies --recursive)"
echo "kubectl explain backendtrafficpolicies --recursive (warm cache, datumctl serve): median ${THEIRS} ms (cpu ${THEIRS_CPU} ms) over ${RUNS} runs"
python3 -c "print(f'datumctl (embedded schema) is {$THEIRS / $OURS:.1f}x faster (wall), {$THEIRS_CPU / $OURS_CPU:.1f}x less CPU')"

# The same page read live from the server, as explain does when a server and project are set;
# its schema cache is warmed once, like kubectl's.
live() {
    HOME="$WORK/home" XDG_CACHE_HOME="$WORK/home/.cache" XDG_CONFIG_HOME="$WORK/home/.config" \
        DATUMCTL_CONFIG="$WORK/home/config.yaml" DATUMCTL_SERVER="$URL" "$@"
}
LIVE=("$BIN" explain backendtrafficpolicies --recursive --project bench)
live "${LIVE[@]}" >/dev/null
NOTE="$(live "${LIVE[@]}" 2>&1 >/dev/null)"
if [[ -n "$NOTE" ]]; then
    echo "datumctl explain did not read the live schema: $NOTE" >&2
    exit 1
fi
read -r LIVE_MS LIVE_CPU <<<"$(live median_ms "$RUNS" "${LIVE[@]}")"
echo "datumctl explain backendtrafficpolicies --recursive (live schema, warm cache, datumctl serve): median ${LIVE_MS} ms (cpu ${LIVE_CPU} ms) over ${RUNS} runs"
python3 -c "print(f'datumctl (live schema) is {$THEIRS / $LIVE_MS:.1f}x faster (wall), {$THEIRS_CPU / $LIVE_CPU:.1f}x less CPU')"
