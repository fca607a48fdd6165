#!/usr/bin/env bash
# Cargo's runner for x86_64-pc-windows-gnu: runs a Windows program (a test executable,
# meirim-cli.exe) under Debian's wine, in a wine prefix of its own.
#
# Wine 8 has no bcryptprimitives.dll, whose ProcessPrng Rust's standard library calls for
# random bytes. A stand-in built from tests/windows/bcryptprimitives.c goes where Windows
# keeps its own (the prefix's system32), so the programs the tests start find it too. It
# exists for these tests only and is never packaged.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exe="$1"
shift
# Its own prefix, whose Windows user is named in Kazakh letters, as on many office PCs: the
# tests' temporary and data folders then have such letters in their paths.
export USER="${MEIRIM_WINE_USER:-Әсел}" LOGNAME="${MEIRIM_WINE_USER:-Әсел}"
export WINEPREFIX="${WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/meirim-wine}"
export WINEDEBUG="${WINEDEBUG:--all}"
# Native first for the stand-in; no Mono or Gecko install prompts when the prefix is made.
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-bcryptprimitives=n,b;mscoree=d;mshtml=d}"
# Debian installs the 64-bit loader here; plain `wine` starts the 32-bit side.
wine64="$(command -v wine64 || true)"
[ -n "$wine64" ] || wine64=/usr/lib/wine/wine64

src="$ROOT/tests/windows/bcryptprimitives.c"
dll="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
if [ -d "$(dirname "$dll")" ] && { [ ! -f "$dll" ] || [ "$src" -nt "$dll" ]; }; then
  x86_64-w64-mingw32-gcc -shared -O2 -o "$dll.tmp" "$src" -ladvapi32
  mv -f "$dll.tmp" "$dll"
fi

# A USB stick for the tests: a folder mapped to R:, of the type wine reports as removable.
# Wine reads drive types when it starts, so a new prefix is set up and restarted once.
stick="$WINEPREFIX/stick-r"
if [ ! -d "$stick" ]; then
  "$wine64" cmd /c exit 0 >/dev/null 2>&1 || true
  "$wine64" reg add 'HKLM\Software\Wine\Drives' /v 'r:' /d floppy /f >/dev/null 2>&1
  mkdir -p "$stick.tmp"
  ln -sfn "$stick" "$WINEPREFIX/dosdevices/r:"
  wineserver -k 2>/dev/null || true
  mv "$stick.tmp" "$stick"
  x86_64-w64-mingw32-gcc -shared -O2 -o "$dll" "$src" -ladvapi32
fi
export MEIRIM_TEST_STICK='R:\'
# Windows programs must not get the Linux data folder the test command sets for Linux.
unset MEIRIM_DATA_DIR
exec "$wine64" "$exe" "$@"
