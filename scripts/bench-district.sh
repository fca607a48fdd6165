#!/usr/bin/env bash
# A district's quarter: 100 village registries (demo data, a seed each) write their report
# packages with the district's key; fresh district registries then read all 100 and build
# the consolidated report (completeness, totals, doubles), five times; PDF and XLSX timed
# apart. Figures go to BENCHMARKS.md. DIR defaults to /tmp/bench-district.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/bench-district}"
cargo build --release -q -p meirim-cli
rm -rf "$dir"
echo "== typical village offices (800 families, 4 000 deliveries over two years each):"
target/release/meirim-cli bench-district --offices 100 --families 800 --deliveries 4000 --runs 5 --out-dir "$dir"
rm -rf "$dir"
echo "== large offices (3 000 families, 15 000 deliveries each):"
target/release/meirim-cli bench-district --offices 100 --families 3000 --deliveries 15000 --runs 3 --out-dir "$dir"
rm -rf "$dir"
