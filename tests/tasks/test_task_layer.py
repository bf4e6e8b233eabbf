"""The task layer's configuration and the in-process worker."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from civicwatch import config, tasks
from civicwatch.errors import ConfigurationError
from civicwatch.tasks import inprocess


def test_broker_url_from_the_environment(tmp_path: Path) -> None:
    env = {"CIVICWATCH_HOME": str(tmp_path)}
    assert config.load(env).broker_url == ""
    url = "redis://127.0.0.1:6379/3"
    assert config.load({**env, "CIVICWATCH_BROKER_URL": f" {url} "}).broker_url == url
    assert config.load(env).upload_dir == tmp_path.resolve() / "uploads"


@pytest.mark.parametrize("url", ["amqp://guest@localhost//", "127.0.0.1:6379", "http://x"])
def test_a_broker_that_is_not_redis_is_refused(tmp_path: Path, url: str) -> None:
    with pytest.raises(ConfigurationError, match="CIVICWATCH_BROKER_URL"):
        config.load({"CIVICWATCH_HOME": str(tmp_path), "CIVICWATCH_BROKER_URL": url})


def test_without_a_broker_work_runs_in_a_background_thread(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.CIVICWATCH_BROKER_URL = ""
    ran: list[tuple[int, str]] = []
    monkeypatch.setattr(
        "civicwatch.tasks.jobs.ingest_upload",
        lambda item_id: ran.append((item_id, threading.current_thread().name)),
    )
    tasks.queue_upload(41)
    tasks.queue_upload(42)
    inprocess.wait_idle(timeout=30)
    assert [item for item, _ in ran] == [41, 42]  # one after another, in order
    assert all(name.startswith("civicwatch-worker") for _, name in ran)
    assert not inprocess.knows(41)


def test_with_a_broker_work_goes_to_celery(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from civicwatch.tasks import celery_app

    settings.CIVICWATCH_BROKER_URL = "redis://127.0.0.1:6379/14"
    sent: list[int] = []
    monkeypatch.setattr(celery_app.ingest_upload, "delay", sent.append)
    monkeypatch.setattr(inprocess, "submit_upload", lambda item_id: pytest.fail("in-process"))
    tasks.queue_upload(7)
    assert sent == [7]
    # messages are JSON with ids only
    assert celery_app.app.conf.task_serializer == "json"
    assert celery_app.app.conf.accept_content == ["json"]
