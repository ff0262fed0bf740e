import pytest

from ingest.extractor.cli import load_gazetteer
from ingest.extractor.names import set_skeleton_norms, skeleton
from ingest.extractor.sentences import parse
from ingest.extractor.state import compiled


@pytest.fixture(scope="module")
def matcher():
    return compiled(load_gazetteer()).sites


def slugs(matcher, text: str) -> list[str]:
    return [m.site.slug for m in matcher.find(set_skeleton_norms(parse(text)))]


def test_skeleton_normalises_transliterations() -> None:
    assert skeleton("Assad") == skeleton("Asad")
    assert skeleton("Ayn") == skeleton("Ain") == skeleton("Ein")


@pytest.mark.parametrize(
    "text", ["Ain al-Asad", "Ain al-Assad", "Ayn el-Assad", "Al Asad airbase", "Asad air base", "the al-Asad base"]
)
def test_ain_al_asad_variants(matcher, text: str) -> None:
    assert slugs(matcher, f"Rockets hit {text} on Monday.") == ["ain-al-asad-air-base"]


def test_family_name_is_not_the_base(matcher) -> None:
    assert slugs(matcher, "Syrian President Bashar al-Assad met officials.") == []


def test_descriptions(matcher) -> None:
    assert "victory-base-complex" in slugs(matcher, "The Victory Base at Baghdad Airport was targeted.")
    assert slugs(matcher, "the US diplomatic complex in Baghdad was attacked") == ["us-embassy-baghdad"]
