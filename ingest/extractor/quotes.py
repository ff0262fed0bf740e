"""Quotations: is a position inside one, and how many are open after a sentence."""

from __future__ import annotations


def in_quote(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation (an opening mark before it not yet closed)?"""
    head = text[:pos]
    return head.count("\u201c") > head.count("\u201d") or head.count('"') % 2 == 1


def quote_depth(text: str, depth: int) -> int:
    """How many quotations are open after ``text`` (curly quotes nest; a straight quote toggles)."""
    for ch in text:
        if ch == "\u201c":
            depth += 1
        elif ch == "\u201d":
            depth -= 1
        elif ch == '"':
            depth = depth - 1 if depth > 0 else depth + 1
    return depth
