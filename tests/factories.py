from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from incidents.models import Base, Faction, Incident
from ingest.models import Article, IncidentSource

M = TypeVar("M")


class ModelFactory(factory.django.DjangoModelFactory[M]):
    """A factory of model ``M``: calling it gives an ``M`` (factory_boy's metaclass makes the call create one,
    which its annotations do not say)."""

    class Meta:
        abstract = True

    if TYPE_CHECKING:
        # factory_boy's metaclass makes the call return the created model instance, not the factory
        def __new__(cls, *args: Any, **kwargs: Any) -> M: ...  # type: ignore[misc]


class UserFactory(ModelFactory[User]):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class BaseFactory(ModelFactory[Base]):
    class Meta:
        model = Base
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test Base {n}")
    slug = factory.Sequence(lambda n: f"test-base-{n}")
    kind = Base.Kind.AIR_BASE
    country = "IQ"
    latitude = 33.3
    longitude = 44.4
    aliases = factory.LazyFunction(list)


class FactionFactory(ModelFactory[Faction]):
    class Meta:
        model = Faction
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test Faction {n}")
    slug = factory.Sequence(lambda n: f"test-faction-{n}")


class IncidentFactory(ModelFactory[Incident]):
    class Meta:
        model = Incident

    date = dt.date(2024, 1, 28)
    base = factory.SubFactory(BaseFactory)
    latitude = factory.LazyAttribute(lambda o: o.base.latitude if o.base else None)
    longitude = factory.LazyAttribute(lambda o: o.base.longitude if o.base else None)
    country = factory.LazyAttribute(lambda o: o.base.country if o.base else "IQ")
    weapons = factory.LazyFunction(lambda: ["drone"])
    status = Incident.Status.PUBLISHED
    summary = "Drone attack on a test base."


class ArticleFactory(ModelFactory[Article]):
    class Meta:
        model = Article

    text = factory.Sequence(lambda n: f"Rockets were fired at a base on Tuesday. Report number {n}.")
    title = factory.Sequence(lambda n: f"Test article {n}")
    published = dt.date(2024, 10, 1)
    outlet = "Test Wire"


class IncidentSourceFactory(ModelFactory[IncidentSource]):
    class Meta:
        model = IncidentSource

    incident = factory.SubFactory(IncidentFactory)
    article = factory.SubFactory(ArticleFactory)
    role = IncidentSource.Role.PRIMARY
