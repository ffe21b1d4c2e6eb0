"""Read a Norwegian or English question into an intent and parameters: templates + vocabulary, no LLM.

The vocabulary does the heavy lifting (measures, groups, actors in bokmål, nynorsk and English); the
templates in ``questions.yaml`` only decide what is asked (who / what / whether) and about which relation.
What the vocabulary does not know is kept as a phrase and looked for in the statements' text, so a
question about an unnamed initiative still finds its quotes instead of failing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph.extract.vocab import Entry, Matcher, Vocabulary
from graph.relations import STANCE_RELATIONS

RELATIONS = STANCE_RELATIONS
# the intent of a "who …" question about exactly one relation; any other mix asks who_states
WHO_INTENT = {"PROPOSES": "who_proposes", "OPPOSES": "who_opposes", "REPORTS_AS_EXAMPLE": "who_reports_example"}
# possessive endings ("Helse Sør-Østs", "Sunnaas'", "SiV's") blanked to spaces, so offsets stay the same
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])(?:'s|s'|'|s)(?=[\s,.?!;:]|$)")
_QUOTED = re.compile(r"«([^»]{2,80})»|[\"“]([^\"”]{2,80})[\"”]|(?:^|(?<=[\s(]))['‘]([^']{2,80})['’](?=[\s,.?!)]|$)")
_CLAUSE_END = re.compile(r",\s*(?:og|and|eller|or|men|but)\b|[?;!]|\s+(?:og|and)\s+(?:hva|hvem|hvordan|hvor|"
                         r"what|who|how|where|is|finnes)\b", re.I)


@dataclass
class Interpretation:
    """What was understood; ``as_dict`` is the ``interpretation`` object of the ask contract."""

    intent: str
    language: str
    relations: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    phrase: str | None = None
    actor: str | None = None
    named: str | None = None  # a second actor the statements must name ("… sammen med NAV")
    actor_types: list[str] = field(default_factory=list)  # "Hvilken fagforening …", "Which hospitals …"
    groups: list[str] = field(default_factory=list)
    theme: str | None = None
    authors: list[str] = field(default_factory=list)
    discovered: list[str] = field(default_factory=list)  # measures matched among those found in the documents
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if v not in (None, [])}
        if len(self.measures) == 1:
            out["measure"] = self.measures[0]
        if len(self.groups) == 1:
            out["group"] = self.groups[0]
        recipe = self.recipe()
        if recipe:
            out["recipe"] = {"name": recipe[0], "params": recipe[1]}
        return out

    def recipe(self) -> tuple[str, dict[str, str]] | None:
        """The canned recipe that asks the same thing, for users who want to rerun or adapt it."""
        rel = self.relations[0] if len(self.relations) == 1 else None
        if self.intent == "who_proposes" and len(self.measures) == 1 and len(self.groups) <= 1:
            return "who_proposes", {"measure": self.measures[0], "group": self.groups[0] if self.groups else ""}
        if self.intent == "who_opposes" and len(self.measures) == 1 and len(self.groups) <= 1:
            return "who_opposes", {"measure": self.measures[0], "group": self.groups[0] if self.groups else ""}
        if self.intent == "who_reports_example" and len(self.measures) == 1 and not self.groups:
            return "who_reports_example", {"measure": self.measures[0]}
        if self.intent == "what_does_actor_propose" and rel and not (self.measures or self.theme or self.groups):
            return "what_actor_proposes", {"actor": self.actor or "", "relation": rel}
        if self.intent in ("measures_by_theme", "actors_by_theme") and rel and self.theme and not self.actor:
            return self.intent, {"theme": self.theme, "relation": rel}
        return None


@lru_cache(maxsize=1)
def templates() -> dict[str, Any]:
    data = yaml.safe_load(Path(__file__).with_name("questions.yaml").read_text("utf-8"))
    data["stop"] = {w for words in data["stop_words"].values() for w in words}
    return data


@lru_cache(maxsize=8)
def _actor_matcher(known: tuple[tuple[str, str, tuple[str, ...]], ...]) -> Matcher:
    return Matcher([Entry(i, n, "actor", {}, list(a)) for i, n, a in known], suffix=1)


def _find(matcher: Matcher, text: str) -> list[tuple[str, int, int]]:
    """Hits in the text as written and with possessive endings blanked, longest first, no overlaps."""
    hits = matcher.find(text) + matcher.find(_POSSESSIVE.sub(lambda m: " " * len(m[0]), text))
    hits.sort(key=lambda h: (h[1], -(h[2] - h[1])))
    out, end = [], -1
    for h in hits:
        if h[1] >= end:
            out.append(h)
            end = h[2]
    return out


def _mask(text: str, hits: list[tuple[str, int, int]]) -> str:
    for _, s, e in hits:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _theme(text: str, themes: list[dict]) -> str | None:
    """The theme whose name or longest keyword the question uses (a longer stem is a surer sign)."""
    low, best = text.lower(), (0, None)
    for t in themes:
        if t["id"] == "unclassified":
            continue
        for kw in [t["name"].lower(), (t.get("name_en") or "").lower(), *t.get("keywords", [])]:
            if kw and len(kw) >= 4 and re.search(rf"(?<![^\W\d_]){re.escape(kw.lower())}", low):
                best = max(best, (len(kw), t["id"]), key=lambda b: b[0])
    return best[1]


def _only_theme_words(words: str, theme: str, themes: list[dict]) -> bool:
    """True when every topic word left is one of the theme's own words (name, English name, keywords)."""
    t = next(x for x in themes if x["id"] == theme)
    stems = [k.lower() for k in [*t.get("keywords", []), *t["name"].split(), *(t.get("name_en") or "").split()]
             if len(k) >= 4]
    return all(any(w.lower().startswith(k) or k.startswith(w.lower()) for k in stems) for w in words.split())


def _phrase(text: str) -> str | None:
    """The topic words left in the first clause once question words and cues are gone."""
    first = _CLAUSE_END.split(text, maxsplit=1)[0]
    words = [w for w in re.findall(r"[^\W_][\w-]*", first) if w.lower() not in templates()["stop"] and len(w) > 1]
    return " ".join(words) or None


_SAME_KEY = 90  # rapidfuzz token_set_ratio of two keys that name one measure (as in discovery)


def discovered_matches(phrase: str, known: tuple[tuple[str, str, str], ...]) -> tuple[list[str], bool]:
    """Discovered measures a phrase the vocabulary does not know names, compared by key (content words
    folded and stemmed, as discovery keys them), and whether they hold all of it. First those whose key holds
    every key word of the phrase ("sårteam" → "ambulerende sårteam", "ambulerande sårteam i alle kommunane");
    only when none does, those whose key is near (rapidfuzz token_set_ratio ≥ 90: another spelling or
    inflection the stemmer keeps apart) and not just a part of the phrase; the caller then keeps the phrase
    for the quotes to match as well. ``known``: (id, name, key). Never a vocabulary measure."""
    from rapidfuzz import fuzz

    from graph.extract.discover import key_of

    words = set(key_of(phrase).split())
    if not words:
        return [], True
    keyed = [(mid, key or "") for mid, _, key in known]
    within = [mid for mid, key in keyed if words <= set(key.split())]
    if within:
        return within, True
    # near, but not a measure that says less than the phrase: "samhandlingsprosjekt" is no answer to
    # "samhandlingsprosjektet om barnefedme" (token_set_ratio is 100 for any key inside the phrase)
    return [mid for mid, key in keyed if key and not set(key.split()) < words
            and fuzz.token_set_ratio(" ".join(sorted(words)), key) >= _SAME_KEY], False


def parse(question: str, vocab: Vocabulary,
          known_actors: tuple[tuple[str, str, tuple[str, ...]], ...] = (),
          known_measures: Callable[[], tuple[tuple[str, str, str], ...]] | None = None) -> Interpretation:
    """``known_actors``: (id, name, aliases) of the graph's actors, so discovered organisations are found too;
    ``known_measures``: returns (id, name, key) of the graph's discovered measures, so a phrase the vocabulary
    does not know is answered through the measures found in the documents (called only then: a graph of a
    thousand documents holds thousands of them)."""
    t = templates()
    text = re.sub(r"\s+", " ", question).strip()
    low = text.lower()
    lang = "en" if re.search(t["english"], low) else "no"
    vocab_ids = {e for e in vocab.actors.entries}
    extra = tuple(a for a in known_actors if a[0] not in vocab_ids)
    actor_hits = _find(vocab.actors, text) + (_find(_actor_matcher(extra), _mask(text, _find(vocab.actors, text)))
                                              if extra else [])
    subject, authors = [], []
    for aid, s, e in sorted(actor_hits, key=lambda h: h[1]):
        if re.match(t["scope_after_actor"], low[e:]) or re.search(t["scope_before_actor"], low[:s]):
            authors.append(aid)
        elif aid not in subject:
            subject.append(aid)
    rest = _mask(text, actor_hits)
    # a quoted name is one name: a measure only if the vocabulary knows all of it, else a phrase to look for
    quoted = []
    for m in _QUOTED.finditer(rest):
        inner = next(g for g in m.groups() if g)
        hits = vocab.measures.find(inner)
        if not (len(hits) == 1 and hits[0][2] - hits[0][1] >= len(inner.strip()) - 1):
            quoted.append(inner.strip())
            rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    measure_hits = vocab.measures.find(rest)
    rest = _mask(rest, measure_hits)
    group_hits = vocab.groups.find(rest)
    rest = _mask(rest, group_hits)
    measures = list(dict.fromkeys(h[0] for h in measure_hits))
    groups = list(dict.fromkeys(h[0] for h in group_hits))
    actor_types: list[str] = []
    for kind in t["actor_types"]:
        if m := re.match(rf"{t['actor_type_opening']}({kind['words']})\b", rest, re.I):
            actor_types = kind["types"]
            rest = rest[:m.start(1)] + " " * (m.end(1) - m.start(1)) + rest[m.end(1):]
            break
    rest_low = rest.lower()
    relations = _relations(rest_low, t)
    phrase = quoted[0] if quoted else None
    out = Interpretation(intent="search", language=lang, relations=relations, measures=measures, groups=groups,
                         authors=authors, named=subject[1] if len(subject) > 1 else None, actor_types=actor_types)

    words = _phrase(rest)
    theme = None if measures else _theme(rest, vocab.themes)
    if theme and words and not _only_theme_words(words, theme, vocab.themes):
        theme = None  # "samhandlingsprosjektet om barnefedme" names a project, not the theme samhandling
    out.phrase = phrase or (None if measures or theme else words)
    discovered = known_measures() if out.phrase and not measures and known_measures else ()
    if discovered:
        found, whole = discovered_matches(out.phrase, discovered)
        if found:  # "ambulerende sårteam": no vocabulary measure, but measures the documents name
            names = {mid: name for mid, name, _ in discovered}
            out.note = (f"«{out.phrase}» is not in the vocabulary; answered through "
                        + ("the measure" if len(found) == 1 else f"{len(found)} measures")
                        + " discovered in the documents: " + "; ".join(names[m] for m in found[:5])
                        + (" …" if len(found) > 5 else "")
                        + ("" if whole else " (quotes that also use the question's words)"))
            measures = out.measures = out.discovered = found
            out.phrase = None if whole else out.phrase  # a near key may lack words: the quotes must have them
    detail = not relations and not re.match(t["yes_no"], low) and (
        re.match(t["detail"], low) or re.search(t["detail_words"], low))
    if subject and detail:  # "Hvem er Maria Kjølberg Evensen?", "Hvilket problem tar SiV opp om Sykehuspartner?"
        out.intent, out.actor, out.theme = "about", subject[0], theme
    elif re.match(t["who"], low) and subject and not (measures or groups or out.phrase):
        out.intent, out.named, out.theme = "about", subject[0], theme  # "Hvem samarbeider med NAV?"
    elif actor_types and not subject and not relations:  # "Hvilken fagforening er representert …?"
        out.intent, out.theme = "about", theme
    elif re.match(t["yes_no"], low) and authors and not (measures or phrase or groups):
        out.intent, out.actor = "about", authors[0]  # "Sendte OUS innspill?": what its documents say
    elif re.match(t["who"], low):
        if theme and not (measures or groups or phrase):
            out.intent, out.theme = "actors_by_theme", theme
        elif measures or groups or out.phrase:
            out.intent = WHO_INTENT.get(relations[0], "who_states") if len(relations) == 1 else "who_states"
        else:
            return _fallback(out, "no measure, group or theme found in the question")
    elif re.match(t["yes_no"], low) and (measures or phrase or subject or groups):
        out.intent, out.actor = "whether", subject[0] if subject else None
    elif re.match(t["what"], low) or subject:
        if subject:
            out.intent, out.actor, out.theme = "what_does_actor_propose", subject[0], theme
        elif theme and not (measures or phrase):
            out.intent, out.theme = "measures_by_theme", theme
        elif measures or groups or out.phrase:
            out.intent = "about"
        else:
            return _fallback(out, "no actor, measure, group or theme found in the question")
    else:
        return _fallback(out, "the question matches no template")
    if not out.relations:
        out.relations = ["STATES"] if out.intent == "about" else list(RELATIONS)
    return out


def _relations(low: str, t: dict[str, Any]) -> list[str]:
    """The relations a question asks about. What an opposition is against ("går imot forslaget om …",
    "opposes the proposal to …") is its object, not a second question about proposals."""
    opposed = re.search(t["relation"]["OPPOSES"], low)
    rest = re.sub(t["opposition_object"], " ", low) if opposed else low
    return [r for r in RELATIONS if re.search(t["relation"][r], low if r == "OPPOSES" else rest)]


def _fallback(out: Interpretation, why: str) -> Interpretation:
    out.intent, out.note = "search", f"not understood ({why}); showing a full-text search over statements"
    out.relations, out.measures, out.groups, out.actor, out.theme, out.phrase = [], [], [], None, None, None
    return out
