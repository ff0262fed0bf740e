"""Date expressions resolved against the publication date.

Rules, in order of precedence for overlapping matches: explicit dates ("Jan. 28, 2024",
"28 January"), numeric dates (via dateparser), weekdays ("late on Thursday" = the most recent
Thursday on or before publication), relative days ("yesterday", "overnight", "two days ago"),
relative periods ("last week", "last month", "earlier this year") and months ("in August" =
month precision, in the latest year that is not after publication). Nothing resolves after
the publication date. ``past`` marks expressions that place an attack before the news of the
day (background); ``reporting`` marks the date of a statement ("officials said on Monday").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ingest.extractor import prefilter, vocabulary
from ingest.extractor.numbers import UNITS, numerals
from ingest.extractor.quotes import in_quote
from ingest.extractor.vocabulary import words

if TYPE_CHECKING:
    from ingest.extractor.types import Precision

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
# ... and in the other languages of the region's wire copy
MONTHS.update({m.lower(): i for m, i in vocabulary.OTHER_LANGUAGES_MONTHS.items()})
WEEKDAYS.update({d.lower(): i for d, i in vocabulary.OTHER_LANGUAGES_WEEKDAYS.items()})

# Fixed-date holidays the news dates attacks by: "a Christmas Day drone attack", "on New Year's Eve".
HOLIDAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "fourth of july": (7, 4),
}
_HOLIDAY = "|".join(re.escape(h).replace("'", "['\u2019]?").replace(r"\ ", r"\s+") for h in HOLIDAYS)

_MONTH_NAMES = "|".join(calendar.month_name[1:])
# longest first ("Sept" before "Sep")
_MONTH_ABBREVIATIONS = "|".join(
    sorted((m.rstrip(".") for m in vocabulary.MONTH_ABBREVIATIONS), key=lambda m: (-len(m), m))
)
# in title case, or in capitals as timelines print their entries ("OCT. 18 - U.S. forces in Iraq are targeted")
_MONTH = rf"(?P<month>{_MONTH_NAMES}|{_MONTH_ABBREVIATIONS}|{_MONTH_NAMES.upper()}|{_MONTH_ABBREVIATIONS.upper()})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# A date in another language: "el domingo", "no sábado", "mardi", "am Montag", "в субботу"; "13 de diciembre de 2023",
# "1er décembre", "13. Dezember", "17 декабря" (the words as the tables write them, lower-case but German's nouns)
_OTHER_WEEKDAY = (
    rf"(?P<weekday>{words(w for w in vocabulary.OTHER_LANGUAGES_WEEKDAYS if not w[0].isupper())}"
    rf"|(?<=\bam\s){words(w for w in vocabulary.OTHER_LANGUAGES_WEEKDAYS if w[0].isupper())})"
)
_OTHER_MONTH = rf"(?P<month>{words(vocabulary.OTHER_LANGUAGES_MONTHS)})"
_OTHER_LANGUAGE_WEEKDAY = prefilter.compile(rf"(?<![\w-]){_OTHER_WEEKDAY}(?![\w-])")
_OTHER_LANGUAGE_DAY_MONTH = prefilter.compile(
    rf"\b(?P<day>[0-3]?\d)(?:er|º|\.)?\s+(?:de\s+)?{_OTHER_MONTH}(?!\w)(?:\s+(?:de\s+)?(?P<year>(?:19|20)\d\d)\b)?"
)

_PATTERNS: tuple[tuple[str, prefilter.Pattern], ...] = (
    (
        "since",
        prefilter.compile(rf"\bsince\s+(?:(?:early|mid|late)[\s-]+)?{_MONTH}(?:\s+{_DAY})?\b(?:,?\s+{_YEAR}\b)?", re.I),
    ),
    ("iso", prefilter.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    # "Sept.11" (an abbreviation's period, no space: military statements and tweets) as well as "Sept. 11"
    ("mdy", prefilter.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}(?:\s+|(?<=\.)){_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("dmy", prefilter.compile(rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?")),
    ("numeric", prefilter.compile(r"\b[0-3]?\d/[01]?\d/(?:19|20)\d\d\b")),
    ("dmy", _OTHER_LANGUAGE_DAY_MONTH),
    # a day of the month told by its number alone, as wire copy translated from Chinese does: "on the morning of the
    # 29th local time", "on the 26th," (not "the 150th attack", "the 5th Brigade": a noun follows)
    (
        "day_of_month",
        prefilter.compile(
            r"\bon\s+the\s+(?:(?:morning|night|evening|afternoon|early\s+hours)\s+of\s+the\s+)?"
            r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
            r"(?=\s*(?:[,.;:()]|local\b|at\b|in\b|when\b|and\b|of\s+(?:this|the)\s+month\b|$))",
            re.I,
        ),
    ),
    ("holiday", prefilter.compile(rf"\b(?:the\s+)?(?P<holiday>{_HOLIDAY})\b(?:,?\s+{_YEAR}\b)?", re.I)),
    (
        "weekday",
        prefilter.compile(
            rf"\b(?P<part>(?i:late|early|before dawn))?(?:\s+on)?\s*(?P<last>(?i:last|past|previous)\s+)?\b{_WEEKDAY}\b(?:\s+(?P<time>night|morning|evening|afternoon|overnight))?"  # noqa: E501
        ),
    ),
    ("weekday", _OTHER_LANGUAGE_WEEKDAY),
    (
        "relday",
        prefilter.compile(
            rf"\b(?P<rel>yesterday|today|tonight|last night|this morning|this evening|this afternoon|earlier today|overnight|(?P<n>{numerals(1, 6)}|\d) days? ago)\b",  # noqa: E501
            re.I,
        ),
    ),
    (
        "period",
        prefilter.compile(
            r"\b(?P<rel>(?:earlier|later)\s+this\s+(?:week|month|year)|(?:last|this|past|previous)\s+(?:week|month|year)|the\s+(?:previous|prior)\s+(?:week|month)|a\s+week\s+(?:earlier|before|ago)|a\s+month\s+ago|a\s+year\s+ago"
            # "a few weeks back", "several months ago": some time before, in the past
            r"|(?:a\s+few|several|two|three|four)\s+(?:weeks|months)\s+(?:ago|back|earlier))\b",
            re.I,
        ),
    ),
    (
        "month",
        prefilter.compile(
            rf"\b(?P<prep>(?i:in|on|during|since|last|until|by|as\s+recently\s+as|as\s+late\s+as))?\s*(?:(?P<part>(?i:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of))[\s-]+)?\b{_MONTH}\b(?:\s+{_YEAR}\b)?"
        ),
    ),
    # "in 2019", "in early 2020", "since mid-2021"
    ("year", prefilter.compile(rf"\b(?P<prep>in|since|during)\s+(?:(?:early|mid|late)[\s-]+)?{_YEAR}\b")),
)
_REPORTING = prefilter.compile(
    # (a statement's day, the verb of putting it out among them: "a statement on this channel issued on January 29
    # took responsibility for the attack")
    rf"(?:\b{words(vocabulary.REPORTING_VERBS, vocabulary.POSTING_VERBS, vocabulary.PUTTING_OUT_WORDS, vocabulary.SPEAKING_WORDS)}"  # noqa: E501
    r"|according to\b[^.;]{0,60}?"
    # "Ryder told reporters Monday", "told The Associated Press on Sunday": the statement's day after its hearer
    r"|\b(?:told|briefed)\s+(?:reporters|journalists|the\s+press|lawmakers|(?:the\s+)?(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){0,3})"
    # "more than 40 were injured as of Monday": the day a count stood at, not the attack's
    r"|\bas\s+of)"
    r"[\s,]*(?:late\s+|early\s+)?(?:on\s+)?$",
    re.I,
)
# The day between the speaker and the verb: "The Pentagon on Monday said", "the SDF on Friday announced", and a toll
# updated on a day ("The Pentagon on Monday raised the injured toll to at least 40"): the day of the statement
_TOLD_RIGHT_AFTER = prefilter.compile(
    rf"\s+(?:{words(vocabulary.REPORTING_VERBS)}\b"
    r"|(?:raised|revised|updated|lifted)\s+(?:the|its)\s+(?:[\w-]+\s+)?(?:toll|count|tally)\b)",
    re.I,
)
# "On Monday, Pentagon spokesman John Kirby said ...": a sentence-initial date that dates the statement.
_REPORTING_AFTER = prefilter.compile(
    rf"\s*,\s*(?:[\w.'\u2019-]+\s+){{1,8}}?{words(vocabulary.REPORTING_VERBS)}\b", re.I
)
_EVENT_VERB = prefilter.compile(
    r"\b(?:attack\w*|hit|struck|fired|launched|targeted|killed|wounded|injured|exploded)\b", re.I
)
# "are expected to arrive in Germany on Tuesday": a planned event, never the day of an attack.
_PLANNED = prefilter.compile(
    r"\b(?:expected|scheduled|set|due|planned|plans?|going)\s+to\s+(?:\w+\s+){0,10}$|\bwill\s+(?:\w+\s+){0,10}$", re.I
)


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    precision: Precision  # day | week | month | year
    start: int
    end: int
    text: str
    kind: str
    past: bool = False
    reporting: bool = False

    def told_before(self, day: dt.date) -> bool:
        """The day someone spoke of an attack, before ``day``: the attack happened before ``day`` too ("Ryder told
        reporters Monday that there was a rocket attack" beside Tuesday's attack)."""
        return self.reporting and self.precision == "day" and self.date < day


# From the finest precision to the coarsest.
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def same_period(a: DateMention, b: DateMention) -> bool:
    """The finer of two dates falls within the coarser one's period (a day within 'last year', or within the
    calendar week of 'last week')."""
    fine, coarse = sorted((a, b), key=lambda x: PRECISION_RANK[x.precision])
    if coarse.precision == "year":
        return fine.date.year == coarse.date.year
    if coarse.precision == "month":
        return (fine.date.year, fine.date.month) == (coarse.date.year, coarse.date.month)
    if coarse.precision == "week" and fine.precision == "day":
        # "last week" in Tuesday's paper is Monday to Sunday before it: Friday the 9th is in it
        monday = coarse.date - dt.timedelta(days=coarse.date.weekday())
        return monday <= fine.date <= monday + dt.timedelta(days=6)
    return fine.date == coarse.date


def _latest_year(month: int, day: int, published: dt.date) -> int:
    year = published.year
    try:
        if dt.date(year, month, min(day, 28)) > published or dt.date(year, month, day) > published:
            year -= 1
    except ValueError:
        year -= 1
    return year


def _month_date(month: int, year: int | None, published: dt.date) -> dt.date:
    if year is None:
        year = published.year if month <= published.month else published.year - 1
    return dt.date(year, month, 1)


def _shift_month(d: dt.date, months: int) -> dt.date:
    m = d.month - 1 + months
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


@dataclass(frozen=True)
class _Found:
    """One date pattern's match: its groups, text and span in the sentence."""

    # the pattern's groupdict: each reader takes only the groups its own pattern always sets (Any: which
    # groups those are depends on the pattern, which the type cannot tell)
    g: dict[str, Any]
    text: str
    start: int
    end: int

    def mention(self, d: dt.date, precision: Precision, kind: str, past: bool = False) -> DateMention:
        return DateMention(d, precision, self.start, self.end, self.text, kind, past=past)


def _iso(x: _Found, published: dt.date) -> DateMention | None:
    try:
        d = dt.date(int(x.g["year"]), int(x.g["mnum"]), int(x.g["day"]))
    except ValueError:
        return None
    return x.mention(d, "day", "explicit")


def _explicit_day(x: _Found, month: int, day: int, published: dt.date) -> DateMention | None:
    """A day named by its month and day (the year written, else the latest before publication)."""
    year = int(x.g["year"]) if x.g.get("year") else _latest_year(month, day, published)
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return x.mention(d, "day", "explicit", past=(published - d).days > 7)


def _month_day(x: _Found, published: dt.date) -> DateMention | None:
    month, day = MONTHS[x.g["month"].lower().rstrip(".")], int(x.g["day"])
    if not 1 <= day <= 31:
        return None
    return _explicit_day(x, month, day, published)


def _day_of_month(x: _Found, published: dt.date) -> DateMention | None:
    """'On the 29th': that day of the publication's month, or of the month before when it is still to come."""
    day = int(x.g["day"] or 0)
    if not 1 <= day <= 31:
        return None
    month = published if day <= published.day else _shift_month(published.replace(day=1), -1)
    return _explicit_day(x, month.month, day, published)


def _holiday(x: _Found, published: dt.date) -> DateMention | None:
    key = re.sub(r"\s+", " ", (x.g["holiday"] or "").lower()).replace("\u2019", "'").replace("years", "year's")
    return _explicit_day(x, *HOLIDAYS[key], published)


def _numeric(x: _Found, published: dt.date) -> DateMention | None:
    import dateparser  # slow to import and to run: only for the rare numeric date

    parsed = dateparser.parse(
        x.text, settings={"DATE_ORDER": "DMY", "RELATIVE_BASE": dt.datetime(*published.timetuple()[:3])}
    )
    if parsed is None:
        return None
    return x.mention(parsed.date(), "day", "explicit", past=(published - parsed.date()).days > 7)


def _since(x: _Found, published: dt.date) -> DateMention | None:
    month = MONTHS[x.g["month"].lower().rstrip(".")]
    year = int(x.g["year"]) if x.g.get("year") else None
    return x.mention(_month_date(month, year, published), "month", "since", past=True)


def _weekday(x: _Found, published: dt.date) -> DateMention | None:
    back = (published.weekday() - WEEKDAYS[x.g["weekday"].lower()]) % 7
    if back == 0 and x.g.get("last"):
        back = 7  # "last Thursday" in Thursday's paper is a week ago
    return x.mention(published - dt.timedelta(days=back), "day", "weekday", past=bool(x.g.get("last")) and back > 3)


def _relday(x: _Found, published: dt.date) -> DateMention | None:
    rel = x.g["rel"].lower()
    if x.g.get("n"):
        back = UNITS.get(x.g["n"].lower()) or int(x.g["n"])
    else:
        back = 1 if rel in {"yesterday", "last night", "overnight"} else 0
    return x.mention(published - dt.timedelta(days=back), "day", "relday", past=back > 3)


def _period(x: _Found, published: dt.date) -> DateMention | None:
    rel = re.sub(r"\s+", " ", x.g["rel"].lower())
    this_month = dt.date(published.year, published.month, 1)
    if "week" in rel:
        if rel in {"this week", "earlier this week", "later this week"}:
            return x.mention(published, "week", "period")
        return x.mention(published - dt.timedelta(days=7), "week", "period", past=True)
    if "month" in rel:
        if rel in {"this month", "earlier this month", "later this month"}:
            return x.mention(this_month, "month", "period", past=rel.startswith("earlier"))
        return x.mention(_shift_month(this_month, -1), "month", "period", past=True)
    if rel in {"this year", "earlier this year", "later this year"}:
        return x.mention(dt.date(published.year, 1, 1), "year", "period", past=True)
    return x.mention(dt.date(published.year - 1, 1, 1), "year", "period", past=True)


def _month(x: _Found, published: dt.date) -> DateMention | None:
    prep = (x.g.get("prep") or "").lower()
    if x.g["month"].lower().rstrip(".") == "may" and not (prep or x.g.get("part") or x.g.get("year")):
        return None  # the verb "may"
    if not prep and not x.g.get("part") and not x.g.get("year"):
        return None  # a bare capitalised month name is usually part of something else
    month = MONTHS[x.g["month"].lower().rstrip(".")]
    year = int(x.g["year"]) if x.g.get("year") else None
    d = _month_date(month, year, published)
    if prep == "last" and year is None and month == published.month:
        d = dt.date(published.year - 1, month, 1)
    if d > published:
        return None
    past = (d.year, d.month) < (published.year, published.month) or prep in {"since", "until", "by"}
    return x.mention(d, "month", "since" if prep == "since" else "month", past=past)


def _year(x: _Found, published: dt.date) -> DateMention | None:
    year = int(x.g["year"])
    if year > published.year:
        return None
    # "forces have been based there since 2014": a bound, not the day of an event
    since = (x.g.get("prep") or "").lower() == "since"
    return x.mention(dt.date(year, 1, 1), "year", "since" if since else "year", past=True)


_RESOLVERS = {
    "iso": _iso,
    "mdy": _month_day,
    "dmy": _month_day,
    "numeric": _numeric,
    "day_of_month": _day_of_month,
    "holiday": _holiday,
    "since": _since,
    "weekday": _weekday,
    "relday": _relday,
    "period": _period,
    "month": _month,
    "year": _year,
}


def _resolve(kind: str, m: re.Match[str], published: dt.date) -> DateMention | None:
    """The date a pattern of ``kind`` names, resolved against the publication date (None when it names none)."""
    resolver = _RESOLVERS.get(kind)
    if resolver is None:
        return None
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    return resolver(_Found(m.groupdict(), m.group(0).strip(), start, m.end()), published)


# Every pattern above needs a digit or one of these words; most sentences have none (speed).
_DATE_WORD = prefilter.compile(
    r"\d|day\b|night|morning|evening|afternoon|overnight|today|tonight|week|month|year|ago\b|christmas|july"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?",
    re.I,
)
_OTHER_LANGUAGE_DATE_WORD = prefilter.compile(words(vocabulary.OTHER_LANGUAGES_WEEKDAYS), re.I)
# the patterns read in an article in English: all but the other languages' days and months
_ENGLISH_PATTERNS = tuple(
    (kind, p) for kind, p in _PATTERNS if p not in (_OTHER_LANGUAGE_WEEKDAY, _OTHER_LANGUAGE_DAY_MONTH)
)


def _says_on(text: str, mention: DateMention) -> bool:
    """'On Monday, X said ...' at the start of a sentence dates a statement, not an attack."""
    if text[: mention.start].strip(" \"\u201c'").lower() not in {"", "on", "late", "early"}:
        return False
    m = _REPORTING_AFTER.match(text, mention.end)
    return m is not None and not _EVENT_VERB.search(m.group(0))


# What else a dateline or byline line may hold: "December 21, 2020 - 12:14", "By News Desk - March 14 2023".
_DATELINE_REST = prefilter.compile(r"^(?:by\s+[\w\s.]{1,30}?)?[\W\d]*(?:[ap]\.?m\.?)?[\W\d]*$", re.I)


# "By Jane Doe September 13, 2021 | Image Source: ...": a byline line dates the report, whatever follows it.
_BYLINE = prefilter.compile(r"^By\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\b[\s,|\-\u2013\u2014]*$")


# A wire dateline: "Dec. 24 (UPI) --", "BAGHDAD, Jan 5 (Reuters) -", "(MENAFN- IANS) Baghdad, Dec 27 (IANS) An
# Iraqi militia ...", "ERBIL, November 7 - International ...", "Beirut, Jan 05: Iraq's parliament": an optional
# place (in capitals or one or two capitalised words, after the syndicator's bracket) before the date, then the
# agency in brackets, or a dash or colon after a place.
_WIRE_PLACE = prefilter.compile(
    r"^\s*(?:\([^()]{1,30}\)\s*)?(?P<place>[A-Z][A-Z .'-]+,\s*|[A-Z][a-z'-]+(?:\s[A-Z][a-z'-]+)?,\s*)?$"
)
_WIRE_AGENCY = prefilter.compile(r"^,?\s*(?:\d{4}\s*)?\([A-Za-z][\w .&-]{0,24}\)\s*[-\u2013\u2014]{0,2}")
_WIRE_DASH = prefilter.compile(r"^,?\s*(?:\d{4}\s*)?(?:[-\u2013\u2014]{1,2}|:)\s")


# An embedded post's signature before its date: "— Inherent Resolve (@CJTFOIR) August 16, 2022"
_POST_SIGNATURE = prefilter.compile(r"\(@\w+\)\s*$")


# A clock time: "14:31", "22:00:06", "5:10 AM"
_CLOCK = prefilter.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
# The lower-case words a page's time stamp holds beside its date and clock: "Published: Feb. 16, 2021 at 5:10 AM
# EST|Updated: 3 hours ago", "2023-12-06 22:00:06 - Source: Shafaq News"
_STAMP_WORDS = frozenset({
    "at", "on", "updated", "posted", "published", "publish", "date", "source", "last", "hours", "hour", "minutes",
    "ago",
})  # fmt: skip
# A word, or each part of words a page glued together when its labels lost their spacing ("Publish dateMonday 15
# January 2024 - 16:19": the label "date" and the weekday "Monday")
_WORD = re.compile(r"[A-Z]{2,}(?![a-z])|[^\W\d_][^\W\d_A-Z]*(?:['\u2019.-]\w*)*")


def _is_time_stamp(rest: str) -> bool:
    """What is left of a line beside its date is a clock time with labels only - capitalised names (the outlet, the
    weekday, the time zone) and a stamp's few words: "Xinhua) 14:31, October 23, 2023", "Wed, 25 Oct 2023 10:04
    UTC" (not "Rockets hit the base at 14:30 on October 23": the words of an event)."""
    if _CLOCK.search(rest) is None:
        return False
    found = _WORD.findall(rest)
    return len(found) <= 8 and all(w[0].isupper() or w.lower() in _STAMP_WORDS for w in found)


def _is_dateline(text: str, mention: DateMention) -> bool:
    """A line that is only a date (and time or byline), a wire dateline, or the date under an embedded post dates
    the report, not an attack."""
    rest = (text[: mention.start] + " " + text[mention.end :]).strip()
    if _is_time_stamp(rest):
        return True
    wire = _WIRE_PLACE.match(text[: mention.start])
    if wire and (
        _WIRE_AGENCY.match(text[mention.end :]) or (wire.group("place") and _WIRE_DASH.match(text[mention.end :]))
    ):
        return True
    if _POST_SIGNATURE.search(text, 0, mention.start):
        return True
    return _DATELINE_REST.match(rest) is not None or _BYLINE.match(text[: mention.start]) is not None


def _quoted_relative(text: str, kind: str, start: int) -> bool:
    """'"Last night, rockets hit the base," the spokesman said': a relative day inside a quotation counts from
    the day the words were spoken, which the article does not give - it names no day of its own."""
    return kind == "relday" and in_quote(text, start)


_STAMP_WEEKDAY = prefilter.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*$", re.I)


# A day told from the one the text told last: "the following day", "two days later", "the day before"
_FROM_THE_LAST_DAY = prefilter.compile(
    r"\b(?:(?:the\s+)?(?P<after>following|next|ensuing)\s+day|(?:on\s+)?the\s+day\s+(?P<before>before|prior)"
    r"|the\s+(?P<previous>previous|preceding)\s+day|(?P<same>(?:that|the)\s+same\s+day|(?:later|earlier)\s+(?:that|in\s+the)\s+day)"
    rf"|(?P<n>a|one|{numerals(2, 6)}|\d)\s+days?\s+(?P<dir>later|earlier|afterwards?|before)"
    r"(?!\s+(?:the|an?|it|they|he|she)\b)"
    # "announced on Tuesday ... two days after a drone attack killed three": the attack, that many days before
    rf"|(?P<since>a|one|{numerals(2, 6)}|\d)\s+days?\s+after(?=\s+(?:the|an?)\s))\b",
    re.I,
)


def days_from_the_last(
    text: str, last: DateMention | None, own: list[DateMention], published: dt.date
) -> list[DateMention]:
    """The days ``text`` tells from the event day told last - earlier in ``text`` (``own``, its days) or
    before it (``last``) - e.g. "The following day, drones targeted Shaddadi" after an attack on October 30 is
    October 31. Without such a day, none."""
    found = []
    for m in _FROM_THE_LAST_DAY.finditer(text):
        if any(m.start() < y.end and y.start < m.end() for y in own):
            continue
        told = [y for y in own if y.end <= m.start() and not y.reporting]
        base = told[-1] if told else last
        spoken = [y for y in own if y.end <= m.start()]
        if m.group("since"):
            # the day of the event told before it in the sentence, be it a statement's; none: no day
            base = spoken[-1] if spoken else None
        elif base is None or base.reporting:
            continue
        if base is None or base.precision != "day" or base.kind == "since":
            continue
        if m.group("since"):
            n = m.group("since").lower()
            shift = -(1 if n in {"a", "one"} else UNITS.get(n) or int(n))
        elif m.group("same"):
            shift = 0
        elif m.group("n"):
            n = m.group("n").lower()
            shift = (1 if n in {"a", "one"} else UNITS.get(n) or int(n)) * (
                1 if m.group("dir").lower().startswith(("later", "after")) else -1
            )
        else:
            shift = 1 if m.group("after") else -1
        d = base.date + dt.timedelta(days=shift)
        if d > published:
            continue
        found.append(DateMention(d, "day", m.start(), m.end(), m.group(0), "relative", past=(published - d).days > 7))
    return found


# A report that names the period it covers: "Iraq Situation Report: March 11 - 17, 2020", "Weekly update, 5-11 August"
_PERIOD_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_REPORTED_PERIOD = prefilter.compile(
    r"\b(?:report|update|roundup|round-up|digest|brief(?:ing)?|sitrep|review)\b[^.\n]{0,20}?"
    rf"(?:(?P<m1>{_PERIOD_MONTH})\s+(?P<d1>\d{{1,2}})\s*[-\u2013\u2014]\s*(?:[A-Z][a-z]+\.?\s+)?(?P<d2>\d{{1,2}})"
    rf"|(?P<e1>\d{{1,2}})\s*[-\u2013\u2014]\s*(?P<e2>\d{{1,2}})\s+(?P<m2>{_PERIOD_MONTH}))"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?",
    re.I,
)
# How many days a reported period may span (a week, a fortnight)
PERIOD_DAYS = 16


def reported_period(text: str, published: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last day a report names as its period ('Iraq Situation Report: March 11 - 17, 2020'; a
    period running into the next month, 'March 28 - April 3', too), when ``text`` names one of a fortnight at
    most that ends by the day after ``published``; else None."""
    m = _REPORTED_PERIOD.search(text)
    if m is None:
        return None
    number = MONTHS[(m.group("m1") or m.group("m2")).lower()[:3]]
    first, last = int(m.group("d1") or m.group("e1")), int(m.group("d2") or m.group("e2"))
    year = int(m.group("y")) if m.group("y") else published.year
    try:
        start = dt.date(year, number, first)
        end_month = number + 1 if last < first else number
        end = dt.date(year + (end_month > 12), (end_month - 1) % 12 + 1, last)
    except ValueError:
        return None
    if 0 <= (end - start).days <= PERIOD_DAYS and end <= published + dt.timedelta(days=1):
        return start, end
    return None


# "since" just before a date: the date opens a window ("attacked twice since Thursday"); not "since the March 3
# attack", where the date is the attack's
_SINCE_BEFORE = prefilter.compile(r"\bsince\s+(?:(?:early|late)\s+)?$", re.I)
# The day an event that opens a window took place on: "since the Israel-Gaza conflict began on October 7", "since
# Hamas invaded Israel on Oct. 7", "Since the outbreak of the Gaza conflict on Oct 7" - the window's first day, not an
# attack's (a clause telling an attack keeps its day: "since a drone struck the base on Monday")
_SINCE_CLAUSE = prefilter.compile(r"\bsince\s+(?P<clause>[^.,;:]{1,60}?)\s+(?:on|in)\s+$", re.I)
_ATTACK_WORD = prefilter.compile(rf"\b{words(vocabulary.ATTACK_WORDS)}\b", re.I)


def _opens_a_window(text: str, mention: DateMention) -> bool:
    """Is the date that of a non-attack event a 'since' clause opens its window on ('since the war began on Oct. 7')?"""
    clause = _SINCE_CLAUSE.search(text, max(0, mention.start - 80), mention.start)
    return clause is not None and _ATTACK_WORD.search(clause.group("clause")) is None


# A clock time in Washington's zone next to a day: "At approximately 5:30 p.m. (EST) on January 7, Iran launched ...",
# "on January 7 at 5:30 p.m. EST". The region's clocks run seven or eight hours ahead of Washington's (UTC+3 against
# UTC-4 or UTC-5), so an evening there is the next day where the attack fell.
_US_ZONE = r"\(?(?P<zone>EST|EDT|ET|Eastern(?:\s+(?:Standard|Daylight))?\s+Time|Washington\s+time)\)?"
_US_CLOCK = rf"(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<half>[ap])\.?m\.?,?\s*{_US_ZONE}"
_US_CLOCK_BEFORE = prefilter.compile(rf"\b{_US_CLOCK},?\s*(?:on\s+)?(?:{_WEEKDAY},?\s+)?$", re.I)
_US_CLOCK_AFTER = prefilter.compile(
    rf",?\s*(?:at\s+)?(?:about\s+|approximately\s+|around\s+|roughly\s+)?{_US_CLOCK}", re.I
)


def _day_where_it_fell(text: str, mention: DateMention) -> dt.date:
    """The day of ``mention`` in the region, when a clock in Washington's zone is told with it."""
    clock = _US_CLOCK_BEFORE.search(text, max(0, mention.start - 60), mention.start) or _US_CLOCK_AFTER.match(
        text, mention.end
    )
    if clock is None:
        return mention.date
    hour = int(clock["hour"]) % 12 + (12 if clock["half"].lower() == "p" else 0)
    return (
        mention.date + dt.timedelta(days=1) if hour + _hours_ahead(clock["zone"], mention.date) >= 24 else mention.date
    )


def _hours_ahead(zone: str, day: dt.date) -> int:
    """How far the region's clock runs ahead of Washington's in ``zone``: 7 hours of daylight time, 8 of standard
    time; a zone that does not say which ("ET", "Washington time") by the season of ``day``."""
    zone = zone.lower()
    if zone == "edt" or "daylight" in zone:
        return 7
    if zone == "est" or "standard" in zone:
        return 8
    return 8 if day.month in (11, 12, 1, 2, 3) else 7


def find_dates(text: str, published: dt.date, *, other_languages: bool = False) -> list[DateMention]:
    """Every resolvable date expression in ``text``, left to right, without overlaps; with ``other_languages``
    (an article not in English), its days and months in the other languages of the tables too."""
    if not (_DATE_WORD.search(text) or (other_languages and _OTHER_LANGUAGE_DATE_WORD.search(text))):
        return []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS if other_languages else _ENGLISH_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _resolve(kind, m, published)
            if mention is not None and mention.date > published:
                # a stamp later than the article (the page's print or crawl date, "Sunday, 22 December 2024"):
                # neither it nor its weekday is an event day
                lead = _STAMP_WEEKDAY.search(text[: m.start()])
                taken.append((lead.start() if lead else m.start(), m.end()))
                continue
            if mention is None or _quoted_relative(text, kind, mention.start):
                taken.append((m.start(), m.end()))
                continue
            if mention.precision == "day" and (local := _day_where_it_fell(text, mention)) <= published:
                mention = replace(mention, date=local)
            before = text[max(0, mention.start - 90) : mention.start]
            if _PLANNED.search(re.split(r"[,;]", before)[-1]):
                taken.append((m.start(), m.end()))
                continue
            opening = _SINCE_BEFORE.search(text, 0, mention.start) or _opens_a_window(text, mention)
            if mention.kind != "since" and opening:
                # "the second time since Thursday", "since last week": a window's first day, not an event's
                mention = replace(mention, kind="since")
            if (
                _REPORTING.search(text[max(0, mention.start - 80) : mention.start])
                or _says_on(text, mention)
                or _TOLD_RIGHT_AFTER.match(text, mention.end)
                or _is_dateline(text, mention)
            ):
                mention = replace(mention, reporting=True)
            found.append(mention)
            taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return _a_year_back(text, _in_apposition(text, found))


# "A year ago on January 8", "on January 8 last year": a day and the year it is told in, side by side
_YEAR_BACK = frozenset({"a year ago", "last year"})
_BESIDE = prefilter.compile(r"^\s*(?:on\s+|,\s*(?:on\s+)?)?$", re.I)
_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")


def _a_year_back(text: str, found: list[DateMention]) -> list[DateMention]:
    """A day written without its year beside 'a year ago' or 'last year' is that day of the year before the
    publication's, not the latest one before it ('A year ago on January 8, Iran launched ...' in a paper of
    January 8)."""
    out = list(found)
    for i, (a, b) in enumerate(pairwise(found)):
        year, day, at = (a, b, i + 1) if a.kind == "period" else (b, a, i)
        if year.kind != "period" or year.precision != "year" or day.kind != "explicit" or day.precision != "day":
            continue
        if re.sub(r"\s+", " ", year.text.lower()) not in _YEAR_BACK or _YEAR_WRITTEN.search(day.text):
            continue
        if not _BESIDE.match(text[a.end : b.start]):
            continue
        try:
            moved = day.date.replace(year=year.date.year)
        except ValueError:
            continue
        out[at] = replace(day, date=moved, past=True)
    return out


# A day set beside a weekday to name it: "said on Monday (February 22)", "on Monday night (February 15)", "on
# Tuesday, March 5,"
_APPOSED = prefilter.compile(r"(?:\s+(?:night|morning|evening|afternoon))?\s*[(,]\s*$")


def _in_apposition(text: str, found: list[DateMention]) -> list[DateMention]:
    """A weekday and the day set beside it name one day: the written day is the weekday's (not the weekday counted
    from the publication), and a statement's weekday makes its written day the statement's too."""
    out = list(found)
    for i, (weekday, day) in enumerate(pairwise(found)):
        if weekday.kind != "weekday" or day.kind != "explicit" or day.precision != "day":
            continue
        if not _APPOSED.match(text[weekday.end : day.start]):
            continue
        out[i] = replace(weekday, date=day.date, past=day.past)
        out[i + 1] = replace(day, reporting=day.reporting or weekday.reporting)
    return out
