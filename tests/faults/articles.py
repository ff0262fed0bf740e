"""Distinct, parseable wire reports for the fault tests (distinct text: none is a duplicate of another)."""

from __future__ import annotations

import datetime as dt

BASES = ["Ain al-Asad air base", "Erbil air base", "al-Tanf garrison", "Tower 22", "Harir air base"]
WEAPONS = ["rockets", "drones", "mortar rounds"]


def wire_report(i: int) -> tuple[str, dt.date]:
    """Report ``i``: its text and publication date (a Tuesday attack, published on day 2*i after 3 Jan 2024)."""
    published = dt.date(2024, 1, 3) + dt.timedelta(days=2 * (i % 300))
    text = (
        f"{2 + i % 3} {WEAPONS[i % 3]} were fired at {BASES[i % 5]} on Tuesday, officials said "
        f"(dispatch {i}). No casualties were reported."
    )
    return text, published
