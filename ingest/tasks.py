"""Celery tasks: thin wrappers that take primary keys and call services."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="ingest.tasks.ping", ignore_result=False)
def ping() -> str:
    """Round-trip check used by the health tests and operators."""
    return "pong"
