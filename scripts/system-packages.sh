#!/usr/bin/env bash
# Debian packages the tests need: PostgreSQL (story bank) and Chromium (browser tests).
# Installs only what is missing; needs root (as on CI), otherwise says what to install.
# Another program holding the dpkg lock is waited for (bounded: scripts/apt.sh).
set -euo pipefail
need=()
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/system-packages.sh: missing ${need[*]}; install them with: sudo apt-get install ${need[*]}" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# shellcheck source=/dev/null
source "$(dirname "$0")/apt.sh"
apt_get update -qq >/dev/null
apt_get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
