"""What the commands print when they succeed (errors are Codes in ``*/errors.py``); ar and ckb in the catalogues.

``text(lang, key, **params)`` formats one message; numbers stay in Latin digits (terminals, logs).
"""

from __future__ import annotations

from typing import Any

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ngettext, ui
from raqmana.i18n.locales import get_locale

MESSAGES: dict[str, Translated] = {
    # words
    "error": ui("error"),
    "warning": ui("warning"),
    "yes": ui("yes"),
    "no": ui("no"),
    "empty": ui("empty"),
    # table headers
    "h.id": ui("id"),
    "h.version": ui("version"),
    "h.kind": ui("kind"),
    "h.name": ui("name"),
    "h.enablers": ui("enablers"),
    "h.indicators": ui("indicators"),
    "h.code": ui("code"),
    "h.severity": ui("severity"),
    "h.message": ui("message"),
    "h.period": ui("period"),
    "h.status": ui("status", "cli"),
    "h.framework": ui("framework"),
    "h.institutions": ui("institutions"),
    "h.institution": ui("institution"),
    "h.total": ui("total"),
    "h.username": ui("username"),
    "h.roles": ui("roles"),
    "h.active": ui("active"),
    "h.initiative": ui("initiative"),
    "h.start": ui("start"),
    "h.end": ui("end"),
    "h.shift": ui("shift"),
    # framework
    "fw.valid": ui(
        "valid {id} {version}: {enablers} enablers, {sub_areas} sub-areas, {indicators} indicators, {missing} missing translations, {warnings} warnings"
    ),
    "wrote": ui("wrote {path}"),
    # audit, db, worker
    "audit.broken": ui("broken event {event} (seq {seq}): {kind}: {detail}"),
    "audit.signed": ui("head signature checked with key {key_id}; {checkpoints} checkpoint(s) held"),
    "audit.unsigned": ui("no audit key is set (RAQMANA_AUDIT_KEY_FILE): the head signature was not checked"),
    "audit.checkpoint": ui("signed checkpoint of seq {seq} written to {path}"),
    "audit.head_signed": ui("audit head (seq {seq}) signed with key {key_id}"),
    "backup.wrote": ui(
        "backup written to {path}: database {database} (schema {revision}), {files} file(s), audit seq {seq}, {size} bytes"
    ),
    "backup.checked": ui(
        "backup {path} is intact: {files} file(s) match their checksums, audit chain verified to seq {seq}"
    ),
    "restore.done": ui(
        "restored {path} into {data_dir} (database {database}, schema {revision}, audit seq {seq})"
    ),
    "db.upgraded": ui("{url}: {before} → {after}"),
    "db.current": ui("current {current}, head {head}"),
    "job.queued": ui("queued job {id}"),
    # organisations, users
    "org.report": ui("created {created}, updated {updated}, unchanged {unchanged}"),
    "org.file_missing": ui("file not found"),
    "user.created": ui("created user {username} (id {id})"),
    "user.granted": ui("{username}: {role} over {org}"),
    "user.whole_tree": ui("the whole tree"),
    "user.password_reset": ui("password of {username} reset"),
    # assessment rounds, reports
    "as.illustrative": ui(" (illustrative)"),
    "report.done": ui("{written} files written, {skipped} already there → {dir}"),
    # roadmap
    "rules.valid": ui(
        "valid {source}: {rules} rules ({national} national, {institution} per institution; {short} short-term), {warnings} warnings"
    ),
    "plan.done": ui(
        "{recommendations} recommendations ({short} short-term) → {initiatives} initiatives, {dependencies} dependencies; schedule {status}, gap {gap}, {better} better than greedy, {quarters} quarters → {out}"
    ),
    "whatif.done": ui(
        "objective {before} → {after} ({delta}); makespan {makespan_before} → {makespan_after}; {moved} initiatives moved"
    ),
    "roadmap.read": ui(
        "read {file}: roadmap {id} v{version}, {initiatives} initiatives, {dependencies} dependencies"
    ),
    # demo
    "demo.step1": ui("{name}: {enablers} enablers, {indicators} indicators → {file}"),
    "demo.step2": ui(
        "workspace {dir}: {institutions} institutions, {answers} answers (illustrative, generated)"
    ),
    "demo.reused": ui(
        "workspace {dir} already holds the illustrative round: it is reused as it is now, with any changes made in it since (to start afresh, delete {dir} or run `make clean`)"
    ),
    "demo.step3": ui(
        "national score {score}/5 (stage {stage}), {runs} Monte Carlo runs; {bottlenecks} bottlenecks → {files}"
    ),
    "demo.step4": ui(
        "{total} recommendations: {national} national and {institution} for single institutions; {initiatives} roadmap initiatives → {files}"
    ),
    "demo.step5": ui("national report in ar, ckb and en → {dir}"),
    "demo.done": ui("done in {seconds} s → {file}"),
    "demo.logins": ui("demo logins (illustrative workspace; also in {file}):"),
    "demo.serve": ui("starting the web workspace (Ctrl-C stops it)"),
    "demo.stopped": ui(
        "stopped; the workspace is kept at {dir}: run `make demo` (or `raqmana demo`) again to continue"
    ),
    # public indices
    "ix.groups": ui("{index} groups: {list}"),
    "ix.classes": ui("{index} rating classes: {list}"),
}


def _n(singular: str, plural: str, count: str = "n") -> tuple[str, str, str]:
    """A counted message: its singular and plural English and the parameter that holds the count."""
    return singular, plural, count


#: messages with a count: the form (Arabic has six, Sorani two) follows the count parameter
COUNTED: dict[str, tuple[str, str, str]] = {
    "worker.stopped": _n("worker stopped after {n} job", "worker stopped after {n} jobs"),
    "as.opened": _n("opened round {id} with {n} institution", "opened round {id} with {n} institutions"),
    "as.wrote_many": _n("wrote {n} workbook to {out}", "wrote {n} workbooks to {out}"),
    "as.imported": _n("imported {ok} of {n} workbook", "imported {ok} of {n} workbooks"),
    "audit.ok": _n(
        "audit log intact: {checked} event, last seq {last_seq}",
        "audit log intact: {checked} events, last seq {last_seq}",
        "checked",
    ),
}


def text(lang: str, key: str, /, **params: Any) -> str:
    """Message ``key`` in ``lang`` (English when the language has no text), with ``params`` filled in."""
    if key in COUNTED:
        singular, plural, count = COUNTED[key]
        return ngettext(lang, singular, plural, int(params[count]), **params)
    entry = MESSAGES[key]
    code = get_locale(lang).code
    template = entry.get(code)
    return template.format(**params) if params else template


def sep(lang: str) -> str:
    """The list separator of ``lang`` (the Arabic comma in ar and ckb)."""
    return ", " if get_locale(lang).code == "en" else "، "
