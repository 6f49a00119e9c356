#!/usr/bin/env bash
# Client benchmark against one local `datumctl serve` (release build), in one run:
#   1. apply of one 500-policy file: datumctl vs the real kubectl (goal: >= 5x faster)
#   2. get of those 500 as a table: datumctl vs kubectl (goal: >= 2x faster; median of runs)
#   3. get of 10,000 policies as a table: peak memory (/usr/bin/time -v)
# kubectl talks to the same server through a kubeconfig whose server is the project's
# control-plane URL. Environment: KUBECTL (kubectl 1.37), BENCH_GET_RUNS (5), BENCH_BIG (10000).
set -euo pipefail
cd "$(dirname "$0")/.."
KUBECTL=${KUBECTL:-${DATUMCTL_TEST_KUBECTL:-$(command -v kubectl || true)}}
RUNS=${BENCH_GET_RUNS:-5}
BIG=${BENCH_BIG:-10000}
if [ -z "$KUBECTL" ] || [ ! -x "$KUBECTL" ]; then
    echo "error: set KUBECTL to a kubectl 1.37 binary" >&2
    exit 2
fi
cargo build --release -q
BIN=$PWD/target/release/datumctl
WORK=$(mktemp -d)
SERVE_PID=
cleanup() {
    if [ -n "$SERVE_PID" ]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

"$BIN" serve --addr 127.0.0.1:0 --data-dir "$WORK/data" >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVE_PID=$!
for _ in $(seq 100); do
    grep -q 'http://' "$WORK/serve.out" 2>/dev/null && break
    sleep 0.1
done
SERVER=$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" | head -1)
export DATUMCTL_CONFIG=$WORK/config.yaml HOME=$WORK KUBECACHEDIR=$WORK/kube-cache
unset DATUMCTL_TOKEN KUBECONFIG DATUM_PROJECT
export DATUMCTL_SERVER=$SERVER

policies() { # N PREFIX
    for i in $(seq 1 "$1"); do
        cat <<DOC
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata:
  name: $2-$i
  labels:
    app: bench
spec:
  targetRefs:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    name: route-$i
  loadBalancer:
    type: LeastRequest
  retry:
    numRetries: $((i % 5))
    perRetry:
      timeout: 250ms
  timeout:
    http:
      requestTimeout: 10s
---
DOC
    done
}
kubeconfig() { # PROJECT FILE
    cat >"$2" <<KC
apiVersion: v1
kind: Config
current-context: bench
clusters:
- name: bench
  cluster:
    server: $SERVER/apis/resourcemanager.miloapis.com/v1alpha1/projects/$1/control-plane
contexts:
- name: bench
  context: {cluster: bench, user: bench, namespace: default}
users:
- name: bench
  user: {}
KC
}
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }
ratio() { echo "scale=1; $1 / $2" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

policies 500 p >"$WORK/500.yaml"
kubeconfig bench-kubectl "$WORK/kc-kubectl"
kubeconfig bench-datumctl "$WORK/kc-datumctl"
# Warm kubectl's discovery cache so it is measured at its best.
"$KUBECTL" --kubeconfig "$WORK/kc-kubectl" get btp >/dev/null 2>&1 || true

t=$(now); "$KUBECTL" --kubeconfig "$WORK/kc-kubectl" apply -f "$WORK/500.yaml" >/dev/null; k_apply=$(elapsed "$t")
t=$(now); "$BIN" apply -f "$WORK/500.yaml" --project bench-datumctl >/dev/null; d_apply=$(elapsed "$t")
t=$(now); "$KUBECTL" --kubeconfig "$WORK/kc-kubectl" apply -f "$WORK/500.yaml" >/dev/null; k_reapply=$(elapsed "$t")
t=$(now); "$BIN" apply -f "$WORK/500.yaml" --project bench-datumctl >/dev/null; d_reapply=$(elapsed "$t")
echo "apply 500 (create):     kubectl ${k_apply}s  datumctl ${d_apply}s  ratio $(ratio "$k_apply" "$d_apply")x"
echo "apply 500 (unchanged):  kubectl ${k_reapply}s  datumctl ${d_reapply}s  ratio $(ratio "$k_reapply" "$d_reapply")x"

k_get=$(for _ in $(seq "$RUNS"); do t=$(now); "$KUBECTL" --kubeconfig "$WORK/kc-datumctl" get btp >/dev/null; elapsed "$t"; done | median)
d_get=$(for _ in $(seq "$RUNS"); do t=$(now); "$BIN" get btp --project bench-datumctl >/dev/null; elapsed "$t"; done | median)
echo "get 500 table (median of $RUNS): kubectl ${k_get}s  datumctl ${d_get}s  ratio $(ratio "$k_get" "$d_get")x"

policies "$BIG" big >"$WORK/big.yaml"
"$BIN" apply -f "$WORK/big.yaml" --project bench-big --validate=false --concurrency 32 >/dev/null
kubeconfig bench-big "$WORK/kc-big"
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'; }
d_rss=$(rss "$BIN" get btp --project bench-big)
k_rss=$(rss "$KUBECTL" --kubeconfig "$WORK/kc-big" get btp)
t=$(now); "$BIN" get btp --project bench-big >/dev/null; d_big=$(elapsed "$t")
echo "get $BIG table: datumctl peak RSS ${d_rss} KiB in ${d_big}s (kubectl peak RSS ${k_rss} KiB)"
