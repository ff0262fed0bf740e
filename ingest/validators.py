"""Validation shared by the submission form, the API serializer and the bulk import."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

EARLIEST_PUBLISHED = dt.date(1990, 1, 1)
# Control characters other than tab and newlines, and lone surrogates: never in real news copy.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Letters that render as nothing (Hangul fillers, the blank Braille pattern), beside the format characters.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def is_visibly_empty(text: str) -> bool:
    """True when nothing in ``text`` would be seen: whitespace, zero-width and other format characters
    (Unicode category Cf: U+200B-U+200F, U+2060-U+2064, U+FEFF, bidi controls...) and blank letters."""
    return all(ch.isspace() or ch in _BLANK_LETTERS or unicodedata.category(ch) == "Cf" for ch in text)


def validate_article_text(text: str) -> None:
    if not text or is_visibly_empty(text):
        raise ValidationError("The article text is empty.", code="required")
    if len(text) > settings.ARTICLE_MAX_CHARS:
        raise ValidationError(
            f"The article text is {len(text):,} characters long; the limit is {settings.ARTICLE_MAX_CHARS:,}.",
            code="max_length",
        )
    validate_no_control_characters(text)


def validate_no_control_characters(value: str) -> None:
    bad = _BAD_CHARS.search(value or "")
    if bad:
        raise ValidationError(
            f"Contains an invalid character (U+{ord(bad.group()):04X}) at position {bad.start()}.",
            code="invalid_character",
        )


def validate_published(value: dt.date) -> None:
    if value > timezone.localdate():
        raise ValidationError("The publication date is in the future.", code="future")
    if value < EARLIEST_PUBLISHED:
        raise ValidationError("The publication date is before 1990.", code="too_old")
