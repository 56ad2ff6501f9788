"""Excel output that cannot run anything: text that looks like a formula stays text."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # openpyxl loads in ~0.1 s: only when a workbook is really written
    from openpyxl import Workbook

# What a spreadsheet may read as the start of a formula (OWASP "CSV injection"); a tab or a
# carriage return in front hides one from the eye.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def keep_text(workbook: Workbook) -> Workbook:
    """Store every text cell that starts like a formula as plain text, marked with Excel's
    quote prefix (shown as written, never evaluated, not even after an edit); returns it.

    openpyxl would otherwise store a string that starts with "=" as a live formula, so a
    player named "=HYPERLINK(…)" would run in the organizer's Excel. The text is unchanged,
    so an exported bank imports back exactly.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    return workbook
