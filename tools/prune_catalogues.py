"""Drop the catalogue entries no source uses any more (what ``pybabel update`` would mark obsolete).

Extracts the messages with ``babel.cfg`` as ``pybabel extract`` does and removes from both ``.po`` files
every entry that is not among them. Error-code entries (msgctxt ``WS001`` …) are left to
``tools/convert_error_codes.py``, which drops those of codes no longer defined. Run from the repository
root after removing or rewording interface texts::

    .venv/bin/python tools/prune_catalogues.py           # remove them
    .venv/bin/python tools/prune_catalogues.py --check   # list them; exit 1 if any
"""

from __future__ import annotations

import sys

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from convert_error_codes import CODE_ID, LANGS, ROOT, load, save


def extracted() -> set[tuple[str | None, str]]:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        found.add((context, message if isinstance(message, str) else message[0]))
    return found


def main(argv: list[str]) -> int:
    used = extracted()
    unused_total = 0
    for lang in LANGS:
        catalog = load(lang)
        unused = [
            m
            for m in catalog
            if m.id
            and not CODE_ID.fullmatch(m.context or "")
            and (m.context, m.id if isinstance(m.id, str) else m.id[0]) not in used
        ]
        unused_total += len(unused)
        for m in unused:
            print(
                f"{lang}: {m.context + ' | ' if m.context else ''}{m.id if isinstance(m.id, str) else m.id[0]}"
            )
            if "--check" not in argv:
                catalog.delete(m.id, context=m.context)
        if unused and "--check" not in argv:
            save(lang, catalog)
    return 1 if unused_total and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
