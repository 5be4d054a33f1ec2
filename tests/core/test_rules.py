import json
from decimal import Decimal as D

import pytest

from kinerja.core.rules import DEFAULT_RULES, PredicateBand, Rules


def test_defaults():
    rules = Rules()
    assert rules == DEFAULT_RULES
    assert rules.lower_is_better == "2t_minus_r"
    assert rules.cap == D(100)
    assert rules.achievement_rollup == "mean"
    assert rules.fisik_rollup == "weighted_pagu"
    assert rules.range_inside_is_100 is True
    assert [(b.above, b.label) for b in rules.predicate_scale] == [
        (D(90), "Sangat Tinggi"),
        (D(75), "Tinggi"),
        (D(65), "Sedang"),
        (D(50), "Rendah"),
    ]
    assert rules.predicate_floor == "Sangat Rendah"
    assert (rules.deviation_plan_split, rules.deviation_early, rules.deviation_late) == (
        D(70),
        D(10),
        D(5),
    )


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (D("150"), "Sangat Tinggi"),
        (D("100"), "Sangat Tinggi"),
        (D("90.01"), "Sangat Tinggi"),
        (D("90"), "Tinggi"),
        (D("75.001"), "Tinggi"),
        (D("75"), "Sedang"),
        (D("65.01"), "Sedang"),
        (D("65"), "Rendah"),
        (D("50.01"), "Rendah"),
        (D("50"), "Sangat Rendah"),
        (D("0"), "Sangat Rendah"),
        (D("-10"), "Sangat Rendah"),
        (None, None),
    ],
)
def test_default_predicate_boundaries(value, label):
    assert DEFAULT_RULES.predicate(value) == label


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (D("100"), "Baik"),
        (D("80.5"), "Baik"),
        (D("80"), "Cukup"),
        (D("60.0001"), "Cukup"),
        (D("60"), "Kurang"),
        (D("0"), "Kurang"),
    ],
)
def test_custom_predicate_scale_given_unsorted(value, label):
    rules = Rules(
        predicate_scale=(PredicateBand(D(60), "Cukup"), PredicateBand(D(80), "Baik")),
        predicate_floor="Kurang",
    )
    assert [b.label for b in rules.predicate_scale] == ["Baik", "Cukup"]
    assert rules.predicate(value) == label


@pytest.mark.parametrize(
    ("kwargs", "message_part"),
    [
        ({"lower_is_better": "x"}, "lower_is_better"),
        ({"achievement_rollup": "median"}, "mean, weighted_pagu, min"),
        ({"fisik_rollup": "min"}, "weighted_pagu, mean"),
        ({"range_inside_is_100": "ya"}, "range_inside_is_100"),
        ({"cap": "banyak"}, "cap"),
        ({"cap": 100.0}, "cap"),
        ({"deviation_early": "x"}, "deviation_early"),
        ({"predicate_floor": " "}, "predicate_floor"),
        (
            {"predicate_scale": (PredicateBand(D(50), "A"), PredicateBand(D(50), "B"))},
            "kembar",
        ),
        ({"predicate_scale": ("bukan band",)}, "PredicateBand"),
    ],
)
def test_invalid_rules(kwargs, message_part):
    with pytest.raises(ValueError, match=message_part):
        Rules(**kwargs)


def test_empty_predicate_label_refused():
    with pytest.raises(ValueError):
        PredicateBand(D(10), " ")


def test_decimal_settings_accept_int_and_str():
    rules = Rules(cap=120, deviation_early="12.5")
    assert rules.cap == D(120)
    assert rules.deviation_early == D("12.5")


def test_to_dict_is_json_and_round_trips():
    rules = Rules(
        lower_is_better="t_over_r",
        cap=None,
        achievement_rollup="min",
        fisik_rollup="mean",
        range_inside_is_100=False,
        predicate_scale=(PredicateBand(D("80.5"), "Baik"),),
        predicate_floor="Kurang",
        deviation_plan_split=D(60),
        deviation_early=D(15),
        deviation_late=D("7.5"),
    )
    data = json.loads(json.dumps(rules.to_dict()))
    assert data == {
        "lower_is_better": "t_over_r",
        "cap": None,
        "achievement_rollup": "min",
        "fisik_rollup": "mean",
        "range_inside_is_100": False,
        "predicate_scale": [{"above": "80.5", "label": "Baik"}],
        "predicate_floor": "Kurang",
        "deviation_plan_split": "60",
        "deviation_early": "15",
        "deviation_late": "7.5",
    }
    assert Rules.from_dict(data) == rules
    assert Rules.from_dict(DEFAULT_RULES.to_dict()) == DEFAULT_RULES


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({}, DEFAULT_RULES),
        ({"cap": "110"}, Rules(cap=D(110))),
        ({"cap": None}, Rules(cap=None)),
        ({"achievement_rollup": "weighted_pagu"}, Rules(achievement_rollup="weighted_pagu")),
        (
            {"predicate_scale": [["70", "Baik"], {"above": "40", "label": "Cukup"}]},
            Rules(predicate_scale=(PredicateBand(D(70), "Baik"), PredicateBand(D(40), "Cukup"))),
        ),
    ],
)
def test_from_dict_missing_keys_take_defaults(data, expected):
    assert Rules.from_dict(data) == expected


@pytest.mark.parametrize(
    ("data", "message_part"),
    [
        ({"achievement_rollup": "median"}, r"achievement_rollup.*median.*mean, weighted_pagu, min"),
        ({"lower_is_better": "r_over_t"}, r"lower_is_better.*2t_minus_r, t_over_r"),
        ({"fisik_rollup": "sum"}, r"fisik_rollup.*weighted_pagu, mean"),
        ({"unknown": 1}, "unknown"),
        ({"cap": 100.5}, "cap"),
        ({"predicate_scale": "abc"}, "predicate_scale"),
        ({"predicate_scale": [["70"]]}, "predicate_scale"),
        ({"predicate_scale": [{"above": 1.5, "label": "X"}]}, "predicate_scale.above"),
    ],
)
def test_from_dict_errors_name_the_key(data, message_part):
    with pytest.raises(ValueError, match=message_part):
        Rules.from_dict(data)


def test_describe_default():
    assert DEFAULT_RULES.describe() == [
        "Indikator makin kecil makin baik: (2 × T − R) ÷ T × 100, minimal 0",
        "Batas capaian: 100 (capaian mentah tetap disimpan)",
        "Capaian induk: rata-rata anak",
        "Fisik induk: rata-rata anak tertimbang pagu",
        "Target rentang: realisasi di dalam rentang dihitung 100",
        "Predikat: > 90 Sangat Tinggi; > 75 Tinggi; > 65 Sedang; > 50 Rendah; "
        "selainnya Sangat Rendah",
        "Peringatan deviasi: tertinggal lebih dari 10 poin selama rencana ≤ 70%, "
        "lebih dari 5 poin sesudahnya",
    ]


def test_describe_other_options():
    lines = Rules(
        lower_is_better="t_over_r",
        cap=None,
        achievement_rollup="min",
        fisik_rollup="mean",
        range_inside_is_100=False,
    ).describe()
    assert lines[0] == "Indikator makin kecil makin baik: T ÷ R × 100, minimal 0"
    assert lines[1] == "Batas capaian: tidak dibatasi"
    assert lines[2] == "Capaian induk: nilai terendah anak"
    assert lines[3] == "Fisik induk: rata-rata anak"
    assert lines[4].endswith("dihitung terhadap batas terketat")
    assert Rules(achievement_rollup="weighted_pagu").describe()[2] == (
        "Capaian induk: rata-rata anak tertimbang pagu"
    )


def test_rules_are_hashable_and_frozen():
    assert hash(Rules()) == hash(Rules())
    with pytest.raises(AttributeError):
        DEFAULT_RULES.cap = None  # type: ignore[misc]
