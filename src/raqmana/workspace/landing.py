"""Where each person starts after signing in: the page where their work is.

In the newest open round the person can read (or the newest round when none is open):

- a focal point lands on the questionnaire of the institution they answer for;
- a reviewer on the review queue;
- a coordinator (or administrator) on the round's progress;
- anyone else who can read the round (a viewer) on its results.

A person with several roles starts with the work that waits on them first: answering, then reviewing,
then following the round. Without any round, the list of rounds ("/") is the start.
"""

from __future__ import annotations

from urllib.parse import quote

from sqlalchemy.orm import Session

from raqmana.workspace.actors import Actor
from raqmana.workspace.assessments import get_assessment, list_assessments, my_institutions


def start_page(session: Session, actor: Actor) -> str:
    """The path of the page where ``actor``'s work is (see the module's description)."""
    rounds = list_assessments(session, actor)
    if not rounds:
        return "/"
    current = next((a for a in rounds if a.status == "open"), rounds[0])
    base = f"/assessments/{current.id}"
    _, rights = get_assessment(session, actor, current.id)
    mine = my_institutions(session, actor, assessment_id=current.id)
    answering = [i for i in mine if i.rights.answer]
    if answering and not rights.manage:
        return f"{base}/institutions/{quote(answering[0].org.code, safe='')}"
    if any(i.rights.review for i in mine) and not rights.manage:
        return f"{base}/review"
    if rights.manage:
        return f"{base}/progress"
    return f"{base}/results"
