"""Importing raqmana does no work: no password hashing, no matplotlib backend choice, no registration."""

import subprocess
import sys
import textwrap

import pytest


@pytest.mark.slow
def test_importing_every_module_hashes_nothing_and_chooses_no_backend():
    script = textwrap.dedent(
        """
        import importlib, pkgutil
        import argon2, matplotlib
        calls = []
        argon2.PasswordHasher.hash = lambda *a, **k: calls.append("argon2 hash")
        matplotlib.use = lambda *a, **k: calls.append("matplotlib.use")
        import raqmana
        names = [
            m.name for m in pkgutil.walk_packages(raqmana.__path__, "raqmana.")
            if ".migrations" not in m.name
        ]
        for name in names:
            importlib.import_module(name)
        print(len(names), calls)
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    count, calls = run.stdout.split(" ", 1)
    assert int(count) > 200
    assert calls.strip() == "[]"


def test_job_handlers_come_from_the_workspace_not_from_imports(tmp_path):
    from raqmana.settings import get_settings
    from raqmana.workspace import SYSTEM, jobs, open_workspace
    from raqmana.workspace.job_handlers import REPORT, WORKBOOK_IMPORT, builtin_handlers

    assert not hasattr(jobs, "HANDLERS")
    settings = get_settings(environment="test", data_dir=tmp_path)
    ws = open_workspace(settings)
    bare = open_workspace(settings, handlers={}, migrate=False)
    try:
        assert set(ws.handlers) == set(builtin_handlers()) >= {WORKBOOK_IMPORT, REPORT}
        with ws.transaction() as s:
            queued = jobs.enqueue(s, SYSTEM, kind=WORKBOOK_IMPORT, payload={"files": []})
        with bare.transaction() as s, pytest.raises(ValueError, match="no job handler"):
            jobs.enqueue(s, SYSTEM, kind=WORKBOOK_IMPORT, payload={"files": []})
        assert jobs.run_one(bare) is None  # claims no kind it has no handler for
        done = jobs.run_one(ws)
        assert done is not None and done.id == queued.id and done.status == "done"
    finally:
        ws.dispose()
        bare.dispose()
