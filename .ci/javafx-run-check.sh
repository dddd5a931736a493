#!/usr/bin/env bash
# The README's first command, `mvn javafx:run`, opens the window: run it under a virtual X display and wait (up to
# 5 minutes, a hang guard) for a window titled "RNN Explorer", then close it. Run after `mvn -B verify` (it uses the
# compiled classes).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq xvfb xdotool >/dev/null
fi
N=87
while [ -e "/tmp/.X${N}-lock" ] || [ -e "/tmp/.X11-unix/X${N}" ]; do N=$((N + 1)); done
Xvfb ":$N" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
APP=""
cleanup() {
  [ -n "$APP" ] && kill -- "-$APP" 2>/dev/null || true
  kill "$XVFB" 2>/dev/null || true
}
trap cleanup EXIT
sleep 2
DISPLAY=":$N" setsid mvn -B -q javafx:run > target/javafx-run-check.log 2>&1 &
APP=$!
for _ in $(seq 1 150); do
  if DISPLAY=":$N" xdotool search --name "RNN Explorer" >/dev/null 2>&1; then
    echo "javafx-run-check: mvn javafx:run opened the window"
    exit 0
  fi
  kill -0 "$APP" 2>/dev/null || { echo "javafx-run-check: mvn javafx:run ended without a window:" >&2; cat target/javafx-run-check.log >&2; exit 1; }
  sleep 2
done
echo "javafx-run-check: no window after 5 minutes" >&2; cat target/javafx-run-check.log >&2; exit 1
