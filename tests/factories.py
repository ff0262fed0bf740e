from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from incidents.models import Base, Faction, Incident
from ingest.models import Article, IncidentSource


class UserFactory(factory.django.DjangoModelFactory):
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


class BaseFactory(factory.django.DjangoModelFactory):
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


class FactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Faction
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test Faction {n}")
    slug = factory.Sequence(lambda n: f"test-faction-{n}")


class IncidentFactory(factory.django.DjangoModelFactory):
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


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    text = factory.Sequence(lambda n: f"Rockets were fired at a base on Tuesday. Report number {n}.")
    title = factory.Sequence(lambda n: f"Test article {n}")
    published = dt.date(2024, 10, 1)
    outlet = "Test Wire"


class IncidentSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IncidentSource

    incident = factory.SubFactory(IncidentFactory)
    article = factory.SubFactory(ArticleFactory)
    role = IncidentSource.Role.PRIMARY
