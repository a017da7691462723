"""Rules an installation tunes in its settings and the use cases apply: the four-eyes rule on roles and
the job quota. The workspace hands one :class:`Policy` to its sessions (``Session.info``), so a use case
reads it from the session it already has; a session without one gets the defaults.

* **Four eyes** (``RAQMANA_FOUR_EYES``, on by default): nobody grants a role to themselves or assigns
  themselves to an institution of a round; another coordinator or administrator must. Without it a
  coordinator could make itself the focal point of a ministry and answer for it (audited, but unchecked).
* **Job quota** (``RAQMANA_JOB_QUOTA``, 5): the jobs one person may have waiting or running at once.
  Asking again for a job identical to one still waiting (same kind, same input, same person)
  returns that job instead of queuing a second one; over the quota the request is refused with 429 and a
  ``Retry-After`` of ``RAQMANA_JOB_RETRY_SECONDS`` (for uploads before the files are read). Jobs started
  from the command line are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from raqmana.settings import Settings

#: key of the :class:`Policy` in ``Session.info`` (set by the workspace's session makers)
SESSION_KEY = "raqmana.policy"


@dataclass(frozen=True, slots=True)
class Policy:
    four_eyes: bool = True
    job_quota: int = 5
    job_retry_seconds: int = 30


def from_settings(settings: Settings) -> Policy:
    return Policy(
        four_eyes=settings.four_eyes,
        job_quota=settings.job_quota,
        job_retry_seconds=settings.job_retry_seconds,
    )


def of(session: Session) -> Policy:
    found = session.info.get(SESSION_KEY)
    return found if isinstance(found, Policy) else Policy()
