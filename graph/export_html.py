"""A standalone HTML picture of the graph (pyvis), that opens with no network at all.

pyvis 0.3.2 with ``cdn_resources="in_line"`` inlines vis-network but still links Bootstrap from a CDN
and a ``../node_modules`` path; those tags are removed and vis-network's stylesheet is inlined instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from graph.store import GraphStore
from graph.subgraph import subgraph

VIS_CSS = Path(__file__).resolve().parent.parent / "api" / "static" / "vendor" / "vis-network.css"
COLORS = {"Actor": "#e8743b", "Measure": "#19a979", "Theme": "#5899da", "Group": "#bf399e", "Document": "#6c8893"}
SHAPES = {"Actor": "dot", "Measure": "diamond", "Theme": "box", "Group": "triangle", "Document": "square"}
EDGE_COLORS = {"PROPOSES": "#e8743b", "OPPOSES": "#d62728", "REPORTS_AS_EXAMPLE": "#19a979", "CONCERNS": "#9fb6cc"}
DASHED = {"OPPOSES"}  # opposition is drawn red and dashed, as in the explorer
_EXTERNAL = re.compile(r"<script[^>]*\ssrc=\"[^\"]*\"[^>]*>\s*</script>|<link[^>]*\shref=\"[^\"]*\"[^>]*>", re.S)


def graph_for(store: GraphStore, theme: str | None = None, actor: str | None = None) -> dict:
    """The whole actor-measure-theme graph, or only what concerns one theme, or one actor's neighbourhood."""
    if actor:
        return subgraph(store, actor, 1)
    g = subgraph(store, whole=True)
    if theme:
        keep = {n["id"] for n in g["nodes"] if theme in n["themes"] or n["id"] == theme}
        g["nodes"] = [n for n in g["nodes"] if n["id"] in keep]
        g["edges"] = [e for e in g["edges"] if e["source"] in keep and e["target"] in keep]
    return g


def export_html(store: GraphStore, theme: str | None = None, actor: str | None = None,
                height: str = "800px") -> str:
    from pyvis.network import Network

    g = graph_for(store, theme, actor)
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line")
    for n in g["nodes"]:
        net.add_node(n["id"], label=n["name"][:40], title=f"{n['label']}: {n['name']}", color=COLORS[n["label"]],
                     shape=SHAPES[n["label"]])
    for e in g["edges"]:
        net.add_edge(e["source"], e["target"], title=f"{e['type']} ({e['count']} statements)",
                     color=EDGE_COLORS.get(e["type"], "#b0b0b0"), value=e["count"], dashes=e["type"] in DASHED)
    net.toggle_physics(True)
    html = _EXTERNAL.sub("", net.generate_html())
    css = VIS_CSS.read_text("utf-8") if VIS_CSS.is_file() else ""
    return html.replace("</head>", f"<style>{css}</style></head>", 1)
