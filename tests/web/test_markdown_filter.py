"""The ``markdown`` template filter: the methodology's markdown as HTML (headings under the page's own,
lists, raw HTML escaped, numbers in the reader's digits)."""

from __future__ import annotations

from raqmana.settings import Settings
from raqmana.web.templating import make_env


def test_the_methodology_markdown_becomes_html_in_the_readers_digits(tmp_path):
    env = make_env(Settings(data_dir=tmp_path))
    text = "# منهجية\n\n## 1. الفرز\n\n- 200 تشغيلة\n- <script>x</script>\n"
    html = env.from_string("{{ t|markdown }}").render(t=text, lang="ar")
    assert "<h4>منهجية</h4>" in html and "<h5>" in html and "#" not in html
    assert "<li>٢٠٠ تشغيلة</li>" in html and "<script>" not in html and "&lt;script&gt;" in html
    english = env.from_string("{{ t|markdown }}").render(t="## 1. Screening", lang="en")
    assert english.strip() == "<h5>1. Screening</h5>"
