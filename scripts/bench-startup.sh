#!/usr/bin/env bash
# Start-up of the release app under Xvfb: when its window appears, when the home screen is
# painted, and the memory (PSS, every process of the app: Meirim and WebKit's) once it has
# settled — on a 2 000-family and a 100 000-family / 1 000 000-delivery demo district, and,
# for memory, an empty Tauri 2 window built from the same Tauri version as a baseline.
# Figures go to BENCHMARKS.md. Needs: xvfb, x11-utils (xwininfo) (apt).
#   scripts/bench-startup.sh [RUNS]       (default 5 runs per registry)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-5}"
target="${CARGO_TARGET_DIR:-$ROOT/target}"
ensure_apt_packages xvfb xauth x11-utils

step "Building the release app and CLI"
build_app release
cargo build --release -q -p meirim-cli
app="$target/release/meirim"
cli="$target/release/meirim-cli"

# The districts, made once (the same seed and day give the same file).
small=/tmp/bench-startup-2k
big=/tmp/bench100k
[ -f "$small/meirim.sqlite3" ] || "$cli" --data-dir "$small" --today 2026-11-20 demo --families 2000 --deliveries 20000 --seed 1
[ -f "$big/meirim.sqlite3" ] || "$cli" --data-dir "$big" --today 2026-11-20 demo --families 100000 --deliveries 1000000 --seed 1

# The empty Tauri window: a minimal app of the same Tauri version, built outside the
# workspace (its target folder is kept, so later runs do not build it again).
empty_src="$target/bench-empty-tauri"
tauri_version="$(cargo metadata --format-version 1 --locked 2>/dev/null |
  python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"]=="tauri"))')"
mkdir -p "$empty_src/src" "$empty_src/dist"
cat >"$empty_src/Cargo.toml" <<EOF
[package]
name = "empty-tauri"
version = "0.1.0"
edition = "2021"
[dependencies]
tauri = { version = "=$tauri_version", features = ["custom-protocol"] }
[build-dependencies]
tauri-build = "2"
[profile.release]
lto = "thin"
codegen-units = 4
strip = true
[workspace]
EOF
echo 'fn main() { tauri_build::build() }' >"$empty_src/build.rs"
cat >"$empty_src/src/main.rs" <<'EOF'
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the empty window");
}
EOF
echo '<!doctype html><html><body><p>empty</p></body></html>' >"$empty_src/dist/index.html"
cat >"$empty_src/tauri.conf.json" <<'EOF'
{ "productName": "empty-tauri", "version": "0.1.0", "identifier": "kz.meirim.bench-empty",
  "build": { "frontendDist": "dist" },
  "app": { "windows": [{ "title": "empty-tauri", "width": 1200, "height": 820 }] },
  "bundle": { "active": false, "icon": ["icons/icon.png"] } }
EOF
mkdir -p "$empty_src/icons" && cp "$ROOT/src-tauri/icons/icon.png" "$empty_src/icons/"
step "Building the empty Tauri window (once)"
(cd "$empty_src" && CARGO_TARGET_DIR="$empty_src/target" cargo build --release -q)
empty="$empty_src/target/release/empty-tauri"

now_ms() { date +%s%3N; }

# The summed PSS (KiB) of `pid` and all its descendants.
pss_tree() {
  local pids total=0 p v
  pids="$1 $(pgrep -P "$1" | tr '\n' ' ')"
  for p in $(pgrep -P "$1"); do pids="$pids $(pgrep -P "$p" | tr '\n' ' ')"; done
  for p in $pids; do
    v="$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || true)"
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

# One start of `program` (window title `title`) under a fresh Xvfb: prints
# "window_ms painted_ms pss_kib". `painted` is what the app's probe printed (none for the
# empty window).
one_start() {
  local program="$1" title="$2"; shift 2
  local display=":$((90 + RANDOM % 100))" log t0 window=- painted=- pid pss
  log="$(mktemp)"
  Xvfb "$display" -screen 0 1280x900x24 >/dev/null 2>&1 &
  local xvfb=$!
  sleep 0.5
  t0="$(now_ms)"
  DISPLAY="$display" MEIRIM_STARTUP_PROBE=1 "$program" "$@" >"$log" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 600); do
    if [ "$window" = - ] && DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -q "\"$title\""; then
      window=$(($(now_ms) - t0))
    fi
    if [ "$painted" = - ] && grep -q "^meirim-startup painted" "$log"; then
      painted=$(($(awk '/^meirim-startup painted/ {print $3; exit}' "$log") - t0))
    fi
    if [ "$window" != - ] && { [ "$painted" != - ] || [ "$title" = empty-tauri ]; }; then break; fi
    sleep 0.02
  done
  sleep 5   # settle: the first paint is done, any start-up work has had time to finish
  pss="$(pss_tree "$pid")"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  rm -f "$log"
  echo "$window $painted $pss"
}

report() {
  local name="$1"; shift
  step "$name ($runs runs): window ms, home painted ms, PSS MiB"
  for _ in $(seq 1 "$runs"); do
    read -r w p k < <(one_start "$@")
    printf '  window %6s ms   painted %6s ms   PSS %6.1f MiB\n' "$w" "$p" "$(awk "BEGIN {print $k / 1024}")"
  done
}

report "empty Tauri 2 window" "$empty" empty-tauri
report "Meirim, 2 000 families" "$app" "Мейірім" --data-dir "$small"
report "Meirim, 100 000 families / 1 000 000 deliveries" "$app" "Мейірім" --data-dir "$big"
