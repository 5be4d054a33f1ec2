"""The Perjanjian Kinerja of the demo agency (Biro Pemerintahan 2020), idempotently.

What is loaded, and from where in the seed report:
- the 13 agreements of BAB VIII 8.1 (eselon II, III and IV; ``seed_data.PERFORMANCE_AGREEMENTS``)
  as version 1 (PK awal) without a date (the report gives none); pihak pertama and kedua are
  the heads the report names for that year (only the Kepala Biro), otherwise left empty;
- the indicator lines of each as printed in BAB VIII; an eselon IV line is linked to the
  tolok ukur it names and to that tolok ukur's output indicator in the plan;
- the cascade (``PARENTS``): each eselon III line to the eselon II line it supports and each
  eselon IV line to an eselon III line, by meaning, since the report draws no tree. The line
  of Bagian Administrasi Kewilayahan ("realisasi kebijakan administrasi kewilayahan") supports
  none of the Kepala Biro's six indicators, so it is left unlinked and the check reports it;
- the anggaran of the Kepala Biro's agreement is Tabel 2.1 of BAB II, which the report itself
  titles "Perjanjian Kinerja": every kegiatan and tolok ukur with its target and pagu, as
  printed (``TABLE_2_1``). It disagrees with BAB VIII and the plan where the report does:
  Administrasi Rupabumi 2 dokumen (4 in the eselon IV agreement and in the plan, whose capaian
  of 50 % needs 4), Kerjasama Luar Negeri tolok ukur 2 1 dokumen (0), and the satuan
  "dokumen" of Tata Usaha and Batas Daerah (Kegiatan);
- the anggaran of the eselon III and IV agreements, which BAB VIII does not print: the kegiatan
  of the bagian's sub bagian, and the tolok ukur of the sub bagian's lines, with the plan's
  pagu.

Running it again gives the same data: each agreement is reset to this content (rows, anggaran,
versions); revisions made by hand in a demo database are discarded.
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.core.numbers import round_half_up, to_decimal
from kinerja.demo import seed_data as data
from kinerja.org.models import UnitHead
from kinerja.plans.models import Indicator, PlanNode

from .models import AgreementBudgetLine, AgreementRow, AgreementVersion, PerformanceAgreement
from .selectors import latest_docs, plan_for, plan_node_facts

# Tabel 2.1 (BAB II): node code, target, satuan, pagu — kegiatan first, then its tolok ukur.
TABLE_2_1 = [
    ("01.01", "100", "%", "1193209000"),
    ("01.01.01", "1", "dokumen", "12112000"),
    ("01.01.02", "1", "dokumen", "14548400"),
    ("01.01.03", "1", "dokumen", "655888600"),
    ("01.01.04", "1", "dokumen", "466610000"),
    ("01.01.05", "1", "dokumen", "44050000"),
    ("02.01", "100", "%", "362000000"),
    ("02.01.01", "5", "Dokumen", "347007000"),
    ("02.01.02", "1", "Dokumen", "14993000"),
    ("02.02", "100", "%", "110000000"),
    ("02.02.01", "2", "Dokumen", "110000000"),
    ("02.02.02", "1", "Dokumen", "0"),
    ("02.03", "100", "%", "200000000"),
    ("02.03.01", "2", "Dokumen", "131400000"),
    ("02.03.02", "2", "Dokumen", "68600000"),
    ("02.04", "100", "%", "168702000"),
    ("02.04.01", "1", "Dokumen", "36899000"),
    ("02.04.02", "4", "Dokumen", "131803000"),
    ("02.05", "100", "%", "229500000"),
    ("02.05.01", "2", "Dokumen", "120000000"),
    ("02.05.02", "2", "Dokumen", "109500000"),
    ("02.06", "100", "%", "270000000"),
    ("02.06.01", "1", "Dokumen", "20401200"),
    ("02.06.02", "2", "Dokumen", "98920000"),
    ("02.06.03", "1", "dokumen", "54586800"),
    ("02.06.04", "9", "Dokumen", "96092000"),
    ("02.07", "100", "%", "138870000"),
    ("02.07.01", "1", "Dokumen", "40000000"),
    ("02.07.02", "1", "Dokumen", "69300000"),
    ("02.07.03", "2", "Dokumen", "29570000"),
    ("02.08", "100", "%", "130000000"),
    ("02.08.01", "1", "Dokumen", "8280000"),
    ("02.08.02", "1", "Dokumen", "121720000"),
]
TABLE_2_1_UNIT = "biro-pemerintahan"

# For each agreement below eselon II: per line, the position of the superior's line it
# supports (None: none of them).
PARENTS = {
    # Capaian kesesuaian … perencanaan; sarana prasarana; penata usaha keuangan; kapasitas
    # SDM aparatur; kebijakan kerjasama → the Kepala Biro's lines 1, 2, 4, 3, 5
    "bagian-kerjasama": [0, 1, 3, 2, 4],
    # administrasi pemerintahan dan otonomi daerah → Capaian Laporan Penyelenggaraan Pemda
    "bagian-apod": [5],
    "bagian-kewilayahan": [None],
    # laporan keuangan → penata usaha keuangan; perencanaan → kesesuaian dokumen perencanaan;
    # pengadaan and koordinasi → sarana prasarana; kapasitas aparatur → kapasitas SDM
    "subbag-tu": [2, 0, 1, 1, 3],
    "subbag-kerjasama-daerah": [4, 4],
    "subbag-kln": [4, 4],
    "subbag-pdo": [0, 0, 0],
    "subbag-ekppd": [0, 0, 0, 0],
    "subbag-adpem": [0, 0],
    "subbag-batas": [0, 0],
    "subbag-rupabumi": [0, 0],
    "subbag-bina-kecamatan": [0, 0],
}


def _q(value, places: int) -> Decimal:
    return round_half_up(to_decimal(value), places)


def _party(head: UnitHead | None, jabatan: str = "") -> dict:
    if head is None:
        return {"name": "", "nip": "", "pangkat": "", "golongan": "", "jabatan": jabatan}
    return {
        "name": head.name,
        "nip": head.nip,
        "pangkat": head.pangkat,
        "golongan": head.golongan,
        "jabatan": head.jabatan,
    }


def load_agreements(units: dict) -> list[PerformanceAgreement]:
    """Create or reset the demo agreements; ``units`` maps slugs to the loaded OrgUnits."""
    loaded = []
    rows_of: dict[str, list[AgreementRow]] = {}
    for spec in data.PERFORMANCE_AGREEMENTS:
        unit, year = units[spec["unit"]], spec["year"]
        superior_unit = units.get(spec.get("superior_unit") or "")
        plan = plan_for(unit, year)
        nodes = {n.code: n for n in PlanNode.objects.filter(plan=plan)}
        indicators = {}
        for ind in Indicator.objects.filter(node__plan=plan).order_by("position", "id"):
            indicators.setdefault(ind.node_id, ind)
        pagu = {i: f.pagu for i, f in plan_node_facts({plan.id}).items()}
        heads = {h.unit_id: h for h in UnitHead.objects.filter(year=year)}
        official = _party(heads.get(unit.id))
        superior = _party(
            heads.get(superior_unit.id) if superior_unit else None,
            spec.get("superior_title", ""),
        )
        agreement, _ = PerformanceAgreement.objects.update_or_create(
            unit=unit,
            year=year,
            defaults={
                "superior_unit": superior_unit,
                "superior_title": spec.get("superior_title", ""),
                "title": spec["title"],
                "signed_on": None,
                "version": 1,
                "reason": "",
                **{f"official_{k}": v for k, v in official.items()},
                **{f"superior_{k}": v for k, v in superior.items() if k != "jabatan"},
            },
        )
        AgreementVersion.objects.filter(agreement=agreement).delete()
        agreement.rows.all().delete()
        agreement.budget_lines.all().delete()

        parents = PARENTS.get(spec["unit"])
        superior_rows = rows_of.get(spec.get("superior_unit") or "", [])
        rows = []
        for pos, row in enumerate(spec["rows"]):
            target = row.get("target")
            node = nodes.get(row.get("node") or "")
            parent_at = parents[pos] if parents else None
            linked = node is not None and node.level in ("sub_kegiatan", "tolok_ukur")
            rows.append(
                AgreementRow.objects.create(
                    agreement=agreement,
                    position=pos,
                    subject=row["subject"],
                    node=node,
                    indicator=indicators.get(node.id) if linked else None,
                    parent=superior_rows[parent_at] if parent_at is not None else None,
                    statement=row["statement"],
                    satuan=row.get("satuan", ""),
                    target=_q(target, 4) if target is not None else None,
                )
            )
        rows_of[spec["unit"]] = rows
        _load_budget(agreement, spec, nodes, indicators, rows_of, pagu)
        AgreementVersion.objects.create(
            agreement=agreement,
            number=1,
            signed_on=None,
            reason="",
            content=latest_docs([agreement])[agreement.id].to_dict(),
            created_by_name="demo",
        )
        loaded.append(agreement)
    return loaded


def _load_budget(agreement, spec, nodes, indicators, rows_of, pagu) -> None:
    """The anggaran lines: Tabel 2.1 for the Kepala Biro, the tolok ukur of a sub bagian's
    lines, the kegiatan of a bagian's sub bagian; the plan's pagu where the seed prints none."""
    lines = []
    if spec["unit"] == TABLE_2_1_UNIT:
        for code, target, satuan, pagu in TABLE_2_1:
            node = nodes[code]
            lines.append((node, _q(pagu, 2), target, satuan, indicators.get(node.id)))
    else:
        leaves = [r.node for r in rows_of[spec["unit"]] if r.node and r.node.parent_id]
        if not leaves:  # a bagian: the kegiatan of its sub bagian
            codes = sorted(
                {
                    nodes[row["node"]].code.rsplit(".", 1)[0]
                    for sub in data.PERFORMANCE_AGREEMENTS
                    if sub.get("superior_unit") == spec["unit"]
                    for row in sub["rows"]
                    if row.get("node") in nodes
                }
            )
            leaves = [nodes[c] for c in codes]
        for node in leaves:
            lines.append((node, None, None, "", None))
    AgreementBudgetLine.objects.bulk_create(
        [
            AgreementBudgetLine(
                agreement=agreement,
                position=pos,
                node=node,
                code=node.code,
                name=node.name,
                amount=amount if amount is not None else pagu[node.id],
                indicator=indicator,
                satuan=satuan,
                target=_q(target, 4) if target is not None else None,
            )
            for pos, (node, amount, target, satuan, indicator) in enumerate(lines)
        ]
    )
