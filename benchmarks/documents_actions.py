"""Actions of action plans: the owner, deadline and budget read from each numbered action, and the
roadmap initiatives (the pack's recommendation rules) it is matched to, against
``benchmarks/data/documents_actions.jsonl``.

    python benchmarks/documents_actions.py [--framework iraq-dla] [--show]

The set: 27 numbered plan actions. Four are the demo's illustrative plan (written for raqmana); the
others carry the content of public commitments of Iraqi, Jordanian, Saudi and eGA plans (the source of
each is kept), written as one plan line each, with an owner, a deadline or a budget only where the
source states one. Each row was labelled with the fields it states and the initiatives a reviewer would
accept for it before the reader was run on the set; nothing was tuned on it.

Each line is read as the reader reads a plan (lines → blocks → passages), so an action must also be
recognised as an action. Field accuracy: the value read equals the labelled one (an absent field read as
absent counts as right), per field and over the fields a line states. Matching: the first initiative
suggested is one of the labelled ones (top-1), one of the two suggested is (top-2), over the actions with
a label; an action labelled with none is right when nothing is suggested.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "documents_actions.jsonl"
FIELDS = ("owner", "deadline", "budget")


def _same(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return " ".join(re.sub(r"[.،,]+$", "", a).split()) == " ".join(re.sub(r"[.،,]+$", "", b).split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--framework", default="iraq-dla")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    from raqmana.documents.analyse import analyse_passages
    from raqmana.documents.model import BlockKind
    from raqmana.documents.passages import passages
    from raqmana.documents.structure import blocks_from_lines

    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x.strip()]
    started, cpu = time.perf_counter(), time.process_time()
    items = []
    for r in rows:
        found = passages(blocks_from_lines([r["text"]]))
        items.append(found[0] if found else None)
    read = [p for p in items if p is not None]
    results = {id(r.passage): r for r in analyse_passages(read, framework=args.framework)}
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    right = dict.fromkeys(FIELDS, 0)
    stated = dict.fromkeys(FIELDS, 0)
    stated_right = dict.fromkeys(FIELDS, 0)
    recognised = top1 = top2 = labelled = empty = empty_right = 0
    for r, p in zip(rows, items, strict=True):
        is_action = p is not None and p.kind is BlockKind.ACTION
        recognised += is_action
        details = dict(p.details) if is_action and p is not None else {}
        for f in FIELDS:
            want, got = r["fields"].get(f), details.get(f)
            ok = _same(got, want)
            right[f] += ok
            if want is not None:
                stated[f] += 1
                stated_right[f] += ok
        matched = [a.rule for a in results[id(p)].actions] if p is not None else []
        gold = set(r["initiatives"])
        if gold:
            labelled += 1
            top1 += bool(matched) and matched[0] in gold
            top2 += bool(set(matched[:2]) & gold)
        else:
            empty += 1
            empty_right += not matched
        if args.show:
            print(f"{r['id']:18s} action={is_action} fields={details} matched={matched} gold={sorted(gold)}")
    n = len(rows)
    print(f"documents_actions: {n} plan actions, {recognised} recognised as numbered actions")
    for f in FIELDS:
        print(
            f"  {f:8s}: accuracy {right[f] / n:.2f} ({right[f]}/{n}); where the line states it "
            f"{stated_right[f]}/{stated[f]} = {stated_right[f] / max(1, stated[f]):.2f}"
        )
    all_stated = sum(stated.values())
    print(
        f"  fields stated: {sum(stated_right.values())}/{all_stated} read right "
        f"= {sum(stated_right.values()) / max(1, all_stated):.2f}"
    )
    print(
        f"  matching to roadmap initiatives: top-1 {top1}/{labelled} = {top1 / max(1, labelled):.2f}, "
        f"top-2 {top2}/{labelled} = {top2 / max(1, labelled):.2f}; actions with no initiative left "
        f"unmatched {empty_right}/{empty}"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"time: {elapsed:.1f} s wall, {cpu:.1f} s CPU (model load included); peak memory {rss:.0f} MB; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
