"""The demo agency reproduces the report's correct figures, computed by Kinerja."""

from decimal import Decimal

import pytest

from kinerja.core.numbers import fmt_percent, round_half_up
from kinerja.demo.loader import load_demo
from kinerja.org.models import OrgUnit
from kinerja.plans.models import IndicatorTarget, MonthlyEntry, PlanNode

from .helpers import computed, find

pytestmark = pytest.mark.django_db


def test_tata_usaha_pemerintahan_absorption():
    node = find(computed("biro-pemerintahan", 2020), "Tata Usaha Pemerintahan", "kegiatan")
    assert node.pagu.value == Decimal("1193209000")
    assert node.realisasi.value == Decimal("853232370")
    assert fmt_percent(node.absorption.value) == "71,51%"
    assert "853.232.370" in node.absorption.explanation
    assert "1.193.209.000" in node.absorption.explanation


def test_penyediaan_barang_dan_jasa_absorption():
    root = computed("biro-pemerintahan", 2020)
    node = next(n for n in root.walk() if n.name.startswith("Penyediaan Barang dan Jasa"))
    assert node.pagu.value == Decimal("655888600")
    assert node.realisasi.value == Decimal("643797451")
    assert fmt_percent(node.absorption.value) == "98,16%"


def test_unit_pagu_2020_is_the_sum_of_24_tolok_ukur():
    root = computed("biro-pemerintahan", 2020)
    leaves = [n for n in root.walk() if not n.children]
    assert len(leaves) == 24
    assert len([n for n in root.walk() if n.level == "kegiatan"]) == 9
    assert len(root.children) == 2
    assert root.pagu.value == Decimal("2802281000")
    assert root.pagu.value == sum(n.pagu.value for n in leaves)


def test_output_achievement_of_program_and_unit():
    root = computed("biro-pemerintahan", 2020)
    program = find(root, "Perumusan Kebijakan Pemerintahan", "program")
    assert round_half_up(program.achievement.value) == Decimal("82.81")
    assert program.achievement.explanation == (
        "82,81 = rata-rata 8 kegiatan: 100; 100; 50; 87,5; 75; 100; 50; 100"
    )
    assert round_half_up(root.achievement.value) == Decimal("91.41")
    assert find(root, "Tata Kelola Pemerintahan", "program").achievement.value == 100
    assert root.predicate == "Sangat Tinggi"
    assert program.predicate == "Tinggi"


def test_capped_tolok_ukur_keeps_its_raw_value():
    root = computed("biro-pemerintahan", 2020)
    kerjasama = find(root, "Penyelenggaraan Kerjasama Daerah", "kegiatan")
    leaf = find(kerjasama, "Penyelenggaraan Kerjasama Daerah", "tolok_ukur")
    assert leaf.achievement_raw.value == Decimal("140")
    assert leaf.achievement.value == Decimal("100")


def test_target_zero_is_left_out_and_said():
    root = computed("biro-pemerintahan", 2020)
    kln = find(root, "Penyelenggaraan Kerjasama Luar Negeri", "kegiatan")
    assert kln.achievement.value == Decimal("100")
    assert len(kln.excluded) == 1
    assert "tidak dihitung" in kln.achievement.explanation


def test_monthly_series_reproduces_the_report():
    """Cumulative keuangan % per month as printed (Tabel 3.2 narrative)."""
    printed = {3: "17,55%", 6: "32,11%", 9: "40,48%", 12: "65,16%"}
    for month, text in printed.items():
        root = computed("biro-pemerintahan", 2020, month)
        assert fmt_percent(root.absorption.value) == text, month
    december = computed("biro-pemerintahan", 2020, 12)
    assert fmt_percent(december.fisik.value) == "98,53%"


def test_lampiran_1_total_2021():
    root = computed("biro-pemkesra", 2021)
    assert root.pagu.value == Decimal("20160770750")
    assert root.realisasi.value == Decimal("17332301064")
    assert fmt_percent(root.absorption.value) == "85,97%"
    assert len(root.children) == 3
    assert len([n for n in root.walk() if n.level == "kegiatan"]) == 11
    assert len([n for n in root.walk() if n.level == "sub_kegiatan"]) == 33
    support = find(root, "Program Penunjang Urusan Pemerintahan Daerah Provinsi", "program")
    assert support.code == "4.01.01"
    assert fmt_percent(support.absorption.value) == "89,77%"


def test_successor_unit_keeps_its_predecessor():
    successor = OrgUnit.objects.get(slug="biro-pemkesra")
    assert successor.predecessor.slug == "biro-pemerintahan"
    assert successor.exists_in(2021) and not successor.exists_in(2020)


def test_loading_twice_changes_nothing():
    before = (
        PlanNode.objects.count(),
        MonthlyEntry.objects.count(),
        IndicatorTarget.objects.count(),
        computed("biro-pemerintahan", 2020).achievement.value,
    )
    load_demo()
    after = (
        PlanNode.objects.count(),
        MonthlyEntry.objects.count(),
        IndicatorTarget.objects.count(),
        computed("biro-pemerintahan", 2020).achievement.value,
    )
    assert before == after
