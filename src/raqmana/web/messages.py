"""The web layer's own problem codes (bad requests that never reach a use case)."""

from __future__ import annotations

from raqmana.problems import Code

CSRF = Code("WEB001", "This form has expired or was not sent from this site. Reload the page and try again.")
BAD_FIELD = Code("WEB002", "The value of “{field}” is not valid: {reason}")
MISSING_FIELD = Code("WEB003", "“{field}” is required.")
TOO_LARGE = Code("WEB004", "The upload is too large: the limit is {limit} MiB.")
NOT_FOUND = Code("WEB404", "This page does not exist, or you may not see it.")
NOT_ALLOWED = Code("WEB405", "This address does not accept this kind of request.")
SIGN_IN = Code("WEB401", "Please sign in to continue.")
SERVER = Code("WEB500", "Something went wrong on the server. Nothing was changed; please try again later.")

# reasons given inside BAD_FIELD, by pydantic error type
EXPECT_INT = Code("WEB010", "a whole number is expected")
EXPECT_NUMBER = Code("WEB011", "a number is expected")
EXPECT_DATE = Code("WEB012", "a date with day, month and year is expected")
EXPECT_CHOICE = Code("WEB013", "choose one of the offered values")
TOO_LONG_TEXT = Code("WEB014", "the text is too long")
INVALID = Code("WEB015", "the value is not accepted")
BAD_JSON = Code("WEB016", "the request body is not valid JSON")

PYDANTIC_REASONS = {
    "int_parsing": EXPECT_INT,
    "int_type": EXPECT_INT,
    "int_from_float": EXPECT_INT,
    "float_parsing": EXPECT_NUMBER,
    "float_type": EXPECT_NUMBER,
    "decimal_parsing": EXPECT_NUMBER,
    "date_parsing": EXPECT_DATE,
    "date_from_datetime_parsing": EXPECT_DATE,
    "date_type": EXPECT_DATE,
    "literal_error": EXPECT_CHOICE,
    "enum": EXPECT_CHOICE,
    "string_too_long": TOO_LONG_TEXT,
    "too_long": TOO_LONG_TEXT,
    "json_invalid": BAD_JSON,
    "model_attributes_type": BAD_JSON,
    "dict_type": BAD_JSON,
}
