#!/usr/bin/env bash
# Real-window check: the jar opens its window under a virtual X display (waited for on the screen, not for a fixed
# time), stays up, and a screenshot of the screen is
# taken (and is not blank). Usage: .ci/window-check.sh [JAR] [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/rnn-explorer.jar}
OUT=${2:-target/window-check.png}
[ -f "$JAR" ] || { echo "window-check: $JAR not found (run mvn -B package first)" >&2; exit 2; }

if ! command -v Xvfb >/dev/null || ! command -v import >/dev/null; then
  echo "window-check: installing xvfb and imagemagick" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq xvfb imagemagick >/dev/null
fi

# a free display number
N=97
while [ -e "/tmp/.X${N}-lock" ] || [ -e "/tmp/.X11-unix/X${N}" ]; do N=$((N + 1)); done
Xvfb ":$N" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
APP=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
  kill "$XVFB" 2>/dev/null || true
}
trap cleanup EXIT
sleep 2
kill -0 "$XVFB" 2>/dev/null || { echo "window-check: Xvfb did not start" >&2; exit 1; }

DISPLAY=":$N" java -Djava.util.prefs.userRoot="$(mktemp -d)" -jar "$JAR" > target/window-check.log 2>&1 &
APP=$!
mkdir -p "$(dirname "$OUT")"
# wait for the window to be drawn (up to 3 minutes, a hang guard for a loaded machine), checking it stays up
for i in $(seq 1 90); do
  sleep 2
  if ! kill -0 "$APP" 2>/dev/null; then
    echo "window-check: the window exited; its output:" >&2
    cat target/window-check.log >&2
    exit 1
  fi
  DISPLAY=":$N" import -window root "$OUT"
  SIZE=$(stat -c %s "$OUT")
  # a blank 1600x1000 screen compresses to a few kB; the explorer window is well over 50 kB
  COLORS=$(identify -format %k "$OUT")
  if [ "$SIZE" -ge 50000 ] && [ "$COLORS" -ge 50 ]; then
    sleep 5
    kill -0 "$APP" 2>/dev/null || { echo "window-check: the window exited after it was drawn" >&2; cat target/window-check.log >&2; exit 1; }
    echo "window-check: the window is up after $((i * 2)) s and stays up; screenshot $OUT ($SIZE bytes, $COLORS colours)"
    exit 0
  fi
done
echo "window-check: the screenshot still looks blank after 3 minutes ($SIZE bytes, $COLORS colours)" >&2
exit 1
