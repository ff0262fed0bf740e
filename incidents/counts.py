"""The one best/low/high rule for every count, shared by the extractor and the incident model.

Pure Python (no Django import), so the extractor, which never touches Django, can use it too.

``best`` is the HIGHEST figure any report gives, ``low`` the lowest, ``high`` the highest.
Lower figures in wire copy are nearly always partial (the rockets that landed inside the
base, the casualties confirmed so far), so the highest figure is the fullest account.
"""

from __future__ import annotations

from collections.abc import Iterable


def best_low_high(values: Iterable[int]) -> tuple[int | None, int | None, int | None]:
    """``(best, low, high)`` of the reported figures; ``(None, None, None)`` when there are none."""
    figures = list(values)
    if not figures:
        return None, None, None
    return max(figures), min(figures), max(figures)
