"""The extractor's core vocabulary, in tables: one table a meaning, every form written out.

Grammar - what may stand between words, which clause a word must be in, what vetoes it - stays in the patterns
that use these tables (``cues``, ``counts``). To teach the extractor a new word for a known meaning, add it to
its table here; the patterns pick it up. Weapons (``weapons._VOCAB``), casualty nouns
(``casualties.TOLL_NOUNS``), sites and factions (the gazetteer) have tables of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def words(*tables: Iterable[str]) -> str:
    """A regular-expression alternation of the tables' phrases, longest first, matched as written (dots are
    dots) with any run of spaces between the words of a phrase. No group is captured."""
    phrases = sorted({p for table in tables for p in table}, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases) + ")"


# Telling that something was attacked, fired, fell or hurt someone: the words of an attack.
ATTACK_WORDS = (
    "attack", "attacked", "attacks", "attacking",
    "target", "targeted", "targeting", "targets",
    "struck", "strike", "strikes", "hit", "hits", "hitting",
    "fired", "firing", "launched", "launching", "rocketed",
    "shelled", "shelling", "bombard", "bombarded", "bombarding", "bombardment", "bombardments", "bombards",
    # "Iraqi militias announced that they had bombed an American military base"
    "bombed",
    "landed", "fell", "fallen", "impacted", "slammed into", "slam into", "crashed into",
    # "an explosives-packed drone came crashing into Arbil airport", "a drone rigged with explosives crashed near
    # Harir airbase"
    "crashing into", "crashed near", "crashes near",
    # "Eleven missiles smashed into the base at Al Asad"
    "smashed into", "smash into", "smashing into", "smashes into",
    # "three rockets dropped into a base at the Iraqi capital's airport"
    "dropped into", "dropped onto",
    "explosion", "explosions", "exploded", "blast", "blasts",
    "barrage", "salvo", "came under", "assault", "assaults", "assaulted",
    "shot down", "downed", "intercepted", "intercepting", "shooting down",
    "wounded", "injured", "killed", "wounding", "injuring", "killing",
    # a timeline's present: "a rocket kills two American soldiers", "a militia launches a drone at an air base"
    "kills", "wounds", "injures", "launches", "explodes", "crashes into", "comes under",
)  # fmt: skip
# The words of an attack in the other languages of the region's wire copy and its reprints (Italian, Spanish,
# Portuguese, French, German): an article in one of them is read for its attacks, sites and weapons ("ha rivendicato
# un attacco contro la base Usa di Ain al Assad", "a resistência atacou com uma barragem de foguetes a base militar
# dos EUA no campo de gás Conoco"). Only one attack's words: a plural ("ataques de drones visando posições") is as
# often a trend or a threat, which only the English grammar tells apart. Counts, dates and claims are read in
# English only.
OTHER_LANGUAGES_ATTACK_WORDS = (
    # Italian
    "attacco", "attaccato", "attaccata", "attaccati", "colpito", "colpita", "colpiti",
    "preso di mira", "presa di mira", "presi di mira", "bombardamento", "abbattuto", "abbattuti", "abbattuta",
    # Spanish
    "ataque", "atacado", "atacada", "atacaron", "atacó", "impactaron", "impactó", "impactado", "impactados",
    "derribado", "derribados", "derribaron",
    # Portuguese
    "atacou", "atacaram", "atingiu", "atingiram", "atingido", "atingida", "abatido", "abatidos",
    # French
    "attaque", "attaqué", "attaquée", "ciblé", "ciblée", "visé", "visée", "abattu", "abattus",
    "intercepté", "interceptés",
    # German
    "Angriff", "Angriffs", "angegriffen", "beschossen", "Beschuss", "abgefangen", "abgeschossen",
    # Arabic: an attack, targeted, shelled, a strike, shot down, intercepted - written also with the article
    # ("الهجوم") or a clinging "with"/"and" ("بهجوم", "واستهدفت"), which are part of the word
    "هجوم", "هجوما", "هجوماً", "الهجوم", "بهجوم", "استهدف", "استهدفت", "واستهدف", "واستهدفت", "استهداف",
    "باستهداف", "قصف", "قصفت", "بقصف", "ضربة", "أسقطت", "اعترضت",
    # attacked, in the past tense of "he", "she" and "they" ("مقاتلونا هاجموا قاعدة التنف": our fighters attacked)
    "هاجم", "هاجمت", "هاجموا", "وهاجم", "وهاجمت", "وهاجموا",
)  # fmt: skip
# "took indirect fire", "came under rocket fire": these verbs before "fire" tell an attack.
UNDER_FIRE_VERBS = ("took", "take", "takes", "taken", "taking", "come", "comes", "coming", "under")

# Stopping a projectile in flight: "shot down", "intercepted", "neutralised".
INTERCEPTION_VERBS = (
    "shot down", "struck down", "brought down", "knocked down", "taken down", "took down",
    "intercepted", "downed", "destroyed", "diverted", "thwarted", "neutralised", "neutralized",
)  # fmt: skip

# What is fired at a site and can be counted: "three rockets", "the drone".
PROJECTILES = (
    "drone", "drones", "rocket", "rockets", "missile", "missiles", "uav", "uavs", "uas",
    "projectile", "projectiles", "katyusha", "katyushas", "mortar", "mortars", "shell", "shells",
)  # fmt: skip

# The long names of a projectile whose head is no projectile word: "an explosive-laden unmanned aerial vehicle".
PROJECTILE_HEADS = ("vehicle", "vehicles", "aircraft")

# What a projectile does when it reaches a site: "a pair of rockets hit the base", "a drone struck the site".
IMPACT_VERBS = ("hit", "struck", "slammed into", "crashed into", "landed", "fell", "exploded", "impacted")

# Projectiles found or kept, never fired: "24 unused rockets" recovered are no launch count.
NEVER_FIRED = ("unused", "unfired", "unlaunched", "spare", "stockpiled", "intact")

# Who the coalition is in a target's description: "US forces", "a base housing coalition troops".
COALITION = (
    "U.S.", "U. S.", "US", "U.S", "American", "United States", "coalition", "US-led coalition",
    "U.S.-led coalition", "international coalition", "foreign",
)  # fmt: skip

# States and their organs whose own strikes are not militia attacks: "US warplanes struck", "Israeli strikes".
STATE_ACTORS = (
    "U.S.", "U. S.", "US", "American", "United States", "Israeli", "Israel", "Turkish", "Turkey", "Jordanian",
    "Washington", "Pentagon", "CENTCOM",
)  # fmt: skip

# States whose forces attack others than the coalition: "Turkish forces attacked", "Israeli jets shelled"
OTHER_STATE_ADJECTIVES = ("Turkish", "Israeli", "Russian", "Syrian government", "Jordanian")

# Words that aim an attack at what follows them: in "a drone launched against U.S. and Coalition forces struck the
# garrison" and "rockets fired at American troops killed a contractor" the forces are the attack's object, not the
# actor of the verb after them
AIMED_AT_WORDS = ("against", "at", "on", "upon", "toward", "towards", "targeting")
# A country's capital told by its adjective ("the Iraqi capital's airport", "the airport in the Syrian capital"):
# the city, for the site named for it
CAPITALS = {
    "Iraqi": "Baghdad", "Syrian": "Damascus", "Jordanian": "Amman", "Kuwaiti": "Kuwait", "Qatari": "Doha",
    "Bahraini": "Manama", "Saudi": "Riyadh", "Emirati": "Abu Dhabi", "Lebanese": "Beirut",
}  # fmt: skip

# Days and months in the other languages of the region's wire copy (Spanish, Portuguese, French, Italian, German,
# Russian), as a date is told in them: weekdays lower-case after their article or preposition ("el domingo", "no
# sábado", "mardi", "am Montag", "в субботу"), months after the day ("13 de diciembre", "17 декабря", in Russian
# in the genitive). Monday is 0.
OTHER_LANGUAGES_WEEKDAYS = {
    # Spanish
    "lunes": 0, "martes": 1, "miércoles": 2, "jueves": 3, "viernes": 4, "sábado": 5, "domingo": 6,
    # Portuguese
    "segunda-feira": 0, "terça-feira": 1, "quarta-feira": 2, "quinta-feira": 3, "sexta-feira": 4,
    # French
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    # Italian
    "lunedì": 0, "martedì": 1, "mercoledì": 2, "giovedì": 3, "venerdì": 4, "domenica": 6,
    # German (after "am")
    "Montag": 0, "Dienstag": 1, "Mittwoch": 2, "Donnerstag": 3, "Freitag": 4, "Samstag": 5, "Sonntag": 6,
    # Russian (after "в"/"во", in the accusative)
    "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5, "воскресенье": 6,
}  # fmt: skip
OTHER_LANGUAGES_MONTHS = {
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9, "outubro": 10,
    "novembro": 11, "dezembro": 12,
    # French
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    # German
    "Januar": 1, "Februar": 2, "März": 3, "Juni": 6, "Juli": 7, "Oktober": 10, "Dezember": 12,
    # Russian (genitive)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}  # fmt: skip

# Words that say a site hosts the forces after them: in "a base housing U.S. troops killed one contractor" the troops
# are what the base houses, not the actor of the verb after them ("Taji, which houses US troops")
HOSTING_WORDS = ("house", "houses", "housing", "host", "hosts", "hosting", "used by")

# Words of the sea: an attack on shipping is not an attack on a coalition site ashore.
SHIPPING = (
    "ship", "ships", "vessel", "vessels", "tanker", "tankers", "shipping", "Red Sea", "Gulf of Aden",
    "Bab al-Mandab", "merchant", "bulk carrier", "container ship", "destroyer", "destroyers", "warship", "warships",
    # a US Navy ship by its name: "all intercepted by the USS Carney", "fired ... toward USS Laboon"
    "USS",
)  # fmt: skip

# Where drones and missiles flying over coalition sites are bound when the sites are not their target (Iran's
# drones at Israel in April 2024 and June 2025, downed over Jordan and Ain al-Asad).
ELSEWHERE_BOUND = ("Israel", "the Golan Heights", "occupied Palestine")
# Another state's own military named as an attack's target: "a drone attack on an Israeli military target in the Golan
# Heights", "struck a 'vital' Israeli target" - no coalition site (a claim of it, its drones, its day are its own)
OTHER_STATES_TARGETED = ("Israeli", "Israel's", "Zionist", "Turkish", "Russian")
# What such a target is called
MILITARY_TARGET_NOUNS = (
    "target", "targets", "position", "positions", "site", "sites", "base", "bases", "stronghold", "strongholds",
)  # fmt: skip

# A state's drill or weapons test: projectiles fired "as part of Iran's naval exercises" or "during a military drill"
# attack no one, even where they fall near a base (IRGC exercises whose missiles landed near Al Dhafra, July 2020).
DRILL_NOUNS = (
    "exercise", "exercises", "drill", "drills", "manoeuvre", "manoeuvres", "maneuver", "maneuvers", "war game",
    "war games", "wargame", "wargames", "missile test", "missile tests", "weapons test", "weapons tests",
)  # fmt: skip
# The states and forces whose drills are told near coalition sites: the drill must be theirs ("rockets hit the base
# during a training drill" is an attack on the coalition's own drill)
DRILLING_STATES = (
    "Iran", "Iran's", "Iranian", "IRGC", "IRGC's", "Revolutionary Guards", "Revolutionary Guard", "Guards",
    "North Korea", "North Korean", "Russia", "Russian", "China", "Chinese",
)  # fmt: skip

# What a speaker calls its own side when it is hit: "the attack on our forces in Al-Qa'im" in a militia's statement
# is the US strike on the militia, told from the side it hit
OWN_SIDE_NOUNS = (
    "forces", "positions", "fighters", "men", "brothers", "mujahideen", "headquarters", "units", "sites", "bases",
    "camps", "brigades",
)  # fmt: skip

# A pause in the fighting as the subject of what it followed ("The fragile truce followed an extraordinary night in
# which Tehran ... launched missiles at an American air base"): the attack is the war's, before the news
TRUCE_NOUNS = (
    "truce", "ceasefire", "cease-fire", "armistice", "calm", "lull", "de-escalation", "peace deal", "peace agreement",
)  # fmt: skip

# Words of the road: a convoy or a supply truck hit on its way is not a coalition site (SCHEMA: no incident), nor
# are troops ambushed away from their base ("killed in an ambush by a lone gunman near Palmyra").
ON_THE_ROAD = (
    "convoy", "convoys", "supply truck", "supply trucks", "logistics truck", "logistics trucks", "tanker truck",
    "tanker trucks", "ambush", "ambushes", "ambushed",
)  # fmt: skip

# Adverbs and adjectives of habit and trend: "regularly targeted", "repeated attacks" tell no one attack.
# Words that stop attacks rather than tell one: "suspended its attacks on US forces", "the suspension of military
# operations", "would stop their attacks"
CESSATION_WORDS = (
    "suspend", "suspends", "suspended", "suspending", "suspension", "halt", "halts", "halted", "halting",
    "stop", "stops", "stopped", "stopping", "cease", "ceased", "ceasing", "pause", "paused", "pausing",
)  # fmt: skip
# What an article calls the list of attacks it gives: "Here is a timeline of major attacks since then:"
LIST_NOUNS = ("timeline", "summary", "list", "chronology", "rundown", "recap", "roundup")
HABIT_WORDS = (
    "frequent", "regular", "regularly", "intermittent", "intermittently", "repeated", "repeatedly", "recurring",
    "routinely", "often", "frequently", "increasingly", "many times", "numerous times", "countless times",
    "not uncommon",
)  # fmt: skip

# Nouns of the groups' names in English translation, singular -> plural: translations differ in number ("Guardians of
# Blood Brigades", "Guardian of Blood Brigades"; "Hezbollah Brigades", "Hezbollah Brigade"; "the Revolutionary Guards",
# "the Revolutionary Guard"), so a name matches in either.
NAME_NOUN_PLURALS = {
    "brigade": "brigades", "guardian": "guardians", "battalion": "battalions", "company": "companies",
    "martyr": "martyrs", "companion": "companions", "defender": "defenders", "partisan": "partisans",
    "faction": "factions", "squad": "squads", "legion": "legions", "guard": "guards",
}  # fmt: skip

# Words of sites' names and their short forms in headlines and wire copy: "Fifth Fleet HQ" is "Fifth Fleet headquarters"
NAME_WORD_ABBREVIATIONS = {"headquarters": "HQ"}

# People who can be among an attack's killed and injured: "five service members", "two contractors".
PEOPLE = (
    "soldier", "soldiers", "troop", "troops", "service member", "service members", "servicemember",
    "servicemembers", "servicemen", "personnel", "contractor", "contractors", "people", "person", "persons",
    "civilian", "civilians", "fighter", "fighters", "American", "Americans", "member", "members", "reservist",
    "reservists", "guard", "guards", "employee", "employees", "worker", "workers", "staff", "staffers", "marine",
    "marines", "sailor", "sailors", "airmen", "individual", "individuals", "commando", "commandos", "officer",
    "officers", "other", "others", "victim", "victims", "militant", "militants", "medic", "medics",
    # nationals named by their country: "two Americans and a Briton", "a British national"
    "Briton", "Britons", "national", "nationals", "Iraqis", "Syrians",
    # people named by their force: "left two security forces injured", "two Iraqi security forces were wounded"
    "security forces",
)  # fmt: skip
# People of the attacked side who are not the coalition's: "killed six allied Kurdish fighters". A zero toll said of
# the coalition's people only ("No casualties were reported among U.S. troops") does not count them.
PARTNERS_AND_LOCALS = (
    "allied", "partner", "Kurdish", "Kurds", "Iraqi", "Iraqis", "Syrian", "Syrians", "SDF", "Peshmerga", "civilian",
    "civilians", "local",
)  # fmt: skip
# One person, told with "a" or "one": "a contractor was wounded", "killing one soldier".
PERSON = (
    "soldier", "service member", "servicemember", "serviceman", "contractor", "civilian", "American", "member",
    "reservist", "guard", "employee", "worker", "marine", "sailor", "airman", "officer", "person", "individual",
    "medic", "Briton", "national",
)  # fmt: skip
# A death of the body's own failing, not a wound: "a contractor died from a cardiac arrest while sheltering" is no
# toll of the attack, whatever the alarm that came with it.
MEDICAL_DEATHS = (
    "heart attack", "cardiac arrest", "cardiac episode", "cardiac incident", "cardiac event", "natural causes",
)  # fmt: skip
# Others hurt beside the troops, one at a time: "a girl and a woman were injured".
OTHER_PERSON = (
    "girl", "boy", "woman", "man", "child", "policeman", "translator", "interpreter", "resident", "passer-by",
    "passerby",
)  # fmt: skip
# The toll's verbs and adjectives: "were killed", "found dead"; "were wounded", "was hurt".
KILLED_WORDS = ("killed", "dead", "died", "slain", "lost their lives", "lost his life", "lost her life")
INJURED_WORDS = ("wounded", "injured", "hurt")

# Verbs that report what someone said: "officials said", "the ministry confirmed that".
REPORTING_VERBS = (
    "said", "says", "told", "reported", "added", "stated", "confirmed", "announced", "noted", "acknowledged",
    "revealed", "disclosed",
)  # fmt: skip
# Posting a statement: "the group wrote on Telegram".
POSTING_VERBS = ("tweeted", "wrote", "posted")
# A statement put out, dating the statement, not the attack: "a statement on this channel issued on January 29"
PUTTING_OUT_WORDS = ("statement", "issued", "released", "published")
# The words between an actor's name and its attack that say which attack of the actor's it is: "Iran's first direct
# missile attack", "the group's latest drone strike"
ATTACK_MODIFIERS = (
    "ballistic", "missile", "rocket", "drone", "retaliatory",
    "first", "second", "third", "latest", "new", "direct", "unprecedented", "deadly", "massive", "major",
    "overnight", "recent",
)  # fmt: skip
# Speaking to someone on a day, dating the words, not the attack: "Speaking on Monday to the prime minister, ..."
SPEAKING_WORDS = ("speaking", "spoke")
# Arabic: announced (he, she; announces) - before "its responsibility" ("تعلن مسؤوليتها عن"), a claim
ARABIC_ANNOUNCING = ("أعلن", "أعلنت", "تعلن", "يعلن", "وأعلن", "وأعلنت")

# Titles and ranks written with a period before a name: "Capt. Bill Urban", "Brig. Gen. Pat Ryder". Their period
# ends no sentence.
TITLE_ABBREVIATIONS = (
    "Capt.", "Lt.", "Sgt.", "Maj.", "Brig.", "Col.", "Cmdr.", "Cdr.", "Cpl.", "Pvt.", "Spc.", "Adm.", "Gen.",
    "Lt.Col.", "Sr.", "Jr.", "Prof.", "Amb.",
)  # fmt: skip
# Months abbreviated with a period, which ends no sentence before the day ("OCT. 18 - U.S. forces ...", a timeline's
# entry in capitals as wire timelines print them); spaCy knows the title-case forms, the sentencizer needs the others
MONTH_ABBREVIATIONS = ("Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.")

# Claims: how a group tells its own attack. The verbs of the deed ("said it targeted", "its fighters carried out"),
# the group's words for its own men, a group named as "the group", and the verbs of a statement.
OWN_ATTACK_VERBS = ("targeted", "attacked", "struck", "launched", "carried out", "conducted", "hit", "fired")
# What a group says its weapons were used to do: "its fighters used rockets to target the airport"
OWN_ATTACK_INFINITIVES = ("attack", "target", "strike", "hit", "bomb", "shell")
GROUP_FIGHTERS = ("fighters", "members", "forces", "mujahideen", "mujahedeen", "unit", "units")
# The arm of a group's fighters a statement names as the one that acted: "announced that its drone unit has carried
# out strikes on the UAE's Al Dhafra Air Base", "said its missile units targeted"
GROUP_ARMS = ("drone", "drones", "missile", "rocket", "air", "aerospace", "naval", "special")
GROUP_NOUNS = ("group", "movement", "militia", "faction")
# Armed groups named in the plural by what they are or do: "the groups targeting US forces", "militias have
# claimed the attacks" (a practice or a campaign, not one group's attack)
ARMED_GROUPS = ("groups", "militias", "factions", "militants")
# What armed groups are described as doing, right after their noun: "Militia groups targeting American forces ...
# rely on cheap drones", "the Iran-backed groups launching rockets at our Embassy are a danger" - a practice
PRACTICE_PARTICIPLES = ("targeting", "attacking", "launching", "firing", "shelling")
# What a campaign is begun by: "Iranian-aligned groups began attacking US military bases in Iraq and Syria shortly
# after the Gaza war erupted", "The militants started attacking warships and merchant vessels in mid-November"
CAMPAIGN_STARTS = ("began", "begun", "begin", "begins", "started", "start", "starts")
# The plural objects a campaign is aimed at (not "began firing rockets at the base", one volley under way)
CAMPAIGN_TARGETS = (
    "bases", "forces", "troops", "positions", "sites", "interests", "facilities", "warships", "vessels", "ships",
)  # fmt: skip
# Every noun for armed groups a nationality may describe ("Iraqi militias", "an Iraqi Shiite militia"), and those
# nationalities: the group's, not the place of an attack
ARMED_GROUP_NOUNS = (
    *ARMED_GROUPS, "group", "militia", "faction", "militant", "fighters", "paramilitary", "paramilitaries",
    "proxies", "insurgents",
    # "Iraqi Resistance claimed responsibility for US base attack" (on al-Tanf, in Syria): the resistance is a group
    "resistance",
)  # fmt: skip
# The groups a sponsor backs, named by what they are to it: "Iran and its proxy forces", "Iran and its allies"
CLIENT_WORDS = ("proxy", "proxies", "allies", "allied", "affiliates", "affiliated", "surrogates", "clients")
# States named by their adjective as the actors of their own attacks ("an Iranian missile attack"), each with its
# name in the gazetteer
STATE_ADJECTIVES = {"Iranian": "Iran"}
GROUP_NATIONALITIES = ("Iraqi", "Syrian", "Iranian", "Lebanese", "Yemeni", "Afghan", "Pakistani")
# (the present too, as headlines and ledes tell it: "Rebels say they have targeted Al Dhafra Air Base")
STATEMENT_VERBS = (
    "said", "saying", "say", "says", "announced", "announcing", "claimed", "claiming", "stated", "stating",
)  # fmt: skip

# Kinds of site an attack is told at without a name: "three times at separate bases in Syria"
SITE_KINDS = (
    "base", "bases", "airbase", "airbases", "outpost", "outposts", "garrison", "garrisons",
    "site", "sites", "facility", "facilities", "camp", "camps", "location", "locations",
)  # fmt: skip

# Tallies and trends: counts of attacks ("150 attacks", "attacked 20 separate times") and the verbs of a trend
# ("attacks have intensified") tell no one attack.
# A trend named by a noun: "a spike of attacks", "an escalation in their attacks"
TREND_NOUNS = ("spike", "surge", "uptick", "increase", "rise", "escalation", "upsurge")
TALLY_NOUNS = ("attacks", "times", "incidents", "assaults")
TALLY_MODIFIERS = ("such", "separate", "other", "militia", "drone", "rocket")
# Attacks in the plural opened as others or as lately ("Other rocket attacks have hit the consulate", "Recently
# mortars and drones have landed close to the consulate"): uncounted, in the perfect, a trend beside the news.
TREND_OPENERS = ("other", "recently", "lately", "more recently")
# What such a trend's subject is: attacks or what they fire, in the plural
PLURAL_ATTACK_NOUNS = (
    "attacks", "strikes", "assaults", "bombs", "bombings", "explosions", "blasts",
    "drones", "rockets", "missiles", "uavs", "katyushas", "mortars", "shells", "projectiles",
)  # fmt: skip
# A person's killing, as what an attack avenges or what someone is held responsible for: "in revenge for the death of
# general X", "bears responsibility for the assassination of"
KILLING_NOUNS = ("death", "killing", "assassination", "murder")
# An attack named by its noun, in the singular: "the attack", "this strike", "the deadly assault"
ATTACK_NOUNS = ("attack", "strike", "assault", "barrage", "bombardment", "incident")
# A state of things rising, told with "with" to set the scene: "With tensions escalating in the region following the
# US strikes, ..."
RISING_WORDS = ("escalating", "rising", "mounting", "soaring", "running high", "high", "growing")
TREND_VERBS = (
    "increased", "intensified", "escalated", "surged", "resumed", "decreased", "declined", "subsided", "heightened",
    "stepped up", "ramped up",
)  # fmt: skip

# Homes and offices of people: a site named as where one stands ("the prime minister's residence in the Green Zone")
# is not the target.
PRIVATE_PLACES = ("residence", "home", "house", "villa", "palace")
# Other targets a site may be named beside ("an ammunition depot exploded next to Balad air base"): the target, not
# the coalition site, was hit
TARGETS_BESIDE_A_BASE = (
    "warehouse", "warehouses", "depot", "depots", "store", "stores", "cache", "caches", "position", "positions",
    "headquarters", "village", "farm", "checkpoint", "factory",
)  # fmt: skip
# A number whose size is not told: "an unspecified number of other civilians were wounded" counts no one
UNTOLD_SIZES = ("unspecified", "unknown", "undisclosed", "undetermined", "unconfirmed", "indeterminate", "uncertain")
# What an attack may be declared to target instead of a military site: "drones targeted fuel tanks at the Kuwait
# International Airport in an attack on critical infrastructure", "a direct strike on vital infrastructure" (not
# oil or energy works: the coalition holds bases in Syria's oil and gas fields)
CIVIL_INFRASTRUCTURE = (
    "critical infrastructure", "vital infrastructure", "civilian infrastructure", "civil infrastructure",
    "economic infrastructure", "vital facilities", "civilian facilities",
)  # fmt: skip
# Civilian works an attack may be aimed at by name ("a drone hit facilities at the Khor Mor gas field"): where no
# coalition site is named, such a target is another story's
CIVIL_WORKS = (
    "gas field", "oil field", "gasfield", "oilfield", "refinery", "power station", "power plant", "gas plant",
    "port", "seaport", "harbour", "harbor",
)  # fmt: skip
# Civilian buildings a strike or blast may hit: "a strike on a Gaza hospital", "The explosion at the Gaza hospital"
CIVILIAN_BUILDINGS = (
    "hospital", "hospitals", "school", "schools", "mosque", "mosques", "church", "churches", "refugee camp",
    "refugee camps",
)  # fmt: skip
# Forces whose own base a town may name ("a Peshmerga base in Erbil"): not the coalition site named for that town
OTHER_FORCES = (
    "Peshmerga", "Iraqi army", "Iraqi", "Turkish", "Syrian", "PMF", "Hashd", "Popular Mobilization Forces",
    "Popular Mobilisation Forces", "Popular Mobilization", "Popular Mobilisation", "Kurdish", "army", "militia",
)  # fmt: skip

# Who a photo is credited to: a caption names them ("(AP Photo/Nasser Nasser, File)", "/ AFP / DELIL SOULEIMAN",
# "(Raqi Prime Minister Media Office/Handout via REUTERS)").
PHOTO_CREDITS = (
    "AP Photo",
    "AFP Photo",
    "Photo:",
    "File Photo",
    "/Handout",
    "Handout/",
    "via REUTERS",
    "Getty Images",
    "/ AFP /",
)

# Countries hosting none of the sites we track (``places.COUNTRY_WORDS`` has those that do): an interception over one
# of them or off its coast ("shot down a US MQ-9 Reaper drone off the coast of Yemen") is another country's event.
COUNTRIES_WITHOUT_SITES = ("Yemen", "Israel", "Iran", "Lebanon", "Cyprus", "Egypt", "Djibouti", "Eritrea", "Somalia")

# Ordinals that count an attack among others on its site ("the third attack on the base in six months"); a count
# past ten is a campaign's running total, not a handful of earlier attacks one could tell apart.
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip

# Words giving the name a group goes by: "a group calling itself the 'Revolutionaries'", "known as 'X'".
SELF_NAMING_WORDS = (
    "calling itself", "calls itself", "called itself", "calling themselves", "call themselves", "calls themselves",
    "known as", "self-styled", "self-described as", "self-identified as", "going by the name", "goes by the name",
    "under the name",
)  # fmt: skip
