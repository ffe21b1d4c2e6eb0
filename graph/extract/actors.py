"""Names to actors: the vocabulary, organisations found by pattern, people, and bare definite names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.datafile import read_yaml
from graph.extract.vocab import Vocabulary, normal_name
from loaders import slugify
from loaders.authorship import unit_and_parent
from loaders.persons import find_persons, is_person_name

# "Helsefellesskapet" → the part's one helsefellesskap (data in speakers.yaml, with who speaks)
SPEAKERS: dict = read_yaml(Path(__file__).with_name("speakers.yaml"))  # read once
_DEFINITE: dict[str, str] = SPEAKERS["definite_references"]
# a hospital, a health trust or a regional health authority, by its name
HOSPITAL_NAME = re.compile(r"\bHF\b|\bRHF\b|sykehus|sjukehus|hospital|^Helse\s", re.IGNORECASE)


@dataclass
class ActorRef:
    id: str
    name: str
    type: str
    discovered: bool = False
    aliases: list[str] = field(default_factory=list)


class ActorResolver:
    """Names to actor ids: vocabulary first, then organisations found by pattern (kept as discovered)."""

    def __init__(self, vocab: Vocabulary, text: str = "") -> None:
        self.vocab = vocab
        self.actors: dict[str, ActorRef] = {}
        self.persons = {name for _, _, name in find_persons(text)}  # full names, for "Odd Petter" → "… Nilsen"
        self.part_text, self.part_author = "", None
        self.definite: dict[str, str | None] = {}  # "Helsefellesskapet" → the part's one helsefellesskap

    def set_part(self, text: str, author: str | None) -> None:
        self.part_text, self.part_author, self.definite = text, author, {}

    def _definite(self, word: str) -> str | None:
        """What a bare definite name means in this part: its author of that type, else the one such
        organisation the part names; nothing when it names several. Worked out once per part, when needed."""
        if word not in self.definite:
            atype = _DEFINITE[word]
            if self.part_author and self.actors[self.part_author].type == atype:
                self.definite[word] = self.part_author
            else:
                self.definite[word] = None  # while the part's own names are looked up
                of_type = self._named_of_type(atype)
                self.definite[word] = of_type.pop() if len(of_type) == 1 else None
        return self.definite[word]

    def _named_of_type(self, atype: str) -> set[str]:
        """The actors of one type the part names: its vocabulary entries of that type and the organisations
        the type's patterns find (a whole letter searched for one type only, not for every name)."""
        among = {aid for aid, e in self.vocab.actors.entries.items() if e.props.get("type") == atype}
        named = {aid for aid, _, _ in self.vocab.actors.find(self.part_text, among=among)}
        for aid in named:
            e = self.vocab.actors.entries[aid]
            self.actors.setdefault(aid, ActorRef(aid, e.name, e.props["type"], aliases=e.aliases))
        return named | {self.resolve(m.group(0), atype) for pattern, t in self.vocab.org_patterns if t == atype
                        for m in pattern.finditer(self.part_text)}

    def person(self, name: str) -> str:
        """A person's id; a shorter form of one full name in the same document is that person."""
        longer = [p for p in self.persons if p.startswith(name + " ")]
        full = longer[0] if len(longer) == 1 else name
        aid = slugify(full)
        ref = self.actors.setdefault(aid, ActorRef(aid, full, "person", discovered=True))
        if full != name and name not in ref.aliases:
            ref.aliases.append(name)
        return aid

    def resolve(self, name: str, type_hint: str = "other") -> str:
        name = re.sub(r"\s+", " ", name).strip().rstrip(".,:;")
        aid = self.vocab.actor_id(name) or (self.vocab.actor_id(name[:-1]) if name.endswith("s") else None)
        if aid:
            e = self.vocab.actors.entries[aid]
            self.actors.setdefault(aid, ActorRef(aid, e.name, e.props["type"], aliases=e.aliases))
            return aid
        aid = slugify(normal_name(name))
        # a unit with the body over it is of its body's type, also written the other way round or "ved" its body
        # (with or without the body's legal form), and by its own name within its body; a unit of a municipality,
        # county or university speaks for it (its body's name too), a hospital's clinic mostly answers its own
        # trust's draft (the trust is another voice)
        pair = unit_and_parent(name)
        aliases = list(dict.fromkeys([f"{pair[1]}, {pair[0]}", f"{pair[0]} ved {pair[1]}",
                                      f"{pair[0]} ved {re.sub(r' R?HF$', '', pair[1])}", pair[0],
                                      *([] if HOSPITAL_NAME.search(pair[1]) else [pair[1]])])) if pair else []
        if type_hint == "other":  # an author found by the loader: its name may still tell its type
            typed = pair[1] if pair else name
            type_hint = next((t for p, t in self.vocab.org_patterns if p.fullmatch(typed)), None) or \
                next((t for p, t in self.vocab.type_words if p.search(typed)), None) or self._branch_of(typed)
            if type_hint == "other" and is_person_name(name):
                type_hint = "person"  # a private person's response ("Høringssvar fra Kari Nordmann")
        self.actors.setdefault(aid, ActorRef(aid, name, type_hint, aliases=aliases, discovered=True))
        return aid

    def _own_name(self, text: str, hits: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """The part's author named in full is the author, not the known body a shorter name inside it is: "NSF
        Vestland meiner …" in NSF Vestland's letter is the branch, though "NSF" alone is Norsk Sykepleierforbund. A
        longer name around it stays ("Eldrerådet i Voss herad" in Voss herad's letter)."""
        if not self.part_author or self.part_author in self.vocab.actors.entries:
            return hits
        ref = self.actors[self.part_author]
        names = "|".join(re.escape(n) for n in sorted({ref.name, *(a for a in ref.aliases if " " in a)}, key=len,
                                                      reverse=True))
        for m in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", text):
            if any(s <= m.start() and m.end() <= e and e - s > m.end() - m.start() for _, s, e in hits):
                continue
            hits = [h for h in hits if not (m.start() <= h[1] and h[2] <= m.end())] + \
                [(self.part_author, m.start(), m.end())]
        return hits

    def _branch_of(self, name: str) -> str:
        """The type of the known organisation a name begins with: "FFO Vestland", "Norsk Sykepleierforbund Agder"
        are branches of FFO and Norsk Sykepleierforbund."""
        hits = [h for h in self.vocab.actors.find(name) if h[1] == 0]
        return self.vocab.actors.entries[hits[0][0]].props["type"] if hits else "other"

    def find_in(self, text: str) -> list[tuple[str, int, int]]:
        hits = [(aid, s, e) for aid, s, e in self.vocab.actors.find(text)]
        taken = [(s, e) for _, s, e in hits]
        for pattern, atype in self.vocab.org_patterns:
            for m in pattern.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                hits.append((self.resolve(m.group(0), atype), m.start(), m.end()))
                taken.append((m.start(), m.end()))
        for start, end, name in find_persons(text):
            if not any(start < e and s < end for s, e in taken):
                hits.append((self.person(name), start, end))
        for word in _DEFINITE:
            for m in re.finditer(rf"\b{word}\b(?!\s+(?:i\s+|på\s+)?[A-ZÆØÅ])", text):
                if not any(m.start() < e and s < m.end() for s, e in taken) and (aid := self._definite(word)):
                    hits.append((aid, m.start(), m.end()))
        hits = self._own_name(text, hits)
        for aid, _, _ in hits:
            if aid in self.vocab.actors.entries:
                e = self.vocab.actors.entries[aid]
                self.actors.setdefault(aid, ActorRef(aid, e.name, e.props["type"], aliases=e.aliases))
        return sorted(hits, key=lambda h: h[1])
