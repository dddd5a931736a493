#!/usr/bin/env bash
# Installs the .deb with apt, starts what it installed and removes it again; every step must succeed. As root on
# Debian or Ubuntu (CI runs it on its own machine after `mvn -Pinstaller package`; check-deb-minimal.sh runs it
# inside a minimal Debian 12). Steps: apt-get install (no recommended packages, as on a minimal system); the menu
# entry and file types registered; --version; train and trace, headless; without a display, the one-line message
# and exit code 2; the window under Xvfb, opening a model file as a desktop would, still up after 10 s (and, where
# ImageMagick's import is installed, a screenshot SHOT that is not blank); apt-get remove, which must leave nothing
# of the app. If a step fails, the package is purged again.
# Usage: check-deb.sh DEB [SHOT.png]
set -euo pipefail
deb="$(realpath "${1:?usage: check-deb.sh rnn-explorer_VERSION-1_ARCH.deb [SHOT.png]}")"
shot="${2:-}"
app=/opt/rnn-explorer/bin/rnn-explorer
work="$(mktemp -d)"
export DEBIAN_FRONTEND=noninteractive
step() { echo "check-deb: $*"; }
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }
xvfb=""; window=""
cleanup() {
    code=$?
    [ -n "$window" ] && kill "$window" 2>/dev/null || true
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
    if [ "$code" != 0 ] && dpkg-query -W rnn-explorer >/dev/null 2>&1; then dpkg --purge rnn-explorer >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

step "apt-get install $(basename "$deb")"
apt-get install -y -q --no-install-recommends "$deb" >"$work/install.log" 2>&1 || { tail -20 "$work/install.log" >&2; fail "apt-get install"; }
[ "$(dpkg-query -W -f='${Status}' rnn-explorer)" = "install ok installed" ] || fail "the package is not fully installed"
[ -f /usr/share/applications/rnn-explorer.desktop ] || fail "no menu entry"
[ -f /usr/share/mime/packages/rnn-explorer.xml ] || fail "no file types"

step "headless: --version, train, trace"
"$app" --version
"$app" train --task recall --delay 3 --hidden 8 --steps 2 --quiet --out "$work/m.json" >/dev/null
"$app" trace --model "$work/m.json" --text a012 --out "$work/t.json" >/dev/null
grep -q '"format": "rnn-explorer-trace"' "$work/t.json" || fail "trace wrote no trace"

step "no display: one line, exit code 2"
set +e
msg="$(env -u DISPLAY "$app" 2>&1 >/dev/null)"; code=$?
set -e
[ "$code" = 2 ] && [ "$(printf '%s\n' "$msg" | grep -vc 'Unsupported JavaFX configuration\|PlatformImpl startup')" = 1 ] \
  || fail "without a display: exit $code, $msg"

step "the window under Xvfb, opening a model file"
command -v Xvfb >/dev/null || apt-get install -y -q --no-install-recommends xvfb xauth >/dev/null
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.2; done
DISPLAY="$display" HOME="$work" "$app" "$work/m.json" >"$work/window.log" 2>&1 &
window=$!
sleep 10
kill -0 "$window" 2>/dev/null || { cat "$work/window.log" >&2; fail "the window did not stay up"; }
if [ -n "$shot" ] && command -v import >/dev/null; then
    DISPLAY="$display" import -window root "$shot"
    colours=$(identify -format %k "$shot")
    [ "$colours" -ge 50 ] || fail "the screenshot $shot looks blank ($colours colours)"
    echo "check-deb: screenshot $shot ($colours colours)"
fi
kill "$window" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true
wait "$window" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true
window=""; xvfb=""

step "apt-get remove rnn-explorer"
apt-get remove -y -q rnn-explorer >"$work/remove.log" 2>&1 || { tail -20 "$work/remove.log" >&2; fail "apt-get remove"; }
[ ! -e /opt/rnn-explorer ] || fail "/opt/rnn-explorer is still there"
[ ! -e /usr/share/applications/rnn-explorer.desktop ] && [ ! -e /usr/share/mime/packages/rnn-explorer.xml ] \
  || fail "the menu entry or file types are still registered"
step "passed"
