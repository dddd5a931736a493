#!/usr/bin/env bash
# Makes an app image with its own Java runtime (jlink'ed by jpackage) from target/rnn-explorer.jar, then the
# system's installer from that image: .deb on Linux, .dmg on macOS, .msi on Windows (Git Bash; needs WiX 3).
# Called by `mvn -Pinstaller package`; usage: tools/package.sh VERSION [JPACKAGE]. Output: target/installer/.
# dpkg-deb compresses with xz -6 unless DPKG_DEB_COMPRESSOR_TYPE / DPKG_DEB_COMPRESSOR_LEVEL say otherwise (CI asks
# for a faster level: the default takes minutes on a busy 2-core machine).
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: tools/package.sh VERSION [JPACKAGE]}"
version="${version%-SNAPSHOT}"
jpackage="${2:-${JAVA_HOME:+$JAVA_HOME/bin/}jpackage}"
command -v "$jpackage" >/dev/null || { echo "package.sh: jpackage not found ($jpackage); it comes with JDK 14 and newer" >&2; exit 2; }

input=target/jpackage-input
out=target/installer
rm -rf "$input" "$out"
mkdir -p "$input" "$out"
cp target/rnn-explorer.jar "$input/"
cp tools/installer/linux/rnn-explorer-mime.xml "$input/" # installed by the .deb's postinst (see below)

case "$(uname -s)" in
  Linux*)  name=rnn-explorer;   type=deb ;;
  Darwin*) name="RNN Explorer"; type=dmg ;;
  MINGW*|MSYS*|CYGWIN*) name="RNN Explorer"; type=msi ;;
  *) echo "package.sh: unknown system $(uname -s)" >&2; exit 2 ;;
esac
# The Java modules the app uses (jdeps --print-module-deps on the jar, plus what JavaFX and FXML load by name);
# the default (every module) makes the runtime about twice as large.
modules="${MODULES:-java.base,java.desktop,java.logging,java.xml,java.sql,java.scripting,java.management,java.prefs,java.naming,jdk.unsupported,jdk.unsupported.desktop,jdk.jfr,jdk.zipfs}"
description="Step through a live RNN, LSTM or GRU and watch its gates, states and gradients."

"$jpackage" --type app-image --dest "$out" --input "$input" \
  --name "$name" --app-version "$version" --vendor "RNN Explorer" --description "$description" \
  --main-jar rnn-explorer.jar --main-class org.rnnexplorer.Launcher \
  --add-modules "$modules" --java-options "-Xmx2g"

# The file types the app opens: sessions (*.session.json) and PyTorch checkpoints (*.pt, *.pth) everywhere; on
# Linux also model files, which are told apart from other JSON by their content (tools/installer/linux/*-mime.xml).
types=(--file-associations tools/installer/session.properties --file-associations tools/installer/checkpoint-pt.properties
       --file-associations tools/installer/checkpoint-pth.properties)
extra=()
case "$type" in
  deb) command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null || {
         echo "package.sh: the app image is in $out; a .deb needs fakeroot and dpkg-deb (apt-get install fakeroot)" >&2; exit 2; }
       # tools/installer/linux: our own postinst, prerm and postrm (jpackage's fail where xdg-utils finds no menu
       # folder, as on a minimal Debian) and the menu entry, which passes the file to open (%f).
       types+=(--file-associations tools/installer/model.properties)
       extra=(--linux-package-name rnn-explorer --linux-deb-maintainer "rnn-explorer@example.org"
              --linux-app-category education --linux-menu-group Education --linux-shortcut
              --resource-dir tools/installer/linux
              --linux-package-deps libgtk-3-0) ;; # JavaFX's native libraries are inside the jar, where jpackage does
                                                  # not look for what they link to: GTK 3
  msi) extra=(--win-menu --win-shortcut --win-dir-chooser) ;;
esac
"$jpackage" --type "$type" --dest "$out" --app-image "$out/$name" \
  --name "$name" --app-version "$version" --vendor "RNN Explorer" --description "$description" \
  --license-file LICENSE "${types[@]}" "${extra[@]}"
ls -l "$out"
