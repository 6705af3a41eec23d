#!/usr/bin/env bash
# Sourced by scripts/test.sh: postgres_start runs a throwaway PostgreSQL cluster on a local
# socket and port and exports STARBAR_TEST_POSTGRES_URL; postgres_stop removes it.
postgres_start() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then
    echo "scripts/postgres.sh: PostgreSQL not installed; PostgreSQL tests will be skipped" >&2
    return 0
  fi
  PG_DIR=$(mktemp -d /tmp/starbar-pg.XXXXXX)
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_DIR" 2>/dev/null || { useradd -r postgres 2>/dev/null; chown postgres "$PG_DIR"; }
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bindir/initdb" -D "$PG_DIR/data" -U starbar --auth=trust >/dev/null
  # The first free port from 55432, so two test runs can share a machine; another process can
  # take a port between the probe and the start, so a failed start moves on to the next one.
  PG_PORT=${STARBAR_PG_PORT:-55432}
  local tries=0
  while :; do
    while [ -z "${STARBAR_PG_PORT:-}" ] && (echo >"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
    if "${run_as[@]}" "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null; then
      break
    fi
    tries=$((tries + 1))
    if [ -n "${STARBAR_PG_PORT:-}" ] || [ "$tries" -ge 5 ]; then
      echo "scripts/postgres.sh: PostgreSQL did not start; its log:" >&2
      cat "$PG_DIR/log" >&2
      return 1
    fi
    PG_PORT=$((PG_PORT + 1))
  done
  "${run_as[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U starbar starbar_test
  export STARBAR_TEST_POSTGRES_URL="postgresql://starbar@127.0.0.1:$PG_PORT/starbar_test"
  PG_BIN=$bindir
  PG_RUN_AS=("${run_as[@]}")
}

postgres_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
