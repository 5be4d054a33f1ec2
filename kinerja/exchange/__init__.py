"""Getting data in and out: imports with preview (XLSX/CSV, the seed's Lampiran 1 layout and
Kinerja's own templates) and lossless exports (XLSX, CSV, JSON)."""
