"""`make bench`: run every benchmark module and collect their tables in reports/bench.md."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

from checker.atomic import write_text

# Each module has main() -> int and writes reports/bench-<name>.md.
MODULES = ("rules", "startup", "cli_server", "spam_web", "nli", "scaling", "batch", "model_report",
           "editor", "serve_model", "hostile", "source", "positions", "garble")


def main(argv: list[str] | None = None) -> int:
    wanted = (argv if argv is not None else sys.argv[1:]) or list(MODULES)
    parts = ["# checker benchmarks", ""]
    status = 0
    if wanted == ["--collect"]:  # rebuild reports/bench.md from the tables already written
        for name in MODULES:
            table = Path("reports") / f"bench-{name.replace('_', '-')}.md"
            if table.is_file():
                parts += [f"## {name}", table.read_text(encoding="utf-8")]
        write_text(Path("reports") / "bench.md", "\n\n".join(parts) + "\n")
        return 0
    for name in wanted:
        try:
            module = importlib.import_module(f"checker.bench.{name}")
        except ImportError as exc:
            print(f"== {name}: not available ({exc})")
            continue
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        rc = int(module.main())
        status = status or rc
        table = Path("reports") / f"bench-{name.replace('_', '-')}.md"
        parts.append(f"## {name} ({time.perf_counter() - started:.0f} s)")
        parts.append(table.read_text(encoding="utf-8") if table.is_file() else "(no table)")
    write_text(Path("reports") / "bench.md", "\n\n".join(parts) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
