#!/usr/bin/env bash
# Runs check-deb.sh inside a minimal Debian 12 (debootstrap --variant=minbase into a temporary folder, then chroot):
# the system on which jpackage's own scripts failed ("xdg-desktop-menu: No writable system menu directory found").
# As root; installs debootstrap with apt if missing; needs the Debian mirror. About 4 minutes here.
set -euo pipefail
deb="$(realpath "${1:?usage: check-deb-minimal.sh rnn-explorer_VERSION-1_ARCH.deb}")"
command -v debootstrap >/dev/null || apt-get install -y -q debootstrap >/dev/null
root="$(mktemp -d)"
cleanup() { umount "$root/proc" 2>/dev/null || true; rm -rf "$root"; }
trap cleanup EXIT
debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$root.log" 2>&1 || { tail "$root.log" >&2; exit 1; }
rm -f "$root.log"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
cp "$deb" "$(dirname "$0")/check-deb.sh" "$root/root/"
chroot "$root" sh -c 'apt-get update -qq && bash /root/check-deb.sh /root/'"$(basename "$deb")"
