"""Long run of the JSON API fuzzing (schemathesis, every check) against the app in process.

The same run as ``tests/web/test_fuzz_api.py`` with more examples per operation and every phase
(the document's examples, boundary values and undeclared methods, generated valid and invalid data,
stateful sequences along the links between operations), as a whole-tree coordinator and as a focal point
of one ministry on a fresh copy of the test world each. Prints, per persona: operations, cases, answers
by status, failures by check (must be none) and each distinct failure with a curl line to reproduce it.

Run:
    .venv/bin/python benchmarks/api_fuzz.py --examples 50
Options: --examples 50 --personas coord,focal --no-stateful --seed 1
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.fuzz import fuzz_api
from tests.web.world import build_world, make_settings

from raqmana.web import create_app
from raqmana.workspace import tokens


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--examples", type=int, default=50, help="generated cases per operation and mode")
    p.add_argument("--personas", default="coord,focal")
    p.add_argument("--no-stateful", action="store_true", help="skip the sequences of operations")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    failed = 0
    for persona in args.personas.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            world = build_world(make_settings(Path(tmp)))
            with world.ws.transaction() as s:
                _, secret = tokens.create_api_token(s, world[persona], name="fuzz")
            app = create_app(world.settings, workspace=world.ws)
            started = time.perf_counter()
            figures = fuzz_api(
                app,
                headers={"Authorization": f"Bearer {secret}"},
                max_examples=args.examples,
                seed=args.seed,
                stateful=not args.no_stateful,
            )
            wall = time.perf_counter() - started
            world.ws.dispose()
        print(f"== {persona}: {args.examples} examples per operation, {wall:.0f} s wall")
        print(figures.report())
        failed += sum(figures.failures.values()) + len(figures.errors)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
