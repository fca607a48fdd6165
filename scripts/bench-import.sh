#!/usr/bin/env bash
# Import of a 100 000-row XLSX list (a demo district exported as a row per person, IINs
# included) into an empty registry, with all of Meirim's validation and matching, next to
# the sqlite3 shell's `.import` of the same rows as CSV into a bare table (no checks).
# Figures go to BENCHMARKS.md. Needs: sqlite3, time (apt).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
cargo build --release -q -p meirim-cli
cli=target/release/meirim-cli
# 25 500 demo families make about 100 000 people, a row each.
"$cli" --data-dir "$work/source" demo --families 25500 --deliveries 0 --seed 3 >/dev/null
"$cli" --data-dir "$work/source" export families --personal-data --with-iin --out "$work/list.xlsx"
"$cli" --data-dir "$work/source" export families --personal-data --with-iin --format csv --out "$work/list.csv"
ls -l "$work"/list.*
echo "== Meirim: import of list.xlsx into an empty registry (three runs)"
for run in 1 2 3; do
  rm -rf "$work/target"
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" \
    "$cli" --data-dir "$work/target" --json import "$work/list.xlsx" > "$work/import.json"
done
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['counts'], d['phases'])" "$work/import.json"
echo "== Meirim: the same file again (every family matched, nothing changes)"
/usr/bin/time -f "wall %e s, peak RSS %M KiB" \
  "$cli" --data-dir "$work/target" --json import "$work/list.xlsx" > "$work/again.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['counts'])" "$work/again.json"
echo "== sqlite3 $(sqlite3 --version | cut -d' ' -f1): .import of list.csv (three runs)"
for run in 1 2 3; do
  rm -f "$work/bare.sqlite3"
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" \
    sqlite3 -cmd ".mode csv" -cmd ".separator ;" "$work/bare.sqlite3" ".import $work/list.csv families" 2>&1 | tail -1
done
sqlite3 "$work/bare.sqlite3" "SELECT count(*) FROM families"
rm -rf "$work"
