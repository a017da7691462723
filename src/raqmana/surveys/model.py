"""A survey as raqmana keeps it: questions with translated labels, choice lists, logic and scoring.

The same model comes from three places: a ready survey of a framework pack (YAML), an XLSForm written
elsewhere (:mod:`.xlsform_in`) and a framework's questionnaire (:func:`.xlsform_out.from_framework`).
It goes out as an XLSForm (:mod:`.xlsform_out`) and scores submissions (:mod:`.perception`).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from raqmana.i18n import Translated

NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9._-]*$"

#: the answer values every scored scale keeps for "don't know" and "not applicable"
DONT_KNOW = "dk"
NOT_APPLICABLE = "na"


class Kind(StrEnum):
    """The question types raqmana represents (XLSForm type names)."""

    SELECT_ONE = "select_one"
    SELECT_MULTIPLE = "select_multiple"
    INTEGER = "integer"
    DECIMAL = "decimal"
    TEXT = "text"
    DATE = "date"
    NOTE = "note"


class Role(StrEnum):
    """What a question tells about the respondent (the divide analysis groups by these)."""

    NONE = ""
    SEX = "sex"
    AGE_GROUP = "age_group"
    GOVERNORATE = "governorate"
    AREA = "area"  # urban / rural
    DISABILITY = "disability"
    INSTITUTION = "institution"
    RESPONDENT = "respondent"  # an identifier of the person: pseudonymised at import
    WEIGHT = "weight"  # the design weight of the respondent


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Model):
    name: str
    label: Translated = Translated()
    #: the option's points on its scale (1–3 for DRA items, 1–5 for Likert); None: not scored
    score: float | None = None
    #: extra columns of the choices sheet (cascading selects filter on them)
    filters: dict[str, str] = {}


class Question(_Model):
    name: str = Field(pattern=NAME_PATTERN)
    kind: Kind
    label: Translated = Translated()
    hint: Translated = Translated()
    guidance: Translated = Translated()
    #: the choice list of select questions
    choices: str = ""
    or_other: bool = False
    required: bool = False
    relevant: str = ""
    constraint: str = ""
    constraint_message: Translated = Translated()
    choice_filter: str = ""
    #: the groups the question sits in, outermost first
    group: tuple[str, ...] = ()
    role: Role = Role.NONE
    #: the topic a scored question counts towards (a DRA pillar, a bottleneck, a framework enabler)
    topic: str = ""
    #: the indicator of the framework this question answers (when it feeds the assessment)
    indicator: str = ""


class Group(_Model):
    name: str = Field(pattern=NAME_PATTERN)
    label: Translated = Translated()
    relevant: str = ""


class Survey(_Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    version: str = "1"
    title: Translated = Translated()
    description: Translated = Translated()
    #: the framework this survey belongs to (its pack), when any
    framework: str = ""
    source: str = ""
    licence: str = ""
    groups: list[Group] = []
    questions: list[Question] = []
    choice_lists: dict[str, list[Option]] = {}
    #: topic id → its name (the sections of the results)
    topics: dict[str, Translated] = {}
    #: names of the questions, repeats and calculations of a form written elsewhere that raqmana does not
    #: keep (their columns in a submission export are left out with a warning, not refused)
    not_kept: list[str] = []

    def question(self, name: str) -> Question:
        for q in self.questions:
            if q.name == name:
                return q
        raise KeyError(name)

    def options(self, question: Question) -> list[Option]:
        return self.choice_lists.get(question.choices, [])

    def scored(self) -> list[Question]:
        """The questions with points on their options (the perception scale)."""
        return [
            q
            for q in self.questions
            if q.kind is Kind.SELECT_ONE and any(o.score is not None for o in self.options(q))
        ]

    def by_role(self, role: Role) -> Question | None:
        return next((q for q in self.questions if q.role is role), None)

    def with_roles(self, roles: dict[str, str]) -> Survey:
        """This survey with the respondent attribute of some questions set (question name → role): the
        saved mapping of a form written elsewhere. Raises KeyError / ValueError on an unknown name."""
        known = {q.name for q in self.questions}
        for name, role in roles.items():
            if name not in known:
                raise KeyError(name)
            Role(role)
        questions = [
            q.model_copy(update={"role": Role(roles[q.name])}) if q.name in roles else q
            for q in self.questions
        ]
        return self.model_copy(update={"questions": questions})

    def counts(self) -> dict[str, int]:
        return {
            "questions": len(self.questions),
            "groups": len(self.groups),
            "choice_lists": len(self.choice_lists),
            "scored": len(self.scored()),
        }
