"""Read a public-index table (CSV, wide or long) into ISO3-keyed records, with located problems.

The same reader loads the bundled files and checks a user's import, so an imported edition is
held to exactly the rules the shipped data passes. Headers are matched through each index's
column aliases (case, spaces and punctuation ignored); countries through ISO3 codes or names.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from raqmana.indices import errors as E
from raqmana.indices.countries import to_iso3
from raqmana.indices.specs import COUNTRY_ALIASES, EDITION_ALIASES, ISO3_ALIASES, IndexSpec
from raqmana.problems import Code, Location, Problem

EDITION_RE = re.compile(r"^\d{4}(?:-\d{2})?$")
_BLANK = {"", "-", "..", "n/a", "na", "nan"}


@dataclass(frozen=True, slots=True)
class Record:
    """One country in one edition of an index."""

    iso3: str
    edition: str
    values: dict[str, float | None]
    rank: int | None = None
    group: str = ""
    name: str = ""  # the country name as the source wrote it
    line: int | None = None

    def value(self, component: str) -> float | None:
        return self.values.get(component)

    def to_dict(self) -> dict[str, object]:
        return {
            "iso3": self.iso3,
            "edition": self.edition,
            "rank": self.rank,
            "group": self.group or None,
            "values": dict(self.values),
        }


@dataclass
class ReadResult:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity.value == "error"]


def header_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.strip().lower()).strip()


def normalise_edition(text: str) -> str | None:
    """'2020', '2020.0' and '2021-09' are editions; anything else is not."""
    t = text.strip()
    if re.fullmatch(r"\d{4}\.0+", t):
        t = t.split(".")[0]
    return t if EDITION_RE.match(t) else None


def _number(text: str) -> float | None:
    t = text.strip().rstrip("*")
    if t.lower() in _BLANK:
        return None
    return float(t)  # ValueError for the caller


class _Reader:
    def __init__(self, spec: IndexSpec, display: str, edition: str | None):
        self.spec, self.display, self.edition = spec, display, edition
        self.problems: list[Problem] = []
        self.names = {header_key(n): c.id for c in spec.components for n in c.names()}

    def at(self, line: int | None = None, col: str = "") -> Location:
        return Location(file=self.display, line=line, column=col)

    def error(self, code: Code, line: int | None = None, col: str = "", **params: object) -> None:
        self.problems.append(Problem(code, self.at(line, col), dict(params)))

    def find(self, header: list[str], aliases: tuple[str, ...]) -> int | None:
        keys = {header_key(a) for a in aliases}
        for i, h in enumerate(header):
            if header_key(h) in keys:
                return i
        return None

    def row_edition(self, row: list[str], col: int | None, line: int) -> str | None:
        if col is None:
            return self.edition
        raw = row[col] if col < len(row) else ""
        found = normalise_edition(raw)
        if found is None:
            if not raw.strip() and self.edition:
                return self.edition
            self.error(E.BAD_EDITION, line, "", value=raw)
            return None
        if self.edition and found != self.edition:
            self.error(E.EDITION_CONFLICT, line, "", found=found, edition=self.edition)
            return None
        return found

    def country(
        self, row: list[str], iso_col: int | None, name_col: int | None, header: list[str], line: int
    ) -> tuple[str | None, str]:
        code = row[iso_col].strip() if iso_col is not None and iso_col < len(row) else ""
        name = row[name_col].strip() if name_col is not None and name_col < len(row) else ""
        for text in (code, name):
            if text:
                iso3 = to_iso3(text)
                if iso3:
                    return iso3, name or code
        col = iso_col if code else name_col
        self.error(E.UNKNOWN_COUNTRY, line, header[col] if col is not None else "", value=code or name)
        return None, name or code

    def value(self, cid: str, raw: str, line: int, column: str) -> tuple[bool, float | None]:
        try:
            v = _number(raw)
        except ValueError:
            self.error(E.NOT_A_NUMBER, line, column, value=raw.strip())
            return False, None
        comp = self.spec.component(cid)
        if v is not None and not (comp.lo - 1e-9 <= v <= comp.hi + 1e-9):
            self.error(E.OUT_OF_RANGE, line, column, value=raw.strip(), lo=comp.lo, hi=comp.hi, column=column)
            return False, None
        return True, v

    def rank(self, raw: str, line: int, column: str) -> int | None:
        try:
            v = _number(raw)
        except ValueError:
            self.error(E.NOT_A_NUMBER, line, column, value=raw.strip())
            return None
        return int(v) if v is not None else None


def read_table(
    source: Path | str,
    spec: IndexSpec,
    *,
    edition: str | None = None,
    text: str | None = None,
    display: str | None = None,
) -> ReadResult:
    """Read ``source`` (or ``text``) as a table of ``spec``; ``edition`` fills or checks the edition."""
    path = Path(source)
    shown = display or path.name
    if text is None:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            return ReadResult([], [Problem(E.FILE_NOT_FOUND, Location(file=shown), {"name": shown})])
        except UnicodeDecodeError as exc:
            return ReadResult([], [Problem(E.NOT_TEXT, Location(file=shown), {"detail": exc.reason})])
    if edition is not None and normalise_edition(edition) is None:
        return ReadResult([], [Problem(E.BAD_EDITION, Location(file=shown), {"value": edition})])
    reader = _Reader(spec, shown, normalise_edition(edition) if edition else None)
    try:
        rows = [
            (i, r)
            for i, r in enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff"))), start=1)
            if any(c.strip() for c in r)
        ]
    except csv.Error as exc:
        return ReadResult([], [Problem(E.NOT_TEXT, Location(file=shown), {"detail": str(exc)})])
    if len(rows) < 2:
        return ReadResult([], [Problem(E.EMPTY_FILE, Location(file=shown))])
    header = [h.strip() for h in rows[0][1]]
    long_format = (
        reader.find(header, ("variable",)) is not None and reader.find(header, ("value",)) is not None
    )
    records = _read_long(reader, header, rows[1:]) if long_format else _read_wide(reader, header, rows[1:])
    if any(p.severity.value == "error" for p in reader.problems):
        records = []
    return ReadResult(records, reader.problems)


def _columns(reader: _Reader, header: list[str]) -> tuple[int | None, int | None, int | None] | None:
    iso_col = reader.find(header, ISO3_ALIASES)
    name_col = reader.find(header, COUNTRY_ALIASES)
    if iso_col is None and name_col is None:
        reader.error(
            E.MISSING_COLUMN,
            1,
            "",
            column="iso3 / country",
            accepted=", ".join(ISO3_ALIASES + COUNTRY_ALIASES),
        )
        return None
    ed_col = reader.find(header, EDITION_ALIASES)
    if ed_col is None and reader.edition is None:
        reader.error(E.NO_EDITION, 1)
        return None
    return iso_col, name_col, ed_col


def _read_wide(reader: _Reader, header: list[str], rows: list[tuple[int, list[str]]]) -> list[Record]:
    cols = _columns(reader, header)
    if cols is None:
        return []
    iso_col, name_col, ed_col = cols
    comp_cols: dict[str, int] = {}
    used = {c for c in cols if c is not None}
    rank_col = reader.find(header, reader.spec.rank_aliases)
    group_col = reader.find(header, reader.spec.group_aliases) if reader.spec.group_aliases else None
    used |= {c for c in (rank_col, group_col) if c is not None}
    for i, h in enumerate(header):
        cid = reader.names.get(header_key(h))
        if cid and cid not in comp_cols and i not in used:
            comp_cols[cid] = i
        elif i not in used and h and cid is None:
            reader.problems.append(
                Problem(
                    E.UNKNOWN_COLUMN, reader.at(1, h), {"column": h, "name": reader.spec.name.model_dump()}
                )
            )
    for comp in reader.spec.components:
        if comp.required and comp.id not in comp_cols:
            reader.error(E.MISSING_COLUMN, 1, "", column=comp.id, accepted=", ".join(comp.names()))
    if any(p.severity.value == "error" for p in reader.problems):
        return []
    out: list[Record] = []
    first: dict[tuple[str, str], int] = {}
    for line, row in rows:
        ed = reader.row_edition(row, ed_col, line)
        iso3, name = reader.country(row, iso_col, name_col, header, line)
        values: dict[str, float | None] = {}
        for cid, ci in comp_cols.items():
            ok, v = reader.value(cid, row[ci] if ci < len(row) else "", line, header[ci])
            values[cid] = v if ok else None
        rank = (
            reader.rank(row[rank_col], line, header[rank_col])
            if rank_col is not None and rank_col < len(row)
            else None
        )
        group = row[group_col].strip() if group_col is not None and group_col < len(row) else ""
        if iso3 is None or ed is None:
            continue
        key = (iso3, ed)
        if key in first:
            reader.error(E.DUPLICATE_ROW, line, "", iso3=iso3, edition=ed, first=first[key])
            continue
        first[key] = line
        out.append(Record(iso3, ed, values, rank, group, name, line))
    return out


def _read_long(reader: _Reader, header: list[str], rows: list[tuple[int, list[str]]]) -> list[Record]:
    cols = _columns(reader, header)
    if cols is None:
        return []
    iso_col, name_col, ed_col = cols
    var_col = reader.find(header, ("variable",))
    val_col = reader.find(header, ("value",))
    assert var_col is not None and val_col is not None
    rank_keys = {header_key(a) for a in reader.spec.rank_aliases}
    acc: dict[tuple[str, str], dict[str, object]] = {}
    seen_vars: set[str] = set()
    warned: set[str] = set()
    for line, row in rows:
        ed = reader.row_edition(row, ed_col, line)
        iso3, name = reader.country(row, iso_col, name_col, header, line)
        var = row[var_col].strip() if var_col < len(row) else ""
        raw = row[val_col] if val_col < len(row) else ""
        key_var = header_key(var)
        cid = reader.names.get(key_var)
        if iso3 is None or ed is None:
            continue
        entry = acc.setdefault((iso3, ed), {"values": {}, "rank": None, "name": name, "line": line})
        if key_var in rank_keys and cid is None:
            entry["rank"] = reader.rank(raw, line, header[val_col])
            continue
        if cid is None:
            if var not in warned:
                warned.add(var)
                reader.problems.append(
                    Problem(
                        E.UNKNOWN_COLUMN,
                        reader.at(line, header[var_col]),
                        {"column": var, "name": reader.spec.name.model_dump()},
                    )
                )
            continue
        values = entry["values"]
        assert isinstance(values, dict)
        if cid in values:
            reader.error(E.DUPLICATE_ROW, line, header[var_col], iso3=iso3, edition=ed, first=entry["line"])
            continue
        ok, v = reader.value(cid, raw, line, header[val_col])
        values[cid] = v if ok else None
        seen_vars.add(cid)
    for comp in reader.spec.components:
        if comp.required and comp.id not in seen_vars:
            reader.error(
                E.MISSING_COLUMN, 1, header[var_col], column=comp.id, accepted=", ".join(comp.names())
            )
    out = []
    for (iso3, ed), entry in acc.items():
        vals = entry["values"]
        assert isinstance(vals, dict)
        rank, first_line = entry["rank"], entry["line"]
        out.append(
            Record(
                iso3,
                ed,
                dict(vals),
                rank if isinstance(rank, int) else None,
                "",
                str(entry["name"]),
                first_line if isinstance(first_line, int) else None,
            )
        )
    return out


def write_canonical(records: list[Record], spec: IndexSpec, path: Path) -> None:
    """Write records in raqmana's own layout (the layout ``read_table`` reads back unchanged)."""
    comps = spec.component_ids()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["edition", "iso3", "country", "rank", *(["group"] if spec.group_aliases else []), *comps])
    for r in records:
        vals = ["" if r.values.get(c) is None else repr(r.values[c]) for c in comps]
        w.writerow(
            [
                r.edition,
                r.iso3,
                r.name,
                "" if r.rank is None else r.rank,
                *([r.group] if spec.group_aliases else []),
                *vals,
            ]
        )
    path.write_text(buf.getvalue(), encoding="utf-8")
