"""Deterministic benchmark corpora: corpus paragraphs recombined under invented municipalities, and PDFs
laid out from the corpus texts (so PDF ingest can be compared with pdfminer.six alone)."""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
STEMS = ["Fjord", "Nord", "Sol", "Berg", "Elve", "Li", "Strand", "Dal", "Skog", "Myr", "Haug", "Stein", "Lund"]
ENDINGS = ["vik", "dal", "berg", "heim", "stad", "øy", "nes", "vang", "rud", "bø"]
# names in the corpus that become the invented sender, so speakers vary like in a real consultation
SENDERS = re.compile(r"Ringsaker kommune|Helsefellesskapet Troms og Ofoten|Sykehuset Østfold(?: HF)?")
LINES_PER_PAGE = 45


def _paragraphs() -> list[str]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        for para in re.split(r"\n\s*\n", path.read_text("utf-8")):
            if len(para.strip()) >= 60 and "\f" not in para:
                out.append(para.strip())
    return out


def synthetic_corpus(n: int, folder: Path, seed: int = 2022) -> Path:
    """``n`` submissions of 10-20 corpus paragraphs each, under varied municipality names."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = _paragraphs()
    rng = random.Random(seed)
    for i in range(n):
        place = rng.choice(STEMS) + rng.choice(ENDINGS)
        body = [SENDERS.sub(f"{place} kommune", p) for p in rng.sample(paragraphs, rng.randint(10, 20))]
        text = (f"Innspill fra {place} kommune til Nasjonal helse- og samhandlingsplan\n\n"
                "Hvilke tiltak er aktuelle?\n\n" + "\n\n".join(body) + f"\n\nMed hilsen\n{place} kommune\n")
        (folder / f"{place.lower()}-kommune-innspill-{i:04d}.txt").write_text(text, "utf-8")
    return folder


def corpus_pdfs(texts: list[Path], folder: Path) -> list[Path]:
    """Each corpus text laid onto A4 pages (45 lines each) with a 'Side N av M' footer."""
    from tests.pdfs import make_pdf

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for path in texts:
        lines = [ln.replace("\f", "") for ln in path.read_text("utf-8").splitlines()]
        pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
        out.append(make_pdf(folder / (path.stem + ".pdf"), pages, footer=f"Side {{n}} av {len(pages)}"))
    return out
