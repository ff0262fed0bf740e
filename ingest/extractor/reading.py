"""The first stage of the pipeline: the article split into sentences and each sentence read for its facts
(sites, groups, dates, figures, vetoes) - ``State.sentences`` and ``State.facts``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ingest.extractor import cues
from ingest.extractor.attribution import find_attribution
from ingest.extractor.dates import DateMention, days_from_the_last
from ingest.extractor.events import (
    CAPTION,
    Facts,
    read_facts,
)
from ingest.extractor.language import written_in
from ingest.extractor.names import set_skeleton_norms
from ingest.extractor.sentences import Sentence, parse, sentence_at, split_sentences, title_lines
from ingest.extractor.state import State, compiled

if TYPE_CHECKING:
    from ingest.extractor.factions import FactionMention
    from ingest.extractor.sites import SiteMention


def read_sentences(state: State) -> None:
    state.language = written_in(state.text)
    state.doc = set_skeleton_norms(parse(state.text))
    state.sentences = split_sentences(state.doc)
    state.title_lines = title_lines(state.sentences)


def read_mentions(state: State) -> None:
    """Sites, factions, weapons, dates, figures and cues, sentence by sentence."""
    matchers = compiled(state.gazetteer)
    by_sent_sites: dict[int, list] = {}
    by_sent_factions: dict[int, list] = {}
    m: SiteMention | FactionMention
    # read_sentences parsed state.doc before
    for m in matchers.sites.find(state.doc):  # type: ignore[arg-type]
        s = sentence_at(state.sentences, m.start)
        if s is not None:
            by_sent_sites.setdefault(s.index, []).append(m)
    for m in matchers.factions.find(state.doc):  # type: ignore[arg-type]
        s = sentence_at(state.sentences, m.start)
        if s is not None:
            by_sent_factions.setdefault(s.index, []).append(m)
    previous = None
    last_day: DateMention | None = None
    linking = False  # in the list of titles a link marker ("Featured Stories") heads
    for s in state.sentences:
        linking = _opens_or_goes_on_a_list_of_links(state, s, linking)
        if linking or cues.LINKED_TITLE.match(s.text):
            # "Read more: Iraqi resistance targets US base in Al-Tanf": the title of another story, told nothing -
            # not even a weapon or a figure ("Also Read: North Korea Fires Cruise Missiles off East Coast")
            linked = read_facts(s, [], [], state.published, None, state.language)
            linked.attack, linked.weapons, linked.figures, linked.dates = False, [], [], []
            state.facts.append(linked)
            continue
        attribution = find_attribution(s.text, previous)
        previous = attribution or previous
        sites, factions = by_sent_sites.get(s.index, []), by_sent_factions.get(s.index, [])
        f = read_facts(s, sites, factions, state.published, attribution, state.language)
        if state.facts and "tally" in state.facts[-1].vetoes and cues.TALLY_ITEM.match(s.text):
            # "SOHR documented 40 attacks ...; they are distributed as follows: • Seven attacks on Al-Tanf garrison.
            # • One attack on Qasrak base.": each item is a part of the tally, no attack told
            f.vetoes.add("tally")
        if cues.PICTURE_SEEN.search(s.text):
            # "The remains of a drone that was shot down are seen at Ain al-Asad air base ..., Iraq January 4, 2022.":
            # a picture described, often a file photo of an earlier attack - the story around it tells the news
            f.vetoes.add(CAPTION)
        if not f.attack and _photo_caption(state, s):
            # "... at the White House in Washington, U.S., April 15, 2024. (... via REUTERS)": the photo's day (a
            # caption that tells the attack dates it: "... were killed in a March 11, 2020, rocket attack on Camp Taji")
            f.dates = []
        _date_from_the_last_day(f, last_day, state.published)
        if not f.vetoes & {CAPTION, "habitual", "hypothetical"}:
            # a photo's day dates no sentence after it, nor does the day a threat or a trend is told from ("have
            # threatened to attack US interests since ... October 7. A group said earlier in the day that ...")
            last_day = next((x for x in reversed(f.event_dates) if x.precision == "day"), last_day)
        state.facts.append(f)


def _opens_or_goes_on_a_list_of_links(state: State, s: Sentence, linking: bool) -> bool:
    """Is ``s`` the title of another story: right after a link marker ("Featured Stories"), or a title line (no
    sentence's stop) in the list the marker heads? Each headline there ("Four Soldiers Injured"), and each date
    between them, is the other story's; the first line that ends as a sentence closes the list."""
    if state.facts and cues.LINK_MARKER.match(state.facts[-1].sent.text):
        return True
    return linking and cues.ENDS_A_SENTENCE.search(s.text) is None


def _photo_caption(state: State, s: Sentence) -> bool:
    """A photo's caption: a sentence with the photo's credit ("... Qahtaniyah ..., on May 8, 2020. / AFP / DELIL
    SOULEIMAN", "This Dec. 29, 2019, aerial file photo ... (AP Photo/Nasser Nasser, File)") or just before a
    line that is only the credit in brackets ("(... Media Office/Handout via REUTERS)")."""
    if cues.PHOTO_CREDIT.search(s.text):
        return True
    following = state.sentences[s.index + 1] if s.index + 1 < len(state.sentences) else None
    return following is not None and following.text.endswith(")") and bool(cues.PHOTO_CREDIT.search(following.text))


def _date_from_the_last_day(f: Facts, last_day: DateMention | None, published: dt.date) -> None:
    """'October 30 witnessed four attacks ... The following day, drones targeted Shaddadi': a day told from the
    event day told last, in this sentence or before it, is that day's neighbour."""
    own = [x for x in f.dates if x.precision == "day" and x.kind != "since"]
    added = days_from_the_last(f.sent.text, last_day, own, published)
    if added:
        f.dates = sorted([*f.dates, *added], key=lambda d: d.start)
