#!/usr/bin/env bash
# Regenerates the committed shell completions (completions/) and man pages (man/) from the
# clap definitions in src/cli.rs. tests/generated_files.rs fails until they are regenerated.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --test generated_files -- --ignored --exact regenerate
