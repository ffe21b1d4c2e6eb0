"""The one slug function and the one name normaliser: ids, file-name matching, vocabulary lookup, curator
decisions and the gold scorer all go through these two."""

from __future__ import annotations

import re
import unicodedata

# organisation-form suffixes a name may carry or drop ("Sykehuset Østfold HF", "Lovisenberg Diakonale Sykehus AS")
ORG_SUFFIXES = ("hf", "rhf", "as")
_SUFFIX = re.compile(r"\s+(?:" + "|".join(ORG_SUFFIXES) + r")$")


def slugify(text: str) -> str:
    """ASCII id of a name: "Helse Sør-Øst RHF" → "helse-sor-ost-rhf" (æ → ae, ø → o, å → a, accents dropped)."""
    text = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
                                 .replace("Æ", "Ae").replace("å", "a").replace("Å", "A"))
    text = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


# a body of a municipality named by its place, with or without the word for the municipality: "Eldrerådet i
# Bjørnafjorden kommune" is "Eldrerådet i Bjørnafjorden" ("Verdal kommune" alone keeps it: it is the name)
_SHORT_NAME = re.compile(r"\s*\((?-i:[A-ZÆØÅ])[\wÆØÅæøå-]{1,14}\)$")  # "… samhandling (SESAM)": the short name it adds
_OF_MUNICIPALITY = re.compile(r"(\s+i\s+[^\s,]+(?:\s+og\s+[^\s,]+)?)\s+(?:kommune|herad)$")


def normal_name(name: str) -> str:
    """Key under which two spellings of one actor meet: spaces collapsed, lower case, no HF/RHF/AS suffix, no
    "kommune" after a municipal body's place, no short name in brackets after the name."""
    name = _SHORT_NAME.sub("", re.sub(r"\s+", " ", name).strip()) or name
    return _OF_MUNICIPALITY.sub(r"\1", _SUFFIX.sub("", name.lower()))
