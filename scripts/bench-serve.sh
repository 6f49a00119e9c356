#!/usr/bin/env bash
# Benchmark of `datumctl serve` on loopback: durable creates/s and GETs/s with concurrent
# clients, bounded by count and time. Builds in release mode.
#   BENCH_CLIENTS (16)  BENCH_CREATES (20000)  BENCH_GETS (200000)  BENCH_SECONDS (10 per phase)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release -q --test it -- --ignored --nocapture --test-threads 1 serve_bench:: 2>&1 \
    | grep -E '^(creates|GETs):'
