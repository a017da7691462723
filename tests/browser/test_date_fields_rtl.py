"""A date field reads in the page's direction: in Arabic (day/month/year) the day is the rightmost number,
in Sorani (year-month-day) the year, as the hint under the field names the order; in English the first
number is on the left. Measured on the rendered text of the field's value and of the hint's example."""

from __future__ import annotations

import pytest

from tests.browser.conftest import sign_in

#: x of the first and of the last number of ``text`` laid out in the field's direction
FIRST_LAST = """([selector, fromHint]) => {
  const el = document.querySelector(selector);
  const text = fromHint ? document.getElementById(el.id + '-hint').textContent : el.value;
  const probe = document.createElement('div');
  probe.style.direction = getComputedStyle(el).direction;
  probe.style.font = getComputedStyle(el).font;
  probe.style.whiteSpace = 'nowrap';
  probe.textContent = text;
  el.parentElement.appendChild(probe);
  const numbers = [...text.matchAll(/[0-9\\u0660-\\u0669]+/g)].slice(-3);
  const x = (m) => {
    const r = document.createRange();
    r.setStart(probe.firstChild, m.index);
    r.setEnd(probe.firstChild, m.index + m[0].length);
    return r.getBoundingClientRect().x;
  };
  const out = [x(numbers[0]), x(numbers[numbers.length - 1]), numbers.length];
  probe.remove();
  return out;
}"""


@pytest.mark.parametrize(("lang", "first_on_the_right"), [("ar", True), ("ckb", True), ("en", False)])
def test_a_date_field_reads_in_the_page_s_direction(browser, live, artifacts, lang, first_on_the_right):
    page = sign_in(browser, live, "coord", lang)
    page.goto(f"{live.url}/admin/audit?since=2026-01-05&lang={lang}")
    field = page.locator("#f-since")
    field.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"date-field-{lang}.png"))
    for from_hint in (False, True):
        first, last, count = page.evaluate(FIRST_LAST, ["#f-since", from_hint])
        assert count == 3
        assert (first > last) == first_on_the_right, (lang, "hint" if from_hint else "value", first, last)
    page.context.close()
