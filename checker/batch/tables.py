"""The run's tables (pandas): one row per finding, one row per document, and the risk score.

Risk score, 0-100, per document: each finding is treated as independent evidence that the draft
has a real problem, with weight ``severity weight x category weight x confidence`` (confidence 1
for rules that give none), and ``risk = 100 x (1 - prod(1 - weight))``. It is the chance that at
least one finding is real if the weights were probabilities: it saturates instead of growing with
length, one strong contradiction outranks many typography slips, and order does not matter.
Documents that could not be checked have no score (empty cell).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.atomic import write_bytes, write_text
from checker.batch.work import FINDING_COLUMNS
from checker.findings import CATEGORIES

if TYPE_CHECKING:
    import pandas as pd

SEVERITY_WEIGHT = {"error": 1.0, "warning": 0.6, "info": 0.2}
CATEGORY_WEIGHT = {"contradiction": 0.9, "spam": 0.9, "name": 0.7, "number": 0.7,
                   "garble": 0.7, "source": 0.5, "typography": 0.25, "other": 0.25}
SEVERITIES = ("error", "warning", "info")


def risk_score(findings: Iterable[dict[str, Any]]) -> float:
    keep = 1.0
    for f in findings:
        conf = f.get("confidence")
        confidence = 1.0 if conf is None or (isinstance(conf, float) and math.isnan(conf)) \
            else float(conf)
        weight = (SEVERITY_WEIGHT.get(str(f["severity"]), 0.5)
                  * CATEGORY_WEIGHT.get(str(f["category"]), 0.25)
                  * min(max(confidence, 0.0), 1.0))
        keep *= 1.0 - weight
    return round(100.0 * (1.0 - keep), 1)


def findings_frame(records: Sequence[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    rows = [row for rec in records for row in rec["findings"]]
    frame = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    ints = ["line", "column", "end_line", "end_column", "start", "end"]
    frame[ints] = frame[ints].astype("int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    for col in set(FINDING_COLUMNS) - set(ints) - {"confidence"}:
        frame[col] = frame[col].astype("string")
    return frame


def documents_frame(records: Sequence[dict[str, Any]], reports: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    extra = sorted({f["category"] for r in records for f in r["findings"]} - set(CATEGORIES))
    categories = [*CATEGORIES, *extra]
    rows = []
    for rec, report in zip(records, reports, strict=True):
        info, found = rec["document"], rec["findings"]
        row: dict[str, Any] = {"path": info["path"], "report": report, "kind": info["kind"],
                               "sources": info.get("sources", ""),
                               "chars": info["chars"], "findings": len(found),
                               "risk": None if info["error"] else risk_score(found)}
        for sev in SEVERITIES:
            row[f"n_{sev}"] = sum(1 for f in found if f["severity"] == sev)
        for cat in categories:
            row[cat] = sum(1 for f in found if f["category"] == cat)
        row["top_rule"] = _top_rule(found)
        row["error"] = info["error"]
        rows.append(row)
    columns = ["path", "report", "kind", "sources", "chars", "findings", "risk",
               *(f"n_{s}" for s in SEVERITIES), *categories, "top_rule", "error"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["risk"] = frame["risk"].astype("float64")
    return frame


def _top_rule(found: Sequence[dict[str, Any]]) -> str:
    counts: dict[str, int] = {}
    for f in found:
        counts[f["code"]] = counts.get(f["code"], 0) + 1
    return max(sorted(counts), key=lambda c: counts[c], default="")


def write_tables(out: Path, findings: pd.DataFrame, documents: pd.DataFrame) -> None:
    """Write the three tables, each atomically (a reader never sees half a file)."""
    import io

    buf = io.BytesIO()
    findings.to_parquet(buf, index=False)
    write_bytes(out / "findings.parquet", buf.getvalue())
    write_text(out / "findings.csv", findings.to_csv(index=False))
    write_text(out / "documents.csv", documents.to_csv(index=False))
