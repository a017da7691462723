#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite: initdb + pg_ctl on a loopback port in a temp dir.
#
#   scripts/pg-test-cluster.sh start          # creates and starts it (or joins the running one), prints the URL
#   scripts/pg-test-cluster.sh url            # prints the URL of the running cluster
#   scripts/pg-test-cluster.sh stop           # leaves it; the last one to leave stops it and deletes its directory
#   scripts/pg-test-cluster.sh stop --force   # stops it whoever else still uses it
#
# Then: RAQMANA_TEST_PG_URL=$(scripts/pg-test-cluster.sh url) .venv/bin/pytest tests/store tests/workspace
# Each test creates its own database from a migrated template; nothing is shared between tests.
# Several test runs may share the cluster at once: every `start` counts one user and every `stop` one
# leave (under a lock), so one run finishing never stops the cluster under another.
# Settings: RAQMANA_PG_DIR (default /tmp/raqmana-pg-test), RAQMANA_PG_PORT (default 55432).
# As root the server runs as the `postgres` OS user (or a created `raqmana-pg` user): postgres refuses root.
set -euo pipefail

DIR="${RAQMANA_PG_DIR:-/tmp/raqmana-pg-test}"
PORT="${RAQMANA_PG_PORT:-55432}"
URL="postgresql+psycopg://postgres@127.0.0.1:${PORT}/postgres"
LOCK="${DIR}.lock"
USERS="$DIR/.users"

bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "pg-test-cluster: initdb not found (install postgresql-15)" >&2; exit 1
}

owner() {
  if [ "$(id -u)" -ne 0 ]; then id -un; return; fi
  if id postgres >/dev/null 2>&1; then echo postgres; return; fi
  id raqmana-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin raqmana-pg
  echo raqmana-pg
}

run_as() {  # run a command as the cluster owner
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$OWNER" -- "$@"; else "$@"; fi
}

clean() {  # delete the cluster directory, but only one this script created
  [ -e "$DIR" ] || return 0
  if [ ! -f "$DIR/.raqmana-pg-test" ]; then
    echo "pg-test-cluster: $DIR exists and was not made by this script; not touching it" >&2; exit 1
  fi
  rm -rf "$DIR"
}

running() { [ -f "$DIR/data/postmaster.pid" ] && run_as "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; }

users() { cat "$USERS" 2>/dev/null || echo 0; }

create() {
  clean
  mkdir -p "$DIR/socket"
  touch "$DIR/.raqmana-pg-test"
  chmod 700 "$DIR"
  [ "$(id -u)" -eq 0 ] && chown -R "$OWNER" "$DIR"
  # 9>&-: the server must not inherit the lock's file descriptor (it would hold the lock for its lifetime)
  run_as "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 9>&- \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  run_as "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 start -o \
    "-p $PORT -k $DIR/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null 9>&- || { cat "$DIR/server.log" >&2; exit 1; }
}

destroy() {
  if running; then run_as "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null; fi
  clean
}

BIN="$(bindir)"
OWNER="$(owner)"

case "${1:-}" in
  start)
    exec 9>"$LOCK"; flock 9
    if running; then n=$(users); else create; n=0; fi
    echo $((n + 1)) >"$USERS"
    echo "$URL"
    ;;
  stop)
    exec 9>"$LOCK"; flock 9
    n=$(users)
    if [ "${2:-}" = "--force" ] || [ "$n" -le 1 ]; then
      destroy
    else
      echo $((n - 1)) >"$USERS"
      echo "pg-test-cluster: still used by $((n - 1)) other run(s); left running" >&2
    fi
    ;;
  url)
    running || { echo "pg-test-cluster: not running (run: $0 start)" >&2; exit 1; }
    echo "$URL"
    ;;
  *)
    echo "usage: $0 start|stop [--force]|url" >&2; exit 64
    ;;
esac
