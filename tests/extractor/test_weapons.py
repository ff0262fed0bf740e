from ingest.extractor.weapons import categories, find_weapons


def cats(text: str) -> tuple[str, ...]:
    return categories(find_weapons(text))


def test_vocabulary() -> None:
    assert cats("two Katyusha rockets") == ("rocket",)
    assert cats("a Grad") == ("rocket",)
    assert cats("a one-way attack drone") == ("drone",)
    assert cats("an unmanned aerial vehicle") == ("drone",)
    assert cats("a kamikaze drone") == ("drone",)
    assert cats("a ballistic missile") == ("missile",)
    assert cats("mortar shells") == ("mortar",)
    assert cats("a roadside bomb") == ("ied",)
    assert cats("gunfire") == ("small_arms",)
    assert cats("an attack") == ("unknown",)


def test_bare_missile_beside_rockets_is_a_rocket() -> None:
    assert cats("The missiles hit the base; two Katyusha rockets fell") == ("rocket",)
