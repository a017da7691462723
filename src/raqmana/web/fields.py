"""Form fields named as the form labels them: a problem about ``institution`` says "الجهة", not the HTML name.

The labels are the forms' own msgids, so a field reads the same in the error as next to its input.
"""

from __future__ import annotations

from raqmana.i18n import gettext
from raqmana.problems import Location, Problem


# msgids (extracted by Babel from these _() calls)
def _(message: str) -> str:
    return message


LABELS = {
    "institution": _("Institution"),
    "institution_code": _("Institution"),
    "scope": _("What the report covers"),
    "langs": _("Languages"),
    "formats": _("Formats"),
    "file": _("File"),
    "files": _("File"),
    "url": _("Web address (URL)"),
    "evidence_date": _("Date of the evidence"),
    "source_type": _("Source type"),
    "description": _("Description"),
    "comment": _("Comment"),
    "decision": _("Review"),
    "expected_version": _("Version"),
    "username": _("User name"),
    "name": _("Full name"),
    "email": _("E-mail"),
    "password": _("Password"),
    "locale": _("Language"),
    "role": _("Role"),
    "org_code": _("Organisation"),
    "user_id": _("User"),
    "old_password": _("Current password"),
    "new_password": _("New password"),
    "framework_version_id": _("Framework"),
    "period": _("Period"),
    "target_stage": _("Target stage (optional)"),
    "name_ar": _("in Arabic"),
    "name_ckb": _("in Kurdish"),
    "name_en": _("in English"),
}


def label(field: str, lang: str) -> str:
    """The form's label of ``field`` in ``lang`` (the name itself when the field has no known label)."""
    msgid = LABELS.get(field)
    return gettext(lang, msgid) if msgid else field


def translated(field: str) -> dict[str, str]:
    """The label in every language, as a Problem parameter (``{"field": translated("institution")}``)."""
    return {lang: label(field, lang) for lang in ("en", "ar", "ckb")}


def where(problem: Problem, lang: str) -> str:
    """Where a problem is, with its field named by its label ("الجهة", not "الحقل institution")."""
    loc = problem.location
    if not loc.field:
        return loc.render(lang)
    rest = Location(file=loc.file, sheet=loc.sheet, line=loc.line, column=loc.column, path=loc.path).render(
        lang
    )
    name = label(loc.field, lang)
    if name == loc.field:
        return loc.render(lang)
    return f"{rest}{', ' if lang == 'en' else '، '}{name}" if rest else name
