"""Who says so: the source a sentence attributes its figures to ('a security source', 'the interior ministry')."""

from __future__ import annotations

import re

_VERB = r"(?:said|says|told|reported|added|stated|confirmed|announced|noted|claimed|tweeted|wrote|posted)"
_PATTERNS = (
    re.compile(
        r"\b(?:according to|citing|per)\s+(?P<src>[^,.;:’”'\"]{3,80}?)(?=[,.;:’”'\"]|\s+(?:on|in|at)\s|$)", re.I
    ),
    re.compile(rf"[,’”'\"]\s*(?P<src>[^,.;’”'\"]{{2,70}}?)\s+(?:later\s+|also\s+|had\s+)?{_VERB}\b"),
    re.compile(
        rf"^[‘“'\"]?(?P<src>[^,;‘“'\"]{{2,70}}?)\s+(?:later\s+|also\s+|previously\s+|earlier\s+|had\s+)?{_VERB}\b"
    ),
)
_PRONOUN = re.compile(r"^(?:it|he|she|they|the\s+(?:statement|ministry|source|official|spokesman|spokesperson))$", re.I)
_NOT_A_SOURCE = re.compile(r"\b(?:rockets?|drones?|missiles?|attack|base|which|there|that|were|was)\b", re.I)


def find_attribution(sentence: str, previous: str | None = None) -> str | None:
    """The source named in ``sentence``; a bare pronoun ('It said') refers to ``previous``."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            src = re.sub(r"\s+", " ", m.group("src")).strip(" ‘’“”'\"")
            src = re.sub(r"^(?:and|but|while)\s+", "", src, flags=re.I)
            if not src or len(src.split()) > 9:
                continue
            if _PRONOUN.match(src):
                return previous or src
            if _NOT_A_SOURCE.search(src) and not re.search(r"\b(?:source|official|ministry|spokes\w+)\b", src, re.I):
                continue
            return src
    return None
