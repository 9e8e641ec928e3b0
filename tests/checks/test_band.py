"""band: target ± tolerance, the edges inside, the margin inside the edges."""

from __future__ import annotations

import pytest

from tests.helpers import figure, run

BAND = {
    "kind": "band",
    "numerator": "verhuringen_urgent",
    "denominator": "verhuringen_totaal",
    "target": 30,
    "tolerance": 5,
    "periods": ["2022"],
    "parties": ["alliantie"],
}


@pytest.mark.parametrize(
    ("urgent", "expected"),
    [
        (2499, "not_met"),
        (2500, "at_risk"),  # lower edge: inside
        (2699, "at_risk"),
        (2700, "met"),  # lower edge + margin
        (3000, "met"),
        (3300, "met"),  # upper edge - margin
        (3301, "at_risk"),
        (3500, "at_risk"),  # upper edge: inside
        (3501, "not_met"),
    ],
)
def test_band_boundaries(urgent: int, expected: str) -> None:
    (result,) = run(
        BAND,
        [
            figure("2022", "alliantie", "verhuringen_urgent", urgent),
            figure("2022", "alliantie", "verhuringen_totaal", 10000),
        ],
    )
    assert result.status.value == expected
    assert result.band == (25, 35)
