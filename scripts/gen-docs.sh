#!/usr/bin/env bash
# Regenerates the committed shell completions (completions/) and man pages (man/) from the
# clap definitions in src/cli.rs. tests/it/generated_files.rs fails until they are regenerated.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --test it -- --ignored --exact generated_files::regenerate
