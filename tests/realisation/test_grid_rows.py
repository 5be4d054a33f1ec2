"""The grid's rows are written in Python (kinerja.realisation.gridrows): every text is
escaped, the inputs carry the names, values and errors the save reads, typed values survive
a refused save and a conflict, and readers get read-only inputs."""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.plans.models import MonthlyEntry, Plan, PlanNode
from kinerja.realisation import services

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"
NASTY = "<script>alert(\"x\")</script> & 'kutip'"


@pytest.fixture
def plan():
    return Plan.objects.select_related("unit__government").get(
        unit__slug="biro-pemerintahan", year=2020
    )


@pytest.fixture
def leaf(plan):
    return PlanNode.objects.get(
        plan=plan, name="Penyediaan Barang dan Jasa Perkantoran", children__isnull=True
    )


def url(month=3):
    return reverse("realisation-grid", args=["biro-pemerintahan", 2020, month])


def row_of(html: str, node_id: int) -> str:
    match = re.search(rf'<tr data-leaf="{node_id}">(.*?)</tr>', html, re.S)
    assert match, f"no row for leaf {node_id}"
    return match.group(1)


def inputs(row: str) -> dict[str, str]:
    found = dict(re.findall(r'<input[^>]* name="([no]\d+-\w+)" value="([^"]*)"', row))
    found.update(
        (name, unescape(text))
        for name, text in re.findall(
            r'<textarea name="(n\d+-\w+)"[^>]*>(.*?)</textarea>', row, re.S
        )
    )
    return {name: unescape(value) for name, value in found.items()}


def test_leaf_parent_typed_text_and_file_names_are_escaped(login, plan, leaf, settings, tmp_path):
    settings.EVIDENCE_DIR = tmp_path
    PlanNode.objects.filter(pk=leaf.pk).update(name=NASTY)
    PlanNode.objects.filter(pk=leaf.parent_id).update(name="Induk <b>tebal</b>")
    operator = get_user_model().objects.get(username="operator")
    services.evidence_add(
        user=operator,
        plan=plan,
        month=3,
        files=[(leaf.id, SimpleUploadedFile('<img src=x onerror="a()">.pdf', PDF))],
    )
    client = login("operator")
    fields = {f"n{leaf.id}-{f}": "" for f in ("keuangan", "fisik", "output", "obstacles")}
    fields[f"n{leaf.id}-keuangan"] = '"><script>bad()</script>'
    fields[f"n{leaf.id}-narrative"] = "</textarea><script>bad()</script>"
    response = client.post(url(), {"action": "save", "version": "0", **fields})
    html = response.content.decode()
    assert response.status_code == 200 and "cell-error" in html
    assert "<script>alert" not in html and "<script>bad()" not in html
    assert "<b>tebal</b>" not in html and "<img src=x" not in html
    row = row_of(html, leaf.id)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;kutip&#x27;" in row
    assert "Induk &lt;b&gt;tebal&lt;/b&gt;" in row
    assert "&lt;img src=x onerror=&quot;a()&quot;&gt;.pdf</a>" in row
    typed = inputs(row)
    assert typed[f"n{leaf.id}-keuangan"] == '"><script>bad()</script>'
    assert typed[f"n{leaf.id}-narrative"] == "</textarea><script>bad()</script>"
    # the message at the cell quotes what was typed, escaped too
    assert re.search(r'<td class="bad"><input name="n\d+-keuangan"', row)


def test_inputs_carry_stored_values_and_the_values_opened_with(login, plan, leaf):
    MonthlyEntry.objects.filter(node=leaf, month=3).update(
        realisasi_keuangan="1193209000", realisasi_fisik="98.16"
    )
    html = login("operator").get(url()).content.decode()
    row = row_of(html, leaf.id)
    values = inputs(row)
    assert values[f"n{leaf.id}-keuangan"] == values[f"o{leaf.id}-keuangan"] == "1.193.209.000"
    assert values[f"n{leaf.id}-fisik"] == values[f"o{leaf.id}-fisik"] == "98,16"
    assert f'<td class="code">{leaf.code}</td>' in row
    assert "655.888.600" in row  # the pagu in force, formatted
    assert "readonly" not in row and 'name="file-' in row
    leaves = PlanNode.objects.filter(plan=plan, children__isnull=True).count()
    assert html.count("<tr data-leaf=") == leaves
    assert html.count('name="csrfmiddlewaretoken"') >= 1


def test_a_conflict_keeps_what_was_typed_and_opens_with_the_values_stored_now(login, plan, leaf):
    client = login("operator")
    fields = {f"n{leaf.id}-{f}": "" for f in ("fisik", "output", "narrative", "obstacles")}
    first = client.post(
        url(), {"action": "save", "version": "0", f"n{leaf.id}-keuangan": "7.000.000", **fields}
    )
    assert first.status_code == 302
    stale = client.post(
        url(),
        {
            "action": "save",
            "version": "0",
            f"n{leaf.id}-keuangan": "8.000.000",
            f"o{leaf.id}-keuangan": "5.000.000",
            **fields,
        },
    )
    html = stale.content.decode()
    assert stale.status_code == 200 and "Diubah orang lain" in html
    values = inputs(row_of(html, leaf.id))
    assert values[f"n{leaf.id}-keuangan"] == "8.000.000"  # what was typed, not lost
    assert values[f"o{leaf.id}-keuangan"] == "7.000.000"  # a save now overwrites knowingly
    assert MonthlyEntry.objects.get(node=leaf, month=3).realisasi_keuangan == 7_000_000


def test_readers_get_read_only_inputs_and_a_dash_for_no_evidence(login, leaf):
    html = login("inspektorat").get(url()).content.decode()
    row = row_of(html, leaf.id)
    assert row.count(" readonly>") == 5
    assert f'<div class="files" id="files-{leaf.id}">–</div>' in row
    assert 'form="evidence-upload"' not in html and "evidence.js" not in html
