"""Reads the column tables of the data-model contract (shared/reference/data-model.md), so tests can compare
what the driver reports with what the contract promises, column by column."""
import os
import re

SPEC = os.environ.get(
    "IGODBC_DATA_MODEL",
    os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "reference", "data-model.md"),
)


def spec_path():
    return os.path.abspath(SPEC)


def columns(table):
    """[(name, type, nullable)] of `table`, from the first column table after its '### N.N Table' heading."""
    with open(spec_path(), encoding="utf-8") as f:
        lines = f.read().splitlines()
    start = next(i for i, l in enumerate(lines) if re.match(rf"^### [\d.]+ {re.escape(table)}\s*$", l))
    out = []
    in_table = False
    for line in lines[start + 1:]:
        if line.startswith("### ") or line.startswith("## "):
            break
        if line.startswith("| Column | Type | Null"):
            in_table = True
            continue
        if in_table:
            if not line.startswith("|"):
                break
            cells = [c.strip() for c in line.strip("|").split("|")]
            if set(cells[0]) <= set("-: "):
                continue
            out.append((cells[0].strip("`"), cells[1], cells[2] == "yes"))
    return out
