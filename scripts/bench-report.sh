#!/usr/bin/env bash
# The period report for a year on the demo district (100 000 families, 1 000 000
# deliveries) next to the same SQL — the statements Meirim ran, parameters filled in — in
# the sqlite3 shell on the same file. Figures go to BENCHMARKS.md. Needs: sqlite3 (apt),
# time (apt). DIR defaults to /tmp/bench100k (created by `meirim-cli bench` if empty).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/bench100k}"
cargo build --release -q -p meirim-cli
cli=target/release/meirim-cli
[ -f "$dir/meirim.sqlite3" ] || "$cli" --data-dir "$dir" demo --families 100000 --deliveries 1000000 --seed 1
"$cli" --data-dir "$dir" bench-report --from 01.01.2026 --to 31.12.2026 --runs 5 --sql-out "$dir/report.sql"
echo "== sqlite3 $(sqlite3 --version | cut -d' ' -f1), the same statements (three runs):"
for run in 1 2 3; do
  /usr/bin/time -f "sqlite3: %e s" sqlite3 "$dir/meirim.sqlite3" < "$dir/report.sql" > /dev/null
done
echo "== the same with Meirim's connection settings (64 MiB cache, temp tables in memory):"
for run in 1 2 3; do
  ( echo "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"; cat "$dir/report.sql" ) \
    | /usr/bin/time -f "sqlite3: %e s" sqlite3 "$dir/meirim.sqlite3" > /dev/null
done
