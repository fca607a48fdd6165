#!/usr/bin/env bash
# The Windows installer clicked through as a user would, under wine on a virtual screen
# (run inside xvfb-run by scripts/test-packages.sh): the language question, the Kazakh
# welcome and folder pages, the warning that WebView2 is missing (wine has none), the last
# page with «Мейірім іске қосу» ticked, and then the app itself, which must say in Kazakh
# and Russian that WebView2 is missing instead of failing silently. A screenshot of each
# step goes to $2.
#
# Usage: installer-gui.sh SETUP.EXE SCREENSHOT_DIR   (WINEPREFIX, USER etc. set by the caller)
# The language question is asked on a first install only (an upgrade keeps the answer):
# run it on a prefix where Meirim was never installed.
set -euo pipefail
setup="$1"
shots="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$shots"
wine64="$(command -v wine64 || echo /usr/lib/wine/wine64)"

fail() { printf 'installer GUI test: %s\n' "$*" >&2; exit 1; }

# The X id of the one visible window titled exactly $1, waiting up to 60 s for it.
window() {
  local title="$1" id
  for _ in $(seq 1 120); do
    for id in $(xdotool search --onlyvisible --name "^$title\$" 2>/dev/null); do
      echo "$id"
      return 0
    done
    sleep 0.5
  done
  fail "no window «$title» appeared"
}

# A PNG of window $1 as $2.png. Wine paints a window when it is exposed: the pointer is
# moved over it first.
shot() {
  local id="$1" name="$2" geometry x y
  geometry="$(xdotool getwindowgeometry --shell "$id")"
  x="$(sed -n 's/^X=//p' <<<"$geometry")"
  y="$(sed -n 's/^Y=//p' <<<"$geometry")"
  xdotool mousemove "$((x + 5))" "$((y + 5))"
  sleep 1
  xwd -silent -id "$id" >"$shots/$name.xwd"
  node --input-type=module -e '
    const { xwdToPng } = await import(process.argv[1]);
    const fs = await import("node:fs");
    fs.writeFileSync(process.argv[3], xwdToPng(fs.readFileSync(process.argv[2])));
  ' "$here/../e2e/xwd.mjs" "$shots/$name.xwd" "$shots/$name.png"
  rm -f "$shots/$name.xwd"
}

"$wine64" cmd /c exit 0 >/dev/null 2>&1 || true
# Wine's XRender drawing swaps red and blue on Xvfb's visual: draw on the client side, so
# the screenshots show the colours Windows would.
"$wine64" reg add 'HKCU\Software\Wine\X11 Driver' /v ClientSideWithRender /d N /f >/dev/null 2>&1
wineserver -k 2>/dev/null || true
"$wine64" "$setup" >/dev/null 2>&1 &
installer=$!

lang="$(window "Мейірім")"
shot "$lang" installer-1-language
xdotool key --window "$lang" Return

page="$(window "Мейірім орнату")"
sleep 1
shot "$page" installer-2-welcome
xdotool key --window "$page" Return
sleep 1
shot "$page" installer-3-folder
xdotool key --window "$page" Return

# The installer's own WebView2 warning: a second window with the installer's title.
box=""
for _ in $(seq 1 120); do
  ids="$(xdotool search --onlyvisible --name "^Мейірім орнату\$" 2>/dev/null || true)"
  for id in $ids; do [ "$id" != "$page" ] && box="$id"; done
  [ -n "$box" ] && break
  sleep 0.5
done
[ -n "$box" ] || fail "the installer did not warn that WebView2 is missing"
shot "$box" installer-4-webview2-missing
xdotool key --window "$box" Return
sleep 2
shot "$page" installer-5-finish
# «Дайын» with «Мейірім іске қосу» ticked: the installed app starts.
xdotool key --window "$page" Return
wait "$installer" || fail "the installer ended with an error"

app="$(window "Мейірім ашылмады / Мейирим не открылся")"
shot "$app" app-webview2-missing
xdotool key --window "$app" Return
echo "installer GUI test: every page shown, the app explained the missing WebView2 ($shots)"
wineserver -k 2>/dev/null || true
