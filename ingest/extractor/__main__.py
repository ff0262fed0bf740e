"""``python -m ingest.extractor``: the CLI with the gazetteer read from incidents/data JSON."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ingest.extractor.cli import DEFAULT_GAZETTEER, load_gazetteer, run

if TYPE_CHECKING:
    from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    directory: Path | str = DEFAULT_GAZETTEER
    if "--gazetteer" in argv:
        directory = argv[argv.index("--gazetteer") + 1]
    return run(argv, load_gazetteer(directory))


if __name__ == "__main__":
    sys.exit(main())
