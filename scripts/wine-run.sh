#!/usr/bin/env bash
# Cargo's runner for x86_64-pc-windows-gnu: runs a Windows program (a test executable,
# meirim-cli.exe) under Debian's wine, in a wine prefix of its own, with the test-only
# stand-in for the DLL wine 8 lacks (lib.sh, install_wine_standin).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
exe="$1"
shift
# Its own prefix, whose Windows user is named in Kazakh letters, as on many office PCs: the
# tests' temporary and data folders then have such letters in their paths.
export USER="${MEIRIM_WINE_USER:-Әсел}" LOGNAME="${MEIRIM_WINE_USER:-Әсел}"
export WINEPREFIX="${WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/meirim-wine}"
export WINEDEBUG="${WINEDEBUG:--all}"
# Native first for the stand-in; no Mono or Gecko install prompts when the prefix is made.
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-bcryptprimitives=n,b;mscoree=d;mshtml=d}"

# A new prefix gets a USB stick for the tests: a folder mapped to R:, of the type wine
# reports as removable. Wine reads drive types when it starts, hence the restart.
stick="$WINEPREFIX/stick-r"
if [ ! -d "$stick" ]; then
  "$WINE64" cmd /c exit 0 >/dev/null 2>&1 || true
  "$WINE64" reg add 'HKLM\Software\Wine\Drives' /v 'r:' /d floppy /f >/dev/null 2>&1
  mkdir -p "$stick.tmp"
  ln -sfn "$stick" "$WINEPREFIX/dosdevices/r:"
  wineserver -k 2>/dev/null || true
  mv "$stick.tmp" "$stick"
fi
install_wine_standin "$WINEPREFIX"
export MEIRIM_TEST_STICK='R:\'
# Windows programs must not get the Linux data folder the test command sets for Linux.
unset MEIRIM_DATA_DIR
exec "$WINE64" "$exe" "$@"
