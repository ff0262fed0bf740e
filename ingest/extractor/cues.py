"""Sentence-level reading cues: is this an attack on a coalition site, or something else?

Each cue is a small regex with a name; ``events`` combines them in a fixed order. The words of the core meanings
(attack words, coalition and state actors, shipping, habits) come from the tables in ``vocabulary``.
"""

from __future__ import annotations

import re

from ingest.extractor import prefilter, vocabulary
from ingest.extractor.dates import WEEKDAYS
from ingest.extractor.numbers import numerals
from ingest.extractor.vocabulary import words

_PROJECTILE = words(vocabulary.PROJECTILES)
# "three drones attempting to strike the base": what a projectile is "attempting" is no hypothesis (a lookbehind per
# word: each must have a fixed width), nor what "two drones that attempted to attack US forces" did
_NOT_AFTER_A_PROJECTILE = "".join(
    rf"(?<!{re.escape(w)}\s)(?<!{re.escape(w)}\sthat\s)(?<!{re.escape(w)}\swhich\s)" for w in vocabulary.PROJECTILES
)
# "The drones were intercepted as they attempted to strike the base": what was downed "as it attempted" to strike
# was flying at it, no hypothesis (like "Two armed drones were shot down as they approached" the base)
_NOT_WHAT_WAS_DOWNED = "".join(
    rf"(?<!{verb}\s{when}\s{it}\s)"
    for verb in ("intercepted", "shot down", "downed")
    for when in ("as", "when", "before")
    for it in ("they", "it")
)

# The object between a phrasal verb's parts: "the drone", "both incoming missiles", "two of the rockets"
_SPLIT_OBJECT = (
    r"(?:the|a|an|one|two|three|four|five|both|all|several)\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?"
    rf"{words(vocabulary.PROJECTILES)}"
)
ATTACK = prefilter.compile(
    rf"\b(?:{words(vocabulary.ATTACK_WORDS, vocabulary.OTHER_LANGUAGES_ATTACK_WORDS)}"
    rf"|{words(vocabulary.UNDER_FIRE_VERBS)}\s+(?:\w+\s+)?fire"
    # "engaged two inbound missile threats": projectiles on their way in (not "inbound flights")
    rf"|inbound\s+(?:[\w-]+\s+)?(?:{words(vocabulary.PROJECTILES)}|threats?)"
    # the phrasal verb split by its object: "managed to shoot the drone down", "brought both missiles down"
    rf"|(?:shoot|shot|shooting|bring|brought|bringing|knock|knocked)\s+{_SPLIT_OBJECT}\s+down)\b",
    re.I,
)
# "targets" as what something is or may become, not what was done: "with U.S. troops at bases becoming targets",
# "US bases are legitimate targets"
TARGETS_AS_A_ROLE = prefilter.compile(
    r"\b(?:becom\w*|became|are|were|be|as|remain\w*|legitimate|potential|possible|easy|prime|soft)\s+"
    r"(?:[\w-]+\s+)?targets?\b",
    re.I,
)
NEGATED_ATTACK = prefilter.compile(
    r"\b(?:not|n't|never|no)\s+(?:\w+\s+){0,2}?(?:attack(?:ed)?|target(?:ed|ing)?|struck|hit|impacted|fired|launched)\b"
    # attacks stopped: "Kataib Hezbollah announced it was suspending attacks on US troops", "would stop their attacks"
    rf"|\b{words(vocabulary.CESSATION_WORDS)}\s+(?:of\s+)?(?:(?:all\s+)?(?:its|their|the|these|such)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:attacks|operations)\b",
    re.I,
)
# Who or what the attack was aimed at, when no gazetteer site is named.
_COALITION = words(vocabulary.COALITION)
GENERIC_TARGET = prefilter.compile(
    rf"\b{_COALITION}[\s-]+(?:-led\s+)?(?:military\s+|army\s+|troops?\s+|air\s+)?"
    r"(?:bases?|outposts?|installations?|facilit(?:y|ies)|garrisons?|compounds?|positions?|sites?|forces|troops|"
    r"personnel|service\s?members|soldiers|contractors|interests|patrols?)\b"
    # "US occupation bases", "US-occupied military bases": the pro-resistance outlets' words for the same sites (not
    # "resisting the American occupation forces", a statement's cause)
    rf"|\b{_COALITION}[\s-]+(?:occupation|occupied|occupying)\s+(?:military\s+|air\s+)?"
    r"(?:bases?|outposts?|installations?|facilit(?:y|ies)|garrisons?|compounds?|positions?|sites?)\b"
    # ("American and other forces from the international coalition")
    rf"|\b{_COALITION}\s+and\s+(?:other\s+)?(?:international\s+|coalition\s+|allied\s+|partner\s+|(?<=other\s))"
    r"(?:forces|troops|personnel)\b"
    r"|\b(?:bases?|outposts?|installations?|facilit(?:y|ies)|sites?|camps?)\b[^.;]{0,40}?\b(?:hous(?:e|es|ing)|host(?:s|ing)?|"
    rf"used by|with|where)\s+(?:[\w-]+\s+){{0,5}}?{_COALITION}"
    # "attacked three bases of the United States military": the coalition's as their owner
    rf"|\b(?:bases|outposts|installations|facilities|sites|positions)\s+of\s+(?:the\s+)?{_COALITION}\b",
    re.I,
)
# A site named as the coalition's, right before its name: "the US occupation base at al-Taji", "the American base in
# Qaim" (a site the gazetteer says the coalition had left is then still coded as the text tells it)
THE_COALITIONS_SITE_BEFORE = prefilter.compile(
    rf"\b{_COALITION}[\s-]+(?:-led\s+)?(?:(?:occupation|occupied|military|coalition|air)\s+)*"
    r"(?:base|airbase|outpost|garrison|installation|facility)\s+(?:(?:at|in|of|known\s+as|called)\s+)?(?:the\s+)?"
    r"(?:(?:al|el)-)?$",
    re.I,
)
# ... or as hosting its forces now, right after its name: "Taji, which houses US troops"
HOSTS_THE_COALITION_AFTER = prefilter.compile(
    rf"[^.;]{{0,40}}?\b{words(vocabulary.HOSTING_WORDS)}\s+(?:[\w-]+\s+){{0,3}}?{_COALITION}", re.I
)
# The attacker is the US, its allies or another state striking someone else.
_ACTOR = words(vocabulary.STATE_ACTORS)
# A retaliation named without its actor: "retaliatory strikes", "in retaliation"
_RETALIATION = r"retaliatory\s+(?:[\w-]+\s+)?(?:strikes?|raids?|bombing|shelling|fire)|in retaliation"
# A state's forces right after a word aiming the attack at them, or a site's word for hosting them, are that word's
# object, not the subject of the verb that follows ("launched against U.S. and Coalition forces struck al-Tanf", "a
# base housing U.S. troops killed one contractor"): a fixed-width lookbehind for the words of each length, bare or with
# their article (one per length, not one per word: the pattern is tried at every word of every sentence)
_OBJECT_WORDS = (*vocabulary.AIMED_AT_WORDS, *vocabulary.HOSTING_WORDS)
_NOT_AIMED_AT = "".join(
    rf"(?<!\b(?:{alternatives})\s)(?<!\b(?:{alternatives})\sthe\s)"
    for alternatives in (
        "|".join(re.escape(w) for w in _OBJECT_WORDS if len(w) == n) for n in sorted({len(w) for w in _OBJECT_WORDS})
    )
)
OTHER_ACTOR = prefilter.compile(
    # "U.S. and coalition troops in Iraq killed five militia fighters"
    # ("U.S. military forces struck more than 85 targets": the forces named with their service)
    rf"\b{_NOT_AIMED_AT}{_ACTOR}(?:-led\s+coalition|\s+-led|\s+and\s+coalition)?\s+(?:military\s+(?=forces))?(?:forces|military|troops|warplanes|jets|fighter jets|aircraft|drones?|helicopters?|army|air force|"  # noqa: E501
    r"special forces)?\s*(?:in\s+[A-Z]\w+\s+)?(?:have\s+|has\s+|had\s+)?(?:then\s+|later\s+|also\s+|again\s+)?(?:carried out|carrying out|conducted|conducting|launched|"  # noqa: E501
    # (a timeline's present: "Two days later the US bombs a military base in western Iraq")
    # (and a headline's: "U.S. military launches second strike in Iraq")
    r"struck(?!\s+down)|bombed|bombs|launches|conducts|carries out|retaliated|targeted|killed|raided|responded)\b"
    # a passive headline is the coalition attacked, not attacking: "US forces in Syria targeted in first attack", and
    # so is a quoted headline's verb before its colon ("'American forces killed': Iran claims to have destroyed")
    r"(?!\s+by\b|\s+in\s+(?:[\w-]+\s+){0,3}?(?:attacks?|strikes?|assaults?|barrages?)\b"
    r"|['\"\u2019\u201d]?\s*:"
    # ... and so is "killed" with no one it killed, a place or a time next: "US troops killed in Jordan near Syria
    # border", "US troops killed, dozens hurt" (not "US troops killed five fighters", "killed at least two")
    r"|(?<=killed)(?:\s+(?:in|near|during|when|while|after|as)\b(?!\s+many\b)|\s*[,;]|\s*$))"
    # another state's forces attacking (not "US forces attacked four times", a headline's passive):
    # "Turkish forces attacked an agricultural company in Zaghat village"
    rf"|\b{_NOT_AIMED_AT}{words(vocabulary.OTHER_STATE_ADJECTIVES)}"
    r"\s+(?:forces|military|troops|army|drones?|warplanes|jets|aircraft)"
    r"\s+(?:have\s+|has\s+|had\s+)?(?:attacked|shelled)\b"
    # a state attacking what the militias hold: "US attacks Iraqi Kataib Hezbollah facilities", "The United States
    # attacked three facilities allegedly belonging to the Kataib Hezbollah", "the U.S. attacked its positions"
    rf"|\b{_ACTOR}\s+attack(?:s|ed)\s+(?:[\w'\u2019-]+\s+){{0,4}}?(?:facilities|positions|targets|headquarters|depots)\b"
    # a state's aircraft attacking: "The US Air Force attacked pro-Iranian forces' positions"
    rf"|\b{_ACTOR}\s+(?:air\s+force|warplanes|(?:fighter\s+)?jets|aircraft|helicopters|bombers)\s+(?:have\s+|has\s+|had\s+)?"
    r"attacked\b(?!\s+(?:by|in|with)\b)"
    # a state opening a run of its strikes: "The United States has begun a wave of airstrikes in Syria and Iraq", "US
    # jets launched a series of strikes on militia bases" (not a run of attacks "amid" which a site was hit)
    rf"|\b{_NOT_AIMED_AT}{_ACTOR}\s+(?:[\w-]+\s+)?(?:have\s+|has\s+|had\s+)?(?:begun|began|begins|launched|launches|started|starts)"
    r"\s+(?:(?:a|an)\s+)?(?:new\s+|fresh\s+|second\s+|major\s+)?(?:wave|series|round)\s+of\s+(?:retaliatory\s+)?"
    r"(?:air\s?strikes|strikes|raids|bombings?)\b"
    # "retaliatory strikes", not "an assault Iran described as a retaliatory measure" (the attack itself)
    rf"|\b(?:{_RETALIATION}|self-defen[cs]e strikes?|precision strikes?)\b"
    rf"|\b{_ACTOR}(?:['\u2019]s)?\s+(?:(?:drone\s+|missile\s+|military\s+|retaliatory\s+)?air\s?|drone\s+|missile\s+|military\s+|retaliatory\s+)?(?:strikes?|raids?)\b"
    # "seven rocket launchers were destroyed by a counter attack by US forces": the strike named with its actor after
    rf"|\b(?:counter[- ]?attacks?|counter[- ]?strikes?|air\s?strikes?|raids?)\s+by\s+(?:the\s+)?{_ACTOR}\b"
    # a state's own attack named by its adjective: "a Turkish drone attack", "a Turkish invasion which killed ..."
    rf"|\b{_ACTOR}\s+(?:(?:air|drone|missile|artillery)\s+attacks?|invasion|offensive|incursion|bombardment|shelling)\b"
    # the passive's agent: "a headquarters was targeted by three drone strikes by American aircraft"
    # ... and the attack noun's, right before it: "the early morning attack by American fighter jets on several
    # headquarters" (not "the attack was repelled by US forces")
    rf"|\b(?:(?:strikes?|raids?|targeted|attacked|bombed|struck)\s+(?:[\w-]+\s+){{0,4}}?|attacks?\s+)"
    rf"by\s+(?:the\s+)?{_ACTOR}\s+"
    r"(?:aircraft|warplanes|jets|fighter\s+jets|drones?|helicopters?|forces|troops|military|army|air\s+force)\b"
    # ... and the agent of a strike's doing, however far from its noun - a state or the coalition itself: "killed in
    # airstrikes that are believed to be carried out by US forces", "a raid conducted by the US-led coalition"
    r"|\b(?:air\s?strikes?|strikes?|raids?|bombing|bombardment|shelling)\b[^.;]{0,60}?"
    rf"\b(?:carried\s+out|conducted|executed)\s+by\s+(?:the\s+)?(?:{_ACTOR}[\s-]+led\s+|international\s+)?"
    rf"(?:coalition|{_ACTOR})\b"
    # "accused the United States of conducting drone strikes"
    rf"|\baccus\w*\s+(?:the\s+)?{_ACTOR}\s+(?:[\w-]+\s+){{0,4}}?of\s+(?:conducting|carrying\s+out|launching)\b"
    # ... and a state asked to answer for the attack: "Iraq calls on Turkey to apologize for attack on Sulaymaniyah
    # airport", "held Turkey responsible for the strike" - the attack told is the state's
    rf"|\b(?:call\w*\s+on|ask\w*|urg\w*|demand\w*(?:\s+that)?)\s+(?:the\s+)?{_ACTOR}\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:to\s+)?apologi[sz]e\s+for\b"
    rf"|\bh[eo]ld\w*\s+(?:the\s+)?{_ACTOR}\s+(?:\w+\s+)?responsible\s+for\b"
    # "two US F-15 fighter jets dropped multiple bombs", "Israeli Air Force fighter jets struck": a state's aircraft
    # named with their model or their force
    rf"|\b{_ACTOR}\s+(?:[\w-]+\s+){{1,3}}?(?:warplanes|jets|aircraft|bombers)\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:dropped|struck|bombed|hit|targeted|launched|fired)\b"
    # "helicopters of the US Armed Forces opened fire at a Syrian government army checkpoint": a state's aircraft
    # named with "of" and their force
    r"|\b(?:warplanes|jets|aircraft|helicopters|bombers|drones)\s+of\s+(?:the\s+)?"
    rf"{_ACTOR}\s+(?:armed\s+forces|army|military|air\s+force)\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:opened\s+fire|fired|struck|bombed|hit|targeted|attacked|shelled)\b"
    # a headline's present with the state first and its object named: "Turkey targets PKK in Syria drone strikes"
    # (not "US Targets In Syria Hit" nor "US targets Sunday": the noun, a place or a day after it)
    rf"|^\W*{_ACTOR}\s+(?:military\s+|forces\s+|army\s+)?targets\s+"
    rf"(?!(?i:{words(WEEKDAYS)}|in|on|at|across|and|or|of|with|near|around|inside|overnight|again|were|are|have|has)\b)"
    r"(?-i:[A-Z])"
    # "US rockets have destroyed two SUVs": a state's projectiles as the actor
    rf"|\b{_ACTOR}\s+(?:rockets?|missiles?|drones?|warplanes?)\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:destroyed|hit|struck|killed|targeted|bombed)\b"
    # "the Pentagon admitted that US President Donald Trump had ordered the killing of Soleimani"
    rf"|\b{_ACTOR}\b[^.;]{{0,40}}?\b(?:ordered|authori[sz]ed|approved)\s+(?:the\s+)?(?:killing|assassination|strikes?)\b"
    # "killed in a drone strike in Baghdad, on the orders of US President Donald Trump": a strike a state ordered
    rf"|\b(?:on\s+the\s+orders?\s+of|ordered\s+by)\s+(?:the\s+)?{_ACTOR}\b"
    # "claiming responsibility for an airstrike targeting and killing Qasem Soleimani": an air force's strike,
    # whoever's it is - the groups that attack coalition sites fly no aircraft
    r"|\b(?:an?|the)\s+(?:[\w-]+\s+)?air\s?(?:strike|raid)\b",
    re.I,
)
# Retaliation told without a state as its actor: "Islamic Resistance targets US bases in retaliatory strikes",
# "Iran launched missiles at a US base in Qatar, in what it said was retaliation" - whose retaliation it is, the
# sentence's attacker and target tell (``events``)
RETALIATION_ONLY = prefilter.compile(rf"\b(?:{_RETALIATION})\b", re.I)
SHIPPING = prefilter.compile(rf"\b{words(vocabulary.SHIPPING)}\b", re.I)
ON_THE_ROAD = prefilter.compile(
    rf"\b{words(vocabulary.ON_THE_ROAD)}\b"
    # a contractor's vehicle: "An explosive device exploded at a vehicle of one of the Iraqi companies contracting with
    # the international Coalition Forces"
    r"|\b(?:vehicle|truck|lorry)s?\s+(?:of|belonging\s+to|owned\s+by|operated\s+by)\s+(?:an?\s+|the\s+|one\s+of\s+the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:compan(?:y|ies)|contractors?|firms?)\b"
    # ... or the company or its people as the target, not a site: "a new attack targeted an Iraqi company providing
    # services for the U.S.-led coalition", "Attack Targeted Iraqi Contractors Working For U.S. Forces"
    r"|\b(?:target(?:ed|ing|s)?|attack(?:ed|ing|s)?|struck|hit)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:compan(?:y|ies)|contractors?|firms?)\s+(?:providing|working|supplying|contracted|contracting|that\s+works?"
    r"|that\s+provides?)\b",
    re.I,
)
FOILED = prefilter.compile(
    # "thwarted two armed drones" is an interception of drones in flight, not a plot stopped before launch; so is
    # "foiled hostile drone attacks against al-Omar field" (drones and missiles fly; "a foiled rocket attack" is
    # most often launchers found before they fired)
    # ("Baghdad Operations Command said it has prevented a Katyusha rocket attack on the Green Zone")
    # ("The attack was thwarted before reaching its target": stopped in flight, an interception too)
    r"\b(?:(?:thwart\w*|foil(?:ed|s)?|prevent(?:ed|s)?)(?!\s+(?:[\w-]+\s+){0,3}?(?:(?:drones?|uavs?|missiles?)\b(?!\s+plots?)"
    r"|rockets?\b(?!\s+(?:attacks?|plots?))))"
    r"(?!\s+(?:\w+\s+)?before\s+(?:reaching|hitting|striking|it\s+reached|they\s+reached)\b)"
    r"|found|discovered|seized|defused|dismantled|confiscated|before (?:they|it) "
    r"(?:were|was|could be) (?:launched|fired)|ready (?:to|for) (?:be )?launch\w*|launch(?:ing)?[- ]?pads?)\b",
    re.I,
)
# A party named that is not the US or the coalition (a "US-backed" one is not): "the Syrian Democratic Forces"
_NOT_THE_COALITION = rf"(?!(?:the\s+)?{_COALITION}\b(?![-\u2010]backed))"
# A state strike whose declared target was not the coalition ("Israeli spy headquarters").
OTHER_TARGET = prefilter.compile(
    r"\b(?:spy|espionage|Mossad|Zionist)\s+(?:headquarters|cent(?:er|re)s?|bases?|sites?|hq|nests?)\b"
    # a person the target, at their home: "an assassination attempt with armed drones that targeted his residence",
    # "the drones tried to hit the prime minister's home"
    r"|\bassassination\s+attempt\b"
    r"|\b(?:target(?:ed|ing)?|hit|struck|attacked|aimed\s+at)\s+(?:his|her|their|the\s+(?:[\w-]+\s+){0,2}?[\w-]+['\u2019]s"
    r"|(?-i:[A-Z])[\w-]+['\u2019]s)\s+(?:private\s+)?(?:residence|home|house)\b"
    # "two Iranian drones that were en route to Israel", "drones launched from Iran towards Israel": shot down over
    # a base on their way elsewhere, they attacked no one there
    r"|\b(?:en\s+route|bound|heading|headed|on\s+(?:their|its)\s+way|launched\s+(?:[\w-]+\s+){0,3}?)\s*"
    rf"(?:to|for|toward|towards)\s+{words(vocabulary.ELSEWHERE_BOUND)}\b"
    r"|\banti-Iran(?:ian)?\s+(?:terrorist\s+)?groups\b"
    # another state's military as the target: "launched a drone attack on an Israeli military target in the Golan
    # Heights", 'struck a "vital" Israeli target', or one placed where such attacks aim ("attacked a military target
    # in the occupied Golan Heights"); not "Turkish and US bases", the coalition's among them
    r"|\b(?:attack\w*|target(?:ed|ing)|struck|strikes?|hit)\s+(?:on\s+|against\s+|at\s+)?(?:an?\s+|the\s+)?"
    rf"(?:(?!(?:and|or)\b)[\w\"'\u201c\u201d-]+\s+){{0,2}}?{words(vocabulary.OTHER_STATES_TARGETED)}\s+"
    r"(?:(?!(?:and|or)\b)[\w-]+\s+){0,2}?"
    rf"{words(vocabulary.MILITARY_TARGET_NOUNS)}\b"
    rf"|\b{words(vocabulary.MILITARY_TARGET_NOUNS)}\s+in\s+(?:the\s+)?(?:occupied\s+)?"
    rf"(?:{words(vocabulary.ELSEWHERE_BOUND)}|Golan)\b"
    # the attack declared one on civilian works: "drones targeted fuel tanks at the Kuwait International Airport in an
    # attack on critical infrastructure" - the airport is where they stand, not a coalition target
    r"|\b(?:attacks?|strikes?|assaults?|targeted|targeting|attacked|struck|hit)\s+(?:on|against|at)?\s*"
    rf"(?:the\s+)?(?:country's\s+|kingdom's\s+|[\w-]+\s+)?{words(vocabulary.CIVIL_INFRASTRUCTURE)}\b"
    # ... or at civilian works named by their place: "claimed the attack on the Port of Haifa"
    r"|\b(?:attacks?|strikes?|assaults?|targeted|targeting|attacked|struck|hit)\s+(?:on|against|at)?\s*the\s+"
    rf"{words(vocabulary.CIVIL_WORKS)}\s+of\s+(?-i:[A-Z])"
    # "Three rockets targeted rebel Iranian Kurdish forces not far from Erbil airport": Iran's opponents the target
    r"|\b(?:rebel\s+)?Iranian\s+(?:Kurdish\s+)?(?:opposition|rebels?|dissidents?)(?:\s+(?:forces|groups?|parties))?\b"
    r"|\bIranian\s+Kurdish\s+(?:forces|groups?|parties|fighters)\b"
    # "used heavy machine guns to target the militias": the militias are the target here (not "stationed to aid in
    # the fight against ISIS militants": the coalition's mission, told of the base)
    r"|\b(?:target(?:ed|ing)?|attack(?:ed|ing)?|struck|shell(?:ed|ing)?"
    r"|(?<!fight\s)(?<!battle\s)(?<!campaign\s)(?<!war\s)(?<!mission\s)against)\s+(?!by\b)(?:the\s+)?"
    r"(?:(?!by\b)[\w-]+\s+){0,2}?"
    r"(?:militias|militants|insurgents|fighters|rebels)\b"
    # "a clash erupted between the Syrian Democratic Forces and ISIS": a fight of two other forces, neither of them
    # the coalition
    rf"|\bclash(?:es|ed)?\s+(?:(?:erupted|broke\s+out|took\s+place)\s+)?between\s+{_NOT_THE_COALITION}"
    rf"[^.;]{{0,80}}?\s+and\s+{_NOT_THE_COALITION}",
    re.I,
)
DENIAL = prefilter.compile(
    r"\b(?:were|was|are|is)(?:\s+not|n't)\s+(?:\w+\s+)?(?:impacted|affected|targeted|the (?:intended )?target)\b"
    r"|\bno\s+(?:Americans?|U\.?S\.?\s+(?:personnel|troops|citizens))\s+(?:were|was)\s+among\b"
    # "No US facilities were impacted by the missile strikes": the coalition's sites denied as the target
    rf"|\bno\s+{_COALITION}\s+(?:or\s+[\w-]+\s+)?(?:facilities|bases|sites|installations|personnel|forces|troops)\s+"
    r"(?:were|was|had\s+been)\s+(?:\w+\s+)?(?:impacted|affected|targeted)\b"
    # (an open question is no denial: "it was not clear whether the intended target was the consulate or the airport")
    r"|\b(?:not|n't)\s+(?!(?:immediately\s+|yet\s+)?(?:clear|known|certain|sure|confirmed)\s+(?:whether|if|which|what)\b)"
    r"(?:believe\s+|think\s+)?(?:that\s+)?(?:[\w.-]+\s+){0,5}?(?:targeting|targeted|aimed at|directed at|"
    r"the (?:intended )?target)\b"
    # "we have no initial indications that Turkey was intentionally targeting U.S. forces"
    r"|\bno\s+(?:\w+\s+)?(?:indications?|evidence|signs?)\s+(?:that\s+)?(?:[\w.-]+\s+){0,5}?"
    r"(?:targeting|targeted|aimed at)\b"
    # "denied reports that another base housing U.S. troops was hit"
    # an attack claimed falsely, or said not to have happened: "a group which falsely claimed to have launched a drone
    # attack", "No such attack occurred"
    r"|\bfalsely\s+(?:claimed|claiming|claims|said|says|reported|alleged)\b"
    r"|\bno\s+such\s+(?:attack|strike|incident|assault)\s+(?:ever\s+)?(?:occurred|took\s+place|happened|was\s+carried\s+out)\b"
    r"|\b(?:attack|strike|assault)\s+(?:never|did\s+not|didn't)\s+(?:happen|occur|take\s+place)\b"
    # (not "dismissing reports of casualties or damage as false": the toll denied, not the attack)
    r"|\b(?:denied|denies|deny|dismissed|refuted|rejected)\s+(?:the\s+|those\s+|these\s+)?(?:\w+\s+)?reports?\s+(?:that|of)\b"
    r"(?!\s+(?:any\s+)?(?:casualties|injuries|deaths|fatalities|damage|losses)\b)",
    re.I,
)
# "Unlike previous attacks primarily using drones, ...": the weapons of other attacks, up to the clause end;
# "the latest in a series of rocket and small drone attacks": the weapons of the series; "far rarer than rockets
# or single-use attack drones": the weapons a comparison names
OTHER_ATTACKS = prefilter.compile(
    r"\b(?:previous|earlier|past|prior|former|other|those)\s+(?:\w+\s+)?(?:attacks|strikes|assaults|incidents)\b[^,.;]*"
    r"|\b(?:series|string|wave|spate)\s+of\s+(?:[\w-]+\s+){0,4}?(?:attacks|strikes|assaults)\b[^,.;]*"
    # "at the end of a day marked by rocket and drone attacks on bases", "a night of drone attacks": the weapons of
    # the day's other attacks
    r"|\b(?:day|night|week|weekend)\s+(?:marked\s+by|of)\s+(?:[\w-]+\s+){0,4}?(?:attacks|strikes|assaults)\b[^,.;]*"
    # "..., and US forces were targeted at least five more times with rockets and drones": the others' weapons
    r"|\b(?:[\w-]+\s+)?(?:more|other|further)\s+times\b[^,.;]*"
    r"|\b(?:rarer|commoner|more\s+\w+|less\s+\w+)\s+than\s+[^,.;]*"
    # "in retaliation for the US drone strike that killed Soleimani", "an Israeli missile strike": a state's strike
    # named with its weapon - the weapon is the strike's, whoever the sentence's attacker is
    rf"|\b{_ACTOR}(?:['\u2019]s)?\s+(?:drone|missile|rocket)\s+(?:strikes?|raids?)\b",
    re.I,
)
# An attack told as what people are arrested or charged for: "arrested 14 suspects for allegedly firing rockets at
# the airport", "charged with attacking the base" - an act they are held for, not an event this sentence tells
CHARGED_WITH_ATTACK = prefilter.compile(
    r"\b(?:arrest\w*|detain\w*|captur\w*|charged|convict\w*|sentenc\w*)\b[^.;]{0,60}?"
    r"\b(?:for|of|with|over)\s+(?:allegedly\s+|having\s+|their\s+role\s+in\s+)?"
    r"(?:firing|launching|attacking|targeting|carrying\s+out|planting|shelling|bombing)\b",
    re.I,
)
# A sentence set in other attacks than the one told: "In other Iran-backed onslaughts, more than 50 Americans have
# suffered traumatic brain injuries" - its toll is theirs
ABOUT_OTHER_ATTACKS = prefilter.compile(
    r"^\W*(?:in|during|across)\s+(?:the\s+)?(?:previous|earlier|past|prior|other)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks|strikes|assaults|incidents|onslaughts|raids)\b",
    re.I,
)
# Many attacks, none of them told: "numerous attacks on U.S. forces" - unless a day follows ("several attacks on
# Sunday night" tells them).
_DAY_FOLLOWS = (
    r"(?![^.]{0,40}\b(?:on|this|last|early|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|night|"
    r"morning|evening)\b)"
)
_MANY_ATTACKS = (
    r"\b(?:numerous|countless|many|dozens of|scores of|hundreds of)\s+(?:[\w-]+\s+)?(?:attacks|strikes|operations)\b"
    + _DAY_FOLLOWS
)
# Counts of attacks, not one attack: "150 attacks", "attacked 20 separate times", "at least five drone attacks on U.S.
# forces since April", "the incident marks the 26th recorded attack", "numerous attacks".
TALLY = prefilter.compile(
    rf"\b(?:\d[\d,]*|a hundred|hundreds|dozens|scores)\s+(?:{words(vocabulary.TALLY_MODIFIERS)}\s+)?"
    rf"{words(vocabulary.TALLY_NOUNS)}\b|\bseparate times\b"
    # "The number of troops injured in militia attacks more than doubled", "the total number of attacks": a running
    # count across attacks (not "the number of troops hurt at the Conoco base", one attack's toll growing)
    r"|\bthe\s+(?:total\s+|overall\s+)?number\s+of\s+(?:attacks|strikes\b"
    rf"|(?:[\w-]+\s+){{0,2}}?(?:{words(vocabulary.PEOPLE)}|casualties|injuries|wounded|injured|dead)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:in|from|by|during)\s+(?:[\w-]+\s+){0,3}?attacks\b)"
    r"|\b(?:at least|more than|over|nearly|some|about|around)\s+[\w-]+\s+(?:[\w-]+\s+)?(?:attacks|times|incidents)\b"
    r"[^;]{0,60}?\bsince\b"
    # "At least five US bases in Iraq and Syria have come under fire ... since Israel launched strikes": the bases
    # hit over a window, counted
    r"|\b(?:at least|more than|over|nearly|some|about|around)\s+[\w-]+\s+(?:[\w-]+\s+){0,2}?"
    r"(?:bases|sites|facilities)\b[^;.]{0,60}?\b(?:have|has)\s+(?:\w+ly\s+)?"
    r"(?:come\s+under|been\s+(?:attacked|targeted|hit|struck))\b[^;.]{0,80}?\bsince\b"
    r"|^(?:the|this|that|it)\s+(?:[\w-]+\s+)?(?:marks|marked|is|was|became)\s+the\s+\d+(?:st|nd|rd|th)\b"
    # a line of a tally's list: "- 1 attack on the Qasrak base", "• 11 attacks on the al-Omar oil field base"
    r"|^\W*\d+\s+attacks?\s+(?:on|against|targeting)\b"
    # a share of the series just counted: "The majority of these assaults have focused on the Conoco gas plant, the
    # al-Omar oil field base ... and the al-Shaddadi base"
    r"|^\W*(?:the\s+)?(?:majority|bulk|most|many|half|some|several)\s+of\s+(?:these|those|the|such)\s+"
    r"(?:[\w-]+\s+)?(?:attacks|assaults|strikes|operations)\s+(?:have|has|had|were|was)\b"
    rf"|{_MANY_ATTACKS}",
    re.I,
)
# Commentary on attacks in general: "described the targeting of facilities ... as a dangerous development",
# "said the attacks carried out by armed factions ... undermine the efforts".
COMMENTARY = prefilter.compile(
    r"\b(?:described|condemned|denounced|called)\s+(?:the\s+)?(?:attacks|targeting)\b[^.;]{0,80}?\bas\b"
    r"|\bthe\s+attacks\b[^.;]{0,100}?\b(?:undermine|threaten|violate|endanger)\b"
    # "the prime minister denounced attacking the foreign forces": the act in general, condemned or forbidden
    r"|\b(?:condemn|denounc|reject|critici[sz]|forb[ia]d|prohibit|outlaw|ban)\w*\s+(?:any\s+)?(?:attacking|targeting)\b",
    re.I,
)
# Habits and trends, not one attack: "bases ... intermittently come under rocket attacks", "have targeted US forces".
# The attack counted among those on its site over a window: "the second strike on Camp Taji since January", "the
# third in six months on the base", "the third time in recent weeks that the base has come under attack", "the first
# time the Green Village was hit by rocket fire since January" (the window is what makes it a count of attacks on
# the site, not a rank: "the second drone" alone is one of a volley)
NTH_IN_A_WINDOW = prefilter.compile(
    rf"\b(?:(?P<for>for)\s+(?:the\s+)?|(?:the|its)\s+)(?P<nth>{words(vocabulary.ORDINALS)})\b(?!\s+such\b)[^.;:]{{0,120}}?"
    r"(?:\bsince\b|\bin\s+(?:just\s+|only\s+)?(?:the\s+)?(?:past\s+|last\s+|recent\s+)?"
    rf"(?:(?:few\s+|(?P<n>{numerals(2, 12)}|\d+)\s+)?(?P<unit>days|weeks|months|years)"
    r"|(?:a|one)\s+(?:week|month|year))\b)",
    re.I,
)
# What follows "a series of" when it is one volley, of one attack ("a series of missiles"), not a habit ("a series
# of attacks")
_NOT_A_VOLLEY = r"(?!\s+(?:[\w-]+\s+)?(?:missiles|rockets|drones|explosions|blasts|projectiles))"
# Other attacks like this one, in the plural: "similar strikes in recent weeks", "similar attacks in the past weeks"
_SIMILAR_PLURAL = r"\bsimilar\s+(?:[\w-]+\s+(?:and\s+)?){0,3}?(?:attacks|strikes|incidents|assaults)\b"
HABITUAL = prefilter.compile(
    rf"\b(?:{words(vocabulary.HABIT_WORDS)}|"
    # "mainly Iran-backed groups" describes a group, not a habit
    r"(?:mainly|mostly)(?!\s+(?:Iran\w*|pro-\w+|Shi\w+|Sunni|Kurdish|Arab\w*|Iraqi)\b)|"
    # "a series of attacks", not "a series of missiles" (one barrage)
    rf"spate of|string of|(?:wave|series) of{_NOT_A_VOLLEY}"
    # "dozens of attacks", not "hundreds of the attackers dead" (a toll)
    r"|(?:dozens|scores|hundreds)\s+of\s+(?:[\w-]+\s+){0,3}?(?:attacks|strikes|incidents|operations|times|assaults))\b"
    # "several rocket and drone attacks have been launched on US interests in recent months"
    # ("A number of rocket and mortar attacks have hit bases hosting coalition forces ... in recent months")
    r"|\b(?:have|has)\s+(?:been\s+)?(?:\w+ed|hit|struck|shot|seen|come|undergone)\b[^.;]{0,80}?"
    r"\bin\s+recent\s+(?:weeks|months|years)\b"
    # "Attacks have been recently carried out on US military bases in the Tenef region, ... using drones"
    r"|\b(?:attacks|strikes)\s+(?:have|had)\s+(?:been\s+recently|recently\s+been)\s+(?:\w+ed|carried\s+out)\b"
    # "Other rocket attacks have hit the consulate", "Recently mortars and drones have landed close to the
    # consulate": attacks in the plural, others than the news or lately, uncounted, in the perfect (a count - "Recently,
    # two rockets have hit the base" - is news)
    rf"|^\W*{words(vocabulary.TREND_OPENERS)},?\s+(?:(?!(?:\d+|{numerals(1, 20)})\b)[\w-]+\s+(?:and\s+)?){{0,4}}?"
    rf"{words(vocabulary.PLURAL_ATTACK_NOUNS)}\s+(?:have|has)\b"
    # "Similar attacks in the past weeks were claimed by Iraq-based Resistance groups": the like of the news, in the
    # plural and as the subject, is other attacks (not "blamed militias for the attack, as it has other similar
    # attacks": a tail beside this one)
    rf"|^\W*{_SIMILAR_PLURAL}"
    # "after months of similar strikes on bases that house U.S. troops"
    r"|\b(?:days|weeks|months|years)\s+of\s+(?:[\w-]+\s+)?(?:attacks|strikes|assaults|rocket\s+fire)\b"
    r"|(?<!\bto )\b(?:have|has)\s+(?:\w+ly\s+|also\s+)?(?:targeted|attacked|launched|carried out|struck)\b"
    # "They have initiated both drone and missile strikes against military bases", "Iraqi resistance groups have
    # conducted similar attacks against US positions": attacks in the plural, made in a span left untold
    # ("the militias have primarily engaged in small attacks with rockets and drones")
    r"|\b(?:have|has)\s+(?:\w+ly\s+|also\s+)?(?:initiated|conducted|staged|mounted|waged|engaged\s+in)\s+(?:both\s+)?"
    r"(?:[\w-]+\s+(?:and\s+|or\s+)?){0,3}?(?:attacks|strikes|assaults|operations)\b"
    # "the bases have been sporadically targeted by rockets" (not "has been hit by two rockets": news)
    r"|\b(?:sporadic(?:ally)?|occasional(?:ly)?|periodic(?:ally)?|constantly)\b"
    # "have been attacked by rockets and drones several times before", "targeted multiple times since October 17"
    r"|\b(?:several|multiple|numerous)\s+times\s+(?:before|since|in\s+the\s+past|previously)\b"
    # "the group had previously targeted the Green Zone with gunfire and rockets": earlier attacks, uncounted
    r"|\bhad\s+(?:previously|repeatedly|already|often|frequently)\s+(?:targeted|attacked|fired|launched|struck|shelled)\b"
    # "troops based at the airfield have in the past been targeted by drones and rockets": earlier
    # attacks, uncounted, told as what the place has undergone
    r"|\b(?:have|has)\s+in\s+the\s+past\s+(?:been\s+)?\w+"
    # "drones and rockets have continued to be fired at US outposts": a continuing trend
    r"|\b(?:have|has)\s+continued\b"
    # "the al-Asad and Harir bases have previously faced multiple drone attacks": attacks undergone, uncounted
    r"|\b(?:have|has)\s+(?:\w+ly\s+|also\s+)?(?:faced|suffered|endured|experienced|seen|come\s+under|been\s+subjected\s+to)"
    r"\s+(?:multiple|numerous|several|many|repeated|frequent|dozens\s+of)\s+(?:[\w-]+\s+){0,2}?(?:attacks|strikes)\b"
    # "US troops stationed in Iraq and Syria have previously faced drone and missile attacks": the same, told by the
    # adverb that puts them before the news
    r"|\b(?:have|has)\s+(?:previously|already|repeatedly|often|frequently)\s+(?:faced|suffered|endured|experienced|"
    r"come\s+under|been\s+subjected\s+to)\s+(?:[a-z-]+\s+(?:and\s+|or\s+)?){0,3}?(?:attacks|strikes)\b"
    rf"|\b(?:have|has)\s+{words(vocabulary.TREND_VERBS)}\b"
    # "has recently seen a spike of attacks", "after an escalation in their attacks": a trend named by its noun
    rf"|\b(?:a|an)\s+(?:[\w-]+\s+)?{words(vocabulary.TREND_NOUNS)}\s+(?:of|in)\s+(?:[\w-]+\s+){{0,2}}?(?:attacks|strikes)\b"
    # "militias have used rockets and drones in 150 attacks", "most of these attacks use rockets" (not one attack on
    # a site told in the perfect: "have used unmanned aerial vehicles (UAVs) to attack the US base in Shaddadi")
    r"|\b(?:have|has)\s+(?:also\s+)?used\b(?!\s+(?:[\w()-]+\s+){1,6}?to\s+(?:attack|target|strike|hit)\s+the\s+)"
    r"|\b(?:most|many|some|all)\s+of\s+(?:these|the|those|its|their)\s+(?:\w+\s+)?attacks\b"
    # "most of the drones and rockets launched at US bases fell short": a share of the projectiles of
    # bases in the plural, uncounted (not "the bases" of one volley)
    rf"|\b(?:most|many|majority)\s+of\s+(?:these|the|those)\s+(?:[\w-]+\s+(?:and\s+|or\s+)?){{0,3}}?"
    rf"(?:fired|launched)\s+(?:at|against|on|toward|towards)\s+(?:{words(vocabulary.COALITION)}\s+)?bases\b"
    # "59 US personnel have received injuries ... since the attacks began": a running total from the campaign's start
    r"|\bsince\s+(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?(?:attacks|strikes|assaults)\s+(?:began|begun|started)\b"
    # "at least 66 US troops have been injured in the attacks so far": a running total
    r"|\b(?:in|from|during)\s+(?:the|these|those)\s+(?:\w+\s+)?attacks\b[^.;]{0,30}?\b(?:so\s+far|to\s+date)\b"
    # "the vast majority of the attacks have been carried out using drones"
    r"|\bmajority\s+of\s+(?:these|the|those|its|their)\s+(?:\w+\s+)?attacks\b|\b(?:have|has)\s+been\s+carried\s+out\b"
    # "Iran-backed groups have been carrying out attacks with armed drones": a campaign under way
    r"|\b(?:have|has)\s+been\s+(?:carrying\s+out|launching|conducting|staging|mounting)\s+(?:[\w-]+\s+){0,2}?attacks\b",
    re.I,
)
# Attacks as a practice or a trend, in their own pattern (its words - "attacks", "groups" - are in most attack
# sentences: kept out of HABITUAL, whose gate would then open on them all)
PRACTICE = prefilter.compile(
    # "factions, including those who have been targeting U.S. forces": a practice, not one attack
    r"\b(?:have|has|had)\s+been\s+(?:targeting|attacking|launching|firing|striking|carrying\s+out)\b"
    # "Attacks against U.S. forces ... intensified after the war erupted", "ongoing threats and attacks": the
    # attacks in the plural, as a trend or as what goes on
    rf"|\battacks\b[^;]{{0,90}}?\b{words(vocabulary.TREND_VERBS)}\b"
    # ... and the verb of the trend before the group's attacks: "The Shiite armed factions escalated their attacks on
    # military bases of the coalition after the events of October 7th", "Armed Shia factions intensified their attacks"
    rf"|\b{words(vocabulary.TREND_VERBS)}\s+(?:their|its)\s+(?:[\w-]+\s+){{0,2}}?(?:attacks|strikes|operations)\b"
    # "similar drone strikes over the past few days against U.S. bases": several, over a period
    r"|\b(?:attacks|strikes)\b[^.;]{0,60}?\bover\s+the\s+(?:past|last)\s+(?:few\s+|several\s+)?(?:days|weeks|months)\b"
    r"|\bongoing\s+(?:[\w-]+\s+(?:and\s+)?){0,3}?attacks\b"
    # the attacks in the plural going on in the present: "Meanwhile, rocket attacks continue against bases housing US
    # forces", "as these attacks continue" (not "the attack continued for an hour": one attack's course)
    r"|\b(?:attacks|strikes|assaults)\s+(?:[\w-]+\s+){0,2}?continue\b"
    # "the Islamic Resistance in Iraq continues to target US bases in the region": a practice that goes on
    r"|\bcontinu(?:es|e|ing)\s+to\s+(?:target|attack|strike|launch|fire)\w*\b"
    # "Recent incidents have seen attacks utilizing kamikaze drones on US bases": attacks uncounted, as a trend
    r"|\b(?:have|has)\s+(?:\w+ly\s+)?seen\s+attacks\b"
    # "The groups targeting U.S. forces have a direct connection to Iran": groups described by what they do
    rf"|\b{words(vocabulary.ARMED_GROUPS)}\s+(?:(?:that|which|who)\s+(?:are|have\s+been)\s+)?"
    rf"{words(vocabulary.PRACTICE_PARTICIPLES)}\b"
    # a campaign begun, its targets in the plural: "Iranian-aligned groups began attacking US military bases in Iraq
    # and Syria shortly after the Gaza war erupted" (not "began firing rockets at the base": one volley)
    rf"|\b{words(vocabulary.CAMPAIGN_STARTS)}\s+(?:to\s+)?(?:attack|target|strik|launch|fir|shell)\w*\s+"
    rf"(?:[\w.-]+\s+){{0,3}}?{words(vocabulary.CAMPAIGN_TARGETS)}\b",
    re.I,
)
# "at least 10 rockets have targeted a base": a counted volley in the present perfect is news, not a habit.
COUNTED_PERFECT = prefilter.compile(
    # "an armed unmanned aerial vehicle has struck a base": one projectile, the news in the perfect
    rf"\b(?:\d+|{numerals(1, 10)}|a dozen|dozens of|an?)\s+(?:[\w-]+\s+){{0,2}}?"
    # ("two mortar rounds have struck the Balad air base")
    rf"(?:{_PROJECTILE}|rounds?|unmanned\s+aerial\s+vehicles?)\s+(?:have|has)\s+(?:\w+ly\s+)?",
    re.I,
)
# "attacks by Iran-backed militias against U.S. forces, which have killed ...": attacks in general (withdrawal and
# policy pieces), when the sentence names no site and no day.
# "attacks on OIR coalition forces", "the attacks carried out by armed factions on bases hosting the coalition",
# "Drone Attacks Targeting US Forces": the plural noun aimed at the coalition in general (a count before it -
# "three drone attacks on US forces" - tells attacks one could list, see ``events._attacks_in_general``).
# Attacking as an ongoing practice: "the militias are targeting U.S. forces rather than Israel", "By targeting U.S.
# forces, the militias seek ...", "Militia attacks have injured U.S. personnel"
ATTACKING_AS_A_PRACTICE = prefilter.compile(
    r"\b(?:are|is)\s+(?:\w+ly\s+|also\s+)?(?:targeting|attacking|striking|shelling)\b"
    r"|^\W*by\s+(?:targeting|attacking|striking)\b"
    r"|\battacks\s+have\s+(?:\w+ly\s+|also\s+)?(?:injured|killed|wounded|targeted|hit)\b"
    # what they have amounted to: "The attacks have included a mix of one-way drones and rockets, resulting in the
    # death of an American contractor and 24 injured troops", "the attacks have left dozens of troops hurt"
    r"|\battacks\s+have\s+(?:\w+ly\s+|also\s+)?(?:included|involved|left|caused|resulted\s+in)\b",
    re.I,
)
ATTACKS_IN_GENERAL = prefilter.compile(
    r"\b(?:attacks|operations)\s+(?:(?:carried\s+out|launched|conducted|waged)\s+)?(?:by|from|on|against|targeting)\s+[^.;]{0,80}?"
    r"\b(?:U\.\s?S\.|US|American|coalition|US-led|U\.S\.-led|foreign|international)"
    r"|\b(?:rising|escalating|growing|repeated|recent|continued|frequent)\s+(?:[\w-]+\s+)?attacks\b"
    # "two others sustained minor injuries as a result of the attacks": a toll summed over attacks
    r"|\b(?:as\s+a\s+result\s+of|from|in|during)\s+(?:the|these|those)\s+attacks\b",
    re.I,
)
# "there were more attacks on US forces in Iraq and Syria on Monday": an uncounted plural names no attack one
# could code, even with a day
UNCOUNTED_ATTACKS = prefilter.compile(
    r"\b(?:more|further|additional|other|new|fresh|several|multiple)\s+(?:[\w-]+\s+)?attacks\s+(?:on|against|targeting)\b",
    re.I,
)
# "as well as a rocket attack on a military compound in Bashiqa earlier in the day", "Before the incident, two
# rockets landed on an army base": another attack on a target introduced as new (an indefinite noun phrase)
ANOTHER_TARGET = prefilter.compile(
    r"\b(?:as\s+well\s+as|also|another|separately|in\s+a\s+separate|earlier|before\s+the\s+(?:incident|attack)|meanwhile)\b"
    r"[^.;]*?\b(?:on|at|against|targeting|targeted|hit|struck)\s+(?:an?|another)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:base|compound|camp|position|checkpoint|outpost|headquarters|barracks)\b"
    # the new target as the subject of a passive: "a camp in which the Turkish army was present was also struck with
    # rockets"
    r"|\b(?:an?|another)\s+(?:[\w-]+\s+){0,3}?(?:base|compound|camp|position|checkpoint|outpost|headquarters|barracks)"
    r"\b[^.;]{0,60}?\b(?:was|were|had\s+been|has\s+been)\s+also\s+(?:struck|hit|targeted|attacked|shelled)\b",
    re.I,
)
# "A drone carrying explosives hit facilities at the Hor Mor gas field", "A drone attack prompted the suspension of
# operations at the Khor Mor gas field": an attack on civilian works named by their own name (read where the sentence
# names no coalition site - the al-Omar oil field and the Conoco gas field are sites)
CIVIL_TARGET = prefilter.compile(
    r"\b(?:hit|struck|targeted|attacked|attack|strike|bombed|shelled)\b[^.;]{0,60}?\b(?:at|on|in|against|targeted|hit)"
    rf"\s+the\s+(?-i:(?:[A-Z][\w'\u2019-]*\s+){{1,3}})(?:{words(vocabulary.CIVIL_WORKS)})\b",
    re.I,
)
# A strike or blast on a civilian building: "a strike on a Gaza hospital killed hundreds", "Israel blamed the blast at
# Al-Ahli al-Arabi hospital on a failed rocket launch", "The explosion at the Gaza hospital killed at least eleven",
# and told with its verb: "a missile strike had hit a village school, killing dozens"
CIVILIAN_BUILDING_HIT = prefilter.compile(
    r"\b(?:strike|airstrike|air\s+strike|blast|explosion|bombing|attack|shelling)\s+"
    r"(?:on|at|(?:(?:had|has|have)\s+)?(?:hit|struck|destroyed))\s+(?:an?\s+|the\s+)?"
    rf"(?:[\w'\u2019-]+\s+){{0,3}}?{words(vocabulary.CIVILIAN_BUILDINGS)}\b",
    re.I,
)
# A phrase that gives an event as another's cause or occasion: "following a US airstrike", "in retaliation for"
# The motive an attack is told with, after it: "to retaliate for", "in revenge for", "in response to", "to avenge"
MOTIVE = prefilter.compile(
    r"\b(?:to\s+(?:retaliate|avenge)|in\s+(?:retaliation|response|revenge|reprisal)\s+(?:for|to))\b", re.I
)
CAUSE_PHRASE = prefilter.compile(
    # "in retaliation for", and "in what it said was retaliation for American strikes"
    r"\b(?:following|after|since|(?:in\s+)?(?:response|retaliation|revenge)\s+(?:to|for)|in\s+retaliation|to\s+avenge|amid)\b"
    r"(?![^.;]{0,60}\b(?:following|after)\b)",
    re.I,
)
# A tail clause that situates the attack told before it: "..., the latest of a series of strikes this week",
# "... - the 26th attack since October", "..., in the first significant attack since", "..., amid rising attacks on
# US forces". A trend, tally or threat cue inside it is the tail's, not the main clause's (the tail runs to the end
# of the sentence).
SITUATING_TAIL = prefilter.compile(
    # (", which is the latest in a series of assaults": the same tail told as a relative clause)
    r"(?:,|\s[\u2014\u2013-]{1,2}\s?|;)[\u201d\"']?\s*(?:(?:(?:which|that)\s+(?:is|was|marks|marked|becomes|became)\s+)?"
    r"(?:in\s+)?the\s+(?:latest|last|most\s+recent|newest|first|second|third|fourth|fifth)\b"
    r"|(?:the\s+)?\d+(?:st|nd|rd|th)\s+(?:such\s+)?(?:attack|strike|incident)"
    r"|amid\b|as\s+part\s+of\b|part\s+of\b|in\s+what\b|marking\b|adding\s+to\b|continuing\b|despite\b"
    # "..., saying it would launch further attacks": the group's threat, told in a clause of its own
    r"|(?:saying|warning|vowing|threatening|pledging)\b).*$"
    # "... on October 23 as similar attacks across Iraq and Syria have increased": a trend in a clause of its own
    r"|\s(?:as\s+(?:similar|other|such|more|further|recent|rising|growing)\s+(?:[\w-]+\s+){0,2}?(?:attacks|strikes))\b.*$",
    re.I | re.S,
)
HYPOTHETICAL = prefilter.compile(
    # "thwarted two drones before they could strike the base": the attack happened, the hit did not
    r"\b(?:threat(?:en(?:ed|s|ing)?)?|vow(?:ed|s)?|warn(?:ed|s)?|would|(?<!before they )(?<!before it )could|might|call(?:ed|s)? for|demand(?:ed|s)?|"  # noqa: E501
    r"urg(?:ed|es)|plan(?:ned|s|ning)? to|intend(?:ed|s|ing)? to|risk of|fears? of|prepar(?:ing|ed|es?) to|about to|"
    # "we reserve the right to target American interests": a right kept for later, not used
    r"reserv(?:e|es|ed|ing)\s+the\s+right\s+to|"
    # "three drones attempting to strike the base" were launched: the projectile's aim is no hypothesis
    + _NOT_AFTER_A_PROJECTILE
    + _NOT_WHAT_WAS_DOWNED
    # ("threatening to continue to conduct rocket attacks against US interests": a chain of infinitives)
    + r"(?:attempt(?:ing|ed)?|tr(?:ying|ied)) to)\s+(?:\w+\s+){0,5}?"
    r"(?:attack|target|strike|hit|fire|launch)\w*\b"
    # a precaution against attacks that may come: "activated C-RAM to confront any possible rocket attacks"
    # ("deployed in anticipation of a probable attack by drones")
    r"|\b(?:any\s+)?(?:possible|potential|probable|likely|expected|anticipated)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?)\b"
    # the same as a noun: an alert "warning of the increased potential for violence or attacks against U.S. sites"
    r"|\b(?:potential|possibility|likelihood|prospect)\s+(?:for|of)\s+(?:[\w-]+\s+){0,5}?(?:attacks?|strikes?)\b",
    re.I,
)
# The speaker's own side as what was hit: "The attack on our forces in Al-Qa'im", "the strikes against our positions"
OUR_SIDE_HIT = prefilter.compile(
    r"\b(?:on|against|at|targeting|targeted|struck|hit|bombed|bombing\s+of)\s+our\s+(?:[\w-]+\s+)?"
    rf"{words(vocabulary.OWN_SIDE_NOUNS)}\b",
    re.I,
)
# A drone on a watching flight, not an attack: "while the drone was conducting a reconnaissance tour over the military
# base", "on a surveillance mission over the base" (an "unmanned aerial surveillance system" that "landed on a hangar"
# is told by what it did, not by a mission)
RECONNAISSANCE = prefilter.compile(
    r"\b(?:conduct\w*|carr(?:y|ied|ying)\s+out|on|during|fl(?:y|ying|ew|own))\s+(?:an?\s+|its\s+|their\s+)?"
    r"(?:reconnaissance|surveillance|spying|intelligence-gathering)\s+(?:tour|flight|mission|sortie|patrol)s?\b",
    re.I,
)
# Projectiles told as a state's drill or test: "splashed down in waters near the bases as part of Iran's military
# exercises", "firing a missile during a military exercise", "due to IRGC's drill and missile tests", "test-fired"
DRILL = prefilter.compile(
    r"\b(?:as\s+part\s+of|during|in\s+the\s+course\s+of|due\s+to)\s+(?:an?\s+|the\s+|its\s+|their\s+|"
    r"[\w-]+['\u2019]s\s+)?(?:[\w-]+\s+){0,2}?"
    rf"{words(vocabulary.DRILL_NOUNS)}\b"
    r"|\btest[- ]?fir(?:ed|es|ing)\b",
    re.I,
)
# A drill as what was launched: "Iran's Revolutionary Guards on Tuesday launched a military drill close to Al Dhafra"
DRILL_LAUNCHED = prefilter.compile(
    r"\b(?:launched|began|started|held|conducted|staged|carried\s+out)\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?{words(vocabulary.DRILL_NOUNS)}\b",
    re.I,
)
DRILLING_STATE = prefilter.compile(rf"\b{words(vocabulary.DRILLING_STATES)}(?!\w)", re.I)
# An earlier attack mentioned inside a sentence about a newer one: "... after two rockets on Sunday targeted X".
AFTER_CLAUSE = prefilter.compile(
    r"\b(?:after|following|since)\b(?!\s+(?:midnight|dawn|noon|sunset|sunrise|\d|the attack\b))", re.I
)
# "Tuesday's strikes came hours after militants fired two drones": the same day's, news with what came after it
CAME_HOURS_AFTER = prefilter.compile(
    r"\b(?:came|come|comes|coming)\s+(?:just\s+|only\s+|a\s+few\s+)?(?:hours|minutes)\s+after$", re.I
)
# "The development comes a day after ...", "That announcement came two days after ...": what follows is an earlier
# event, the one the sentence's subject is measured from
CAME_DAYS_AFTER = prefilter.compile(
    rf"\b(?:came|come|comes|coming)\s+(?:just\s+|only\s+)?(?:a|{numerals(1, 12)}|several|a\s+few|\d+)\s+"
    r"(?:days?|weeks?|months?)\s+after\b",
    re.I,
)
# "after Reuters had reported that ...", "after officials said ...": what follows is a report.
REPORTED_AFTER = prefilter.compile(
    rf"\s+(?:[\w.'\u2019-]+\s+){{1,4}}?(?:had\s+|has\s+)?{words(vocabulary.REPORTING_VERBS)}\b", re.I
)
# "had been hit" tells an earlier event - unless it is reported speech: "officials confirmed that troops had been
# killed" is the news itself, in the past perfect only because of the reporting verb.
PLUPERFECT = prefilter.compile(r"\bhad been\b", re.I)
# ... and "had already": "By late on May 2nd, the group had already put out a statement taking credit
# for a drone strike on ... a base in Jordan" - told as done before the news, whatever the verb
PLUPERFECT_ALREADY = prefilter.compile(r"\bhad\s+already\b", re.I)
# A sentence set before the news by its opening, its attack in the past perfect even in reported speech: "Earlier,
# Iraqi media reported that several drones had targeted a US base in Erbil" (not "Earlier, a missile struck a
# military base near the Al-Omar oil field": the same night's news)
EARLIER_IN_THE_PAST_PERFECT = prefilter.compile(
    r"^\W*(?:earlier|previously|before\s+that|prior\s+to\s+that),\s[^.;]*?\bhad\s+(?:\w+ly\s+)?(?:been\s+)?"
    r"(?:targeted|attacked|struck|hit|shelled|bombed|fired|launched)\b",
    re.I,
)
# Someone saying or announcing something: "officials said", "the group announced".
REPORTED = prefilter.compile(rf"\b{words(vocabulary.REPORTING_VERBS)}\b", re.I)
REPORTED_THAT = prefilter.compile(rf"\b{words(vocabulary.REPORTING_VERBS)}\b[^.;]{{0,60}}?\bthat\b", re.I)
# What may precede a sentence-initial "after": "After", "Shortly after", "Two days after".
LEADING_ADVERB = prefilter.compile(r"\s*(?:[\w-]+\s+){0,2}?", re.I)
# An attack added to the news told before it: "Also on Wednesday overnight, two drones attacked the base",
# "Separately, rockets struck an Iraqi base on Saturday"
# An attack told in the simple past after "also" (not the perfect: "has also been targeted")
_ATTACK_VERB = rf"{words(vocabulary.ATTACK_WORDS)}\b"
# "Also on Wednesday", "Rockets were also fired at the Rumalyn base on Thursday", "drones also attacked" - not "also"
# in any place: "Other sites ... are also prone to strikes, with four rockets landing inside Besmaya on Friday" and
# the perfect's "Erbil airport has also been targeted. Just two days ago a drone attacked the airport" recall attacks
NEWS_ADDED = prefilter.compile(
    r"(?:^\W*also\b|\balso\s+(?:on|late|early|overnight|that|this)\b"
    rf"|\b(?:was|were)\s+also\s+{_ATTACK_VERB}|\b(?<!has\s)(?<!have\s)also\s+{_ATTACK_VERB}"
    # a source adding it: "The official also said rockets were fired at American forces in Syria on Thursday"
    rf"|\balso\s+{words(vocabulary.REPORTING_VERBS)}\b"
    r"|\b(?:separately|meanwhile|in a separate)\b)",
    re.I,
)
BACKGROUND = prefilter.compile(
    # not "previously" (a base that previously hosted troops) nor "an earlier attack" (often the same day's)
    r"\b(?:had come under|was last|were last|last (?:hit|attacked|targeted)|the previous (?:attack|week|day)|"
    r"earlier (?:attacks|strikes|incidents)|in a previous|at the time|the first time since"
    # "in the wake of two previous assaults ... targeting the American military base Harir"
    # "previous rocket and drone attacks targeted U.S. bases at the Omar oil field": modifiers may be coordinated
    r"|previous\s+(?:[\w-]+\s+(?:and\s+|or\s+)?){0,3}?(?:attacks|assaults|strikes)"
    # "pledged to pursue those responsible for recent attacks on three military bases ..., including Ain al-Asad":
    # attacks of the weeks before the news, told in the plural
    r"|\brecent\s+(?:[\w-]+\s+(?:and\s+|or\s+)?){0,2}?(?:attacks|assaults|strikes)\s+(?:on|against|targeting)\b)\b",
    re.I,
)
# An attack named by what it did, as a reference point: "respond to the drone strike that killed three troops",
# "since the attack which wounded two Americans". The relative clause runs to its end.
REFERENCE_CLAUSE = prefilter.compile(
    r"\bthe\s+(?:[\w'\u2019-]+\s+){0,3}?(?:attacks?|strikes?|bombings?|assaults?)\s+(?:that|which)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|hit|targeted|struck|left)\b[^,;:\u2014]*",
    re.I,
)
# A day a group speaks of: "said Sunday it carried out", "has endorsed Tuesday's attack" (case-insensitive patterns)
_WEEKDAY_WORD = words([*WEEKDAYS, "today", "yesterday"])
# ... and the day set off after it as an aside: "announced today, Thursday, that"
_DAY_ASIDE = rf"(?:\s*,\s*{_WEEKDAY_WORD}\s*,)?"
# The day a statement was made, between its verb and what it says: "declared on Friday that", "announced today,
# Thursday, that"
_STATEMENT_DAY = rf"(?:(?:on\s+)?{_WEEKDAY_WORD}{_DAY_ASIDE}\s+)?"
# (or the weapons it used to do it: "said its fighters used drones to hit the base")
_OWN_DEED = (
    rf"(?:{words(vocabulary.OWN_ATTACK_VERBS)}"
    rf"|used\s+[^.;,]{{1,40}}?\s+to\s+{words(vocabulary.OWN_ATTACK_INFINITIVES)})"
)
CLAIM = prefilter.compile(
    # "claimed responsibility / the attack / attacks on ... / to have attacked"; not "claimed two had breached"
    # (not "claimed that the strikes were retaliation": an assertion)
    r"\bclaim(?:ed|s|ing)?\s+(?:the\s+)?(?!that\b)(?:responsibility|credit|(?:[\w'\u2019-]+\s+){0,3}?(?:attacks?|strikes?|operations?|bombings?|incidents?)\b"
    r"|to\s+have\s+(?:\w+\s+)?(?:attacked|targeted|struck|hit|launched|carried out|conducted|fired|shelled|bombed))|\btook responsibility|\b(?:assumed|announced) responsibility|(?<!should )(?<!must )(?<!would )(?<!will )\bbears? responsibility"  # noqa: E501
    # (not for a killing or a war: "Iran has said the U.S. bears responsibility in the assassination of Haniyeh")
    rf"(?!\s+(?:in|for)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{words(vocabulary.KILLING_NOUNS)}|massacres?|war|crimes?|aggression)\b)"
    r"|\bresponsibility for\b|\b(?:took|takes|taking|claimed) credit\b"
    # Arabic: "announced (announces) its responsibility for" - "تعلن مسؤوليتها عن", "أعلنت مسؤوليتها عن"
    rf"|(?:{'|'.join(vocabulary.ARABIC_ANNOUNCING)})\s+(?:\S+\s+){{0,2}}?مسؤولي\w*"
    # the passive: "this particular raid claimed by the militia Kataib Hezbollah", "was claimed by"
    r"|\b(?:attacks?|strikes?|raids?|operations?|bombings?|it|which|was|were)[\s,]+(?:\w+\s+)?claimed\s+by\b"
    # "said it targeted", "issued a statement announcing that resistance fighters attacked"
    # "said Sunday it carried out", "said in a statement that its “mujahideen” conducted an operation"
    rf"|\b{words(vocabulary.STATEMENT_VERBS)}(?: (?:in|on) [\w\s-]{{1,30}}?| (?:on )?"
    rf"{_WEEKDAY_WORD}(?: night| morning| evening)?{_DAY_ASIDE})?(?: that)? "
    rf"(?:it|they|(?:its|their|the) [\"“]?(?:resistance |own |{words(vocabulary.GROUP_ARMS)} )?"
    rf"{words(vocabulary.GROUP_FIGHTERS)}[\"”]?"
    r"|resistance fighters) (?:had |has |have )?"
    rf"{_OWN_DEED}"
    # a time or a channel of any wording before "that": "announced early Sunday that it had launched an attack",
    # "said late on Monday via Telegram that its fighters targeted"
    rf"|\b{words(vocabulary.STATEMENT_VERBS)}\s+[^.;,\"\u201c\u201d]{{1,40}}?\s+that\s+"
    rf"(?:it|they|(?:its|their) [\"\u201c]?(?:resistance |own |{words(vocabulary.GROUP_ARMS)} )?"
    rf"{words(vocabulary.GROUP_FIGHTERS)}[\"\u201d]?)\s+"
    rf"(?:had\s+|has\s+)?{_OWN_DEED}"
    # the group's spokesman on the group: "A Houthi military spokesperson said the group had fired missiles at ..."
    # ("said on Monday that the Iran-aligned group fired": a day and the group's description may come between)
    r"|\b(?:spokes(?:man|person|woman)|statement)\b[^.;]{0,60}?\b(?:said|stated|announced)\s+"
    rf"(?:on\s+)?(?:{_WEEKDAY_WORD}\s+)?(?:that\s+)?the\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{words(vocabulary.GROUP_NOUNS)}\s+(?:had\s+)?{_OWN_DEED}\b"
    # "announced in a statement attacking two US bases": the group's announcement of its own attack
    r"|\bannounc(?:ed|ing)\s+(?:in\s+a\s+statement\s+)?(?:attacking|targeting|striking|bombing)\b"
    # "declared new strikes on American occupation forces", "have announced a strike deep in Emirati territory"
    # ("The group announced the attacks on January 28": the attacks told, owned)
    r"|\b(?:announc|declar)(?:ed|es|ing)\s+(?:(?:an?|two|three|new|fresh|its|their|the|these|those)\s+){0,2}"
    r"(?:strikes?|attacks?|operations?)\b(?!\s+(?:would|will|against\s+(?:militia|Kataib|Iran)))"
    # the group's statement quoted: 'stated, "The Mujahideen of the Islamic Resistance targeted ..."' - the speakers
    # doing it, not a passive whose subject is what was hit ('stated, "We cannot confirm that the truck was hit by
    # U.S. aircraft"': an official speaking of a strike on the launcher)
    # (in any quotation marks, single ones too, and "said in a statement, 'We attacked ...'")
    r"|\b(?:said|stated|announced|declared|added|read)(?:\s+in\s+(?:a|its|their)\s+statement)?[,:]?\s+"
    r"[\"\u201c\u2018'](?:the\s+)?(?:mujahideen|mujahids?|fighters|resistance|we)\b[^.]{0,80}?"
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)"
    r"\b(?:targeted|attacked|struck|hit|launched)"
    # the group's statement quoted with its attribution after it: '"The mujahideen of the Islamic Resistance in Iraq
    # have attacked the US occupation base Tal Baidar with drones ..." reads a statement from the militia'
    rf"|^\W*[\"\u201c\u2018'](?:the\s+)?(?:mujahideen|mujahedeen|mujahids|{words(vocabulary.GROUP_FIGHTERS)})\s+of\s+"
    rf"[^.;\"\u201d]{{1,60}}?\s(?:have\s+|has\s+|had\s+)?{_OWN_DEED}\b"
    # the group's statement telling the group, by its own name, as the doer: "The statement further explained that
    # ..., the Islamic Resistance in Iraq attacked two American occupation bases" (a capitalised name, then its deed)
    r"|\b(?:statement|press\s+release|communiqu[e\u00e9])\s+(?:[\w-]+\s+){0,4}?"
    r"(?:said|says|stated|states|explained|added|read|noted)\s+that[\s,]+[^.;]{0,250}?"
    rf"\b(?-i:[A-Z])[\w'\u2019-]+(?:\s+(?:in|of|the|(?-i:[A-Z])[\w'\u2019-]+)){{0,5}}\s+(?:had\s+|has\s+)?{_OWN_DEED}\b"
    # nominal claims: "declared in a statement the targeting of a US base", "announced the bombing of"
    r"|\b(?:declared|announced|claimed|asserted)\b[^.;]{0,40}?\bthe\s+(?:targeting|bombing|shelling|striking)\s+of\b"
    r"|\basserted\s+responsibility"
    # the attacker's own account of why: "Iran launched missiles at a US base in Qatar, in what it said was
    # retaliation for American strikes"
    # - the noun or its adjective before any noun: "in what it described as a retaliatory measure"
    r"|\bin\s+what\s+(?:it|they)\s+(?:said|says|called|calls|describe[sd]?\s+as|termed)\s+(?:was\s+|were\s+)?"
    r"(?:an?\s+)?(?:[\w-]+\s+)?(?:retaliation|response|revenge|reprisal|retaliatory\s+[\w-]+)\b"
    # ... and its defence of the attack as an answer: "the group justified the strike as retaliation for ..."
    r"|\bjustif(?:ied|ies|y|ying)\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:attacks?|strikes?|operations?)\s+as\s+"
    r"(?:an?\s+)?(?:[\w-]+\s+)?(?:retaliation|response|revenge|reprisal|retaliatory\s+[\w-]+)\b"
    # an endorsement: "the IRI said that the attacks were an act of resistance", "said the strike came in response"
    r"|\b(?:said|stated|announced|declared)\s+(?:that\s+)?(?:the|these|its|their)\s+(?:[\w-]+\s+)?"
    r"(?:attacks?|operations?|strikes?)\s+(?:was|were|came)\s+(?:an?\s+)?"
    r"(?:act|response|retaliation|revenge|in\s+response|in\s+retaliation|in\s+revenge)\b",
    re.I,
)
# "The Islamic Revolutionary Guard Corps confirmed the strikes": the attacker owning its attack - a claim when a
# named group is the one that confirms (not "CENTCOM has not confirmed the attack", nor "confirmed the attack had
# not disrupted air traffic")
OWNED = prefilter.compile(
    # "has endorsed Tuesday's attack": a group's endorsement of the attack is its claim
    r"(?<!not )(?<!n't )\b(?:confirmed|acknowledged|admitted|endorsed)\s+(?:carrying\s+out\s+|launching\s+)?"
    rf"(?:the|its|their|{_WEEKDAY_WORD}['\u2019]s)\s+"
    r"(?:[\w-]+\s+)?(?:strikes?|attacks?|operations?)\b(?!\s+(?:had|has|was|were|did|would|could)\b)"
    # the group speaking of its own act: "the Revolutionary Guards confirmed that they fired the rockets", "Iran's
    # armed forces say they targeted the Al-Udeid base" (a pronoun, the subject, for the group named before)
    # (a day may stand between, set off as an aside: "announced today, Thursday, that they attacked the base")
    r"|(?<!not )(?<!n't )\b(?:confirmed|said|says|say|announced|stated|declared|acknowledged|admitted)\s+"
    rf"{_STATEMENT_DAY}(?:that\s+)?"
    r"(?:they|it)\s+(?:had\s+|have\s+|has\s+)?(?:fired|launched|targeted|attacked|struck|shelled|bombed"
    r"|carried\s+out|conducted)\b"
    # the group telling the site it hit as the one hit: 'The "Islamic Resistance in Iraq" declared on Friday that
    # the Ain al-Assad Air Base ... was targeted with two drones', "the group announced that a US base had been hit"
    r"|(?<!not )(?<!n't )\b(?:said|says|announced|stated|declared)\s+"
    rf"{_STATEMENT_DAY}that\s+[^.;\"\u201c\u201d]{{1,120}}?"
    r"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:targeted|attacked|struck|hit|bombed|shelled)\b",
    re.I,
)
NO_CLAIM = prefilter.compile(
    # ("no group immediately claims attack", "No group has so far assumed responsibility")
    r"\bno (?:immediate |group |one )?(?:claim|responsibility)|\bno(?: [\w-]+){0,3} (?:has |have |had )?(?:yet |so far |immediately )?(?:claimed|claims|taken|took|assumed|assumes)"  # noqa: E501
    r"|\b(?:did not|didn't|has not|hasn't|have not|haven't) (?:yet )?(?:immediately )?claim"
    # ("Despite not claiming responsibility for the attack")
    r"|\bnot (?:\w+ly )?claim(?:ed|ing)"
    r"|\bunclaimed\b|\bwithout (?:a )?claim"
    # "no group has stepped forward to take responsibility", "none has come forward"
    r"|\b(?:no|none)(?: [\w-]+){0,2} (?:has |have |had )?(?:yet |so far )?(?:stepped|come|came) forward"
    # "there have not been immediate claims of responsibility"
    r"|\b(?:has|have|had|was|were)\s+(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?(?:any\s+)?(?:immediate\s+)?claims?\b"
    # "Nobody has claimed responsibility"
    r"|\b(?:nobody|no-one|no one)\s+(?:has\s+|have\s+|had\s+)?(?:yet\s+|so far\s+|immediately\s+)?"
    r"(?:claimed|claims|taken|took|assumed)"
    # "officials have not attributed responsibility for the attack": nobody is named, let alone a claimant
    r"|\b(?:did not|didn't|has not|hasn't|have not|haven't)\s+(?:yet\s+)?(?:publicly\s+)?(?:attributed|assigned)\b",
    re.I,
)
BLAME = prefilter.compile(
    r"\bblam(?:ed|es|ing)\b|\bheld\b[^.]{0,40}\bresponsible\b|\b(?:was|were|is|are) (?:likely |probably )?behind\b"
    r"|\bcarried out by\b|\battributed\b[^.]{0,30}\bto\b|\b(?:was|were) responsible\b"
    # "has attributed the drone attack that killed three US service members in Jordan to the Islamic Resistance in
    # Iraq": the attack named at length between the verb and its "to"
    rf"|\battributed\s+(?:the|this|that|these|those|{_WEEKDAY_WORD}['\u2019]s)\s+[^.;]{{0,100}}?\bto\b"
    # "the attack was planned, resourced and facilitated by the Islamic Resistance in Iraq"
    r"|\b(?:was|were)\s+(?:\w+ly\s+)?(?:planned|orchestrated|directed|facilitated|organi[sz]ed)"
    r"(?:,\s+\w+)*(?:,?\s+and\s+\w+)?\s+by\b",
    re.I,
)
# "The monitor speculated that the attack was carried out by ...": a guess, no attribution
# "... suggest that the attack may have been carried out by Iran-based fighters": a possibility, no attribution
SPECULATION = prefilter.compile(
    r"\bspeculat\w*|\bguess\w*|\bunconfirmed\b|\b(?:may|might|could)(?:\s+well)?\s+have\s+been\b", re.I
)
# "The resistance fighters also targeted a base at the Conoco field", "they also attacked Tanf": the actor of the
# attack told before acts again, so its claim carries to this attack
SAME_ACTOR_AGAIN = prefilter.compile(
    r"\b(?:they|the\s+(?:group|faction|militia|militants|fighters|mujahideen|resistance(?:\s+fighters)?)"
    r"|its\s+(?:fighters|members))\s+(?:had\s+|have\s+)?also\s+"
    r"(?:targeted|attacked|struck|hit|launched|fired|shelled|bombed)\b"
    # "... six drone attacks, three of which targeted Ain al-Asad. The other three strikes targeted ...": the rest
    # of the set the claim told
    r"|^\W*the\s+(?:other|remaining)\s+(?:\w+\s+)?(?:attacks|strikes|operations)\b"
    # "... claimed responsibility for drone strikes on bases in al-Tanf and al-Shaddadi. The strikes targeted the
    # al-Harir Air Base": the claimed strikes, named again as the subject, hit one more site
    r"|^\W*the\s+(?:drone\s+|rocket\s+|missile\s+)?(?:attacks|strikes|operations)\s+(?:also\s+)?"
    r"(?:targeted|hit|struck)\b",
    re.I,
)
GENERIC_CLAIM = prefilter.compile(
    r"\b(?:most|many|dozens|scores|hundreds|some|all|several|a number) of (?:the |its |their )?(?:\w+ )?"
    rf"(?:attacks|strikes|operations)\b|\b(?:multiple|several)\s+(?:[\w-]+\s+)?(?:attacks|strikes|operations)\b{_DAY_FOLLOWS}"
    rf"|{_MANY_ATTACKS}"
    # ("the state launched a series of rockets at the base" is one attack's actor, not a campaign's)
    rf"|\bseries of\b{_NOT_A_VOLLEY}"
    r"|\bin recent (?:days|weeks|months)\b|\bregularly\b|\bfrequently\b|\btypically\b|\bgenerally\b"
    r"|\brepeatedly\b|\busually\b|\boften\b|\b\d+ (?:attacks|operations)\b"
    # "Iran-backed groups in Iraq and Syria have claimed responsibility for the attacks": unnamed groups owning
    # a campaign, not a group claiming this attack
    rf"|\b{words(vocabulary.ARMED_GROUPS)}\b[^.;,]{{0,40}}?\b(?:have|had)\s+(?:\w+\s+)?claimed\b"
    # "Similar attacks in the past weeks were claimed by Iraq-based Resistance groups": others like it were claimed
    rf"|{_SIMILAR_PLURAL}"
    # "claiming responsibility for at least five operations since the strikes": a campaign counted from a day
    rf"|\b(?:{numerals(2, 12)}|\d+)\s+(?:[\w-]+\s+)?(?:attacks|operations|strikes)\s+since\b",
    re.I,
)
# A state or its forces as the speaker: "US Central Command announced that its forces conducted an airstrike"
# (case-sensitive: "US", not "us")
STATE_SPEAKER = prefilter.compile(rf"\b{_ACTOR}\b[^.;,]{{0,40}}$")
# "Col. X, CENTCOM spokesman, claimed attacks ... undermine stability": an official's "claimed" means "said".
OFFICIAL_CLAIMED = prefilter.compile(
    r"\b(?:spokes(?:man|woman|person)|officials?|Col\.|Colonel|Gen\.|General|Pentagon|CENTCOM|ministry|minister)\b"
    r"[^.;]{0,40}?\bclaim(?:ed|s)\b(?!\s+(?:responsibility|credit))",
    re.I,
)
# Words that place something beside a site rather than at it: "near", "outside of", "next to"
BESIDE = r"(?:near|close\s+to|next\s+to|outside(?:\s+of)?|(?:not\s+far\s+|away\s+)from|beyond)"
# "a similar rocket fusillade", "a similar attack on the base": an earlier attack, told for comparison
SIMILAR_ATTACK = prefilter.compile(
    r"\b(?:a|another)\s+similar\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|barrage|fusillade|assault|incident)\b", re.I
)
# Other attacks like this one, in the plural: "similar strikes in recent weeks have been attributed to ..."
SIMILAR_ATTACKS = prefilter.compile(_SIMILAR_PLURAL, re.I)
# A statement about each of the attacks just told together: "In both cases, ...", "Neither attack caused ..."
EACH_OF_THEM = prefilter.compile(
    r"^\W*(?:in\s+(?:both|each\s+of\s+the|all|either)\s+(?:cases?|attacks?|instances?|incidents?)|in\s+each\s+case"
    r"|both\s+(?:attacks|strikes|drones|incidents)|neither\s+(?:attack|strike|drone|incident)|each\s+(?:attack|strike))\b",
    re.I,
)
# The coalition's answer told after the attack it answers: "In response to the attack, US troops shelled the launch
# area with artillery" - what the answer fires is its own, not the attack's (the end of the match is where the
# answer's clause begins)
COALITION_ANSWER = prefilter.compile(
    r"^\W*(?:in\s+(?:response|retaliation|reply)\s+to|responding\s+to)\s+[^,;]{1,80}?,\s+(?:the\s+)?"
    rf"(?-i:{words([w for w in vocabulary.COALITION if w != 'foreign'])})(?=[\s,])",
    re.I,
)
# The attacks told so far named together inside a sentence: "no injuries were reported from either
# incident", "no claim of responsibility for either attack", "There were no casualties or infrastructure damage
# reported in any of the attacks", "in all four attacks" - what it says, it says of each
EITHER_OF_THEM = prefilter.compile(
    r"\b(?:from|in|of|for|after)\s+(?:either|both|neither|each|any|all)\s+(?:of\s+(?:the|these|those)\s+)?"
    rf"(?:(?:{numerals(2, 12)}|\d+)\s+)?(?:incidents?|attacks?|strikes?|assaults?|cases?)\b",
    re.I,
)
# A plural that points back at the sites just counted: "their bases", "the bases", "both outposts" - what the
# sentence tells, it tells of each ("Three US bases came under attack. Missiles aimed at their bases were
# intercepted")
THEIR_BASES = prefilter.compile(
    r"\b(?:their|the|these|those|both)\s+(?:[\w-]+\s+)?(?:bases|sites|outposts|positions|garrisons|installations)\b",
    re.I,
)
# "less than a week later, a barrage of about 10 rockets was fired": another day than the one just told
DAYS_LATER = prefilter.compile(
    rf"\b(?:a|{numerals(1, 12)}|several|a\s+few|less\s+than\s+a|more\s+than\s+a|about\s+a|"
    r"nearly\s+a|just\s+over\s+a)\s+(?:days?|weeks?|months?)\s+later\b",
    re.I,
)
# A line that introduces a link to another story: what follows it is that story's title, not this one's news.
_LINK_WORDS = (
    r"(?:read\s+more|related(?:\s+(?:stories|articles|news|coverage))?|see\s+also|also\s+read|more\s+on\s+this"
    r"|recommended|you\s+may\s+also\s+like"
    # a site's list of its other stories: "Latest News" above a ticker of headlines run together
    r"|latest\s+news|top\s+stories|most\s+read|trending\s+now|featured\s+stories|more\s+stories)"
)
LINK_MARKER = prefilter.compile(rf"^\W*{_LINK_WORDS}\W*$", re.I)
# The marker and the other story's title on one line: "Read More: Erbil International Airport targeted in drone attack"
LINKED_TITLE = prefilter.compile(rf"^\W*{_LINK_WORDS}\s*[:|\u2013\u2014-]\s*\S", re.I)
# A line that ends as a sentence does ("... the officials said."), not as a title: it closes a list of linked titles
ENDS_A_SENTENCE = prefilter.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")
# A photo's credit: the caption it ends (or the line before it) tells when and where the photo was taken
PHOTO_CREDIT = prefilter.compile(rf"{words(vocabulary.PHOTO_CREDITS)}", re.I)
# A picture described with its year: "The remains of a drone that was shot down are seen at Ain al-Asad air base ...
# January 4, 2022.", "The damaged al-Tanf base is seen a day after ..., on October 20, 2021.", "People are seen
# inside Erbil International Airport on September 27, 2017": a photo's caption, whatever its credit
PICTURE_SEEN = prefilter.compile(r"\b(?:is|are)\s+(?:seen|pictured)\b(?=[^.]*?\b(?:19|20)\d\d\b)", re.I)
# Attacks in the plural; "Operations" capitalised is a name's ("Al-Aqsa Flood Operations Room"), not a plural
# An item of a tally's breakdown: "• Seven attacks on Al-Tanf garrison.", "- One attack on Qasrak base."
TALLY_ITEM = prefilter.compile(
    rf"^\W*(?:{numerals(1, 50)}|\d+)\s+(?:more\s+|other\s+)?(?:attacks?|strikes?|assaults?)"
    r"\s+(?:on|against|targeting|at)\b",
    re.I,
)
PLURAL_ATTACKS = prefilter.compile(r"\b(?:attacks|(?-i:operations)|both|strikes)\b", re.I)
# A line that introduces the list of attacks the article gives: "Here is a timeline of major attacks since then:",
# "Here is a summary of the attacks:"
LIST_HEADING = prefilter.compile(
    rf"^\W*(?:here\s+(?:is|are)\s+)?(?:a|an|the)?\s*(?:[\w-]+\s+){{0,2}}?{words(vocabulary.LIST_NOUNS)}\s+of\s+"
    r"(?:[\w-]+\s+){0,3}?(?:attacks|strikes|incidents)\b[^.;:]{0,60}:\s*$"
    # "The tit-for-tat attacks included:"
    r"|^\W*(?:the|these)\s+(?:[\w-]+\s+){0,2}?(?:attacks|strikes|incidents)\s+(?:included|include|were)\s*:\s*$",
    re.I,
)
# A lead that counts the attacks of a recent window before telling them: "have been attacked with drones or rockets
# at least 24 times in recent days, including ...", "Since Oct. 17, US forces ... have been attacked at least 52 times";
# uncounted attacks of the window count alike ("have been repeatedly attacked ... in recent days", "In recent weeks,
# ... leading to multiple attacks on American bases")
COUNTED_WINDOW = prefilter.compile(
    rf"^(?=.*?\b(?:(?:\d+|{numerals(2, 12)})\s+(?:times|(?:[\w-]+\s+){{0,2}}?(?:attacks|assaults|incidents))"
    r"|repeatedly\s+(?:been\s+)?(?:attacked|targeted)|(?:multiple|several|numerous)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks|assaults|incidents))\b)"
    r"(?=.*?(?:\bin\s+(?:recent|the\s+(?:past|last))\s+(?:few\s+)?(?:days|weeks?)\b|\bthis\s+week\b|\bsince\b"
    r"|\bbetween\b))",
    re.I | re.S,
)
# A site the coalition had left before the attack: "Camp Taji, a base US forces recently left", "the airport had
# previously served as a base for the Global Coalition but had been vacated on October 20"
VACATED = prefilter.compile(
    # (left before the attack: "had left", "recently left"; not "US forces have left three bases", since the attack)
    rf"\b{_COALITION}\s+(?:forces|troops)\s+(?:had\s+(?:already\s+)?(?:left|vacated|withdrawn\s+from)"
    r"|recently\s+(?:left|vacated|withdrew\s+from))\b"
    r"|\b(?:had|has)\s+been\s+(?:\w+\s+)?(?:vacated|evacuated|handed\s+over)\b"
    r"|\bhad\s+previously\s+(?:served|been\s+used)\s+as\s+a\s+base\b",
    re.I,
)

# An interception verb ("shot down", "intercepted", "neutralised"): what air defences did
INTERCEPTION = prefilter.compile(rf"\b{words(vocabulary.INTERCEPTION_VERBS)}\b", re.I)
