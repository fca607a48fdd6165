#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting, lints, Rust unit and
# integration tests (PDFs checked with pdffonts, pdftotext and qpdf), the TypeScript
# bindings drift check, UI type-check and component tests, and the end-to-end tests that
# drive the real app under Xvfb. Stops at the first failure.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_apt_packages "${APP_BUILD_PACKAGES[@]}" xvfb xauth x11-utils x11-apps webkit2gtk-driver poppler-utils qpdf zbar-tools python3 faketime tzdata
ensure_rust rustfmt clippy
ensure_node
ensure_npm_deps "$ROOT/ui"
ensure_npm_deps "$ROOT/tests/e2e"
ensure_tauri_driver
ensure_sqlcipher_python

# Tests must never touch the real per-user data folder: anything that forgets --data-dir
# lands here instead.
MEIRIM_DATA_DIR="$(mktemp -d -t meirim-test-data-XXXX)"
export MEIRIM_DATA_DIR
trap 'rm -rf "$MEIRIM_DATA_DIR"' EXIT
cd "$ROOT"

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

bindings="$ROOT/ui/src/lib/bindings.ts"
committed="$(mktemp)"
cp "$bindings" "$committed"

step "cargo test (core, CLI, app; regenerates the TypeScript bindings)"
cargo test --workspace --locked

# The same test executables on other days: a leap day, and just after midnight on New
# Year's Day in the office's time zone (UTC+5, so the UTC date is still the old year). A
# test that only passes in some months fails here. The executables, not `cargo test`:
# cargo itself under faketime runs for many minutes.
step "Rust tests again on 29.02.2028 and 01.01.2031 (faketime)"
run_tests_at "2028-02-29 10:00:00" UTC
run_tests_at "2031-01-01 00:20:00" Asia/Almaty

step "TypeScript bindings are up to date"
if ! cmp -s "$committed" "$bindings"; then
  diff -u "$committed" "$bindings" | head -40 || true
  die "ui/src/lib/bindings.ts changed when regenerated from the Rust types: commit the new file"
fi

step "UI type-check (svelte-check, strict TypeScript)"
(cd ui && npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings)

step "UI component tests (Vitest)"
(cd ui && timeout 600 npx vitest run)

step "Building the app for end-to-end tests"
build_app debug

step "End-to-end tests (tauri-driver + WebKitWebDriver under Xvfb)"
export MEIRIM_SCREENSHOTS="${MEIRIM_SCREENSHOTS:-$ROOT/tests/e2e/artifacts/screenshots}"
rm -rf "$MEIRIM_SCREENSHOTS"
timeout 900 xvfb-run -a -s "-screen 0 1280x900x24" npm --prefix tests/e2e test
echo "Screenshots of every E2E step: $MEIRIM_SCREENSHOTS"

step "All tests passed"
