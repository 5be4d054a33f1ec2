"""The rows of the realisation grid, written in Python rather than in the template language
(as ``kinerja.web.treerows`` does for the unit page): a province unit has some 300 leaves of
five inputs each, with their stored values, cell errors and evidence files, and Django's
template engine took about 150 ms of CPU for them; this takes a tenth of that.

The markup is the one ``realisation/grid.html`` wrote: the same input names
(``n<id>-<field>`` typed, ``o<id>-<field>`` the values the form was opened with, for the
conflict check), the same classes (``bad``, ``cell-error``, ``evidence``) and the same
upload and delete buttons. Every text is escaped; numbers are formatted by
``kinerja.core.numbers``."""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from kinerja.core.numbers import fmt_number

FIELDS = ("keuangan", "fisik", "output", "narrative", "obstacles")


def escape(text: str) -> str:
    """``django.utils.html.escape`` without its lazy-string wrapper (same characters, same
    entities), since the grid escapes some 3 000 texts, most of them empty."""
    return html.escape(text) if text else ""


PLACEHOLDER = uuid.UUID(int=0)  # reversed once, replaced by each file's key
NUMBER_FIELDS = ("keuangan", "fisik", "output")
TEXT_FIELDS = ("narrative", "obstacles")


@dataclass(frozen=True, slots=True)
class Leaf:
    """What the grid shows of a leaf of the plan."""

    id: int
    code: str
    name: str
    parent_name: str
    pagu: Decimal | None


def _words() -> dict[str, str]:
    return {
        "delete": escape(_("hapus")),
        "delete_label": escape(_("Hapus")),
        "upload": escape(_("Unggah bukti")),
        "evidence": escape(_("bukti dukung")),
        "upload_label": escape(_("unggah bukti")),
        "upload_button": escape(_("Unggah")),
        "download": reverse("evidence-download", args=[PLACEHOLDER]),
        # what each input is, after the leaf's code, for screen readers (the column headers)
        "keuangan": escape(_("realisasi keuangan bulan ini")),
        "fisik": escape(_("fisik kumulatif")),
        "output": escape(_("keluaran bulan ini")),
        "narrative": escape(_("yang dilaksanakan")),
        "obstacles": escape(_("kendala")),
    }


def _files(files, can_edit: bool, words: dict[str, str]) -> str:
    out = []
    for f in files:
        name = escape(f.name)
        who = f.uploaded_by.get_full_name() or f.uploaded_by.username
        when = date_filter(template_localtime(f.uploaded_at), "j M Y H:i")
        delete = ""
        if can_edit:
            delete = (
                f'<button form="evidence-delete" name="evidence" value="{f.uuid}" '
                'style="background:none; color:#b00020; padding:0; text-decoration:underline" '
                f'aria-label="{words["delete_label"]} {name}">{words["delete"]}</button>'
            )
        href = escape(words["download"].replace(str(PLACEHOLDER), str(f.uuid)))
        out.append(
            f'\n        <div class="file"><a href="{href}">{name}</a>\n'
            f'          <div class="ind">{escape(f.size_display)} · {escape(who)} · '
            f"{escape(when)}\n          {delete}</div></div>"
        )
    if not out and not can_edit:
        return "–"
    return "".join(out)


def evidence_list(files, *, can_edit: bool) -> SafeString:
    """The inside of a leaf's ``<div class="files">``: its evidence files with who uploaded
    them and when (and a delete button for editors), or a dash for readers when there is
    none. The grid's rows use it, and the upload and delete answers of the grid's script."""
    return mark_safe(_files(files, can_edit, _words()))  # noqa: S308 (escaped above)


def grid_rows(
    leaves: list[Leaf],
    shown: dict[int, dict[str, str]],
    stored: dict[int, dict[str, str]],
    errors: dict[tuple[str, str], str],
    files: dict[int, list],
    *,
    can_edit: bool,
    accept: str,
) -> SafeString:
    """One ``<tr>`` per leaf: ``shown`` are the values in the inputs (typed, or stored),
    ``stored`` the values the form is opened with, ``errors`` the message per (leaf code,
    field), ``files`` the leaf's evidence (``Evidence`` rows with ``uploaded_by``)."""
    readonly = "" if can_edit else " readonly"
    words = _words()
    accept = escape(accept)
    empty: dict[str, str] = {}
    out = []
    for leaf in leaves:
        nid, code = leaf.id, escape(leaf.code)
        values = shown.get(nid, empty)
        opened = stored.get(nid, empty)
        cells = []
        for field in NUMBER_FIELDS:
            error = errors.get((leaf.code, field), "")
            bad = ' class="bad"' if error else ""
            message = f'<div class="cell-error">{escape(error)}</div>' if error else ""
            cells.append(
                f'\n      <td{bad}><input name="n{nid}-{field}" '
                f'value="{escape(values.get(field, ""))}" inputmode="decimal" '
                f'aria-label="{code} {words[field]}"{readonly}>{message}\n'
                f'        <input type="hidden" name="o{nid}-{field}" '
                f'value="{escape(opened.get(field, ""))}"></td>'
            )
        for field in TEXT_FIELDS:
            cells.append(
                f'\n      <td><textarea name="n{nid}-{field}" rows="2" '
                f'aria-label="{code} {words[field]}"{readonly}>'
                f"{escape(values.get(field, ''))}</textarea>\n"
                f'        <input type="hidden" name="o{nid}-{field}" '
                f'value="{escape(opened.get(field, ""))}"></td>'
            )
        evidence = (
            f'<div class="files" id="files-{nid}">{_files(files.get(nid, ()), can_edit, words)}'
            "</div>"
        )
        if can_edit:
            evidence += (
                f'<details class="upload"><summary>{words["upload"]}</summary>\n'
                f'        <input type="file" name="file-{nid}" form="evidence-upload" '
                f'accept="{accept}" multiple aria-label="{code} {words["evidence"]}" '
                'style="width:14rem; text-align:left">\n'
                f'        <button form="evidence-upload" aria-label="{code} '
                f'{words["upload_label"]}">{words["upload_button"]}</button></details>'
            )
        out.append(
            f'    <tr data-leaf="{nid}">\n'
            f'      <td class="code">{code}</td>\n'
            f'      <td class="name">{escape(leaf.name)}<div class="ind">'
            f"{escape(leaf.parent_name)}</div></td>\n"
            f'      <td class="n">{fmt_number(leaf.pagu)}</td>'
            f"{''.join(cells)}\n"
            f'      <td class="evidence">{evidence}</td>\n'
            "    </tr>\n"
        )
    return mark_safe("".join(out))  # noqa: S308 (every part above is escaped or a number)
