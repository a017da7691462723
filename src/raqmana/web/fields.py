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
    "justification": _("Justification"),
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
    # consultations, citizens' feedback and their cases
    "opens_on": _("Opens on"),
    "closes_on": _("Closes at the end of"),
    "owner": _("Institution"),
    "title": _("Title"),
    "summary": _("Description"),
    "text": _("Text"),
    "change_made": _('What changed because of it (published as "we did", optional)'),
    "section_id": _("Section"),
    "tracking": _("Tracking number"),
    "website": _("Leave this empty"),
    "visits": _("Visits it took"),
    "rating": _("Your rating (1 poor, 5 very good)"),
    "channel": _("How did you use the service?"),
    "service": _("Service (if you know it)"),
    "kind": _("Kind"),
    "who": _("Who may take part"),
    "sections_lang": _("Language of the draft"),
    "invited": _("Invited institutions (codes)"),
    # services, KPI figures and roadmap follow-up
    "annual_transactions": _("Transactions per year"),
    "documents_required": _("Documents required"),
    "documents_held": _("Documents another agency already holds"),
    "fee": _("Fee (local currency)"),
    "processing_days": _("Processing time in days"),
    "level": _("Digitisation level"),
    "visits_before": _("Visits before"),
    "visits_now": _("Visits now"),
    "source": _("Source"),
    "value": _("Value"),
    "note": _("Note"),
    "reason": _("Why"),
    "kpi": _("KPI"),
    "initiative": _("Initiative"),
    "quarter": _("Quarter"),
    "status": _("Status"),
    "state": _("State"),
    "percent_done": _("Share done (%)"),
    "spend_usd": _("Spent in the quarter (USD)"),
    "milestones_met": _("Milestones met"),
    "blockers": _("Blockers"),
    # documents' legal register, the audit log's filter
    "instrument": _("Instrument"),
    "reference": _("Number and date"),
    "assessment_id": _("Assessment round"),
    "object": _("Object number"),
    "type": _("Object type"),
    "since": _("From (date)"),
    "until": _("To (date)"),
}

# a field that one form labels otherwise than the others do, by the address the form posts to: the KPI
# figure form's "period" is a quarter ("Quarter" beside its input), a round's period is a year or span
FORM_LABELS = {
    "/kpis/observations": {"period": _("Quarter")},
}

# a field written once per language ("title_ar") is named by its label and the language ("العنوان بالعربية")
IN_LANGUAGE = {"ar": _("in Arabic"), "ckb": _("in Kurdish"), "en": _("in English")}


def label(field: str, lang: str, form: str = "") -> str:
    """The form's label of ``field`` in ``lang`` (the name itself when the field has no known label);
    ``form`` is the address the form posts to, for a field that form labels its own way."""
    msgid = FORM_LABELS.get(form, {}).get(field) or LABELS.get(field)
    if msgid:
        return gettext(lang, msgid)
    base, _sep, suffix = field.rpartition("_")
    if base in LABELS and suffix in IN_LANGUAGE:
        return f"{gettext(lang, LABELS[base])} {gettext(lang, IN_LANGUAGE[suffix])}"
    return field


def translated(field: str, form: str = "") -> dict[str, str]:
    """The label in every language, as a Problem parameter (``{"field": translated("institution")}``)."""
    return {lang: label(field, lang, form) for lang in ("en", "ar", "ckb")}


def where(problem: Problem, lang: str, form: str = "") -> str:
    """Where a problem is, with its field named by its label ("الجهة", not "الحقل institution")."""
    loc = problem.location
    if not loc.field:
        return loc.render(lang)
    rest = Location(file=loc.file, sheet=loc.sheet, line=loc.line, column=loc.column, path=loc.path).render(
        lang
    )
    name = label(loc.field, lang, form)
    if name == loc.field:
        return loc.render(lang)
    return f"{rest}{', ' if lang == 'en' else '، '}{name}" if rest else name
