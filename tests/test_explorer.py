"""The explorer and the pyvis export in a real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from api.app import create_app
from graph.export_html import export_html
from graph.ingest import ingest
from graph.store.embedded import EmbeddedStore

from .conftest import CORPUS, ROOT, served
from .pdfs import make_pdf
from .test_opposition import write_letters

OUT = ROOT / "test-output"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("explorer")
    store = EmbeddedStore(folder / "graph", graph_name="explorer")
    # a PDF submission, so the evidence shown in the browser has real page numbers
    pdf = make_pdf(folder / "pdfvik.pdf", [
        ["Innspill fra Pdfvik kommune", "", "Vi mener at pasientens behov må stå i sentrum."],
        ["Er dere kjent med gode eksempler?", "", "• Pdfvik kommune har etablert et FACT-team for unge."],
    ], footer="Side {n} av 2")
    # and two invented letters, so that the graph has OPPOSES edges (the corpus opposes nothing)
    report = ingest(store, [CORPUS, pdf, *write_letters(folder / "letters")])
    assert not report.failures
    with served(create_app(store)) as (url, _):
        yield {"url": url, "store": store}
    store.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        pytest.fail("Debian chromium is not installed: run `make setup` (it installs it) or apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def _watch(page, allowed: tuple[str, ...]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {"errors": [], "external": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(allowed) else seen["external"].append(r.url))
    return seen


def _click_node(page, node_id: str) -> None:
    x, y = page.evaluate("""(id) => {
        const n = explorer.network;
        const d = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return [d.x + r.left, d.y + r.top];
    }""", node_id)
    page.mouse.click(x, y)


def test_explorer_in_headless_chromium(server, browser) -> None:
    OUT.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    seen = _watch(page, (server["url"], "data:", "blob:"))
    page.goto(server["url"] + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)
    assert page.evaluate("explorer.nodeView.length") > 10  # the start view: most-proposed measures, proposers
    assert page.locator("#graph canvas").count() == 1
    assert page.locator("#legend li").count() >= 5

    page.fill("#search", "FACT")  # search with suggestions from the API
    assert page.locator("#suggestions option[value='FACT']").count() == 1
    page.press("#search", "Enter")
    page.wait_for_function("explorer.network.getSelectedNodes()[0] === 'fact'", timeout=10_000)
    page.wait_for_selector("#panel .evidence", timeout=10_000)
    page.wait_for_timeout(800)  # the focus animation

    page.evaluate("document.querySelector('#panel').replaceChildren()")
    _click_node(page, "fact")  # a real click on the drawn node opens its evidence
    page.wait_for_selector("#panel .evidence", timeout=10_000)
    panel = page.inner_text("#panel")
    assert "FACT-team for unge" in panel and "p. 2" in panel
    page.screenshot(path=str(OUT / "explorer.png"))

    before = page.evaluate("explorer.nodeView.length")
    page.uncheck("#type-Measure")  # a filter hides nodes
    after = page.evaluate("explorer.nodeView.length")
    assert after < before
    assert page.evaluate("explorer.nodeView.get().filter(n => n.group === 'Measure').length") == 0
    page.check("#type-Measure")
    page.select_option("#theme-filter", "psykisk-helse-rus")
    themed = page.evaluate("explorer.nodeView.get().filter(n => n.group !== 'Theme')")
    assert themed and all("psykisk-helse-rus" in n["themes"] for n in themed)

    # OPPOSES: a legend entry, a filter, its own colour and dashes, "opposes" in the relation panel
    assert page.locator("#legend li[data-edge=OPPOSES]").inner_text() == "opposes"
    assert page.locator("#legend li[data-edge=OPPOSES] .swatch.dashed").count() == 1
    page.select_option("#theme-filter", "")
    page.fill("#search", "hjemmesykehus")
    page.press("#search", "Enter")
    page.wait_for_function("explorer.network.getSelectedNodes()[0] === 'hjemmesykehus'", timeout=10_000)
    page.wait_for_selector("#panel .relation", timeout=10_000)
    opposes = "testvik-kommune|OPPOSES|hjemmesykehus"
    drawn = page.evaluate("""(id) => {
        const e = explorer.network.body.edges[id];
        return e && explorer.edgeView.get(id) ? {dashes: e.options.dashes, color: e.options.color.color} : null;
    }""", opposes)
    assert drawn == {"dashes": True, "color": "#d62728"}, drawn
    assert page.evaluate("explorer.edgeView.get('nordvik-kommune|PROPOSES|hjemmesykehus').dashes") is False
    assert "opposes: Testvik kommune" in page.inner_text("#panel")
    assert "proposes: Nordvik kommune" in page.inner_text("#panel")
    page.screenshot(path=str(OUT / "explorer-opposes.png"))
    page.uncheck("#edge-OPPOSES")  # the relation filter hides the edge, the nodes stay
    assert page.evaluate(f"explorer.edgeView.get('{opposes}')") is None
    assert page.evaluate("explorer.nodeView.get('testvik-kommune') !== null")
    page.check("#edge-OPPOSES")
    assert page.evaluate(f"explorer.edgeView.get('{opposes}') !== null")

    # a discovered measure: a legend entry, a dashed outline, "discovered in the documents" and its wordings
    legend = page.locator("#legend li[data-origin=discovered]")
    assert "discovered in the documents" in legend.inner_text() and "dashed" in legend.inner_text()
    assert legend.locator(".swatch.dashed-outline").count() == 1
    assert page.evaluate("getComputedStyle(document.querySelector('#legend li[data-origin=discovered] .swatch'))"
                         ".borderTopStyle") == "dashed"
    found = server["store"].query(
        "MATCH (a:Actor)-[:PROPOSES]->(m:Measure {origin: 'discovered'}) WHERE m.broader IS NULL "
        "WITH m, count(DISTINCT a) AS n ORDER BY n DESC, m.id LIMIT 1 RETURN m.id AS id, m.name AS name, "
        "m.aliases AS aliases")[0]
    page.fill("#search", found["name"])
    page.press("#search", "Enter")
    page.wait_for_function("(id) => explorer.network.getSelectedNodes()[0] === id", arg=found["id"], timeout=10_000)
    page.wait_for_selector("#panel .wordings li", timeout=10_000)
    dashes = page.evaluate("""(id) => {
        const n = explorer.network.body.nodes[id];
        return {dashes: n.options.shapeProperties.borderDashes, origin: explorer.nodes.get(id).origin};
    }""", found["id"])
    assert dashes["origin"] == "discovered" and dashes["dashes"], dashes
    assert page.evaluate("explorer.network.body.nodes['hjemmesykehus'].options.shapeProperties.borderDashes") \
        is False  # a vocabulary measure keeps its solid outline
    panel = page.inner_text("#panel")
    assert "discovered in the documents" in panel
    assert set(page.locator("#panel .wordings li").all_inner_texts()) >= {found["name"], *found["aliases"]}
    page.screenshot(path=str(OUT / "explorer-discovered.png"))

    page.click("#whole-graph")  # the whole corpus graph draws and settles
    page.wait_for_function("explorer.nodes.length > 100", timeout=20_000)
    page.fill("#ask", "Who proposes combined positions for midwives?")
    page.press("#ask", "Enter")
    # the panel still shows the measure selected before until the answer arrives: wait for the answer itself
    page.wait_for_function("document.querySelector('#panel').innerText.includes('Helse Sør-Øst RHF')",
                           timeout=15_000)
    assert page.locator("#panel .evidence").count() > 0
    page.screenshot(path=str(OUT / "explorer-whole.png"))
    assert not seen["errors"], seen["errors"]
    assert not seen["external"], seen["external"]
    page.close()


def test_pyvis_export_opens_offline(server, browser, tmp_path: Path) -> None:
    html = tmp_path / "graph.html"
    html.write_text(export_html(server["store"], theme="psykisk-helse-rus"), "utf-8")
    page = browser.new_page()
    seen = _watch(page, ("file://", "data:", "blob:"))
    page.goto(html.as_uri())
    page.wait_for_function("typeof network !== 'undefined' && network.body.data.nodes.length > 0", timeout=20_000)
    names = page.evaluate("network.body.data.nodes.get().map(n => n.title)")
    assert any("FACT" in n for n in names)
    page.screenshot(path=str(OUT / "pyvis.png"))
    assert not seen["external"], seen["external"]
    assert not seen["errors"], seen["errors"]
    page.close()


def test_api_docs_render_offline(server, browser) -> None:
    """/docs (Swagger UI) and /redoc render from the vendored assets with every other host blocked."""
    context = browser.new_context()
    blocked: list[str] = []

    def only_local(route) -> None:  # noqa: ANN001 - a Playwright route
        if route.request.url.startswith((server["url"], "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    seen = _watch(page, (server["url"], "data:", "blob:"))
    page.goto(server["url"] + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert "Innspill Graph API" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".swagger-ui .opblock").count() >= 15  # every endpoint
    page.screenshot(path=str(OUT / "docs.png"))

    page.goto(server["url"] + "/redoc")
    page.wait_for_selector("h1", timeout=20_000)
    assert "Innspill Graph API" in page.inner_text("h1")
    assert page.locator("[data-section-id^='tag/']").count() >= 3  # the tags: meta, recipes, questions …
    assert not blocked and not seen["external"], blocked + seen["external"]
    assert not seen["errors"], seen["errors"]
    context.close()
