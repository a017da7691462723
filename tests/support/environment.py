"""Tools and services some tests need beyond Python (Chromium, poppler's pdftoppm, LibreOffice, PostgreSQL).

A developer's run skips a test whose tool is missing and says which package brings it. A complete run
(``RAQMANA_TEST_COMPLETE=1``, set by ``scripts/run-tests.sh``, i.e. ``make test`` and CI) fails instead:
there a missing tool is a broken machine, not a reason to pass without checking anything.
"""

from __future__ import annotations

import os

import pytest

COMPLETE = os.environ.get("RAQMANA_TEST_COMPLETE") == "1"


def require(found: bool, what: str) -> None:
    """Go on when ``found``; otherwise skip (a developer's run) or fail (a complete run)."""
    if found:
        return
    if COMPLETE:
        pytest.fail(f"{what} is missing, and a complete test run (RAQMANA_TEST_COMPLETE=1) needs it")
    pytest.skip(f"{what} is missing (make test installs it)")
