from ingest.extractor.assemble import at_least_intercepted
from ingest.extractor.types import Count, Evidence, Report


def _count(value, text):
    return Count(value, value, value, (Report(value, None, Evidence(text, 0, len(text))),))


def test_launched_is_at_least_what_was_shot_down() -> None:
    got = at_least_intercepted(Count(), _count(1, "US forces shot down a drone over the embassy."))
    assert got.best == 1


def test_no_inference_when_more_were_launched() -> None:
    got = at_least_intercepted(Count(), _count(1, "One drone was shot down, but another hit the base."))
    assert got.best is None


def test_stated_launch_count_wins() -> None:
    assert at_least_intercepted(_count(3, "three rockets"), _count(1, "one was shot down")).best == 3
