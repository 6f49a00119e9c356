"""An MCP host driving `datumctl mcp` through the official MCP Python SDK, as an agent's host
would: offline tools with no server configured, the whole write cycle against a real
`datumctl serve`, a server that is down, and raw protocol abuse. Prints one JSON object
{"checks": {name: "ok" | failure}} on stdout and exits 1 when any check failed.

Usage: host.py --bin DATUMCTL --server URL --project ID --down URL --home DIR
"""

import argparse
import asyncio
import json
import subprocess
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

VALID = """apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata:
  name: {name}
spec:
  targetRefs:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    name: web
  timeout:
    http:
      requestTimeout: 10s
"""

# Two errors: a CEL bound on line 9 and an unknown field on line 11.
INVALID = """apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata:
  name: broken
spec:
  targetRefs:
  - {group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}
  retry:
    numRetries: -1
  timeout:
    htp: {}
"""

TOOLS = {
    "list_resources", "get_resource", "describe_resource", "get_resource_schema",
    "validate_manifest", "diff_manifest", "apply_manifest", "delete_resource",
}

checks = {}


def check(name, ok, detail=""):
    checks[name] = "ok" if ok else f"FAILED: {detail}"[:2000]


def text_of(result):
    return "".join(getattr(c, "text", "") for c in result.content)


def structured(result):
    return getattr(result, "structured_content", None) or {}


def params(opts, *global_args):
    env = {
        "HOME": opts.home,
        "XDG_CONFIG_HOME": opts.home + "/.config",
        "DATUMCTL_CONFIG": opts.home + "/datumctl-config.yaml",
        "NO_COLOR": "1",
    }
    return StdioServerParameters(command=opts.bin, args=[*global_args, "mcp"], env=env)


async def offline(opts):
    """No server configured at all: the offline tools work, the others say what is missing."""
    async with stdio_client(params(opts)) as (read, write):
        async with ClientSession(read, write, read_timeout_seconds=120) as s:
            init = await s.initialize()
            check("initialize", init.server_info.name == "datumctl", repr(init.server_info))
            tools = await s.list_tools()
            names = {t.name for t in tools.tools}
            check("list tools", names == TOOLS, sorted(names))
            schemas = all(
                t.input_schema.get("type") == "object" and t.description and len(t.description) > 80
                for t in tools.tools
            )
            check("every tool has a schema and a description", schemas, "")

            bad = await s.call_tool("validate_manifest", {"manifest": INVALID})
            t = text_of(bad)
            docs = structured(bad).get("documents", [])
            errors = docs[0]["errors"] if docs else []
            lines = sorted(e["line"] for e in errors)
            check(
                "validate a bad manifest: errors with lines",
                not bad.is_error and structured(bad).get("valid") is False
                and lines == [9, 11] and "manifest:9:" in t and "manifest:11:" in t
                and "spec.retry.numRetries" in t and 'unknown field "spec.timeout.htp"' in t,
                t,
            )
            good = await s.call_tool("validate_manifest", {"manifest": VALID.format(name="ok")})
            check(
                "validate a good manifest",
                not good.is_error and structured(good).get("valid") is True,
                text_of(good),
            )
            retrying = VALID.format(name="retrying") + "  retry:\n    numRetries: 2\n"
            datum = await s.call_tool(
                "validate_manifest", {"manifest": retrying, "profile": "datum"}
            )
            upstream = await s.call_tool("validate_manifest", {"manifest": retrying})
            check(
                "validate under the datum profile",
                "manifest:13:3:" in text_of(datum)
                and "retry settings are not permitted" in text_of(datum)
                and structured(upstream).get("valid") is True,
                (text_of(datum), text_of(upstream)),
            )
            syntax = await s.call_tool("validate_manifest", {"manifest": "a: [1,\nb: 2\n"})
            check(
                "validate a YAML syntax error with its position",
                structured(syntax).get("valid") is False
                and structured(syntax)["errors"][0]["line"] >= 1,
                text_of(syntax),
            )

            ex = await s.call_tool("get_resource_schema", {"path": "spec.retry.numRetries"})
            t = text_of(ex)
            check(
                "explain a path offline",
                not ex.is_error and "FIELD: numRetries <integer>" in t and "2" in t,
                t,
            )
            rec = await s.call_tool("get_resource_schema", {"path": "spec.timeout", "recursive": True})
            check("explain recursively", "requestTimeout" in text_of(rec), text_of(rec))
            unknown = await s.call_tool("get_resource_schema", {"path": "spec.retyr"})
            check(
                "explain an unknown field: tool error with the hint",
                unknown.is_error and "retry" in text_of(unknown),
                text_of(unknown),
            )

            res = await s.list_resources()
            uris = [str(r.uri) for r in res.resources]
            check("list resources", len(uris) == 2, uris)
            rules = next((u for u in uris if "profiles/datum" in u), None)
            if rules:
                body = await s.read_resource(rules)
                data = json.loads(body.contents[0].text)
                check("read the Datum rules", len(data["rules"]) == 20, data)
            schema_uri = next((u for u in uris if "/schema/" in u), None)
            if schema_uri:
                body = await s.read_resource(schema_uri)
                data = json.loads(body.contents[0].text)
                check("read the schema", "components" in data, list(data))

            nowhere = await s.call_tool("list_resources", {})
            check(
                "a tool that needs a server, with none configured: tool error with hints",
                nowhere.is_error and "no server configured" in text_of(nowhere)
                and "hint:" in text_of(nowhere),
                text_of(nowhere),
            )
            unknown_tool = await s.call_tool("frobnicate", {})
            check(
                "an unknown tool: tool error naming the tools",
                unknown_tool.is_error and "validate_manifest" in text_of(unknown_tool),
                text_of(unknown_tool),
            )
            huge = "# " + "x" * (10 * 1024 * 1024) + "\n" + VALID.format(name="huge")
            big = await s.call_tool("validate_manifest", {"manifest": huge})
            check(
                "a 10 MB manifest: tool error",
                big.is_error and "at most" in text_of(big),
                text_of(big)[:300],
            )
            # Above rmcp's default 16 MiB line bound, below datumctl's 64 MiB one: answered.
            larger = "# " + "x" * (30 * 1024 * 1024) + "\n"
            big = await s.call_tool("validate_manifest", {"manifest": larger})
            check(
                "a 30 MB manifest: tool error",
                big.is_error and "at most" in text_of(big),
                text_of(big)[:300],
            )
            wrong = await s.call_tool("validate_manifest", {"manifest": 42})
            check("a mistyped argument: tool error", wrong.is_error, text_of(wrong))
            after = await s.call_tool("validate_manifest", {"manifest": VALID.format(name="ok")})
            check(
                "keeps serving after errors",
                structured(after).get("valid") is True,
                text_of(after),
            )


async def live(opts):
    """The write cycle against a real `datumctl serve`."""
    async with stdio_client(params(opts, "--server", opts.server, "--project", opts.project)) as (
        read,
        write,
    ):
        async with ClientSession(read, write, read_timeout_seconds=120) as s:
            await s.initialize()
            manifest = VALID.format(name="web-timeouts")

            async def names():
                r = await s.call_tool("list_resources", {})
                return [i["NAME"] for i in structured(r).get("items", [])], r

            dry = await s.call_tool("apply_manifest", {"manifest": manifest})
            listed, _ = await names()
            check(
                "apply without confirm: a dry run that changes nothing",
                not dry.is_error and "created (server dry run)" in text_of(dry)
                and "+  name: web-timeouts" in text_of(dry) and listed == [],
                (text_of(dry), listed),
            )
            diff = await s.call_tool("diff_manifest", {"manifest": manifest})
            check("diff before the object exists", "+      requestTimeout: 10s" in text_of(diff), text_of(diff))
            invalid = await s.call_tool("apply_manifest", {"manifest": INVALID, "confirm": True})
            check(
                "apply an invalid manifest: refused with positions, nothing sent",
                invalid.is_error and "manifest:9:" in text_of(invalid),
                text_of(invalid),
            )
            done = await s.call_tool("apply_manifest", {"manifest": manifest, "confirm": True})
            listed, table = await names()
            check(
                "apply with confirm: the object exists",
                not done.is_error and "backendtrafficpolicy.gateway.envoyproxy.io/web-timeouts created" in text_of(done)
                and listed == ["web-timeouts"],
                (text_of(done), listed),
            )
            none = await s.call_tool("list_resources", {"selector": "app=nothing-has-this"})
            check(
                "list with a label selector",
                not none.is_error and structured(none).get("items") == []
                and "No resources found in default namespace." in text_of(none),
                text_of(none),
            )
            cols = structured(table).get("columns")
            check("list: the get table's columns", cols == ["NAME", "TARGETS", "ACCEPTED", "AGE"], cols)
            same = await s.call_tool("diff_manifest", {"manifest": manifest})
            check("diff after apply: no differences", "no differences" in text_of(same), text_of(same))
            changed = manifest.replace("10s", "20s")
            diff = await s.call_tool("diff_manifest", {"manifest": changed})
            check(
                "diff a change",
                "-      requestTimeout: 10s" in text_of(diff) and "+      requestTimeout: 20s" in text_of(diff),
                text_of(diff),
            )
            await s.call_tool("apply_manifest", {"manifest": changed, "confirm": True})
            got = await s.call_tool("get_resource", {"name": "web-timeouts"})
            check(
                "get: YAML of the live object",
                "requestTimeout: 20s" in text_of(got) and "managedFields" not in text_of(got),
                text_of(got),
            )
            described = await describe_until_accepted(s)
            check(
                "describe: the ancestor status table",
                "ANCESTOR" in described and "httproute/web" in described
                and "Accepted   True" in described,
                described,
            )
            missing = await s.call_tool("describe_resource", {"name": "nope"})
            check(
                "describe a missing policy: tool error in kubectl's words",
                missing.is_error and 'backendtrafficpolicies.gateway.envoyproxy.io "nope" not found' in text_of(missing),
                text_of(missing),
            )
            dry_del = await s.call_tool("delete_resource", {"name": "web-timeouts"})
            listed, _ = await names()
            check(
                "delete without confirm: nothing deleted",
                not dry_del.is_error and "(server dry run)" in text_of(dry_del) and listed == ["web-timeouts"],
                (text_of(dry_del), listed),
            )
            deleted = await s.call_tool("delete_resource", {"name": "btp/web-timeouts", "confirm": True})
            listed, _ = await names()
            check(
                "delete with confirm: gone",
                not deleted.is_error and listed == [],
                (text_of(deleted), listed),
            )


async def describe_until_accepted(s):
    # The built-in status writer fills the ancestors shortly after the write.
    text = ""
    for _ in range(100):
        r = await s.call_tool("describe_resource", {"name": "web-timeouts"})
        text = text_of(r)
        if "Accepted   True" in text:
            return text
        await asyncio.sleep(0.1)
    return text


async def down(opts):
    """A configured server that is not listening: tool errors, and the offline tools still work."""
    async with stdio_client(params(opts, "--server", opts.down, "--project", opts.project)) as (
        read,
        write,
    ):
        async with ClientSession(read, write, read_timeout_seconds=120) as s:
            await s.initialize()
            r = await s.call_tool("list_resources", {})
            check(
                "a server that is down: tool error with a hint",
                r.is_error and "hint:" in text_of(r),
                text_of(r),
            )
            r = await s.call_tool("apply_manifest", {"manifest": VALID.format(name="x"), "confirm": True})
            check("apply to a server that is down: tool error", r.is_error, text_of(r))
            r = await s.call_tool("validate_manifest", {"manifest": VALID.format(name="x")})
            check(
                "validate still works with the server down",
                structured(r).get("valid") is True,
                text_of(r),
            )


def raw(opts):
    """Malformed JSON-RPC straight on the pipe: JSON-RPC errors, and the server keeps serving."""
    proc = subprocess.Popen(
        [opts.bin, "mcp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=params(opts).env | {"PATH": "/usr/bin:/bin"},
        text=True,
    )

    def send(obj):
        proc.stdin.write((obj if isinstance(obj, str) else json.dumps(obj)) + "\n")
        proc.stdin.flush()

    def receive():
        return json.loads(proc.stdout.readline())

    try:
        send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "raw", "version": "0"}}})
        init = receive()
        send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        send("this is not json")
        send({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": "oops"})
        bad_params = receive()
        send({"jsonrpc": "2.0", "id": 3, "method": "no/such/method"})
        unknown_method = receive()
        send({"jsonrpc": "2.0", "id": 4, "method": "ping"})
        ping = receive()
        send({"jsonrpc": "2.0", "id": 5, "method": "tools/call",
              "params": {"name": "validate_manifest", "arguments": {"manifest": VALID.format(name="r")}}})
        call = receive()
        check("raw: initialize", init.get("id") == 1 and "result" in init, init)
        check(
            "a malformed request: a JSON-RPC error",
            # -32600 Invalid Request; the id cannot be read from a request of the wrong shape.
            bad_params.get("error", {}).get("code") == -32600,
            bad_params,
        )
        check(
            "an unknown method: method not found",
            unknown_method.get("id") == 3 and unknown_method.get("error", {}).get("code") == -32601,
            unknown_method,
        )
        check("raw: still serving (ping)", ping.get("id") == 4 and "result" in ping, ping)
        check(
            "raw: still serving (a tool call)",
            call.get("id") == 5 and call["result"]["structuredContent"]["valid"] is True,
            call,
        )
    finally:
        proc.stdin.close()
        try:
            code = proc.wait(timeout=10)
            check("exits when the host closes stdin", code == 0, code)
        except subprocess.TimeoutExpired:
            proc.kill()
            check("exits when the host closes stdin", False, "still running 10 s after stdin closed")


async def main():
    parser = argparse.ArgumentParser()
    for flag in ("--bin", "--server", "--project", "--down", "--home"):
        parser.add_argument(flag, required=True)
    opts = parser.parse_args()
    for part in (offline, live, down):
        try:
            await part(opts)
        except Exception as e:  # a crash of one part is a failed check, the others still run
            check(f"{part.__name__} ran to the end", False, repr(e))
    try:
        raw(opts)
    except Exception as e:
        check("raw ran to the end", False, repr(e))
    print(json.dumps({"checks": checks}, indent=1))
    return 0 if all(v == "ok" for v in checks.values()) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
