"""Basewatch article extractor: the attacks on US/coalition sites that a news article reports.

Pure Python (spaCy blank English tokenizer, sentencizer and Matcher; no model, no network, no
Django). ``extract(text, published, gazetteer)`` runs the ordered rules in ``pipeline.RULES``:

1. split sentences; 2. find sites (aliases + transliteration skeletons), factions, weapons,
dates (resolved against ``published``, never after it; planned events and "On Monday, X said" are not
attack dates), figures and cues per sentence; 3. anchor one draft per ATTACK, not per site
(``anchoring``): a sentence naming several targets gives each its own clause; "two sites in eastern
Syria" are two attacks; "the first attack ... the second" split; a different day or "another attack",
"separately" opens a new attack on a known site; an unnamed "the base" continues the attack in focus;
a summary line ("attacked four times") frames the attacks told one by one; 4. attach the following
sentences to the attack they describe - once the story moves on (a trend, another day) they are
context: claims only, no weapon or figure; 5. fold summaries; 6. drop attacks officials say were not
aimed at the site; 7. date undated attacks (own event day, summary line, lead, the earliest day an
official spoke, publication); 8. assemble (``assemble``) weapons and figures from the attack's own
clauses and continuation, perpetrator, confidence and evidence.

Reading rules, by concern (each is a small function or cue with its own test in tests/extractor/):

- Not an attack on the coalition: strikes by the US or another state (an article whose news is such a strike
  tells militia attacks as background unless it dates one on a day of its own), shipping, foiled launches,
  declared other targets, denials, threats and plans; tallies ("150 attacks", "at least five since April",
  "the 26th attack"), trends and habits ("have targeted", "sporadically", "has stepped up its targeting",
  "militias have used drones", but "at least ten rockets have targeted a base" is news), commentary on attacks in
  general, and "attacks by militias on US forces" with no site and no day (withdrawal and policy pieces).
- One incident per attack: sites a few km apart in one sentence, or a site a few km from the one told ("the
  latest attack on the US embassy" after rockets on the Green Zone), are one target; a site "near" another just
  named is a landmark; "X was attacked twice" is two attacks, "three times, including X and Y" adds an unnamed
  one, "another base" opens another; "a new attack" inside a quotation opens none; "targeted two US bases in
  Iraq" followed by the named attacks frames them.
- Roles: an attack named by what it did in a relative clause ("answer the drone strike that killed two
  soldiers") is a reference point, background, unless the clause gives it a day; "confirmed that N had been
  killed" is the news, in the past perfect only because of the reporting verb.
- Dates: a dateline, byline or page stamp is a reporting date, never later than publication; a relative day
  inside a quotation names no day; a dated photo caption does not end the story.
- Sites and names: transliteration skeletons (a written glide "Thawriyoun"/"Thawriun", an optional final h
  "Bismayah"), possessives ("Baghdad's international airport"); "a spokesman for the US embassy" names a
  source, not a target; a group's name ("... in Iraq") says nothing of the country.
- Counts: number words, "a dozen", quoted figures, "one of them" and "including" never added to the total,
  "killing one and wounding two soldiers" (1 and 2), coordinated people ("a guard and two contractors": 3),
  "and at least 34 were injured" after a full casualty phrase; zero tolls ("zero casualties", "without any human
  or material casualties", "no injuries, deaths or damage", "no US or coalition troops were killed or wounded");
  casualties of the attacked side (militants, militia fighters) or told in an airstrike's clause are never the
  attack's. Interceptions: "thwarted", "neutralised", "diverted", "struck/brought/knocked down"; without a number
  ("shot them down", "13 were destroyed") they take the launch count told just before (one for "the drone"),
  never when only part was stopped ("the other was shot down"); an interception count is the launch count
  unless others are told apart.
- Weapons come from the attack's own clauses: not those of "previous attacks", nor what a defence system is for
  (the counter-rocket, artillery and mortar system "built to stop incoming rockets").
- Claims: "took credit", "said its fighters launched", "issued a statement announcing that its fighters
  attacked" are claims; "no party/nobody has claimed", an official's "claimed" (= said), and a claim of
  "numerous attacks" are not; "mainly Iran-backed groups" describes a group, not a habit.

Roles: ``background`` when the attack is dated in the past ("in August", "last week",
"earlier this year", a day more than a week before publication) or told as an earlier event
("... after two rockets on Sunday targeted X"); otherwise ``primary``.

Counts: every source's figure is kept as a ``Report`` with its attribution. One rule sets
best/low/high for every count: **best = the highest reported figure, low = the lowest,
high = the highest** — lower figures in wire copy are nearly always partial (the rockets that
landed inside the base, casualties confirmed so far). "No casualties" gives 0 killed and
0 injured; "no injuries" gives 0 injured only; "no US casualties" says nothing about others.

Perpetrator: a named group only when the sentence reports its claim or officials blaming it;
generic statements ("most of the recent attacks", "150 times") never count.
"""

from __future__ import annotations

import datetime as dt

from ingest.extractor.pipeline import run
from ingest.extractor.types import ExtractedIncident, Gazetteer

EXTRACTOR_VERSION = "2026.11.7"

__all__ = ["EXTRACTOR_VERSION", "ExtractedIncident", "Gazetteer", "extract"]


def extract(text: str, published: dt.date, gazetteer: Gazetteer) -> list[ExtractedIncident]:
    """The incidents ``text`` reports, primary (the news) and background (earlier attacks in passing)."""
    return run(text, published, gazetteer)
