"""Benchmark: load and compute a whole synthetic province, against a DuckDB reference.

What it does (see bench/README.md for figures):

1. creates a throw-away database (PostgreSQL ``kinerja_bench`` by default, or a temporary
   SQLite file with ``--sqlite``), migrates it and generates a province: ``--units``
   perangkat daerah, 3 programs each, 10 kegiatan per program and ``--leaves`` sub kegiatan
   spread over the kegiatan; 12 monthly rows per leaf and one output indicator per leaf with
   an annual target and a few monthly realisations. Decimals only, whole-thousand rupiah.
   Then ``ANALYZE``, so that the planner has the statistics a live database has;
2. times what the app does (from the first query to the computed trees): the plans of the
   year (one query), ``plans.selectors.plan_trees`` (five queries) and
   ``core.rollup.compute_tree`` per plan with the government's rules, with the cyclic
   garbage collector paused as in ``compute_plan``; then one full garbage collection while
   the results are alive, which is the work the pause postponed (counted in the total);
3. loads the same rows (read back from the database) into an in-memory DuckDB and times one
   SQL query computing, per node, Σpagu, Σrealisasi up to December, absorption (ratio of
   sums), pagu-weighted fisik and the mean achievement of the children (leaf achievement =
   Σ monthly realisation ÷ target × 100, capped at 100): the reference of what this
   hardware allows;
4. checks that both give the same figures (unit totals, and every node too), prints the
   ratio Kinerja ÷ DuckDB and whether the target (≤ 10× DuckDB and ≤ 2 s) is met.

Exit status 1 when the check fails. Run from the repository root:

    .venv/bin/python bench/province.py [--units 50] [--leaves 15000] [--sqlite]
        [--database-url URL] [--keep] [--reuse] [--repeat 5] [--profile N]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kinerja_bench"
YEAR = 2025
GOV_CODE = "BENCH-PROV"
PROGRAMS_PER_UNIT = 3
KEGIATAN_PER_PROGRAM = 10
SEED = 20261127

# (urusan.bidang code, name) of the perangkat daerah of a province; beyond the list the
# units get a numbered name under the code of the Sekretariat Daerah.
UNITS = [
    ("1.01", "Dinas Pendidikan"),
    ("1.02", "Dinas Kesehatan"),
    ("1.02", "Rumah Sakit Umum Daerah"),
    ("1.02", "Rumah Sakit Jiwa"),
    ("1.03", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("1.04", "Dinas Perumahan Rakyat dan Kawasan Permukiman"),
    ("1.05", "Satuan Polisi Pamong Praja"),
    ("1.05", "Badan Penanggulangan Bencana Daerah"),
    ("1.06", "Dinas Sosial"),
    ("2.07", "Dinas Tenaga Kerja dan Transmigrasi"),
    ("2.08", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"),
    ("2.09", "Dinas Ketahanan Pangan"),
    ("2.11", "Dinas Lingkungan Hidup"),
    ("2.12", "Dinas Kependudukan dan Pencatatan Sipil"),
    ("2.13", "Dinas Pemberdayaan Masyarakat dan Desa"),
    ("2.14", "Dinas Pengendalian Penduduk dan Keluarga Berencana"),
    ("2.15", "Dinas Perhubungan"),
    ("2.16", "Dinas Komunikasi dan Informatika"),
    ("2.17", "Dinas Koperasi, Usaha Kecil dan Menengah"),
    ("2.18", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    ("2.19", "Dinas Kepemudaan dan Olahraga"),
    ("2.22", "Dinas Kebudayaan"),
    ("2.23", "Dinas Perpustakaan"),
    ("2.24", "Dinas Kearsipan"),
    ("3.25", "Dinas Kelautan dan Perikanan"),
    ("3.26", "Dinas Pariwisata"),
    ("3.27", "Dinas Tanaman Pangan dan Hortikultura"),
    ("3.27", "Dinas Peternakan dan Kesehatan Hewan"),
    ("3.29", "Dinas Kehutanan"),
    ("3.30", "Dinas Energi dan Sumber Daya Mineral"),
    ("3.31", "Dinas Perindustrian dan Perdagangan"),
    ("4.01", "Biro Pemerintahan dan Otonomi Daerah"),
    ("4.01", "Biro Hukum"),
    ("4.01", "Biro Organisasi"),
    ("4.01", "Biro Perekonomian"),
    ("4.01", "Biro Administrasi Pembangunan"),
    ("4.01", "Biro Pengadaan Barang dan Jasa"),
    ("4.01", "Biro Kesejahteraan Rakyat"),
    ("4.01", "Biro Umum"),
    ("4.01", "Biro Administrasi Pimpinan"),
    ("4.02", "Sekretariat DPRD"),
    ("5.01", "Badan Perencanaan Pembangunan Daerah"),
    ("5.02", "Badan Pengelolaan Keuangan dan Aset Daerah"),
    ("5.02", "Badan Pendapatan Daerah"),
    ("5.03", "Badan Kepegawaian Daerah"),
    ("5.04", "Badan Pengembangan Sumber Daya Manusia"),
    ("5.05", "Badan Riset dan Inovasi Daerah"),
    ("6.01", "Inspektorat"),
    ("8.01", "Badan Kesatuan Bangsa dan Politik"),
    ("7.01", "Badan Penghubung Daerah"),
]

PROGRAM_NAMES = [
    "Program Penunjang Urusan Pemerintahan Daerah Provinsi",
    "Program Pengelolaan dan Pengembangan Layanan Urusan",
    "Program Peningkatan Kapasitas dan Pengendalian Urusan",
    "Program Pembinaan dan Pengawasan Urusan",
    "Program Koordinasi dan Fasilitasi Urusan",
]
KEGIATAN_NAMES = [
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "Administrasi Keuangan Perangkat Daerah",
    "Administrasi Barang Milik Daerah pada Perangkat Daerah",
    "Administrasi Kepegawaian Perangkat Daerah",
    "Administrasi Umum Perangkat Daerah",
    "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
    "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
    "Koordinasi dan Sinkronisasi Kebijakan Urusan",
    "Fasilitasi dan Pembinaan Pelaksanaan Urusan",
]
LEAF_NAMES = [
    "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
    "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
    "Evaluasi Kinerja Perangkat Daerah",
    "Penyediaan Gaji dan Tunjangan ASN",
    "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
    "Penyusunan Pelaporan dan Analisis Prognosis Realisasi Anggaran",
    "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
    "Penyediaan Bahan Logistik Kantor",
    "Penyediaan Barang Cetakan dan Penggandaan",
    "Fasilitasi Kunjungan Tamu",
    "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
    "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
    "Penyediaan Jasa Pelayanan Umum Kantor",
    "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
    "Pengadaan Peralatan dan Mesin Lainnya",
    "Monitoring, Evaluasi dan Pelaporan Pelaksanaan Kebijakan",
    "Bimbingan Teknis dan Sosialisasi Peraturan Perundang-undangan",
]
SATUAN = ["dokumen", "laporan", "kegiatan", "orang", "unit", "paket", "bulan"]


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", " ")


# --- database set-up (before django.setup) ---------------------------------------------


def pg_admin(url: str):
    import psycopg

    return psycopg.connect(url, dbname="postgres", autocommit=True)


def pg_database_exists(url: str, name: str) -> bool:
    with pg_admin(url) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()


def pg_create(url: str, name: str) -> None:
    from psycopg import sql

    with pg_admin(url) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def pg_drop(url: str, name: str) -> None:
    from psycopg import sql

    with pg_admin(url) as conn:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        conn.execute(drop.format(sql.Identifier(name)))


def pg_drop_throwaway(url: str) -> None:
    """Drop the database of ``url`` after a run when it is one the benchmarks create
    (``kinerja_bench*``), closing this process's connections to it first."""
    name = urlsplit(url).path.lstrip("/")
    if name.startswith("kinerja_bench"):
        from django.db import connections

        connections.close_all()
        pg_drop(url, name)


# --- generation ------------------------------------------------------------------------


def _cumulative(total: int, weights: list[int]) -> list[int]:
    """Integer cumulative shares of ``total`` by ``weights``; the last one is ``total``."""
    whole = sum(weights)
    out, acc = [], 0
    for w in weights:
        acc += w
        out.append(total * acc // whole)
    return out


def _pct(hundredths: int) -> Decimal:
    return Decimal(hundredths).scaleb(-2)


def _layout(units: int, leaves: int, rng: random.Random) -> tuple[int, list[int]]:
    """Kegiatan per program and the number of leaves of each kegiatan (at least one)."""
    per_program = KEGIATAN_PER_PROGRAM
    if leaves < units * PROGRAMS_PER_UNIT * per_program:
        per_program = max(1, leaves // (units * PROGRAMS_PER_UNIT))
    n_keg = units * PROGRAMS_PER_UNIT * per_program
    if leaves < n_keg:
        raise SystemExit(f"--leaves must be at least {n_keg} for {units} units")
    counts = [1] * n_keg
    for _ in range(leaves - n_keg):
        counts[rng.randrange(n_keg)] += 1
    return per_program, counts


def generate(units: int, leaves: int) -> dict[str, int]:
    """Create the province in the current database; returns row counts."""
    from django.db import transaction

    from kinerja.org.models import FiscalYear, Government, OrgUnit
    from kinerja.plans.models import (
        Indicator,
        IndicatorRealisation,
        IndicatorTarget,
        MonthlyEntry,
        Plan,
        PlanNode,
    )

    rng = random.Random(SEED)
    batch = 2000
    per_program, leaf_counts = _layout(units, leaves, rng)
    with transaction.atomic():
        gov = Government.objects.create(
            name="Provinsi Sintetis", kind="provinsi", code=GOV_CODE, capital="Kota Sintetis"
        )
        FiscalYear.objects.create(government=gov, year=YEAR)
        org = []
        for u in range(units):
            code, name = UNITS[u] if u < len(UNITS) else ("4.01", f"Unit Sintetis {u + 1}")
            org.append(
                OrgUnit(
                    government=gov,
                    slug=f"pd-{u + 1:03d}",
                    code=code,
                    name=name,
                    kind="perangkat_daerah",
                    eselon="II",
                    from_year=2021,
                )
            )
        org = OrgUnit.objects.bulk_create(org)
        plans = Plan.objects.bulk_create(
            [Plan(unit=o, year=YEAR, nomenclature="Permendagri 90/2019") for o in org]
        )

        # programs, then kegiatan, then leaves (each level needs its parents' ids)
        programs = []
        for plan, o in zip(plans, org, strict=True):
            for p in range(1, PROGRAMS_PER_UNIT + 1):
                programs.append(
                    PlanNode(
                        plan=plan,
                        level="program",
                        code=f"{o.code}.{p:02d}",
                        name=PROGRAM_NAMES[(p - 1) % len(PROGRAM_NAMES)],
                        position=p,
                    )
                )
        programs = PlanNode.objects.bulk_create(programs, batch_size=batch)
        kegiatan = []
        for prog in programs:
            for k in range(1, per_program + 1):
                kegiatan.append(
                    PlanNode(
                        plan_id=prog.plan_id,
                        parent=prog,
                        level="kegiatan",
                        code=f"{prog.code}.1.{k:02d}",
                        name=KEGIATAN_NAMES[(k - 1) % len(KEGIATAN_NAMES)],
                        position=k,
                    )
                )
        kegiatan = PlanNode.objects.bulk_create(kegiatan, batch_size=batch)
        leaf_nodes = []
        for keg, count in zip(kegiatan, leaf_counts, strict=True):
            for s in range(1, count + 1):
                dpa = rng.randint(25_000, 2_500_000) * 1000  # Rp25 juta .. Rp2,5 miliar
                in_force, dppa = "dpa", None
                if rng.random() < 0.2:  # anggaran perubahan
                    in_force = "dppa"
                    dppa = dpa + rng.randint(-dpa // 5000, dpa // 5000) * 1000
                leaf_nodes.append(
                    PlanNode(
                        plan_id=keg.plan_id,
                        parent=keg,
                        level="sub_kegiatan",
                        code=f"{keg.code}.{s:02d}" if count < 100 else f"{keg.code}.{s:04d}",
                        name=LEAF_NAMES[rng.randrange(len(LEAF_NAMES))],
                        position=s,
                        pagu_dpa=Decimal(dpa),
                        pagu_dppa=None if dppa is None else Decimal(dppa),
                        budget_in_force=in_force,
                    )
                )
        leaf_nodes = PlanNode.objects.bulk_create(leaf_nodes, batch_size=batch)

        months = []
        indicators = []
        for leaf in leaf_nodes:
            pagu_k = int(leaf.pagu) // 1000
            plan_k = _cumulative(pagu_k, [rng.randint(1, 10) for _ in range(12)])
            absorbed = pagu_k * rng.randint(55, 100) // 100
            real_w = [rng.choice((0, 0, 1, 2, 3, 4, 5, 6)) + m // 3 for m in range(12)]
            real_w[11] += 1
            real_cum = _cumulative(absorbed, real_w)
            plan_f = _cumulative(10_000, [rng.randint(1, 10) for _ in range(12)])
            factor = rng.randint(70, 105)
            unreported_from = 13 if rng.random() > 0.03 else rng.randint(10, 12)
            prev_cum, prev_f = 0, 0
            for m in range(1, 13):
                real_f = max(prev_f, min(10_000, plan_f[m - 1] * factor // 100))
                months.append(
                    MonthlyEntry(
                        node_id=leaf.id,
                        month=m,
                        plan_fisik=_pct(plan_f[m - 1]),
                        plan_keuangan=Decimal(plan_k[m - 1] * 1000),
                        realisasi_keuangan=(
                            None
                            if m >= unreported_from
                            else Decimal((real_cum[m - 1] - prev_cum) * 1000)
                        ),
                        realisasi_fisik=None if m >= unreported_from else _pct(real_f),
                    )
                )
                prev_cum, prev_f = real_cum[m - 1], real_f
            indicators.append(
                Indicator(
                    node_id=leaf.id,
                    kind="output",
                    statement=f"Jumlah {rng.choice(SATUAN)} {leaf.name.lower()}"[:500],
                    satuan=rng.choice(SATUAN),
                    polarity="higher",
                    value_type="number",
                    cumulative=True,
                    position=1,
                )
            )
        MonthlyEntry.objects.bulk_create(months, batch_size=batch)
        n_months = len(months)
        del months
        indicators = Indicator.objects.bulk_create(indicators, batch_size=batch)

        targets, realisations = [], []
        for ind in indicators:
            if rng.random() < 0.1:
                target = rng.randint(100, 10_000)  # hundredths: 1,00 .. 100,00
                value = Decimal(target).scaleb(-2)
            else:
                target = rng.randint(1, 60) * 100
                value = Decimal(target // 100)
            targets.append(
                IndicatorTarget(
                    indicator_id=ind.id,
                    source="annual",
                    year=YEAR,
                    period_kind="year",
                    period_index=0,
                    value=value,
                )
            )
            if rng.random() < 0.02:  # nothing reported yet: achievement undefined
                continue
            reported = sorted(rng.sample(range(1, 13), rng.randint(1, 4)))
            reached = target * rng.randint(40, 130) // 100  # hundredths
            parts = _cumulative(reached, [rng.randint(1, 5) for _ in reported])
            prev = 0
            for month, cum in zip(reported, parts, strict=True):
                realisations.append(
                    IndicatorRealisation(
                        indicator_id=ind.id,
                        year=YEAR,
                        month=month,
                        value=Decimal(cum - prev).scaleb(-2),
                        narrative="Kegiatan dilaksanakan sesuai jadwal.",
                    )
                )
                prev = cum
        IndicatorTarget.objects.bulk_create(targets, batch_size=batch)
        IndicatorRealisation.objects.bulk_create(realisations, batch_size=batch)
    return {
        "units": units,
        "programs": len(programs),
        "kegiatan": len(kegiatan),
        "leaves": len(leaf_nodes),
        "months": n_months,
        "indicators": len(indicators),
        "realisations": len(realisations),
    }


def existing_counts(gov) -> dict[str, int]:
    from kinerja.plans.models import Indicator, IndicatorRealisation, MonthlyEntry, PlanNode

    nodes = PlanNode.objects.filter(plan__unit__government=gov, plan__year=YEAR)
    return {
        "units": gov.units.count(),
        "programs": nodes.filter(level="program").count(),
        "kegiatan": nodes.filter(level="kegiatan").count(),
        "leaves": nodes.filter(level="sub_kegiatan").count(),
        "months": MonthlyEntry.objects.filter(node__in=nodes).count(),
        "indicators": Indicator.objects.filter(node__in=nodes).count(),
        "realisations": IndicatorRealisation.objects.filter(indicator__node__in=nodes).count(),
    }


# --- the Kinerja side ------------------------------------------------------------------


def kinerja_load(gov_id: int):
    """What the app does to read a province: the plans of the year, then ``plan_trees``."""
    from kinerja.plans.models import Plan
    from kinerja.plans.selectors import plan_trees

    plans = list(
        Plan.objects.filter(unit__government_id=gov_id, year=YEAR)
        .select_related("unit__government")
        .order_by("unit__code", "unit_id")
    )
    return plans, plan_trees(plans)


def kinerja_compute(plans, trees) -> dict:
    """``compute_tree`` per plan with its government's rules, as ``compute_plan`` does."""
    from kinerja.core.rollup import compute_tree

    return {
        p.id: compute_tree(
            trees[p.id],
            rules=p.unit.government.computation_rules(),
            upto_month=12,
            name=p.unit.name,
            level="unit",
        )
        for p in plans
    }


def kinerja_run(gov_id: int) -> tuple[dict, float, float, float]:
    """One timed run: (results, load s, compute s, gc s).

    As in ``compute_plan``, loading and computing run with the cyclic garbage collector
    paused (``kinerja.core.gcpause.gc_paused``, when the code has it). The collector's work
    is postponed, not saved: when it runs again it traverses everything built during the
    pause, and the more often the longer the results stay alive (a page renders them). So
    the run ends with one full collection, timed while the results are still alive, and
    counted in the total. For code that does not pause, this over-counts a little (part of
    its collections already ran during the run)."""
    try:
        from kinerja.core.gcpause import gc_paused
    except ImportError:  # code from before the pause: time it as it is
        from contextlib import nullcontext as gc_paused

    with gc_paused():
        t0 = time.perf_counter()
        plans, trees = kinerja_load(gov_id)
        t1 = time.perf_counter()
        results = kinerja_compute(plans, trees)
        t2 = time.perf_counter()
    gc.collect()
    t3 = time.perf_counter()
    return results, t1 - t0, t2 - t1, t3 - t2


# --- the DuckDB reference --------------------------------------------------------------

DUCK_TABLES = {
    "plans": ("id BIGINT, unit_id BIGINT, year SMALLINT", "Plan", ("id", "unit_id", "year")),
    "nodes": (
        "id BIGINT, plan_id BIGINT, parent_id BIGINT, level VARCHAR, "
        "pagu_dpa DECIMAL(15,2), pagu_dppa DECIMAL(15,2), budget_in_force VARCHAR",
        "PlanNode",
        ("id", "plan_id", "parent_id", "level", "pagu_dpa", "pagu_dppa", "budget_in_force"),
    ),
    "months": (
        "node_id BIGINT, month SMALLINT, plan_fisik DECIMAL(9,4), plan_keuangan DECIMAL(15,2), "
        "realisasi_keuangan DECIMAL(15,2), realisasi_fisik DECIMAL(9,4)",
        "MonthlyEntry",
        (
            "node_id",
            "month",
            "plan_fisik",
            "plan_keuangan",
            "realisasi_keuangan",
            "realisasi_fisik",
        ),
    ),
    "indicators": ("id BIGINT, node_id BIGINT", "Indicator", ("id", "node_id")),
    "targets": (
        "indicator_id BIGINT, source VARCHAR, year SMALLINT, period_kind VARCHAR, "
        "value DECIMAL(15,4)",
        "IndicatorTarget",
        ("indicator_id", "source", "year", "period_kind", "value"),
    ),
    "realisations": (
        "indicator_id BIGINT, year SMALLINT, month SMALLINT, value DECIMAL(15,4)",
        "IndicatorRealisation",
        ("indicator_id", "year", "month", "value"),
    ),
}

# Per node at the end of December: Σpagu (the pagu in force on leaves), Σrealisasi,
# absorption = Σrealisasi ÷ Σpagu × 100, fisik weighted by pagu over the children (a leaf's
# latest reported cumulative fisik), achievement = mean of the children's (a leaf's: mean of
# its indicators' min(Σ realisation ÷ annual target × 100, 100); undefined children left out).
DUCK_QUERY = """
WITH
plan_nodes AS (
    SELECT n.*, p.year FROM nodes n JOIN plans p ON p.id = n.plan_id WHERE p.id IN ({plan_ids})
),
money AS (
    SELECT node_id,
           SUM(realisasi_keuangan) AS realisasi,
           arg_max(realisasi_fisik, month) FILTER (WHERE realisasi_fisik IS NOT NULL) AS fisik
    FROM months WHERE month BETWEEN 1 AND 12 GROUP BY node_id
),
reached AS (
    SELECT indicator_id, year, SUM(value) AS total
    FROM realisations WHERE month BETWEEN 1 AND 12 AND value IS NOT NULL
    GROUP BY indicator_id, year
),
ach AS (
    SELECT i.node_id, AVG(LEAST(r.total * 100 / t.value, 100)) AS ach
    FROM indicators i
    JOIN plan_nodes n ON n.id = i.node_id
    JOIN targets t ON t.indicator_id = i.id AND t.year = n.year
         AND t.source = 'annual' AND t.period_kind = 'year' AND t.value > 0
    JOIN reached r ON r.indicator_id = i.id AND r.year = n.year
    GROUP BY i.node_id
),
leaf AS (
    SELECT n.id, n.parent_id, n.plan_id,
           CASE WHEN n.budget_in_force = 'dppa' AND n.pagu_dppa IS NOT NULL
                THEN n.pagu_dppa ELSE n.pagu_dpa END AS pagu,
           m.realisasi, m.fisik, a.ach
    FROM plan_nodes n
    LEFT JOIN money m ON m.node_id = n.id
    LEFT JOIN ach a ON a.node_id = n.id
    WHERE n.level IN ('sub_kegiatan', 'tolok_ukur')
),
keg AS (
    SELECT parent_id AS id, any_value(plan_id) AS plan_id, SUM(pagu) AS pagu,
           SUM(realisasi) AS realisasi,
           SUM(fisik * pagu) FILTER (WHERE fisik IS NOT NULL AND pagu IS NOT NULL)
             / SUM(pagu) FILTER (WHERE fisik IS NOT NULL AND pagu IS NOT NULL) AS fisik,
           AVG(ach) AS ach
    FROM leaf GROUP BY parent_id
),
prog AS (
    SELECT n.parent_id AS id, any_value(k.plan_id) AS plan_id, SUM(k.pagu) AS pagu,
           SUM(k.realisasi) AS realisasi,
           SUM(k.fisik * k.pagu) FILTER (WHERE k.fisik IS NOT NULL AND k.pagu IS NOT NULL)
             / SUM(k.pagu) FILTER (WHERE k.fisik IS NOT NULL AND k.pagu IS NOT NULL) AS fisik,
           AVG(k.ach) AS ach
    FROM keg k JOIN plan_nodes n ON n.id = k.id GROUP BY n.parent_id
),
unit AS (
    SELECT plan_id AS id, plan_id, SUM(pagu) AS pagu, SUM(realisasi) AS realisasi,
           SUM(fisik * pagu) FILTER (WHERE fisik IS NOT NULL AND pagu IS NOT NULL)
             / SUM(pagu) FILTER (WHERE fisik IS NOT NULL AND pagu IS NOT NULL) AS fisik,
           AVG(ach) AS ach
    FROM prog GROUP BY plan_id
),
alln AS (
    SELECT 'unit' AS level, id, pagu, realisasi, fisik, ach FROM unit
    UNION ALL SELECT 'program', id, pagu, realisasi, fisik, ach FROM prog
    UNION ALL SELECT 'kegiatan', id, pagu, realisasi, fisik, ach FROM keg
    UNION ALL SELECT 'leaf', id, pagu, realisasi, fisik, ach FROM leaf
)
SELECT level, id, pagu, realisasi,
       CASE WHEN pagu <> 0 THEN realisasi * 100 / pagu END AS absorption, fisik, ach
FROM alln
"""


def duck_load(tmpdir: Path, gov_id: int):
    """The same rows, read back from the database, in an in-memory DuckDB (via CSV)."""
    import csv

    import duckdb

    from kinerja.plans import models

    con = duckdb.connect(":memory:")
    plan_ids = list(
        models.Plan.objects.filter(unit__government_id=gov_id, year=YEAR).values_list(
            "id", flat=True
        )
    )
    scope = {
        "Plan": {"id__in": plan_ids},
        "PlanNode": {"plan_id__in": plan_ids},
        "MonthlyEntry": {"node__plan_id__in": plan_ids},
        "Indicator": {"node__plan_id__in": plan_ids},
        "IndicatorTarget": {"indicator__node__plan_id__in": plan_ids},
        "IndicatorRealisation": {"indicator__node__plan_id__in": plan_ids},
    }
    for table, (columns, model_name, fields) in DUCK_TABLES.items():
        model = getattr(models, model_name)
        path = tmpdir / f"{table}.csv"
        with path.open("w", newline="") as fh:
            writer = csv.writer(fh)
            for row in (
                model.objects.filter(**scope[model_name])
                .values_list(*fields)
                .iterator(chunk_size=20_000)
            ):
                writer.writerow(["" if v is None else v for v in row])
        types = ", ".join(
            f"'{c.split()[0]}': '{' '.join(c.split()[1:])}'" for c in columns.split(", ")
        )
        con.execute(f"CREATE TABLE {table} ({columns})")
        con.execute(
            f"INSERT INTO {table} SELECT * FROM read_csv('{path}', header=false, "
            f"columns={{{types}}}, nullstr='')"
        )
        path.unlink()
    return con, DUCK_QUERY.format(plan_ids=", ".join(str(i) for i in plan_ids) or "NULL")


def duck_run(con, query: str) -> tuple[list, float]:
    t0 = time.perf_counter()
    rows = con.execute(query).fetchall()
    return rows, time.perf_counter() - t0


# --- the check -------------------------------------------------------------------------

_CENT = Decimal("0.01")


def _round2(value) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, float):
        value = Decimal(repr(value))
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _same(kinerja_value, duck_value, exact: bool) -> str:
    """Return ok, edge (equal within 1e-9 but on a rounding boundary) or diff."""
    if kinerja_value is None or duck_value is None:
        return "ok" if kinerja_value is None and duck_value is None else "diff"
    if exact:
        return "ok" if Decimal(kinerja_value) == Decimal(duck_value) else "diff"
    if _round2(kinerja_value) == _round2(duck_value):
        return "ok"
    other = Decimal(repr(duck_value)) if isinstance(duck_value, float) else duck_value
    return "edge" if abs(kinerja_value - other) < Decimal("1e-9") else "diff"


def check(results: dict, duck_rows: list) -> tuple[bool, list[str]]:
    """Compare unit totals and every node; returns (passed, report lines)."""
    duck = {}
    for level, node_id, pagu, real, absorption, fisik, ach in duck_rows:
        key = ("unit", node_id) if level == "unit" else ("node", node_id)
        duck[key] = (pagu, real, absorption, fisik, ach)
    names = ("pagu", "realisasi", "absorption", "fisik", "achievement")
    exact = (True, True, False, False, False)
    problems: list[str] = []
    counts = {"unit": 0, "node": 0}
    edges = 0
    unit_ok = True
    for plan_id, root in results.items():
        for node in root.walk():
            key = ("unit", plan_id) if node.node.id is None else ("node", node.node.id)
            mine = (
                node.pagu.value,
                node.realisasi.value,
                node.absorption.value,
                node.fisik.value,
                node.achievement.value,
            )
            theirs = duck.pop(key, None)
            counts[key[0]] += 1
            if theirs is None:
                problems.append(f"{key}: missing in DuckDB")
                unit_ok = unit_ok and key[0] != "unit"
                continue
            for name, ex, a, b in zip(names, exact, mine, theirs, strict=True):
                verdict = _same(a, b, ex)
                if verdict == "edge":
                    edges += 1
                elif verdict == "diff":
                    if key[0] == "unit" and name in ("pagu", "realisasi", "achievement"):
                        unit_ok = False
                    problems.append(f"{key} {node.code} {name}: kinerja {a} duckdb {b}")
    if duck:
        problems.append(f"{len(duck)} DuckDB rows without a Kinerja node")
    lines = []
    nodes_ok = not problems
    if unit_ok:
        lines.append(
            f"check: unit totals equal (pagu, realisasi, achievement) for {counts['unit']} units"
        )
    else:
        lines.append("check: FAILED, unit totals differ")
    if nodes_ok:
        note = f" ({edges} equal within 1e-9 on a rounding boundary)" if edges else ""
        lines.append(
            f"       and all {thousands(counts['node'])} nodes equal (pagu, realisasi exactly;"
            f" absorption, fisik, achievement to 2 decimals){note}"
        )
    else:
        lines.append(f"check: {len(problems)} node differences, e.g.:")
        lines.extend("   " + p for p in problems[:10])
    return unit_ok and nodes_ok, lines


# --- main ------------------------------------------------------------------------------


def timing_line(label: str, values: list[float]) -> str:
    return (
        f"{label:<26}best {fmt_s(min(values))}, median {fmt_s(statistics.median(values))}"
        f"  ({len(values)} runs)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--leaves", type=int, default=15_000)
    parser.add_argument("--database-url", default=None, help=f"default {DEFAULT_URL}")
    parser.add_argument("--sqlite", action="store_true", help="use a temporary SQLite file")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the province already in the database (from --keep) instead of generating",
    )
    parser.add_argument("--repeat", type=int, default=5, help="measured runs of each part")
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="cProfile one Kinerja run, top N"
    )
    args = parser.parse_args(argv)
    if args.units < 1 or args.repeat < 1:
        parser.error("--units and --repeat must be positive")

    created = None  # how to drop the database at the end
    if args.sqlite:
        path = Path(tempfile.gettempdir()) / "kinerja_bench.sqlite3"
        if args.database_url:
            parser.error("--sqlite and --database-url exclude each other")
        if path.exists() and not args.reuse:
            path.unlink()
        url = f"sqlite:///{path}"
        fresh = not path.exists()
        created = ("sqlite", path)
        where = f"SQLite {path}"
    else:
        url = args.database_url or DEFAULT_URL
        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        if not name:
            name = "kinerja_bench"
            url = urlunsplit(parts._replace(path="/" + name))
        exists = pg_database_exists(url, name)
        if exists and not args.reuse:
            if not name.startswith("kinerja_bench"):
                raise SystemExit(
                    f"database {name} exists; the benchmark only replaces databases named "
                    "kinerja_bench*, or reads it with --reuse"
                )
            pg_drop(url, name)
            exists = False
        if not exists:
            pg_create(url, name)
        fresh = not exists
        created = ("postgres", url, name)
        where = f"PostgreSQL {parts.hostname}:{parts.port or 5432}/{name}"

    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "1")  # development SECRET_KEY; query logging is off below
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, connections
    from django.test.utils import CaptureQueriesContext

    settings.DEBUG = False  # measure as in production: no query log outside the capture

    status = 0
    try:
        print(f"database: {where}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
        from kinerja.org.models import Government

        gov = Government.objects.filter(code=GOV_CODE).first() if not fresh else None
        if gov is None:
            t0 = time.perf_counter()
            call_command("migrate", verbosity=0)
            t1 = time.perf_counter()
            counts = generate(args.units, args.leaves)
            t2 = time.perf_counter()
            gov = Government.objects.get(code=GOV_CODE)
            generated = f"migrate {fmt_s(t1 - t0)}, generate {fmt_s(t2 - t1)}"
        else:
            counts = existing_counts(gov)
            generated = "reused the province already in the database"
        # planner statistics, as autovacuum keeps them on a live database
        t0 = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        generated += f"; ANALYZE {fmt_s(time.perf_counter() - t0)}"
        print(
            f"province: {counts['units']} units, {thousands(counts['programs'])} programs, "
            f"{thousands(counts['kegiatan'])} kegiatan, {thousands(counts['leaves'])} leaves, "
            f"{thousands(counts['months'])} monthly rows, {thousands(counts['indicators'])} "
            f"indicators, {thousands(counts['realisations'])} indicator realisations"
        )
        print(generated)

        # Warm-up run: counts the queries and gives the figures to check.
        gc.collect()
        with CaptureQueriesContext(connection) as ctx:
            plans, trees = kinerja_load(gov.id)
        queries = len(ctx.captured_queries)
        results = kinerja_compute(plans, trees)
        del plans, trees

        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            con, query = duck_load(Path(tmp), gov.id)
            duck_load_s = time.perf_counter() - t0
        duck_rows, _ = duck_run(con, query)
        passed, check_lines = check(results, duck_rows)
        del results, duck_rows

        load, compute, deferred, total = [], [], [], []
        for _ in range(args.repeat):
            gc.collect()
            res, a, b, c = kinerja_run(gov.id)
            del res
            load.append(a)
            compute.append(b)
            deferred.append(c)
            total.append(a + b + c)
        duck = []
        for _ in range(args.repeat):
            _rows, s = duck_run(con, query)
            duck.append(s)

        print(timing_line(f"kinerja load ({queries} queries):", load))
        print(timing_line("kinerja compute:", compute))
        print(timing_line("kinerja gc afterwards:", deferred))
        print(timing_line("kinerja total:", total))
        print(
            timing_line("duckdb reference:", duck) + f"; loading DuckDB took {fmt_s(duck_load_s)}"
        )
        best_ratio = min(total) / min(duck)
        median_ratio = statistics.median(total) / statistics.median(duck)
        median_total = statistics.median(total)
        met = median_ratio <= 10 and median_total <= 2
        print(
            f"ratio kinerja/duckdb: {median_ratio:.1f}x median, {best_ratio:.1f}x best"
            f"  (target ≤ 10x and ≤ 2 s: {'met' if met else 'NOT met'})"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of this process: {peak:.0f} MB")
        for line in check_lines:
            print(line)
        if not passed:
            status = 1

        if args.profile:
            import cProfile
            import pstats

            gc.collect()
            profiler = cProfile.Profile()
            profiler.enable()
            kinerja_run(gov.id)
            profiler.disable()
            print(f"\nprofile of one Kinerja run (cProfile, top {args.profile} by cumulative):")
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(
                args.profile
            )
    finally:
        connections.close_all()
        if args.keep or args.reuse:
            print(f"kept: {url}  (run again with --reuse to skip generation)")
        elif created[0] == "sqlite":
            created[1].unlink(missing_ok=True)
        else:
            pg_drop(created[1], created[2])
    return status


if __name__ == "__main__":
    sys.exit(main())
