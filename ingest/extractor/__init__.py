"""Basewatch article extractor: the attacks on US/coalition sites that a news article reports.

Pure Python (spaCy blank English tokenizer, sentencizer and PhraseMatcher; dateparser; no model, no network, no
Django). ``extract(text, published, gazetteer)`` runs the ordered stages in ``pipeline.RULES`` over a ``State``
(``state.py``):

1. sentences (``sentences``); 2. mentions per sentence (``events.read_facts``): sites (aliases and transliteration
   skeletons, ``sites``/``names``), factions, weapons, dates resolved against ``published`` (``dates``), figures
   (``counts``, ``numbers``), and cues (``cues``) - each veto read in its own clause (``events.main_clause``: a
   tail that situates the attack, "the latest in a series of strikes", a strike told as its cause, "following a
   US airstrike", veto only themselves); 3. attacks (``anchoring``): one draft per attack, not per site or per
   sentence; 4. details: later sentences inform the attack in focus until the story moves on (``pipeline``);
   5. roles, claims, dates; 6. assembly with evidence and a confidence per field (``assemble``, ``confidence``).

Reading skills, by concern (each has golden articles in tests/fixtures/articles/ named after its concern):

- How many attacks: "attacked twice", "for the second time within hours", "another base", "hours later",
  "the first attack ... the second", two sites in one clause each get their own; sites a few km apart, a site
  "near" another just named, a claimant's own name for the target, "This is the first such attack" and an
  attack named by its toll ("the drone attack that killed three soldiers") are the attack already told;
  "a second rocket attack targeted the base" is a new one on the site in focus; targets of one verb ("attacked
  X, Y and the forces at Z with drones") share what follows the last of them; "attacked the base twice" and
  "launched twice against" count two, and counted unnamed bases beside a named one ("and three bases in Syria")
  are attacks of their own. "Earlier in the day, a source told Xinhua that ..." and "separately claimed that ..."
  report the attack again; they open no second one. A timeline's entry that counts unnamed attacks ("are
  attacked three times", "in two separate drone attacks", "attacked with drones and rockets four times") tells
  that many; "..., while another attack involved a drone and three rockets" is a second attack on the site.
  "on both Friday and Saturday" is one attack on the site a day (not "late Friday and early Saturday", one
  night); a statement's perfect whose object lists the sites it hit ("have targeted the Al-Tanf, Al-Rukban and
  Al-Malikiya bases") tells an attack on each; the attack a headline names joins the one the body tells
  "Separately".
  "Another US base" naming a site already told attacked is another base than the first, not a second attack on it;
  unnamed bases in the plural in a title line ("Drone Strikes Hit US-Occupied Bases in Syria, Iraq") sum up the
  attacks told below. "Saturday's rocket attack" on the site of an attack told "On Saturday, March 12" is that
  attack again, even where the weekday counted from the report falls on another date.
  "Assaults" count as "attacks" ("One of the assaults ... at al-Shaddadi, while the other ... near the Baghdad
  Embassy Complex": one attack a site; "one of two assaults this week"); "In both cases, ..." on no named site
  tells each attack the sentence before told; "The attack against U.S. forces is the first since ..." and "the
  third in six months" speak of the attack in focus; "the attack occurred in Conoco" and "The assault took place
  at X" place the unnamed attack told before; parts of a country told by compass words neither of which holds the
  other ("southern Syria", "eastern Syria") are two places; "Iraqi Resistance" names a group, not a place.
- Is it an attack on the coalition: not a state's strike on others (nor the sites it merely fell near when its
  declared target was another), shipping, foiled launches, tallies and their list lines, trends ("have
  continued", "months of strikes", "the majority of the attacks"), commentary, uncounted plural attacks ("more
  attacks on US forces on Monday"), places beside bases ("downed outside of US bases"), a convoy or supply truck
  on the road, a state's attack named by its adjective ("a Turkish drone attack") or told in the passive ("hit
  by two strikes by American aircraft") or as an accusation, a precaution against "any possible attacks", a
  denial ("no indications that Turkey was targeting US forces"), something that fell kilometres from a site, a
  home inside a site ("the prime minister's residence in the Green Zone"), a plot ("planning to carry out
  attacks"), attacking condemned or told as a practice ("denounced attacking", "the militias are targeting US
  forces"), bases counted over a window ("at least five bases have come under fire since"), an air strike, drones
  downed over a base on their way to Israel, a precaution at bases ("heightened alertness at American bases"),
  attacks in the plural as a trend or a practice ("attacks ... intensified", "ongoing attacks", "the groups
  targeting US forces", "strikes over the past few days", "several times before", "have hit bases ... in recent
  months", "it is not uncommon for bases to come under rocket fire"), attacks stopped ("suspending attacks on US
  troops"), another state's forces attacking ("Turkish forces attacked an agricultural company"). Retaliation
  told without a state as its actor, aimed at a coalition site, is the attack itself; one projectile that "has
  struck" a base is news, and so are projectiles "which were thwarted" after the sentence told them fired, and
  "inbound missile threats" engaged. An attack "prevented" is foiled (not drones stopped in flight); rockets aimed
  at Iran's Kurdish opponents "not far from Erbil airport" attack no coalition site; "No US facilities were
  impacted" is a denial; "Attacks have been recently carried out on US bases in the al-Tanf region" is a trend; a
  linked story's title ("Read More: ...") tells nothing; a base the coalition had left before the attack ("a base
  US forces recently left", "had been vacated on October 20") is no coalition site.
  Bases named beside "amid rising militia attacks" were not attacked; "denied reports that another base was hit"
  denies that site's attack, not the one in focus; a launcher found in a clause coordinated after the volley
  ("..., and a fourth missile with its launch tubes was found", "... late on Friday, and a further rocket was
  left at the firing site") does not foil the attack told before it.
  "With U.S. troops at bases becoming targets" (targets as a role) and "in anticipation of a probable attack" tell
  no attack; neither do an undated attack that suspects are "arrested ... for allegedly firing rockets at" and one
  the group "had previously targeted"; a clash "between the SDF and ISIS" is two other forces'; "The US Air Force
  attacked ...", "the attack by American fighter jets on ...", "U.S. military forces struck" and a headline's
  present ("U.S. military launches strikes") are a state's strikes; "US-occupied bases" and "a US occupation
  base" are coalition sites (not "resisting the American occupation forces", a statement's cause).
  Projectiles of a state's drill or test named in the sentence ("as part of Iran's military exercises",
  ``vocabulary.DRILL_NOUNS``) attack no one; a strike whose agent follows it ("airstrikes believed to be carried out
  by US forces", "a raid conducted by the US-led coalition") is that state's; a group's own side named as hit ("The
  attack on our forces in Al-Qa'im", ``vocabulary.OWN_SIDE_NOUNS``) sets aside only the site that places it; a
  drone shot down on a watching flight ("conducting a reconnaissance tour over the base", ``cues.RECONNAISSANCE``)
  attacked nothing when its sentences aim at nothing; the attack a truce "followed" is the war's background; a
  lead telling attacks as a trend or tally before naming "the attack" in passing is no follow-up.
  Context does not lose an attack told in its own clause: a denial of earlier attacks ("had not been the target of
  previous attacks") keeps this one; part of the people evacuated ("a majority had been evacuated") or a base
  "evacuated in advance" is still a coalition site (only the site itself left is not); interceptions told before
  the attack they stopped ("intercepted multiple missiles over Doha ... after Iran launched ... targeting Al
  Udeid") are that attack.
  An attack "thwarted" by downing its drones in flight, or drones "intercepted as they attempted to strike", is an
  attack, not a plot; "missiles headed toward Israel" stays in its clause beside "American sites ... were the
  target of drone assaults"; "USS" names a ship; a strike "on the orders of" a state is that state's.
  An alert of "the potential for ... attacks" tells none; "have initiated drone and missile strikes against
  military bases" in the plural is a campaign; "similar attacks" are other attacks, and their claim not the
  news's; "helicopters of the US Armed Forces opened fire" and "US attacks Kataib Hezbollah facilities" are a
  state's strikes, and so is "a US drone airstrike" (the weapon before "airstrike").
  Attacks in the plural opened as others or as lately and told in the perfect ("Other rocket attacks have targeted
  the embassy", "Recently rockets and bombs have exploded near it", uncounted; ``vocabulary.TREND_OPENERS``) are a
  trend beside the news; so are attacks a site "has in the past" undergone ("have in the past been targeted").
  The perfect whose object is one attack ("has reportedly launched a joint drone and missile attack on a
  U.S. military base") is news, wherever it hit, not a practice.
  A wave or series the attack on a coalition site fell in ("... an American military facility in Qatar
  amid a wave of drone and missile strikes", "amid a series of ...") is its setting, not a habit vetoing it.
  A headline's present with a state first and its object named ("Turkey targets PKK in Syria drone strikes", not
  "US Targets In Syria Hit") is a state's strike: the story's news, and what it tells later of a coalition base
  is background.
- Roles: an attack dated in the past, told in a reference clause, before another actor's strike clause, or in a
  sentence after the story moved back in time ("The base last came under attack in March", "In December, a
  similar barrage killed a contractor", "It was also attacked in May", "two previous assaults on Harir", "the
  last attack on Balad was on March 15") is background, named or not; so is an attack told after the lead on
  any earlier day unless added to the news ("Also on Wednesday", "Separately") - a lead dated only by its report
  bounds the news from that day -, one before the day a lead counts from ("at least four attacks since the US
  strikes on Sunday"), a site attack a week old in a story led by a convoy bomb, and the attack a strike answers
  ("The U.S. strikes follow a rocket attack on K-1", "launched airstrikes on seven facilities ... in response to a
  drone attack on Tower 22") - but attacks a strike answered the same day ("responded Wednesday evening to rocket
  attacks at two sites") are news with it. An article that tells no attack as news, only one in an 'after' clause
  of a reaction ("Explosions are heard over Manama, after Tehran's military announces it aimed a missile salvo at
  the Isa air base" over the Gulf's answer), is a follow-up of it: that attack is primary (not in a strike story).
  "A similar strike on the same base" is on the site in focus. "That
  attack" and the earlier attack's weapon named again ("the suicide drone") after an aside are the aside's; a
  toll "reported" as of now after the aside is the news's. A foiled drone or missile attack was flown and
  stopped: an attack. The attack as the subject of "is the latest in a series" is still told.
  The entries of a list of attacks - paragraphs each opening with the day of the attack they tell (a timeline's
  "OCT. 18 - ...", an encyclopedia section's "On 17 October 2023, ...", a bullet's "- August 15: ..."), or
  whatever follows "Here is a summary of the attacks:" or "The tit-for-tat attacks included:" - are what the
  article reports, however old and even in a strike's story, on their entry's day, told in a timeline's present
  ("a rocket kills", "the US bombs"); lines dated by their month between two lines opening with a day ("In
  February, three rockets targeted the airfield. In March a further six ...") tell a site's history in prose, no list.
  Rockets "targeting bases housing troops" in the plural sum up the attacks
  told next; "These attacks occurred after ..." speaks of them. A headline counting US troops killed is their
  toll, not US troops striking. A lead counting the attacks of a recent window ("attacked at least 24 times in
  recent days") makes those it then tells of the last week its news. The attack a strike "came hours after" is
  news with it; an attack that "followed US strikes" as the lead's subject is the news, the strike its setting.
  The unnamed attack in focus is placed, old as it is, by its weapon told again as a subject ("The drone,
  launched on Oct. 26 ... at the Erbil air base").
  An attack a later event is measured from ("announced ... two days after a drone attack killed three") is
  background, that many days before; a story back at its news ("There was an attempted drone attack at Al-Tanf")
  closes the past frame an aside opened; a tally's "latest attack took place in northern Iraq on Thursday" is the
  news, placed where no site is named; a group's perfect on a named site or a counted set of bases ("have
  attacked the base Tal Baidar with drones", "has targeted three US bases") is news, not a practice. A follow-up
  whose lead counts the toll of an earlier month's attacks ("23 troops were diagnosed with brain injuries from
  attacks in Syria in March") reports each attack of that month it tells by its day; the lead's toll and
  weapons are theirs together, none's alone.
  A follow-up (an investigation, a casualty count, medals) that leads with an earlier attack reports that
  attack, named further down by its day ("the Jan. 8 missile attack on Al Asad") or named again further on by its
  site; dated only by its report, it takes the day the story first names the attack by, in its lead ("Tehran's
  attack on June 23") or further on in a sentence of no other event ("The militia drone attack on 9 May came a
  day after ..."); an attack first told as a reference and then reported on the same site and day is one
  incident. An
  attack told on a day before the news happened ("told reporters Monday that there was a rocket attack") and
  "the base had been attacked on Friday too" are earlier (background). A lead's unnamed attack "last week" is the
  one the body names on a day of that week; a situation report that names its period ("March 11 - 17, 2020")
  reports the attacks of those days; a group's threat after ", saying it would" is a clause of its own.
  An old photo caption ("..., January 3, 2020") is not the lead that makes an article a strike story; a strike told
  only in the opening circumstance ("Despite a recent U.S. airstrike ..., militias show no sign of backing down")
  or in the tail that situates the attack (", amid tension on the anniversary of ... a U.S. drone strike", ", in
  the first significant attack since the U.S. launched strikes") is the setting, not the news; "In the attack,
  ..." right after a strike's sentence naming the attack it answered is that attack, and so is the attack a
  strike came "after N were injured in" (background).
  After the story moves back to an earlier year, an undated attack told bare "in response" to it, or in a sentence
  opening on its time ("When Iran fired at the Al Asad Air Base, ..."), is of that year;
  an attack the coalition told of weeks before the news ("On April 8, the coalition said it shot down a drone
  targeting the facility") is an earlier one on the site in focus ("the facility", "the installation").
  A sentence opening "Earlier," with its attack in the past perfect ("Earlier, Iraqi media reported that drones
  had targeted a US base in Erbil") tells an attack before the news.
  "had already" does so in any clause not reported ("By late on May 2nd, the group had already put out a
  statement taking credit for a drone strike on ... a base in Jordan").
  An undated lead is the news of the article's day: an attack told after it and dated only by a report two or
  more days before ("On May 3, it was reported that the base ... had been hit") is earlier, and that report's
  day, told of another site's attack, does not date the lead.
  The news counted among the attacks on its site over a window ("the third in six months on the base", "the second
  strike on Camp Taji since January, when ...") tells that many earlier attacks there (background, less those the
  article tells), the one earlier attack dated by the window's opening day; a count of the attacks of a window of
  days in general ("the fourth attack on US targets in just two days") makes them news. A site's list heading
  ("Latest News", "Top Stories") opens other stories' titles, no lead; a headline of US troops "Killed, Wounded In
  Attack By ..." is their toll, not a state's strike; an attack told "earlier this week" after a lead with its own
  day is background; "also" adds an earlier day's attack to the news only opening the sentence or its day, or
  before an attack verb in the simple past ("Rockets were also fired"), not in a recall ("has also been
  targeted").
  An attack told as the answer to a strike ("Responding to this attack, ... factions targeted a US military
  base", "In a widely anticipated response to American strikes ..., Iran launched") is news, the strike its
  setting; a follow-up's lead naming attacks on two sites together makes both news; in a strike's story an
  attack on the article's day with its weapon and target stays news; an attack a strike answered, told in the
  strike's opening clause ("In response to attacks ..., including the attack on al-Asad Airbase on Jan. 20"), is
  background.
  The attack the news "follows" or "came after", the news (an attack or a statement) its subject, told days before
  it ("This latest strike follows another attack a few days before ... on the Victory Base Complex", "The wounds
  from the drone strike followed a rocket attack ... at Harir on Tuesday", "The news follows Sunday's strike on
  US troops in Jordan") is background, even when a window counts the news ("the second attack in recent days");
  "The blast followed an earlier attack on ..." and an attack on the article's own day may be the same day's news.
  A lead framing uncounted attacks of a recent window ("have been repeatedly targeted in Syria and Iraq in recent
  days", "In recent weeks, ... leading to multiple attacks on American bases") counts them like a number: the attacks
  it then tells by a day of that window are news, up to three weeks back for "recent weeks".
- Sites: aliases and transliteration skeletons (a word's opening short vowel: Erbil/Irbil/Arbil; "the Victoria
  military base" for "Victoria base"); descriptions from the gazetteer ("a small logistics base in north-eastern
  Jordan") matched with words between; a one-word name in a title-case headline; "the base" in a past sentence
  is the site in focus; "the attack on the base in the town of X" names the unnamed attack just told; an unnamed
  base is in the country its own words give ("a group in Iraq said it targeted a US base in Syria"), never where
  a drone came from ("came from Iraq, not Turkey"); a military site told by the town its own name carries ("the
  other base targeted was in Irbil", "troops stationed in Erbil"; not a named base's town, nor a province). A site
  that speaks ("a U.S. Embassy spokesperson told"), that places a named base ("the Harir base at Erbil
  International Airport") or where the wounded were taken ("taken to al-Omar military hospital") is not attacked.
  An attack told only by a part of a country ("in northeastern Jordan") is on the one site a gazetteer
  description places there ("US outpost in northeast Jordan"). A town joined to a named base ("hit the Ain
  Al-Asad Air Base and in Erbil") is the military site named for it. "The base housing U.S. personnel in Hasakah" is not
  the site in focus when that site is in another province.
  A one-word name before "area" or "region" names the place ("the Haql al-Omar area"), and so do the words a base's
  name gives before its facility noun ("the air base in the Muwaffaq Salti area"); "Al Anbar" is Anbar; the
  gazetteer describes Tower 22 as a "US military outpost in Jordan".
  An airport told by its town ("the civilian international airport in the city of Irbil") is the one military
  site named for the town.
  A site told by its town through a facility ("another facility in the northern Iraqi city of Erbil").
  A town listed before a named base ("in Irbil and Al-Asad") is the military site named for the town.
  An unnamed US base told by its province or country is the one US base there, by gazetteer descriptions with
  their reasons in the gazetteer's notes ("a US base in Iraq in Anbar province" is Ain al-Asad; "an American air
  base in Qatar" is Al Udeid), never another force's base ("an Iraqi army base in Anbar"); a description going on
  from a site's own name ("the Al-Taqaddum air base in Anbar", "the Ain al-Asad air base in Anbar") names no second
  site; a site guessed from a town gives way to the site the story then names in that province ("attacked by drone
  in Erbil" ... "The assault targeted Bashur base"); a definite description repeating an unnamed attack's ("the US
  patrol base in Al-Shaddadi") names its site; "the fight against ISIS" is the base's mission, no other target;
  "has carried out strikes on the UAE's Al Dhafra Air Base" is one attack's news.
  A town told as its country's ("a US base in Iraq's Erbil") is the town; a headquarters told before its unit
  ("the headquarters of the US Navy's Fifth Fleet", "United States" spelt out as one word) matches the unit's
  headquarters; the weapon in focus told again as a sentence's subject ("The drone that crashed into a base in
  Jordan ... Tower 22") names its site.
- Claims and blame: claim verbs, nominal and quoted claims ("asserted responsibility", 'stated, "The Mujahideen
  targeted"', "declared the targeting of"); negated claims ("no group has stepped forward", "there have not been
  claims"); blame told in a sentence about an earlier attack stays with that attack; a group's statement of its
  own attack ("said Sunday it carried out", "announced in a statement attacking"), the passive ("a raid claimed
  by"), a spokesman saying "the group had fired", an endorsement ("has endorsed Tuesday's attack"), "the
  Iran-backed militant group" named in the sentence before; a state speaking of its own forces' strike claims
  nothing, unnamed groups that "have claimed" a campaign claim no one attack, nor does "claimed that the strikes
  were retaliation" (an assertion) or a claim of "at least five operations since" a day; a claim of "one of these
  explosions" belongs to the event told just before it; the blamed are named in the blame's own clause and by its
  grammar ("Iran blamed Israel for ..." blames Israel; "X was responsible" its subject; what is blamed must be an
  attack, not a killing), never as the blame of a series or of similar attacks; officials' blame survives a
  clause saying no one claimed the attack; an actor may be named with an apposition before its verb. A state
  or group named as the actor ("Iran launched a missile attack", "fired by Iran") is the perpetrator, never a
  sponsor ("Iran-backed", "Iran proxy forces", "groups backed by Iran") or one of two alternatives; the force
  that claims for its state is the claimant. The actor of a passive or an attack noun ("targeted in a drone
  attack by X"), of a possessive ("Iran's missile attack") or named by its state's adjective ("an Iranian missile
  attack", not "Iranian-made" nor a "previous" one) is the perpetrator; "announced early Sunday that it had
  launched", "declared new strikes", "in what it said was retaliation" are claims, "no one took responsibility"
  is none; "The factions, self-identified as X" names the claimants of the sentence before; "has attributed the
  drone attack that killed three soldiers to X" and "planned ... and facilitated by X" blame X; a capital as a
  dateline ("TEHRAN (Tasnim) -") is no government. A relative clause describing the group between dashes or
  commas ("- which has claimed many of the recent attacks on US forces -") neither undoes its claim nor spreads it.
  "no group immediately claims attack" and "No group has so far assumed responsibility" are no claim; "These
  have been blamed on X" after a series of attacks is the series' blame. "May have been carried out by" names no one;
  "not claiming responsibility" negates a claim and "should bear responsibility of" is none; a quoted statement
  opening '"The mujahideen of X have attacked ...", reads a statement' is X's claim, and so is "said it has
  targeted three US bases"; a claim made before the attacks are told together in one sentence is each one's;
  the group that "also claimed responsibility" for another attack is the claimant of a claim told before without
  a name; the actor of a sentence the story has moved on to ("In response to the killing of Soleimani, Iran
  fired ...") is not the attack's.
  A translated group name matches in the other number ("Guardian of Blood Brigades",
  ``vocabulary.NAME_NOUN_PLURALS``); "The strikes targeted X" after a claim sentence carries the claim to X.
  Unnamed "groups" speaking right after a trend or tally sentence speak for the series, claiming no one attack.
  Officials naming the actor in the perfect ("the Pentagon said that Iran had launched ...") name the perpetrator;
  a strike told as the attack's cause ("following US-Israeli strikes on Iran") names no claimant; a relative tail
  (", which is the latest in a series of assaults") does not make the claim a campaign's; an unnamed group's claim
  takes the group named next as the speaker ('..., Tashkil al-Warithin said in the statement'), not one that
  disowns the attack ("had nothing to do with the attack"); blame of a tally ("68 attacks carried out by those
  groups, mainly X") is the series'; a claim naming its attack by the day ("the Monday evening attack") is that
  day's attack's.
  A sponsor written without its hyphen ("the Iranian backed umbrella group") is no actor; the group that claimed
  wins over an actor or sponsor named before it; "Both attacks were claimed by ..." after a summary line, and a
  group owning the act right after it, claim each attack the line listed; "X confirmed that they fired" and "X
  say they targeted" are claims.
- Numbers and counts: model names ("BM-21"), calibres ("107 mm") and "a small number" are no counts; "a barrage
  of eight rockets", "all but two of the rockets", "one rocket ... the other" (also over two sentences), "the
  drone targeting X was intercepted", "prevented both missiles from impacting", a singular projectile ("the rocket
  fell short"); a toll before "after" is the attack's; figures told before several sites are named belong to
  none; "In both cases, ..." tells each attack just named, and so does a zero toll told right after them.
  Interceptions denied ("did not intercept"), in question ("whether it was intercepted"), of a whole volley ("these
  drones were neutralized") or of a part ("shot down one of the drones"); tolls told as nouns ("resulted in eight
  injuries"), the whole toll of "one of three troops injured", people by their country ("two Americans and a
  Briton"); a part named after the whole ("40 people, five Americans among them"), a volley at two bases, a stray
  projectile's toll, thousands (a war's toll) and the toll of a superlative's earlier event ("the deadliest since
  13 Americans were killed") are not the attack's, nor is a year ("In 2018 rockets ..."), nor the toll told
  after a campaign's running totals. Artillery is indirect fire (mortar); "shells" of no told kind are counted.
  A count broken down by target ("three times at separate bases in Syria, and twice at Ain al-Asad") is one
  attack per unit; "Of 14 rockets fired" counts the whole; a running toll ("the number ... has risen to 109"),
  people "treated for" or "diagnosed with" injuries, and "more than N" are tolls; "as of Monday" dates a count.
  "One service member ... was treated for a minor injury" is one; "no one had been killed or injured" is none;
  "no injuries as a result of these attacks" is the zero toll of the attacks just told; attackers killed by the
  defenders ("killing three Daesh members") are not the toll; counted rounds in the perfect ("Two mortar rounds
  have struck") are news; an apposition may stand in an interception's subject ("a drone, identified as armed,
  was intercepted"). A line counting bases ("at least two U.S. air bases with ballistic missiles") frames the
  attacks told one by one: their weapons when their own sentences name none, and their actor.
  The weapons of a sentence telling several attacks at once ("US bases ... came under attack from drones and
  rockets", "Three bases came under separate attacks by drones and rockets") are each one's only where its own
  sentences name none. The day of a date counts nothing ("On Dec. 3 rockets hit"); a place may stand between the
  interception verb and its object ("shot down in Syria's northeast a drone"). "Intact" projectiles recovered
  were never fired; rockets "reported to have fallen" are counted.
  A toll told by its count ("the latest casualty count is 7 injured"); "no known fatalities", "which has not
  caused any casualties", "no US or coalition forces or any equipment were hurt" are zero tolls; "claimed the
  lives of"; a total followed by its parts ("three personnel, two Americans and a British" are three); "suffered
  TBI"; "two members of the counter-terrorism units were killed". A vague toll means at least its quantity
  ("dozens" of injured are 24 or more, ``numbers.LEAST_OF_VAGUE``), so a smaller exact figure ("Eight personnel
  who received injuries were evacuated") is a part of it. "Another one-way attack drone was shot down" launched
  one and stopped one; "The attacks were carried out with a mix of drones and rockets" tells a tally's weapons.
  Zero tolls are a vocabulary table (``casualties.TOLL_NOUNS``) under one grammar.
  A count whose people are left out is still a toll where it is the rest of one ("killed three troops and wounded
  over 100 more") or what a source reports ("confirmed on Sunday night that at least 34 were injured"); "over" is a
  count's modifier like "more than".
  "No U.S. service members have been reported injured" (any person noun of the toll); "nine others, including a
  US soldier, were injured" (a part between commas); "able to intercept all but two of around 17 missiles" (a
  counted outcome, not a defence's purpose: the total less the exceptions); items of a list parted by semicolons
  keep their own clause and zero tolls; "In other incidents, more than 50 Americans have suffered injuries" is
  the others' toll; "arrested three men for firing rockets" counts no rockets; "managed to shoot the drone down";
  "No casualties ... among U.S. troops" is no zero toll of an attack that killed "six allied Kurdish fighters";
  "raised the injured toll to at least 40" is a running toll; a toll broken down by base ("32 at al-Tanf, 13 at
  al-Asad") gives each base its own figure.
  "N rounds of indirect fire" are N projectiles of a kind not told; "an unspecified number of" counts no one
  (``vocabulary.UNTOLD_SIZES``); people "treated after the attack" are its injured.
  The count of people "with injuries" is a word of its own (the last "a" of "Syria" counts no one); "another
  drone exploded" launched one; a zero toll told right after a lead counting several attacks, before any is
  named by its site, is each one's.
  "did not result in any personnel injuries" and "none of its service members were injured or killed" are zero
  tolls; an interception sharing the volley's subject ("Two drones attacked ... and were shot down", "with both
  aircraft intercepted") counts; a toll told right after its verb as an air strike's ("wounded in the air
  strikes") is the strike's; a toll may count people by a force's long name ("two members of the Free Syrian
  Army") or one at a time ("wounding a child"); half a dozen is six; a volley "at bases" in the plural is the
  total over them, not one base's count; ", adding that ..." is a clause of its own for the foiled cue.
  An interception count is no launch count when the attack's own sentences say some projectiles landed; a toll
  summed over many attacks ("hurt amid a wave of attacks", "in attacks since ...") is a running total; a
  headline's toll gives way to the body's count for this attack; a sentence naming no site that opens on another
  country ("Jordan shot down two ballistic missiles", "In the UAE, debris ... killing one civilian") gives the
  attack no figures.
  A zero toll "from either incident" (``cues.EITHER_OF_THEM``) is each one's told so far, though each was told in
  a sentence of its own. "The attack came two hours after a supply flight touched down" places the attack by the
  hour: the story stays on it, and the toll told next is its own. "The strike on the airfield follows an attack on
  an army post" moves the story to that earlier attack: "The attack killed two soldiers" is its toll. A strike told
  with its verb on a civilian building ("a missile strike had hit a village school, killing ...") moves the story
  on like "a strike on a school". "Early information did not indicate any injuries" is a zero toll (what first
  reports do not show). The headlines a link marker heads ("Featured Stories", then title lines and their dates up
  to a line that ends as a sentence) are other stories: "Three Soldiers Wounded" there is no toll. "The airfield
  was hit hours after a drone attack on another base": the drone is the earlier attack's. A bare "missiles" listed
  with drones ("fired drones and missiles", "30 drones and two missiles") is a weapon of its own, not the drones
  (beside rockets it is still the rockets). "In response to the attack, US troops shelled the launch area with
  artillery" is the coalition's answer (``cues.COALITION_ANSWER``): its shells are not the attack's. Casualties
  "avoided" ("the early alert helped to avoid casualties") are none, not those avoided "to" (a purpose). A country
  speaking of what was fired at the whole country ("Kuwait says it intercepted 40 missiles launched against it")
  gives its own total, not the base's count.
- Dates: attacks told together share the day one is given; "hours later" is the same day; "the following day",
  "two days later" and "the day before" count from the day told last; "earlier in the day" is a second attack
  that day; the date under an embedded post is its posting date; a day right after "since" opens a window;
  "as recently as December"; fixed-date holidays ("a Christmas Day drone attack"); a wire dateline ("Dec. 24
  (UPI) --", "(MENAFN- IANS) Baghdad, Dec 27 (IANS)", "ERBIL, November 7 -", "Beirut, Jan 05:") dates the report,
  as do "revealed" and "disclosed"; the day within "this week" dates the attack, not the week. Months in
  capitals ("OCT. 18") date and end no sentence; "The attack, late on Wednesday, ..." dates the attack whose lead
  gave only the day it was reported. "In early 2020" dates an earlier attack by its year; a day within the period
  told before replaces it ("this week's rocket attack", then "on Wednesday").
  An undated attack takes the earliest report day told up to it; "The Pentagon on Monday raised" dates the
  statement.
  A photo caption's date (a line with a credit, "via REUTERS", "(AP Photo/...)", or the line before one) is the
  photo's, unless the caption tells the attack.
  A page's time stamp line ("Xinhua) 14:31, October 23, 2023", "Wed, 25 Oct 2023 10:04 UTC") dates the report.
  "Earlier in the day", "later in the day" and "earlier that day" are the event day told last; the day an event a
  "since" clause names ("since the Israel-Gaza conflict began on October 7") only opens a window; an undated
  attack takes its day only from its own sentences (an attack told, "the attack", its site), not a stray line.
  An undated attack takes no report day told after it in another attack's sentence ("On March 4, it was reported
  that the base at the Omar oil field had come under mortar fire" is that attack's); none left, it is the report's.
- Details: what is told of "the bases" or "their bases" right after counted bases is told of each; once the
  story has moved to another actor's strike, "killed in the strike" is the strike's toll, and a weapon told after
  the attack in the strike's clause ("in a U.S. drone strike") is the strike's.
  A state opening a run of its strikes ("The United States has begun a wave of airstrikes in Iraq and Syria") is
  another actor's strike, not a run of attacks a site was hit amid.
  A state's strike named with its weapon ("in retaliation for the US drone strike") keeps its weapon; a sentence
  naming no site whose volley (weapon and count) is another attack's tells that attack again; after "comes a day
  after" in a sentence of no attack, weapons, figures and days are the earlier event's; a linked title ("Also
  Read: ...") carries none.
  What a defence does in a present relative clause ("the C-RAM system that intercepts rounds of artillery and
  mortar fire") names no weapon of the attack; an attack on civilian works named by their name ("facilities at
  the Khor Mor gas field", ``vocabulary.CIVIL_WORKS``) is another story, its toll not the coalition attack's.
  A sentence naming no site that names its attack by a weapon the attack in focus did not use ("the drone
  attacks") tells the one other attack that used it; the weapons of plural attacks told together ("two separate
  rocket and explosive drone attacks") are an attack's only when its own sentences name none.
  A sentence naming no site that tells a strike or blast on a civilian building ("a strike on a Gaza hospital",
  "a strike had hit a primary school on April 5") moves the story on: its day and toll are not the attack's.
  "The incident came one day after a fatal blast ..." moves the story to that earlier event (its toll and, after
  it, "the incident" are its); another target as the subject of a passive with "also" ("a camp ... was also
  struck") moves the story on; "the assault" named again brings it back like "the attack"; the coalition's own
  aircraft ("US military jets and reconnaissance drones also flew over the field") are not the attack's weapons;
  the event the attack is placed after ("days after Israel was said to have retaliated ... with a drone strike")
  keeps its weapons, groups and figures.

Taught in 2026.12.12 (from holdouts 118-121; each with a golden article named after its concern):

- Who acts and who is hit: forces after a word that aims an attack at them ("launched against U.S. and Coalition
  forces", "fired at US troops"; ``vocabulary.AIMED_AT_WORDS``) are its target, not a state striking; the fire a
  self-defence strike answers is news, not background; a state asked to apologise for an attack, or held
  responsible for it, is its actor; an attack declared one on civilian infrastructure is not aimed at the base
  nearby; groups named by what they do ("militias firing rockets at"), a campaign begun against plural targets
  ("began attacking US bases") and "attacks continue" tell a habit or a trend; another state's military named as
  the target is another story, its weapons, date and claim with it.
- Sites: a site's name told with another facility noun ("the al-Jafr facility"); "the base" that nothing before
  named, told first, is the one site the next sentence names; "an air base in the west of the country" in the
  country the paragraph named last; "The second attack targeted X" is another attack; a base listed by one word of
  its name after a named site ("Al-Udeid Air Base in Qatar, Al-Dhafra in the UAE"); a US consulate or embassy told
  without its city is the one in the city told last; "HQ" for "headquarters" (``vocabulary.NAME_WORD_ABBREVIATIONS``).
- Counts, tolls, weapons and dates: a quoted modifier before a toll noun ("causing two 'minor' injuries");
  "killed and another 12 wounded"; "three of the seven rockets fired were intercepted" (the whole is the launch);
  the attack told after what was heard at the site keeps its volley; an interception over another country or off
  its coast is that country's event (``vocabulary.COUNTRIES_WITHOUT_SITES``); an earlier attack told in a sentence
  of its own keeps its weapons; "the attack on Erbil" brings the story back to Erbil Air Base; "thwarted before
  reaching its target" is stopped in flight; a volley told toward a town and then placed at a base by a part of it
  is that base's (``joining.place_the_volley_by_its_part``).
- Perpetrators and claims: a quoted passive is no claim; a claim in the present tense ("Rebels say they have
  targeted"); an attack's own "no one named" wins over the claim of a headline covering several attacks; "in what
  it described as a retaliatory measure"; a sponsor blamed together with its proxies names no one
  (``vocabulary.CLIENT_WORDS``); "The Islamic Resistance" told without its country; a named group counted among
  the dead is the victim of another attack, not the coalition attack's actor.

Taught from holdouts 134-137 (each with a golden article named after its concern):

- Perpetrators and claims: a force named in the other number ("the Revolutionary Guard said it fired" for the
  gazetteer's "Revolutionary Guards"; ``vocabulary.NAME_NOUN_PLURALS``) is that force; a state that "launched a series
  of rockets" is one volley's actor, not a campaign's; the attacker's defence of its attack as an answer ("justified
  the strike as retaliation") is its claim; so is a group's statement of the weapons its fighters used to attack
  ("said its fighters used drones to hit the base"; ``vocabulary.OWN_ATTACK_INFINITIVES``); a habit told of the place
  in a description ending the sentence (", a desert post often crossed by smugglers") makes no claim a campaign's.

Taught from holdouts 138-143 (each skill seen in two sets; each with a golden article named after its concern):

- Perpetrators and claims: a claim in the passive naming its attack by the day ("Tuesday's attack was claimed by X",
  "the responsibility for Saturday's attack was claimed by X") is that day's attack's, past an aside on an earlier
  one. The name a group gives itself in quotes ("a group calling itself the 'Revolutionaries'", "known as
  'Al-Waretheen'", ``vocabulary.SELF_NAMING_WORDS``) is read by its consonants (any casing, its vowels
  aside), and wins over a shorter name inside it. A claim or an actor whose act is aimed at others' fighters ("launched
  ballistic missiles against ISIS fighters", "targeted separatist rebels") or at civilian works told by their place
  ("the attack on the Port of Haifa", ``vocabulary.CIVIL_WORKS``) tells that other attack, not the coalition's.
- Fields of a found attack: what the site suffered told first, then its volley as the subject after "after" ("Seven
  were injured at the base after a pair of rockets hit it", "explosions within the base after an explosive-laden
  unmanned aerial vehicle struck the site") is one event: the volley is the site's (``vocabulary.IMPACT_VERBS``).
  A zero toll the first reports gave ("initially assessed no casualties", "Citing initial reports, ... no
  casualties") gives way to people later told hurt, after "but" in its sentence ("but a later, fuller assessment
  showed a few soldiers had slight injuries") or counted in another of the attack's sentences
  (``figures.zeros_given_way``); a first report nothing corrects stands.
  The coalition's people as a toll noun's modifier ("caused no US casualties", "no American
  casualties") make a zero toll, said of them only (``casualties.coalition_only_zeros``).
  A death its own clause tells a medical cause of ("died of a heart attack while sheltering during the
  alert", "died from a cardiac arrest"; ``vocabulary.MEDICAL_DEATHS``) is no toll of the attack.
  Weapons told of a campaign beside the attack are a habit, not its volley: a share of the projectiles fired at bases
  in the plural ("most of the drones and rockets launched at US bases fell short") and attacks the
  groups "have primarily engaged in" ("small attacks with rockets and drones").
  The toll of the coalition's answer told in the attack's story is the answer's: the dead it names as the enemy
  ("resulting in three enemy fighters killed") and the toll of airstrikes that are the subject of their own verb ("The
  airstrikes targeted a militia headquarters, wounding two").
  An article before a weapon named in the plural is another noun's ("mounted a major attack using cruise
  missiles and rockets", "a heavy assault using unmanned aircraft"): no launch of one.
  A toll told as hearsay in the infinitive ("Three American soldiers were reported to have received light wounds", "were
  said to have suffered injuries") is counted like its finite verb.
- Sites, roles and tolls (2026.12.15): a lone attack told only by its country ("... injures 34 in Jordan") is on
  the one site a gazetteer description places in the part of that country its own sentences tell ("near the Syrian
  border in north-eastern Jordan"); the gazetteer describes Harir as "a base north(east) of Erbil"; the town a drone
  flew from ("from the Iraqi border town of al-Qaim") is where it came from, no target. A photo's caption ("...
  are seen at Ain al-Asad air base ..., Iraq January 4, 2022.") shows an earlier attack, told aside: background,
  and the story read around it keeps its focus, time and follow-up. Attacks troops "have previously faced" came
  before the news; troops "evacuated only hours before the attack" left the site in advance, not for good. "Killing
  three service members and wounding another 25": the rest of a toll; "security forces" are people.
- Claims, tolls, states and languages (2026.12.16): a named group saying the site was hit ("declared on Friday that
  the Ain al-Assad Air Base ... was targeted with two drones"), a day set off before "that" ("announced today,
  Thursday, that they attacked") and an arm of the group ("its drone unit has carried out strikes") are its claim.
  A toll in the passive before an "after" clause has its cause there ("were wounded ... after militants fired a
  barrage of rockets at al-Asad Airbase"): the same attack. A zero toll "in any of the attacks" is each one's; one
  placed in a town ("no casualties reported in Erbil") is the attack's at the site named for it; what "the attacks
  have included ..., resulting in" and tolls "since the attacks began" are the campaign's; "preventing any
  casualties", "allowed the US to avoid any loss of life or injury" are zero tolls. A group that "escalated its
  attacks" tells a trend. A state is the actor its missiles name ("An Iranian ballistic missile struck ...") and the
  one they were fired from ("fired from Iran"). "Intercepted all three" takes in the volley; "The three Katyusha
  rockets" named again tell the weapon. An attack told in Italian, Spanish, Portuguese, French or German is read for
  its site and weapons (``vocabulary.OTHER_LANGUAGES_ATTACK_WORDS``).
- Periods, clocks and scope (2026.12.17): a site after the day the coalition left it (the gazetteer's
  ``hosted_until``: Camp Taji in 2025) is no coalition site unless the article calls it the coalition's. A clock in
  Washington's zone ("5:30 p.m. (EST) on January 7") is the next day in the region when it is evening there; a day
  set beside a weekday names it ("on Monday night (February 15)"); a page's glued stamp ("Publish dateMonday") dates
  the page; a threat's day is no day to count "earlier in the day" from. An open question about the target ("not
  clear whether the intended target was the consulate or the airport") denies nothing; a toll denied ("dismissing
  reports of casualties as false") is a zero toll. The launchers named as a projectile's agent ("a drone launched
  by militias targeting the base") are no practice; a named group's own things hit ("vehicles belonging to the
  PMF") make it the target; troops ambushed away from a base, like a convoy, hit no site; where the wounded were
  taken ("evacuated the wounded to the Al-Tanf garrison") and a landmark with its owner ("near the U.S. al-Tanf
  garrison") are no place hit. In a strike story, the attacks told "shortly after the airstrike" (and the one the
  next sentence adds) are news; an attack named again by its site ("the Asad Airbase attack") is the earlier one
  already told; "since the launch of the war" is a period, not an earlier attack; "attacks on two military bases"
  are two; "13 of the projectiles were shot down" is 13. A state's drill launched close to coalition sites, or
  whose missiles fell near them, attacked none; an attack claimed "falsely" or of which "no such attack took place"
  is denied; the coalition's own drone lost ("a US MQ-9 Reaper drone was shot down") and a contractor's vehicle hit
  are no attack on a site; "a series of ... attacks on" a named site is the barrage told; the projectiles named again
  ("fired the rockets at the Green Zone") beside an earlier attack's site are that attack's. An attack told in Arabic
  is read for its site (the gazetteer's names in other scripts, ``sites._script_names``) and weapons.
- Hosts, settings and parts (2026.12.18): the host country said not to be the target ("not directed at Qatar or its
  people") denies no attack on the base on its soil; a lead that opens on the state of things a strike made ("With
  tensions escalating ... following the US strikes on Iran, Tehran fired missiles at Al Udeid") tells the main
  clause's attack as news; a base evacuated "prior to the strike" stays the coalition's. A state's own force named
  after it is the more exact actor ("the attack on Al Udeid by Iran's Islamic Revolutionary Guard Corps", "Iran's
  elite Revolutionary Guards confirmed"); a sponsor's force named after its owner ("militias backed by the Iran
  Revolutionary Guard Corps") is no actor. The weapons of a clause telling more attacks ("targeted at least five
  more times with rockets and drones", "a day marked by rocket and drone attacks") and the gun a defence fires to
  intercept are not the attack's; a count told after each target ("Separate bases in Syria were attacked three
  times and the Ain al-Asad airbase was targeted twice") is broken down by target; "the United States Embassy in
  Baghdad" is the embassy; an attempt on a person at home, and a district told only as where it happened ("which
  occurred in Baghdad's Green Zone"), and a company named as the target ("targeted an Iraqi company providing
  services for the coalition") are no coalition site attacked. A statement's day ("issued on January 29") dates the
  statement; a follow-up dated to its month takes the day it names the attack by ("since the Jan. 8 attack"). A
  unit's name ("the Army Reserve's 718 Engineer Company") stands inside a toll; "an additional 34 soldiers" counts
  34; "two of the rockets ..., while another" add up; "short- and medium-range" missiles are counted across the
  shared hyphen; "the attack did not injure any personnel" is a zero toll. A site in an attack's motive ("in
  retaliation for the killing of General Soleimani ... outside Baghdad's airport") places the cause, and an attack
  on a country's "US bases" told in general is the one attack named there that day. "Recent attacks on" named sites
  are background; "bases of the United States military" are the coalition's; a projectile named again after a weapon
  found is that one; "Tuesday's attack on Erbil airport comes hours after ..." leaves the earlier event its weapons;
  "the majority of these assaults" is a tally; Arabic's "attacked" (هاجموا); drones "used to attack the US base in
  Shaddadi" are one attack; the targets of one launch share all the weapons named before them. A lone unnamed attack
  takes the base said to be "last" attacked before it; "threatening to continue to conduct rocket attacks" is a
  threat; a launcher found in what a statement adds after the attack (", confirming that ...") is its aftermath. A
  claim told in Arabic ("تعلن مسؤوليتها عن", announces its responsibility for) names its group by the gazetteer's
  Arabic names (``names.script_names``).
- Voices, follow-ups and claims (2026.12.19): a page's web address is no sentence; "we reserve the right to target"
  is a threat; a headline's "US troops killed in Jordan" is the troops killed, not a strike of theirs; the lead
  retells the headline's attack even as "a new attack"; the attack told again by another voice ("CENTCOM added that
  the attack involved ... at the Al-Tanf base", "an officer commented on the attack") is the one in focus; a denied
  target answered by the one hit "instead" keeps the attack, there. A day of the month told alone ("on the 29th
  local time"), a day beside "a year ago", the earliest report of the attack among its own sentences, and a
  claimant's own day for "the attack" a day apart date it; the day told after the attacks a story "followed" is
  theirs; "Speaking on Monday" dates the speaker. Projectiles downed "that were trying to target" a base attacked
  it. A strike told as how the avenged man died is the attack's cause; "the number of troops injured in attacks" is a
  tally; "no victims" is a zero toll; "smashed into" and "bombed" tell attacks. Claims: a statement in single
  quotes or "said in a statement, 'We attacked ...'", a statement that the group itself (by name) attacked, a group
  announcing "the attack", and a claim after the attacks one summary line frames (each one's); not "bears
  responsibility" for a killing. Actors: "Iran's armed groups" are the groups a state keeps, no perpetrator; the
  words between an actor and its attack ("Iran's first direct missile attack") and "launched from neighbouring
  Iran" name it. Gazetteer descriptions read a country by its name or its adjective ("near the Syria border").
- Hosts, airports and languages (2026.12.20): forces after a site's word for hosting them ("a base housing U.S.
  troops killed one contractor"; ``vocabulary.HOSTING_WORDS``) are what it hosts, not a state striking. A town's
  airport told around its name ("Baghdad's airport", "the airport in Baghdad", "the Iraqi capital's airport";
  ``vocabulary.CAPITALS``) is the site named "<town> airport"; rockets that "dropped into" a base attacked it. The
  language an article is written in is named (``language.written_in``); one not read in full caps every field's
  confidence below the review mark. Weekdays and day-month dates in Spanish, Portuguese, French, Italian, German and
  Russian ("el domingo", "am Montag", "13 de diciembre", "17 декабря") date an attack as their English words do.

Counts: every source's figure is kept as a ``Report`` with its attribution; best = the highest reported figure,
low = the lowest, high = the highest (``incidents.counts.best_low_high``, the one rule). "No casualties" gives
0 killed and 0 injured; "no injuries" gives 0 injured only.

Perpetrator: a named group or state only when the text reports its claim, names it as the attack's actor or
reports officials blaming it for this attack.
"""

from __future__ import annotations

import datetime as dt

from ingest.extractor.language import Language, written_in
from ingest.extractor.pipeline import run
from ingest.extractor.types import ExtractedIncident, Gazetteer

EXTRACTOR_VERSION = "2026.12.20"

__all__ = [
    "EXTRACTOR_VERSION",
    "ExtractedIncident",
    "Gazetteer",
    "Language",
    "extract",
    "forget_sentences",
    "written_in",
]


def extract(text: str, published: dt.date, gazetteer: Gazetteer) -> list[ExtractedIncident]:
    """The incidents ``text`` reports, primary (the news) and background (earlier attacks in passing)."""
    return run(text, published, gazetteer)


def forget_sentences() -> None:
    """Forget the answers kept per sentence text between calls (bounded memos), so that the next article is read
    afresh: the speed benchmark calls it before each article, so that its figure is never a cache hit."""
    from ingest.extractor import assemble, events

    for memo in (events._habits, events.main_clause, assemble._less_asides, assemble._claim_by_group):
        memo.cache_clear()
