"""Tokenize once with a blank spaCy English pipeline and split into sentences.

The sentencizer splits on punctuation; line breaks (headlines, captions, bullet lines without a full stop) are
also sentence boundaries - except a break that falls inside a sentence, as in text copied from a PDF brief or a
wire's fixed-width lines ("attacks on October 18 targeted\nor came near U.S. forces"): a single line break after
a line that ends with no closing punctuation, before a word in lower case or after a word that cannot end a
sentence ('the', 'of', 'and').
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from ingest.extractor import prefilter, vocabulary

_NEWLINE = prefilter.compile(r"\n\s*")
# Words that never end an English sentence: a line that stops on one was wrapped, not finished.
_DANGLING = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "the a an of to in on at by for from with and or but as than that which who whose whom its their his her "
        "our your this these those into onto over under after before against between during about near"
    ).split()
)
_LAST_WORD = prefilter.compile(r"([A-Za-z]+)[^\S\n]*$")


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
    for title in vocabulary.TITLE_ABBREVIATIONS:
        # spaCy types Language.tokenizer as any callable; spacy.blank's is a Tokenizer
        pipeline.tokenizer.add_special_case(title, [{ORTH: title}])  # type: ignore[union-attr]
    for month in vocabulary.MONTH_ABBREVIATIONS:
        for form in (month, month.upper()):
            pipeline.tokenizer.add_special_case(form, [{ORTH: form}])  # type: ignore[union-attr]
    pipeline.add_pipe("sentencizer")
    return pipeline


def parse(text: str) -> Doc:
    doc = nlp()(text)
    doc.user_data["text"] = text  # spaCy rebuilds doc.text from every token on each read
    return doc


def doc_text(doc: Doc) -> str:
    """The parsed text (the same string as ``doc.text``, without rebuilding it)."""
    return doc.user_data.get("text") or doc.text


def split_sentences(doc: Doc) -> list[Sentence]:
    """Sentences with exact offsets into ``doc.text``; newlines always end a sentence."""
    text = doc_text(doc)
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        pos = s
        for m in _NEWLINE.finditer(text, s, e):
            if _wrapped(text, m.start(), m.end()):
                continue
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, e))
    pieces = [part for s, e in pieces for part in _at_ellipses(text, s, e)]
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


# An ellipsis closing a sentence of a quoted post: "... facilities used by Kataib Hezbollah in Iraq… Earlier in the
# day, ... attacked coalition forces at Erbil" (the sentencizer ends no sentence on it: "We will … respond")
_ELLIPSIS_END = prefilter.compile(r"(?:\u2026|\.\.\.)(?=\s+[A-Z])")


def _at_ellipses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut after each ellipsis that a capitalised word follows."""
    out, pos = [], start
    for m in _ELLIPSIS_END.finditer(text, start, end):
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, end))
    return out


def _wrapped(text: str, at: int, end: int) -> bool:
    """Whether the line break at ``text[at:end]`` only wraps a sentence (see the module's docstring)."""
    if text.count("\n", at, end) != 1 or end >= len(text):
        return False
    if text[end].islower():  # no sentence, headline or list item begins in lower case
        return True
    line = text[text.rfind("\n", 0, at) + 1 : at].rstrip()
    last = _LAST_WORD.search(line)
    if last is None:  # the line ends on punctuation, a digit or a symbol
        return line.endswith(",")
    return last.group(1).lower() in _DANGLING


_SENTENCE_END = prefilter.compile(r"[.!?\u201d\"']\s*$")


def title_lines(sentences: list[Sentence]) -> int:
    """How many of the first sentences are title lines: the unpunctuated lines before the article's first
    punctuated sentence (a headline, a section name, a subtitle)."""
    return next((s.index for s in sentences if _SENTENCE_END.search(s.text)), len(sentences))


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
