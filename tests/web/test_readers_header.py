"""The page header names the institution a scoped user works for, in the reader's language; people who
work over the whole tree see their name only."""

from __future__ import annotations

import re

import pytest

from raqmana.workspace.auth import load_actor

HEADER_ORG = re.compile(r'<span class="d-block small text-white-50 rq-header-org">(.*?)</span></a>', re.S)


def _header_org(html: str) -> str | None:
    m = HEADER_ORG.search(html)
    return None if m is None else re.sub(r"<[^>]+>", "", m.group(1))


@pytest.mark.parametrize(
    ("username", "lang", "name"),
    [
        ("focal", "ar", "وزارة الخارجية"),
        ("focal", "en", "Ministry of Foreign Affairs"),
        ("rev_a", "ckb", "وەزارەتی ئەی"),
        ("rev_a", "en", "Ministry A"),
        ("fp_erbil", "ckb", "پارێزگای ھەولێر"),
    ],
)
def test_a_scoped_user_sees_their_institution_in_the_readers_language(world, as_user, username, lang, name):
    b = as_user(username)
    html = b.get(f"/account?lang={lang}").text
    assert _header_org(html) == name


@pytest.mark.parametrize("username", ["coord", "admin", "viewer"])
def test_whole_tree_roles_see_no_institution(world, as_user, username):
    assert _header_org(as_user(username).get("/account").text) is None


def test_the_actor_carries_each_institution_once(world):
    with world.ws.reader() as s:
        actor = load_actor(s, world.user_ids["focal"])
    assert [n.get("en") for n in actor.institutions] == ["Ministry of Foreign Affairs"]
    assert all(g.org_name is None for g in actor.grants if g.org_id is None)
