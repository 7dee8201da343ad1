"""docs/privacy.md and template.yaml agree: the retention of every table, what every log group keeps, and
every security safeguard the page names is a resource or property that exists. docs/breach-runbook.md gives
the deadlines the command prints."""

from __future__ import annotations

import re
from typing import Any

from tests.backend.template import ROOT, resources, template

PAGE = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")


def table_after(heading: str) -> list[list[str]]:
    """The rows (cells stripped) of the first Markdown table under `## heading`, without the header."""
    section = PAGE.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def names(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def test_the_retention_table_names_every_table_with_its_expiry_and_backups() -> None:
    tables = resources("AWS::DynamoDB::Table")
    rows = {names(row[0])[0]: row for row in table_after("Retention of every table")}
    assert set(rows) == set(tables)
    for name, (_, _, expires_by, _, backups) in rows.items():
        ttl = tables[name]["Properties"].get("TimeToLiveSpecification")
        assert expires_by == (f"`{ttl['AttributeName']}`" if ttl and ttl["Enabled"] else "none"), name
        pitr = tables[name]["Properties"].get("PointInTimeRecoverySpecification", {})
        assert backups == ("35 days" if pitr.get("PointInTimeRecoveryEnabled") else "none"), name


def test_the_logs_table_names_every_log_group_and_each_keeps_a_year() -> None:
    groups = resources("AWS::Logs::LogGroup")
    assert {names(row[0])[0] for row in table_after("Logs")} == set(groups)
    assert "`LogRetentionDays` days (365 by default" in " ".join(PAGE.split("## Logs\n", 1)[1].split())
    assert template()["Parameters"]["LogRetentionDays"]["Default"] == 365


def _resolve(path: str) -> Any:
    """`UsersTable.Properties.SSESpecification` in Resources, or `Parameters.X.Default` / `Globals...` at the top."""
    parts = path.split(".")
    node: Any = template()["Resources"] if parts[0] in template()["Resources"] else template()
    for part in parts:
        assert isinstance(node, dict) and part in node, f"{path}: no {part!r} in template.yaml"
        node = node[part]
    return node


def test_every_safeguard_named_is_in_the_template_and_switched_on() -> None:
    rows = table_after("Security safeguards (Rule 6) and where they are in the template")
    kinds = {row[0].split(" (")[0] for row in rows}
    assert {"access control: each function only the tables and actions it needs", "logs kept a year"} <= kinds
    assert any(kind.startswith("encryption of personal data") for kind in kinds)
    assert any(kind.startswith("backups") for kind in kinds)
    assert any(kind.startswith("visibility of access") for kind in kinds)
    for row in rows:
        for path in names(row[1]):
            value = _resolve(path)
            assert value not in (False, None, "", []), path
            if path.endswith("SSESpecification"):
                assert value["SSEEnabled"] is True and value["KMSMasterKeyId"] == {"Ref": "DataKey"}
            if path.endswith("PointInTimeRecoverySpecification"):
                assert value == {"PointInTimeRecoveryEnabled": True}


def test_the_breach_runbook_gives_the_steps_and_the_deadlines() -> None:
    runbook = (ROOT / "docs" / "breach-runbook.md").read_text(encoding="utf-8")
    assert "without delay" in runbook and "72 hours" in runbook
    assert "careermitra breach notify" in runbook
    from careermitra.domain.breach import DETAILED_REPORT_WITHIN, BreachIncident

    assert DETAILED_REPORT_WITHIN.total_seconds() == 72 * 3600
    for field in BreachIncident.model_fields:  # the incident file's every field is explained
        assert f"`{field}`" in runbook, field
