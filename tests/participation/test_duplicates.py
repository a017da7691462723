"""Duplicate and near-duplicate comments: fingerprints of folded text, a participant's form sent twice
refused, anyone's copy of an earlier comment kept but held for a moderator and marked with it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from raqmana.participation.duplicates import distance, fingerprint, near

TEXT = "أقترح أن تشمل البوابة الوطنية خدمات المحافظات كلها وأن تعمل على الهاتف المحمول."


def test_punctuation_spacing_diacritics_and_hamza_forms_do_not_change_the_fingerprint():
    again = "اقترح  ان تشمل البوابة الوطنيّة خدمات المحافظات كلها، وأن تعمل على الهاتف المحمول!!"
    assert fingerprint(again) == fingerprint(TEXT)


def test_a_word_changed_is_near_and_an_unrelated_text_is_not():
    changed = TEXT.replace("الهاتف", "الحاسوب")
    other = "نريد مواعيد أسرع لجوازات السفر في البصرة وتقليل المراجعات الحضورية."
    assert 0 < distance(fingerprint(TEXT), fingerprint(changed)) and near(
        fingerprint(TEXT), fingerprint(changed)
    )
    assert not near(fingerprint(TEXT), fingerprint(other))
    english = ["The portal should list every governorate's services.", "Passport appointments take months."]
    assert not near(fingerprint(english[0]), fingerprint(english[1]))


def test_fingerprints_fit_the_databases_signed_64_bits():
    for text in (TEXT, "x", "", "a b c d e f g h"):
        assert -(2**63) <= fingerprint(text) < 2**63


def _send(world, c, text, client, *, who=None, now=None, section=0):
    from raqmana.workspace import consultations as C
    from tests.participation.test_consultation_taking_part import person
    from tests.participation.test_consultations import NOW

    with world.ws.transaction() as s:
        return C.add_comment(
            s,
            consultation_id=c.id,
            section_id=c.sections[section].id,
            text=text,
            lang="ar",
            client=client,
            now=now or NOW,
            person=person(s, who) if who else None,
        )


def test_a_copy_of_an_earlier_comment_waits_for_a_moderator_marked_with_it(world):
    from raqmana.i18n.vocabulary import CommentState
    from raqmana.workspace import consultations as C
    from tests.participation.test_consultations import open_one

    c = open_one(world, options=C.Options(premoderated=False))
    first = _send(world, c, TEXT, "10.0.0.1")
    copy = _send(world, c, TEXT.replace(".", "!!"), "10.0.0.2")
    other = _send(world, c, "نريد مواعيد أسرع لجوازات السفر في البصرة.", "10.0.0.3")
    assert first.state == CommentState.PUBLISHED and other.state == CommentState.PUBLISHED
    assert copy.state == CommentState.PENDING  # published at once otherwise: nothing is lost, it waits
    with world.ws.reader() as s:
        queue = C.moderation_queue(s, world["fp_a"], consultation_id=c.id)
    marked = {p.id: p.resembles for p in queue.comments}
    assert marked[copy.id] == first.id and marked[first.id] is None and marked[other.id] is None


def test_a_participants_form_sent_twice_is_refused_and_the_first_stands(world):
    from raqmana.workspace import ValidationFailed
    from raqmana.workspace import consultations as C
    from tests.participation.test_consultation_taking_part import anonymous
    from tests.participation.test_consultations import NOW, open_one

    c = open_one(world, options=C.Options(premoderated=False))
    token = anonymous(world)
    _send(world, c, TEXT, "10.0.0.1", who=token)
    with pytest.raises(ValidationFailed) as again:
        _send(world, c, TEXT, "10.0.0.1", who=token, now=NOW + timedelta(minutes=1))
    assert again.value.problems[0].code.id == "CP052"
    # later, the same words are a new comment (held for a moderator as a copy)
    later = _send(world, c, TEXT, "10.0.0.1", who=token, now=NOW + timedelta(hours=1))
    assert later.id
