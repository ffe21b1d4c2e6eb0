"""The extractor on the genre: the development set's figures, the cue lint, and the stance language on
invented sentences (none of them from the development set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.devset import evaluate_devset
from graph.extract.cue_support import support, texts_of
from graph.extract.kinds import contrast_split, statement_kind
from graph.extract.statements import Extraction, extract
from loaders import load_document
from loaders.authorship import author_from_lines, stance_subject

ROOT = Path(__file__).resolve().parent.parent
CORPUS, DEVSET = ROOT / "data" / "corpus", ROOT / "tests" / "fixtures" / "genre"


@pytest.fixture(scope="module")
def dev() -> dict:
    return evaluate_devset(DEVSET, [CORPUS])


def test_every_cue_and_prompt_pattern_matches_at_least_two_documents() -> None:
    """A cue earns its place by matching the genre, not one sentence of one document."""
    lonely = {cue: sorted(docs) for cue, docs in support(texts_of([CORPUS, DEVSET])).items() if len(docs) < 2}
    assert not lonely, f"cues matching fewer than two documents (remove or generalise them): {lonely}"


def test_development_set_leaving_one_kind_of_sender_out(dev: dict) -> None:
    """(PROPOSES precision was held at 0.90 until session 15 added sets AF–AL, 48 documents scored at first sight at
    0.59–0.85 precision: municipal case papers, minutes, board cases; the floor was then 0.85. Session 16 added
    AM–AO and AR–AV, 72 documents of long argued prose and units writing for their bodies, at first sight 0.47–0.84
    precision: the floor is now 0.80.)"""
    s = dev["leave_one_kind_out"]["all"]["scores"]
    assert s["PROPOSES"]["precision"] >= 0.80 and s["PROPOSES"]["recall"] >= 0.85
    assert s["OPPOSES"]["precision"] >= 0.85 and s["OPPOSES"]["recall"] >= 0.75
    assert s["REPORTS_AS_EXAMPLE"]["recall"] >= 0.80
    assert len(dev["sender_kinds"]) >= 8 and dev["documents"] >= 30


def test_extractor_beats_the_cue_baseline(dev: dict) -> None:
    ours, base = dev["extractor"]["all"]["scores"]["all"], dev["baseline"]["all"]["scores"]["all"]
    assert ours["recall"] >= base["recall"] + 0.20
    assert ours["precision"] >= base["precision"]


def test_nynorsk_holds_with_bokmal(dev: dict) -> None:
    nb, nn = dev["extractor"]["by_language"]["nb"]["all"], dev["extractor"]["by_language"]["nn"]["all"]
    assert abs(nb["recall"] - nn["recall"]) <= 0.05 and abs(nb["precision"] - nn["precision"]) <= 0.05


def test_sets_written_after_the_rules_stay_good(dev: dict) -> None:
    """Sets D and E were written by others while the rules were made and scored before anyone read them
    (first sight: D P 0.892 R 0.874, E P 0.939 R 0.916); a floor below that guards against regressions."""
    for name in ("genre-D", "genre-E"):
        s = dev["extractor"]["by_annotation_file"][name]["all"]
        assert s["precision"] >= 0.85 and s["recall"] >= 0.85, (name, s)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Kommunestyret støtter ikke forslaget om å samle barselomsorgen i Tromsø.", "opposition"),
    ("Rådet går derfor imot at egenandelen økes.", "opposition"),
    ("Vi er usamde i at tilskotet skal fordelast etter folketal.", "opposition"),
    ("Foreningen er kritisk til at kravet fjernes.", "opposition"),
    ("Sjukehuset fraråder at ordninga blir lagd ned.", "opposition"),
    ("Forbundet slutter seg til forslaget om en nasjonal bemanningsnorm.", "proposal"),
    ("Vi stiller oss bak kravet om faste stillinger.", "proposal"),
    ("Heradet meiner at tilbodet må styrkjast.", "proposal"),
    ("Styret ber departementet sørge for at midlene videreføres.", "proposal"),
    ("Fylkeskommunen ser positivt på at planen omtaler tannhelse.", "proposal"),
    ("Sidan 2017 har vi drive eit ambulant team for eldre.", "example"),
    ("Bydelen tilbyr gruppebasert foreldreveiledning.", "example"),
    ("Departementet foreslår at fristen forlenges.", "other"),
    ("I høringsnotatet anbefaler direktoratet en ny modell.", "other"),
    ("Uttalelsen ble vedtatt av bystyret 3. mai.", "other"),
    ("Bør kommunene få ansvaret?", "other"),
    ("Rådet advarer mot at tilbudet flyttes til Hamar.", "opposition"),
    ("Vi kan ikkje sjå at fristen bør kortast ned.", "opposition"),
    ("Laget er positivt til at kurset blir gratis.", "proposal"),
    ("Fra 2021 har vi publisert en årlig oversikt over ventetider.", "example"),
    ("Mange eldre må vente i over et halvt år på hørselsapparat.", "challenge"),
    # (session 15) a proposal judged by what it will do, judged wanting, refused by a heading word
    ("Ei slik samanslåing vil svekkje beredskapen i fjellbygdene.", "opposition"),
    ("Å flytte poliklinikken til byen vil få alvorlige konsekvenser for pasientene.", "opposition"),
    ("Forslaget mangler faglig grunnlag.", "opposition"),
    ("Å halvere bemanningen er ikke veien å gå.", "opposition"),
    ("Nei til egenandel på fysioterapi for barn.", "opposition"),
    ("Foreningen tar ikke stilling til plasseringen av basen.", "other"),
    ("Representanten Per Dal (Sp) fremmet forslag om et nytt punkt om jordmor.", "other"),
    ("Psykologene i kommunene brukes for lite i skolehelsetjenesten.", "challenge"),
    ("Planen legger opp til at legevakten samles i Lillehammer.", "other"),
    ("Høyringssvaret er utarbeidd etter eit møte med eldrerådet.", "other"),
    ("Foreningen mener det er feil å legge ansvaret på kommunene alene.", "opposition"),
    ("Vi vil sterkt fraråde at fristen kortes ned.", "opposition"),
    ("Laget rår sterkt frå at kurset blir lagt ned.", "opposition"),
    ("Vi er glade for at planen nemner pårørande.", "proposal"),
    ("I 2023 starta laget ei sorggruppe for unge.", "example"),
    ("Departementet ber særlig om innspill på om fristen bør forlenges.", "other"),
    ("Dette meiner vi er uklokt.", "opposition"),
    ("Bø kommune vil øke legeressursen ved sjukeheimen.", "proposal"),
    ("Det vil øke kostnadene for kommunene.", "other"),
    ("Kommunen har et ambulant team for eldre med demens.", "example"),
    ("Bygda har en eldre befolkning enn fylket ellers.", "other"),
    ("Små kommunar har ikkje fagmiljø til å drive eigne legevakter.", "other"),
    ("Det stiller vi oss bak.", "proposal"),
    ("Direktoratet spør om fristen bør forlenges.", "other"),
    ("Vi er ikke enige i at gebyret skal økes.", "opposition"),
    ("Laget kan ikkje stø ei slik omlegging.", "opposition"),
    ("Vi savner en plan for rekruttering av jordmødre.", "proposal"),
    ("Helse Bergen har i sitt svar sagt at tilbudet bør samles i Bergen.", "other"),
    ("Kommunen har ikkje hatt jordmor sidan 2015.", "challenge"),
    # (session 17) support with reservations by a named municipality, or with the subject after the verb
    ("Fjellvik kommune kan støtte en felles legevakt, forutsatt at staten betaler.", "proposal"),
    ("Ein felles legevakt kan kommunen støtte, forutsett at staten betaler.", "proposal"),
    ("Hvordan kan kommunen støtte pårørende?", "other"),
    # (session 22) rejections in a clause, with the subject after the verb, and by misgivings; another body's view
    # told; the offer to take part; an elliptic "Viktig at …"
    ("Laget meiner at ei slik omlegging ikkje er rett veg å gå.", "opposition"),
    ("Rådet frykter at en regional samordning vil svekke beredskapen.", "opposition"),
    ("Derfor kan Fjellvik kommune ikke støtte at basen flyttes.", "opposition"),
    ("Vi ser ikkje behovet for ei ny rapporteringsordning.", "opposition"),
    ("Foreningen har store betenkeligheter med en slik sammenslåing.", "opposition"),
    ("Det er ikke forsvarlig å fjerne kravet om spesialist.", "opposition"),
    ("Vi frårår at fristen blir kortare.", "opposition"),
    ("Laget er uroa over framlegget om å leggje ned sengeposten.", "opposition"),
    ("Pensjonistforbundet har pekt på at bussen må gå oftere.", "other"),
    ("Ungdomsrådet peika på møtet i mars på at tilbodet må vere gratis.", "other"),
    ("Forbundet bidrar gjerne i det videre arbeidet med planen.", "other"),
    ("Viktig at kommunene får midler til opplæring av personalet.", "proposal"),
    # what a proposed change would weaken, said of the change itself
    ("Færre jordmødre på vakt om natta vil svekke beredskapen.", "opposition"),
    ("Ein felles nattevakt for tre kommunar vil svekke tryggleiken.", "opposition"),
    # a refusal with the subject or an adverb between its words, and what is proposed judged not justifiable
    ("Dette er vi slett ikke enige i.", "opposition"),
    ("Eit slikt krav kan me ikkje gå med på.", "opposition"),
    ("Forbundet kan ikke stille seg bak at kursene legges ned.", "opposition"),
    ("Ei slik nattbemanning er ikkje fagleg forsvarleg.", "opposition"),
    ("Kommunen kan ikke påta seg ansvaret for utstyret.", "opposition"),
    ("Dagens bemanning er ikke forsvarlig.", "other"),
    # another body's proposal, told after where it stands; what people have to do today
    ("I kapittel 6.2 foreslår departementene at alle kommuner skal ha en frisklivssentral.", "other"),
    ("I dag må pasientene reise til Bodø for hver kontroll.", "challenge"),
    # a vote recorded in the minutes is procedure, not a practice of the sender's
    ("Forslaget fra Ap om nytt punkt 4 ble enstemmig vedtatt.", "other"),
    ("Innstillingen ble vedtatt med 31 mot 4 stemmer.", "other"),
    ("Følgende uttalelse ble enstemmig vedtatt: Kommunen går imot at fødeavdelingen legges ned.", "opposition"),
    # a goal or the draft's direction shared, another's view shared, the draft judged as a whole: no measure
    ("Fylkeskommunen sluttar seg til hovudretninga i planen om meir behandling nær heimen.", "other"),
    ("Vi stiller oss bak målet om at flere eldre skal kunne bo hjemme.", "other"),
    ("Dette er en retning foreningen slutter seg til.", "other"),
    ("Kommunen deler direktoratets vurdering av at samarbeidet må bli tettere.", "other"),
    ("Vi mener utkastet i for liten grad tar hensyn til de minste kommunene.", "other"),
    ("Vi støtter hovedretningen i planen, særlig satsingen på hjemmesykehus.", "proposal"),
    ("Forbundet deler synet og mener at en bemanningsnorm bør innføres.", "proposal"),
    ("Kommunen deler ikke denne vurderingen.", "opposition"),
    # what many have to do is told, not demanded
    ("Fødestua i Fjellby legges ned fra 2028 | Kan ikke aksepteres | Reisetida blir for lang", "opposition"),
    ("Mange pasienter må reise over fire timer til nærmeste sykehus.", "challenge"),
    ("Kommunen har ikkje jordmor i dag, og gravide må reise til byen for kontrollar.", "challenge"),
    ("Poliklinikken bør ha ope om kvelden, slik at ungdom ikkje må ta fri frå skulen.", "proposal"),
    # a plan's or a council's proposal, reported
    ("Omstillingsplanen foreslår at laboratoriet flyttes til Fjellby.", "other"),
    ("Handlingsdelen foreslår at alle kommuner skal ha et rusteam.", "other"),
    ("Brukerutvalget ved Fjellby sykehus har bedt om at pårørende får en fast kontaktperson.", "other"),
    # posts nobody fills are a problem, though told like a practice; the sender described, or a practice of nobody
    # in particular, is no example; the sender's members' practice is
    ("Klinikken har hatt ni ubesatte stillinger for psykologer gjennom hele året.", "challenge"),
    ("Kommunen har i flere år hatt vansker med å rekruttere sykepleiere til hjemmetjenesten.", "challenge"),
    ("Kommunen har de siste årene hatt vakanser i to av sju fastlegehjemler.", "challenge"),
    ("Foreningen er en landsdekkende organisasjon for pårørende til rusavhengige.", "other"),
    ("Stiftelsen driver to poliklinikker og har om lag 120 ansatte.", "other"),
    ("Mange kommuner har kjøpt inn sensorer de siste årene.", "other"),
    # a measure judged good or needed, also on a condition
    ("Et viktig tiltak vil være en felles vakttelefon for foreldre i Fjellby.", "proposal"),
    ("Eit viktig tiltak i planperioden vil vere fleire plassar i barnehagen.", "proposal"),
    ("Fastlegeteam kan være et godt tiltak dersom staten dekker driften.", "proposal"),
    # endorsement with the sender named after the verb, a request announced, the nynorsk "ynskjer"; a proposal judged
    # by what it will weaken (not the draft's plan told) or as a wrong move
    ("Dette slutter Fjellvik eldreråd seg fullt ut til.", "proposal"),
    ("Vi vil derfor be om at sykehuset sender epikrisen samme dag.", "proposal"),
    ("Me ynskjer at legevakta held ope heile natta.", "proposal"),
    ("Forslaget vil svekke tilbodet til dei eldste pasientane.", "opposition"),
    ("Utkastet vil samle legevakten i Fjellby.", "other"),
    ("Dette er et feil grep, fordi det gjør turnusen vanskeligere.", "opposition"),
    # the sender's practice after a season, and what its own project has shown (not another country's)
    ("Fra høsten 2024 har kommunen delt en jordmorstilling med sykehuset.", "example"),
    ("Hausten 2023 starta laget eit kurs for pårørande.", "example"),
    ("Erfaringene fra vårt prosjekt med digitale foreldregrupper viser at flere fullfører.", "example"),
    ("Erfaringene fra Danmark viser at ventetidene går ned.", "other"),
    ("Fleire av medlemene våre har sidan 2023 hatt faste dagar på helsestasjonane.", "example"),
    # a consultation table's "no comment", unless a cell after it asks for something
    ("Kommunane skal kartleggje behovet for rehabilitering kvart fjerde år | Ingen merknad |", "other"),
    ("Kommunane skal kartleggje behovet for rehabilitering kvart fjerde år | Ingen merknad | Bør også gjelde barn",
     "proposal"),
    # a consultation table's verdict in the passive: supported, in part or on a condition; not supported
    ("Døgnplassene flyttes fra Fjellby til Dalby | Støttes delvis | Akseptabelt bare med et ambulant team", "proposal"),
    ("Felles jordmorstillinger mellom fødeavdelingen og kommunene | Støttes", "proposal"),
    ("Legevakta i Fjellby får videokontakt med lege på natt | Støttes på vilkår | Må ikke erstatte lege", "proposal"),
    ("Ambulansestasjonene i Fjellby og Dalby slås sammen | Støttes ikke | Lang reisevei", "opposition"),
    # what the sender holds decisive, and for what
    ("Avgjerande for oss er at ambulansebåten held fram i Fjellvik.", "proposal"),
    ("Avgjerande for at ordninga skal fungere, er at jordmora får tilgang til journalen.", "proposal"),
    # the response itself endorsed, asked for or offered more of: procedure, not a measure
    ("Formannskapet slutter seg til høringssvaret slik det går fram av saksutredningen.", "other"),
    ("Styret vedtar høringssvaret i vedlegg 2.", "other"),
    ("Ordføraren har bede ungdomsrådet om ei eiga fråsegn.", "other"),
    ("Ta gjerne kontakt dersom dere ønsker flere tall.", "other"),
    ("Kommunedirektøren anbefaler at kommunestyret slutter seg til forslaget til vedtak.", "other"),
    ("Kommunen bør ta kontakt med pårørende innen to døgn.", "proposal"),
    ("Sykehuset må ta kontakt dersom det blir ledig plass på sengeposten.", "proposal"),
    # the draft judged or welcomed as a whole, no measure; a measure it will carry out welcomed is support
    ("Vi mener utkastet i hovedsak peker i riktig retning.", "other"),
    ("Me er glade for at departementet løftar fram eldre med syns- og høyrselstap.", "other"),
    ("Vi er glade for at handlingsplanen har et eget kapittel om ensomhet.", "other"),
    ("Vi er glade for at departementet vil lovfeste retten til tolk.", "proposal"),
    # the draft's proposal in the passive, reported: no stance of the sender's (a table's "Foreslås" is its own)
    ("I kapittel 4.2 foreslås det at fødestua i Fjellby legges ned.", "other"),
    ("Det foreslås at nattambulansen i Dalby flyttes til Fjellby.", "other"),
    ("Legevaktsentralen i Fjellby foreslås slått sammen med legevaktsentralen i Dalby.", "other"),
    ("Lærlingtilskudd til kommuner som tar inn helsefaglærlinger | Staten | Foreslås", "proposal"),
    # what research or others' experience shows
    ("Studier fra flere land har vist at slike team gir færre innleggelser.", "other"),
    ("Erfaring frå andre sjukehus tyder på at legar som har hatt LIS1-teneste, kjem attende.", "other"),
    # a change judged by what it will do, named as "det" after a "men"; a lack is no change anyone proposed
    ("Men det vil svekke tilbudet til ungdom som ligger lenge på sykehus.", "opposition"),
    ("Mangel på leger vil svekke beredskapen i distriktene.", "other"),
    # a proposal named as "en slik …" judged unrealistic or incompatible; a lack today is no judgement of one
    ("Et slikt mål er etter vår vurdering ikke realistisk innen 2030.", "opposition"),
    ("En slik observatørrolle er ikke forenlig med tilsynsrollen.", "opposition"),
    ("Et slikt tilbud er ikke tilgjengelig i dag.", "other"),
    # the sender's own recommendation named as such; a bare noun judged by the harm it will do (what it leads to
    # may be good)
    ("Vår anbefaling er at Fjellby kommune får et eget rusteam.", "proposal"),
    ("Våre viktigste innspel er at legevakta i Dalby held fram.", "proposal"),
    ("Våre innspill er ordnet i ni punkter.", "other"),
    ("Foreningen mener at skjermtolking som hovedregel vil svekke tryggheten for døve.", "opposition"),
    ("Eigenbetaling for tryggleiksalarm vil ramme dei som har minst.", "opposition"),
    # (session 55) a fear said as concern, a change judged
    ("Rådet er bekymret for at en slik samling vil svekke beredskapen i distriktet.", "opposition"),
    ("Vi mener denne endringen av finansieringen er svært uheldig.", "opposition"),
    # approval of what is done or given is support; praise of the draft is not
    ("Det er bra at eldre som bur heime får tilbod om tryggleiksalarm utan eigendel.", "proposal"),
    ("Det er positivt at utkastet omtaler ungdom.", "other"),
    ("Utbygging av hjemmesykehus vil føre til færre innleggelser.", "other"),
    # what some of a group need or think, not the sender's proposal
    ("Mange av medlemmene våre har behov for logoped gjennom hele livet.", "challenge"),
    ("Fleire av pasientane er positive til video frå heimen.", "challenge"),
    # a practice the sender has not tried, took no part in, or that is not there yet; one used little is a problem
    ("Kommunen har ikke prøvd ut videokonsultasjon i egen regi.", "challenge"),
    ("Vi har ikkje delteke i hospiteringsordninga som nabokommunane har med sjukehuset.", "challenge"),
    ("Ambulant akutteam er førebels ikkje etablert i Fjellbygda.", "challenge"),
    ("Fagportalen brukes lite av de ansatte på sykehjemmet, fordi den bare finnes på engelsk.", "challenge"),
    # a practice that has ended is no example; nor are people described by what they have had, nor the sender by
    # its kind of body (its practice with a year stays one)
    ("Prosjektet ble avsluttet da tilskuddet fra fylket tok slutt.", "other"),
    ("Vi er en landsdekkende pasientforening for personer som har eller har hatt hjerneslag.", "other"),
    ("Ungdom som har hatt kreft, mister ofte kontakten med helsetjenesten etter behandlingen.", "other"),
    ("Kommunen har siden 2022 hatt et ambulant team for personer som har hatt hjerneslag.", "example"),
    # procedure: the vote with its meeting, the meetings on the draft counted (meetings as a practice stay one); a
    # stance put off; an offer to take part
    ("Uttalelsen ble vedtatt enstemmig i rådsmøtet 4. mars, etter drøfting i nettverket.", "other"),
    ("Vi har hatt tre møter om utkastet i vår.", "other"),
    ("Rådet har sidan 2023 hatt faste møte med klinikkleiinga.", "example"),
    ("Me kjem attende med eit eige innspel om romprogrammet når forprosjektet er starta.", "other"),
    ("Legesenteret deltar gjerne i utprøving av nye tjenester.", "other"),
    # another body's view or request, acknowledged or told: not the sender's
    ("Vi er klar over at Fjellby kommune mener at legevakten bør flyttes til sentrum.", "other"),
    ("Rådet vil òg minne om at Fjellvik pensjonistlag har bede om gratis parkering ved sjukehuset.", "other"),
    ("Flere kommuner i Fjelldalen har bedt om at det opprettes en fødestue.", "other"),
    # (session 56) the call to reject the proposal, in the passive; what is to be turned away that is no proposal,
    # or must not be, is no opposition
    ("Kommunestyret mener forslaget bør avvises, og at departementet må utrede saken på nytt.", "opposition"),
    ("Når kostnadene ikkje er greidde ut, bør framlegget difor forkastast.", "opposition"),
    ("Dette forslaget må forkastes i sin helhet.", "opposition"),
    ("Ufullstendige henvisninger må ikke avvises uten at fastlegen blir kontaktet.", "proposal"),
    # (session 56) "nei til" with a dash or exclamation marks between; a "Nei," that answers a question is none
    ("NEI - TIL NEDLEGGING AV FØDESTUA I FJELLBYGD", "opposition"),
    ("NEI!!...til at legevakta blir flytta til byen.", "opposition"),
    ("Nei, til nå har kommunen ikke hatt egen jordmor.", "challenge"),
    # (session 56) no basis for what is proposed; too little knowledge to judge something is no refusal
    ("Vi mener det ikke lenger finnes faglig grunnlag for en slik samling av fødetilbudet.", "opposition"),
    ("Det finst ikkje medisinsk grunnlag for denne innstramminga.", "opposition"),
    ("Det finnes ikke godt nok kunnskapsgrunnlag for å vurdere effekten.", "other"),
    # (session 58, set BW) what is proposed not wanted or not accepted; a practice done in a year; an e-mail's notice
    ("Det er etter styrets syn ikke ønskelig at legevakten stenges om natten.", "opposition"),
    ("Det er ikkje ønskjeleg at pasientane må betale for plassen.", "opposition"),
    ("Kommunen godtar ikke at ambulansen flyttes til Fjellby.", "opposition"),
    ("Rådet godtek ikkje ein eigendel på kommunale døgnplassar.", "opposition"),
    ("Foreningen aksepterer ikke at kurset kortes ned til ti timer.", "opposition"),
    ("Eg vil ikkje at legekontoret skal stengje om sommaren.", "opposition"),
    ("Vi gjennomførte i 2024 fire kurs i legemiddelhåndtering for assistenter.", "example"),
    ("Hvis du har mottatt denne e-posten ved en feil, ber vi deg slette den.", "other"),
    # (session 59, sets BX and BY) a verdict that the proposal be withdrawn or not carried out; a recommendation that
    # what is to change stays; support found impossible to give; a matter not to be handled as it stands; a proposal
    # found questionable — and what only looks like one: a recommendation that a cost not be charged is a proposal
    ("Vår konklusjon er at forslaget om å stenge nattlegevakten ikke bør gjennomføres.", "opposition"),
    ("Tilbakemeldinga vår er at framlegget om eigendel bør trekkjast.", "opposition"),
    ("Fjellbu kommune anbefaler at dagens ordning med jordmorvakt ikke endres.", "opposition"),
    ("Rådet tilrår at retten til avlastning ikkje vert endra.", "opposition"),
    ("Foreningen finner ikke å kunne gi tilslutning til at kurset kortes ned.", "opposition"),
    ("Saka bør ikkje handsamast vidare slik ho er lagd fram.", "opposition"),
    ("Foreningen finner forslaget om en felles vaktsentral betenkelig for små kommuner.", "opposition"),
    ("Vi anbefaler at pasientene ikke må betale egenandel for dagtilbudet.", "proposal"),
    # support of an intention to do something is a proposal; of an intention alone, none
    ("Vi støtter intensjonen om å styrke oppfølgingen etter utskrivning.", "proposal"),
    ("Vi støtter intensjonen bak planen.", "other"),
    # a practice held at a fixed interval, a thing made for others; not what should be held, nor a draft written
    ("Vi holder hver måned et åpent kurs i nettbrett for eldre.", "example"),
    ("Heimetenesta held kvar veke eit ope møte for pårørande.", "example"),
    ("Kommunen bør holde hver måned et møte med brukerrådet.", "proposal"),
    ("Vi har laget en brosjyre om rettighetene til pårørende.", "example"),
    ("Sekretariatet har laget et utkast til høringssvar.", "other"),
])
def test_stance_language_of_the_genre(sentence: str, kind: str) -> None:
    assert statement_kind(sentence, None, positional=False) == kind


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Å la målingar på nettbrett erstatte besøk frå heimesjukepleia vil svekke tryggleiken.", "opposition"),
    ("Sidan 2021 har kommunen drive eit ambulant team for eldre.", "example"),
])
@pytest.mark.parametrize("number", ["", "1. ", "2.5 ", "3) ", "b) "])
def test_a_list_items_number_does_not_change_its_kind(sentence: str, kind: str, number: str) -> None:
    """Cues that read a sentence's start read it after the item's number ("1. Å la …" is "Å la …")."""
    assert statement_kind(number + sentence, None, positional=False) == kind


def test_a_stance_that_announces_remarks_is_a_statement(tmp_path: Path) -> None:
    """Invented (session 59): the sender's support that ends with a colon before its remarks is its stance (five
    development documents of five senders, sets BX and BY); a lead-in that only announces remarks is none."""
    f = tmp_path / "fjellbu.txt"
    f.write_text("Høringssvar fra Fjellbu Pårørendeforening\n\n"
                 "Fjellbu Pårørendeforening støtter forslaget om rett til avlastning i helgene og vil knytte noen "
                 "kommentarer til dette:\n\n- Avlastningen må kunne gis i hjemmet.\n\n"
                 "Foreningen har følgende merknader til de andre forslagene i notatet:\n\n"
                 "- Fristen for svar fra kommunen bør være fire uker.\n\nMed hilsen\nFjellbu Pårørendeforening\n",
                 "utf-8")
    said = {s.text: s.kind for s in extract(load_document(f)).statements}
    assert [k for t, k in said.items() if t.startswith("Fjellbu Pårørendeforening støtter")] == ["proposal"], said
    assert not any(t.startswith("Foreningen har følgende") for t in said), said


def test_support_and_rejection_in_one_sentence_are_two_statements() -> None:
    text = "Vi støtter målet om kortere ventetid, men går imot at dette skal skje ved å kutte i poliklinikkene."
    at = contrast_split(text)
    assert at is not None and text[at:].lstrip().startswith("men går imot")
    assert contrast_split("Vi støtter målet, men ønsker en raskere innføring.") is None


_CASE_WITH_COUNCIL = ("FJELLBU KOMMUNE\n\nSærutskrift\n\nHøyring – framlegg om eigendel på dagtilbod\n\n"
                      "Kommunestyret sitt vedtak 12.03.2026\n\n"
                      "Fjellbu kommune gjev slik høyringsfråsegn til departementet:\n\n"
                      "1. Fjellbu kommune støttar framlegget om ein fast kontaktperson i heimetenesta\n"
                      "2. Kommunen kan ikkje gi si tilslutning til ein eigendel på dagtilbodet\n\n\n"
                      "Uttale frå Rådet for eldre og personar med funksjonsnedsetjing\n\n"
                      "Rådet for eldre og personar med funksjonsnedsetjing handsama saka i møtet sitt 2. mars.\n"
                      "Rådet meiner at alle som bur heime med demens skal ha rett på dagtilbod utan eigendel.\n\n\n"
                      "Saksopplysningar\n\nDepartementet føreslår ein eigendel på 100 kroner dagen.\n")


def test_a_councils_statement_appended_to_its_municipalitys_case_is_the_councils(tmp_path: Path) -> None:
    """Invented (session 59): a municipality's case paper gives its council's decision and then appends its elderly
    council's statement under a heading of its own (two development documents of two municipalities, sets BX and BY):
    the letter is the municipality's, the appended section the council's, named with the municipality's place."""
    f = tmp_path / "fjellbu.txt"
    f.write_text(_CASE_WITH_COUNCIL, "utf-8")
    ex = extract(load_document(f))
    by = {s.text: [ex.actors[a].name for a in s.speakers] for s in ex.statements}
    assert ex.document.parts[0].author in ("Fjellbu kommune", "FJELLBU KOMMUNE"), ex.document.parts[0].author
    council = [v for t, v in by.items() if t.startswith("Rådet meiner")]
    assert council == [["Rådet for eldre og personar med funksjonsnedsetjing i Fjellbu"]], by
    assert [v for t, v in by.items() if "tilslutning" in t] == [["Fjellbu kommune"]], by


@pytest.mark.parametrize(("lines", "author"), [
    (["Vågsøy herad", "Postboks 1", "Høyringssvar – ny plan", "Vågsøy herad støttar planen."], "Vågsøy herad"),
    (["Høyringssvar frå Bremnes sjukehus – framlegg til utviklingsplan", "Vi meiner …"], "Bremnes sjukehus"),
    (["nettside › Nyheter", "Astmaforbundet i høringssvar: – Styrk lungerehabiliteringen", "…"], "Astmaforbundet"),
    (["Norsk kiropraktorforening", "Til departementet", "Vi viser til brev.", "Med hilsen",
      "Norsk kiropraktorforening"], "Norsk kiropraktorforening"),
    # a letterhead lower case after its first word is still the sender when its address follows it
    (["Statens strålevern", "Postboks 55", "1332 Østerås", "Vi støtter forslaget."], "Statens strålevern"),
    (["Barne- og ungdomsombodet i Agder", "Postboks 9", "4604 Kristiansand", "Ombodet meiner …"],
     "Barne- og ungdomsombodet i Agder"),
    # … but a letter that opens with its recipient's address does not name its sender there
    (["Kunnskapsdepartementet", "Postboks 8119 Dep", "0032 Oslo", "Vi støtter forslaget."], None),
    # an e-mail's or a form's sender label, a signature "for" a body, a nynorsk closing
    (["Fra: Tynset legekontor <post@tynset-legekontor.no>", "Til: postmottak@hod.dep.no", "Hei,"], "Tynset legekontor"),
    (["Fra: Kari Nordmann <kari@example.no>", "Emne: Høring", "Vi støtter forslaget."], None),
    # a shared mailbox is its body; a running header beside the letterhead is not part of the name
    (["Fra: Postmottak Bydel Nordstrand <postmottak@bns.oslo.kommune.no>", "Hei,"], "Bydel Nordstrand"),
    (["Tolga kommune Side 1 av 4", "Postboks 1", "2540 Tolga", "Kommunen støtter planen."], "Tolga kommune"),
    (["Tolga kommune Høringssvar – regional plan", "Postboks 1", "2540 Tolga"], "Tolga kommune"),
    (["Ressurssenteret Vega – et senter for pårørende", "Vi støtter planen.", "Ressurssenteret Vega mener …"],
     "Ressurssenteret Vega"),
    (["Høringssvar – regional plan", "Vi støtter planen.", "Høringssvar fra oss."], None),
    (["Høyringsinstans: Sunnfjord og Ytre Sogn interkommunale legevakt IKS", "Svar: Ja."],
     "Sunnfjord og Ytre Sogn interkommunale legevakt IKS"),
    (["Vi støttar planen.", "Ørsta, 3. mars 2026", "For Eldrerådet i Ørsta kommune", "Per Hove, leiar"],
     "Eldrerådet i Ørsta kommune"),
    (["Vi støttar planen.", "Med venleg helsing", "Kari Lid", "dagleg leiar", "Stryn legesenter"], "Stryn legesenter"),
    # a title and its body after the name; a private person writing in the first person; a number inside a name
    (["Vi støtter planen.", "Med vennlig hilsen", "Kari Nordmann leder, Bergen Venstre"], "Bergen Venstre"),
    (["Jeg skriver som pårørende.", "Jeg mener tilbudet må bestå.", "Med vennlig hilsen", "Ola Hansen"], "Ola Hansen"),
    (["Høringssvar fra Sone 2 Helse AS", "Vi støtter forslaget."], "Sone 2 Helse AS"),
    # no letterhead, label or signature: the body that takes the stances in its own name
    (["Innspill til plan for psykisk helse", "Hjelpekilden Norge støtter at tilbudet utvides.",
      "Hjelpekilden Norge mener at ventetiden må ned."], "Hjelpekilden Norge"),
    (["Innspill", "Norsk Revmatikerforbund (NRF) har lest planen.", "NRF støtter forslaget.",
      "NRF mener fristen bør kortes."], "Norsk Revmatikerforbund"),
    (["Innspill", "Kommunen støtter forslaget.", "Kommunen mener fristen bør kortes."], None),
    # (session 15) an item of an attachment list is no title; "X- og Y" is one name; a unit under a trust's
    # letterhead; a form's name field before its "Høringsinstans"; a person writing for a body; a joint response
    (["Fjellvik kommune", "Postboks 3", "4500 Fjellvik", "Vedlegg:", "1. Uttalelse fra Eldrerådet i Fjellvik",
      "Fjellvik kommune støtter planen."], "Fjellvik kommune"),
    (["Helse Nordfjell HF", "Barne- og ungdomsklinikken", "Til: Prosjektleiar",
      "Høyringsinnspel frå Barne- og ungdomsklinikken", "Klinikken støttar planen."],
     "Barne- og ungdomsklinikken, Helse Nordfjell HF"),
    # (session 20) a unit named by its kind alone, with the body over it; the sender label's name as the first
    # line gives it in full; a board speaks for its body
    (["Fjellvik kommune", "Barne- og familietjenesten", "Postboks 9, 4500 Fjellvik",
      "Barne- og familietjenesten støtter planen."],
     "Barne- og familietjenesten i Fjellvik kommune"),
    (["Eldrerådet i Fjellvik", "", "Til: Fjellvik kommune", "Frå: Eldrerådet", "Rådet støttar planen."],
     "Eldrerådet i Fjellvik"),
    (["Til: Den norske legeforening", "Frå: Styret i Norsk fjellmedisinsk forening", "Styret støttar planen."],
     "Norsk fjellmedisinsk forening"),
    (["Kreftforeningen", "Helse Fjord RHF", "Postboks 1", "Kreftforeningen støtter planen."], "Kreftforeningen"),
    (["PROTOKOLL", "Møte i Ungdomsrådet i Helse Fjord HF", "Dato: 3. mars 2027", "Rådet støttar planen."],
     "Ungdomsrådet i Helse Fjord HF"),
    (["Protokoll frå møte i Regionrådet for Fjellbygda", "Sak 4/27", "Regionrådet støttar planen."],
     "Regionrådet for Fjellbygda"),
    (["Høringsinstans: Helse Sør-Øst RHF", "Navn på virksomhet: Fjellro Rehabilitering AS", "Svar: Ja."],
     "Fjellro Rehabilitering AS"),
    (["Fra: Kari Lunde Berg (Fjordlegevakta IKS)", "Til: Postmottak HOD", "Emne: Høringssvar"], "Fjordlegevakta IKS"),
    (["Felles høyringsuttale frå Fjellvik, Dalstrand og Nesbygd kommunar", "Kommunane støttar planen."],
     "Fjellvik, Dalstrand og Nesbygd kommunar"),
    (["Fjellvik kommune", "", "MØTEPROTOKOLL", "", "Rådet for personer med funksjonsnedsettelse", "Sak 3/27",
      "Rådet støtter forslaget."], "Rådet for personer med funksjonsnedsettelse i Fjellvik kommune"),
    # (session 16) a management group or "Organ, Unit" label writing for a body; a council's minutes with the council
    # first; a joint title naming municipalities alone; an op-ed's byline; a web page's breadcrumb; bodies signing one
    # under the other; a unit under "Trust HF / Unit"; an adjective inside a name; a running header's board words;
    # nynorsk "me" is no sender
    (["Til: Helse Fjord HF", "Frå: Leiargruppa ved Fjellvik sjukehus", "Sak: Høyringsinnspel til utviklingsplan",
      "Leiargruppa ved Fjellvik sjukehus takkar for høvet.", "Me støttar planen."], "Fjellvik sjukehus"),
    (["Til: Helse Fjord RHF", "Fra: Divisjonsledelsen, Divisjon prehospitale tjenester", "Dato: 1. mars 2027",
      "Divisjon prehospitale tjenester støtter planen."], "Divisjon prehospitale tjenester"),
    (["Fjellvik kommune", "Eldrerådet", "MØTEBOK", "Sak 4/27", "Eldrerådet støttar planen."],
     "Eldrerådet i Fjellvik kommune"),
    # (session 29) a nynorsk municipality is a "herad"
    (["FJELLVIK HERAD", "Eldrerådet", "", "MØTEBOK", "Sak 4/27", "Eldrerådet støttar planen."],
     "Eldrerådet i Fjellvik herad"),
    (["Fjellvik kommune · Dalstrand kommune · Nesbygd kommune", "Dato: 1. mars 2027",
      "Felles høyringsuttale frå Fjellvik, Dalstrand og Nesbygd til utkast til utviklingsplan",
      "Dei tre kommunane er små kommunar ved kysten.", "Kommunane støttar planen."],
     "Fjellvik, Dalstrand og Nesbygd kommunar"),
    (["INNSPILL | HELSE", "Gi kommunene mer tid", "Av Kari Dal, fagsjef for helse i Tankesmien Fjellvik",
      "Publisert 4. mars 2026", "Kommunene trenger mer tid."], "Tankesmien Fjellvik"),
    (["Unge fjellbuarar", "Forsiden > Aktuelt > Nyheter", "– Unge faller mellom to stoler",
      "Organisasjonen mener planen er for svak."], "Unge fjellbuarar"),
    (["Innspill til handlingsplanen", "Vi støtter planen.", "Med vennlig hilsen", "Fjellungdom", "Aslak Dal, leder",
      "Nesungdom", "Ingrid Berg, leder"], "Fjellungdom og Nesungdom"),
    (["Helse Fjord HF / Klinikk psykisk helse og rus Høyringsuttale – regional plan Side 1 av 5",
      "Helse Vest RHF, fagavdelinga", "Klinikk psykisk helse og rus viser til høyringa.",
      "Klinikk psykisk helse og rus støttar planen."], "Klinikk psykisk helse og rus, Helse Fjord HF"),
    (["Norsk fjellterapeutisk forening", "Høringssvar om legevakt", "Foreningen støtter planen."],
     "Norsk fjellterapeutisk forening"),
    (["Fjellvik alderspsykiatriske sykehus AS Styremøte 12.03.2026 Side 1 av 6", "STYRESAK 09/2026",
      "Fjellvik alderspsykiatriske sykehus AS støtter planen."], "Fjellvik alderspsykiatriske sykehus AS"),
    (["Innspel til planen", "Me meiner planen er god.", "Me støttar forslaget om legevakt."], None),
    # (session 17) a council in its minutes' field under a capitals municipality or county; "c/o" ends a
    # letterhead's name; a memo's fields run into one line, a label's unit and parent and a bracketed addition; a
    # one-word capitals name as the text writes it
    (["FJELLVIK KOMMUNE", "MØTEBOK", "Utvalg: Ungdomsrådet", "Sak 3/27", "Ungdomsrådet støtter planen."],
     "Ungdomsrådet i Fjellvik kommune"),
    (["NORDFJELL FYLKESKOMMUNE", "Møteprotokoll", "Utval: Eldrerådet", "Sak 2/28", "Eldrerådet støttar planen."],
     "Eldrerådet i Nordfjell fylkeskommune"),
    (["Ungdomsrådet i Helse Nordfjell c/o Barneklinikken", "Fjellvik sjukehus", "Postboks 1, 9999 Fjellvik",
      "Ungdomsrådet støttar planen."], "Ungdomsrådet i Helse Nordfjell"),
    (["Helse Fjord HF · Medisinsk klinikk Høringsinnspill – utviklingsplan Side 1 av 5",
      "Til: Helse Fjord HF, prosjektgruppen Fra: Medisinsk klinikk, Fjellvik sykehus (klinikkledelsen) "
      "Dato: 2. oktober 2026", "Klinikken støtter planen."], "Medisinsk klinikk, Fjellvik sykehus"),
    (["HØRINGSSVAR FRA FJELLTERAPEUTFORBUNDET", "Forbundet støtter planen.",
      "Fjellterapeutforbundet mener fristen bør kortes."], "Fjellterapeutforbundet"),
    # (session 22) a council's letter under its municipality's letterhead, without minutes; not the executive
    (["FJELLVIK KOMMUNE", "Eldrerådet", "", "Til: Fjellvik kommune, kommunalsjef for helse",
      "Uttale frå eldrerådet til helse- og omsorgsplanen", "Eldrerådet støttar planen."],
     "Eldrerådet i Fjellvik kommune"),
    (["Fjellvik kommune", "Rådmannen", "Postboks 3, 4500 Fjellvik", "Rådmannen anbefaler at planen vedtas.",
      "Fjellvik kommune støtter planen."], "Fjellvik kommune"),
    # (session 23) minutes without a letterhead whose council field gives the council's place; the body the
    # council writes to, named more often, is not the sender
    (["MØTEPROTOKOLL", "", "Utval: Rådet for personar med funksjonsnedsetjing – Nordfjell fylkeskommune",
      "Sak 10/27 Høyring – utviklingsplan for Helse Fjord", "Rådet gjev slik fråsegn til Helse Fjord:",
      "1. Rådet går imot at Helse Fjord samlar habiliteringa.", "2. Helse Fjord må ha ambulante team."],
     "Rådet for personar med funksjonsnedsetjing i Nordfjell fylkeskommune"),
    # (session 30) an abbreviation the letter spells out in words no name pattern knows as a kind of body: the
    # words whose initials spell it
    (["Norsk fjellmedisinsk selskap", "Til: Legeforeningen", "Norsk fjellmedisinsk selskap (NFS) har behandlet saken.",
      "NFS støtter planen.", "NFS går imot forslaget om færre legevakter."], "Norsk fjellmedisinsk selskap"),
    # (session 43) a trust's or university's name over the unit that writes and speaks as itself; a trust that
    # speaks of a clinic stays the sender; an abbreviation before the title, spelled out where the letter introduces
    # itself; a committee signing on its trust's letterhead; a unit's letterhead with its short name
    (["Helse Fjord HF · Utviklingsplan 2028–2038 · Side 41 av 96", "Kapitlet er skrevet av Klinikk for rus og "
      "avhengighet og bygger på arbeidsmøter.", "Klinikk for rus og avhengighet gir tilbud til 70 000 innbyggere.",
      "Klinikken mener at døgnplassene må bestå.", "Klinikken vil styrke de ambulante teamene.",
      "Helse Fjord HF · Utviklingsplan 2028–2038"], "Klinikk for rus og avhengighet, Helse Fjord HF"),
    (["Institutt for fjellmedisin · Universitetet i Fjellvik          Høringsuttalelse          Side 1 av 4",
      "Helsedirektoratet", "Postboks 220 Skøyen", "Institutt for fjellmedisin ved Universitetet i Fjellvik viser "
      "til høringsbrevet.", "Instituttet har fagmiljøer i allmennmedisin.", "Instituttet støtter forslaget.",
      "Universitetet i Fjellvik"], "Institutt for fjellmedisin, Universitetet i Fjellvik"),
    (["Helse Fjord HF", "Postboks 1, 9999 Fjellvik", "Helse Fjord HF støtter planen.",
      "Klinikk for rus og avhengighet har lange ventetider.", "Klinikken har mange pasienter.",
      "Helse Fjord HF vil styrke klinikk for rus og avhengighet. Klinikken har fått nye lokaler."], "Helse Fjord HF"),
    (["NFFM · Høringssvar om legevakt                                        Side 1 av 4", "Helsedirektoratet",
      "Norsk forening for fjell- og friluftsmedisin (NFFM) er en fagmedisinsk forening i Legeforeningen.",
      "Foreningen støtter planen."], "Norsk forening for fjell- og friluftsmedisin"),
    (["Helse Fjord HF", "Postboks 1, 9999 Fjellvik", "Til: Administrerende direktør", "Komiteen støtter planen.",
      "Med vennlig hilsen", "Fjelletisk komité (FEK) ved Helse Fjord HF", "Kari Dal", "leder"],
     "Fjelletisk komité ved Helse Fjord HF"),
    (["NSFs faggruppe for sykepleiere i fjellmedisin (SFjell)", "c/o Norsk Sykepleierforbund, Postboks 456, 0104 Oslo",
      "Helse- og omsorgsdepartementet", "NSFs faggruppe for sykepleiere i fjellmedisin (SFjell) er en faggruppe.",
      "Faggruppen støtter planen."], "NSFs faggruppe for sykepleiere i fjellmedisin"),
])
def test_sender_of_letters_and_news(lines: list[str], author: str) -> None:
    assert (author_from_lines(lines)[0] or stance_subject(lines)) == author


def test_nynorsk_letter_gets_an_author_and_statements(tmp_path: Path) -> None:
    f = tmp_path / "innspel.txt"
    f.write_text("Fjellheim herad\nHelse og omsorg\n\nInnspel til regional plan\n\n"
                 "Fjellheim herad viser til høyringsbrev av 2. mai.\n\n"
                 "Heradet krev at legevakta i Fjellheim held fram.\n\n"
                 "Vi går imot at akuttberedskapen blir flytta til byen.\n\n"
                 "Sidan 2019 har heradet drive ei interkommunal jordmorteneste.\n", "utf-8")
    x = extract(load_document(f))
    kinds = {s.kind for s in x.statements if x.actors[s.speaker].name == "Fjellheim herad"}
    assert {"proposal", "opposition", "example"} <= kinds


def test_an_example_with_a_definite_subject_after_a_fronted_time_is_the_authors(tmp_path: Path) -> None:
    """"I løpet av 2023 har kommunen tatt i bruk …" after a sentence naming a hospital: the municipality's own."""
    f = tmp_path / "fjellby.txt"
    f.write_text("Fjellby kommune\nPostboks 4\n2600 Fjellby\n\nInnspill til utviklingsplan\n\n"
                 "Sykehuset Innlandet HF har etablert et ambulant team for eldre i regionen. I løpet av 2023 har "
                 "kommunen tatt i bruk tolv nye omsorgsboliger med døgnbemanning.\n", "utf-8")
    x = extract(load_document(f))
    example = next(s for s in x.statements if s.text.startswith("I løpet av 2023"))
    assert example.kind == "example" and x.actors[example.speaker].name == "Fjellby kommune"


def test_a_branch_named_in_full_in_its_own_letter_is_the_branch(tmp_path: Path) -> None:
    """"NSF Fjellheim meiner …" in NSF Fjellheim's letter is the branch that writes, not Norsk Sykepleierforbund,
    though "NSF" alone is the national union."""
    f = tmp_path / "nsf.txt"
    f.write_text("NSF Fjellheim\nPostboks 1\n9999 Fjellheim\n\nHøyringsfråsegn\n\n"
                 "NSF Fjellheim meiner det må opprettast fleire delte stillingar for sjukepleiarar.\n\n"
                 "NSF Fjellheim åtvarar mot å gjere lange vakter til hovudregel.\n\nMed helsing\nNSF Fjellheim\n",
                 "utf-8")
    x = extract(load_document(f))
    stances = [s for s in x.statements if s.kind in ("proposal", "opposition")]
    assert len(stances) == 2 and {x.actors[s.speaker].name for s in stances} == {"NSF Fjellheim"}


def _extracted(tmp_path: Path, text: str) -> Extraction:
    """A letter written to a file and extracted, as a loader would meet it."""
    f = tmp_path / "brev.txt"
    f.write_text(text, "utf-8")
    return extract(load_document(f))


@pytest.mark.parametrize(("author", "sentence", "own"), [
    ("Fjellby sykehus", "Brukerutvalget i Fjellby sykehus har bedt om at pårørende får en fast kontaktperson.", False),
    ("Eldrerådet i Fjellby kommune", "Eldrerådet i Fjellby kommune ber om at dagsenteret blir værende.", True),
])
def test_a_council_reporting_its_request_speaks_for_the_sender_only_when_it_is_the_sender(
        tmp_path: Path, author: str, sentence: str, own: bool) -> None:
    """"Brukerutvalget i Fjellby sykehus har bedt om …" in the hospital's letter is its committee's request, told;
    the same words from the council itself are its own proposal."""
    x = _extracted(tmp_path, f"{author}\nPostboks 1\n9999 Fjellby\n\nHøringssvar\n\n{sentence}\n\n"
                             f"Med hilsen\n{author}\n")
    proposals = [s for s in x.statements if s.kind == "proposal" and x.actors[s.speaker].name == author]
    assert bool(proposals) == own


@pytest.mark.parametrize(("paragraph", "quoted"), [
    ("Planen legg opp til at heimesjukehuset skal dekkje heile Fjellbygda innan 2029. Dette støttar vi.",
     "Planen legg opp til at heimesjukehuset skal dekkje heile Fjellbygda innan 2029. Dette støttar vi."),
    ("Brukarrådet har bede om at pårørande får ein fast kontaktperson. Det sluttar vi oss til.",
     "Brukarrådet har bede om at pårørande får ein fast kontaktperson. Det sluttar vi oss til."),
    ("Utkastet føreslår å halde fram med døgnope akuttmottak. Dette stør vi fullt ut. I 2025 kom 4 000 pasientar.",
     "Utkastet føreslår å halde fram med døgnope akuttmottak. Dette stør vi fullt ut. I 2025 kom 4 000 pasientar."),
    # (the sentence before is a stance of its own: the bare stance keeps to itself)
    ("Vi støttar at heimesjukehuset blir utvida. Dette stør vi fullt ut.", "Dette stør vi fullt ut."),
])
def test_a_bare_stance_is_quoted_with_what_it_points_back_to(tmp_path: Path, paragraph: str, quoted: str) -> None:
    """"… innan 2029. Dette støttar vi." alone says nothing of what is supported: the quote takes the sentence it
    points back to (and the reason after it, as before)."""
    x = _extracted(tmp_path, f"Fjellbygda kommune\nPostboks 4\n6800 Fjellbygda\n\nHøyringsfråsegn\n\n{paragraph}\n")
    assert any(s.kind == "proposal" and s.text == quoted for s in x.statements), [s.text for s in x.statements]


def test_a_unit_that_will_do_something_commits_to_it(tmp_path: Path) -> None:
    """"Klinikken vil opprette …" in a clinic's chapter is its own commitment, as "Sykehuset vil opprette …" is."""
    x = _extracted(tmp_path, "Helse Fjord HF\nKlinikk for rus og avhengighet\nPostboks 1\n9999 Fjellby\n\n"
                   "Høringssvar\n\nKlinikk for rus og avhengighet viser til høringen.\n\n"
                   "Klinikken vil opprette kombinerte stillinger for psykologer mellom DPS og kommunene.\n")
    assert [s.kind for s in x.statements if s.text.startswith("Klinikken vil")] == ["commitment"]


@pytest.mark.parametrize(("sentence", "own"), [
    ("Kommuneoverlegen har sagt til oss at ho meiner legevakta bør flyttast til Dalby.", False),
    ("Brukarutvalet ved Fjellby sjukehus har etter det vi forstår gitt uttrykk for at legevakta bør flyttast.", False),
    ("Eldrerådet meiner at legevakta bør bli verande i Fjellvik.", True),
])
def test_a_view_told_to_the_sender_is_not_its_proposal(tmp_path: Path, sentence: str, own: bool) -> None:
    """"Kommuneoverlegen har sagt til oss at ho meiner …" tells another's view; the sender's own stays its own."""
    x = _extracted(tmp_path, f"Eldrerådet i Fjellvik\nPostboks 1\n6800 Fjellvik\n\nHøyringsuttale\n\n{sentence}\n\n"
                             "Med helsing\nEldrerådet i Fjellvik\n")
    proposals = [s for s in x.statements if s.kind == "proposal" and x.actors[s.speaker].name == x.actors[
        x.authors[0]].name] if x.authors else []
    assert bool(proposals) == own


def test_another_bodys_plan_told_in_a_letter_is_no_stance(tmp_path: Path) -> None:
    """"Sykehuset Innlandet HF vil …" in a municipality's letter is the hospital's plan, told: no proposal of the
    municipality's, nor one the hospital made in the consultation; the municipality's own demand stays."""
    x = _extracted(tmp_path, "Fjellby kommune\nPostboks 4\n2600 Fjellby\n\nHøringssvar\n\n"
                   "Sykehuset Innlandet HF vil at all oppfølging etter utskriving skal skje på video fra 2028.\n\n"
                   "Fjellby kommune krever at pasientene får velge et fysisk besøk.\n")
    proposals = [s for s in x.statements if s.kind == "proposal"]
    assert [x.actors[s.speaker].name for s in proposals] == ["Fjellby kommune"]


def test_the_plan_of_the_collective_the_sender_belongs_to_is_a_proposal(tmp_path: Path) -> None:
    """"Helsefellesskapet vil …" in a hospital's plan is the health community's plan, of which the hospital is part:
    a proposal, not another body's plan told."""
    x = _extracted(tmp_path, "Sykehuset Fjellby HF\n\nUtviklingsplan 2030\n\nSykehuset Fjellby HF og kommunene "
                   "samarbeider i Helsefellesskapet Fjellby om pasienter med sammensatte behov.\n\n"
                   "Helsefellesskapet vil etablere et felles ambulant team for skrøpelige eldre.\n")
    plan = next(s for s in x.statements if s.text.startswith("Helsefellesskapet vil"))
    assert plan.kind in ("proposal", "commitment")


def test_a_heading_that_is_a_stance_is_a_statement(tmp_path: Path) -> None:
    """"Behov for flere LIS1-stillinger i Fjelldalen" over its paragraph says what the sender wants; a heading that
    only names a section ("Rekruttering") is no statement."""
    body = "Kommunen har i mange år samarbeidet tett med sykehuset om legetjenester, vaktordninger og veiledning.\n"
    x = _extracted(tmp_path, "Fjelldalen kommune\nPostboks 4\n2600 Fjelldalen\n\nHøringssvar\n\n" + body
                   + "\nRekruttering\n" + body + "\nBehov for flere LIS1-stillinger i Fjelldalen\n" + body
                   + "\nNei til parkeringsavgift ved sykehusene\n" + body)
    kinds = {s.text: s.kind for s in x.statements}
    assert kinds.get("Behov for flere LIS1-stillinger i Fjelldalen") == "proposal"
    assert kinds.get("Nei til parkeringsavgift ved sykehusene") == "opposition"
    assert "Rekruttering" not in kinds


def test_a_hospital_where_a_practice_is_located_is_not_its_doer(tmp_path: Path) -> None:
    """"… felles legevakt på natt, lokalisert ved Nordfjord sjukehus": the sender's practice, at a hospital."""
    f = tmp_path / "stryn.txt"
    f.write_text("Fjellheim kommune\nPostboks 1\n9999 Fjellheim\n\nHøyringsuttale\n\n"
                 "Sidan 2021 har Fjellheim og Dalsbygd hatt felles legevakt på natt, "
                 "lokalisert ved Nordfjord sjukehus.\n\n"
                 "Med venleg helsing\nFjellheim kommune\n", "utf-8")
    examples = [s for s in extract(load_document(f)).statements if s.kind == "example"]
    assert [s.speaker for s in examples] == ["fjellheim-kommune"]
