#!/usr/bin/env bash
# Run the test suite in parallel (pytest-xdist, one process per core) and completely: with PostgreSQL
# available, a throwaway cluster is started on a loopback port and the database tests run on it too
# (RAQMANA_TEST_PG_URL); RAQMANA_TEST_COMPLETE=1 makes a missing tool (Chromium, pdftoppm, LibreOffice)
# or a missing PostgreSQL fail the tests that need it instead of skipping them.
#
#   scripts/run-tests.sh                 # the whole suite (make test, CI)
#   scripts/run-tests.sh --fast          # all but browser, PDF/DOCX rendering, PostgreSQL and slow (make test-fast)
#   scripts/run-tests.sh tests/web -k x  # other arguments go to pytest
#
# RAQMANA_TEST_WORKERS sets the number of processes (default: auto, one per core; 0 runs in this process).
# Each worker has its own temporary directory, SQLite templates, PostgreSQL template database and ports.
# pytest's exit code is kept as it is (5 = no tests ran is a failure).
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
fast=0
if [ "${1:-}" = "--fast" ]; then
  fast=1
  shift
fi
args=(-n "${RAQMANA_TEST_WORKERS:-auto}")
pg_started=0
if [ "$fast" = 1 ]; then
  args+=(-m "not browser and not render and not pg and not slow")
else
  export RAQMANA_TEST_COMPLETE="${RAQMANA_TEST_COMPLETE:-1}"
  if [ -z "${RAQMANA_TEST_PG_URL:-}" ] && [ -x scripts/pg-test-cluster.sh ]; then
    if url=$(bash scripts/pg-test-cluster.sh start); then
      export RAQMANA_TEST_PG_URL="$url"
      pg_started=1
      echo "PostgreSQL test cluster: $url"
    else
      echo "PostgreSQL test cluster could not start: the PostgreSQL tests will fail" >&2
    fi
  fi
fi
"$BIN/pytest" "${args[@]}" "$@"
status=$?
if [ "$pg_started" = 1 ]; then
  bash scripts/pg-test-cluster.sh stop || true
fi
exit $status
