"""The error catalogue of the document reader (ids DC…); Arabic and Sorani texts are in the .po catalogues."""

from __future__ import annotations

from raqmana.problems import Code, Severity

W = Severity.WARNING

EMPTY_FILE = Code("DC001", "The file is empty.")
TOO_LARGE = Code("DC002", "The file is {size} MB; documents up to {limit} MB are read.")
UNKNOWN_FORMAT = Code("DC003", "The file is not a PDF, Word (.docx), HTML or plain-text document.")
WRONG_EXTENSION = Code("DC004", "The file name ends in .{extension} but the content is {actual}.")
ENCRYPTED = Code("DC005", "The PDF is protected by a password; save an unprotected copy and upload that.")
CORRUPT = Code("DC006", "The {kind} file is damaged and cannot be read: {detail}")
NEEDS_OCR = Code(
    "DC007",
    "The PDF has no text layer (a scanned or image-only document, {pages} pages); it needs OCR before it can be read.",
)
MACROS = Code("DC008", "The Word document contains macros; save it as a plain .docx without macros.")
TOO_MANY_PAGES = Code("DC009", "The document has {pages} pages; documents up to {limit} pages are read.")
NO_TEXT = Code("DC010", "The document contains no text.")
BAD_ENCODING = Code("DC011", "The text file is not UTF-8 or Windows-1256 encoded text.")
BAD_JSON_LINE = Code("DC012", "Not a JSON object with a text field: {detail}")
# the workspace's documents (upload, review of suggestions, register)
NEEDS_ANSWER = Code(
    "DC020", "Choose the assessment round and the institution whose answer this passage is evidence for."
)
ALREADY_DECIDED = Code("DC021", "This suggestion was already {state}.")
DECISION_INVALID = Code("DC022", "Unknown decision '{value}' (use accept or reject).")
NOT_ANALYSED = Code("DC023", "The document has not been analysed yet; run the analysis first.")
TITLE_TOO_LONG = Code("DC024", "A document title has at most {max} characters.")
REGISTER_STATUS = Code("DC025", "Unknown register status '{value}' (use exists, drafted or missing).")
REGISTER_AREA = Code("DC026", "Unknown area of the legal and institutional register: '{value}'.")
EVIDENCE_LOCKED = Code(
    "DC027", "The answer for {indicator} is already accepted; document evidence is added before acceptance."
)
OUTDATED = Code(
    "DC028", "This suggestion belongs to an earlier analysis of the document; decide on the current one."
)
COST_BAND = Code("DC029", "Unknown cost band '{value}' (use low, medium or high).")
STILL_READING = Code(
    "DC030", "The document is still being read; its analysis follows when the reading is done."
)
WAS_REFUSED = Code("DC031", "The document could not be read when it was uploaded; upload a readable copy.")
FILE_GONE = Code("DC032", "The uploaded file is no longer in the store; upload it again.")
# warnings
PAGE_NEEDS_OCR = Code("DC101", "Page {page} has no text layer (an image); it needs OCR.", severity=W)
# the count stands after a colon: one sentence reads right for one line and for many, in every language
SCRIPT_IGNORED = Code("DC102", "Script or style elements of the HTML ignored: {count}.", severity=W)
REPAIRED = Code("DC103", "Lines of Arabic text repaired (reversed or broken PDF text): {count}.", severity=W)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))
