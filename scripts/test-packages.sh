#!/usr/bin/env bash
# Windows and packaging tests, installing what they need (CI runs this after
# scripts/test.sh):
#   1. clippy on the Windows build; the core, exchange, documents, i18n and CLI tests built for x86_64-pc-windows-gnu
#      and run under wine (scripts/wine-run.sh is cargo's runner for that target);
#   2. scripts/package.sh builds the Windows installer and the .deb into dist/;
#   3. the installer under wine, for a user named in Kazakh letters: a first install clicked
#      through its pages under Xvfb (screenshots in dist/screenshots/), ending with the
#      app saying that WebView2 is missing (wine has none), puts
#      the program and shortcuts in place, the installed meirim-cli.exe works on a
#      registry; an upgrade keeps the data; a silent uninstall removes the program and
#      keeps the data, `/DELETEDATA` removes the data too;
#   4. the .deb installs with apt, meirim-cli runs, and every library the app needs resolves.
# The Windows tests use the release profile: the same compiled dependencies then serve
# the installer's build, which halves the Windows build time.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WIN_TARGET=x86_64-pc-windows-gnu
ensure_apt_packages "${APP_BUILD_PACKAGES[@]}" "${WINDOWS_BUILD_PACKAGES[@]}" "${WINDOWS_TEST_PACKAGES[@]}" \
  python3 xvfb xauth x11-apps xdotool
ensure_node
ensure_rust
ensure_windows_target
cd "$ROOT"

work="$(mktemp -d -t meirim-packages-XXXX)"
trap 'wineserver_stop; rm -rf "$work"' EXIT
wineserver_stop() { [ -n "${WINEPREFIX:-}" ] && command -v wineserver >/dev/null && wineserver -k 2>/dev/null || true; }

step "cargo clippy for $WIN_TARGET (the Windows-only modules too)"
cargo clippy --locked --target "$WIN_TARGET" --workspace --all-targets -- -D warnings

step "Windows tests under wine ($WIN_TARGET, release)"
# scripts/wine-run.sh runs them in this prefix, as a Windows user named in Kazakh letters.
WINEPREFIX="$work/wine-tests" cargo test --release --locked --target "$WIN_TARGET" \
  -p meirim-core -p meirim-i18n -p meirim-exchange -p meirim-documents -p meirim-cli

step "Packages"
bash "$ROOT/scripts/package.sh"
version="$(app_version)"

# The installer's own wine prefix, whose Windows user is named in Kazakh letters: the data
# folder is then C:\users\Әсел\AppData\Roaming\kz.meirim.app, as on many office PCs. Wine
# links the user's Desktop to HOME: a temporary one, so shortcuts land there.
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
export WINEPREFIX="$work/wine" WINEDEBUG=-all HOME="$work/home" USER="Әсел" LOGNAME="Әсел"
export WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree=d;mshtml=d"
mkdir -p "$HOME"
unset MEIRIM_DATA_DIR
setup="$ROOT/dist/Meirim-${version}-setup.exe"
deb="$ROOT/dist/meirim_${version}_amd64.deb"

win() { "$WINE64" "$@"; }
user_dir="$WINEPREFIX/drive_c/users/$USER"
installed="$user_dir/AppData/Local/Programs/Meirim"
data="$user_dir/AppData/Roaming/kz.meirim.app"

# The prefix made, with the test-only stand-in for the DLL wine 8 lacks.
win cmd /c exit 0 >/dev/null 2>&1 || true
install_wine_standin "$WINEPREFIX"

# The uninstaller copies itself away and returns at once: wait for the folder to go.
wait_gone() {
  for _ in $(seq 1 120); do [ -e "$1" ] || return 0; sleep 0.5; done
  die "$1 is still there a minute after uninstalling"
}
cli() { win "$installed/meirim-cli.exe" --lang kk "$@"; }
uninstall_entry='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\kz.meirim.app'
registry_families() { cli families list --limit 1 | tail -n 1; }

step "Installer: a first install clicked through its pages under Xvfb (screenshots)"
shots="$ROOT/dist/screenshots"
rm -rf "$shots"
timeout 300 xvfb-run -a -s "-screen 0 1024x700x24" bash "$ROOT/tests/windows/installer-gui.sh" "$setup" "$shots"
for f in meirim.exe WebView2Loader.dll meirim-cli.exe uninstall.exe; do
  [ -f "$installed/$f" ] || die "the installer did not put $f in $installed"
done
start_menu="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Мейірім.lnk"
[ -f "$start_menu" ] || die "no Start menu shortcut «Мейірім»"
desktop="$(readlink -f "$user_dir/Desktop")/Мейірім.lnk"
[ -f "$desktop" ] || die "no desktop shortcut «Мейірім» ($desktop)"
registered_version() { win reg query "$uninstall_entry" /v DisplayVersion 2>/dev/null | tr -d '\r' | sed -n 's/.*REG_SZ *//p'; }
[ "$(registered_version)" = "$version" ] || die "no uninstall entry for version $version in the user's registry"

step "Installed meirim-cli.exe on a registry"
where="$(cli where | tr -d '\r')"
[ "$where" = 'C:\users\Әсел\AppData\Roaming\kz.meirim.app\meirim.sqlite3' ] ||
  die "the data folder is $where, not under the user's %APPDATA%"
cli demo --families 40 --seed 7 --today 01.12.2026 >/dev/null || die "demo failed on Windows"
before="$(registry_families)"
echo "  registry: $before"
[ -f "$data/meirim.sqlite3" ] || die "no registry in $data"
cli drives >/dev/null || die "meirim-cli drives failed on Windows"

step "Installed: a list is read by a worker process (meirim-cli.exe, and the windowed meirim.exe)"
printf 'Т.А.Ә.;ЖСН\r\nСерікова Әсел Бауыржанқызы;\r\n' > "$work/list.csv"
list_win="$(win winepath -w "$work/list.csv" | tr -d '\r')"
cli import "$list_win" --dry-run >/dev/null || die "meirim-cli.exe could not import through its worker"
answer="$(win "$installed/meirim.exe" --meirim-read-spreadsheet 100000000 \
  '{"encoding":null,"delimiter":null}' < "$work/list.csv")"
case "$answer" in
  '{"Read":'*Серікова*) ;;
  *) die "meirim.exe as a worker answered: ${answer:0:200}" ;;
esac

step "Upgrade: over an older version, the data stays and the version changes"
# The same files packed as version 0.0.1 stand in for an older release.
stage="${CARGO_TARGET_DIR:-$ROOT/target}/$WIN_TARGET/release/installer-stage"
make_installer 0.0.1 "$stage" "$work/Meirim-0.0.1-setup.exe"
win "$work/Meirim-0.0.1-setup.exe" /S || die "installing the older version failed"
[ "$(registered_version)" = 0.0.1 ] || die "the older version did not register"
win "$setup" /S || die "the upgrade failed"
[ "$(registered_version)" = "$version" ] || die "the upgrade did not register $version"
[ "$(registry_families)" = "$before" ] || die "the registry changed across an upgrade"

step "Silent uninstall keeps the data"
win "$installed/uninstall.exe" /S
wait_gone "$installed/meirim.exe"
wait_gone "$start_menu"
[ -f "$data/meirim.sqlite3" ] || die "uninstalling deleted the registry"
python3 - "$data/meirim.sqlite3" <<'PY' || die "the kept registry is not whole"
import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert c.execute("SELECT count(*) FROM families").fetchone()[0] == 40
PY
if win reg query "$uninstall_entry" >/dev/null 2>&1; then
  die "the uninstall entry is still in the registry"
fi

step "Uninstall with /DELETEDATA removes the data too"
win "$setup" /S || die "reinstalling failed"
[ "$(registry_families)" = "$before" ] || die "a reinstall did not find the kept registry"
win "$installed/uninstall.exe" /S /DELETEDATA
wait_gone "$installed/meirim.exe"
wait_gone "$data"

step ".deb: installs with apt, meirim-cli runs, the app's libraries resolve"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb"
meirim-cli --version
missing="$(ldd /usr/bin/meirim | grep 'not found' || true)"
[ -z "$missing" ] || die "the installed app lacks libraries: $missing"
MEIRIM_DATA_DIR="$work/deb-data" meirim-cli demo --families 5 --seed 1 --today 01.12.2026 >/dev/null
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq meirim

step "Windows and package tests passed"
ls -l "$ROOT/dist"
