#!/usr/bin/env bash
# Installer check: builds the .deb (mvn -Pinstaller package: jpackage through tools/package.sh) and installs, starts
# and removes it with apt on this machine (tools/installer/check-deb.sh). As root on Debian or Ubuntu; installs
# fakeroot (jpackage's .deb needs it and dpkg-deb) if missing. The .deb is compressed with gzip -1 here, not xz -6:
# the same files, built in about a minute instead of several on a busy 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v fakeroot >/dev/null || ! command -v dpkg-deb >/dev/null; then
  echo "installer-check: installing fakeroot" >&2
  apt-get update -qq && apt-get install -y -qq fakeroot >/dev/null
fi
start=$(date +%s)
DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 mvn -B -q -Pinstaller package -DskipTests
built=$(date +%s)
deb=$(ls target/installer/rnn-explorer_*.deb)
apt-get update -qq || true # the lists apt resolves the package's dependencies from
bash tools/installer/check-deb.sh "$deb" target/installer-check.png
echo "installer-check: built in $((built - start)) s, installed, started and removed in $(( $(date +%s) - built )) s"
