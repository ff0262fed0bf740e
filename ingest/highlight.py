"""Split an article's text into plain and highlighted segments from evidence offsets.

The template renders each segment with auto-escaping (``<mark>`` around highlighted ones),
so untrusted article text is never marked safe.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    text: str
    fields: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return ", ".join(self.fields)


def evidence_segments(text: str, evidence: dict[str, Any]) -> list[Segment]:
    """Segments covering ``text`` in order; each knows which fields' evidence covers it.

    Spans whose offsets do not match the text (the article changed, a bad record) are
    ignored rather than highlighting the wrong words.
    """
    spans: list[tuple[int, int, str]] = []
    for name, ev in (evidence or {}).items():
        try:
            start, end = int(ev["start"]), int(ev["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= start < end <= len(text) and text[start:end] == ev.get("text", text[start:end]):
            spans.append((start, end, name))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        fields = tuple(sorted(name for s, e, name in spans if s <= a and b <= e))
        if segments and segments[-1].fields == fields:
            segments[-1] = Segment(segments[-1].text + text[a:b], fields)
        else:
            segments.append(Segment(text[a:b], fields))
    return segments
