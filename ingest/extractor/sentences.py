"""Tokenize once with a blank spaCy English pipeline and split into sentences.

The sentencizer splits on punctuation; paragraph breaks (headlines, captions, bullet lines
without a full stop) are also hard sentence boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ingest.extractor import prefilter

_NEWLINE = prefilter.compile(r"\n\s*")


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int  # character offsets into the original text
    end: int
    paragraph: int


@cache
def nlp() -> Language:
    """A blank English pipeline: tokenizer + rule-based sentencizer, nothing downloaded."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def parse(text: str) -> Doc:
    return nlp()(text)


def split_sentences(doc: Doc) -> list[Sentence]:
    """Sentences with exact offsets into ``doc.text``; newlines always end a sentence."""
    text = doc.text
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        pos = s
        for m in _NEWLINE.finditer(text, s, e):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, e))
    out: list[Sentence] = []
    paragraph = 0
    prev_end = 0
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s < 2:
            continue
        if "\n" in text[prev_end:s]:
            paragraph += 1
        out.append(Sentence(len(out), text[s:e], s, e, paragraph))
        prev_end = e
    return out


def sentence_at(sentences: list[Sentence], char: int) -> Sentence | None:
    """The sentence containing character offset ``char`` (binary search)."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if char < s.start:
            hi = mid - 1
        elif char >= s.end:
            lo = mid + 1
        else:
            return s
    return None
