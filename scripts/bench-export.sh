#!/usr/bin/env bash
# XLSX export of the demo district's families (a row per person, IINs included) next to
# LibreOffice headless converting the same rows from CSV to XLSX. Figures go to
# BENCHMARKS.md. Needs: libreoffice-calc-nogui, time (apt). DIR defaults to /tmp/bench100k.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/bench100k}"
out="$(mktemp -d)"
cargo build --release -q -p meirim-cli
cli=target/release/meirim-cli
[ -f "$dir/meirim.sqlite3" ] || "$cli" --data-dir "$dir" demo --families 100000 --deliveries 1000000 --seed 1
echo "== Meirim: families list as XLSX (three runs)"
for run in 1 2 3; do
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" \
    "$cli" --data-dir "$dir" export families --personal-data --with-iin --out "$out/families.xlsx"
done
"$cli" --data-dir "$dir" export families --personal-data --with-iin --format csv --out "$out/families.csv"
ls -l "$out"
echo "== LibreOffice $(soffice --version | head -1): the same rows, CSV to XLSX"
export HOME="$out/lo-home"
soffice --headless --convert-to pdf --outdir "$out/warm" /dev/null >/dev/null 2>&1 || true
for run in 1 2; do
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" soffice --headless --infilter="CSV:59,34,76,1" \
    --convert-to xlsx --outdir "$out/lo" "$out/families.csv" >/dev/null
done
ls -l "$out/lo"
