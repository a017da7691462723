"""Text people typed is shown in its own direction and language: an Arabic complaint on the English "you
said, we did" page keeps its full stop on its own (left) side (``dir="auto"``) and says it is Arabic
(``lang``), a Sorani one says Sorani; the markup is escaped. One filter, ``user_text``, for every page."""

from __future__ import annotations

import pytest

from raqmana.settings import Settings
from raqmana.web.templating import make_env

from .test_participation import send, tracking_of


def test_the_changes_page_marks_each_comment_with_its_direction_and_language(client, as_user):
    tracking = tracking_of(send(client, {"text": "ذهبت ثلاث مرات من أجل ختم واحد."}).text)
    r = as_user("focal").form(
        f"/participation/{tracking}/answer",
        {"text": "أصلحنا نافذة الختم.", "change_made": "نافذة واحدة بدل ثلاث."},
        page="/participation",
    )
    assert r.status_code == 303
    html = client.get("/public/feedback/changes?lang=en").text
    assert '<html lang="en" dir="ltr">' in html
    assert '<bdi dir="auto" lang="ar">ذهبت ثلاث مرات من أجل ختم واحد.</bdi>' in html
    assert '<bdi dir="auto" lang="ar">نافذة واحدة بدل ثلاث.</bdi>' in html


@pytest.mark.parametrize(
    ("text", "hint", "tag", "expected"),
    [
        ("ھەرێمی کوردستان.", None, "bdi", '<bdi dir="auto" lang="ckb">ھەرێمی کوردستان.</bdi>'),
        ("Slow <b>service</b>.", "en", "p", '<p dir="auto" lang="en">Slow &lt;b&gt;service&lt;/b&gt;.</p>'),
        ("Slow service.", "ar", "div", '<div dir="auto">Slow service.</div>'),  # the script does not say
        ("x", None, "script", '<bdi dir="auto">x</bdi>'),  # only a text element
    ],
)
def test_the_filter_says_what_it_knows(tmp_path, text, hint, tag, expected):
    env = make_env(Settings(data_dir=tmp_path))
    html = env.from_string("{{ t|user_text(hint, tag) }}").render(t=text, hint=hint, tag=tag, lang="en")
    assert html == expected
