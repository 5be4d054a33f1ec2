"""Explanations are written on first access, and the records behave as frozen dataclasses."""

import copy
import gc
import pickle
from dataclasses import FrozenInstanceError
from decimal import Decimal as D

import pytest

from kinerja.core import achievement, numbers, rollup
from kinerja.core.achievement import Achievement, IndicatorSpec, Target, achieve
from kinerja.core.gcpause import gc_paused
from kinerja.core.lazy import concat, resolve
from kinerja.core.rollup import Figure, compute_tree
from kinerja.core.rules import Rules
from kinerja.core.tree import IndicatorInput, MonthInput, PlanNode
from kinerja.core.validation import validate


def _tree():
    leaves = [
        PlanNode(
            i,
            f"1.01.01.1.01.{i:02d}",
            f"Sub {i}",
            "sub_kegiatan",
            pagu=D(1000 * i),
            months=[
                MonthInput(m, D(m * 8), D(80 * i * m), D(70 * i), D(m * 7)) for m in range(1, 13)
            ],
            indicators=[
                IndicatorInput(
                    i, f"Indikator {i}", "dokumen", IndicatorSpec(), Target(D(4)), {3: D(i)}
                )
            ],
        )
        for i in range(1, 4)
    ]
    kegiatan = PlanNode(10, "1.01.01.1.01", "Kegiatan", "kegiatan", children=leaves)
    return [PlanNode(20, "1.01.01", "Program", "program", children=[kegiatan])]


def _count_formatting(monkeypatch) -> list[str]:
    calls: list[str] = []
    for module in (rollup, achievement):
        for name in ("fmt_compact", "fmt_money", "fmt_number"):
            if hasattr(module, name):
                original = getattr(module, name)

                def counted(*args, _original=original, _name=name, **kwargs):
                    calls.append(_name)
                    return _original(*args, **kwargs)

                monkeypatch.setattr(module, name, counted)
    return calls


def test_computing_writes_no_number(monkeypatch):
    calls = _count_formatting(monkeypatch)
    root = compute_tree(_tree())
    assert calls == []
    assert root.absorption.explanation.endswith("× 100")
    assert calls  # written on first access
    written = len(calls)
    assert root.absorption.explanation == root.absorption.explanation
    assert len(calls) == written  # and kept


def test_lazy_figure_equals_the_written_one():
    root = compute_tree(_tree())
    leaf = root.find("1.01.01.1.01.01")
    expected = Figure(D(840), "sum", "Rp840 = jumlah realisasi 12 bulan s.d. Desember")
    assert leaf.realisasi == expected
    assert hash(leaf.realisasi) == hash(expected)
    assert repr(leaf.realisasi) == (
        "Figure(value=Decimal('840'), rule='sum', "
        "explanation='Rp840 = jumlah realisasi 12 bulan s.d. Desember')"
    )
    assert leaf.realisasi != Figure(D(840), "sum", "lain")
    assert leaf.realisasi.__eq__("Rp840") is NotImplemented


def test_every_figure_survives_pickle_and_copy():
    root = compute_tree(_tree())
    for node in root.walk():
        for name in ("pagu", "absorption", "fisik", "achievement", "efficiency"):
            figure = getattr(node, name)
            assert pickle.loads(pickle.dumps(figure)) == figure
            assert copy.deepcopy(figure) == figure
    ach = root.find("1.01.01.1.01.01").indicators[0].achievement
    assert pickle.loads(pickle.dumps(ach)) == ach
    assert copy.copy(ach) == ach


def test_figure_and_achievement_are_frozen():
    figure = Figure(D(1), "input", "Rp1 = pagu")
    with pytest.raises(FrozenInstanceError):
        figure.value = D(2)  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del figure.rule
    ach = achieve(IndicatorSpec(), Target(D(5)), D(7))
    with pytest.raises(FrozenInstanceError):
        ach.capped = D(1)  # type: ignore[misc]


def test_achievement_texts_are_written_on_access():
    ach = achieve(IndicatorSpec(), Target(D(5)), D(7))
    assert ach == Achievement(
        D(140), D(100), True, "r_over_t", "140 = 7 ÷ 5 × 100; dibatasi 100", "140 = 7 ÷ 5 × 100"
    )
    assert "dibatasi 100" in repr(ach)
    assert hash(ach) == hash(
        Achievement(
            D(140), D(100), True, "r_over_t", "140 = 7 ÷ 5 × 100; dibatasi 100", "140 = 7 ÷ 5 × 100"
        )
    )


def test_text_forms():
    assert resolve("a") == "a"
    assert resolve((str.upper, "a")) == "A"
    assert resolve(lambda: "b") == "b"
    assert concat((str.upper, "a"), "!") == "A!"
    assert Figure(None, "none", (concat, "x", "y")).explanation == "xy"


def test_unordered_months_give_the_same_figures():
    ordered = _tree()
    shuffled_leaf = PlanNode(
        1,
        "1.01.01.1.01.01",
        "Sub 1",
        "sub_kegiatan",
        pagu=D(1000),
        months=list(reversed(ordered[0].children[0].children[0].months)),
        indicators=ordered[0].children[0].children[0].indicators,
    )
    a = compute_tree([ordered[0].children[0].children[0]], upto_month=7)
    b = compute_tree([shuffled_leaf], upto_month=7)
    assert a.to_dict() == b.to_dict()


def test_validate_reuses_a_given_computation():
    roots = _tree()
    rules = Rules(achievement_rollup="min")
    computed = compute_tree(roots, rules=rules, upto_month=6)
    assert validate(roots, upto_month=6, rules=rules, require_months=True) == validate(
        roots, upto_month=6, rules=rules, require_months=True, computed=computed
    )


def test_gc_paused_restores_the_collector():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # was off before: stays off
    finally:
        gc.enable()


def test_compute_leaves_the_collector_enabled():
    compute_tree(_tree())
    assert gc.isenabled()


def test_percent_uses_the_module_context():
    assert numbers.percent(D(1), D(3)) == D("33.33333333333333333333333333333333")
