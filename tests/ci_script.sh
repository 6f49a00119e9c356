#!/usr/bin/env bash
# A CI pipeline as a user writes one against `datumctl serve`: validate a directory that holds
# a broken file among good ones, apply it, describe what `get -o name` lists, and read errors as
# JSON. Run by tests/it/ci_errors.rs (`ci_script_runs_end_to_end`) with DATUMCTL (the binary),
# DATUMCTL_SERVER and DATUM_PROJECT set, in an empty working directory.
set -u -o pipefail

d() { "$DATUMCTL" "$@"; }
fail() { echo "CHECK FAILED: $*" >&2; exit 1; }
expect_code() { # expect_code WANT GOT WHAT
  [ "$1" = "$2" ] || fail "$3: exit $2, want $1"
}

policy() { # policy NAME [RETRIES]
  cat <<YAML
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata:
  name: $1
spec:
  targetRefs:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    name: route-$1
YAML
  if [ -n "${2:-}" ]; then printf '  retry:\n    numRetries: %s\n' "$2"; fi
}

mkdir -p policies
policy web 3 > policies/10-web.yaml
policy api > policies/20-api.yaml
printf 'apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: [\n' > policies/30-broken.yaml
policy bad -1 > policies/40-bad.yaml

# 1. validate: every file gets its record; the broken one does not stop the others.
d validate -f policies -o json > validate.json 2> validate.err
expect_code 1 $? "validate of a directory with a broken file"
python3 - validate.json <<'PY' || fail "validate -o json records"
import json, sys
records = [json.loads(line) for line in open(sys.argv[1])]
files = [r["file"] for r in records]
assert files == ["policies/10-web.yaml", "policies/20-api.yaml", "policies/30-broken.yaml", "policies/40-bad.yaml"], files
assert [r["valid"] for r in records] == [True, True, False, False], records
broken = records[2]["errors"][0]
assert (broken["type"], broken["line"]) == ("SyntaxError", 3), broken
bad = records[3]["errors"][0]
assert (bad["field"], bad["line"], bad["column"]) == ("spec.retry.numRetries", 11, 17), bad
PY

# 2. apply: what is valid is applied, the rest reported, exit 1.
d apply -f policies > apply.out 2> apply.err
expect_code 1 $? "apply of a batch with invalid objects"
grep -qx 'backendtrafficpolicy.gateway.envoyproxy.io/web created' apply.out || fail "web not created: $(cat apply.out)"
grep -qx 'backendtrafficpolicy.gateway.envoyproxy.io/api created' apply.out || fail "api not created"
grep -q '^policies/40-bad.yaml:11:17: ' apply.err || fail "bad not reported with its position: $(cat apply.err)"
tail -n 1 apply.err | grep -qx 'error: 2 of 4 objects failed to apply' || fail "summary: $(cat apply.err)"

# 3. the same batch with --error-format json: one JSON error per line on stderr.
d apply -f policies --error-format json > /dev/null 2> apply-errors.json
expect_code 1 $? "apply --error-format json"
python3 - apply-errors.json <<'PY' || fail "apply JSON errors"
import json, sys
errors = [json.loads(line)["error"] for line in open(sys.argv[1])]
assert [e["kind"] for e in errors] == ["invalid", "invalid"], errors
assert errors[0]["details"]["file"] == "policies/30-broken.yaml", errors[0]
assert errors[1]["details"]["errors"][0]["field"] == "spec.retry.numRetries", errors[1]
assert all(e["exitCode"] == 1 and e["retryable"] is False for e in errors)
PY

# 4. names round-trip: what get -o name prints, describe takes.
d get btp -o name > names.txt
expect_code 0 $? "get -o name"
[ "$(wc -l < names.txt)" -eq 2 ] || fail "two policies: $(cat names.txt)"
xargs "$DATUMCTL" describe < names.txt > describe.out
expect_code 0 $? "get -o name | xargs describe"
grep -q '^Name: *web$' describe.out || fail "describe web: $(head -5 describe.out)"
grep -q '^Name: *api$' describe.out || fail "describe api"

# 5. errors a script branches on, parsed as JSON.
d get btp missing --error-format json 2> missing.json
expect_code 1 $? "get of a missing policy"
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["error"]; assert (e["kind"], e["code"], e["reason"]) == ("not-found", 404, "NotFound"), e' missing.json \
  || fail "not-found as JSON: $(cat missing.json)"
d get btp --server http://127.0.0.1:9 --error-format json 2> down.json
expect_code 3 $? "an unreachable server"
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["error"]; assert e["kind"] == "unreachable" and e["retryable"], e' down.json \
  || fail "unreachable as JSON: $(cat down.json)"
d get btp --no-such-flag --error-format json 2> usage.json
expect_code 2 $? "a bad flag"
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["error"]; assert e["kind"] == "usage", e' usage.json \
  || fail "usage as JSON: $(cat usage.json)"
d validate -f no-such-dir 2> /dev/null
expect_code 2 $? "a missing input"

# 6. fix the broken files and the pipeline goes green.
policy bad 1 > policies/40-bad.yaml
rm policies/30-broken.yaml
d validate -f policies 2> /dev/null
expect_code 0 $? "validate after the fix"
d apply -f policies > /dev/null
expect_code 0 $? "apply after the fix"
d diff -f policies > /dev/null
expect_code 0 $? "diff after apply"

echo "CI script: all checks passed"
