"""The client address comes from the socket, or from the configured number of trusted proxies
(TRUSTED_PROXIES, config/proxies.py), never from a header the client wrote: API throttling and the
login lock-out (one user name from one address) both use it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client
from rest_framework.throttling import SimpleRateThrottle

from config.proxies import forwarded_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fresh_counters():
    caches["throttle"].clear()
    yield
    caches["throttle"].clear()


@pytest.fixture
def low_anon_rate(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "5/minute", "user": "1000/minute"})


@pytest.mark.parametrize(
    ("remote", "header", "trusted", "expected"),
    [
        ("10.0.0.2", "198.51.100.7", 0, "10.0.0.2"),  # default: the header is ignored
        ("10.0.0.2", "198.51.100.7", 1, "198.51.100.7"),  # one proxy: the entry it appended
        ("10.0.0.2", "1.2.3.4, 198.51.100.7", 1, "198.51.100.7"),  # what the client wrote is ignored
        ("10.0.0.3", "1.2.3.4, 198.51.100.7, 10.0.0.2", 2, "198.51.100.7"),  # two proxies
        ("10.0.0.2", "198.51.100.7", 2, "10.0.0.2"),  # fewer hops than proxies: not through them
        ("10.0.0.2", "not-an-address", 1, "10.0.0.2"),
        ("10.0.0.2", "", 1, "10.0.0.2"),
        ("10.0.0.2", "2001:db8::1", 1, "2001:db8::1"),
    ],
)
def test_forwarded_client(remote, header, trusted, expected):
    assert forwarded_client(remote, header, trusted) == expected


def test_a_new_x_forwarded_for_on_each_request_does_not_escape_the_throttle(world, low_anon_rate):
    client = Client()
    answers = [client.get("/api/v1/bases/", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").status_code for i in range(1, 11)]
    assert answers == [200] * 5 + [429] * 5


def test_behind_trusted_proxies_each_client_has_its_own_rate(world, low_anon_rate, settings):
    settings.TRUSTED_PROXIES = 1
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    # Two clients behind the same proxy, each forging a different leftmost entry every time.
    for i in range(5):
        for client_ip in ("198.51.100.7", "198.51.100.8"):
            response = proxy.get("/api/v1/bases/", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}, {client_ip}")
            assert response.status_code == 200
    assert proxy.get("/api/v1/bases/", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7").status_code == 429
    assert proxy.get("/api/v1/bases/", HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == 200


def test_a_throttle_cache_outage_lets_requests_through(world, low_anon_rate, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(caches["throttle"], "get", broken)
    assert {Client().get("/api/v1/bases/").status_code for _ in range(8)} == {200}


def _fail(client: Client, username: str, times: int, **extra: Any) -> list[int]:
    return [
        client.post("/accounts/login/", {"username": username, "password": "wrong"}, **extra).status_code
        for _ in range(times)
    ]


def _login(client: Client, username: str, **extra: Any) -> int:
    return client.post("/accounts/login/", {"username": username, "password": PASSWORD}, **extra).status_code


def test_lockout_is_by_user_name_and_address_together(settings):
    UserFactory(username="alice")
    UserFactory(username="bob")
    attacker = Client(REMOTE_ADDR="192.0.2.10")
    assert _fail(attacker, "alice", settings.AXES_FAILURE_LIMIT)[-1] == 429
    assert _login(attacker, "alice") == 429  # alice from that address: locked, even with her password
    # Bob behind the same address (the same NAT or proxy) is not locked out by alice's guesser.
    assert _login(Client(REMOTE_ADDR="192.0.2.10"), "bob") == 302
    # Alice from her own address is not locked out either.
    assert _login(Client(REMOTE_ADDR="198.51.100.20"), "alice") == 302


def test_a_forged_x_forwarded_for_does_not_reset_the_lockout(settings):
    UserFactory(username="alice")
    attacker = Client(REMOTE_ADDR="192.0.2.10")
    for i in range(settings.AXES_FAILURE_LIMIT):
        attacker.post("/accounts/login/", {"username": "alice", "password": "wrong"}, HTTP_X_FORWARDED_FOR=f"1.1.1.{i}")
    assert _login(attacker, "alice", HTTP_X_FORWARDED_FOR="1.1.1.200") == 429


def test_behind_a_trusted_proxy_the_lockout_uses_the_forwarded_client(settings):
    settings.TRUSTED_PROXIES = 1
    UserFactory(username="alice")
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    attacker = {"HTTP_X_FORWARDED_FOR": "192.0.2.10"}
    assert _fail(proxy, "alice", settings.AXES_FAILURE_LIMIT, **attacker)[-1] == 429
    assert _login(proxy, "alice", **attacker) == 429
    # Alice herself, through the same proxy from her own address, still logs in.
    assert _login(Client(REMOTE_ADDR="10.0.0.2"), "alice", HTTP_X_FORWARDED_FOR="198.51.100.20") == 302
