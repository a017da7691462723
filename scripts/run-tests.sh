#!/usr/bin/env bash
# Run the whole test suite; with PostgreSQL available, a throwaway cluster is started on a loopback
# port and the database tests run on it too (RAQMANA_TEST_PG_URL). pytest's exit code is kept as
# it is (5 = no tests ran is a failure).
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
pg_started=0
if [ -z "${RAQMANA_TEST_PG_URL:-}" ] && [ -x scripts/pg-test-cluster.sh ]; then
  if url=$(bash scripts/pg-test-cluster.sh start); then
    export RAQMANA_TEST_PG_URL="$url"
    pg_started=1
    echo "PostgreSQL test cluster: $url"
  else
    echo "PostgreSQL test cluster could not start; database tests run on SQLite only" >&2
  fi
fi
"$BIN/pytest" "$@"
status=$?
if [ "$pg_started" = 1 ]; then
  bash scripts/pg-test-cluster.sh stop || true
fi
exit $status
