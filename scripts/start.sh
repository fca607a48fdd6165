#!/usr/bin/env bash
# Installs what is missing, builds Meirim and starts it. Arguments go to the app,
# e.g. `scripts/start.sh --data-dir ~/meirim-test`.
# MEIRIM_PROFILE=debug builds faster (first build) but runs slower.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_apt_packages "${APP_BUILD_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_npm_deps "$ROOT/ui"

profile="${MEIRIM_PROFILE:-release}"
step "Building Meirim ($profile; the first build takes several minutes, later ones seconds)"
build_app "$profile"

app="${CARGO_TARGET_DIR:-$ROOT/target}/$profile/meirim"
step "Starting $app"
exec "$app" "$@"
