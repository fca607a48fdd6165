#!/usr/bin/env bash
# Every heavy job side by side with what the machine can do (issue 21): 1 000 letters vs
# LibreOffice, the ~100 000-row XLSX import vs sqlite3 .import, the year report over a million
# deliveries vs one grouped pass in sqlite3, and the search, duplicate, campaign and round
# tails vs a LIKE scan. Builds release once, makes the demo district (100 000 families,
# 1 000 000 deliveries, seed 1) once in DIR, prints one Markdown table (BENCHMARKS.md quotes
# it). Usage: scripts/bench-all.sh [DIR] (default /tmp/meirim-bench-all); RUNS=5 for more.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_apt_packages sqlite3 time python3 libreoffice-writer-nogui fonts-noto-core
ensure_rust
cd "$ROOT"
dir="${1:-/tmp/meirim-bench-all}"
runs="${RUNS:-3}"
mkdir -p "$dir"
step "Building release"
cargo build --release --locked -q -p meirim-cli
cli="$ROOT/target/release/meirim-cli"
export MEIRIM_TODAY=2026-11-20
if [ ! -f "$dir/district/meirim.sqlite3" ]; then
  step "Making the demo district (100 000 families, 1 000 000 deliveries)"
  "$cli" --data-dir "$dir/district" demo --families 100000 --deliveries 1000000 --seed 1
fi
step "Measuring ($runs runs each, Meirim and its anchor in turn)"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
python3 "$ROOT/scripts/bench_all.py" "$cli" "$dir" "$runs"
