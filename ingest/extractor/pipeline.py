"""The extractor's ordered rules. Each takes the shared ``State`` and fills in one thing; the rules live in
modules by stage (``reading``, ``details``, ``no_attack``, ``attack_dates``, ``roles``, ``joining``) and in the
modules they share with them (``anchoring``, ``follow_ups``, ``assemble``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ingest.extractor.anchoring import (
    find_anchors,
    fold_summaries,
)
from ingest.extractor.assemble import build_incidents
from ingest.extractor.attack_dates import date_the_attack_followed_up, resolve_dates
from ingest.extractor.details import attach_details, claims_of_the_framed_attacks, zero_toll_of_the_counted_attacks
from ingest.extractor.follow_ups import fold_follow_ups, follow_up_a_period
from ingest.extractor.joining import (
    earlier_attacks_counted_on_the_site,
    name_the_lone_unnamed_attack,
    one_attack_one_incident,
    place_the_volley_by_its_part,
    the_countrys_bases_are_its_named_attack,
)
from ingest.extractor.no_attack import (
    drop_collateral_sites,
    drop_denied,
    drop_drills,
    drop_reconnaissance_flights,
    drop_sites_the_coalition_had_left,
    drop_vacated_sites,
)
from ingest.extractor.reading import read_mentions, read_sentences
from ingest.extractor.roles import (
    attacks_before_the_window,
    attacks_behind_a_statement,
    attacks_in_the_reported_period,
    attacks_of_the_weeks_counted,
    attacks_the_article_lists,
    background_in_strike_stories,
    earlier_days_as_background,
    old_news_as_background,
    the_attack_a_reaction_follows,
)
from ingest.extractor.state import State
from ingest.extractor.types import ExtractedIncident, Gazetteer

RULES: tuple[Callable[[State], None], ...] = (
    read_sentences,
    read_mentions,
    find_anchors,
    place_the_volley_by_its_part,
    fold_follow_ups,
    follow_up_a_period,
    attach_details,
    zero_toll_of_the_counted_attacks,
    fold_summaries,
    claims_of_the_framed_attacks,
    drop_denied,
    drop_drills,
    drop_reconnaissance_flights,
    drop_collateral_sites,
    drop_vacated_sites,
    background_in_strike_stories,
    resolve_dates,
    date_the_attack_followed_up,
    drop_sites_the_coalition_had_left,
    earlier_days_as_background,
    attacks_before_the_window,
    attacks_of_the_weeks_counted,
    attacks_behind_a_statement,
    old_news_as_background,
    attacks_in_the_reported_period,
    attacks_the_article_lists,
    the_attack_a_reaction_follows,
    name_the_lone_unnamed_attack,
    the_countrys_bases_are_its_named_attack,
    one_attack_one_incident,
    earlier_attacks_counted_on_the_site,
    build_incidents,
)


def run(text: str, published: dt.date, gazetteer: Gazetteer) -> list[ExtractedIncident]:
    state = State(text, published, gazetteer)
    for rule in RULES:
        rule(state)
    return state.incidents
