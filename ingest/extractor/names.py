"""Name normalisation shared by the site and faction matchers.

Transliterations of Arabic names vary in articles (al-/el-/ad-), doubled consonants
(Assad/Asad), vowels (Ayn/Ain/Ein, Beydar/Baydar), hyphens and apostrophes, and
"airbase"/"air base". Every token gets a *skeleton* in ``token.norm_`` and the spaCy
``Matcher`` patterns compare skeletons, skipping optional articles and hyphens.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc

ARTICLES = frozenset(
    {"al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "adh", "ath", "ed", "es", "er", "ez", "ul"}
)
HYPHENS = frozenset({"-", "‑", "–"})
_VOWEL_GROUPS = (("ay", "ai"), ("ey", "ai"), ("ei", "ai"), ("ee", "i"), ("oo", "u"), ("ou", "u"))
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"([a-z])\1+")


def fold(text: str) -> str:
    """Lower case ASCII without accents or apostrophes."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _NON_ALNUM.sub("", text)


def skeleton(word: str) -> str:
    """A spelling-insensitive key for one word: 'Assad' -> 'asad', 'Ayn' -> 'ain', 'Beydar' -> 'baidar'."""
    s = fold(word)
    if not s or s.isdigit():
        return s
    s = _DOUBLE.sub(r"\1", s)
    for a, b in _VOWEL_GROUPS:
        s = s.replace(a, b)
    return s


def set_skeleton_norms(doc: Doc) -> Doc:
    """Write each token's skeleton into ``token.norm_`` (articles keep their own text)."""
    for token in doc:
        low = token.lower_
        token.norm_ = low if low in ARTICLES else (skeleton(token.text) or low)
    return doc


def is_acronym(alias: str) -> bool:
    compact = alias.replace(".", "").replace("-", "")
    return compact.isupper() and len(compact) <= 5 and compact.isalnum()


def alias_variants(alias: str) -> set[str]:
    """Spelling variants worth a pattern of their own ('airbase' <-> 'air base')."""
    out = {alias}
    low = alias
    if re.search(r"\bairbase\b", low, re.I):
        out.add(re.sub(r"\bairbase\b", "air base", low, flags=re.I))
    if re.search(r"\bair base\b", low, re.I):
        out.add(re.sub(r"\bair base\b", "airbase", low, flags=re.I))
    return out


def token_pattern(doc: Doc) -> list[dict] | None:
    """A Matcher pattern matching ``doc``'s words by skeleton, with optional articles/hyphens between them."""
    words = [t for t in doc if t.lower_ not in ARTICLES and t.text not in HYPHENS and fold(t.text)]
    if not words:
        return None
    pattern: list[dict] = []
    for i, tok in enumerate(words):
        if i:
            pattern.append({"LOWER": {"IN": sorted(ARTICLES)}, "OP": "?"})
            pattern.append({"ORTH": {"IN": sorted(HYPHENS)}, "OP": "?"})
        pattern.append({"NORM": skeleton(tok.text)})
    return pattern
