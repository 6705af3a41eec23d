#!/usr/bin/env bash
# The whole test suite, with the services it needs: a throwaway PostgreSQL server for the
# story bank tests and the system Chromium for the browser tests, both from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/system-packages.sh
# shellcheck source=/dev/null
source scripts/postgres.sh
postgres_start
trap postgres_stop EXIT

.venv/bin/python -m pytest "$@"
