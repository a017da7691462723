"""ILLUSTRATIVE submissions of a survey, written as a KoboToolbox export ("XML values and headers").

The demo imports them through the same path as a real export, so everything after the file is the real
code. Answers are drawn from a latent digital level per respondent that is lower in rural areas, for
older respondents and for respondents with a disability, so the divide analysis has something to find;
none of it is a finding about Iraq. Every uuid starts with ``illustrative-``.
"""

from __future__ import annotations

import csv
import io
import math
import random

from raqmana.celltext import csv_text
from raqmana.surveys.model import DONT_KNOW, Kind, Question, Role, Survey

INSTITUTIONS = (
    "Ministry of Health",
    "Ministry of Education",
    "Ministry of Interior",
    "Ministry of Finance",
    "Ministry of Planning",
    "Basra Governorate",
    "Erbil Governorate",
    "Nineveh Governorate",
)
_AGE_EFFECT = {"18_29": 0.5, "30_44": 0.2, "45_59": -0.2, "60_plus": -0.7}


def _header(survey: Survey) -> list[str]:
    head = ["start", "end"]
    for q in survey.questions:
        if q.kind is Kind.NOTE:
            continue
        head.append("/".join((*q.group, q.name)))
    return [*head, "_id", "_uuid", "_submission_time", "_index"]


def _pick(rng: random.Random, survey: Survey, q: Question, level: float) -> str:
    options = survey.options(q)
    scored = sorted((o for o in options if o.score is not None), key=lambda o: o.score or 0)
    if not scored:
        return rng.choice(options).name if options else ""
    if rng.random() < 0.04:
        return DONT_KNOW
    position = 1 / (1 + math.exp(-(level + rng.gauss(0, 0.9))))  # 0–1
    return scored[min(len(scored) - 1, int(position * len(scored)))].name


def _level(rng: random.Random, answers: dict[str, str], governorate_effect: dict[str, float]) -> float:
    level = rng.gauss(0, 0.6)
    level += 0.5 if answers.get("area") == "urban" else -0.5
    level += _AGE_EFFECT.get(answers.get("age_group", ""), 0.0)
    level -= 0.6 if answers.get("disability") == "yes" else 0.0
    level -= 0.15 if answers.get("sex") == "female" else 0.0
    return level + governorate_effect.get(answers.get("governorate", ""), 0.0)


def submissions_csv(survey: Survey, *, n: int, seed: int = 2026) -> bytes:
    """``n`` illustrative submissions of ``survey`` as a Kobo CSV export."""
    rng = random.Random(f"{seed}-{survey.id}")  # nosec B311  # reproducible illustrative answers, not a secret
    governorate = survey.by_role(Role.GOVERNORATE)
    effects = {o.name: rng.gauss(0, 0.5) for o in survey.options(governorate)} if governorate else {}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_header(survey))
    for i in range(n):
        answers: dict[str, str] = {}
        level = 0.0
        for q in survey.questions:
            if q.kind is Kind.NOTE:
                continue
            if q.role in (Role.SEX, Role.AGE_GROUP, Role.GOVERNORATE, Role.AREA, Role.DISABILITY):
                options = survey.options(q)
                weights = [1.0] * len(options)
                if q.role is Role.DISABILITY:  # about one respondent in eight
                    weights = [0.12 if o.name == "yes" else 0.88 for o in options]
                answers[q.name] = rng.choices(options, weights=weights)[0].name
                level = _level(rng, answers, effects)
            elif q.role is Role.INSTITUTION:
                answers[q.name] = rng.choice(INSTITUTIONS)
            elif q.role is Role.RESPONDENT:
                answers[q.name] = f"S-{rng.randrange(10_000, 99_999)}"
            elif q.kind is Kind.SELECT_ONE:
                answers[q.name] = _pick(rng, survey, q, level)
            elif q.kind is Kind.SELECT_MULTIPLE:
                chosen = [
                    o.name for o in survey.options(q) if o.name != "none" and rng.random() < 0.3 + 0.1 * level
                ]
                answers[q.name] = " ".join(chosen) or "none"
            elif q.kind in (Kind.INTEGER, Kind.DECIMAL):
                mean = max(0.2, 2.5 - 1.2 * level)
                answers[q.name] = str(min(60, _poisson(rng, mean)))
            else:
                answers[q.name] = ""
        day = 1 + i % 28
        stamp = f"2026-10-{day:02d}T{8 + i % 9:02d}:{i % 60:02d}:00"
        row = [stamp, stamp]
        row += [answers.get(q.name, "") for q in survey.questions if q.kind is not Kind.NOTE]
        row += [str(i + 1), f"illustrative-{survey.id}-{i + 1:06d}", stamp, str(i + 1)]
        writer.writerow([csv_text(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def _poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
