"""Name normalisation shared by the site and faction matchers.

Transliterations of Arabic names vary in articles (al-/el-/ad-), doubled consonants
(Assad/Asad), vowels (Ayn/Ain/Ein, Beydar/Baydar, Erbil/Irbil/Arbil), hyphens and apostrophes, and
"airbase"/"air base". Every token gets a *skeleton* in ``token.norm_`` and the spaCy
``Matcher`` patterns compare skeletons, skipping optional articles and hyphens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import combinations, product
from typing import TypeVar

import numpy
from spacy.attrs import NORM, ORTH
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ingest.extractor import prefilter, vocabulary

T = TypeVar("T")

ARTICLES = frozenset(
    {"al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "adh", "ath", "ed", "es", "er", "ez", "ul"}
)
HYPHENS = frozenset({"-", "\u2011", "\u2013"})
_VOWEL_GROUPS = (("ay", "ai"), ("ey", "ai"), ("ei", "ai"), ("ee", "i"), ("oo", "u"), ("ou", "u"))
_NON_ALNUM = prefilter.compile(r"[^a-z0-9]+")
_DOUBLE = prefilter.compile(r"([a-z])\1+")
_GLIDE = prefilter.compile(r"iy(?=[aeiou])")
_FINAL_H = prefilter.compile(r"(?<=[aeiou])h$")
# a short vowel opening a word before a consonant is written a, e or i ('Erbil'/'Irbil'/'Arbil')
_INITIAL_VOWEL = prefilter.compile(r"^[aei](?=[b-df-hj-np-tv-z])")


def fold(text: str) -> str:
    """Lower case ASCII without accents or apostrophes."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _NON_ALNUM.sub("", text)


@lru_cache(maxsize=65536)  # pure, and news repeats its words: most tokens are cache hits
def skeleton(word: str) -> str:
    """A spelling-insensitive key for one word: 'Assad' -> 'asad', 'Ayn' -> 'ain', 'Beydar' -> 'baidar'."""
    s = fold(word)
    if not s or s.isdigit():
        return s
    # 'ee' and 'oo' are the long vowels 'i' and 'u' ('Jeer'/'Jir', 'Hoot'/'Hut'), read before doubles collapse
    s = s.replace("ee", "i").replace("oo", "u")
    s = _DOUBLE.sub(r"\1", s)
    for a, b in _VOWEL_GROUPS:
        s = s.replace(a, b)
    # a written glide between vowels: 'Thawriyoun'/'Thawriyun' -> 'thawriun' like 'Thawriun'
    s = _GLIDE.sub("i", s)
    s = _INITIAL_VOWEL.sub("e", s)
    # a final h after a vowel is often left out: 'Bismayah'/'Bismaya', 'Hasakah'/'Hasaka'
    return _FINAL_H.sub("", s) if len(s) > 4 else s


_CONSONANT_ARTICLE = prefilter.compile(rf"^(?:the|{'|'.join(sorted(ARTICLES))})[\s\-\u2011\u2013]+", re.I)


def consonant_key(name: str) -> str:
    """A name's consonants, without its article: the vowels of a transliteration vary most ('Al-Waretheen' and
    'Waritheen' -> 'wrthn'; 'the Revolutionaries' -> 'rvltnrs')."""
    key = re.sub(r"[aeiouy]", "", fold(_CONSONANT_ARTICLE.sub("", name.strip())))
    return _DOUBLE.sub(r"\1", key)


def _norm(word: str) -> str:
    low = word.lower()
    if low in ARTICLES:
        return "al"
    if word in HYPHENS:
        return "-"
    return skeleton(word) or low


# A word's hash -> its norm's hash. Words repeat across articles, so most are found here; capped like skeleton's.
_NORM_HASHES: dict[int, int] = {}


def set_skeleton_norms(doc: Doc) -> Doc:
    """Write each token's skeleton into ``token.norm_`` (articles keep their own text).

    Done on arrays: each distinct word of the text is normalised once, and the norms are written in one call."""
    orths = doc.to_array([ORTH])
    if not len(orths):
        return doc
    distinct, where = numpy.unique(orths, return_inverse=True)
    strings = doc.vocab.strings
    if len(_NORM_HASHES) > 65536:
        _NORM_HASHES.clear()
    norms = numpy.empty(len(distinct), dtype=numpy.uint64)
    for i, orth in enumerate(distinct.tolist()):
        norm = _NORM_HASHES.get(orth)
        if norm is None:
            norm = _NORM_HASHES[orth] = strings.add(_norm(strings[orth]))
        norms[i] = norm
    # thinc's Ints2d is a typing stand-in that a numpy integer array is not declared as; it is one at run time
    doc.from_array([NORM], norms[where].reshape(-1, 1))  # type: ignore[arg-type]
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
    # "the Victoria military base" for "Victoria base": a name's base told as a military one
    if re.search(r"\w\s+base$", alias, re.I) and not re.search(r"\b(?:military|air)\s+base$", alias, re.I):
        out.add(re.sub(r"\s+base$", " military base", alias, flags=re.I))
    for word, short in vocabulary.NAME_WORD_ABBREVIATIONS.items():
        # "US Fifth Fleet HQ in Bahrain" for the alias "Fifth Fleet headquarters"
        out |= {re.sub(rf"\b{word}\b", short, v, flags=re.I) for v in out if re.search(rf"\b{word}\b", v, re.I)}
    return out | _number_variants(alias)


_SINGULAR_OF = {plural: singular for singular, plural in vocabulary.NAME_NOUN_PLURALS.items()}
_NAME_NOUN = prefilter.compile(rf"\b{vocabulary.words(vocabulary.NAME_NOUN_PLURALS, _SINGULAR_OF)}\b", re.I)


def _number_variants(alias: str) -> set[str]:
    """A translated name in the other number, one noun at a time: 'Guardians of Blood Brigades' is also written
    'Guardian of Blood Brigades' and 'Guardians of Blood Brigade' (``vocabulary.NAME_NOUN_PLURALS``)."""
    out = set()
    for m in _NAME_NOUN.finditer(alias):
        word = m.group(0).lower()
        other = vocabulary.NAME_NOUN_PLURALS.get(word) or _SINGULAR_OF[word]
        out.add(alias[: m.start()] + other + alias[m.end() :])
    return out


_GAPS: tuple[tuple[str, ...], ...] = (("al",), ("al", "-"), ("-",))  # what a text may write between two words
MAX_GAPS = 2  # names written with an article or hyphen in more than two places are not seen in reporting
MAX_KEYS = 6  # a longer name is matched on its first six words


def content_keys(doc: Doc) -> list[str]:
    """The skeletons of an alias's words, without articles and hyphens."""
    return [skeleton(t.text) for t in doc if t.lower_ not in ARTICLES and t.text not in HYPHENS and fold(t.text)]


def phrase_variants(keys: list[str]) -> list[list[str]]:
    """Norm sequences a text may show for ``keys``: 'ain asad' -> ain asad / ain al asad / ain al - asad / ain - asad.
    "al", "al -" or "-" may stand between any two words, in at most MAX_GAPS places ("Quwat al-Hashd al-Shaabi")."""
    keys = keys[:MAX_KEYS]
    if not keys:
        return []
    out: list[list[str]] = []
    for n in range(min(MAX_GAPS, len(keys) - 1) + 1):
        for places in combinations(range(1, len(keys)), n):
            for fills in product(_GAPS, repeat=n):
                gap = dict(zip(places, fills, strict=True))
                out.append([keys[0], *(w for i, key in enumerate(keys[1:], 1) for w in (*gap.get(i, ()), key))])
    return out


def possessive_variant(keys: list[str]) -> list[str] | None:
    """'Baghdad International Airport' is also written "Baghdad's international airport": the first word in the
    possessive (its "'s" token has the skeleton 's'). None for one-word names."""
    return [keys[0], "s", *keys[1:]] if len(keys) >= 2 else None


def norm_doc(vocab: Vocab, norms: list[str]) -> Doc:
    doc = Doc(vocab, words=norms)
    for token, norm in zip(doc, norms, strict=True):
        if token.norm_ != norm:  # a word's own norm is usually itself: setting it costs a token-level override
            token.norm_ = norm
    return doc


# Arabic letters written more than one way: the alef with or without its hamza or madda, the final yaa and alef
# maqsura, the taa marbuta and haa
_ALEF, _YAA, _HAA = "\u0627", "\u064a", "\u0647"
_ARABIC_VARIANTS = {
    "\u0623": _ALEF,  # alef with hamza above
    "\u0625": _ALEF,  # alef with hamza below
    "\u0622": _ALEF,  # alef with madda
    "\u0649": _YAA,  # alef maqsura
    "\u0629": _HAA,  # taa marbuta
}
_ARABIC_CLASS = {
    _ALEF: "[\u0627\u0623\u0625\u0622]",
    _YAA: "[\u064a\u0649]",
    _HAA: "[\u0647\u0629]",
}
# The letters that cling to an Arabic word's front: "and", "with", "to", "so", "as" ("لقاعدة عين الأسد")
_ARABIC_PROCLITIC = "[وبلفك]?"


def script_key(name: str) -> str:
    """A name in another script as the pattern reads it: Arabic's variant letters folded, spaces made one."""
    folded = "".join(_ARABIC_VARIANTS.get(c, c) for c in name.lower())
    return re.sub(r"\s+", " ", folded).strip()


def script_names(named: Iterable[tuple[str, T]]) -> tuple[re.Pattern[str], dict[str, T]] | None:
    """One pattern for names of more than one word that the phrase matcher cannot read - written beyond ASCII (or
    with a comma) - and what each names (a site, a group). One word alone ("حرير", silk, for Harir) is too often a
    common word. Arabic's variant letters match one another, and a clinging "and", "with", "to" may stand before."""
    by_name: dict[str, T] = {}
    bodies = []
    for alias, thing in named:
        if len(alias.split()) < 2:
            continue
        by_name[script_key(alias)] = thing
        words = ["".join(_ARABIC_CLASS.get(c, re.escape(c)) for c in script_key(word)) for word in alias.split()]
        bodies.append((len(alias), r"\s+".join(words)))
    if not bodies:
        return None
    alternation = "|".join(body for _, body in sorted(bodies, reverse=True))  # the longest name first
    return re.compile(rf"(?<!\w){_ARABIC_PROCLITIC}(?P<name>{alternation})(?!\w)", re.I), by_name
