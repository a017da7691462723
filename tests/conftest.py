"""Settings shared by every test: passwords are hashed with Argon2id at its minimal cost.

The hash is still Argon2id and still checked; only its memory and time parameters are tiny, so a
sign-in costs microseconds instead of half a second. Commands started by tests (CLI runs, served apps)
read the same setting from the environment.
"""

from __future__ import annotations

import os

os.environ.setdefault("RAQMANA_PASSWORD_COST", "minimal")

from tests.support.demo import small_demo, small_demo_template  # noqa: F401  (fixtures for every suite)
