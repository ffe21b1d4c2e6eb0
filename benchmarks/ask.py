"""``python -m benchmarks.ask [--set dev,heldout] [--graph embedded:/tmp/q] [--failures] [--misses]
[--with-heldout]``: ``ask`` beside a plain BM25-over-sentences baseline on the development questions
(``tests/fixtures/questions``), in Norwegian and English, per question class. The graph is the bundled corpus and
the development set loaded together; with ``--with-heldout`` also the held-out documents (``tests/fixtures/heldout``),
for the questions about them (``--set heldout-J``).

With ``--misses``, why the stance questions' expected actors were missed, counted (``graph.ask_misses``): not
stated or stated as another kind of statement (extraction), or stated in other words, by how much of the statement the
question's words hold (retrieval). No question is named, so a held-out set is diagnosed without being read.

Figures, not pass/fail: the targets are in the ask issue and the README.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.ask_eval import LANGUAGES, Bm25Baseline, evaluate, load_questions, summary

if TYPE_CHECKING:
    from graph.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "data" / "corpus", ROOT / "tests" / "fixtures" / "genre"]
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
QUESTIONS = ROOT / "tests" / "fixtures" / "questions"


def _reason(why: str) -> str:
    """A failure's kind, without the question or its actors (for held-out sets, whose misses nobody reads)."""
    return next((kind for kind in ("missing", "wrong", "no expected quote", "expected nothing", "actors, expected")
                 if kind in why), "other")


def _print(name: str, results: dict, failures: bool, by_class: bool = False) -> None:
    s = summary(results)
    line = "  ".join(f"{lang} {v['correct']}/{v['total']} = {v['share']:.3f}" for lang, v in s.items())
    print(f"  {name:<10}{line}")
    classes: dict[str, Counter] = {}
    reasons: dict[str, Counter] = {}
    for lang, outcomes in results.items():
        for o in outcomes:
            reasons.setdefault(lang, Counter()).update({_reason(w) for w in o.why})
            c = classes.setdefault(o.cls, Counter())
            c[f"{lang}_ok"] += o.ok
            c[f"{lang}_n"] += 1
    if failures or by_class:
        for cls, c in sorted(classes.items()):
            print(f"      {cls:<18}" + "  ".join(f"{lang} {c[lang + '_ok']}/{c[lang + '_n']}" for lang in ("no", "en")))
        for lang, kinds in reasons.items():
            print(f"      failed {lang}: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    if failures:
        for lang, v in s.items():
            for f in v["failed"]:
                print(f"      ✗ {lang} {f['id']} [{f['class']}] {f['question'][:80]} — {'; '.join(f['why'])[:120]}")


def _print_misses(store: GraphStore, questions: list[dict[str, Any]], asked: dict[tuple, dict[str, Any]]) -> None:
    """``asked``: ``ask``'s whole result per question and scope, as the scoring asked it."""
    from graph.ask_misses import miss_kinds

    for lang in LANGUAGES:
        kinds: Counter = Counter()
        for q in questions:
            out = asked[(q[f"question_{lang}"], tuple(q.get("documents") or ()))]
            kinds.update(miss_kinds(store, q, lang, out))
        print(f"      missed {lang}: " + (", ".join(f"{k} {n}" for k, n in kinds.most_common()) or "none"))


def main() -> None:
    from graph.ask import ask
    from graph.extract.vocab import load_vocabulary
    from graph.ingest import ingest
    from graph.store import open_store

    p = argparse.ArgumentParser()
    p.add_argument("--set", default="dev,heldout", help="question files to score (comma-separated)")
    p.add_argument("--graph", default=None, help="an existing graph of corpus + development set (else built)")
    p.add_argument("--failures", action="store_true", help="list every failed question")
    p.add_argument("--by-class", action="store_true",
                   help="scores per question class and kinds of failure, no question named (for held-out sets)")
    p.add_argument("--misses", action="store_true",
                   help="why expected actors of stance questions were missed, counted, no question named")
    p.add_argument("--no-baseline", action="store_true")
    p.add_argument("--with-heldout", action="store_true", help="also load the held-out documents")
    args = p.parse_args()
    folders = FOLDERS + ([HELDOUT] if args.with_heldout else [])
    vocab = load_vocabulary()
    baseline = None if args.no_baseline else Bm25Baseline(
        sorted(f for folder in folders for f in folder.glob("*.txt")))
    with tempfile.TemporaryDirectory(prefix="innspill-ask-") as tmp:
        with open_store(args.graph or f"embedded:{tmp}") as store:
            if not args.graph:
                ingest(store, folders)
            asked: dict[tuple, dict[str, Any]] = {}  # ask's whole result, kept for --misses: each question asked once

            def answerer(q: str, docs: list[str] | None) -> list[dict[str, Any]]:
                asked[(q, tuple(docs or ()))] = out = ask(store, q, documents=docs, vocab=vocab)
                return out["answers"]

            for name in args.set.split(","):
                questions = load_questions(QUESTIONS, name)
                print(f"{name}: {len(questions)} questions")
                _print("ask", evaluate(questions, answerer), args.failures, args.by_class)
                if args.misses:
                    _print_misses(store, questions, asked)
                if baseline:
                    _print("bm25", evaluate(questions, baseline), False)


if __name__ == "__main__":
    main()
