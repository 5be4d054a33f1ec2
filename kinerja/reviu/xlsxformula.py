"""The value of a spreadsheet formula that was saved without its result.

Workbooks written by programs (openpyxl, Kinerja's own XLSX) keep formulas such as
``=SUM(C6:C10)`` or ``=IF(OR(N(C4)=0,D4=""),"",D4/C4*100)`` without a cached value; Excel
computes them when the file is opened. The reviu needs the numbers, so this module evaluates
the common part of the formula language over the sheet's own cells, in Decimal.

Included: numbers, strings, TRUE/FALSE, cell references (``C4``, ``$C$4``, ``'Tabel 3.1'!C4``),
ranges, ``+ - * / ^ &``, comparisons, unary minus, and the functions SUM, AVERAGE, MIN, MAX,
COUNT, COUNTA, ROUND, ABS, IF, IFERROR, AND, OR, NOT, N. A reference to a formula cell is
evaluated in turn (cycles give an error value).

Not included: every other function (the result is "unknown", None), array formulas, names,
R1C1 references. An unknown or failing formula never raises; it gives None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, DivisionByZero, InvalidOperation

from kinerja.core.numbers import ARITHMETIC, round_half_up

_TOKEN = re.compile(
    r"""\s*(?:
    (?P<str>"(?:[^"]|"")*")|
    (?P<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d{1,7}
        (?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)|
    (?P<num>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+)|
    (?P<func>[A-Za-z][A-Za-z0-9.]*(?=\())|
    (?P<bool>TRUE|FALSE)\b|
    (?P<op><>|<=|>=|[-+*/^&=<>(),:%])
    )""",
    re.VERBOSE,
)
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


class FormulaError(Exception):
    """An evaluation that cannot give a value (an Excel error value such as #DIV/0!)."""


class Unsupported(Exception):
    """The formula uses something this evaluator does not know."""


def column_index(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + (ord(ch) - 64)
    return index


def _tokens(formula: str) -> list[tuple[str, str]]:
    text = formula.lstrip("=")
    pos, out = 0, []
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise Unsupported(text[pos : pos + 10])
        kind = match.lastgroup or ""
        out.append((kind, match.group(kind)))
        pos = match.end()
    return out


Getter = Callable[[str, int, int], object]


class _Parser:
    """Recursive descent over the tokens, evaluating as it goes (formulas are small)."""

    def __init__(self, tokens: list[tuple[str, str]], sheet: str, get: Getter):
        self.tokens = tokens
        self.i = 0
        self.sheet = sheet
        self.get = get

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1] != value):
            raise Unsupported(f"diharapkan {value}")
        self.i += 1
        return token

    def expression(self):
        left = self.concat()
        while (tok := self.peek()) and tok[1] in ("=", "<>", "<", ">", "<=", ">="):
            self.take()
            left = _compare(tok[1], left, self.concat())
        return left

    def concat(self):
        left = self.additive()
        while (tok := self.peek()) and tok[1] == "&":
            self.take()
            left = _text(left) + _text(self.additive())
        return left

    def additive(self):
        left = self.term()
        while (tok := self.peek()) and tok[1] in ("+", "-"):
            self.take()
            right = self.term()
            a, b = _num(left), _num(right)
            left = ARITHMETIC.add(a, b) if tok[1] == "+" else ARITHMETIC.subtract(a, b)
        return left

    def term(self):
        left = self.power()
        while (tok := self.peek()) and tok[1] in ("*", "/"):
            self.take()
            right = self.power()
            a, b = _num(left), _num(right)
            if tok[1] == "*":
                left = ARITHMETIC.multiply(a, b)
            else:
                if not b:
                    raise FormulaError("#DIV/0!")
                left = ARITHMETIC.divide(a, b)
        return left

    def power(self):
        left = self.unary()
        while (tok := self.peek()) and tok[1] == "^":
            self.take()
            exponent = _num(self.unary())
            if exponent != exponent.to_integral_value() or abs(exponent) > 100:
                raise Unsupported("pangkat")
            left = ARITHMETIC.power(_num(left), int(exponent))
        return left

    def unary(self):
        tok = self.peek()
        if tok and tok[1] in ("-", "+"):
            self.take()
            value = _num(self.unary())
            return -value if tok[1] == "-" else value
        value = self.primary()
        if (tok := self.peek()) and tok[1] == "%":
            self.take()
            value = ARITHMETIC.divide(_num(value), Decimal(100))
        return value

    def primary(self):
        tok = self.take()
        kind, text = tok
        if kind == "num":
            return Decimal(text)
        if kind == "str":
            return text[1:-1].replace('""', '"')
        if kind == "bool":
            return text.upper() == "TRUE"
        if kind == "ref":
            values = self.reference(text)
            if len(values) != 1:
                return values
            return values[0]
        if kind == "func":
            return self.function(text.upper())
        if text == "(":
            value = self.expression()
            self.take(")")
            return value
        raise Unsupported(text)

    def reference(self, text: str) -> list:
        sheet = self.sheet
        if "!" in text:
            sheet, text = text.rsplit("!", 1)
            if sheet.startswith("'"):
                sheet = sheet[1:-1].replace("''", "'")
        parts = text.split(":")
        first = _CELL.fullmatch(parts[0])
        last = _CELL.fullmatch(parts[-1])
        if not first or not last:
            raise Unsupported(text)
        c1, r1 = column_index(first.group(1)), int(first.group(2))
        c2, r2 = column_index(last.group(1)), int(last.group(2))
        if (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1) > 100_000:
            raise Unsupported("rentang terlalu besar")
        return [
            self.get(sheet, r, c)
            for r in range(min(r1, r2), max(r1, r2) + 1)
            for c in range(min(c1, c2), max(c1, c2) + 1)
        ]

    def arguments(self) -> list:
        self.take("(")
        args: list = []
        if (tok := self.peek()) and tok[1] == ")":
            self.take()
            return args
        while True:
            start = self.i
            try:
                args.append(("ok", self.expression()))
            except FormulaError as exc:  # kept for IFERROR
                args.append(("error", exc))
                self.i = _skip_argument(self.tokens, start)
            tok = self.take()
            if tok[1] == ")":
                return args
            if tok[1] != ",":
                raise Unsupported(tok[1])

    def function(self, name: str):
        args = self.arguments()
        if name == "IFERROR":
            if len(args) != 2:
                raise Unsupported(name)
            return _value(args[1]) if args[0][0] == "error" else args[0][1]
        if name == "IF":  # only the branch taken counts (the other may be #DIV/0!)
            if len(args) not in (2, 3):
                raise Unsupported(name)
            if _truth(_value(args[0])):
                return _value(args[1])
            return _value(args[2]) if len(args) == 3 else False
        values = [_value(a) for a in args]
        if name in ("SUM", "AVERAGE", "MIN", "MAX", "COUNT"):
            numbers = [v for v in _flat(values) if isinstance(v, Decimal)]
            if name == "SUM":
                return sum(numbers, Decimal(0))
            if name == "COUNT":
                return Decimal(len(numbers))
            if not numbers:
                if name == "AVERAGE":
                    raise FormulaError("#DIV/0!")
                return Decimal(0)
            if name == "AVERAGE":
                return ARITHMETIC.divide(sum(numbers, Decimal(0)), Decimal(len(numbers)))
            return min(numbers) if name == "MIN" else max(numbers)
        if name == "COUNTA":
            return Decimal(sum(1 for v in _flat(values) if v not in (None, "")))
        if name in ("AND", "OR"):
            truths = [_truth(v) for v in _flat(values)]
            return all(truths) if name == "AND" else any(truths)
        if name == "NOT" and len(values) == 1:
            return not _truth(values[0])
        if name == "N" and len(values) == 1:
            value = values[0]
            return value if isinstance(value, Decimal) else Decimal(int(value is True))
        if name == "ABS" and len(values) == 1:
            return abs(_num(values[0]))
        if name == "ROUND" and len(values) == 2:
            places = int(_num(values[1]))
            if not 0 <= places <= 10:
                raise Unsupported(name)
            return round_half_up(_num(values[0]), places)
        raise Unsupported(name)


def _skip_argument(tokens: list[tuple[str, str]], start: int) -> int:
    depth, i = 0, start
    while i < len(tokens):
        text = tokens[i][1]
        if text == "(":
            depth += 1
        elif text == ")":
            if depth == 0:
                return i
            depth -= 1
        elif text == "," and depth == 0:
            return i
        i += 1
    return i


def _value(arg: tuple[str, object]):
    if arg[0] == "error":
        raise arg[1]  # type: ignore[misc]
    return arg[1]


def _flat(values: list) -> list:
    out: list = []
    for v in values:
        if isinstance(v, list):
            out.extend(v)
        else:
            out.append(v)
    return out


def _num(value) -> Decimal:
    if isinstance(value, list):
        if len(value) != 1:
            raise FormulaError("#VALUE!")
        value = value[0]
    if value is None or value == "":
        return Decimal(0)
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).strip())
    except InvalidOperation:
        raise FormulaError("#VALUE!") from None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _truth(value) -> bool:
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else None
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return value != 0
    if value is None or value == "":
        return False
    raise FormulaError("#VALUE!")


def _compare(op: str, a, b) -> bool:
    a = a[0] if isinstance(a, list) and len(a) == 1 else a
    b = b[0] if isinstance(b, list) and len(b) == 1 else b
    if a is None:
        a = "" if isinstance(b, str) else Decimal(0)
    if b is None:
        b = "" if isinstance(a, str) else Decimal(0)
    if isinstance(a, str) != isinstance(b, str):
        result = {"=": False, "<>": True}.get(op)
        if result is None:
            raise FormulaError("#VALUE!")
        return result
    if isinstance(a, str):
        a, b = a.lower(), b.lower()
    return {
        "=": a == b,
        "<>": a != b,
        "<": a < b,
        ">": a > b,
        "<=": a <= b,
        ">=": a >= b,
    }[op]


def evaluate(formula: str, sheet: str, get: Getter):
    """The value of ``formula`` (Decimal, str, bool or None for an empty result); raises
    ``FormulaError`` for an Excel error value and ``Unsupported`` for what is not known."""
    parser = _Parser(_tokens(formula), sheet, get)
    try:
        value = parser.expression()
    except (InvalidOperation, DivisionByZero, OverflowError, RecursionError) as exc:
        raise FormulaError(str(exc)) from None
    if parser.peek() is not None:
        raise Unsupported("sisa rumus")
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else None
    return value


class Workbook:
    """Formula values of a workbook given its raw cells: ``cells[sheet][(row, col)]`` holds
    a Decimal, str, bool, None or a formula string starting with "=" (with no cached value).
    ``value(sheet, row, col)`` evaluates on demand and remembers; unknown → None."""

    def __init__(self, cells: dict[str, dict[tuple[int, int], object]]):
        self.cells = cells
        self.memo: dict[tuple[str, int, int], object] = {}
        self.active: set[tuple[str, int, int]] = set()

    def value(self, sheet: str, row: int, col: int):
        key = (sheet, row, col)
        if key in self.memo:
            result = self.memo[key]
            if isinstance(result, FormulaError):
                raise result
            return result
        raw = self.cells.get(sheet, {}).get((row, col))
        if not (isinstance(raw, str) and raw.startswith("=")):
            return raw
        if key in self.active or len(self.active) > 500:
            raise FormulaError("#REF!")  # a cycle, or references nested too deep
        self.active.add(key)
        try:
            result = evaluate(raw, sheet, self.value)
        except FormulaError as exc:
            self.memo[key] = exc
            raise
        except Unsupported:
            result = None
        finally:
            self.active.discard(key)
        self.memo[key] = result
        return result

    def safe_value(self, sheet: str, row: int, col: int):
        try:
            return self.value(sheet, row, col)
        except FormulaError:
            return None
