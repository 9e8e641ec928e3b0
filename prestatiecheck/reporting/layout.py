"""How wide a text is printed: enough to give a table column room for its longest word.

The report's tables have fixed column widths (so a title never sits in a narrow column and a
status word never breaks). A column must fit the widest word it holds; these are the advance
widths of DejaVu Sans, the widest of the fonts the report allows, in thousandths of an em, so an
estimate errs on the wide side. A character not in the table counts as a full em.
"""

from __future__ import annotations

_CHARS = (
    "".join(chr(c) for c in range(32, 127))  # printable ASCII
    + "éëèêïöüáàóçÉ€–—’‘“”…✓✗·\xa0"
)
# fmt: off
_REGULAR = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    615, 615, 615, 615, 278, 612, 634, 613, 613, 612, 550, 632, 636, 500, 1000, 318, 318, 518, 518,
    1000, 838, 838, 318, 318,
)
_BOLD = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    678, 678, 678, 678, 343, 687, 712, 675, 675, 687, 593, 683, 696, 500, 1000, 380, 380, 657, 657,
    1000, 838, 838, 380, 348,
)
# fmt: on
REGULAR = dict(zip(_CHARS, _REGULAR, strict=True))
BOLD = dict(zip(_CHARS, _BOLD, strict=True))
PT_TO_MM = 25.4 / 72


def text_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The width of ``text`` on one line, in millimetres, at ``size_pt`` points."""
    widths = BOLD if bold else REGULAR
    return sum(widths.get(c, 1000) for c in text) / 1000 * size_pt * PT_TO_MM


def longest_word_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The widest word of ``text`` (where a line may break), in millimetres."""
    return max((text_mm(word, size_pt, bold=bold) for word in text.split()), default=0.0)
