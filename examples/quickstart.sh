#!/usr/bin/env bash
# The whole local flow in one command: build datumctl, start the local control plane on a
# temporary data dir and a free port, apply the Datum docs' example policy, list it, describe
# it, explain the resource, and stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."

manifest=examples/backend-traffic-example.yaml
project=quickstart

echo "# building datumctl (release)"
cargo build --release -q
datumctl="$PWD/target/release/datumctl"

work=$(mktemp -d)
"$datumctl" serve --addr 127.0.0.1:0 --data-dir "$work/data" >"$work/serve.out" 2>"$work/serve.err" &
server=$!
stop() {
    if kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server"
        wait "$server" || true
    fi
    rm -rf "$work"
}
trap stop EXIT

# The first line serve prints carries its URL; it is printed once the port is bound.
url=""
for _ in $(seq 200); do
    url=$(head -n 1 "$work/serve.out" 2>/dev/null | grep -o 'https\?://[^ ]*' || true)
    [ -n "$url" ] && break
    if ! kill -0 "$server" 2>/dev/null; then break; fi
    sleep 0.05
done
if [ -z "$url" ]; then
    echo "error: datumctl serve did not start:" >&2
    cat "$work/serve.err" >&2
    exit 1
fi
echo "# local control plane on $url (data in $work/data)"
export DATUMCTL_SERVER="$url"

step() {
    echo
    echo "\$ datumctl $*"
    "$datumctl" "$@"
}

step apply -f "$manifest" --project "$project"
step get backendtrafficpolicies --project "$project"
# The built-in status writer accepts the policy within milliseconds; describe shows it.
sleep 0.2
step describe backendtrafficpolicy backend-traffic-example --project "$project"
step explain backendtrafficpolicies.spec.retry --project "$project"

echo
echo "# stopping the server"
kill -TERM "$server"
wait "$server"
echo "# done"
