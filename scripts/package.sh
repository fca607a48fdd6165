#!/usr/bin/env bash
# Builds Meirim's two packages into dist/, installing what it needs:
#   dist/Meirim-<version>-setup.exe   Windows 10/11 installer (per user, no admin rights):
#                                     meirim.exe, WebView2Loader.dll and meirim-cli.exe,
#                                     cross-compiled for x86_64-pc-windows-gnu with mingw-w64,
#                                     packed by makensis from src-tauri/windows/meirim.nsi
#   dist/meirim_<version>_amd64.deb   Debian/Ubuntu package (Tauri's deb bundler), with
#                                     meirim-cli in /usr/bin beside the app
#   dist/SHA256SUMS
# MEIRIM_PACKAGES=deb or =windows builds only one of them.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WIN_TARGET=x86_64-pc-windows-gnu
packages="${MEIRIM_PACKAGES:-deb windows}"
target_dir="${CARGO_TARGET_DIR:-$ROOT/target}"
dist="$ROOT/dist"

ensure_apt_packages "${APP_BUILD_PACKAGES[@]}" "${WINDOWS_BUILD_PACKAGES[@]}" python3
ensure_rust
ensure_windows_target
ensure_node
ensure_npm_deps "$ROOT/ui"

version="$(app_version)"
mkdir -p "$dist"
build_ui_if_changed
# The UI in ui/dist is current: neither build may rebuild it.
no_ui='{"build":{"beforeBuildCommand":null}}'

if [[ " $packages " == *" deb "* ]]; then
  step "Linux: meirim-cli and the app (release), then the .deb"
  cargo build --release --locked -p meirim-cli
  # meirim-cli goes into the package beside the app; the path is absolute because the
  # target folder may be outside the repository (CARGO_TARGET_DIR).
  deb_config="$(python3 -c 'import json,sys; print(json.dumps({"build":{"beforeBuildCommand":None},"bundle":{"linux":{"deb":{"files":{"/usr/bin/meirim-cli":sys.argv[1]}}}}}))' "$target_dir/release/meirim-cli")"
  tauri_cli build --bundles deb --config "$deb_config"
  deb="$target_dir/release/bundle/deb/Meirim_${version}_amd64.deb"
  [ -f "$deb" ] || die "Tauri did not produce $deb"
  # Repacked with xz (Tauri's bundler uses gzip): one stream over both programs, which
  # share most of their code, takes the package from 19 MB to under 10.
  repack="$(mktemp -d)"
  dpkg-deb -R "$deb" "$repack/pkg"
  dpkg-deb --root-owner-group -Zxz -z9 -b "$repack/pkg" "$dist/meirim_${version}_amd64.deb" >/dev/null
  rm -rf "$repack"
fi

if [[ " $packages " == *" windows "* ]]; then
  step "Windows: meirim.exe and meirim-cli.exe (release, $WIN_TARGET)"
  # custom-protocol: the app serves the UI bundled into it, not Vite's dev server.
  (cd "$ROOT" && cargo build --release --locked --target "$WIN_TARGET" \
    -p meirim-app --features meirim-app/custom-protocol -p meirim-cli)
  out="$target_dir/$WIN_TARGET/release"
  # What the installer holds, kept beside the build: scripts/test-packages.sh packs an
  # "older version" from it to test an upgrade.
  stage="$out/installer-stage"
  rm -rf "$stage" && mkdir -p "$stage"
  for f in meirim.exe WebView2Loader.dll meirim-cli.exe; do
    [ -f "$out/$f" ] || die "the Windows build did not produce $out/$f"
    cp "$out/$f" "$stage/"
  done
  # The programs may import only DLLs every Windows 10/11 has, and WebView2Loader.dll,
  # which the installer puts beside them. A new import fails the build until it is
  # checked and added here.
  system_dlls=" advapi32.dll bcrypt.dll bcryptprimitives.dll combase.dll comctl32.dll dwmapi.dll gdi32.dll imm32.dll kernel32.dll msvcrt.dll ntdll.dll ole32.dll oleaut32.dll shell32.dll shlwapi.dll user32.dll userenv.dll uxtheme.dll ws2_32.dll version.dll "
  imports="$(x86_64-w64-mingw32-objdump -p "$stage/meirim.exe" "$stage/meirim-cli.exe" | sed -n 's/^\tDLL Name: //p' | tr 'A-Z' 'a-z' | sort -u)"
  for dll in $imports; do
    [[ "$system_dlls" == *" $dll "* || "$dll" == webview2loader.dll || "$dll" == api-ms-win-core-* ]] ||
      die "meirim.exe or meirim-cli.exe imports $dll, which is not known to come with Windows 10/11 and is not in the installer"
  done
  step "Windows installer (makensis)"
  python3 "$ROOT/src-tauri/windows/wizard-bitmap.py" "$ROOT/src-tauri/icons/128x128.png" "$stage/wizard.bmp"
  make_installer "$version" "$stage" "$dist/Meirim-${version}-setup.exe"
  # Version and publisher must show in each file's properties (a UTF-16 version resource).
  for exe in "$stage/meirim.exe" "$stage/meirim-cli.exe" "$dist/Meirim-${version}-setup.exe"; do
    props="$(strings -el "$exe")"
    grep -qx "Meirim developers" <<<"$props" && grep -qx "$version" <<<"$props" ||
      die "$(basename "$exe") has no version $version and publisher in its file properties"
  done
fi

(cd "$dist" && sha256sum -- *.exe *.deb 2>/dev/null >SHA256SUMS || true)
step "Packages in $dist"
ls -l "$dist"
