"""Domain exceptions of the workspace; the web layer maps each to one status code in one place.

NotFound → 404 (also for objects the actor may not read: existence never leaks), Forbidden → 403
(the actor can read it but not do this), ValidationFailed → 422, Conflict → 409,
NotAuthenticated → 401, LoginRefused → the login form again with its message.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from raqmana.problems import Code, Location, Problem, ProblemsError
from raqmana.workspace import errors as E

if TYPE_CHECKING:
    from raqmana.workspace.views import ResponseView


class WorkspaceError(Exception):
    """Base class: carries translated problems."""

    status_code = 400

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        Exception.__init__(self, "; ".join(p.render("en") for p in problems[:5]))

    def message(self, lang: str = "en") -> str:
        return " ".join(p.message(lang) for p in self.problems)

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "error": type(self).__name__,
            "message": self.message(lang),
            "problems": [p.as_dict(lang) for p in self.problems],
        }


def problem(code: Code, location: Location | None = None, **params: Any) -> Problem:
    return Problem(code, location or Location(), params)


class NotFound(WorkspaceError):
    status_code = 404

    def __init__(self, what: str):
        self.what = what
        super().__init__([problem(E.NOT_FOUND, what=E.WHAT.get(what, {"en": what}))])


class Forbidden(WorkspaceError):
    status_code = 403

    def __init__(self, code: Code = E.FORBIDDEN, **params: Any):
        super().__init__([problem(code, **params)])


class NotAuthenticated(WorkspaceError):
    status_code = 401

    def __init__(self) -> None:
        super().__init__([problem(E.NOT_AUTHENTICATED)])


class LoginRefused(WorkspaceError):
    status_code = 401

    def __init__(
        self,
        code: Code = E.LOGIN_FAILED,
        *,
        locked_until: datetime | None = None,
        retry_after: int | None = None,
    ):
        self.locked_until = locked_until
        self.retry_after = retry_after
        params: dict[str, Any] = {}
        if locked_until is not None:
            params["until"] = locked_until.strftime("%Y-%m-%d %H:%M")
        if retry_after is not None:
            params["seconds"] = retry_after
        super().__init__([problem(code, **params)])


class TooManyRequests(WorkspaceError):
    """Over a quota (e.g. jobs waiting per person): try again after ``retry_after`` seconds (429)."""

    status_code = 429

    def __init__(self, code: Code, *, retry_after: int, **params: Any):
        self.retry_after = retry_after
        super().__init__([problem(code, seconds=retry_after, **params)])


class ValidationFailed(WorkspaceError, ProblemsError):
    status_code = 422

    def __init__(self, problems: list[Problem]):
        WorkspaceError.__init__(self, problems)

    @classmethod
    def one(cls, code: Code, location: Location | None = None, **params: Any) -> ValidationFailed:
        return cls([problem(code, location, **params)])


class Conflict(WorkspaceError):
    status_code = 409

    def __init__(self, code: Code, *, current: ResponseView | None = None, **params: Any):
        self.current = current
        super().__init__([problem(code, **params)])
