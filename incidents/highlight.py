"""Split an article's text into plain and highlighted segments from evidence offsets.

Article text is untrusted: this module never builds HTML. It returns segments that the
template renders with autoescaping, wrapping the evidence segments in <mark>.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

# Around each piece of evidence, how much of the article to show.
CONTEXT_CHARS = 160


@dataclass(frozen=True)
class Segment:
    text: str
    fields: tuple[str, ...] = ()

    @property
    def is_evidence(self) -> bool:
        return bool(self.fields)

    @property
    def label(self) -> str:
        return ", ".join(f.replace("_", " ") for f in self.fields)


def evidence_spans(evidence: Any, text: str) -> list[tuple[int, int, str]]:
    """Valid (start, end, field) spans, clipped to the text; malformed entries are ignored, and so is
    a span whose recorded sentence no longer matches the text (the article changed, a bad record),
    rather than highlighting the wrong words."""
    spans: list[tuple[int, int, str]] = []
    if not isinstance(evidence, dict):
        return spans
    for name, item in evidence.items():
        if not isinstance(item, dict):
            continue
        start, end = item.get("start"), item.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
            continue
        if isinstance(item.get("text"), str) and text[start:end] != item["text"]:
            continue
        start, end = max(0, start), min(len(text), end)
        if start < end:
            spans.append((start, end, str(name)))
    return sorted(spans)


def highlight_segments(text: str, evidence: Any) -> list[Segment]:
    """The whole text as segments; overlapping spans merge and carry every field they support."""
    spans = evidence_spans(evidence, text)
    if not spans:
        return [Segment(text)] if text else []
    bounds = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments: list[Segment] = []
    for start, end in itertools.pairwise(bounds):
        fields = tuple(sorted({f for s, e, f in spans if s <= start and end <= e}))
        if segments and segments[-1].fields == fields:
            segments[-1] = Segment(segments[-1].text + text[start:end], fields)
        else:
            segments.append(Segment(text[start:end], fields))
    return segments


def excerpt_segments(text: str, evidence: Any, context: int = CONTEXT_CHARS) -> list[Segment]:
    """Only the evidence with some context around it, gaps marked with an ellipsis."""
    spans = evidence_spans(evidence, text)
    if not spans:
        return []
    windows: list[list[int]] = []
    for start, end, _ in spans:
        lo, hi = max(0, start - context), min(len(text), end + context)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    out: list[Segment] = []
    shifted = {
        name: {"start": item["start"], "end": item["end"]}
        for name, item in evidence.items()
        if isinstance(item, dict) and "start" in item
    }
    for lo, hi in windows:
        if lo > 0:
            out.append(Segment("… "))
        local = {
            name: {"start": span["start"] - lo, "end": span["end"] - lo}
            for name, span in shifted.items()
            if isinstance(span["start"], int) and isinstance(span["end"], int)
        }
        out.extend(highlight_segments(text[lo:hi], local))
        if hi < len(text):
            out.append(Segment(" …"))
    return out
