"""The multi-year part of the demo agency, loaded idempotently after the rest of the demo.

From the seed report (``kinerja.demo.seed_data.SASARAN``, Tabel 8.1 and 8.3):
- the two documents the sasaran name: "RPJMD Provinsi Banten 2017-2022" (the government's)
  and "Renstra Sekretariat Daerah Provinsi Banten 2017-2022" (of the Setda, under it);
- each sasaran strategis of Tabel 8.3 placed in the Renstra with its code (SS-01, SS-02); the
  report prints no tujuan, so none is loaded;
- the program of 2020 that serves each sasaran (Tabel 8.3, column PROGRAM: program 01 and
  02 of the 2020 plan);
- the IKM of 2020: the report prints only the index, "Nilai IKM (Skala) 3,3" (Tabel 8.1 and
  8.3), no unsur, respondents or service; it is recorded as an index-only survey under
  PermenPAN-RB 14/2017, the guideline in force in 2020 (mutu B, Baik; the same 3,3 would be A
  under KepMenPAN 25/2004).

Nothing else is invented: no mapping between the 2020 demo codes and the 2021 Permendagri 90
codes (the report gives none), no medium-term targets beyond the 2020 ones the loader stores.
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.demo import seed_data as data
from kinerja.org.models import Government, OrgUnit
from kinerja.plans.models import PlanNode, Sasaran

from .models import IkmSurvey, MediumTermPlan, SasaranPlacement, SasaranProgram

RPJMD_TITLE = "RPJMD Provinsi Banten 2017-2022"
RENSTRA_TITLE = "Renstra Sekretariat Daerah Provinsi Banten 2017-2022"
IKM_SERVICE = "Seluruh layanan Biro Pemerintahan"


def load_multiyear_demo() -> dict:
    """Create or update the multi-year demo rows; returns what was loaded. Call inside the
    demo's transaction, after the plans and sasaran are loaded."""
    gov = Government.objects.get(code=data.GOVERNMENT["code"])
    units = {u.slug: u for u in OrgUnit.objects.filter(government=gov)}
    rpjmd, _ = MediumTermPlan.objects.update_or_create(
        government=gov,
        unit=None,
        kind=MediumTermPlan.Kind.RPJMD,
        period_start=2017,
        defaults={"title": RPJMD_TITLE, "period_end": 2022, "parent": None},
    )
    renstra, _ = MediumTermPlan.objects.update_or_create(
        government=gov,
        unit=units["setda"],
        kind=MediumTermPlan.Kind.RENSTRA,
        period_start=2017,
        defaults={"title": RENSTRA_TITLE, "period_end": 2022, "parent": rpjmd},
    )
    links = 0
    for s in data.SASARAN:
        sasaran = Sasaran.objects.get(unit=units[s["unit"]], statement=s["statement"])
        SasaranPlacement.objects.update_or_create(
            sasaran=sasaran, defaults={"plan": renstra, "tujuan": None, "code": s["code"]}
        )
        for year, code in (s.get("program_codes") or {}).items():
            node = PlanNode.objects.get(plan__unit=sasaran.unit, plan__year=year, code=code)
            SasaranProgram.objects.get_or_create(sasaran=sasaran, node=node)
            links += 1
    IkmSurvey.objects.update_or_create(
        unit=units["biro-pemerintahan"],
        year=2020,
        service=IKM_SERVICE,
        defaults={
            "guideline": "permenpan_14_2017",
            "mode": IkmSurvey.Mode.INDEX,
            "respondents": None,
            "index_value": Decimal("3.3"),
            "period": "",
            "source": "Tabel 8.1 dan Tabel 8.3: Nilai IKM (Skala) 3,3",
        },
    )
    return {"documents": 2, "sasaran": len(data.SASARAN), "program_links": links, "ikm": 1}
