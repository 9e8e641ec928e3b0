from __future__ import annotations

import gc
import os

import pytest
from click.testing import CliRunner
from hypothesis import settings as _hypothesis_settings

from prestatiecheck.i18n import set_language

# The everyday suite (and CI) runs the property tests on the same examples every time, so that a
# landing never fails by chance; the long run (PRESTATIECHECK_LONG_TESTS=1, README) explores at
# random, and what it finds becomes a test of its own.
_hypothesis_settings.register_profile("everyday", derandomize=True)
_hypothesis_settings.register_profile("long", derandomize=False)
_hypothesis_settings.load_profile("long" if os.environ.get("PRESTATIECHECK_LONG_TESTS") else "everyday")


@pytest.fixture(scope="session")
def _rule_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One rule-file cache for the whole session: never the user's own ~/.cache."""
    return str(tmp_path_factory.mktemp("rule-cache"))


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, _rule_cache: str) -> None:
    """Tests never inherit a user's language, colour or agreements settings."""
    for name in (
        "PRESTATIECHECK_LANG",
        "PRESTATIECHECK_AGREEMENTS",
        "NO_COLOR",
        "FORCE_COLOR",
        "PRESTATIECHECK_DEBUG",
        "COLUMNS",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("PRESTATIECHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("PRESTATIECHECK_CACHE_DIR", _rule_cache)
    monkeypatch.chdir(os.getcwd())  # a test that changes directory gets the old one back
    set_language("nl")
    yield
    set_language("nl")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner):  # type: ignore[no-untyped-def]
    """Run the CLI like a user would; returns click's Result (stdout, stderr separate)."""
    from prestatiecheck.cli import cli

    def _invoke(*args: str, env: dict[str, str] | None = None, input: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(cli, list(args), env=env, input=input, catch_exceptions=False)

    return _invoke


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("PRESTATIECHECK_TEST", "1")


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """Collect the session's cyclic garbage (WeasyPrint's layouts) now: in a pytest-xdist worker
    this is before it tells the controller it has finished, so pytest's final collections take no
    time and execnet does not interrupt a worker still busy 5 s after the end."""
    gc.collect()
