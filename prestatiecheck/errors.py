"""The exception tree. The core raises these; only the CLI turns them into exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prestatiecheck.model import Problem


class PrestatiecheckError(Exception):
    """Base of every error prestatiecheck reports to its user."""


class UsageError(PrestatiecheckError):
    """The command line asks for something that cannot be done."""


class InputError(PrestatiecheckError):
    """A file the user gave us is wrong. Carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class RuleFileError(InputError):
    """agreements.yaml, metrics.yaml or a rule file is invalid."""


class FiguresError(InputError):
    """A figures file is invalid."""


class ConfigError(InputError):
    """A configuration file or environment setting is invalid."""


class TemplateError(InputError):
    """A report template (shipped or from --template-dir) cannot be rendered: no report is written."""


class DeliveryError(PrestatiecheckError):
    """A report was written but could not be delivered (e-mail)."""
