"""The column contract of every table: name, SQL type and nullability, in order, as the driver promises them
to users (tests/integration/contract_columns.json). The file is kept by hand, not generated from schema/, so
comparing it with what SQLColumns reports catches a change to a declaration that nobody meant to make; when a
table's columns change on purpose, the file changes in the same commit."""
import json
import os

CONTRACT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "contract_columns.json")


def columns(table):
    """[(name, type, nullable)] of `table` in the contract, in column order; [] for a table it does not list."""
    with open(CONTRACT, encoding="utf-8") as f:
        contract = json.load(f)
    return [(name, typ, nullable) for name, typ, nullable in contract.get(table, [])]
