"""Reports: the document is built once from selectors and the core (``document`` holds its
shape, ``build_*`` modules fill it), then one renderer per format writes it (DOCX, PDF,
XLSX). Renderers only format: they never compute a figure."""
