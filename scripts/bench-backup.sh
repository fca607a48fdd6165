#!/usr/bin/env bash
# Backups of the demo district (100 000 families, 1 000 000 deliveries): Meirim's verified
# local backup and its encrypted copy for a USB stick, next to a plain `sqlite3 .backup` of
# the same file. Figures go to BENCHMARKS.md. Needs: sqlite3, time (apt).
# DIR defaults to /tmp/bench100k (made with `meirim-cli demo` when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/bench100k}"
out="$(mktemp -d)"
cargo build --release -q -p meirim-cli
cli=target/release/meirim-cli
[ -f "$dir/meirim.sqlite3" ] || "$cli" --data-dir "$dir" demo --families 100000 --deliveries 1000000 --seed 1
"$cli" --data-dir "$dir" families list --limit 1 >/dev/null   # fold the WAL in first
ls -l "$dir/meirim.sqlite3"
echo "== sqlite3 $(sqlite3 --version | cut -d' ' -f1) .backup (three runs)"
for run in 1 2 3; do
  rm -f "$out/plain.sqlite3"
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" sqlite3 "$dir/meirim.sqlite3" ".backup $out/plain.sqlite3"
done
ls -l "$out/plain.sqlite3"
echo "== Meirim: backup create (snapshot + integrity_check + counts; three runs)"
for run in 1 2 3; do
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" "$cli" --data-dir "$dir" backup create >/dev/null
done
ls -l "$dir/backups" | tail -3
echo "== Meirim: encrypted copy to a folder (snapshot + check + gzip + age scrypt + verified write; three runs)"
export MEIRIM_BACKUP_PASSPHRASE="bench passphrase 2026"
for run in 1 2 3; do
  rm -f "$out"/*.meirim-backup
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" "$cli" --data-dir "$dir" backup create --to "$out" >/dev/null
done
ls -l "$out"/*.meirim-backup
echo "== Meirim: verify the encrypted copy (decrypt + gunzip + SHA-256)"
/usr/bin/time -f "wall %e s, peak RSS %M KiB" "$cli" --data-dir "$dir" backup verify "$out"/*.meirim-backup
echo "== Meirim: opening the registry (quick_check at start-up)"
/usr/bin/time -f "wall %e s, peak RSS %M KiB" "$cli" --data-dir "$dir" where >/dev/null
/usr/bin/time -f "wall %e s, peak RSS %M KiB" "$cli" --data-dir "$dir" families list --limit 1 >/dev/null
rm -rf "$dir/backups"/meirim-*-manual.sqlite3 "$out"
