"""Theme briefs (graph/brief.py, graph/brief_render.py, `innspill brief`, GET /v1/briefs/{theme}) on the bundled
corpus and on the invented letters of tests/test_opposition.py: every quote verbatim from its document, every
count the recipe's count, the Word file's tables those of the Markdown, the HTML brief in headless Chromium."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.brief import BriefError, build_brief
from graph.brief_render import tables, to_markdown
from graph.ingest import ingest
from graph.recipes import load_recipes, run_recipe
from graph.store.embedded import EmbeddedStore
from loaders.load import load_document

from .conftest import CORPUS, OUTPUT, ROOT, served
from .test_explorer import CHROMIUM, _watch
from .test_opposition import OPPOSED_QUOTE, write_letters

THEME = "digitalisering"
RECIPES = load_recipes(ROOT / "cypher")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("brief")
    store = EmbeddedStore(folder / "graph", graph_name="brief")
    report = ingest(store, [CORPUS])
    assert not report.failures
    yield store
    store.close()


@pytest.fixture(scope="module")
def brief(corpus) -> dict:
    return build_brief(corpus, THEME)


def _all_quotes(b: dict) -> list[dict]:
    return ([q for block in b["quotes"] for q in block["quotes"]]
            + [q for d in b["disagreement"] for q in d["quotes_for"] + d["quotes_against"]]
            + [q for p in b["practice"] for q in p["quotes"]])


def _texts(folder: Path) -> dict[str, str]:
    docs = [load_document(p) for p in sorted(folder.glob("*.txt"))]
    return {d.id: d.text for d in docs}


def test_every_quote_is_verbatim_from_its_document(brief) -> None:
    texts = _texts(CORPUS)
    quotes = _all_quotes(brief)
    assert len(quotes) >= 20
    for q in quotes:
        assert texts[q["document"]][q["start"]:q["start"] + len(q["quote"])] == q["quote"], q
    # every cited document is in the sources, under the number the quote gives
    numbers = {s["id"]: s["number"] for s in brief["sources"]}
    assert all(numbers[q["document"]] == q["source"] for q in quotes)
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))


def test_quotes_cover_different_actors_and_are_not_near_duplicates(brief) -> None:
    from rapidfuzz import fuzz

    by_id = {m["id"]: m for m in brief["measures"]}
    assert len(brief["quotes"]) == 10
    for block in brief["quotes"]:
        quotes = block["quotes"]
        assert 1 <= len(quotes) <= 3
        if by_id[block["measure_id"]]["statements"] >= 2:
            assert len(quotes) >= 2, block
        # different actors first: as many distinct actors as the measure has, up to the number of quotes
        assert len({q["actor_id"] for q in quotes}) == min(len(quotes), by_id[block["measure_id"]]["actors"])
        for i, a in enumerate(quotes):
            for b in quotes[i + 1:]:
                assert fuzz.token_set_ratio(a["quote"], b["quote"]) < 85


def test_every_count_equals_the_recipes(corpus, brief) -> None:
    ranked = run_recipe(corpus, RECIPES["measures_by_theme"], {"theme": THEME, "limit": 100_000})
    assert [(r["measure_id"], r["actors"], r["statements"]) for r in ranked] == \
        [(m["id"], m["actors"], m["statements"]) for m in brief["measures"]]
    for m in brief["measures"][:10]:
        rows = run_recipe(corpus, RECIPES["support_by_actor_type"], {"measure": m["id"]})
        assert m["by_actor_type"] == {r["actor_type"]: r["actors"] for r in rows if r["relation"] == "PROPOSES"}
    table = brief["backers_by_actor_type"]
    for row in table["rows"]:
        assert sum(row["by_actor_type"].values()) == row["actors"]  # one type per actor
    examples = run_recipe(corpus, RECIPES["measures_by_theme"], {"theme": THEME, "relation": "REPORTS_AS_EXAMPLE",
                                                                  "narrower": True, "limit": 100_000})
    assert sorted((r["measure_id"], r["actors"], r["statements"]) for r in examples) == \
        sorted((p["measure_id"], p["actors"], p["statements"]) for p in brief["practice"])
    assert brief["practice"]
    # the corpus opposes nothing: no disagreement
    assert brief["disagreement"] == []
    # groups: the statements on the theme that mention each group
    for g in brief["groups"]:
        n = corpus.query("MATCH (s:Statement)-[:CONCERNS]->(:Theme {id: $t}) MATCH (s)-[:MENTIONS]->(:Group {id: $g}) "
                         "RETURN count(DISTINCT s) AS c", {"t": THEME, "g": g["group_id"]})[0]["c"]
        assert g["statements"] == n
    assert brief["groups"]
    method = brief["method"]
    assert method["documents_in_scope"] == 5 == method["documents_on_theme"] + method["documents_silent"]
    assert method["measures_ranked"] == len(ranked)
    assert method["graph_date"] != ""


def test_the_same_graph_gives_the_same_brief(corpus, brief) -> None:
    from graph.brief_render import render

    again = build_brief(corpus, THEME)
    assert again == brief
    for fmt in ("md", "html", "docx", "json"):
        assert render(again, fmt) == render(brief, fmt)


def test_scope_by_actor_type_and_document(corpus) -> None:
    kommune = build_brief(corpus, THEME, actor_type="kommune")
    assert kommune["measures"]
    assert all(set(m["by_actor_type"]) == {"kommune"} for m in kommune["measures"])
    assert all(q["actor_type"] == "kommune" for q in _all_quotes(kommune))
    doc = "ringsaker-kommune-innspill-nhsp-2022"
    one = build_brief(corpus, THEME, documents=[doc])
    assert one["method"]["documents_in_scope"] == 1
    assert all(q["document"] == doc for q in _all_quotes(one))
    with pytest.raises(BriefError):
        build_brief(corpus, "no-such-theme")
    with pytest.raises(BriefError):
        build_brief(corpus, THEME, documents=["no-such-document"])


def test_disagreement_on_invented_letters(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "graph", graph_name="brief-letters")
    try:
        letters = write_letters(tmp_path / "letters")
        assert not ingest(store, letters).failures
        theme = store.query("MATCH (:Measure {id: 'hjemmesykehus'})-[:CONCERNS]->(t:Theme) RETURN t.id AS id "
                            "ORDER BY id LIMIT 1")[0]["id"]
        b = build_brief(store, theme)
        [d] = [d for d in b["disagreement"] if d["measure_id"] == "hjemmesykehus"]
        assert d["proposes"]["actor_names"] == ["Nordvik kommune"]
        assert d["opposes"]["actor_names"] == ["Testvik kommune"]
        assert [q["quote"] for q in d["quotes_against"]] == [OPPOSED_QUOTE]
        assert d["quotes_against"][0]["page"] == 2
        texts = _texts(tmp_path / "letters")
        for q in _all_quotes(b):
            assert texts[q["document"]][q["start"]:q["start"] + len(q["quote"])] == q["quote"]
        md = to_markdown(b)
        assert "| hjemmesykehus | 1 | 1 | Nordvik kommune | Testvik kommune |" in md
        # opposition never counts as backing
        assert all("Testvik kommune" not in m["actor_names"] for m in b["measures"] if m["id"] == "hjemmesykehus")
    finally:
        store.close()


def _cli(corpus, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "INNSPILL_GRAPH": f"embedded:{corpus.folder}", "INNSPILL_GRAPH_NAME": "brief"}
    return subprocess.run([sys.executable, "-m", "innspill", "brief", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=env)


def test_cli_md_and_docx_hold_the_same_tables(corpus, brief, tmp_path: Path) -> None:
    import docx

    md, word = tmp_path / "brief.md", tmp_path / "brief.docx"
    for fmt, out in (("md", md), ("docx", word)):
        run = _cli(corpus, "--theme", THEME, "--format", fmt, "--out", str(out))
        assert run.returncode == 0, run.stderr
    text = md.read_text("utf-8")
    assert text == to_markdown(brief)
    expected = tables(brief)
    for quote in _all_quotes_in_reading_order(brief):
        assert f"> {quote['quote']}" in text
    document = docx.Document(str(word))
    got = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    assert got == expected
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Theme brief: Digitalisering"
    assert "Existing practice (reported as examples)" in headings and "Sources" in headings
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert quotes == [q["quote"] for q in _all_quotes_in_reading_order(brief)]
    # the Markdown's tables are the same rows
    for t in expected:
        assert "| " + " | ".join(c.replace("|", "\\|") for c in t[0]) + " |" in text
    bad = _cli(corpus, "--theme", "no-such-theme", "--format", "md")
    assert bad.returncode == 1 and "no theme with id 'no-such-theme'" in bad.stderr


def _all_quotes_in_reading_order(b: dict) -> list[dict]:
    out = [q for block in b["quotes"] for q in block["quotes"]]
    for d in b["disagreement"]:
        out += d["quotes_for"] + d["quotes_against"]
    for p in b["practice"][:b["scope"]["top"]]:
        out += p["quotes"]
    return out


def test_api_endpoint(corpus, brief) -> None:
    import docx

    with TestClient(create_app(corpus)) as client:
        r = client.get(f"/v1/briefs/{THEME}", params={"format": "json"})
        assert r.status_code == 200
        assert r.json() == json.loads(json.dumps(brief))
        md = client.get(f"/v1/briefs/{THEME}", params={"format": "md"})
        assert md.headers["content-type"].startswith("text/markdown") and md.text == to_markdown(brief)
        html = client.get(f"/v1/briefs/{THEME}")
        assert html.headers["content-type"].startswith("text/html") and "<table>" in html.text
        word = client.get(f"/v1/briefs/{THEME}", params={"format": "docx"})
        assert word.status_code == 200 and "attachment" in word.headers["content-disposition"]
        assert len(docx.Document(io.BytesIO(word.content)).tables) == len(tables(brief))
        scoped = client.get(f"/v1/briefs/{THEME}", params={"format": "json", "actor_type": "kommune"}).json()
        assert scoped["scope"]["actor_type"] == "kommune"
        missing = client.get("/v1/briefs/no-such-theme")
        assert missing.status_code == 404
        assert missing.json() == {"error": {"code": "not_found", "message": "no theme with id 'no-such-theme'"}}
        assert client.get(f"/v1/briefs/{THEME}", params={"format": "pdf"}).json()["error"]["code"] == \
            "invalid_parameters"


def test_html_brief_from_the_explorer_in_headless_chromium(corpus) -> None:
    if not CHROMIUM:
        pytest.fail("Debian chromium is not installed: run `make setup` (it installs it) or apt-get install chromium")
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(exist_ok=True)
    with served(create_app(corpus)) as (url, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        seen = _watch(page, (url,))
        page.goto(url)
        page.wait_for_function("explorer.nodes.length > 0", timeout=20_000)
        page.evaluate(f"focus('{THEME}')")  # the theme's panel, as a click on it opens it
        link = page.wait_for_selector("#brief-links a[data-format=html]", timeout=10_000)
        href = link.get_attribute("href")
        assert href == f"/v1/briefs/{THEME}?format=html"
        assert page.locator("#brief-links a").count() == 3
        page.goto(url + href)
        page.wait_for_selector("blockquote", timeout=10_000)
        assert page.locator("h1").inner_text() == "Theme brief: Digitalisering"
        assert page.locator("table").count() == len(tables(build_brief(corpus, THEME)))
        page.screenshot(path=str(OUTPUT / "brief.png"))
        page.locator("blockquote").first.scroll_into_view_if_needed()
        page.screenshot(path=str(OUTPUT / "brief-quotes.png"))
        assert not seen["external"], seen["external"]
        assert not seen["errors"], seen["errors"]
        browser.close()
