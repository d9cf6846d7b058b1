#!/usr/bin/env bash
# Builds the firmware (`chargepoint`) and the diagnostics CLI (`cpdiag`) for the boards and packages them.
#
#   deploy/build-packages.sh [--output DIR] [--self-contained] [--version X.Y.Z]
#
# Default: framework-dependent, portable IL (runs on arm64 and x64 with the .NET 10 runtime installed; the
# native SQLite of each architecture is kept in its package), packaged as Debian packages for arm64 and amd64
# in DIR (default: artifacts/). --self-contained additionally publishes self-contained, trimmed, ReadyToRun
# builds (as .tar.gz) for every runtime identifier whose runtime packs can be restored; a missing pack is
# reported and skipped, not fatal (this project's package mirror has no linux-arm64 packs).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
output="$root/artifacts"
self_contained=false
version="$(tr -d '[:space:]' < "$root/deploy/VERSION")"

while [ $# -gt 0 ]; do
  case "$1" in
    --output) output="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --self-contained) self_contained=true; shift ;;
    --version) version="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build-packages.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

for tool in dotnet dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build-packages.sh: '$tool' is required" >&2; exit 2; }
done

# No long-lived build servers: a packaging run (in CI or a test) must leave no process behind holding its
# output pipes open.
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
publish() { dotnet publish "$@" --disable-build-servers -p:UseSharedCompilation=false --nologo -v quiet; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$output"

echo "== publishing framework-dependent (portable) builds, version $version"
publish "$root/firmware/ChargePoint.Firmware/ChargePoint.Firmware.csproj" -c Release \
  -p:UseAppHost=false -p:Version="$version" -o "$stage/fd/firmware"
publish "$root/firmware/ChargePoint.Cli/ChargePoint.Cli.csproj" -c Release \
  -p:UseAppHost=false -p:Version="$version" -o "$stage/fd/cli"

# Keeps only the native assets of one runtime identifier (SQLite ships one per architecture).
prune_runtimes() {
  local dir="$1" rid="$2"
  [ -d "$dir/runtimes" ] || return 0
  for r in "$dir"/runtimes/*; do
    case "$(basename "$r")" in
      "$rid"|unix|linux) ;;
      *) rm -rf "$r" ;;
    esac
  done
}

build_deb() {
  local arch="$1" rid="$2"
  local pkg="$stage/deb-$arch"
  mkdir -p "$pkg/DEBIAN" "$pkg/opt/chargepoint" "$pkg/usr/bin" "$pkg/etc/chargepoint" \
           "$pkg/lib/systemd/system" "$pkg/lib/udev/rules.d"
  cp -a "$stage/fd/firmware" "$pkg/opt/chargepoint/firmware"
  cp -a "$stage/fd/cli" "$pkg/opt/chargepoint/cli"
  prune_runtimes "$pkg/opt/chargepoint/firmware" "$rid"
  prune_runtimes "$pkg/opt/chargepoint/cli" "$rid"
  cp "$root/README.md" "$pkg/opt/chargepoint/README.md"
  cp "$root/deploy/config/chargepoint.json" "$pkg/etc/chargepoint/chargepoint.json"
  cp "$root/deploy/systemd/chargepoint.service" "$pkg/lib/systemd/system/chargepoint.service"
  cp "$root/deploy/udev/99-chargepoint.rules" "$pkg/lib/udev/rules.d/99-chargepoint.rules"
  printf '#!/bin/sh\nexec /usr/bin/dotnet /opt/chargepoint/firmware/chargepoint.dll "$@"\n' > "$pkg/usr/bin/chargepoint"
  printf '#!/bin/sh\nexec /usr/bin/dotnet /opt/chargepoint/cli/cpdiag.dll "$@"\n' > "$pkg/usr/bin/cpdiag"
  chmod 0755 "$pkg/usr/bin/chargepoint" "$pkg/usr/bin/cpdiag"
  cp "$root/deploy/debian/conffiles" "$pkg/DEBIAN/conffiles"
  for script in postinst prerm postrm; do
    install -m 0755 "$root/deploy/debian/$script" "$pkg/DEBIAN/$script"
  done
  local size
  size="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
    "$root/deploy/debian/control.in" > "$pkg/DEBIAN/control"
  dpkg-deb --root-owner-group -Zxz --build "$pkg" "$output/chargepoint_${version}_${arch}.deb" >/dev/null
  echo "built $output/chargepoint_${version}_${arch}.deb"
}

build_deb arm64 linux-arm64
build_deb amd64 linux-x64

if [ "$self_contained" = true ]; then
  for rid in linux-x64 linux-arm64; do
    echo "== publishing self-contained, trimmed, ReadyToRun build for $rid"
    dir="$stage/sc/$rid"
    if publish "$root/firmware/ChargePoint.Firmware/ChargePoint.Firmware.csproj" -c Release -r "$rid" \
         --self-contained -p:Version="$version" -o "$dir/firmware" > "$stage/sc-$rid.log" 2>&1 \
       && publish "$root/firmware/ChargePoint.Cli/ChargePoint.Cli.csproj" -c Release -r "$rid" \
         --self-contained -p:Version="$version" -o "$dir/cli" >> "$stage/sc-$rid.log" 2>&1; then
      tar -C "$dir" -czf "$output/chargepoint_${version}_${rid}_selfcontained.tar.gz" firmware cli
      echo "built $output/chargepoint_${version}_${rid}_selfcontained.tar.gz"
    elif grep -q -E 'NU1101|NU1102|NETSDK1112|NETSDK1084' "$stage/sc-$rid.log"; then
      echo "skipped $rid: its runtime packs are not available from the configured NuGet feed"
    else
      cat "$stage/sc-$rid.log" >&2
      echo "build-packages.sh: self-contained publish for $rid failed" >&2
      exit 1
    fi
  done
fi
