#!/usr/bin/env bash
# Sourced by scripts/system-packages.sh: apt_get runs apt-get, and while another program
# (an unattended upgrade, another test run) holds the dpkg or apt lock, waits for it to be
# released, up to $STARBAR_APT_WAIT seconds (default 600), saying once that it waits.
apt_get() {
  local limit=${STARBAR_APT_WAIT:-600} out said=""
  local deadline=$((SECONDS + limit))
  while :; do
    if out=$(apt-get "$@" 2>&1); then
      return 0
    fi
    if ! grep -qiE 'could not get lock|is held by|unable to acquire the dpkg|unable to lock' <<<"$out" ||
      [ "$SECONDS" -ge "$deadline" ]; then
      printf '%s\n' "$out" >&2
      [ -z "$said" ] || echo "scripts/apt.sh: the lock was still held after ${limit} s" >&2
      return 1
    fi
    if [ -z "$said" ]; then
      echo "scripts/apt.sh: another program holds the dpkg lock; waiting for it (up to ${limit} s)" >&2
      said=1
    fi
    sleep 1
  done
}
