"""Reports: one report model rendered as HTML, PDF, DOCX, XLSX and JSON in ar, ckb and en."""
