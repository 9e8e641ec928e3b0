"""Which agreements a worker process of ``check --jobs N`` takes: its shard.

An agreement belongs to shard ``crc32(id) % N``: every process decides the same
without asking the others, before any of them has read a figure. Rows that belong
to no known agreement (no agreement column, an unknown id) go to the first shard,
which reports them.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ShardSpec:
    index: int
    count: int

    def owns(self, agreement_id: str) -> bool:
        return self.count == 1 or zlib.crc32(agreement_id.encode("utf-8")) % self.count == self.index

    def keeper(self, default: str | None, known: Collection[str]) -> Callable[[Any], bool]:
        """Whether a row (given its agreement cell) is this shard's."""

        def keep(cell: Any) -> bool:
            text = str(cell).strip() if cell is not None else ""
            agreement = text or default
            if agreement is None or agreement not in known:
                return self.index == 0
            return self.owns(agreement)

        return keep
