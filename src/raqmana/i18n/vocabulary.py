"""The shared terms of raqmana, defined once: kinds of organisation, horizons and phases, answer and job states.

Each term is a :class:`~enum.StrEnum` whose values are the strings the database, files and URLs store
(a member compares equal to its value). Their words in English, Arabic and Sorani come from the gettext
catalogues, with the vocabulary as message context: :func:`name` gives a :class:`Translated` value,
:func:`word` the text in one language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from functools import lru_cache

from raqmana.i18n.catalog import pgettext
from raqmana.i18n.text import Translated


class OrgKind(StrEnum):
    """A kind of organisation in the government tree (and the pseudo-kind of national questions)."""

    GOVERNMENT = "government"
    SECRETARIAT = "secretariat"
    MINISTRY = "ministry"
    INDEPENDENT_BODY = "independent_body"
    AGENCY = "agency"
    GOVERNORATE = "governorate"
    REGION = "region"
    REGIONAL_BODY = "regional_body"
    UNIT = "unit"
    NATIONAL = "national"  # answered once for the whole country (e.g. by the lead agency)


#: the kinds an organisation of the tree may have (an import file's ``kind`` column)
ORGANISATION_KINDS: tuple[OrgKind, ...] = tuple(k for k in OrgKind if k is not OrgKind.NATIONAL)


class Horizon(StrEnum):
    """When a recommendation is to be done."""

    SHORT = "short"  # done within 18 months
    LONG = "long"


class Phase(StrEnum):
    """The phase of the roadmap an initiative finishes in."""

    SHORT = "short"  # finished within 6 quarters
    MEDIUM = "medium"  # within 12 quarters
    LONG = "long"


class ResponseState(StrEnum):
    """Where an answer is in its review: draft → submitted → returned | accepted."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"


class JobStatus(StrEnum):
    """Where a background job is."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class CaseState(StrEnum):
    """Where a citizen's feedback or complaint is: received → assigned → answered → closed."""

    RECEIVED = "received"
    ASSIGNED = "assigned"
    ANSWERED = "answered"
    CLOSED = "closed"


class FeedbackKind(StrEnum):
    """What a person sends an institution: a rating with a comment, or a complaint that needs an answer."""

    FEEDBACK = "feedback"
    COMPLAINT = "complaint"


class Channel(StrEnum):
    """How the person used the service."""

    ONLINE = "online"
    OFFICE = "office"
    PHONE = "phone"
    AGENT = "agent"


class CommentState(StrEnum):
    """Where a comment on a consultation is: waiting for a moderator, published, rejected, or removed (deleted
    while replies to it remain: kept without its text or author so that the replies stay where they were)."""

    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"
    REMOVED = "removed"


class HideReason(StrEnum):
    """Why a moderator hid the text of a case from everyone but its handlers."""

    ABUSIVE = "abusive"
    PERSONAL_DATA = "personal_data"
    SPAM = "spam"
    OFF_TOPIC = "off_topic"


def _term(context: str, message: str) -> tuple[str, str]:
    """Mark a term's English word for the catalogues (extracted by babel.cfg's ``_term:1c,2``)."""
    return context, message


#: (vocabulary, value) → (message context, English word)
WORDS: dict[tuple[str, str], tuple[str, str]] = {
    ("org kind", OrgKind.GOVERNMENT): _term("org kind", "Government"),
    ("org kind", OrgKind.SECRETARIAT): _term("org kind", "General Secretariat for the Council of Ministers"),
    ("org kind", OrgKind.MINISTRY): _term("org kind", "Ministry"),
    ("org kind", OrgKind.INDEPENDENT_BODY): _term("org kind", "Independent body"),
    ("org kind", OrgKind.AGENCY): _term("org kind", "Agency"),
    ("org kind", OrgKind.GOVERNORATE): _term("org kind", "Governorate"),
    ("org kind", OrgKind.REGION): _term("org kind", "Region"),
    ("org kind", OrgKind.REGIONAL_BODY): _term("org kind", "Regional body"),
    ("org kind", OrgKind.UNIT): _term("org kind", "Unit"),
    ("org kind", OrgKind.NATIONAL): _term("org kind", "National level"),
    ("org kinds", OrgKind.MINISTRY): _term("org kinds", "Ministries"),
    ("org kinds", OrgKind.GOVERNORATE): _term("org kinds", "Governorates"),
    ("org kinds", OrgKind.INDEPENDENT_BODY): _term("org kinds", "Independent bodies"),
    ("org kinds", OrgKind.SECRETARIAT): _term("org kinds", "Secretariat"),
    ("org kinds", OrgKind.REGION): _term("org kinds", "Region"),
    ("org kinds", OrgKind.REGIONAL_BODY): _term("org kinds", "Regional bodies"),
    ("horizon", Horizon.SHORT): _term("horizon", "Short term (≤ 18 months)"),
    ("horizon", Horizon.LONG): _term("horizon", "Long term"),
    ("phase", Phase.SHORT): _term("phase", "Short term (≤ 6 quarters)"),
    ("phase", Phase.MEDIUM): _term("phase", "Medium term (≤ 12 quarters)"),
    ("phase", Phase.LONG): _term("phase", "Long term"),
    ("phase name", Phase.SHORT): _term("phase name", "Short term"),
    ("phase name", Phase.MEDIUM): _term("phase name", "Medium term"),
    ("phase name", Phase.LONG): _term("phase name", "Long term"),
    ("response state", ResponseState.DRAFT): _term("response state", "Draft"),
    ("response state", ResponseState.SUBMITTED): _term("response state", "Submitted"),
    ("response state", ResponseState.RETURNED): _term("response state", "Returned"),
    ("response state", ResponseState.ACCEPTED): _term("response state", "Accepted"),
    ("job status", JobStatus.QUEUED): _term("job status", "Waiting"),
    ("job status", JobStatus.RUNNING): _term("job status", "Running"),
    ("job status", JobStatus.DONE): _term("job status", "Done"),
    ("job status", JobStatus.FAILED): _term("job status", "Failed"),
    ("case state", CaseState.RECEIVED): _term("case state", "Received"),
    ("case state", CaseState.ASSIGNED): _term("case state", "Assigned"),
    ("case state", CaseState.ANSWERED): _term("case state", "Answered"),
    ("case state", CaseState.CLOSED): _term("case state", "Closed"),
    ("feedback kind", FeedbackKind.FEEDBACK): _term("feedback kind", "Feedback"),
    ("feedback kind", FeedbackKind.COMPLAINT): _term("feedback kind", "Complaint"),
    ("channel", Channel.ONLINE): _term("channel", "Online"),
    ("channel", Channel.OFFICE): _term("channel", "At an office"),
    ("channel", Channel.PHONE): _term("channel", "By phone"),
    ("channel", Channel.AGENT): _term("channel", "Through an agent or office clerk"),
    ("comment state", CommentState.PENDING): _term("comment state", "Waiting for moderation"),
    ("comment state", CommentState.PUBLISHED): _term("comment state", "Published"),
    ("comment state", CommentState.REJECTED): _term("comment state", "Rejected"),
    ("comment state", CommentState.REMOVED): _term("comment state", "Removed"),
    ("hide reason", HideReason.ABUSIVE): _term("hide reason", "Abusive"),
    ("hide reason", HideReason.PERSONAL_DATA): _term("hide reason", "Personal data"),
    ("hide reason", HideReason.SPAM): _term("hide reason", "Spam"),
    ("hide reason", HideReason.OFF_TOPIC): _term("hide reason", "Off topic"),
}

#: the vocabularies and the term each names (``org kinds`` are the plural names of groups of organisations;
#: ``phase name`` is a phase without its length)
VOCABULARIES: dict[str, type[StrEnum]] = {
    "org kind": OrgKind,
    "org kinds": OrgKind,
    "horizon": Horizon,
    "phase": Phase,
    "phase name": Phase,
    "response state": ResponseState,
    "job status": JobStatus,
    "case state": CaseState,
    "feedback kind": FeedbackKind,
    "channel": Channel,
    "hide reason": HideReason,
    "comment state": CommentState,
}


@lru_cache(maxsize=256)
def name(vocabulary: str, value: str) -> Translated:
    """The words for ``value`` of ``vocabulary`` (e.g. ``name("org kind", "ministry")``) in three languages.

    A value the vocabulary has no word for is given as it is (e.g. an organisation kind added by a file).
    """
    found = WORDS.get((vocabulary, str(value)))
    if found is None:
        return Translated(en=str(value), ar=str(value), ckb=str(value))
    context, english = found
    return Translated(en=english, ar=pgettext("ar", context, english), ckb=pgettext("ckb", context, english))


class Names(Mapping[str, Translated]):
    """The values of one vocabulary with their words, read from the catalogues when first asked for."""

    def __init__(self, vocabulary: str) -> None:
        self.vocabulary = vocabulary
        self._values = tuple(m.value for m in VOCABULARIES[vocabulary] if (vocabulary, m.value) in WORDS)

    def __getitem__(self, value: str) -> Translated:
        if value not in self._values:
            raise KeyError(value)
        return name(self.vocabulary, value)

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def names(vocabulary: str) -> Names:
    """Every value of ``vocabulary`` that has words, with them (in the enumeration's order)."""
    return Names(vocabulary)


def word(vocabulary: str, value: str, lang: str) -> str:
    """The word for ``value`` of ``vocabulary`` in ``lang``."""
    return name(vocabulary, value).get(lang)
