#!/usr/bin/env bash
# Writes requirements.lock: starbar's dependencies and its `test` extra, resolved from
# pyproject.toml's ranges in a throwaway virtual environment and frozen to exact versions.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
env=$(mktemp -d /tmp/starbar-lock.XXXXXX)
trap 'rm -rf "$env"' EXIT
"$python" -m venv "$env"
"$env/bin/pip" install --quiet '.[test]'
{
  sed -n '1,3p' requirements.lock
  # pip freeze drops environment markers: uvloop has no Windows build.
  "$env/bin/pip" freeze --exclude starbar | sed 's/^uvloop==\(.*\)$/uvloop==\1; sys_platform != "win32"/'
} >requirements.lock.new
mv requirements.lock.new requirements.lock
echo "scripts/lock.sh: wrote requirements.lock ($(grep -c '==' requirements.lock) packages)"
