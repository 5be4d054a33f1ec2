"""What an import found: problems (``Finding``) with where they are, what was found and what
was expected, in Indonesian. Pure Python, no Django."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITY_LABEL = {ERROR: "Galat", WARNING: "Peringatan", INFO: "Catatan"}


@dataclass(frozen=True)
class Finding:
    """One problem or remark. ``severity`` ``error`` blocks applying the import; ``warning``
    and ``info`` do not. ``sheet`` is the sheet (or ``CSV``/``JSON``), ``row`` the row number
    as the spreadsheet shows it (the position in ``rows`` for JSON), ``column`` the column
    letter with its header (``C (Anggaran)``) or the JSON key."""

    severity: str
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    found: str = ""
    expected: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABEL.get(self.severity, self.severity)

    def where(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"lembar {self.sheet}")
        if self.row is not None:
            parts.append(f"baris {self.row}")
        if self.column:
            parts.append(f"kolom {self.column}")
        return ", ".join(parts) or "berkas"

    def __str__(self) -> str:
        text = f"{self.where()}: {self.message}"
        if self.found:
            text += f"; ditemukan '{self.found}'"
        if self.expected:
            text += f"; yang diharapkan: {self.expected}"
        return text

    def to_dict(self) -> dict:
        return asdict(self)


def shown(value, limit: int = 80) -> str:
    """A found value as a finding quotes it: text, shortened to ``limit`` characters."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = text.replace("\r", " ").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
