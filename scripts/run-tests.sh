#!/usr/bin/env bash
# Run the test suite in parallel (pytest-xdist, one process per core) and completely: with PostgreSQL
# available, a throwaway cluster is started on a loopback port and the database tests run on it too
# (RAQMANA_TEST_PG_URL); RAQMANA_TEST_COMPLETE=1 makes a missing tool (Chromium, pdftoppm, LibreOffice)
# or a missing PostgreSQL fail the tests that need it instead of skipping them.
#
#   scripts/run-tests.sh                 # the whole suite (make test, CI)
#   scripts/run-tests.sh --fast          # all but browser, PDF/DOCX rendering, PostgreSQL and slow (make test-fast)
#   scripts/run-tests.sh --browser       # the browser tests alone, complete, the page crawl at both widths (make test-browser)
#   scripts/run-tests.sh tests/web -k x  # other arguments go to pytest
#
# RAQMANA_TEST_WORKERS sets the number of processes (default: auto, one per core; 0 runs in this process).
# RAQMANA_CRAWL_WIDTHS: the crawl of every page (tests/browser/test_page_crawl.py) reads each page, person
# and language at desktop (1280 px) and phone (390 px) width with "all" (the default of --browser), or at
# one of them, alternating over the people and languages so every run still covers both, with "alternate"
# (the default otherwise: make test, CI; half the time).
# Each worker has its own temporary directory, SQLite templates, PostgreSQL template database and ports.
# pytest's exit code is kept as it is (5 = no tests ran is a failure).
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
lane=all
case "${1:-}" in
  --fast | --browser)
    lane=${1#--}
    shift
    ;;
esac
args=(-n "${RAQMANA_TEST_WORKERS:-auto}")
pg_started=0
if [ "$lane" = fast ]; then
  args+=(-m "not browser and not render and not pg and not slow")
else
  if [ "$lane" = browser ]; then
    args+=(-m browser)
    export RAQMANA_CRAWL_WIDTHS="${RAQMANA_CRAWL_WIDTHS:-all}"
  fi
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
