"""Casualty figures in one sentence: people killed and injured.

Numbered and coordinated lists of people ("five U.S. service members and one contractor", "a guard and two
contractors"), active and passive verbs, "N deaths", "received injuries", elliptic counts after a full one, and
zero tolls ("no casualties", "no injuries, deaths or damage"). Casualties of the attacked side of a strike, or
told in an airstrike's clause, are never the attack's.
"""

from __future__ import annotations

import re

from ingest.extractor import prefilter, vocabulary
from ingest.extractor.numbers import LEAST_OF_VAGUE, UNITS, VAGUE, find_numbers
from ingest.extractor.segments import list_item
from ingest.extractor.types import Figure
from ingest.extractor.vocabulary import words

_PERSON = words(vocabulary.PEOPLE)
_KILL = words(vocabulary.KILLED_WORDS)
_WOUND = words(vocabulary.INJURED_WORDS)
# Each casualty field: its passive verb, and its active verb ("killing one soldier", "wounding two")
_VERBS = (
    ("killed", _KILL, r"(?:killing|killed|kills)"),
    ("injured", _WOUND, r"(?:wounding|injuring|wounded|injured|wounds|injures)"),
)
# words between a number and its noun; a reporting verb or a relative pronoun ends the phrase ("One of the
# officials said five service members were wounded": five, not one)
_ADJ = (
    # a modifier never runs over another casualty verb: "killed a medic and wounded 14 others" is two figures
    rf"(?:(?!(?:{words(vocabulary.REPORTING_VERBS)}|that|who|which|killing|injuring|wounding|{_KILL}|{_WOUND})\b)"
    r"[\w.'\u2019-]+\s+){0,5}?"
)

# Zero tolls. Vocabulary: what each negated noun says of the toll ("no casualties": neither killed nor injured;
# "no injuries": none injured, deaths untold; "no damage": nothing of people).
TOLL_NOUNS: dict[str, frozenset[str]] = {
    "casualties": frozenset({"killed", "injured"}),
    "causalities": frozenset({"killed", "injured"}),  # a frequent misspelling in wire copy
    "losses": frozenset({"killed", "injured"}),
    "loss of life": frozenset({"killed"}),
    "loss of lives": frozenset({"killed"}),
    "injuries": frozenset({"injured"}),
    "injury": frozenset({"injured"}),
    "deaths": frozenset({"killed"}),
    "fatalities": frozenset({"killed"}),
    # ("There are no victims in the attack", as statements translated from Arabic and Kurdish put it)
    "victims": frozenset({"killed", "injured"}),
    "damage": frozenset(),
    "damages": frozenset(),
    "harm": frozenset(),
}
# Grammar: a negator, optional modifiers, then a list of those nouns ("without causing material damages or
# causalities", "no immediate reports of casualties", "no injuries, deaths or damage").
_NEGATOR = (
    r"\b(?:no|zero|without(?:\s+(?:causing|leaving|resulting\s+in|inflicting))?|caus(?:ing|ed)\s+no"
    # in any tense: "which has not caused any casualties", "did not result in injuries"
    r"|(?:did|does|has|have|had)(?:\s+not|n't)\s+(?:caused?|result(?:ed)?\s+in|inflict(?:ed)?|l(?:ead|ed)\s+to|le(?:ave|ft))"
    # what first reports show: "early information did not indicate any injuries"
    r"|(?:did|does|do)(?:\s+not|n't)\s+(?:indicate|show|suggest|point\s+to)"
    # an outcome, not a purpose: "the early alert helped to avoid casualties", "the crews avoided injuries" (not "took
    # cover to avoid casualties")
    r"|help(?:ed|s)?\s+(?:to\s+)?avoid|avoided"
    # ... and what made it so: "early warning ... allowed the US to avoid any loss of life or injury", "helped US
    # forces prepare for the attack, preventing any casualties" (not "to prevent further casualties", a purpose)
    r"|allow(?:ed|s|ing)\s+(?:[\w.-]+\s+){0,3}?to\s+avoid|(?<=,\s)preventing|prevented"
    # a toll denied: "dismissing reports of casualties or damage as false", "denied any casualties"
    r"|den(?:ied|ies|y|ying)|dismiss(?:ed|es|ing)|refut(?:ed|es|ing)|reject(?:ed|s|ing))"
)
_TOLL_MOD = (
    # ("did not result in any personnel injuries": the people the toll counts, like "human")
    r"(?:any|immediate|known|reported|reports?\s+of|claims?\s+of|word\s+of|signs?\s+of|human|personnel|material"
    r"|physical|significant"
    # ("caused no US casualties", "no American casualties": the coalition's people)
    rf"|serious|structural|{words(vocabulary.COALITION)})"
)
_TOLL_NOUN = "|".join(sorted(TOLL_NOUNS, key=len, reverse=True))
_NOUN_TOLL = prefilter.compile(
    rf"{_NEGATOR}(?:\s+{_TOLL_MOD}(?:\s+(?:or|and)\s+{_TOLL_MOD})?)*\s+(?P<list>(?:{_TOLL_NOUN})"
    rf"(?:\s*(?:,|\bor\b|\band\b)\s*(?:or\s+|and\s+)?(?:{_TOLL_MOD}\s+)?(?:{_TOLL_NOUN}))*)\b",
    re.I,
)
# "no US or coalition troops were killed or wounded", "nobody was hurt", "no one was killed", "no U.S. service
# members have been reported injured": any of the people a toll counts
# ("none of its service members were injured or killed": none of the people told)
_NOBODY = (
    rf"(?:nobody|no-one|no\s+(?:[\w.-]+\s+(?:or\s+|and\s+)?){{0,3}}?(?:one|forces|{_PERSON})"
    rf"|none\s+of\s+(?:the|its|their|our|his|her)\s+(?:[\w.-]+\s+){{0,2}}?(?:forces|{_PERSON}))"
)
_PERSON_TOLL = prefilter.compile(
    # ("no one had been killed or injured in the attack")
    # ("no US or coalition forces or any equipment were injured")
    rf"\b{_NOBODY}(?:\s+(?:or|and)\s+(?:any\s+)?(?:equipment|property|facilities))?"
    r"\s+(?:was|were|(?:had|has|have)\s+been)\s+(?:\w+\s+)?(?P<verbs>(?:killed|injured|wounded|hurt|harmed)"
    r"(?:\s+or\s+(?:killed|injured|wounded|hurt))?)\b",
    re.I,
)


# The toll denied by the attack's own verb: "The attack did not injure any personnel", "it didn't hurt anyone", "has
# not killed anybody"
_VERB_TOLL = prefilter.compile(
    r"\b(?:did|does|has|have|had)(?:\s+not|n't)\s+(?P<verb>injure|wound|hurt|harm|kill)(?:e?d)?\s+"
    r"(?:any(?:one|body)\b|any\s+(?:of\s+(?:the|its|their|our)\s+)?(?:[\w.-]+\s+){0,2}?"
    rf"(?:{_PERSON}|personnel|forces|troops)\b)",
    re.I,
)
_VERB_FIELDS = {"injure": {"injured"}, "wound": {"injured"}, "hurt": {"injured"}, "harm": {"killed", "injured"}}


# A toll noun said of things, not people: "material losses", "physical damage" - unless a modifier of people
# shares the noun with it ("human or material casualties": the casualties are of both)
_PROPERTY = prefilter.compile(r"\b(?:material|physical|property|financial)\s+$", re.I)
_SHARED_WITH_PEOPLE = prefilter.compile(r"\b(?:human|personnel|civilian)\s+(?:or|and)\s+\w+\s+$", re.I)


def _of_property(text: str, at: int) -> bool:
    """Is the toll noun starting at ``at`` said of property only?"""
    return bool(_PROPERTY.search(text, 0, at)) and not _SHARED_WITH_PEOPLE.search(text, 0, at)


# "Several US and Iraqi military members were wounded", "wounding a number of soldiers": a toll without a count.
# The quantity words are numbers.VAGUE ("other" is no quantity of its own) and the article forms "a number of",
# "a handful of", "a few", quoted or not ("'less than a handful' of Americans"), and a number whose size is not told
# ("an unspecified number of other civilians were wounded": the article counts nothing).
_VAGUE_QUANTITY = (
    rf"(?:{words(VAGUE - {'other'})}(?:\s+of)?"
    r"|[\u201c\"]?(?:less\s+than\s+)?(?:a|an)\s+(?:small\s+|large\s+|"
    rf"{words(vocabulary.UNTOLD_SIZES)}\s+)?(?:number|handful|few|lot)[\u201d\"]?(?:\s+of)?)"
)
_VAGUE_TOLL = {
    field: prefilter.compile(
        rf"\b{_VAGUE_QUANTITY}\s+(?:[\w.'\u2019-]+\s+){{0,5}}?{_PERSON}\b[^.;]{{0,40}}?\s+"
        # told, not supposed: "may have been injured" is no toll
        rf"(?<!may\s)(?<!might\s)(?<!could\s)(?:were|was|have\s+been|had\s+been|are|got)\s+(?:\w+ly\s+|also\s+)?{verb}\b"
        rf"|\b{active}\s+{_VAGUE_QUANTITY}\s",
        re.I,
    )
    for field, verb, active in _VERBS
}


def vague_tolls(text: str) -> list[Figure]:
    """Marker figures ``killed_vague`` / ``injured_vague``: the sentence tells a toll without a count, so an exact
    figure beside it (one officer of several) is part of the toll, not all of it."""
    out = []
    for field, pattern in _VAGUE_TOLL.items():
        m = pattern.search(text)
        if m:
            # the marker's value: the least its quantity means when it says ("dozens": 24), else 0
            least = max((LEAST_OF_VAGUE.get(w.lower(), 0) for w in re.findall(r"\w+", m.group(0))), default=0)
            out.append(Figure(f"{field}_vague", least, m.start(), m.end()))
    return out


# A zero toll said of the coalition's people only: "No casualties were reported among U.S. troops"
_AMONG_THE_COALITION = prefilter.compile(
    rf"\s+(?:(?:were|was|have\s+been|has\s+been)\s+)?(?:\w+\s+)?among\s+(?:the\s+)?{words(vocabulary.COALITION)}\s+"
    r"(?:[\w-]+\s+)?(?:troops|soldiers|forces|personnel|service\s?members|servicemen|staff)\b",
    re.I,
)
# The coalition's people as the toll noun's modifier: "no US casualties", "any American casualties"
_COALITION_MODIFIER = prefilter.compile(rf"(?<![\w.-]){words(vocabulary.COALITION)}(?![\w-])", re.I)
# A toll of people who are not the coalition's: "killed six allied Kurdish fighters"
_PARTNERS_OR_LOCALS = prefilter.compile(rf"\b{words(vocabulary.PARTNERS_AND_LOCALS)}\b", re.I)


def coalition_only_zeros(text: str) -> list[Figure]:
    """Marker figures ``zero_of_the_coalition``: a zero toll said of the coalition's people only ("No casualties
    were reported among U.S. troops") - the attack's zero toll unless it counted others' dead or wounded."""
    return [
        Figure("zero_of_the_coalition", 0, m.start(), m.end())
        for m in _NOUN_TOLL.finditer(text)
        if _AMONG_THE_COALITION.match(text, m.end()) or _COALITION_MODIFIER.search(text, m.start(), m.start("list"))
    ]


def toll_of_others(text: str, f: Figure) -> bool:
    """Is ``f`` a positive toll whose words name people who are not the coalition's ("The drone attack ... killed six
    allied Kurdish fighters")?"""
    return f.field in {"killed", "injured"} and f.value > 0 and bool(_PARTNERS_OR_LOCALS.search(text, f.start, f.end))


def zero_tolls(text: str) -> list[Figure]:
    """'No casualties' -> killed 0 and injured 0; 'no injuries' -> injured 0; 'no one was killed' -> killed 0.
    One zero a field in each part of a list parted by semicolons ("X, with no casualties; Y, causing no injuries")."""
    fields: dict[tuple[str, int], re.Match[str]] = {}
    for m in _NOUN_TOLL.finditer(text):
        for noun in re.finditer(_TOLL_NOUN, m.group("list"), re.I):
            if _of_property(text, m.start("list") + noun.start()):
                continue  # "no deaths or material losses": the losses are of property, not people
            for name in TOLL_NOUNS[noun.group(0).lower()]:
                fields.setdefault((name, list_item(text, m.start())[0]), m)
    for m in _PERSON_TOLL.finditer(text):
        verbs = m.group("verbs").lower()
        names = {"killed", "injured"} if "harmed" in verbs else set()
        names |= {"killed"} if "killed" in verbs else set()
        names |= {"injured"} if re.search(r"injured|wounded|hurt", verbs) else set()
        for name in names:
            fields.setdefault((name, list_item(text, m.start())[0]), m)
    for m in _VERB_TOLL.finditer(text):
        for name in _VERB_FIELDS.get(m.group("verb").lower(), {"killed"}):
            fields.setdefault((name, list_item(text, m.start())[0]), m)
    return [Figure(name, 0, m.start(), m.end()) for (name, _), m in sorted(fields.items())]


_VAGUE_ARTICLE = prefilter.compile(
    r"\s*(?:at\s+least\s+)?(?:a|an)\s+(?:small\s+|large\s+|great\s+|limited\s+"
    rf"|{words(vocabulary.UNTOLD_SIZES)}\s+)?(?:number|lot|handful|few|couple|host|series)\b",
    re.I,
)


_SUBSET = prefilter.compile(r"\s*(?:including\b|among\s+them\b|[\w-]+\s+of\s+(?:them|whom|those|these)\b)", re.I)


_AMONG_THEM = prefilter.compile(r"\s+among\s+(?:them|whom|those|these)\b", re.I)
_LAST_ITEM = re.compile(r"(?:,(?!\d)\s*(?:and\s+)?|\s+and\s+)(?:(?!,(?!\d)|\sand\s).)*$", re.I)
_SUBSET_AFTER = prefilter.compile(r"\bamong\s+(?:them|whom|those|these|the\s+(?:dead|wounded|injured))\b", re.I)


_ONE_OF_A_NATION = prefilter.compile(r"(?i:a|an)\s+[A-Z][a-z]+(?:an|ish|i|ese)")
_AND_ONE_OF_A_NATION = prefilter.compile(r",?\s+and\s+(?i:a|an)\s+[A-Z][a-z]+(?:an|ish|i|ese)\b")


# More of the same people, counted apart: "an additional 34 soldiers", "a further two", "an extra five"
_MORE_OF_THEM = r"(?:an\s+additional|a\s+further|an\s+extra)\s+"
_ADDED = re.compile(rf"^\s*{_MORE_OF_THEM}", re.I)


def _sum_list(phrase: str) -> int | None:
    """'five U.S. service members and one contractor' -> 6; None when a part is vague."""
    found = False
    values: list[int] = []
    for part in re.split(r",(?!\d)\s*(?:and\s+)?|\s+and\s+", phrase):  # "43,616 people" is one number
        if _SUBSET.match(part) or _SUBSET_AFTER.search(part):
            continue  # "five Americans, one of them a service member", "40 people, five Americans among them"
        if _VAGUE_ARTICLE.match(part):
            return None  # "a number of soldiers": no count
        if found and _ONE_OF_A_NATION.fullmatch(part.strip()):
            values.append(1)  # "two Americans and a British": one more, named by the adjective of a nation
            continue
        # "An additional 34 soldiers were wounded": the article belongs to "additional", not to the count
        nums = [n for n in find_numbers(_ADDED.sub("", part)) if n.text.lower() != "no"]
        if not nums and found and re.match(_THE_ONE, part.strip(), re.I):
            values.append(1)  # "two soldiers and the contractor": one more
            continue
        if not nums:
            if re.search(rf"\b{_PERSON}\b", part, re.I) and re.search(
                r"\b(?:several|dozens|many|multiple|some)\b", part, re.I
            ):
                return None
            continue
        n = nums[0]
        if not re.search(rf"\b{_PERSON}\b", part, re.I):
            continue
        values.append(n.value)
        found = True
    return _total_or_breakdown(values) if found else None


_NUM_WORDS = "|".join(sorted((w for w in UNITS if w not in {"no", "zero"}), key=len, reverse=True))
_NUMTOK = rf"(?:at\s+least\s+|about\s+|around\s+|some\s+|nearly\s+|up\s+to\s+|approximately\s+|more\s+than\s+|over\s+|{_MORE_OF_THEM})?(?:\d[\d,]*|a\s+dozen|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]?)?(?:{_NUM_WORDS})|twenty|thirty|forty|fifty)"  # noqa: E501
# a later item of a list may be one person told by the definite article: "two soldiers and the contractor"
_THE_ONE = rf"the\s+(?:[\w.'\u2019-]+\s+){{0,3}}?{words(vocabulary.PERSON)}"
_PASSIVE = {
    field: prefilter.compile(
        rf"(?<![\w-])(?P<list>{_NUMTOK}\s+{_ADJ}{_PERSON}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:{_NUMTOK}\s+{_ADJ}{_PERSON}|{_THE_ONE}))*)"
        # "the two soldiers and the contractor who were killed": the toll in a relative clause
        # ("two members of the counter-terrorism units were killed": a noun may follow the preposition's object; "two
        # members of the Free Syrian Army were wounded": a name of three words)
        # ("three US service personnel from the US Army Reserve's 718 Engineer Company were killed": a unit's name,
        # its number a word of the name)
        rf"(?:\s+(?:of|from|with|at|in)\s+(?:the\s+)?[\w.'\u2019-]+(?:\s+(?!(?:were|was|who|that|have|has|had|are|is)\b)[\w'\u2019-]+){{0,2}}"
        rf"(?:\s+(?-i:[A-Z0-9])[\w'\u2019-]*){{0,4}}){{0,2}}"
        # "nine others, including a US soldier, were injured": a part of the toll told between commas
        rf"(?:\s*,\s*(?:including|among\s+them)\s+[^,.;]{{1,60}},)?"
        rf"\s+(?:(?:who|that)\s+)?(?:(?:were|was|have\s+been|has\s+been|had\s+been|got|being|are|is)\s+)?"
        rf"(?:\w+ly\s+|also\s+)?{verb}\b",
        re.I,
    )
    for field, verb in (("killed", _KILL), ("injured", _WOUND))
}
_ACTIVE = {
    field: prefilter.compile(
        rf"\b{verb}\s+[\"\u201c]?(?P<list>{_NUMTOK}\s+{_ADJ}{_PERSON}(?:(?:\s*,\s*|\s+and\s+){_NUMTOK}\s+{_ADJ}{_PERSON})*)",
        re.I,
    )
    for field, verb in (
        # "The attack claimed the lives of three coalition personnel"
        ("killed", r"(?:killing|killed|kills|(?:claim|took|tak)\w*\s+the\s+lives?\s+of)"),
        ("injured", r"(?:wounding|wounded|injuring|injured|wounds|injures)"),
    )
}
# "three suffered injuries", "109 troops have been diagnosed with mild traumatic brain injury", "eight US troops
# were treated for injuries" (not "evaluated for concussions": an examination, no toll yet)
# (the count a word of its own: not the last letter of "Syria" in "A recent drone attack in Syria has left several
# U.S. service members with minor injuries")
# ("Three American soldiers were reported to have received light wounds": hearsay, its verb infinitive)
_HEARSAY = r"(?:(?:were|was|are|is)\s+(?:reported|said|believed|thought|understood)\s+to\s+have\s+)"
_WITH_INJURIES = prefilter.compile(
    rf"(?<![\w-])(?P<list>{_NUMTOK}\s+{_ADJ}{_PERSON})\s+(?:{_HEARSAY}?(?:\w+\s+){{0,3}}?(?:with|suffered|sustained|sustaining|suffering|received)"
    r"|(?:\w+\s+){0,2}?treated\s+for)"
    r"\s+(?:\w+\s+){0,2}?(?:injur(?:y|ies)|wounds|traumatic\s+brain|TBIs?\b|concussions?)",
    re.I,
)
# "two service members had been treated after the attack and returned to duty": treated for what the attack did to
# them (not "evaluated": an examination, no toll yet)
_TREATED_AFTER = prefilter.compile(
    rf"(?P<list>{_NUMTOK}\s+{_ADJ}{_PERSON})\s+(?:were|had\s+been|have\s+been)\s+(?:\w+ly\s+)?treated\s+"
    r"(?:after|following|in\s+the\s+wake\s+of)\s+(?:the|this|that|an?)\s+(?:[\w-]+\s+)?(?:attack|strike|blast|explosion)\b",
    re.I,
)
# ("One rocket landed near a home, wounding a child": anyone the attack hurt, one at a time)
_SINGULAR = words(vocabulary.PERSON, vocabulary.OTHER_PERSON)
_ONE_PERSON = {
    field: prefilter.compile(
        rf"(?<![\w-])(?P<list>(?:a|an|one)\s+(?:[\w.'\u2019-]+\s+){{0,3}}?{_SINGULAR})\s+(?:[\w-]+\s+){{0,3}}?"
        rf"(?:was|has|had|got)\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+|also\s+)?{verb}\b"
        rf"|\b{active}\s+(?P<list2>(?:a|an|one)\s+(?:[\w.'\u2019-]+\s+){{0,3}}?{_SINGULAR})\b",
        re.I,
    )
    for field, verb, active in _VERBS
}
# "a member of the coalition forces received minor injuries", "one service member was treated for a minor injury":
# one person
_ONE_WITH_INJURIES = prefilter.compile(
    rf"(?<![\w-])(?:a|an|one)\s+(?:[\w.'\u2019-]+\s+){{0,3}}?{_SINGULAR}(?:\s+(?:of|at|in|from)\s+(?:[\w.'\u2019-]+\s+){{0,3}}?[\w.'\u2019-]+)?"
    # "one US service member in Mission Support Site Conoco was treated for a minor injury"
    r"\s+(?:\w+ly\s+)?(?:received|suffered|sustained|(?:was|has\s+been|had\s+been)\s+treated\s+for)\s+"
    r"(?:\w+\s+){0,2}?(?:injur(?:y|ies)|wounds?)\b",
    re.I,
)
# "killed three soldiers, and at least 34 were injured": the noun left out after a casualty list
_ELLIPTIC = {
    field: prefilter.compile(
        # "killed three soldiers, and at least 34 were injured"; "one contractor was killed, and 9 injured"
        # ("three soldiers have been killed and another 12 wounded": the rest of the toll)
        rf"(?:,\s*(?:and\s+|while\s+)?|\s+(?:and|while)\s+)(?:another\s+)?(?P<n>{_NUMTOK})\s+(?:more\s+)?(?:(?:were|have\s+been|had\s+been)\s+)?"
        rf"(?:\w+ly\s+|also\s+)?{verb}\b",
        re.I,
    )
    for field, verb in (("killed", _KILL), ("injured", _WOUND))
}
# "... but it did not occur during one of the attacks": a death or injury the attack did not cause
_NOT_CAUSED = prefilter.compile(
    r"\b(?:did\s+not|didn't|was\s+not|wasn't|were\s+not)\s+(?:occur|happen|take\s+place|result\s+from|caused\s+by)"
    r"|\bnot\s+(?:related|linked|connected|due)\s+to\s+(?:the\s+|an?\s+|any\s+)?(?:\w+\s+)?(?:attacks?|strikes?)"
    r"|\bunrelated\s+to\b",
    re.I,
)
# A death told with its medical cause: "killed after suffering a heart attack", "died from a cardiac arrest"
_MEDICAL_DEATH = prefilter.compile(rf"\b{words(vocabulary.MEDICAL_DEATHS)}\b", re.I)


def _a_medical_death(text: str, f: Figure) -> bool:
    """Is ``f`` a death its own list item tells the body's failing caused ("A contractor died of a heart attack
    while sheltering during the alert")? The attack's toll counts the people it hurt."""
    if f.field != "killed" or f.value == 0:
        return False
    start, end = list_item(text, f.start)
    return _MEDICAL_DEATH.search(text, start, end) is not None


# "resulting in at least one death", "causing two deaths", "resulted in eight injuries", "caused two deaths and
# 14 injuries": the toll as nouns after a verb of outcome
# ("causing two \u201cminor\u201d injuries": the modifier may be quoted)
_TOLL_MODIFIER = r"(?:[\"'\u2018\u201c]?[\w-]+[\"'\u2019\u201d]?\s+)?"
_TOLL_ITEM = rf"{_NUMTOK}\s+{_TOLL_MODIFIER}(?:deaths?|fatalit(?:y|ies)|injur(?:y|ies))\b"
_N_TOLL = prefilter.compile(
    rf"\b(?:resulting\s+in|result\w*\s+in|causing|caused|leaving|left|inflicting|inflicted)\s+"
    rf"(?P<list>{_TOLL_ITEM}(?:\s*(?:,\s*|\s+and\s+|,\s*and\s+){_TOLL_ITEM})*)",
    re.I,
)
_TOLL_PART = prefilter.compile(
    rf"(?P<n>{_NUMTOK})\s+{_TOLL_MODIFIER}(?:(?P<killed>deaths?|fatalit(?:y|ies))|injur(?:y|ies))\b", re.I
)
_DEATHS_OF = prefilter.compile(rf"\bdeaths?\s+of\s+(?P<list>{_NUMTOK}\s+{_ADJ}{_PERSON})", re.I)
# "resulted in the deaths of seven commandos and the injuries of eighteen others", "injuries to three soldiers"
_INJURIES_OF = prefilter.compile(rf"\binjur(?:y|ies)\s+(?:of|to)\s+(?P<list>{_NUMTOK}\s+{_ADJ}{_PERSON})", re.I)


# "a girl and a woman were injured", "wounding a soldier and two contractors": each coordinated singular
# human noun is one person, a numbered plural its number
_HUMAN_ONE = words(vocabulary.PERSON, vocabulary.OTHER_PERSON)
_ONE_OR_MORE = (
    rf"(?:(?:a|an|one)\s+(?:[\w.'\u2019-]+\s+){{0,2}}?(?:{_HUMAN_ONE})"
    rf"|{_NUMTOK}\s+(?:[\w.'\u2019-]+\s+){{0,2}}?{_PERSON})"
)
_COORD_LIST = rf"(?P<list>{_ONE_OR_MORE}(?:\s*,\s*{_ONE_OR_MORE})*\s*,?\s+and\s+{_ONE_OR_MORE})"
_COORDINATED = {
    field: prefilter.compile(
        rf"(?<![\w-]){_COORD_LIST}\s+(?:were|have\s+been|had\s+been|got)\s+(?:\w+ly\s+|also\s+)?{verb}\b"
        rf"|\b{active}\s+{_COORD_LIST.replace('<list>', '<list2>')}(?![\w-])",
        re.I,
    )
    for field, verb, active in _VERBS
}


def coordinated_count(phrase: str) -> int | None:
    """'a girl and a woman' -> 2; 'a soldier and two contractors' -> 3; None without an 'a'/'an' part."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", phrase)
    if not any(re.match(r"(?:a|an)\s", p, re.I) for p in parts):
        return None  # numbered lists are _PASSIVE/_ACTIVE's
    values = []
    for part in parts:
        if re.match(r"(?:a|an|one)\s", part, re.I):
            values.append(1)
        else:
            nums = [n for n in find_numbers(part) if n.text.lower() != "no"]
            if not nums:
                return None
            values.append(nums[0].value)
    return _total_or_breakdown(values)


def _total_or_breakdown(values: list[int]) -> int:
    """The people a list counts: its sum - or its first number when the others break it down ("three coalition
    personnel, two Americans and a Briton" are three)."""
    if len(values) >= 3 and values[0] == sum(values[1:]):
        return values[0]
    return sum(values)


# "killing one and injuring two soldiers": the noun told once for both figures
_SHARED_NOUN = prefilter.compile(
    rf"\b(?P<v1>killing|wounding|injuring)\s+(?P<n1>{_NUMTOK})\s+(?:people\s+)?(?:and|while)\s+"
    rf"(?P<v2>killing|wounding|injuring)\s+(?P<n2>{_NUMTOK})\s+{_ADJ}{_PERSON}",
    re.I,
)
# The attacked side of a strike: militants killed are never a militia attack's casualties
_ATTACKED_SIDE = prefilter.compile(
    # ("killing three Daesh members": the attackers, not the attacked)
    r"\b(?:militants?|militiam[ae]n|insurgents?|terrorists?|gunmen"
    # ("resulting in four enemy fighters killed": the coalition's enemy, hit by its answer)
    r"|(?:militia|Hezbollah|Kataib|group|Daesh|ISIS|ISIL|enemy)\s+(?:fighters|members|elements|combatants))\b",
    re.I,
)
# a casualty figure told in the clause of an airstrike ("airstrikes on a militia, killing one")
_AIRSTRIKE = prefilter.compile(
    r"\b(?:air\s?strikes?|air\s?raids?|retaliatory\s+strikes?|(?:U\.?S\.?|American)\s+strikes?)\b", re.I
)
# The airstrike's own verb right after it: "The airstrikes targeted", "US strikes hit"
_THE_STRIKES_VERB = prefilter.compile(r"\s+(?:\w+ly\s+)?(?:targeted|hit|struck|pounded|attacked)\b", re.I)
_MILITIA_ATTACK = prefilter.compile(
    r"\b(?:rockets?|drones?|mortars?|missiles?|attack(?:ed|s)?\s+on|targeted|bases?)\b", re.I
)


# The event a toll is told of, right after its verb: "two Syrian soldiers were wounded in the air strikes", "At least
# four have been killed in US airstrikes"
_CAUSED_BY = prefilter.compile(
    r"\s+(?:in|by|during|from)\s+(?:the\s+|an?\s+|these\s+|those\s+)?(?:[\w.'\u2019-]+\s+){0,2}?$", re.I
)


def of_the_attacked_side(text: str, f: Figure) -> bool:
    """A casualty figure naming militants, told in an airstrike's clause (an airstrike before it in the sentence,
    no militia weapon or attack between them) or told of an airstrike ("wounded in the air strikes"): the other
    event's toll."""
    if f.field not in {"killed", "injured"} or f.value == 0:
        return False
    if _ATTACKED_SIDE.search(text, f.start, f.end):
        return True
    strike = _AIRSTRIKE.search(text, f.end, f.end + 60)
    if strike is not None and _CAUSED_BY.fullmatch(text, f.end, strike.start()):
        return True
    strikes = [m for m in _AIRSTRIKE.finditer(text) if m.end() <= f.start]
    if not strikes:
        return False
    # ("The airstrikes targeted a militia headquarters, wounding two": the strike's own verb is no
    # militia attack between it and the toll)
    own_verb = _THE_STRIKES_VERB.match(text, strikes[-1].end())
    return not _MILITIA_ATTACK.search(text, own_verb.end() if own_verb else strikes[-1].end(), f.start)


# Every casualty pattern below needs one of these word stems - the verbs' and every toll noun's (TOLL_NOUNS); most
# sentences have none (speed).
_CASUALTY_WORD = prefilter.compile(
    r"kill|dead|die|death|slain|wound|injur|hurt|casualt|causalit|fatalit|harm|loss|victim|concuss"
    r"|lost\s+(?:their|his|her)\s+li"
    r"|the\s+lives?\s+of|\bTBIs?\b|traumatic\s+brain|\btreated\b",
    re.I,
)


class _Found:
    """The casualty figures one sentence has given so far, and the phrases already read."""

    def __init__(self) -> None:
        self.figures: list[Figure] = []
        self.seen: set[tuple[str, int]] = set()
        self.apart: list[Figure] = []  # figures of different places ("32 at al-Tanf, 13 at al-Asad"): never summed

    def covers(self, field: str, at: int) -> bool:
        return any(f.field == field and f.start <= at < f.end for f in self.figures)

    def add_list(self, field: str, m: re.Match[str]) -> None:
        """A numbered list of people ("five U.S. service members and one contractor")."""
        phrase = m.group("list")
        tail = _AND_ONE_OF_A_NATION.match(m.string, m.end("list"))
        if tail is not None:
            phrase += tail.group(0)  # "three personnel, two Americans and a British": the last one too
        if _AMONG_THEM.match(m.string, m.end("list")):
            # "injured 40 people, five Americans among them": the last item is a part of the ones before it
            phrase = _LAST_ITEM.sub("", phrase)
        value = _sum_list(phrase)
        if value is None or (field, m.start("list")) in self.seen:
            return
        self.seen.add((field, m.start("list")))
        self.figures.append(Figure(field, value, m.start(), m.end()))


def _numbered_lists(text: str, found: _Found) -> None:
    for field in ("killed", "injured"):
        for m in (*_PASSIVE[field].finditer(text), *_ACTIVE[field].finditer(text)):
            found.add_list(field, m)


def _shared_nouns(text: str, found: _Found) -> None:
    """'killing one and injuring two soldiers': each verb its own number."""
    for m in _SHARED_NOUN.finditer(text):
        for v, n in (("v1", "n1"), ("v2", "n2")):
            field = "killed" if m.group(v).lower() == "killing" else "injured"
            nums = [x for x in find_numbers(m.group(n)) if x.text.lower() != "no"]
            if nums and (field, m.start(n)) not in found.seen:
                found.seen.add((field, m.start(n)))
                found.figures = [f for f in found.figures if not (f.field == field and f.start <= m.start(n) < f.end)]
                found.figures.append(Figure(field, nums[-1].value, m.start(n), m.end()))


def _coordinated_people(text: str, found: _Found) -> None:
    """'a guard and two contractors were wounded': the coordinated reading replaces a partial one of the phrase."""
    for field in ("killed", "injured"):
        for m in _COORDINATED[field].finditer(text):
            group = "list" if m.group("list") else "list2"
            value = coordinated_count(m.group(group))
            if value is None:
                continue
            overlap = [
                f for f in found.figures if f.field == field and f.start < m.end(group) and f.end > m.start(group)
            ]
            if all(f.value <= value for f in overlap):
                found.figures = [f for f in found.figures if f not in overlap]
                found.seen.add((field, m.start(group)))
                found.figures.append(Figure(field, value, m.start(), m.end()))


def _other_forms(text: str, found: _Found) -> None:
    """'N suffered injuries', 'the deaths of N soldiers', 'causing two deaths'."""
    for m in _WITH_INJURIES.finditer(text):
        found.add_list("injured", m)
    for m in _TREATED_AFTER.finditer(text):
        found.add_list("injured", m)
    for m in _DEATHS_OF.finditer(text):
        found.add_list("killed", m)
    for m in _INJURIES_OF.finditer(text):
        found.add_list("injured", m)
    for m in _N_TOLL.finditer(text):
        for part in _TOLL_PART.finditer(m.group("list")):
            nums = [n for n in find_numbers(part.group("n")) if n.text.lower() != "no"]
            field = "killed" if part.group("killed") else "injured"
            if nums and not found.covers(field, m.start("list") + part.start()):
                found.figures.append(Figure(field, nums[-1].value, m.start(), m.end()))


# "The service member was one of three US troops injured in the attack": the whole toll, not the one
_ONE_OF_MANY = {
    field: prefilter.compile(
        rf"\bone\s+of\s+(?:the\s+)?(?P<list>{_NUMTOK}\s+{_ADJ}{_PERSON})\s+(?:(?:who|that)\s+(?:were|had\s+been)\s+)?"
        rf"(?:\w+ly\s+)?{verb}\b",
        re.I,
    )
    for field, verb in (("killed", _KILL), ("injured", _WOUND))
}


def _one_of_many(text: str, found: _Found) -> None:
    for field, pattern in _ONE_OF_MANY.items():
        for m in pattern.finditer(text):
            value = _sum_list(m.group("list"))
            if value is not None and not found.covers(field, m.start()):
                found.seen.update({(field, m.start()), (field, m.start("list"))})  # "one" is no toll of its own
                found.figures.append(Figure(field, value, m.start(), m.end()))


def _one_person(text: str, found: _Found) -> None:
    """'a contractor was killed', 'wounding an airman', 'a member of the coalition received minor injuries'."""
    for field in ("killed", "injured"):
        for m in _ONE_PERSON[field].finditer(text):
            phrase = m.group("list") or m.group("list2")
            if re.match(r"(?:a|an)\s+(?:\w+\s+)?(?:number|lot|handful|few|couple|dozen)\b", phrase, re.I):
                continue
            key = (field, m.start())
            if key not in found.seen and not found.covers(field, m.start()):
                found.seen.add(key)
                found.figures.append(Figure(field, 1, m.start(), m.end()))
    for m in _ONE_WITH_INJURIES.finditer(text):
        if not found.covers("injured", m.start()):
            found.figures.append(Figure("injured", 1, m.start(), m.end()))


# The people left out where the toll is the rest of it ("killed three American troops and wounded over 100 more",
# "killing three troops and wounding more than 30 more", "killing three service members and wounding another 25",
# "killing five Iraqis and injuring another two") ...
_REST_OF_THE_TOLL = {
    field: (
        prefilter.compile(rf"\b{active}\s+(?P<n>{_NUMTOK})\s+more\b", re.I),
        prefilter.compile(rf"\b{active}\s+(?:another|an?\s+(?:additional|further))\s+(?P<n>{_NUMTOK})\b", re.I),
    )
    for field, active in (("killed", r"(?:killing|killed)"), ("injured", r"(?:wounding|wounded|injuring|injured)"))
}
# ... or what a source reports ("Central Command confirmed Sunday night that at least 34 were injured"): a count as
# the casualties' own subject or object is of people
_REPORTED_TOLL = {
    field: prefilter.compile(
        rf"\b(?:said|says|confirmed|reported|announced|stated)\s+(?:[\w.]+\s+){{0,3}}?that\s+(?P<n>{_NUMTOK})\s+"
        rf"(?:more\s+)?(?:were|had\s+been|have\s+been)\s+(?:\w+ly\s+)?{verb}\b",
        re.I,
    )
    for field, verb in (("killed", _KILL), ("injured", _WOUND))
}


def _elliptic(text: str, found: _Found) -> None:
    """'killed three soldiers, and at least 34 were injured': only beside a figure that named its noun - or where
    the people are left out as the rest of the toll or a report's subject."""
    for field in ("killed", "injured"):
        beside = _ELLIPTIC[field].finditer(text) if found.figures else ()
        rest = (m for pattern in _REST_OF_THE_TOLL[field] for m in pattern.finditer(text))
        for m in (*beside, *rest, *_REPORTED_TOLL[field].finditer(text)):
            nums = [n for n in find_numbers(m.group("n")) if n.text.lower() != "no"]
            if nums and not found.covers(field, m.start("n")):
                found.figures.append(Figure(field, nums[-1].value, m.start("n"), m.end()))


# "The number of troops diagnosed with traumatic brain injury ... has now risen to 109", "the death toll rose to
# three": a running count of the toll, told by where it stands now
_COUNT_NOW = prefilter.compile(
    r"\b(?:(?P<toll>death\s+toll)(?:\s+(?:from|of|in)\s+[^;]{1,80}?)?|(?:number|count|tally)\s+of\s+(?P<who>[^;]{1,160}?))\s+"
    r"(?:has\s+|had\s+|have\s+)?(?:now\s+|since\s+)?(?:risen|rose|climbed|increased|grown|grew|jumped|reached|stands|stood)"
    rf"\s+(?:to\s+|at\s+)?(?P<n>{_NUMTOK})\b",
    re.I,
)
# ... and by its update: "The Pentagon on Monday raised the injured toll to at least 40", "revised the death toll to
# four"
_COUNT_RAISED = prefilter.compile(
    r"\b(?:raised|revised|increased|updated|lifted)\s+(?:the|its)\s+(?P<who>[\w-]+\s+)?(?:toll|count|tally)\s+"
    rf"(?:to|at)\s+(?P<n>{_NUMTOK})\b",
    re.I,
)
_INJURY_STEM = prefilter.compile(r"\b(?:injur|wound|hurt)", re.I)
_DEATH_STEM = prefilter.compile(r"\b(?:killed|dead|deaths?|died)\b", re.I)


def _count_now(text: str, found: _Found) -> None:
    """'The number of troops diagnosed with brain injury has now risen to 109': the toll as the count stands."""
    for m in [*_COUNT_NOW.finditer(text), *_COUNT_RAISED.finditer(text)]:
        who = m.group("who") or ""
        field = "injured" if _INJURY_STEM.search(who) else None
        if m.groupdict().get("toll") or _DEATH_STEM.search(who) or who.lower().startswith("death"):
            field = "killed"
        nums = [n for n in find_numbers(m.group("n")) if n.text.lower() != "no"]
        if field is not None and nums and not found.covers(field, m.start("n")):
            found.figures.append(Figure(field, nums[-1].value, m.start("n"), m.end()))


# "the latest casualty count is 7 injured", "the toll stood at three dead and 12 wounded": the toll told by its
# count, each number with the participle it counts
_TOLL_PARTICIPLE = r"(?:killed|dead|injured|wounded|hurt)\b"
_TOLL_AT = prefilter.compile(
    r"\b(?:casualty\s+|death\s+|injury\s+)?(?:count|toll|tally)\s+(?:(?:is|was)(?:\s+now)?|(?:now\s+)?stands\s+at"
    r"|stood\s+at|(?:has\s+|had\s+)?(?:rose|risen|climbed)\s+to|of)\s+"
    rf"(?P<list>{_NUMTOK}\s+{_TOLL_PARTICIPLE}(?:\s*(?:,\s*|\s+and\s+|,\s*and\s+){_NUMTOK}\s+{_TOLL_PARTICIPLE})*)",
    re.I,
)
_TOLL_AT_ITEM = prefilter.compile(rf"(?P<n>{_NUMTOK})\s+(?P<w>{_TOLL_PARTICIPLE})", re.I)


def _toll_at(text: str, found: _Found) -> None:
    """'The latest casualty count is 7 injured': each number of the count for the participle after it."""
    for m in _TOLL_AT.finditer(text):
        for item in _TOLL_AT_ITEM.finditer(m.group("list")):
            field = "killed" if item.group("w").lower() in {"killed", "dead"} else "injured"
            nums = [n for n in find_numbers(item.group("n")) if n.text.lower() != "no"]
            at = m.start("list") + item.start()
            if nums and not found.covers(field, at):
                found.figures.append(Figure(field, nums[-1].value, at, m.start("list") + item.end()))


# An injury toll broken down by place: "the injuries ... have been distributed across various locations, with at least
# 32 individuals affected at the al-Tanf base, 13 at the al-Asad base, and one in Erbil" - each figure its site's
_BREAKDOWN_OPENING = prefilter.compile(
    r"\b(?:injuries|injured|wounded|casualties)\b[^.;:]{0,100}?(?:\bwith\b|\bincluding\b|:)\s+", re.I
)
_BREAKDOWN_ITEM = prefilter.compile(
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)?(?P<n>{_NUMTOK})\s+(?:(?:{words(vocabulary.PERSON)})s?\s+)?"
    r"(?:(?:affected|injured|wounded|hurt)\s+)?(?:at|in)\s+(?:the\s+)?[^,;]{1,60}?(?=\s*,|\s+and\s|[.;]|$)",
    re.I,
)
# Fewer items than this are no breakdown
_BREAKDOWN_ITEMS = 2


def _breakdown(text: str, found: _Found) -> None:
    """'with at least 32 individuals affected at the al-Tanf base, 13 at the al-Asad base, and one in Erbil': the
    injuries told by place, one figure for each place (the attack there)."""
    opening = _BREAKDOWN_OPENING.search(text)
    if opening is None:
        return
    items, pos = [], opening.end()
    while (m := _BREAKDOWN_ITEM.match(text, pos)) is not None and m.end() > pos:
        items.append(m)
        pos = m.end()
    if len(items) < _BREAKDOWN_ITEMS:
        return
    for m in items:
        nums = [n for n in find_numbers(m.group("n")) if n.text.lower() != "no"]
        if nums and not found.covers("injured", m.start("n")):
            found.apart.append(Figure("injured", nums[-1].value, m.start("n"), m.end()))


# The readings, in order: later ones fill what earlier ones left (or replace a partial reading).
_READINGS = (
    _one_of_many,
    _numbered_lists,
    _shared_nouns,
    _coordinated_people,
    _other_forms,
    _one_person,
    _elliptic,
    _count_now,
    _toll_at,
    _breakdown,
)


# More dead or wounded than any attack on a coalition site has caused (the deadliest, Iran's missiles on Ain al-Asad
# in January 2020, left 110 troops with brain injuries): a war's or a country's toll told beside the attack, as
# in "Another 43,616 people have been wounded" after a retaliation for the war in Gaza.
MAX_TOLL = 1000


def casualty_figures(text: str) -> list[Figure]:
    """Killed and injured figures one sentence states, less those of the attacked side or not caused by the
    attack, plus its zero tolls."""
    if not _CASUALTY_WORD.search(text):
        return []
    found = _Found()
    for reading in _READINGS:
        reading(text, found)
    kept = [f for f in found.figures if f.value <= MAX_TOLL and not of_the_attacked_side(text, f)]
    out = joined_groups(text, kept) + [f for f in found.apart if not any(g.start <= f.start < g.end for g in kept)]
    if _NOT_CAUSED.search(text):
        out = [f for f in out if f.value == 0]
    out = [f for f in out if not _a_medical_death(text, f)]
    return out + zero_tolls(text) + coalition_only_zeros(text) + vague_tolls(text)


# Only a comma or a conjunction between two groups: "5 contractors injured, and 1 service member injured"
_JOINED_BY = prefilter.compile(r"[\s,;]*(?:and|plus|as\s+well\s+as)?[\s,]*", re.I)


def joined_groups(text: str, figures: list[Figure]) -> list[Figure]:
    """Groups of people with the same toll told one after the other, joined only by a comma or 'and', are one
    toll: their sum ('three soldiers were wounded and two contractors were wounded' -> 5 injured). Figures told
    apart (another source, another clause) stay separate reports."""
    out: list[Figure] = []
    for f in sorted(figures, key=lambda g: g.start):
        last = next((g for g in reversed(out) if g.field == f.field), None)
        if (
            last is not None
            and last.value > 0
            and f.value > 0
            and last.end <= f.start
            and out[-1] is last
            and _JOINED_BY.fullmatch(text, last.end, f.start)
        ):
            out[-1] = Figure(f.field, last.value + f.value, last.start, f.end)
        else:
            out.append(f)
    return out
