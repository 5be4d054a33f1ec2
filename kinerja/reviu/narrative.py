"""Checks of the text around the tables: the report's year, dates, and figures in sentences.

Included:
- ``report_year``: the year of the report from its title or cover ("AKHIR TAHUN ANGGARAN
  2021", "T.A. 2021", "TAHUN 2021", "PERIODE … 2021"), with the text it came from;
- ``year_labels``: a year other than the report's in a table caption, a column header or a
  heading (``error``), or in a fiscal-year phrase of the running text ("Tahun Anggaran 2020",
  "T.A. 2020": ``warning``). Not reported: legal citations ("Nomor 5 Tahun 2021", "Tahun 2014
  Nomor 244"), ranges ("2017-2022", "s.d. 2019"), comparisons with earlier years
  ("dibandingkan", "sebelumnya", "Renstra", "jangka menengah"), a comparison table's earlier
  years when it also shows the report's year, and "awal tahun anggaran" of the year after
  (when the report is written);
- ``dates``: a day name that does not match its date ("Rabu, 19 Februari 2021" — a Friday;
  Indonesian day and month names, common misspellings such as Pebruari, Nopember, Jum'at),
  a date that does not exist, and (``warning``) full dates in a year before the report's;
- ``statements``: a sentence "… mencapai kinerja (sebesar) Rp X atau Y%" or "… Y%" whose
  figure contradicts the table it introduces (the next table, else the one before): the item
  is found by the table names the sentence mentions (the top-most one; several items at the
  same level are compared with their mean or ratio of sums, and the rules tried are listed);
- ``listed_totals``: "anggaran sebesar Rp X" followed by an itemised list "Anggaran : Rp Y"
  (BAB II of the seed): the total against the sum of the items, and each item's amount
  against the item's rencana in the tables.

Not included: arithmetic inside tables (``checks``).
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.numbers import percent

from .checks import TableResult, show, show_range
from .findings import ERROR, WARNING, Finding
from .model import Block, RawTable, TextBlock
from .tables import PCT_CAP, PCT_FIN, PLAN, REAL, Row, Table, effective
from .values import Printed, Range, approx_equal, mean, read_number, strip_markup, words_key

DAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}
DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "pebruari": 2, "february": 2,
    "feb": 2, "maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8,
    "august": 8, "agust": 8, "agu": 8, "ags": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nopember": 11,
    "nov": 11, "desember": 12, "december": 12, "des": 12, "dec": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_RE = r"senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad"
_DATE = re.compile(
    rf"(?:\b(?P<day>{_DAY_RE})\b\s*,?\s*(?:tanggal|tgl\.?)?\s*)?"
    rf"\b(?P<d>\d{{1,2}})\s*(?:-|\s)\s*(?P<m>{_MONTH_RE})\.?\s*(?:-|\s)\s*(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_HARI = re.compile(rf"hari\s*(?={_DAY_RE})", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.,/])(19[5-9]\d|20\d\d)(?![\d.,/]\d)")
_FISCAL = re.compile(
    r"(?:tahun\s+anggaran|\bt\.\s?a\.?|\bta\.?)\s*(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE
)
_CITATION_BEFORE = re.compile(r"(?:nomor|no\.?)\s*[\w./-]{1,12}\s+tahun\s*$", re.IGNORECASE)
_CITATION_AFTER = re.compile(r"^\s*(?:nomor|no\.)\s*\d", re.IGNORECASE)
_COMPARISON = re.compile(
    r"sebelum|dibanding|banding|lalu|renstra|rpjmd|jangka menengah|periode|s\.\s?d\.?|s/d|"
    r"sampai dengan|hingga|terakhir",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReportYear:
    year: int | None
    source: str  # the text the year was read from, or how it was given


_TITLE_PATTERNS = (
    re.compile(r"tahun\s+anggaran\s+((?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\bt\.\s?a\.?\s*((?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\bperiode\b[^0-9]{0,40}((?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\btahun\s+((?:19|20)\d\d)\b", re.IGNORECASE),
)


def report_year(blocks: list[Block]) -> ReportYear:
    """The year of the report from the first lines (title, cover)."""
    head: list[str] = []
    for block in blocks:
        if isinstance(block, TextBlock):
            head.append(block.text)
        elif isinstance(block, RawTable):
            head.extend(" ".join(c.text for c in row) for row in block.rows[:8])
        if len(head) >= 12:
            break
    for text in head:
        for pattern in _TITLE_PATTERNS:
            for match in pattern.finditer(text):
                before = text[: match.start(1)]
                if _CITATION_BEFORE.search(before) or re.search(r"awal\s+\S+\s+\S+\s*$",
                                                                  before, re.I):
                    continue
                return ReportYear(int(match.group(1)), strip_markup(text)[:160])
    return ReportYear(None, "")


# --- dates and years -------------------------------------------------------------------


@dataclass
class Place:
    """A piece of text with where it is: a caption, a header, a heading or running text."""

    text: str
    scope: str  # caption | header | heading | text | cell
    table: str
    location: str
    row: str = ""
    comparison: bool = False  # a table that compares years (its caption says so)


def places(blocks: list[Block], tables: list[Table]) -> list[Place]:
    out: list[Place] = []
    by_raw = {id(t.raw): t for t in tables}
    for block in blocks:
        if isinstance(block, TextBlock):
            scope = "heading" if block.heading else "text"
            out.append(Place(block.text, scope, "", block.location))
            continue
        table = by_raw.get(id(block))
        label = table.label if table else ""
        comparison = bool(_COMPARISON.search(block.caption))
        if block.caption:
            out.append(Place(block.caption, "caption", label, block.location))
        if table is not None:
            seen = set()
            for column in table.columns:
                if column.header and column.header not in seen:
                    seen.add(column.header)
                    out.append(Place(column.header, "header", label, block.location,
                                     comparison=comparison))
        size = table.header_rows if table else 0
        for k, row in enumerate(block.rows[size:], start=size):
            for cell in row:
                if cell.text and not cell.spanned and len(cell.text) > 12:
                    out.append(Place(cell.text, "cell", label, block.where(k)))
    return out


def _excluded(text: str, start: int, end: int, year: int, report: int) -> bool:
    before = text[max(0, start - 60) : start]
    after = text[end : end + 20]
    if _CITATION_BEFORE.search(text[max(0, start - 40) : start]) or _CITATION_AFTER.match(after):
        return True
    if re.search(r"\d{4}\s*[-–—/]\s*$", before[-8:]) or re.match(r"\s*[-–—]\s*\d{4}", after):
        return True  # a range 2017-2022
    fiscal = re.search(r"(?:tahun\s+anggaran|\bt\.?\s?a\.?)\s*$", before, re.IGNORECASE)
    if not fiscal and _COMPARISON.search(before[-25:]):
        return True
    return year == report + 1 and bool(
        re.search(r"awal|mendatang|berikut|depan", before[-40:], re.I)
    )


def year_labels(all_places: list[Place], report: int) -> list[Finding]:
    out: list[Finding] = []
    header_years: dict[str, set[int]] = {}
    for place in all_places:
        if place.scope == "header":
            header_years.setdefault(place.table, set()).update(
                int(y) for y in _YEAR.findall(place.text)
            )
    seen: set[tuple[str, str, int]] = set()
    for place in all_places:
        if place.scope in ("caption", "header", "heading"):
            matches = [(m.start(), m.end(), int(m.group(1))) for m in _YEAR.finditer(place.text)]
            severity = ERROR
        else:
            matches = [(m.start("y"), m.end("y"), int(m.group("y")))
                       for m in _FISCAL.finditer(place.text)]
            severity = WARNING
        for start, end, year in matches:
            if year == report or _excluded(place.text, start, end, year, report):
                continue
            if re.search(rf"(?:{_MONTH_RE})\.?\s*$", place.text[max(0, start - 12) : start],
                         re.IGNORECASE):
                continue  # part of a date: the date checks look at it
            if (
                place.scope == "header"
                and year < report
                and report in header_years.get(place.table, set())
            ):
                continue  # an earlier year beside the report's: a comparison table
            key = (place.location, place.table, place.text[: end] if place.scope == "header"
                   else place.text[:60], year)
            if key in seen:
                continue
            seen.add(key)
            what = {
                "caption": "judul tabel", "header": "judul kolom", "heading": "judul bagian",
            }.get(place.scope, "teks")
            snippet = _snippet(place.text, start, end)
            out.append(Finding(
                kind="year_label",
                severity=severity,
                message=(
                    f"Tahun {year} pada {what} \u201c{snippet}\u201d berbeda dengan tahun "
                    f"laporan {report}."
                ),
                table=place.table or "Narasi",
                column=place.text[:80] if place.scope == "header" else "",
                printed=str(year),
                recomputed=str(report),
                formula="tahun laporan dari judul/sampul",
                location=place.location,
            ))
    return out


def _snippet(text: str, start: int, end: int, width: int = 50) -> str:
    left = max(0, start - width)
    right = min(len(text), end + 20)
    clip = " ".join(text[left:right].split())
    return ("…" if left else "") + clip + ("…" if right < len(text) else "")


def dates(all_places: list[Place], report: int | None,
          checked: Counter | None = None) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for place in all_places:
        text = _HARI.sub("", place.text)
        for match in _DATE.finditer(text):
            day_text = match.group("day")
            d, m, y = int(match.group("d")), MONTHS[match.group("m").lower()], int(match.group("y"))
            written = " ".join(match.group(0).split())
            key = (place.location, written.lower())
            if key in seen:
                continue
            seen.add(key)
            if checked is not None and day_text:
                checked["hari dan tanggal"] += 1
            try:
                date = datetime.date(y, m, d)
            except ValueError:
                out.append(_date_finding(place, written, "tanggal ini tidak ada di kalender",
                                         "–"))
                continue
            if day_text:
                named = DAYS.get(day_text.lower().replace("’", "'"), DAYS.get(
                    day_text.lower().replace("'", "").replace("’", "")))
                if named is not None and named != date.weekday():
                    actual = DAY_NAMES[date.weekday()]
                    out.append(_date_finding(
                        place, written,
                        f"{d} {_month_name(m)} {y} jatuh pada hari {actual}, bukan "
                        f"{day_text.capitalize()}",
                        actual,
                    ))
                    continue
            if report is not None and y < report and place.scope in ("text", "cell"):
                out.append(Finding(
                    kind="date_other_year",
                    severity=WARNING,
                    message=(
                        f"Tanggal \u201c{written}\u201d berada di tahun {y}, sebelum tahun "
                        f"laporan {report}; periksa apakah tanggal ini tersalin dari laporan "
                        "tahun lalu."
                    ),
                    table=place.table or "Narasi",
                    printed=written,
                    recomputed=f"tahun {report}",
                    formula="tahun tanggal dibandingkan tahun laporan",
                    location=place.location,
                ))
    return out


def _month_name(month: int) -> str:
    from kinerja.core.numbers import MONTHS_ID

    return MONTHS_ID[month - 1]


def _date_finding(place: Place, written: str, why: str, actual: str) -> Finding:
    return Finding(
        kind="weekday_mismatch",
        severity=WARNING,
        message=f"\u201c{written}\u201d: {why}.",
        table=place.table or "Narasi",
        printed=written,
        recomputed=actual,
        formula="hari menurut kalender Masehi",
        location=place.location,
    )


# --- names in sentences ----------------------------------------------------------------


@dataclass
class Named:
    table: Table
    row: Row
    words: str


class NameIndex:
    """Where each table row's name can be found inside a sentence."""

    def __init__(self, tables: list[Table]):
        self.entries: list[Named] = []
        for table in tables:
            for row in table.rows:
                words = _search_words(row.text or row.name)
                if len(words.split()) >= 2 and not row.total:
                    self.entries.append(Named(table, row, words))
        self.by_words: dict[str, list[Named]] = {}
        for entry in self.entries:
            self.by_words.setdefault(entry.words, []).append(entry)

    def find(self, sentence: str) -> list[tuple[int, str]]:
        """(position, words) of every name in the sentence; a name inside a longer name
        found at the same place is dropped."""
        text = " " + words_key(sentence) + " "
        hits: list[tuple[int, int, str]] = []
        for words in self.by_words:
            start = text.find(" " + words + " ")
            while start >= 0:
                hits.append((start, start + len(words) + 1, words))
                start = text.find(" " + words + " ", start + 1)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept: list[tuple[int, int, str]] = []
        for hit in hits:
            if any(k[0] <= hit[0] and hit[1] <= k[1] for k in kept):
                continue
            kept.append(hit)
        return [(h[0], h[2]) for h in kept]

    def fuzzy(self, phrase: str) -> str | None:
        """The name closest to the end of ``phrase`` (typos such as "Perumusam")."""
        words = words_key(phrase).split()
        best, best_score = None, 0.0
        for name in self.by_words:
            n = len(name.split())
            if n > len(words):
                continue
            tail = " ".join(words[-n:])
            if tail[:3] != name[:3]:
                continue
            score = difflib.SequenceMatcher(None, tail, name).ratio()
            if score > best_score:
                best, best_score = name, score
        return best if best_score >= 0.9 else None


def _search_words(text: str) -> str:
    from .values import without_numbering

    words = words_key(without_numbering(text))
    words = re.sub(r"^(?:program|kegiatan|sub kegiatan)\s+", "", words)
    words = re.sub(r"\s+(?:sebanyak|sejumlah)\s+\d.*$", "", words)
    return words


# --- statements ------------------------------------------------------------------------

_AMOUNT = re.compile(r"\bRp\.?\s*(\d[\d.,]*\d(?:,-|\.-)?|\d)", re.IGNORECASE)
_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d{1,4})?)\s*%")
_ACHIEVES = re.compile(r"\bmencapai\b", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    text = re.sub(r"\b(Rp|No|Gd|Jl|Kab|Prov|Lt|Tbk|PT|Hj?|Dr|Ir|Drs)\.\s*", r"\1 ", text)
    text = re.sub(r"\bs\.\s?d\.", "sd", text, flags=re.IGNORECASE)
    parts = re.split(r"(?<=[.;])\s+(?=[A-Z0-9])|;\s+|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def _associated(blocks: list[Block], index: int, tables_by_raw: dict[int, Table]) -> list[Table]:
    """The table a paragraph introduces (the next one), then the one before it."""
    found: list[Table] = []
    for k in range(index + 1, min(len(blocks), index + 15)):
        if isinstance(blocks[k], RawTable) and id(blocks[k]) in tables_by_raw:
            table = tables_by_raw[id(blocks[k])]
            if table.has(PCT_FIN, PCT_CAP, PLAN, REAL):
                found.append(table)
                break
    for k in range(index - 1, max(-1, index - 15), -1):
        if isinstance(blocks[k], RawTable) and id(blocks[k]) in tables_by_raw:
            table = tables_by_raw[id(blocks[k])]
            if table.has(PCT_FIN, PCT_CAP, PLAN, REAL):
                found.append(table)
                break
    return found


def _top(rows: list[Row]) -> list[Row]:
    def ancestors(row: Row) -> set[int]:
        out, node = set(), row.parent
        while node is not None:
            out.add(id(node))
            node = node.parent
        return out

    ids = {id(r) for r in rows}
    return [r for r in rows if not (ancestors(r) & ids)]


@dataclass
class Measures:
    money: Decimal | None = None
    money_printed: bool = False
    fin: Range | None = None
    fin_printed: bool = False
    cap: Range | None = None
    cap_printed: bool = False


def _measures(table: Table, row: Row, result: TableResult) -> Measures:
    out = Measures()
    pair = result.fin_pair
    if pair is not None and pair.num is not None and pair.den is not None:
        n, d = effective(row, pair.num.index), effective(row, pair.den.index)
        out.money, out.money_printed = n, pair.num.index in row.values
        printed = row.values.get(pair.pct.index)
        if printed is not None:
            out.fin, out.fin_printed = Range.of(printed), True
        elif n is not None and d:
            value = percent(n, d)
            out.fin = Range(value, value)
    elif len(table.cols(REAL)) == 1:
        column = table.cols(REAL)[0].index
        out.money, out.money_printed = effective(row, column), column in row.values
    caps = table.cols(PCT_CAP)
    column = result.cap_pair.pct if result.cap_pair else (caps[0] if len(caps) == 1 else None)
    if column is not None:
        printed = row.values.get(column.index)
        if printed is None and row.virtual:  # the figure printed on the program's own line
            printed = next((c.values[column.index] for c in row.children
                            if c.number == row.number and column.index in c.values), None)
        if printed is not None:
            out.cap, out.cap_printed = Range.of(printed), True
        else:
            values = [Range.of(c.values[column.index]) for c in row.children
                      if column.index in c.values]
            out.cap = mean(values) if values else None
    return out


def _joined(blocks: list[Block]) -> list[tuple[int, TextBlock]]:
    """Text blocks, a sentence broken over two blocks (a page break) joined again."""
    out: list[tuple[int, TextBlock]] = []
    for k, block in enumerate(blocks):
        if not isinstance(block, TextBlock):
            continue
        if out and out[-1][0] == k - 1 and not block.heading and not out[-1][1].heading:
            previous = out[-1][1].text.rstrip()
            if previous.endswith(",") or (
                previous[-1:].isalpha() and (block.text[:1].islower() or len(previous) > 80)
            ):
                joined = TextBlock(previous + " " + block.text, out[-1][1].location)
                out[-1] = (k, joined)
                continue
        out.append((k, block))
    return out


def statements(
    blocks: list[Block], tables: list[Table], results: dict[int, TableResult],
    checked: Counter | None = None,
) -> list[Finding]:
    index = NameIndex(tables)
    tables_by_raw = {id(t.raw): t for t in tables}
    out: list[Finding] = []
    for position, block in _joined(blocks):
        for sentence in _sentences(block.text):
            match = _ACHIEVES.search(sentence)
            if not match:
                continue
            tail = sentence[match.end() :]
            amounts = [read_number(a) for a in _AMOUNT.findall(tail)]
            amounts = [a for a in amounts if a is not None]
            percents = [read_number(p) for p in _PERCENT.findall(tail)]
            percents = [p for p in percents if p is not None]
            if not amounts and not percents:
                continue
            head = sentence[: match.start()]
            hits = index.find(head)
            words = list(dict.fromkeys(
                w for pos, w in hits if not _inside_unit_name(head, pos)
            ))
            if not hits:
                guess = index.fuzzy(head)
                words = [guess] if guess else []
            if not words:
                continue
            associated = _associated(blocks, position, tables_by_raw)
            finding = _judge_statement(
                sentence, block.location, words, amounts[:1], percents[:1], associated,
                tables, index, results, checked,
            )
            if finding is not None:
                out.append(finding)
    return out


_UNIT = re.compile(
    r"\b(?:biro|dinas|badan|sekretariat|kantor|inspektorat|satuan|unit|bagian)"
    r"(?: \w+){0,5} (?:dan )?$"
)


def _inside_unit_name(sentence: str, position: int) -> bool:
    """A name found inside the name of a unit ("Biro Pemerintahan dan Kesejahteraan
    Rakyat"), not a program or kegiatan of that name."""
    before = (" " + words_key(sentence) + " ")[:position + 1]
    window = before[-60:]
    return bool(_UNIT.search(window)) and not re.search(r"\b(?:program|kegiatan)\b", window)


def _rows_in(table: Table, words: list[str], index: NameIndex) -> list[Row]:
    rows = []
    for w in words:
        rows.extend(e.row for e in index.by_words.get(w, []) if e.table is table)
    return _top(rows)


def _found_in(table: Table, words: list[str], index: NameIndex) -> int:
    return sum(1 for w in words if any(e.table is table for e in index.by_words.get(w, [])))


def _judge_statement(sentence, location, words, amounts, percents, associated, tables, index,
                     results, checked: Counter | None = None) -> Finding | None:
    money = amounts[0] if amounts else None
    pct = percents[0] if percents else None
    best = max(tables, key=lambda t: (_found_in(t, words, index), -t.number), default=None)
    subjects = {r.key for r in _rows_in(best, words, index)} if best is not None else set()
    if money is not None:
        measure, kind = "fin", None
    elif associated and associated[0].has(PCT_CAP):
        measure, kind = "cap", associated[0].kind
    elif associated and associated[0].has(PCT_FIN):
        measure, kind = "fin", None
    else:
        return None
    tables = [
        t for t in tables
        if ((measure == "fin" and t.has(PCT_FIN, REAL)) or (
            measure == "cap" and t.has(PCT_CAP) and t.kind == kind))
        and subjects <= {r.key for w in words for e in index.by_words.get(w, [])
                         if e.table is t for r in [e.row]}
    ]
    found = {t.number: _found_in(t, words, index) for t in tables}
    most = max(found.values(), default=0)
    ranked = sorted(
        (t for t in tables if found[t.number]),
        key=lambda t: (
            not (t in associated and found[t.number] * 2 >= most),
            -found[t.number],
            associated.index(t) if t in associated else len(associated),
            t.number,
        ),
    )
    for printed_only in (True, False):
        for table in ranked:
            verdict = _compare(table, words, index, results, money, pct, printed_only,
                               measure == "fin")
            if verdict is None:
                continue
            problems, rows = verdict
            if checked is not None:
                checked["kalimat"] += 1
            if not problems:
                return None
            return _statement_finding(sentence, location, money, pct, rows, problems)
    return None


def _compare(table, words, index, results, money, pct, printed_only, financial):
    """(problems, rows) when ``table`` can confirm or refute the statement, else None."""
    rows = _rows_in(table, words, index)
    if not rows:
        return None
    result = results[table.number]
    measures = [_measures(table, r, result) for r in rows]
    problems: list[str] = []
    checked = False
    if money is not None:
        values = [m.money for m in measures]
        usable = all(v is not None for v in values) and (
            not printed_only or all(m.money_printed for m in measures)
        )
        if not usable:
            return None
        total = sum(values, Decimal(0))  # type: ignore[arg-type]
        checked = True
        if total != money.value:
            problems.append(f"realisasi di {table.label} Rp{show(total)}")
    if pct is not None:
        if financial:
            ranges = [m.fin for m in measures]
            printed = all(m.fin_printed for m in measures) or len(rows) > 1
            tried = _fin_rules(table, rows, result, ranges)
        else:
            ranges = [m.cap for m in measures]
            printed = all(m.cap_printed for m in measures)
            if len(ranges) == 1:
                tried = [("nilai", ranges[0])] if ranges[0] else []
            else:
                tried = [("rata-rata", mean(ranges))] if all(ranges) else []  # type: ignore[arg-type]
        tried = [(t, v) for t, v in tried if v is not None]
        if tried and (printed or not printed_only):
            checked = True
            if not any(approx_equal(pct, v) for _t, v in tried):
                listing = "; ".join(f"{t} {show_range(v, pct.places)}%" for t, v in tried)
                problems.append(f"{listing} di {table.label}")
        elif money is None:
            return None
    if not checked:
        return None
    return problems, rows


def _statement_finding(sentence, location, money, pct, rows, problems) -> Finding:
    subject = ", ".join(r.name for r in rows[:4]) + (" …" if len(rows) > 4 else "")
    printed = " atau ".join(
        x for x in (f"Rp{show(money)}" if money else "", f"{show(pct)}%" if pct else "") if x
    )
    return Finding(
        kind="narrative_mismatch",
        severity=ERROR,
        message=(
            f"Kalimat \u201c{_short(sentence)}\u201d menyebut {printed} untuk {subject}, "
            f"padahal {'; '.join(problems)}."
        ),
        table="Narasi",
        row=subject,
        printed=printed,
        recomputed="; ".join(problems),
        formula=(
            "realisasi dan persentase butir di tabel; beberapa butir: jumlah rupiah, "
            "rasio jumlah atau rata-rata capaian"
        ),
        location=location,
    )


def _fin_rules(table, rows, result, ranges) -> list[tuple[str, Range | None]]:
    if len(rows) == 1:
        return [("persentase", ranges[0])]
    pair = result.fin_pair
    tried: list[tuple[str, Range | None]] = []
    if pair is not None and pair.num and pair.den:
        n = [effective(r, pair.num.index) for r in rows]
        d = [effective(r, pair.den.index) for r in rows]
        if all(v is not None for v in n + d) and sum(d) > 0:  # type: ignore[arg-type]
            value = percent(sum(n), sum(d))  # type: ignore[arg-type]
            tried.append(("rasio jumlah", Range(value, value)))
    if all(ranges):
        tried.append(("rata-rata", mean(ranges)))  # type: ignore[arg-type]
    return tried


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --- itemised totals (BAB II) ------------------------------------------------------------

_TOTAL_STATEMENT = re.compile(
    r"anggaran\s+sebesar\s*:?\s*Rp\.?\s*(\d[\d.,\s]*\d)(?:,-|\.-|\s?-)?", re.IGNORECASE
)
_ITEM = re.compile(
    r"\banggaran\s*(?::|—|–|-)?\s*Rp\.?\s*(\d[\d.,]*\d)(?:,-|\.-)?", re.IGNORECASE
)


def _stream(blocks: list[Block]) -> list[tuple[int, str, str, bool]]:
    """(block index, text, location, is a captioned table) for text and small tables."""
    out = []
    for k, block in enumerate(blocks):
        if isinstance(block, TextBlock):
            out.append((k, block.text, block.location, False))
        elif block.caption:
            out.append((k, "", block.location, True))
        else:
            for i, row in enumerate(block.rows):
                out.append((k, " ".join(c.text for c in row if c.text), block.where(i), False))
    return out


def listed_totals(blocks: list[Block], tables: list[Table], results,
                  checked: Counter | None = None) -> list[Finding]:
    stream = _stream(blocks)
    index = NameIndex(tables)
    out: list[Finding] = []
    i = 0
    while i < len(stream):
        _k, text, location, _captioned = stream[i]
        match = _TOTAL_STATEMENT.search(text)
        if not match:
            i += 1
            continue
        total = read_number(match.group(1).replace(" ", ""))
        items: list[tuple[Printed, str, str]] = []
        window: list[str] = [text[match.end() :]]
        j = i + 1
        while j < len(stream) and j < i + 120:
            _k2, line, where, captioned = stream[j]
            if captioned or _TOTAL_STATEMENT.search(line):
                break
            rest, consumed = line, 0
            for found in _ITEM.finditer(line):
                amount = read_number(found.group(1))
                if amount is not None:
                    window.append(line[consumed : found.start()])
                    items.append((amount, " ".join(window), where))
                    window, consumed = [], found.end()
            window.append(rest[consumed:])
            j += 1
        if total is not None and len(items) >= 2:
            if checked is not None:
                checked["rincian anggaran"] += 1 + len(items)
            out.extend(_item_findings(items, tables, index))
            out.extend(_total_finding(total, items, location))
        i = j
    return out


def _total_finding(total: Printed, items, location) -> list[Finding]:
    summed = sum((a.value for a, _w, _l in items), Decimal(0))
    if summed == total.value:
        return []
    terms = " + ".join(show(a) for a, _w, _l in items)
    return [Finding(
        kind="narrative_total",
        severity=ERROR,
        message=(
            f"Uraian menyebut anggaran sebesar Rp{show(total)}, padahal {len(items)} rincian "
            f"\u201cAnggaran : Rp …\u201d di bawahnya berjumlah Rp{show(summed)} (selisih "
            f"Rp{show(total.value - summed)})."
        ),
        table="Narasi",
        row="anggaran sebesar …",
        printed=show(total),
        recomputed=show(summed),
        formula=f"{terms} = {show(summed)}",
        location=location,
    )]


def _item_findings(items, tables: list[Table], index: NameIndex) -> list[Finding]:
    out = []
    for amount, window, where in items:
        hits = index.find(window)
        if not hits:
            continue
        text = " " + words_key(window) + " "
        preferred = [w for pos, w in hits if text[max(0, pos - 10) : pos].endswith("kegiatan ")
                     or text[max(0, pos - 12) : pos].strip().endswith("kegiatan")]
        words = (preferred or [w for _p, w in hits])[-1]
        plans = []
        for entry in index.by_words.get(words, []):
            column = next(iter(entry.table.cols(PLAN)), None)
            if column is not None and len(entry.table.cols(PLAN)) == 1:
                value = entry.row.values.get(column.index)
                if value is not None:
                    plans.append((entry, value))
        if not plans:
            continue
        if any(v.value == amount.value for _e, v in plans):
            continue
        entry, value = plans[0]
        out.append(Finding(
            kind="narrative_mismatch",
            severity=ERROR,
            message=(
                f"Uraian menyebut anggaran {entry.row.name} Rp{show(amount)}, padahal "
                f"{entry.table.label} mencatat Rp{show(value)}."
            ),
            table="Narasi",
            row=entry.row.name,
            printed=show(amount),
            recomputed=f"{show(value)} ({entry.table.label})",
            formula="anggaran butir yang sama di uraian dan tabel",
            location=where,
        ))
    return out
