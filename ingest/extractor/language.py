"""Which language an article is written in, and how much of it the extractor can read.

The extractor's grammar is English: its cues, vetoes, dates and counts read English sentences. Five more languages
are read in part - the gazetteer's names, one attack's words, the weapons and the days and months
(``vocabulary.OTHER_LANGUAGES_ATTACK_WORDS``, ``OTHER_LANGUAGES_WEEKDAYS``, ``OTHER_LANGUAGES_MONTHS``) - and
Arabic too (names, attack and weapon words, claims); the rest not at all. An article in Russian is not an article
without attacks: told in words the extractor does not know, its attacks go unseen, and an editor shown "no incident
found" would take it for a negative. ``written_in`` names the language from the letters and the
commonest short words of the text, so that the caller can say so and the drafts' confidences send every field to
the editor.

The guess is made on the text's own letters: the script most of them are written in (Latin, Cyrillic, Arabic,
Hebrew, Greek, Han, Kana, Hangul), then, within a script, the letters only one of its languages uses (Persian's
four letters beside Arabic's, Ukrainian's beside Russian's) or the function words each language writes most often.
An English article that quotes a line of Arabic, or names places in Turkish, is still English: most letters decide.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# The languages the extractor reads: English in full, these in part (what of them it reads)
READ_IN_FULL = frozenset({"en"})
_READ_IN_LATIN_SCRIPT = "its site names, the words of an attack, its weapons and its days and months"
READ_IN_PART = {
    "ar": "its site names, the words of an attack, its weapons and its claims",
    "es": _READ_IN_LATIN_SCRIPT,
    "fr": _READ_IN_LATIN_SCRIPT,
    "pt": _READ_IN_LATIN_SCRIPT,
    "it": _READ_IN_LATIN_SCRIPT,
    "de": _READ_IN_LATIN_SCRIPT,
}

NAMES = {
    "en": "English",
    "ar": "Arabic",
    "fa": "Persian",
    "ckb": "Kurdish (Sorani)",
    "ku": "Kurdish (Kurmanji)",
    "ru": "Russian",
    "uk": "Ukrainian",
    "es": "Spanish",
    "fr": "French",
    "pt": "Portuguese",
    "it": "Italian",
    "de": "German",
    "nl": "Dutch",
    "tr": "Turkish",
    "id": "Indonesian",
    "he": "Hebrew",
    "el": "Greek",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
}

# Each script's letters (a letter counts for the first script whose class holds it)
_SCRIPTS = (
    ("latin", re.compile(r"[A-Za-z\u00C0-\u024F]")),
    ("cyrillic", re.compile(r"[\u0400-\u04FF]")),
    ("arabic", re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")),
    ("hebrew", re.compile(r"[\u0590-\u05FF]")),
    ("greek", re.compile(r"[\u0370-\u03FF]")),
    ("kana", re.compile(r"[\u3040-\u30FF]")),
    ("hangul", re.compile(r"[\uAC00-\uD7AF]")),
    ("han", re.compile(r"[\u4E00-\u9FFF]")),
)
_ONE_LANGUAGE_SCRIPTS = {"hebrew": "he", "greek": "el", "kana": "ja", "hangul": "ko", "han": "zh"}

# Letters only one language of a shared script writes: Persian's and Sorani Kurdish's beside Arabic's (Sorani's
# first: it writes Persian's letters too), Ukrainian's beside Russian's. A few of them (a Persian name quoted in an
# Arabic article) decide nothing: they must be one in 200 of the script's letters, and at least three.
_OWN_LETTERS = {
    "arabic": (("ckb", re.compile(r"[ڕڵۆێە]")), ("fa", re.compile(r"[پچژگ]"))),
    "cyrillic": (("uk", re.compile(r"[іїєґІЇЄҐ]")),),
}
_SCRIPT_DEFAULT = {"arabic": "ar", "cyrillic": "ru"}

# The short words each language of the Latin script writes most often: articles, prepositions, conjunctions,
# pronouns, forms of "to be". Words two languages share ("de", "la", "en") count for both; the words only one of them
# writes tell them apart.
FUNCTION_WORDS = {
    "en": frozenset(
        ("the", "and", "of", "to", "in", "a", "was", "were", "is", "are", "that", "with", "from", "by", "have", "has",
         "been", "which", "said", "its", "their", "this", "on", "at", "it", "for", "as", "an", "or", "not")
    ),
    "es": frozenset(
        ("de", "la", "que", "el", "en", "y", "los", "del", "se", "las", "por", "un", "para", "con", "no", "una", "su",
         "al", "lo", "como", "más", "pero", "sus", "fue", "según", "sobre", "están", "también", "donde", "hay", "sin",
         "este", "esta", "entre", "desde", "contra", "han", "ha")
    ),
    "fr": frozenset(
        ("de", "la", "le", "les", "des", "du", "et", "est", "une", "un", "dans", "pour", "sur", "qui", "que", "au",
         "aux", "été", "selon", "avec", "ont", "pas", "ne", "il", "elle", "ce", "cette", "par", "en", "a", "sont")
    ),
    "pt": frozenset(
        ("de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se", "na", "por",
         "mais", "as", "dos", "das", "foi", "pelo", "pela", "segundo", "sobre", "também", "entre", "contra", "ao")
    ),
    "it": frozenset(
        ("di", "e", "il", "la", "che", "a", "per", "un", "in", "è", "una", "della", "delle", "dei", "nel", "nella",
         "sono", "gli", "con", "stato", "secondo", "anche", "da", "del", "alla", "le", "non", "si", "ha", "contro")
    ),
    "de": frozenset(
        ("der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "im", "ein", "eine", "auf", "wurde",
         "wurden", "sich", "zu", "es", "des", "für", "auch", "bei", "nach", "am", "einer", "eines", "gegen")
    ),
    "nl": frozenset(
        ("de", "het", "een", "van", "en", "zijn", "werd", "met", "voor", "op", "niet", "dat", "ook", "door", "bij",
         "te", "naar", "tegen")
    ),
    # (Turkish writes a dotless i)
    "tr": frozenset(
        ("ve", "bir", "bu", "için", "ile", "olarak", "da", "de", "ise", "göre", "üssü", "saldırı", "saldırısı",  # noqa: RUF001
         "oldu", "olan", "gibi", "daha", "çok")
    ),
    "id": frozenset(
        ("dan", "yang", "di", "ke", "dari", "untuk", "dengan", "pada", "ini", "itu", "oleh", "tidak", "serangan",
         "dalam", "akan")
    ),
    "ku": frozenset(("û", "ku", "ji", "li", "bi", "jî", "ya", "yê", "ên", "ye", "hat", "de", "di", "ev")),
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
# Below this many function words the text is too short to tell: English, the language the extractor expects
_FEWEST_WORDS = 3


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639 ("en", "ru", "ckb"), or "" when the text has no letters to tell by

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code or "an unknown language")

    @property
    def in_english(self) -> bool:
        return self.code in ("en", "")

    @property
    def read(self) -> str:
        """ "full", "part" or "none": how much of an article in this language the extractor reads."""
        if self.code in READ_IN_FULL:
            return "full"
        return "part" if self.code in READ_IN_PART else "none"

    def note(self) -> str:
        """What an editor should know about the extraction of an article in this language ('' for English)."""
        if self.read == "full":
            return ""
        if self.read == "part":
            return (
                f"Written in {self.name}: the extractor reads {READ_IN_PART[self.code]}, not its counts, casualty "
                "figures or the grammar that tells a new attack from an old one. Check every field, and code by hand "
                "what it missed."
            )
        return (
            f"Written in {self.name}, which the extractor does not read: attacks told in it may be missed or misread, "
            "so 'no incident found' does not mean the article tells none. Code it by hand."
        )


ENGLISH = Language("en")


def written_in(text: str) -> Language:
    """The language most of ``text`` is written in."""
    if text.isascii():
        # (no letter beyond ASCII: the Latin script, told apart by its function words - the common case, made quick)
        return Language(_latin_language(text)) if any(c.isalpha() for c in text) else Language("")
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS}
    script = max(counts, key=lambda name: counts[name])
    if counts[script] == 0:
        return Language("")
    if script in _ONE_LANGUAGE_SCRIPTS:
        return Language(_ONE_LANGUAGE_SCRIPTS[script])
    if script != "latin":
        for code, letters in _OWN_LETTERS.get(script, ()):
            if len(letters.findall(text)) >= max(_FEWEST_WORDS, counts[script] // 200):
                return Language(code)
        return Language(_SCRIPT_DEFAULT[script])
    return Language(_latin_language(text))


def _latin_language(text: str) -> str:
    words = Counter(w.lower() for w in _WORD.findall(text))
    found = {code: sum(words[w] for w in table) for code, table in FUNCTION_WORDS.items()}
    best = max(found, key=lambda code: found[code])
    if found[best] < _FEWEST_WORDS or found[best] <= found["en"]:
        return "en"
    return best
