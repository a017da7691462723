"""Shapes of the survey operations of a round: the list, the import result, the aggregated results."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from raqmana.i18n import Translated
from raqmana.web.schemas.common import Out, ProblemOut
from raqmana.workspace.views import JobView


class SurveyRoundOut(Out):
    """The assessment round whose submissions the figures are."""

    id: int
    name: Translated
    period: str
    closed: bool = Field(description="a closed round takes no more submissions")


class SurveyItemOut(Out):
    id: str
    version: str
    title: Translated
    kind: str = Field(description="questionnaire (the round's own, as a form) or survey (a ready one)")
    questions: int
    scored: int
    submissions: int
    last_import: datetime | None
    illustrative: bool


class SurveyListPage(Out):
    assessment_id: int
    round: SurveyRoundOut = Field(description="the submissions counted are this round's only")
    surveys: list[SurveyItemOut]
    may_import: bool = Field(description="whether the caller may import submissions")


class SubmissionImportOut(Out):
    """The import's counts and located warnings; or, for a large file, the job that imports it."""

    ok: bool = True
    queued: bool = False
    job: JobView | None = None
    survey: str = ""
    file: str = ""
    round: SurveyRoundOut | None = Field(None, description="the round the submissions went into")
    read: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    other_round: int = Field(0, description="submissions of the file already in another round, left there")
    warnings: list[ProblemOut] = Field(default_factory=list)


class EstimateOut(Out):
    """A weighted mean with its 95 % interval and the respondents behind it."""

    mean: float
    low: float
    high: float
    n: int
    n_effective: float


class TopicOut(Out):
    topic: str
    name: Translated
    estimate: EstimateOut = Field(description="0–100")


class ItemOut(Out):
    question: str
    label: Translated
    topic: str
    estimate: EstimateOut | None = Field(description="on the item's own scale (e.g. 1–3)")
    estimate_100: EstimateOut | None = Field(description="on 0–100")
    dont_know: int


class ShareOut(Out):
    share: float = Field(description="0–1")
    low: float
    high: float
    n: int


class BottleneckOut(Out):
    item: str
    label: Translated
    share: float = Field(description="share (0–1) of respondents for whom it holds work back a lot")
    low: float
    high: float
    n: int
    groups: dict[str, dict[str, ShareOut]] = Field(description="dimension → group → share")


class DivideGroupOut(Out):
    group: str
    label: Translated
    n: int
    mean: float


class DivideDimensionOut(Out):
    dimension: str
    groups: list[DivideGroupOut] = Field(description="lowest mean first")
    gap: float
    between_share: float


class SurveyResultsPage(Out):
    """Aggregated results only: no respondent's answers or pseudonym."""

    assessment_id: int
    round: SurveyRoundOut = Field(description="the round whose respondents these are")
    survey: str
    version: str
    title: Translated
    illustrative: bool
    n: int = Field(description="respondents with a scored answer")
    overall: EstimateOut | None
    topics: list[TopicOut]
    items: list[ItemOut]
    bottlenecks: list[BottleneckOut]
    divide: list[DivideDimensionOut]
    gini: float | None = None


class SurveyIndicatorResultOut(Out):
    """A survey indicator of the round's results: its national value on 0–100 with the 95 % interval."""

    id: str
    name: Translated
    survey: str
    topic: str
    scope: str = Field(description="institution (each institution with enough respondents) or national")
    value: float | None
    low: float | None
    high: float | None
    n: int = Field(description="respondents behind the national value")
    institutions: int = Field(description="institutions with a value of their own")


class BottleneckSummaryOut(Out):
    item: str
    label: Translated
    share: float = Field(description="0–1")
    low: float
    high: float
    n: int


class ResultsSurveysOut(Out):
    """What the round's perception surveys add to its results (aggregated figures only)."""

    illustrative: bool
    sampling_n: int = Field(
        0, description="respondents behind the survey indicators whose sampling error the intervals include"
    )
    round_name: Translated | None = Field(None, description="the round whose respondents count")
    round_period: str = ""
    respondents: dict[str, int] = Field(description="survey → respondents whose answers count")
    index_at_low: float | None = Field(
        None, description="national score (0–5) with every survey indicator at the low end of its interval"
    )
    index_at_high: float | None = Field(None, description="… and at the high end")
    indicators: list[SurveyIndicatorResultOut]
    bottlenecks: list[BottleneckSummaryOut] = Field(description="most often named first")
