"""The README's "Using digicat from Python" code works when pasted into a fresh interpreter."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import List

from conftest import REPO

SECTION = "## Using digicat from Python"

# Feeds the code line by line to an interactive console, exactly as a paste into the `python`
# prompt is read (a compound statement ends at a blank line); any error fails the run.
PASTE = r"""
import code, sys
class Console(code.InteractiveConsole):
    def showtraceback(self):
        super().showtraceback()
        sys.exit(1)
    def showsyntaxerror(self, filename=None, **kwargs):
        super().showsyntaxerror(filename)
        sys.exit(1)
console = Console()
more = False
for line in sys.stdin.read().splitlines():
    more = console.push(line)
if more:
    console.push("")
"""


def readme_blocks() -> List[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index(SECTION)
    end = readme.find("\n## ", start + len(SECTION))
    section = readme[start : end if end != -1 else len(readme)]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_readme_python_section_runs_in_a_fresh_interpreter(tmp_path: Path) -> None:
    blocks = readme_blocks()
    assert len(blocks) == 5
    outputs = []
    for block in blocks:
        run = subprocess.run(
            [sys.executable, "-c", PASTE],
            input=block,
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert run.returncode == 0, f"{block}\n--- stderr:\n{run.stderr}"
        outputs.append(run.stdout)
    assert "in_scope listed_product (3,)" in outputs[0]
    assert "invalid" in outputs[0] and "malformed_code" in outputs[0]
    assert "甲公司" in outputs[1] and "in_scope" in outputs[1]
    # digicat.arrow: the null code is no code, "65x" an invalid row; the long view counts.
    assert "'invalid'" in outputs[2] and "[3]" in outputs[2]
    assert "industries" in outputs[3] and "len" in outputs[3]
    # digicat.polars: the plugin in a streaming query; "65x" is an invalid row, not an error.
    assert "invalid" in outputs[4] and "malformed_code" in outputs[4] and "6513" in outputs[4]
