"""The theme brief (``graph/brief.py``) as Markdown, standalone HTML (no external resource) and Word (python-docx).
All three render the same blocks (``blocks()``): headings, count lines, tables and quotes with a numbered source
reference, so they hold the same tables."""

from __future__ import annotations

import html
import io
import zipfile
from datetime import UTC, datetime
from typing import Any

Block = tuple  # ("h1"|"h2"|"h3"|"p", text) | ("table", headers, rows) | ("quotes", [(quote, cite, source)])
FORMATS = ("md", "html", "docx", "json")
_FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)  # docx core properties: the same brief gives the same file
MEDIA_TYPES = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "json": "application/json",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _page(page: Any, line: Any = None) -> str:
    """Where the quote is: a PDF's page, a text file's line."""
    return f"p. {page}" if page is not None else f"line {line}" if line else "page unknown"


def _quotes(items: list[dict[str, Any]]) -> Block:
    return ("quotes", [(q["quote"], f"{q['actor']} ({q['actor_type']}), {q['document']}, "
                                    f"{_page(q['page'], q.get('line'))}", q["source"]) for q in items])


def blocks(brief: dict[str, Any]) -> list[Block]:
    """The brief as a list of blocks, in reading order."""
    theme, scope, method = brief["theme"], brief["scope"], brief["method"]
    out: list[Block] = [("h1", f"Theme brief: {theme['name']}")]
    out.append(("p", f"Theme id: {theme['id']}. Actor type: {scope['actor_type'] or 'all'}. Documents: "
                     f"{', '.join(scope['documents']) if scope['documents'] else 'all'}."))
    out.append(("h2", "Counts"))
    out.append(("table", ["What", "Count"], [
        ["Documents in scope", str(method["documents_in_scope"])],
        ["Documents with statements on the theme", str(method["documents_on_theme"])],
        ["Documents with no statement on the theme", str(method["documents_silent"])],
        ["Statements on the theme", str(method["statements_on_theme"])],
        ["Actors stating them", str(method["actors_stating"])],
        ["Measures concerning the theme with evidence in scope", str(method["measures"])],
        ["Measures ranked (with backers, narrower ones left out)", str(method["measures_ranked"])],
        ["Date of the graph (latest document date)", str(method["graph_date"])]]))

    out.append(("h2", "Measures ranked by backing actors"))
    out.append(("table", ["#", "Measure", "Origin", "Actors", "Statements"],
                [[str(m["rank"]), m["name"], m["origin"], str(m["actors"]), str(m["statements"])]
                 for m in brief["measures"]]))
    table = brief["backers_by_actor_type"]
    out.append(("h2", f"Backers by actor type (top {len(table['rows'])} measures)"))
    out.append(("table", ["Measure", *table["actor_types"], "Actors"],
                [[r["measure"], *(str(r["by_actor_type"][t]) for t in table["actor_types"]), str(r["actors"])]
                 for r in table["rows"]]))

    out.append(("h2", "Quotes for the top measures"))
    by_id = {m["id"]: m for m in brief["measures"]}
    for block in brief["quotes"]:
        m = by_id[block["measure_id"]]
        out.append(("h3", f"{m['rank']}. {m['name']} ({m['actors']} actors, {m['statements']} statements)"))
        out.append(_quotes(block["quotes"]))

    out.append(("h2", "Disagreement: measures both proposed and opposed"))
    out.append(("p", f"Measures with both PROPOSES and OPPOSES: {len(brief['disagreement'])}."))
    if brief["disagreement"]:
        out.append(("table", ["Measure", "Proposing actors", "Opposing actors", "Proposed by", "Opposed by"],
                    [[d["measure"], str(d["proposes"]["actors"]), str(d["opposes"]["actors"]),
                      ", ".join(d["proposes"]["actor_names"]), ", ".join(d["opposes"]["actor_names"])]
                     for d in brief["disagreement"]]))
        for d in brief["disagreement"]:
            out.append(("h3", f"{d['measure']}: for"))
            out.append(_quotes(d["quotes_for"]))
            out.append(("h3", f"{d['measure']}: against"))
            out.append(_quotes(d["quotes_against"]))

    out.append(("h2", "Existing practice (reported as examples)"))
    out.append(("p", f"Measures reported as existing practice: {len(brief['practice'])}."))
    if brief["practice"]:
        out.append(("table", ["Measure", "Reported by", "Actors", "Statements"],
                    [[p["measure"], ", ".join(f"{r['actor']} ({r['actor_type']})" for r in p["reported_by"]),
                      str(p["actors"]), str(p["statements"])] for p in brief["practice"]]))
        for p in brief["practice"][:scope["top"]]:
            out.append(("h3", p["measure"]))
            out.append(_quotes(p["quotes"]))

    out.append(("h2", "Groups concerned"))
    out.append(("p", f"Groups named in statements on the theme: {len(brief['groups'])}."))
    if brief["groups"]:
        out.append(("table", ["Group", "Kind", "Statements", "Actors", "Documents"],
                    [[g["group_name"], g["kind"] or "", str(g["statements"]), str(g["actors"]), str(g["documents"])]
                     for g in brief["groups"]]))

    out.append(("h2", "Documents that say nothing on the theme"))
    out.append(("p", f"Documents with no statement on the theme: {len(brief['documents_silent'])}."))
    if brief["documents_silent"]:
        out.append(("table", ["Document", "Title", "Author"],
                    [[d["id"], d["title"] or "", d["author"] or ""] for d in brief["documents_silent"]]))

    out.append(("h2", "Method"))
    out.append(("p", method["how"]))
    out.append(("h2", "Sources"))
    out.append(("table", ["Ref", "Document", "Title", "File", "Author"],
                [[f"[{s['number']}]", s["id"], s["title"] or "", s["file"] or "", s["author"] or ""]
                 for s in brief["sources"]]))
    return out


def tables(brief: dict[str, Any]) -> list[list[list[str]]]:
    """Every table of the brief, header row first: what each rendering holds."""
    return [[b[1], *b[2]] for b in blocks(brief) if b[0] == "table"]


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(brief: dict[str, Any]) -> str:
    lines: list[str] = []
    for b in blocks(brief):
        kind = b[0]
        if kind in ("h1", "h2", "h3"):
            lines += ["#" * int(kind[1]) + " " + b[1], ""]
        elif kind == "p":
            lines += [b[1], ""]
        elif kind == "table":
            lines.append("| " + " | ".join(map(_md_cell, b[1])) + " |")
            lines.append("|" + "---|" * len(b[1]))
            lines += ["| " + " | ".join(map(_md_cell, row)) + " |" for row in b[2]]
            lines.append("")
        elif kind == "quotes":
            for quote, cite, source in b[1]:
                lines += [f"> {quote}", ">", f"> — {cite} [{source}]", ""]
    return "\n".join(lines)


_CSS = """body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;
line-height:1.45}h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
h3{font-size:1.05rem}table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left;vertical-align:top}th{background:#eef2f6}
blockquote{margin:.5rem 0 .8rem;padding:.3rem .8rem;border-left:4px solid #19a979;background:#f6faf8}
blockquote footer{font-size:.85rem;color:#555;margin-top:.2rem}sup{font-size:.7rem}"""


def to_html(brief: dict[str, Any]) -> str:
    e = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="no"><head><meta charset="utf-8"><link rel="icon" href="data:,">',
             f"<title>{e(brief['theme']['name'])}: theme brief</title><style>{_CSS}</style></head><body>"]
    for b in blocks(brief):
        kind = b[0]
        if kind in ("h1", "h2", "h3"):
            parts.append(f"<{kind}>{e(b[1])}</{kind}>")
        elif kind == "p":
            parts.append(f"<p>{e(b[1])}</p>")
        elif kind == "table":
            head = "".join(f"<th>{e(h)}</th>" for h in b[1])
            body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in b[2])
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        elif kind == "quotes":
            for quote, cite, source in b[1]:
                parts.append(f'<blockquote><p class="quote">{e(quote)}</p><footer>— {e(cite)} '
                             f'<sup><a href="#source-{source}">[{source}]</a></sup></footer></blockquote>')
    parts.append("</body></html>")
    out = "\n".join(parts)
    # the sources table's reference cells become anchors for the quotes' links
    for s in brief["sources"]:
        n = s["number"]
        out = out.replace(f"<td>[{n}]</td>", f'<td id="source-{n}">[{n}]</td>', 1)
    return out


def to_docx(brief: dict[str, Any]) -> bytes:
    """A Word document: real headings (Heading 1–3), tables (Table Grid), quotes in the Quote style with a
    superscript reference to the numbered sources table.

    Paragraph styles are set by id and table rows copied from the first one, filled at the XML level:
    python-docx looks a style up by name through every style of the document, and measures each new cell's
    width, on every call, which made a brief of a thousand rows take seconds."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.title = f"Theme brief: {brief['theme']['name']}"
    doc.core_properties.created = doc.core_properties.modified = _FIXED_DATE
    style_ids = {name: doc.styles[name].style_id for name in ("Heading 1", "Heading 2", "Heading 3", "Quote")}

    def paragraph(text: str, style: str | None = None):  # noqa: ANN202 - a python-docx Paragraph
        p = doc.add_paragraph(text)
        if style:
            p._p.style = style_ids[style]
        return p

    for b in blocks(brief):
        kind = b[0]
        if kind in ("h1", "h2", "h3"):
            paragraph(b[1], f"Heading {kind[1]}")
        elif kind == "p":
            paragraph(b[1])
        elif kind == "table":
            _docx_table(doc, b[1], b[2])
            doc.add_paragraph()
        elif kind == "quotes":
            for quote, cite, source in b[1]:
                paragraph(quote, "Quote")
                p = paragraph(f"— {cite} ")
                ref = p.add_run(f"[{source}]")
                ref.font.superscript = True
                for run in p.runs:
                    run.font.size = Pt(9)
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


def _docx_table(doc: Any, header: list[str], rows: list[list[str]]) -> None:
    """A Table Grid table, its header bold: each row a copy of the empty first row (with the grid's widths)."""
    from copy import deepcopy

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.table import _Cell

    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    empty = deepcopy(table._tbl.tr_lst[0])
    for r, values in enumerate([header, *rows]):
        tr = table._tbl.tr_lst[0] if r == 0 else deepcopy(empty)
        if r:
            table._tbl.append(tr)
        for tc, value in zip(tr.tc_lst, values, strict=True):
            if "\n" in value or "\t" in value:  # line breaks and tabs: python-docx writes them as <w:br/>, <w:tab/>
                _Cell(tc, table).text = value
                if r == 0:
                    for run in _Cell(tc, table).paragraphs[0].runs:
                        run.bold = True
                continue
            run, text = OxmlElement("w:r"), OxmlElement("w:t")
            if r == 0:
                props = OxmlElement("w:rPr")
                props.append(OxmlElement("w:b"))
                run.append(props)
            text.text = value
            text.set(qn("xml:space"), "preserve")
            run.append(text)
            tc.p_lst[0].append(run)


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01, so the same brief gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def render(brief: dict[str, Any], fmt: str) -> bytes:
    """The brief in ``fmt`` (md, html, docx or json) as bytes."""
    if fmt == "md":
        return to_markdown(brief).encode("utf-8")
    if fmt == "html":
        return to_html(brief).encode("utf-8")
    if fmt == "docx":
        return to_docx(brief)
    if fmt == "json":
        import json

        return json.dumps(brief, ensure_ascii=False, indent=1).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
