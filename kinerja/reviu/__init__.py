"""The inspectorate's reviu: read a report made elsewhere (XLSX, CSV, DOCX, PDF, text), find its
tables and list every inconsistency the computation core can prove."""
