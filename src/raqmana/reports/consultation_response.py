"""The response report of a consultation (the accountability loop): what was received (counts by theme
and governorate), what changed in the draft section by section with the comments that caused it, and
what was not taken and why. A self-contained builder on the shared report model, so the HTML, PDF and
DOCX renderers print it like any report."""

from __future__ import annotations

from dataclasses import dataclass, field

from raqmana.i18n.catalog import gettext, ngettext
from raqmana.i18n.numbers import format_number
from raqmana.reports.labels import report_labels
from raqmana.reports.model import Block, Bullets, Note, Paragraph, Report, Section, Table


@dataclass(frozen=True)
class ResponseLine:
    """One line of the response: the section it is about (empty: the draft as a whole), whether the
    proposal was taken, the owner's words and the comments behind it (number, masked excerpt)."""

    section: str
    taken: bool
    text: str
    comments: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class QuestionLine:
    """A question's results: its prompt, how many answered, per option (Likert point) the count (a
    ranking's Borda points), the mean Likert point; all in the report's language."""

    prompt: str
    answered: int
    counts: list[tuple[str, int]] = field(default_factory=list)
    mean: float | None = None
    ranking: bool = False


@dataclass(frozen=True)
class ResponseFacts:
    """Everything the report prints, already in the report's language (names, dates, masked texts)."""

    lang: str
    title: str
    owner: str
    period: str
    published: str
    summary: str
    received: int
    published_comments: int
    themes: list[tuple[str, int]]
    governorates: list[tuple[str, int]]
    lines: list[ResponseLine]
    questions: list[QuestionLine] = field(default_factory=list)
    address: str = ""
    illustrative: bool = False
    digits: str | None = None


def _lines(facts: ResponseFacts, taken: bool) -> list[Section]:
    lang = facts.lang
    out = []
    for n, line in enumerate((x for x in facts.lines if x.taken is taken), start=1):
        blocks: list[Block] = [Paragraph(line.text)]
        if line.comments:
            blocks.append(Paragraph(gettext(lang, "The comments behind it:")))
            blocks.append(Bullets([f"#{cid}: {text}" for cid, text in line.comments]))
        title = line.section or gettext(lang, "The draft as a whole")
        out.append(Section(id=f"{'taken' if taken else 'not-taken'}-{n}", title=title, blocks=blocks))
    return out


def _questions(facts: ResponseFacts) -> Section:
    lang = facts.lang
    blocks: list[Block] = []
    for n, q in enumerate(facts.questions, start=1):
        blocks.append(
            Paragraph(
                f"{q.prompt} ("
                + ngettext(
                    lang,
                    "{n} answer",
                    "{n} answers",
                    q.answered,
                    n=format_number(q.answered, lang, decimals=0, digits=facts.digits),
                )
                + ")"
            )
        )
        if q.counts:
            blocks.append(
                Table(
                    id=f"question-{n}",
                    caption=q.prompt,
                    columns=[
                        gettext(lang, "Option"),
                        gettext(lang, "Points") if q.ranking else gettext(lang, "Answers"),
                    ],
                    rows=[[name, count] for name, count in q.counts],
                    numeric=[1],
                    decimals=0,
                )
            )
        if q.mean is not None:
            mean = format_number(q.mean, lang, decimals=1, digits=facts.digits)
            blocks.append(Paragraph(gettext(lang, "Average: {v}", v=mean)))
    return Section(id="questions", title=gettext(lang, "What people answered"), blocks=blocks)


def response_report(facts: ResponseFacts) -> Report:
    """The response report in ``facts.lang``."""
    lang = facts.lang
    received = Section(
        id="received",
        title=gettext(lang, "What we received"),
        blocks=[
            Paragraph(
                ngettext(
                    lang,
                    "{received} comment was received between {period}.",
                    "{received} comments were received between {period}.",
                    facts.received,
                    received=facts.received,
                    period=facts.period,
                )
                + " "
                + ngettext(
                    lang,
                    "{published} was published after moderation.",
                    "{published} were published after moderation.",
                    facts.published_comments,
                    published=facts.published_comments,
                )
            ),
            Table(
                id="themes",
                caption=gettext(lang, "Comments by theme"),
                columns=[gettext(lang, "Theme"), gettext(lang, "Comments")],
                rows=[[name, n] for name, n in facts.themes],
                numeric=[1],
                decimals=0,
            ),
        ],
    )
    if facts.governorates:
        received.blocks.append(
            Table(
                id="governorates",
                caption=gettext(lang, "Comments by governorate (where participants said)"),
                columns=[gettext(lang, "Governorate"), gettext(lang, "Comments")],
                rows=[[name, n] for name, n in facts.governorates],
                numeric=[1],
                decimals=0,
            )
        )
    changed = Section(
        id="changed",
        title=gettext(lang, "What changed in the draft"),
        subsections=_lines(facts, True),
        blocks=[] if any(x.taken for x in facts.lines) else [Note(gettext(lang, "Nothing was changed."))],
    )
    not_taken = Section(
        id="not-taken",
        title=gettext(lang, "What was not taken, and why"),
        subsections=_lines(facts, False),
        blocks=[]
        if any(not x.taken for x in facts.lines)
        else [Note(gettext(lang, "Every proposal was taken."))],
    )
    intro = Section(id="summary", title=gettext(lang, "Summary"), blocks=[Paragraph(facts.summary)])
    return Report(
        id="consultation-response",
        lang=lang,
        title=gettext(lang, "Response to the consultation: {title}", title=facts.title),
        subtitle=facts.owner,
        date=facts.published,
        sections=[intro, received, *([_questions(facts)] if facts.questions else []), changed, not_taken],
        header=facts.title,
        illustrative=facts.illustrative,
        illustrative_note=gettext(lang, "these figures are made up for demonstration and training."),
        provenance=[facts.address] if facts.address else [],
        labels=report_labels(lang),
        digits=facts.digits,
    )
