"""Countries and the provinces/towns that tell them apart, for incidents without a named site."""

from __future__ import annotations

import re

from ingest.extractor import prefilter

ISO_TO_NAME = {
    "IQ": "Iraq",
    "SY": "Syria",
    "JO": "Jordan",
    "IR": "Iran",
    "IL": "Israel",
    "LB": "Lebanon",
    "YE": "Yemen",
    "TR": "Turkey",
    "KW": "Kuwait",
    "SA": "Saudi Arabia",
    "QA": "Qatar",
    "AE": "United Arab Emirates",
    "BH": "Bahrain",
    "OM": "Oman",
    "US": "United States",
}

# Adjectives and names a text uses for the three countries that host the sites we track.
COUNTRY_WORDS = {
    "iraq": "IQ",
    "iraqi": "IQ",
    "kurdistan": "IQ",
    "syria": "SY",
    "syrian": "SY",
    "jordan": "JO",
    "jordanian": "JO",
    # the Gulf and Turkey: country names only ("Turkish warplanes" says nothing of where an attack was)
    "qatar": "QA",
    "kuwait": "KW",
    "bahrain": "BH",
    "united arab emirates": "AE",
    "uae": "AE",
    "saudi arabia": "SA",
    "oman": "OM",
    "turkey": "TR",
    "türkiye": "TR",
}
# one pattern for them all (longest first), so a sentence is searched once
# the country words as one alternation, longest first (for patterns that name a country among other words)
COUNTRY_NAMES = "|".join(sorted(map(re.escape, COUNTRY_WORDS), key=len, reverse=True))
COUNTRY_WORD = prefilter.compile(rf"\b(?:{COUNTRY_NAMES})\b", re.I)

# Provinces, regions and towns (lower case) -> ISO2. General geography, not tied to any article.
PLACE_COUNTRY = {
    "hasakah": "SY",
    "hasaka": "SY",
    "hassakeh": "SY",
    "al-hasakah": "SY",
    "deir ez-zor": "SY",
    "deir ezzor": "SY",
    "deir el-zor": "SY",
    "deir al-zor": "SY",
    "deir ez zor": "SY",
    "raqqa": "SY",
    "raqqah": "SY",
    "homs": "SY",
    "qamishli": "SY",
    "al-qamishli": "SY",
    "rmelan": "SY",
    "shaddadi": "SY",
    "al-shaddadi": "SY",
    "mayadin": "SY",
    "al-mayadin": "SY",
    "albu kamal": "SY",
    "abu kamal": "SY",
    "bukamal": "SY",
    "northeast syria": "SY",
    "northeastern syria": "SY",
    "eastern syria": "SY",
    "southern syria": "SY",
    "anbar": "IQ",
    "al anbar": "IQ",
    "al-anbar": "IQ",
    "erbil": "IQ",
    "irbil": "IQ",
    "arbil": "IQ",
    "baghdad": "IQ",
    "kirkuk": "IQ",
    "nineveh": "IQ",
    "ninawa": "IQ",
    "mosul": "IQ",
    "basra": "IQ",
    "salahaddin": "IQ",
    "salah ad-din": "IQ",
    "salah al-din": "IQ",
    "diyala": "IQ",
    "babil": "IQ",
    "sulaymaniyah": "IQ",
    "duhok": "IQ",
    "western iraq": "IQ",
    "northern iraq": "IQ",
    "rukban": "JO",
    "azraq": "JO",
    "northeast jordan": "JO",
    "northeastern jordan": "JO",
}

_PLACE_ALT = "|".join(sorted((re.escape(p) for p in PLACE_COUNTRY), key=len, reverse=True))
_COUNTRY_ALT = "iraq|syria|jordan"
_DIRECTION = r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central)"

# "Syria's Hasakah province", "the province of Deir ez-Zor", "near Hasakah", "in northeastern Syria", "in Jordan"
_PLACE_PATTERNS = (
    prefilter.compile(
        rf"\b(?P<country>{_COUNTRY_ALT})['\u2019]s\s+(?:{_DIRECTION}\s+)?(?P<place>(?:{_PLACE_ALT})(?:\s+(?:province|governorate|region|city))?)",
        re.I,
    ),
    prefilter.compile(
        rf"\b(?:in|near|outside|around)\s+(?:the\s+)?(?P<place>(?:{_PLACE_ALT})(?:\s+(?:province|governorate|region|city))?)\b",
        re.I,
    ),
    prefilter.compile(rf"\b(?:in|near|across)\s+(?P<place>{_DIRECTION}\s+(?:{_COUNTRY_ALT}))\b", re.I),
    prefilter.compile(rf"\b(?:in|near|across)\s+(?P<place>{_COUNTRY_ALT})\b", re.I),
)


def country_name(iso: str | None) -> str | None:
    """ISO2 -> English name ("IQ" -> "Iraq"); unknown codes pass through."""
    if not iso:
        return None
    return ISO_TO_NAME.get(iso.upper(), iso)


def country_of(phrase: str) -> str | None:
    """The country a place phrase lies in ("Hasakah province" -> "SY")."""
    low = phrase.lower()
    for word, iso in COUNTRY_WORDS.items():
        if re.search(rf"\b{word}\b", low):
            return iso
    for place, iso in sorted(PLACE_COUNTRY.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(place)}\b", low):
            return iso
    return None


def find_place(text: str) -> tuple[str | None, str | None, int]:
    """The most specific place named in ``text``: (place phrase, ISO2, offset) or (None, None, -1)."""
    for pattern in _PLACE_PATTERNS:
        m = pattern.search(text)
        if m:
            place = m.group("place")
            iso = None
            if "country" in m.groupdict() and m.group("country"):
                iso = COUNTRY_WORDS.get(m.group("country").lower())
            return place, iso or country_of(place), m.start("place")
    return None, None, -1
