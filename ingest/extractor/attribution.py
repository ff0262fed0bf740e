"""Who says so: the source a sentence attributes its figures to ('a security source', 'the interior ministry')."""

from __future__ import annotations

import re

from ingest.extractor import prefilter, vocabulary
from ingest.extractor.vocabulary import words

_VERB = words(vocabulary.REPORTING_VERBS, vocabulary.POSTING_VERBS, ["claimed"])
_PATTERNS = (
    prefilter.compile(
        r"\b(?:according to|citing|per)\s+(?P<src>[^,.;:\u2019\u201d'\"]{3,80}?)(?=[,.;:\u2019\u201d'\"]|\s+(?:on|in|at)\s|$)",  # noqa: E501
        re.I,
    ),
    prefilter.compile(
        rf"[,\u2019\u201d'\"]\s*(?P<src>[^,.;\u2019\u201d'\"]{{2,70}}?)\s+(?:later\s+|also\s+|had\s+)?{_VERB}\b"
    ),
    prefilter.compile(
        rf"^[\u2018\u201c'\"]?(?P<src>[^,;\u2018\u201c'\"]{{2,70}}?)\s+(?:later\s+|also\s+|previously\s+|earlier\s+|had\s+)?{_VERB}\b"
    ),
)
_PRONOUN = prefilter.compile(
    r"^(?:it|he|she|they|the\s+(?:statement|ministry|source|official|spokesman|spokesperson))$", re.I
)
_NOT_A_SOURCE = prefilter.compile(r"\b(?:rockets?|drones?|missiles?|attack|base|which|there|that|were|was)\b", re.I)


def find_attribution(sentence: str, previous: str | None = None) -> str | None:
    """The source named in ``sentence``; a bare pronoun ('It said') refers to ``previous``."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            src = re.sub(r"\s+", " ", m.group("src")).strip(" \u2018\u2019\u201c\u201d'\"")
            src = re.sub(r"^(?:and|but|while)\s+", "", src, flags=re.I)
            if not src or len(src.split()) > 9:
                continue
            if _PRONOUN.match(src):
                return previous or src
            if _NOT_A_SOURCE.search(src) and not re.search(r"\b(?:source|official|ministry|spokes\w+)\b", src, re.I):
                continue
            return src
    return None
