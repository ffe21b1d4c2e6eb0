"""Questions in Norwegian or English answered from the graph, with the quote, document and page of each answer."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from graph.answer import KINDS, answer, evidence_item, of_kind, with_included
from graph.ask.most_backed import most_backed
from graph.ask.parse import Interpretation, parse, templates
from graph.extract.discover import fold_text, key_of
from graph.extract.vocab import Vocabulary, load_vocabulary
from graph.phrase import Phrase, english_stems, folded_words
from graph.relations import RELATION_OF_KIND
from graph.store import GraphStore

__all__ = ["Interpretation", "ask", "parse"]

_ACTORS = "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.aliases AS aliases ORDER BY id"
# measures the documents name and the vocabulary does not (a promoted one keeps its key) whose key shares a word
# with a phrase's: the candidates discovered_matches compares (not every one of a large graph's thousands)
DISCOVERED = ("MATCH (m:Measure) WHERE m.origin IN ['discovered', 'curated'] AND m.key IS NOT NULL "
              "AND any(w IN $words WHERE m.key CONTAINS w) RETURN m.id AS id, m.name AS name, m.key AS key ORDER BY id")


def discovered_candidates(store: GraphStore, phrase: str) -> tuple[tuple[str, str, str], ...]:
    from graph.extract.discover import key_of

    words = key_of(phrase).split()
    return tuple((r["id"], r["name"] or r["id"], r["key"])
                 for r in store.query(DISCOVERED, {"words": words})) if words else ()
_SPEAKERS = ("MATCH (a:Actor)-[:STATES]->(s:Statement) WHERE s.id IN $ids "
             "OPTIONAL MATCH (s)-[:ABOUT]->(m:Measure) "
             "RETURN s.id AS id, a.id AS actor_id, a.name AS actor, a.type AS type, a.aliases AS aliases, "
             "collect(m.id) AS measure_ids, collect(m.name) AS measures")
# the intents whose measure is also looked for in the words of the statements (the extractor links a statement to
# a measure only when it names it in a way the vocabulary or discovery knows)
_WORDED = {"who_proposes", "who_opposes", "who_reports_example", "who_states", "what_does_actor_propose", "about"}
_LOOSE = 5  # actors at most, when the statements hold only part of a question's description
_SOME = 1 / 3  # of a description's weight, when no statement holds most of it
_ANY, _NEAREST = 0.15, 2  # a named actor's statements nearest a description none of them holds a third of
# the statements nearest a description of _NEAREST_WORDS words or more that nothing holds a third of, when they hold
# _NEAREST_SHARE of its weight
_NEAREST_SHARE, _NEAREST_WORDS = 0.2, 4
# a date or a year in a quote: what a "when / by which deadline" question is answered with
_DATE = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b(?:januar|februar|mars|april|mai|juni|"
                   r"juli|august|september|oktober|november|desember|kvartal|quarter|Q[1-4])\b", re.I)


def ask(store: GraphStore, question: str, *, documents: list[str] | None = None, limit: int = 50,
        vocab: Vocabulary | None = None) -> dict[str, Any]:
    """The ask contract (also GET /v1/ask and ``innspill ask --json``): question, interpretation, answers
    (actor, relation, measure, evidence), and for a question nothing answers, ``related``: the statements a
    full-text search finds, shown apart so they are never taken for the answer. A compound question ("Når …,
    og hvem har ansvaret?") is answered part by part; the answers of both are merged and the interpretation of
    the second part is ``interpretation.then``.

    ``documents`` narrows the answers to these files or document ids (the question's scope)."""
    from graph.ask.parse import COMPOUND

    vocab = vocab or load_vocabulary()
    first, _, second = COMPOUND.sub("\x00", question, count=1).partition("\x00")
    if not second.strip():
        return _ask(store, question, documents, limit, vocab)[0]
    out, it = _ask(store, first, documents, limit, vocab)
    then, _ = _ask(store, second, documents, limit, vocab, context=it)
    seen = {_key(a) for a in out["answers"]}
    out["answers"] += [a for a in then["answers"] if _key(a) not in seen]
    out["question"], out["interpretation"]["then"] = question, then["interpretation"]
    return out


def _ask(store: GraphStore, question: str, documents: list[str] | None, limit: int, vocab: Vocabulary,
         context: Interpretation | None = None) -> tuple[dict[str, Any], Interpretation]:
    """One question (or one part of a compound one): its answers and what was understood."""
    known = _known_actors(store.query(_ACTORS))
    it = parse(question, vocab, known, lambda phrase: discovered_candidates(store, phrase), context)
    answers: list[dict[str, Any]] = []
    related: list[dict[str, Any]] = []
    if it.intent != "search":
        answers = _answer(store, it, documents, vocab, limit)
        if it.phrase and not (it.measures or it.discovered or it.actor or it.actors):
            # the words alone: a place and a verb of setting up are not what is set up ("opprette en fødestue i
            # Dalane" is not "… oppretter kombinerte stillinger i Dalane", though the two rarest words match)
            answers = _beyond_places(store, it, answers)
        if not answers and it.discovered:  # the discovered measures say nothing of it: look for the words
            it = parse(question, vocab, known)
            answers = _answer(store, it, documents, vocab, limit) if it.intent != "search" else []
        if not answers and it.described and it.groups and it.intent in _WORDED:
            # "Hvem vil at sykepleiere skal kunne jobbe både på sykehuset og i kommunen?": the measure it describes,
            # for its groups, before the question is answered without them
            answers = _described_answers(store, it, documents, vocab, limit)
        answers = _relax(store, it, documents, vocab, limit, answers)
        if answers and (retrieved := _retrieved(store, it, documents, vocab, answers)):
            it.add_note(f"the last {retrieved} answer{'s' if retrieved > 1 else ''} found by the "
                        "question's words alone (no measure links them)")
        if not answers and it.phrase and not it.exact and (len(it.phrase.split()) >= 3 or it.kinds) \
                and Phrase.weigh(store, it.phrase, english=it.language == "en").speaks_of():
            # a description all of whose words the statements use: those that share most of it (a word no
            # statement uses means the documents do not speak of it: nothing is the answer); a kind of actor
            # narrows a shorter one enough ("legekontor … video i pasientbehandlingen")
            answers = _first_actors(_beyond_places(store, it, _answer(store, it, documents, vocab, limit,
                                                                      share=_SOME)), _LOOSE)
            if answers:
                it.add_note(f"no statement holds all of «{it.phrase}»: the {len(answers)} that share most of its words")
        if not answers and it.phrase and not it.exact and it.intent in _RETRIEVING \
                and len(Phrase.weigh(store, it.phrase, english=it.language == "en").stems) >= _NEAREST_WORDS:
            # a description of four words or more nothing holds a third of: the statements nearest it, as a ranked
            # search would answer (a paraphrase: "langsiktige avtaler … ikke-kommersielle sykehus" for "ideelle
            # sykehus får inngå avtaler … ti års varighet"); a shorter one names what nobody speaks of
            answers = _beyond_places(store, it, _answer(store, it, documents, vocab, _NEAREST, share=_NEAREST_SHARE))
            if answers:
                it.add_note(f"nothing holds a third of «{it.phrase}»: the {len(answers)} nearest statements")
        if documents and it.intent in _SCOPED:
            _nearest_in_scope(store, it, documents, answers)
        if it.described and it.intent in _WORDED:
            answers = _with_described(store, it, documents, vocab, limit, answers)
        answers = _senders(store, it, question, _speakers(it, question, _qualified(it, question, answers)))
        if it.not_types or it.not_names:
            answers = [a for a in answers if not of_kind(a["actor"], it.not_types, it.not_names)]
        if it.between:
            answers = _shared_between(it, answers)
        _same_measure(store, it, answers)
        answers = _not_wished_against(store, it, answers)
        _best_evidence_first(store, it, documents, answers)
        words_only = not (it.measures or it.actor or it.theme or it.named or it.kinds or it.actors)
        if not answers and not it.note and (it.intent == "whether" or not words_only and it.intent != "search") \
                and (it.measures or it.theme or it.phrase):
            speaker = next((name for aid, name, _ in known if aid == it.actor), None) if it.actor else None
            it.add_note(_nothing_said(it, vocab, documents, speaker))  # honest: what was looked for, and where
        if not answers and it.intent != "whether" and words_only:
            if it.phrase and it.intent != "search":  # honest: nothing says it; related statements apart
                it.add_note(f"no statement in the graph says «{it.phrase}»")
                related = _search(store, it.phrase, limit)
            else:
                it.intent = "search"
                it.note = "nothing in the graph matched; showing a full-text search over statements"
    if it.intent == "search":
        answers = _search(store, question, limit)
    interpretation = it.as_dict()
    if it.count:
        interpretation["actors_counted"] = len({a["actor"]["id"] for a in answers})
    if documents:
        interpretation["documents"] = list(documents)
    out = {"question": question, "interpretation": interpretation, "answers": answers}
    if related:
        out["related"] = related
    return out, it


def _known_actors(rows: list[dict[str, Any]]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(id, name, aliases) of the graph's actors, as a question is read against them: an alias only when it names
    one organisation anywhere, and not when it is another actor's name ("Troms fylkeskommune" is the county, not
    its dental service, which carries the county's name as an alias because it speaks for it)."""
    names = {(r["name"] or "").lower() for r in rows}
    known = []
    for r in rows:
        own = (r["name"] or "").lower()
        aliases = [a for a in r["aliases"] or [] if _distinctive(a) and (a.lower() == own or a.lower() not in names)]
        known.append((r["id"], r["name"] or r["id"], tuple(aliases)))
    return tuple(known)


def _answer(store: GraphStore, it: Interpretation, documents: list[str] | None, vocab: Vocabulary,
            limit: int, share: float | None = None) -> list[dict[str, Any]]:
    """The answers of the intent; the intents that ask more than one stance question are put together here.
    ``share``: how much of the phrase's weight a quote must hold (default: most of it)."""
    params = _params(it, documents, share)
    if it.count:  # "how many": every backer counts, not only the first page of them
        limit = max(limit, 1000)
    if it.actors:  # "what do A and B both propose": the measures both back
        return _both(store, it, documents, vocab, limit)
    if it.intent == "most_backed":  # "Hvilke tiltak får mest støtte?": the measures ranked by their backers
        found, ranking = most_backed(store, params, vocab, limit, tuple(it.actor_types), tuple(it.actor_names),
                                     tuple(it.relations))
        if ranking:
            it.add_note(ranking)
        return found
    if it.intent == "responsible":  # who leads / is responsible: the role statements about it, and who they name
        found = answer(store, "about", params, vocab, limit=limit * 4)
        return _keep(found, re.compile(templates()["role_words"], re.I))[:limit]
    if it.intent == "when":  # the statements about it that hold a date
        found = answer(store, "who_states", params, vocab, limit=limit * 4)
        return _keep(found, _DATE)[:limit]
    # (not to count: "how many back X between hospitals and municipalities" counts every backer of X)
    # (nor when one measure is of the other: a narrower one of either is not both)
    narrower = _narrower(store, it, vocab) if it.specifics and it.measures and not it.count and not it.nested else []
    # "… LIS1-stillinger delt mellom sykehus og kommuner": the narrower measure the question names answers; when
    # nobody in the documents asked about backs it, the question's own measure does ("FACT-team for Nordfjord" is
    # no backer of another's "ambulant geriatrisk team med base i Nordfjordeid")
    found = answer(store, it.intent, {**params, "measure_ids": narrower}, vocab, limit=limit) if narrower else []
    if it.between:  # (a narrower measure shared with another party than the question's is not one it names)
        found = _shared_between(it, found)
    fell_back = bool(narrower) and not found and _names_its_own(store, it.specifics or "", it.language == "en")
    if found:
        it.add_note("answered through the narrower measure" + ("s" if len(narrower) > 1 else "")
                    + " the question's further words name")
    else:  # (and when what the question adds names a thing of its own, only the backers who also say it)
        found = answer(store, it.intent, params, vocab, limit=limit)
        if it.groups and (kinds := _kinds_for_groups(it, vocab)):
            # "oppsøkende behandlingsteam for folk med alvorlig psykisk lidelse": the kinds of outreach team that are
            # for that group by what they are answer without naming it ("et FACT-team for Lofoten")
            _merge(found, answer(store, it.intent, {**params, "measure_ids": kinds, "group_ids": []}, vocab,
                                 limit=limit), limit)
    if it.wording and it.intent in _WORDED:  # statements in the same words that name no measure: ranked after
        # (with the words the question adds that are no measure: "… et øremerket tilskudd til hverdagsrehabilitering")
        words = f"{it.wording} {it.phrase}" if it.phrase and it.phrase not in it.wording else it.wording
        _merge(found, answer(store, it.intent, {**params, "measure_ids": [], "phrase": words}, vocab, limit=limit),
               limit)
    if it.between:  # (before what the question adds narrows them: "split" is not said only by the wrong parties)
        found = _shared_between(it, found)
    beyond = _beyond_name(it, vocab)
    if it.nested and len(it.measures) == 2:
        found = _backing_both(store, it, found, beyond)
    specifics = beyond if it.specifics and found and not it.count else ""
    if specifics:  # the answers about the measure that also say what the question adds, if any do
        # (a place it names must be said, in the quote or the name of who says it)
        weighed = Phrase.weigh(store, specifics, english=it.language == "en")
        says = _saying(store, specifics, it.language == "en", _places(specifics), weighed)
        narrowed = [{**a, "evidence": sorted(a["evidence"], key=lambda e, a=a: not says(a, e))}
                    for a in found if any(says(a, e) for e in a["evidence"])]
        # (its evidence that says it first, the rest kept); "does anyone oppose extending the transition for
        # legevaktleger?" is not answered by those who oppose something else about legevakt, nor a proposal by who
        # backs the measure without the kind of change the question adds ("… ambulansetenesta overta legevakta")
        decisive = it.intent == "whether" or it.intent in ("who_proposes", "who_reports_example") \
            and bool(weighed.changes)
        if not narrowed and decisive:
            it.add_note(f"no statement about it also says «{specifics}»")
        # (a place no answer says: the answers are of other places; the relaxed question may find that place's)
        found = narrowed if narrowed or decisive or fell_back or _places(specifics) and it.groups else found
    if it.kinds:  # "which municipalities …": the actors of that kind (and the people who speak for them),
        found = [a for a in found if of_kind(a["actor"], (*it.actor_types, "person"), it.actor_names)]
    return found


def _backing_both(store: GraphStore, it: Interpretation, found: list[dict[str, Any]],
                  specifics: str) -> list[dict[str, Any]]:
    """A measure of another ("øremerket tilskudd til hverdagsrehabilitering") is backed by a statement about both, or
    by statements about each in one document of which one says what the question adds ("øremerket"): whoever backs
    grants for anything, or everyday rehabilitation without a word of a grant, does not back the one thing asked."""
    says = _saying(store, specifics, it.language == "en", _places(specifics)) if specifics else None
    by_actor: dict[str, list[dict[str, Any]]] = {}
    for a in found:
        by_actor.setdefault(a["actor"]["id"], []).append(a)
    keep = set()
    for actor, answers in by_actor.items():
        said = [{(e["file"], e.get("line"), e["quote"]) for a in answers if (a.get("measure") or {}).get("id") == m
                 for e in a["evidence"]} for m in it.measures]
        if set.intersection(*said) or ({s[0] for s in said[0]} & {s[0] for s in said[1]} and (
                says is None or any(says(a, e) for a in answers for e in a["evidence"]))):
            keep.add(actor)
    return [a for a in found if a["actor"]["id"] in keep]


def _kinds_for_groups(it: Interpretation, vocab: Vocabulary) -> list[str]:
    """The kinds the question's measures include (measures.yaml ``includes``) that are for all its groups by what
    they are (``groups``)."""
    return [k for k in with_included(vocab, it.measures)[len(it.measures):]
            if set(it.groups) <= set(vocab.measures.entries[k].props.get("groups") or [])]


def _described_answers(store: GraphStore, it: Interpretation, documents: list[str] | None, vocab: Vocabulary,
                       limit: int) -> list[dict[str, Any]]:
    """The answers about the measures the question describes, under its other filters (groups, kinds, scope)."""
    return answer(store, it.intent, {**_params(it, documents), "measure_ids": it.described, "phrase": None}, vocab,
                  limit=limit)


def _with_described(store: GraphStore, it: Interpretation, documents: list[str] | None, vocab: Vocabulary,
                    limit: int, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answers about the measures the question describes, after those in its own words: those whose quotes
    also say most of what the question adds to the description (every answer, when it adds nothing)."""
    described = _described_answers(store, it, documents, vocab, limit)
    if it.actors:  # "what do A and B both want on …": theirs, not every backer of the measure
        described = [a for a in described if a["actor"]["id"] in it.actors]
    said = set((it.described_by or "").lower().split())
    rest = " ".join(w for w in (it.phrase or "").split() if w.lower() not in said)
    if rest:
        says = _saying(store, rest, it.language == "en", _places(rest))
        described = [a for a in described if any(says(a, e) for e in a["evidence"])]
    _merge(found, described, limit)
    if described:
        names = _names_of(vocab, it.described)
        it.add_note(f"«{it.described_by}» read also as {names}")
    return found


def _qualified(it: Interpretation, question: str, answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who wants patients to pay for X, or X free of charge, is not answered by those who want X: a question that
    names a price (questions.yaml ``must_say``) is answered only by evidence that speaks of one, and of the same
    kind: who proposes or reports X free of charge by a quote that says X is free, who proposes a charge by one that
    does not (``free_of_charge``); who asks of a co-payment by a quote that speaks of one, not of a tax
    (``co_payment``)."""
    t = templates()
    pattern = re.compile(t["must_say"], re.IGNORECASE)
    unpaid = re.sub(t["public_payer"], " ", question, flags=re.IGNORECASE)  # (funding is no price)
    if it.intent not in _RETRIEVING or not answers or not (asked := pattern.search(unpaid)):
        return answers
    free = re.compile(t["free_of_charge"], re.IGNORECASE)
    wants_free = bool(free.search(unpaid))
    tests = [pattern.search]
    if it.intent in ("who_proposes", "who_reports_example"):
        tests.append(lambda quote: bool(free.search(quote)) == wants_free)
    if not wants_free and re.search(t["co_payment"], unpaid, re.IGNORECASE):
        tests.append(re.compile(t["co_payment_said"], re.IGNORECASE).search)
    # (an opposition's quote or the sentence it points back to: "Dette går vi sterkt imot" after the proposal to raise
    # the co-payment)
    said = _said if it.intent == "who_opposes" else lambda e: e["quote"] or ""
    kept = [{**a, "evidence": [e for e in a["evidence"] if all(test(said(e)) for test in tests)]} for a in answers]
    kept = [a for a in kept if a["evidence"]]
    if not kept:
        it.add_note(f"no statement about it speaks of «{asked[0]}»")
    return kept


_SAME_MEASURE = ("MATCH (a:Actor)-[:STATES]->(s:Statement)-[:ABOUT]->(m:Measure) WHERE a.id IN $actors "
                 "AND m.id IN $measures MATCH (d:Document)-[:CONTAINS]->(s) WHERE d.id IN $documents "
                 "RETURN a.id AS actor_id, m.id AS measure_id, s.kind AS kind, d.id AS document, d.file AS file, "
                 "s.page AS page, s.line AS line, s.text AS quote, s.context AS context ORDER BY d.id, s.line")
_SAME_MORE = 3  # further statements of a speaker on an answer's measure shown after its quotes


def _same_measure(store: GraphStore, it: Interpretation, answers: list[dict[str, Any]]) -> None:
    """An answer found by the question's words is one statement on a measure; the speaker's other statements of the
    same stance on that measure, in the same documents, are its view too ("Divisjonen foreslår et felles
    inntaksteam, der henvisningene vurderes samlet" answers; "Jæren DPS støtter et felles inntaksteam, men bare
    dersom …" is the sender's own word on it): shown after its quotes."""
    if it.intent in ("search", "when", "responsible") or not answers:
        return
    first = [a for a in answers[:_FIRST_OF] if a["measure"] and a["relation"] in KINDS and a["relation"] != "MENTIONED"]
    documents = sorted({e["document"] for a in first for e in a["evidence"] if e.get("document")})
    if not first or not documents:
        return
    rows = store.query(_SAME_MEASURE, {"actors": sorted({a["actor"]["id"] for a in first}),
                                       "measures": sorted({a["measure"]["id"] for a in first}), "documents": documents})
    for a in first:
        quotes = {e["quote"] for e in a["evidence"]}
        own = {e.get("document") for e in a["evidence"]}
        more = [r for r in rows if r["actor_id"] == a["actor"]["id"] and r["measure_id"] == a["measure"]["id"]
                and r["kind"] in KINDS[a["relation"]] and r["document"] in own and r["quote"] not in quotes]
        a["evidence"] += [evidence_item(r) for r in list({r["quote"]: r for r in more}.values())[:_SAME_MORE]]


_NEGATED = re.compile(r"\b(?:ikke|ikkje|not|aldri|never)\b")
_NEAR_NOT = 4  # words before a change that a "not" turns into its opposite ("ikke legges ned")


def _not_wished_against(store: GraphStore, it: Interpretation, answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """"Hvem foreslår å legge ned fødestua?" is not answered by "fødestua må ikke legges ned", a wish against the
    change the question asks who wants: a quote that says "not" just before the change it names is no evidence for
    proposing or reporting it; an answer left without evidence goes."""
    if it.intent not in ("who_proposes", "who_reports_example") or not answers or not it.topic:
        return answers
    changes = Phrase.weigh(store, it.topic, english=it.language == "en").changes
    if not changes:
        return answers

    def against(quote: str) -> bool:
        words = folded_words(quote)
        return any(_NEGATED.search(" ".join(words[max(0, i - _NEAR_NOT):i]))
                   for i in range(len(words)) for alts in changes
                   if any(" ".join(words[i:]).startswith(a) if " " in a else words[i].startswith(a) for a in alts))

    kept = [{**a, "evidence": [e for e in a["evidence"] if not against(e["quote"] or "")]} for a in answers]
    kept = [a for a in kept if a["evidence"]]
    if len(kept) < len(answers):
        it.add_note("left out: statements that wish the change not to happen (a «not» before it)")
    return kept


_CO_SPEAKERS = ("MATCH (a:Actor)-[:STATES]->(s:Statement)<-[:CONTAINS]-(d:Document) WHERE a.id IN $ids "
                "AND s.text IN $quotes AND NOT (a)-[:AUTHORED]->(d) "
                "OPTIONAL MATCH (au:Actor)-[:AUTHORED]->(d) WHERE (au)-[:STATES]->(s) "
                "RETURN a.id AS id, count(DISTINCT s) AS said, count(DISTINCT au) AS with_sender")


def _senders(store: GraphStore, it: Interpretation, question: str,
             answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """"Hvor mange av innsenderne forteller om egen erfaring med …?" counts those who sent something in: a partner
    a sender names in its own example ("Siden 2021 har senteret, sammen med Tromsø kommune, fulgt …"), who says it
    only together with that sender and sent nothing itself, is not counted (questions.yaml ``senders_words``)."""
    if not it.count or not answers or not re.search(templates()["senders_words"], question, re.IGNORECASE):
        return answers
    quotes = sorted({e["quote"] for a in answers for e in a["evidence"] if e.get("quote")})
    rows = store.query(_CO_SPEAKERS, {"ids": sorted({a["actor"]["id"] for a in answers}), "quotes": quotes})
    partners = {r["id"] for r in rows if r["said"] and r["with_sender"]} \
        - {r["id"] for r in rows if r["said"] and not r["with_sender"]}
    return [a for a in answers if a["actor"]["id"] not in partners]


def _speakers(it: Interpretation, question: str, answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """"Hvilke sykehus har uttalt seg om fødetilbodet?" asks who spoke: a hospital a municipality's statement names
    is no answer, unless the question asks who is named, represented or responsible (questions.yaml ``named_words``,
    ``detail_words``)."""
    t = templates()
    asks_named = re.search(t["named_words"], question, re.IGNORECASE)
    if it.kinds and not (asks_named or re.search(t["detail_words"], question, re.IGNORECASE)) \
            or it.actor and it.question_class == "actor_detail" and not asks_named \
            and re.match(t["view_question"], question.strip().lower()):
        # ("what does X say about …" is answered by X, not by those X's statements name; "what is X?" by them)
        return [a for a in answers if a["relation"] != "MENTIONED"]
    return answers


_RETRIEVED = 3  # statements retrieved by their words alone, added to every stance answer
_RETRIEVING = ("who_proposes", "who_opposes", "who_reports_example", "who_states")


def _retrieved(store: GraphStore, it: Interpretation, documents: list[str] | None, vocab: Vocabulary,
               answers: list[dict[str, Any]]) -> int:
    """Adds to the answers the speakers of the few statements of the stance asked for that share most of the
    question's words, weighed by rarity, whatever measure they were linked to: ranked retrieval is part of every
    answer (the extractor links a statement to a measure only when it names it in words it knows), after what the
    graph's structure found. Nothing is added when a word of the question is in no statement (the documents do not
    speak of it). How many were added."""
    words = it.phrase or it.wording
    if it.intent not in _RETRIEVING or not words or it.exact or it.actors or it.nested or len(words.split()) < 3:
        return 0  # (half the words of "øremerket tilskudd til hverdagsrehabilitering" may be a grant for anything)
    if not Phrase.weigh(store, words, english=it.language == "en").speaks_of():
        return 0
    loose = replace(it, measures=[], discovered=[], phrase=words, specifics=None)
    found = _answer(store, loose, documents, vocab, _RETRIEVED, share=0.5)
    # half the words, but not the place ("FACT ung-team … i Hamar" for "… i Sunnhordland"), and what the question
    # adds to its measure, as the measure's answers had to say it
    says = _saying(store, it.specifics or "", it.language == "en", _places(words))
    # (an actor already answered: the statement in the question's own words is evidence too)
    return _merge(answers, [a for a in _beyond_places(store, loose, found)
                            if any(says(a, e) for e in a["evidence"])])


_SCOPED = {"who_proposes": "PROPOSES", "who_opposes": "OPPOSES", "who_reports_example": "REPORTS_AS_EXAMPLE"}
# of the topic's weight, weighed within the scope, the nearest statement must hold: most of it, or, for a topic of
# three words or more, somewhat less when it also holds a fair part of it as the whole graph weighs it
_SCOPE_SURE, _SCOPE_LEAST, _SCOPE_LEAST_OF_ALL = 0.6, 0.45, 0.4
_SCOPE_STATEMENTS = ("MATCH (d:Document) WHERE d.file IN $documents OR d.id IN $documents WITH d "
                     "MATCH (d)-[:CONTAINS]->(s:Statement)<-[:STATES]-(a:Actor) WHERE s.kind IN $kinds "
                     "RETURN a.id AS actor_id, a.name AS name, a.type AS type, a.aliases AS aliases, d.id AS document, "
                     "d.file AS file, s.page AS page, s.line AS line, s.text AS quote, s.kind AS kind, "
                     "s.context AS context")


def _nearest_in_scope(store: GraphStore, it: Interpretation, documents: list[str],
                      answers: list[dict[str, Any]]) -> None:
    """The documents a question is asked of hold few statements of the stance asked for: the one among them that
    holds most of the question's words, each weighed by how rare it is among them (as a ranked search of those
    documents would rank it), answers too, though it says the thing in its own words and no measure links it
    ("eit oppsøkjande behandlingsteam for Sogn" for "an outreach team … in Sogn"). Only when it holds most of
    the weight, so a question nothing answers stays unanswered. A count asks for all of them: every one that
    holds as much, unless a measure of the vocabulary found them (one discovered in the documents links only the
    statements its key finds: "en bindende bemanningsnorm" and not "helsesykepleiere på alle skoler")."""
    topic = it.topic or it.phrase or it.wording
    if not topic or it.exact or it.actors:
        return
    # (a word no statement uses is kept, at the weight of a word none of the scope's statements holds: the
    # nearest must hold most of the rest; a place it does not say is checked below)
    relation = _SCOPED[it.intent]
    phrase = Phrase.weigh(store, topic, english=it.language == "en", opposing=relation == "OPPOSES")
    if len(phrase.stems) < 2:
        return
    rows = store.query(_SCOPE_STATEMENTS, {"documents": documents, "kinds": KINDS[relation]})
    if it.kinds:
        rows = [r for r in rows if of_kind({"type": r["type"], "name": r["name"]}, (*it.actor_types, "person"),
                                           it.actor_names)]
    if not rows:
        return
    texts = [" ".join(folded_words(_said(r))) for r in rows]
    hits, weights, cover = _local_cover(phrase, texts)
    ranked = sorted(range(len(rows)), key=cover.__getitem__, reverse=True)
    changes, added, taken = phrase.changes, 0, 0
    rarest = max(range(len(weights)), key=weights.__getitem__)
    for i in ranked if it.count and (not it.measures or it.discovered) else ranked[:1]:
        if cover[i] < (_SCOPE_SURE if it.count or len(phrase.stems) < 3 else _SCOPE_LEAST):
            break
        if taken and hits[rarest][i] < 1.0:
            continue  # (each further one counted says the question's rarest word, not only part of it)
        if cover[i] < _SCOPE_SURE and phrase.coverage(texts[i]) < _SCOPE_LEAST_OF_ALL:
            break  # (below most of the scope's weight, a fair part of the graph's: "overta ambulansetjenesten" is
            # not answered by the only statement in the documents that says "tar over" something else)
        found = [_statement_answer(rows[i], relation)]
        if not _says_places(found[0], found[0]["evidence"][0], _places(topic)) or changes and (
                not all(hits[k][i] == 1.0 for k, (alts, _) in enumerate(phrase.stems) if alts in changes)
                or relation != "OPPOSES" and _NEGATED.search(texts[i])):
            continue  # (a place it does not say; a change it does not name, or, as a wish, names with a "not")
        added += _merge(answers, _beyond_places(store, it, found))
        taken += 1
    if added == 1:
        it.add_note("the last answer is the statement in the question's documents nearest its words")
    elif added:
        it.add_note(f"the last {added} answers are statements in the question's documents near its words")


def _shared_between(it: Interpretation, answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Not the answers all of whose evidence says something is shared between a party that is no level of the
    service and another than the question's ("kombinerte stillinger … delt mellom sykehusene og Helse Nord IKT",
    "… mellom universiteter og kommunale tjenester" for posts between hospital and municipality); the speaker's own
    kind stands for its level. Evidence that names no such party is kept: a combined post is shared between the
    levels by what it is, and the words for them are too many to list."""
    t = templates()

    def other(a: dict[str, Any], e: dict[str, Any]) -> bool:
        m = re.search(t["between"], (e.get("quote") or "").lower())
        if not m or not re.search(t["other_parties"], m[1]):
            return False
        said = [n for n, level in t["levels"].items()
                if re.search(level["words"], m[1]) or a["actor"].get("type") in level["types"]]
        return bool(said) and not set(it.between) <= set(said)
    return [a for a in answers if not a["evidence"] or not all(other(a, e) for e in a["evidence"])]


def _statement_answer(row: dict[str, Any], relation: str) -> dict[str, Any]:
    """One statement's speaker as an answer (no measure), the statement its evidence."""
    return {"actor": {"id": row["actor_id"], "name": row["name"], "type": row["type"], "aliases": row["aliases"] or []},
            "relation": relation, "measure": None, "evidence": [evidence_item(row)]}


def _said(evidence: dict[str, Any]) -> str:
    """A quote with the sentence it points back to: what a question's words are looked for in."""
    return f"{evidence['quote'] or ''} {evidence.get('context') or ''}"


_KIND_ORDER = {k: n for n, k in enumerate(KINDS["STATES"])}  # a stance before a challenge, "other" last
_FIRST_OF = 20  # answers whose evidence is ranked by the question's words
_BEST_SHARE = 0.3  # of the topic's weight (its words some statement uses) a statement must hold to be put first
_ALSO_SHARE = 0.15  # … to be shown after the answer's quotes, when it holds more of it than they do
_ALSO_MORE = 2  # of the speaker's further statements holding that much, shown after its quotes


def _best_evidence_first(store: GraphStore, it: Interpretation, documents: list[str] | None,
                         answers: list[dict[str, Any]]) -> None:
    """An answer's first quote is the statement of its speaker (of the stance answered) that says most of what
    the question asks, when one says most of it: "what does X say about the discharge times?" is answered by X's
    sentence on discharge times, not by X's first proposal; "who wants legemiddelsamstemming within 24 hours"
    by the sentence with the 24 hours. A statement the answer did not hold is added (as ``_retrieved`` adds those
    in the question's words), and the speaker's next nearest statements after its quotes."""
    if not answers or not it.topic or it.intent in ("search", "when", "responsible"):
        return
    if it.theme and not it.phrase:  # the topic is the theme's own words, which every quote concerns already:
        # what each says on it first (its proposals, oppositions and examples), then the rest (a signature under
        # a heading of the theme concerns it too)
        for a in answers:
            a["evidence"].sort(key=lambda e: _KIND_ORDER.get(e.get("kind"), len(_KIND_ORDER)))
        return
    phrase = Phrase.weigh(store, it.topic, english=it.language == "en")
    phrase.stems = [(alts, w) for alts, w in phrase.stems if alts not in phrase.unseen]  # (no quote has those)
    if not phrase.stems:
        return
    if it.actor and it.intent in ("what_does_actor_propose", "about"):
        _nearest_of_actor(store, it, phrase, answers)
    first = [a for a in answers[:_FIRST_OF] if a["relation"] in KINDS and a["relation"] != "MENTIONED"]
    kinds = sorted({k for a in first for k in KINDS[a["relation"]]})
    # (in the documents the answers' quotes come from: a speaker's own submissions, not all it ever said)
    docs = sorted({e["document"] for a in first for e in a["evidence"] if e.get("document")})
    rows = store.query(_SPOKEN, {"ids": sorted({a["actor"]["id"] for a in first}), "kinds": kinds,
                                 "documents": docs}) if first and docs else []
    relations: dict[str, set[str]] = {}
    for a in first:
        relations.setdefault(a["actor"]["id"], set()).add(a["relation"])
    near: dict[tuple[str, str], list[tuple[float, float, dict[str, Any]]]] = {}
    local = _among_own(phrase, rows)
    for row in rows:
        cover = phrase.coverage(_said(row))
        for rel in relations.get(row["actor_id"], ()):
            if row["kind"] in KINDS[rel] and cover >= _ALSO_SHARE:
                near.setdefault((row["actor_id"], rel), []).append((local[id(row)], cover, row))
    done = set()
    for a in first:
        key = (a["actor"]["id"], a["relation"])
        if key not in near or key in done:
            continue
        done.add(key)
        ranked = [(cover, row) for _, cover, row in sorted(near[key], key=lambda c: (-c[0], -c[1]))]
        cover, row = ranked[0]
        shown = max((phrase.coverage(_said(e)) for e in a["evidence"]), default=0.0)
        if cover > shown and cover >= _BEST_SHARE:
            a["evidence"] = [evidence_item(row)] + [e for e in a["evidence"] if e["quote"] != row["quote"]]
        elif cover > shown:  # it says more of the question than any quote shown, though not much: after them
            a["evidence"] = [e for e in a["evidence"] if e["quote"] != row["quote"]] + [evidence_item(row)]
        # and the speaker's next nearest statements, after what was shown (the same view in other words, or the
        # sentence beside it, which the strict match passed over)
        quotes = {e["quote"] for e in a["evidence"]}
        a["evidence"] += [evidence_item(r) for _, r in [c for c in ranked if c[1]["quote"] not in quotes][:_ALSO_MORE]]


def _among_own(phrase: Phrase, rows: list[dict[str, Any]]) -> dict[int, float]:
    """How much of the question each statement holds, its words weighed by how rare they are among its speaker's
    own statements: a private rehabilitation centre says "private" and "rehabilitering" in most of what it writes,
    so among its statements the one that also says "fem år" is the one on five-year contracts."""
    by_actor: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_actor.setdefault(row["actor_id"], []).append(row)
    out: dict[int, float] = {}
    for own in by_actor.values():
        _, _, cover = _local_cover(phrase, [" ".join(folded_words(_said(r))) for r in own])
        out.update((id(row), c) for row, c in zip(own, cover, strict=True))
    return out


def _local_cover(phrase: Phrase, texts: list[str]) -> tuple[list[list[float]], list[float], list[float]]:
    """Per word of the phrase how much of it each text holds, its weight by how rare it is among these texts (as a
    ranked search of them would weigh it), and how much of the weighed phrase each text holds."""
    hits = [[phrase.held(alts, t) for t in texts] for alts, _ in phrase.stems]
    weights = [math.log((len(texts) - sum(h) + 0.5) / (sum(h) + 0.5) + 1) for h in hits]
    total = sum(weights) or 1.0
    return hits, weights, [sum(w * h[i] for w, h in zip(weights, hits, strict=True)) / total
                           for i in range(len(texts))]


_ACTOR_SHARE = 0.2  # of the topic's weight a statement of the actor asked about must hold to be its answer


def _nearest_of_actor(store: GraphStore, it: Interpretation, phrase: Phrase, answers: list[dict[str, Any]]) -> None:
    """"Kva meiner styret i Helse Fonna om at røntgenbilete om natta skal tolkast i Bergen?": the statement of the
    actor asked about, of any kind the question asks for, that holds most of the question's words (weighed by
    rarity) answers first, though it says the thing in other words ("ei felles regional nattvakt i radiologi frå
    Bergen") and no measure links it; its stance is its own (an opposition, where the answers held an example)."""
    own = [a for a in answers if a["actor"]["id"] == it.actor and a["relation"] in KINDS]
    docs = sorted({e["document"] for a in own for e in a["evidence"] if e.get("document")})
    relations = [r for r in it.relations if r in KINDS]
    kinds = sorted({k for r in relations for k in KINDS[r]})
    if not own or not docs or not kinds:
        return
    rows = store.query(_SPOKEN, {"ids": [it.actor], "kinds": kinds, "documents": docs})
    cover, row = max(((phrase.coverage(_said(r)), r) for r in rows), key=lambda x: x[0], default=(0.0, None))
    shown = max((phrase.coverage(_said(e)) for a in own for e in a["evidence"]), default=0.0)
    if row is None or cover < _ACTOR_SHARE or cover <= shown:
        return
    relation = next(r for r in relations if row["kind"] in KINDS[r])
    same = next((a for a in own if a["relation"] == relation), None)
    if same:
        same["evidence"] = [evidence_item(row)] + [e for e in same["evidence"] if e["quote"] != row["quote"]]
        answers.remove(same)
    else:
        same = {**own[0], "relation": relation, "measure": None, "evidence": [evidence_item(row)]}
    answers.insert(0, same)


_SPOKEN = ("MATCH (d:Document) WHERE d.id IN $documents WITH d "
           "MATCH (d)-[:CONTAINS]->(s:Statement)<-[:STATES]-(a:Actor) WHERE a.id IN $ids AND s.kind IN $kinds "
           "RETURN a.id AS actor_id, d.id AS document, d.file AS file, s.page AS page, s.line AS line, "
           "s.text AS quote, s.kind AS kind, s.context AS context")


def _merge(found: list[dict[str, Any]], more: list[dict[str, Any]], limit: int | None = None) -> int:
    """Adds the answers of a further query after ``found`` (while fewer than ``limit``); an actor already answered
    with that relation gains their quotes as further evidence instead. How many answers were added."""
    have = {(a["actor"]["id"], a["relation"]): a for a in found}
    added = 0
    for a in more:
        key = (a["actor"]["id"], a["relation"])
        if key in have:
            _add_evidence(have[key], a)
        elif limit is None or len(found) < limit:
            found.append(a)
            have[key] = a
            added += 1
    return added


def _add_evidence(known: dict[str, Any], more: dict[str, Any]) -> None:
    """The quotes of a second answer for the same actor and relation that the first does not already show."""
    quotes = {e["quote"] for e in known["evidence"]}
    known["evidence"] = known["evidence"] + [e for e in more["evidence"] if e["quote"] not in quotes]


def _saying(store: GraphStore, words: str, english: bool, places: list[str],
            weighed: Phrase | None = None) -> Callable[[dict[str, Any], dict[str, Any]], bool]:
    """Whether an answer's evidence says most of the words (in the quote or what it points back to) and every
    place (there or in the name of who says it). ``weighed``: the words already weighed."""
    phrase = weighed or (Phrase.weigh(store, words, english=english) if words else None)
    if phrase:
        phrase.share = 0.4  # most of what it adds, as the quotes of the measure word it

    def says(a: dict[str, Any], e: dict[str, Any]) -> bool:
        return (phrase is None or phrase.holds(_said(e))) \
            and _says_places(a, e, places)

    return says


def _names_its_own(store: GraphStore, words: str, english: bool) -> bool:
    """Whether what a question adds to a measure names a thing of its own: a place, or a word fewer than one
    statement in a hundred uses ("hjerneslag" in "pakkeforløp for hjerneslag"; not "drift" or "ansatte")."""
    phrase = Phrase.weigh(store, words, english=english)
    rare = math.log((phrase.statements + 1) / (phrase.statements / 100 + 0.5))
    return bool(_places(words)) or any(weight >= rare for _, weight in phrase.stems)


def _capitalised(words: str) -> list[str]:
    """A question's words written with a capital: names of places or organisations."""
    return [w for w in words.split() if w[:1].isupper() and len(w) >= 4 and "|" not in w]


def _places(words: str) -> list[str]:
    """The names of places (or organisations) among a question's words, lower case: not an abbreviation."""
    return [w.lower() for w in _capitalised(words) if not w.isupper()]


def _says_places(a: dict[str, Any], e: dict[str, Any], places: list[str]) -> bool:
    """Each place is said in the quote (an opposition's, or the sentence it points back to: "Dette kan formannskapet
    ikkje akseptere" after the move from Høyanger) or in the name of who says it."""
    quote = (_said(e) if a["relation"] == "OPPOSES" else e["quote"] or "").lower()
    return all(p in quote or p in a["actor"]["name"].lower() for p in places)


def _beyond_name(it: Interpretation, vocab: Vocabulary) -> str:
    """The question's specifics without the English words the measure's name already says ("the patient's shared
    medication list (pasientens legemiddelliste)": "patient" is no more than the name; an alias may be narrower)."""
    if it.language != "en":
        return it.specifics or ""
    named = " ".join(fold_text(e.name) for m in it.measures if (e := vocab.measures.entries.get(m)))
    return " ".join(w for w in (it.specifics or "").split()
                    if not any(len(a) >= 4 and a in named for a in english_stems(w.lower())))


_NARROWER = "MATCH (m:Measure) WHERE m.broader IN $ids RETURN m.id AS id, m.name AS name, m.aliases AS aliases"


def _narrower(store: GraphStore, it: Interpretation, vocab: Vocabulary) -> list[str]:
    """The discovered measures narrower than the question's whose names hold what the question adds to it (not
    the English words its name already says: "digital home monitoring" adds nothing to digital hjemmeoppfølging)."""
    beyond = _beyond_name(it, vocab)
    words = Phrase.weigh(store, beyond, english=it.language == "en")
    if not beyond or words.unseen:
        return []
    return [r["id"] for r in store.query(_NARROWER, {"ids": it.measures})
            if any(words.holds(n or "") for n in [r["name"], *(r["aliases"] or [])])]


def _keep(found: list[dict[str, Any]], pattern: re.Pattern[str]) -> list[dict[str, Any]]:
    """The answers whose evidence matches, with only that evidence; all of them when none does."""
    kept = []
    for a in found:
        evidence = [e for e in a["evidence"] if pattern.search(e["quote"] or "")]
        if evidence:
            kept.append({**a, "evidence": evidence})
    return kept or found


_NAMES = "MATCH (a:Actor) WHERE a.id IN $ids RETURN a.name AS name ORDER BY name"


def _both(store: GraphStore, it: Interpretation, documents: list[str] | None, vocab: Vocabulary,
          limit: int) -> list[dict[str, Any]]:
    per_actor, thin = [], []
    for actor in it.actors:
        it.actor = actor
        found = answer(store, it.intent, _params(it, documents), vocab, limit=500)
        if not found and it.phrase and not it.exact:  # each in its own words: most of the question's will do
            found = answer(store, it.intent, _params(it, documents, share=_SOME), vocab, limit=_LOOSE)
        if not found and it.phrase and not it.exact:  # else the few of its statements nearest the question's words
            found = answer(store, it.intent, _params(it, documents, share=_ANY), vocab, limit=_NEAREST)
        if not found and it.topic and not it.exact and (it.measures or it.groups or it.theme):
            # (or to all the question's words, when the measure, group or theme it names is not how it says it)
            named = [e.name for g in it.groups if (e := vocab.groups.entries.get(g))]
            nearest = replace(it, measures=[], groups=[], theme=None, phrase=" ".join([*named, it.topic]))
            found = answer(store, it.intent, _params(nearest, documents, share=_ANY), vocab, limit=_NEAREST)
        if not found and it.topic and not it.exact and (it.phrase or it.measures or it.groups):
            # (a "both" question is asked of two who each said something on it: the one statement of theirs that
            # holds anything of its words, a compound's part too, rather than nothing; the note says it is thin)
            found = _nearest_of(store, it, actor, documents)
            thin.extend(found)
        per_actor.append(found)
    it.actor = None
    if it.phrase or it.theme or it.measures or it.groups:  # "both … on Y": what each says on it
        # (Y a measure or a kind of it: "oppsøkende team" is one's FACT ung-team and the other's ACT team); one
        # that says nothing of it is named in the note, and the others answer
        silent = [a for a, found in zip(it.actors, per_actor, strict=True) if not found]
        if silent and len(silent) < len(it.actors):
            names = [r["name"] for r in store.query(_NAMES, {"ids": silent})]
            it.add_note(f"nothing said on it by {', '.join(names)}")
        if thin:
            it.add_note("little said on it by " + ", ".join(a["actor"]["name"] for a in thin)
                        + ": its statement nearest the question's words")
        return [a for found in per_actor for a in found][:limit]
    shared = set.intersection(*({a["measure"]["id"] for a in found if a["measure"]} for found in per_actor))
    if shared:
        return [a for found in per_actor for a in found if a["measure"] and a["measure"]["id"] in shared][:limit]
    # each in its own words: measures whose names share a long word ("skriftlige beredskapsavtaler med de frivillige
    # organisasjonene", "skriftlege beredskapsavtalar med dei frivillige hjelpekorpsa")
    alike = [[a for a in found if a["measure"] and all(
        any(_alike(a["measure"]["name"], b["measure"]["name"]) for b in other if b["measure"])
        for other in per_actor if other is not found)] for found in per_actor]
    if all(alike):
        it.note = "no one measure is backed by all of them: measures in their own words that share a word"
        return [a for found in alike for a in found][:limit]
    it.note = "no measure is backed by all of them"
    return []


_OWN_STATEMENTS = ("MATCH (a:Actor {id: $actor})-[:STATES]->(s:Statement)<-[:CONTAINS]-(d:Document) "
                   "WHERE s.kind IN $kinds AND ($documents IS NULL OR d.file IN $documents OR d.id IN $documents) "
                   "RETURN a.id AS actor_id, a.name AS name, a.type AS type, a.aliases AS aliases, d.id AS document, "
                   "d.file AS file, s.page AS page, s.line AS line, s.text AS quote, s.kind AS kind, "
                   "s.context AS context")


def _nearest_of(store: GraphStore, it: Interpretation, actor: str,
                documents: list[str] | None) -> list[dict[str, Any]]:
    """The one statement of the actor, of the stances asked, that holds most of the question's words (a compound's
    part counts), when any holds something of them."""
    kinds = sorted({k for rel in it.relations or ["STATES"] for k in KINDS[rel]})
    rows = store.query(_OWN_STATEMENTS, {"actor": actor, "kinds": kinds, "documents": documents})
    phrase = Phrase.weigh(store, it.topic or "", english=it.language == "en")
    scored = sorted(((phrase.coverage(_said(r)), n, r) for n, r in enumerate(rows)), key=lambda c: (-c[0], c[1]))
    if not scored or scored[0][0] <= 0:
        return []
    row = scored[0][2]
    return [_statement_answer(row, RELATION_OF_KIND.get(row["kind"], "STATES") if it.relations else "STATES")]


_LONG_STEM = 8  # a stem this long is a specific word ("beredskapsavtal"), not "kommun" or "pasient"


def _alike(a: str, b: str) -> bool:
    """Two measure names that share a long specific word, or two words, folded and stemmed as discovery keys them."""
    shared = set(key_of(a).split()) & set(key_of(b).split())
    return len(shared) >= 2 or any(len(w) >= _LONG_STEM for w in shared)


def _relax(store: GraphStore, it: Interpretation, documents: list[str] | None, vocab: Vocabulary, limit: int,
           answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An empty answer to "whether" is the answer; elsewhere drop the least certain filter and retry, and say so.
    An organisation's view on something in other words ("Kva meiner Eldrerådet om heimebesøk før dei treng hjelp?"):
    first its statements that share the question's rarer words, before everything it said."""
    if not answers and it.phrase and not it.exact and not (it.actor or it.actors) and it.intent != "whether":
        answers = _by_place(store, it, documents, vocab, limit)
    if not answers and it.actor and it.named and it.intent in ("what_does_actor_propose", "about"):
        # an organisation the view question names beside the one asked is part of the topic ("Hva mener NORCE om
        # å samle … forskningsmidler i Forskningsrådet?"): when no statement names it, what the one asked says
        it.named = None
        it.add_note("nothing matched every part of the question; answered without the second organisation it names")
        answers = _answer(store, it, documents, vocab, limit)
    loose: list[dict[str, Any]] = []
    if not answers and it.actor and it.phrase and not it.exact and it.intent in ("what_does_actor_propose", "about"):
        loose = _answer(store, replace(it, groups=[]), documents, vocab, limit, share=_SOME)
        if loose:
            it.add_note(f"no statement of this actor holds all of «{it.phrase}»: first those that share most of "
                        "its words")
    for drop in ("phrase", "groups", "theme") if it.intent != "whether" else ():
        # what is left must still say what the question is about: a measure or an actor, not only a kind of actor
        # (a theme question without its theme is about nothing: "Hvem vil ha flere desentraliserte tjenester?" in
        # documents that say nothing of it is not answered by every proposal, nor "Hvilke kommuner … om
        # digitalisering?" by every municipality's in the graph; within the few documents a question is asked of, the
        # kind's own statements are the nearest answer, said in other words than the theme's: "Hvilke private
        # virksomheter har forslag om forebygging?" by the one pharmacy chain's blood-pressure checks)
        anchored = (it.measures or it.actor or it.actors or it.named or it.intent.endswith("theme") and drop != "theme"
                    or (drop == "groups" or it.intent == "about" or drop == "theme" and documents) and it.kinds)
        if answers or not getattr(it, drop) or (drop == "phrase" and it.exact and it.intent != "about") \
                or not (anchored or drop != "phrase" and it.phrase):
            continue
        setattr(it, drop, [] if drop == "groups" else None)
        it.add_note(f"nothing matched every part of the question; answered without its {drop}")
        answers = _answer(store, it, documents, vocab, limit)
    if not answers and it.actor and it.measures and it.intent != "whether":
        answers = _actor_on_topic(store, it, documents, vocab, limit)
    if not answers and it.kinds and it.measures and not it.actor and it.intent != "whether":
        answers = _kind_on_theme(store, it, documents, vocab, limit)
    first = {_key(a) for a in loose}
    return [*loose, *(a for a in answers if _key(a) not in first)][:limit] if loose else answers


_NAMED_BY = "MATCH (a:Actor) WHERE a.name CONTAINS $w RETURN a.id AS id LIMIT 1"


def _by_place(store: GraphStore, it: Interpretation, documents: list[str] | None, vocab: Vocabulary,
              limit: int) -> list[dict[str, Any]]:
    """A place the question names that is in an organisation's name ("det felles demensteamet i Fredrikstad"):
    the sender says "vi" or "kommunen", not the place. The rest of the words, answered by organisations whose
    name holds the place."""
    places = [w for w in _capitalised(it.phrase or "") if store.query(_NAMED_BY, {"w": w})]
    rest = " ".join(w for w in (it.phrase or "").split() if w not in places)
    if not places or not rest:
        return []
    found = _answer(store, replace(it, phrase=rest), documents, vocab, limit)
    kept = [a for a in found if any(p.lower() in a["actor"]["name"].lower() for p in places)]
    if kept:
        it.add_note(f"«{' '.join(places)}» taken as the organisation that says it, not a word of the quote")
    return kept


def _key(a: dict[str, Any]) -> tuple[str, str, str | None]:
    return a["actor"]["id"], a["relation"], (a["measure"] or {}).get("id")


def _actor_on_topic(store: GraphStore, it: Interpretation, documents: list[str] | None, vocab: Vocabulary,
                    limit: int) -> list[dict[str, Any]]:
    """What an organisation says about a measure none of its statements is about ("Hva mener Steinkjer om
    finansieringen av fastlegeordningen?" when it wrote of fastlegene and takstene): its statements that use the
    question's words (most of them, inflected), and the note says so. When it uses none of them and the question
    asks what it thinks, what it says on the measure's theme, with a note that says that is what it is: the
    organisation is the answer, and the analyst sees it did not speak of the measure in those words."""
    entries = [vocab.measures.entries[m] for m in it.measures if m in vocab.measures.entries]
    names = ", ".join(e.name for e in entries) or ", ".join(it.measures)
    if not it.wording:
        return []
    measures, it.measures, it.phrase = it.measures, [], it.wording
    answers = _answer(store, it, documents, vocab, limit, share=0.5)
    if answers:
        it.add_note(f"no statement of this actor is about {names}: its statements in the question's words "
                    f"«{it.wording}»")
        return answers
    it.measures, it.phrase = measures, None
    themes = list(dict.fromkeys(t for e in entries for t in e.props.get("themes", [])))
    if it.intent == "what_does_actor_propose" and themes and "OPPOSES" in it.relations:
        # what it thinks or is against (not what it reports or proposes): what it says on the measure's theme, said
        # to be that
        on_theme = [a for t in themes[:1] for a in _answer(store, replace(it, measures=[], theme=t), documents, vocab,
                                                            limit)]
        if on_theme:
            it.add_note(f"no statement of this actor is about {names} or uses the question's words: what it says on "
                        f"the theme {themes[0]}")
            return on_theme
    return []


def _kind_on_theme(store: GraphStore, it: Interpretation, documents: list[str] | None, vocab: Vocabulary,
                   limit: int) -> list[dict[str, Any]]:
    """"Hvilke kommuner har kome med forslag om rekruttering og kompetanse?" names a field by a measure's words: when
    no actor of the kind speaks of the measure itself, those that speak of its theme answer, and the note says so."""
    themes = dict.fromkeys(t for m in it.measures if (e := vocab.measures.entries.get(m))
                           for t in e.props.get("themes", []))
    for theme in themes:
        found = _answer(store, replace(it, measures=[], theme=theme, phrase=None, specifics=None), documents, vocab,
                        limit)
        if found:
            names = _names_of(vocab, it.measures)
            it.add_note(f"none of them speaks of {names}: those that speak of its theme {theme}")
            return found
    return []


_BESIDE_PLACES = 0.1  # of the weight of a description's words beside its places, a loose answer must hold


def _beyond_places(store: GraphStore, it: Interpretation, answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A loose answer (a statement that holds only part of the description) must also say something of what the
    description says beside the places it names: "Kven vil opprette ei fødestove i Valldal?" is not answered by
    everything said about Valldal."""
    places = set(_places(it.phrase or ""))
    setting_up = tuple(templates()["setting_up"])
    rest = " ".join(w for w in (it.phrase or "").split()
                    if w.lower() not in places and not w.lower().startswith(setting_up))
    if not places or not rest:
        return answers
    phrase = Phrase.weigh(store, rest, english=it.language == "en")
    kept = [{**a, "evidence": [e for e in a["evidence"] if phrase.coverage(_said(e)) >= _BESIDE_PLACES]}
            for a in answers]
    return [a for a in kept if a["evidence"]]


_STANCE_OF = {"PROPOSES": "proposes or supports", "OPPOSES": "opposes", "REPORTS_AS_EXAMPLE": "reports as an example"}


def _nothing_said(it: Interpretation, vocab: Vocabulary, documents: list[str] | None, speaker: str | None) -> str:
    """For an answer with nothing in it: which statements were looked for ("no statement of an actor of the kind
    asked (union, professional association) proposes or supports «seksuell helse» in the question's documents"),
    so that an empty answer is not taken for a failure to understand the question."""
    names = _names_of(vocab, it.measures)
    name = "name_en" if it.language == "en" else "name"
    theme = next((t.get(name) or t["id"] for t in vocab.themes if t["id"] == it.theme), it.theme)
    what = names or (f"the theme {theme}" if theme else f"«{it.phrase}»")
    who = f" of {speaker}" if speaker else (
        f" of an actor of the kind asked ({', '.join([*it.actor_types, *it.actor_names])})" if it.kinds else "")
    stance = " or ".join(_STANCE_OF[r] for r in it.relations if r in _STANCE_OF) or "speaks of"
    return f"no statement{who} {stance} {what}" + (" in the question's documents" if documents else " in the graph")


def _names_of(vocab: Vocabulary, measures: list[str]) -> str:
    """The vocabulary's names of measures, for a note."""
    return ", ".join(vocab.measures.entries[m].name for m in measures if m in vocab.measures.entries)


def _first_actors(answers: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """The answers of the first ``n`` actors: a few best answers are a few senders, not one sender's several
    measures."""
    first = list(dict.fromkeys(a["actor"]["id"] for a in answers))[:n]
    return [a for a in answers if a["actor"]["id"] in first]


def _distinctive(alias: str) -> bool:
    """An alias that names one organisation anywhere: several words or an abbreviation ("UNN", "SiV", "Ylf"), not a
    member's short name like "Kommunene" that only means something inside its own document."""
    return " " in alias.strip() or sum(c.isupper() for c in alias) >= 2 \
        or len(alias) <= _SHORT_NAME and alias[:1].isupper() and alias.isalpha()


_SHORT_NAME = 4  # letters: an abbreviation written in lower case after its capital ("Ylf", "Ahus")


def _params(it: Interpretation, documents: list[str] | None, share: float | None = None) -> dict[str, Any]:
    return {"phrase_share": share, "exact": it.exact, "language": it.language, "measure_ids": it.measures,
            "group_ids": it.groups, "phrase": it.phrase, "theme": it.theme, "actor": it.actor, "named": it.named,
            "actor_types": it.actor_types, "actor_names": it.actor_names, "relations": it.relations,
            "authors": it.authors, "documents": documents}


def _search(store: GraphStore, question: str, limit: int) -> list[dict[str, Any]]:
    """Full-text search on the question's topic words, grouped like every other answer."""
    stop = templates()["stop"]
    words = [w for w in re.findall(r"[^\W_]+", question.lower()) if w not in stop and len(w) > 2]
    hits = store.fulltext("Statement", " ".join(words), limit) if words else []
    if not hits:  # every word at once found nothing: any of them, best scores first
        merged = {h["node"]["id"]: h for w in words for h in store.fulltext("Statement", w, limit)}
        hits = sorted(merged.values(), key=lambda h: -h["score"])[:limit]
    nodes = [h["node"] for h in hits]
    who = {r["id"]: r for r in store.query(_SPEAKERS, {"ids": [n["id"] for n in nodes]})}
    groups: dict[tuple[str, str | None], dict[str, Any]] = {}
    for n in nodes:
        r = who.get(n["id"])
        if not r:
            continue
        mid = r["measure_ids"][0] if r["measure_ids"] else None
        entry = groups.setdefault((r["actor_id"], mid), {
            "actor": {"id": r["actor_id"], "name": r["actor"], "type": r["type"], "aliases": r["aliases"] or []},
            "relation": "STATES", "measure": {"id": mid, "name": r["measures"][0]} if mid else None,
            "evidence": []})
        entry["evidence"].append(evidence_item({"document": n.get("document_id"), "file": None, "page": n.get("page"),
                                                "line": n.get("line"), "quote": n.get("text"), "kind": n.get("kind")}))
    return list(groups.values())
