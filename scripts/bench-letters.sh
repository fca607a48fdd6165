#!/usr/bin/env bash
# 1 000 gratitude letters: Meirim (one numbered batch into one PDF) side by side with
# LibreOffice headless converting the same letters, made as one flat .odt, to PDF — the
# office's current route (Word/Writer mail merge, then PDF). Figures go to BENCHMARKS.md.
# Needs: libreoffice-writer-nogui (apt), /usr/bin/time (apt: time), poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
out="$(mktemp -d)"
cargo build --release -q -p meirim-cli
cli=target/release/meirim-cli

echo "== Meirim: $count letters"
for run in 1 2 3; do
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" "$cli" bench-letters --count "$count" --out-dir "$out/meirim"
done
pdfinfo "$out/meirim/letters.pdf" | grep -E "Pages|File size"

echo "== LibreOffice $(soffice --version | head -1): the same letters from letters.fodt"
export HOME="$out/lo-home"   # a throw-away profile, as a fresh user would have
# The first start creates the profile; it is not counted.
soffice --headless --convert-to pdf --outdir "$out/warm" "$out/meirim/letters.fodt" >/dev/null 2>&1
for run in 1 2 3; do
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" \
    soffice --headless --convert-to pdf --outdir "$out/lo" "$out/meirim/letters.fodt" >/dev/null
done
pdfinfo "$out/lo/letters.pdf" | grep -E "Pages|File size"
echo "files in $out"
