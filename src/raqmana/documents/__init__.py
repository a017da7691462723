"""The policy-document reader: text with pages and structure from PDF, DOCX, HTML and plain text
(Arabic, Kurdish and English), passages, and suggested SDG goals/targets and framework indicators.

Pure domain code: it imports :mod:`raqmana.frameworks` and no web or database library.
``analyse(data, filename)`` is the one call for a whole document; ``Mapper.classify`` maps passages.
"""
