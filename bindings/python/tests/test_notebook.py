"""The walkthrough notebook runs from top to bottom (nbclient), from the repository root as from
its own folder, is kept executed, and its chart has the Chinese industry names drawn with a font
that has their glyphs (not empty boxes)."""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path
from typing import Any, List

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import REPO

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "walkthrough.ipynb"


def execute(path: Path) -> Any:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    return nb


def outputs(nb: Any) -> List[Any]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def test_notebook_is_kept_executed() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs or "import" in c.source for c in code), "execute the notebook and keep its outputs"
    assert "../" not in "".join(c.source for c in code), "no path relative to where it is run"


@pytest.mark.parametrize("where", ["examples folder", "repository root"])
def test_notebook_runs(where: str) -> None:
    nb = execute(NOTEBOOK.parent if where == "examples folder" else REPO)
    out = outputs(nb)
    assert not [o for o in out if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in out), "the bar chart is drawn"
    html = [o["data"]["text/html"] for o in out if "text/html" in o.get("data", {})]
    assert any("digicat-classification" in h for h in html), "a result shows as HTML"
    text = "".join(o.get("text", "") for o in out if o.output_type == "stream")
    assert "missing from font" not in text, "every glyph of the chart is in its font"
    assert "['结果', '汇总'] 60 rows" in text, "the result is written to .xlsx and read back"


def test_the_chart_font_has_the_chinese_glyphs() -> None:
    """Render an industry name with the font the notebook chose and with DejaVu Sans (no CJK):
    the first draws it without a missing-glyph warning, the second warns (boxes), and the two
    images differ, so the check would see boxes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    nb = nbformat.read(NOTEBOOK, as_version=4)
    text = "".join(o.get("text", "") for o in outputs(nb) if o.output_type == "stream")
    chosen = re.search(r"chart font: (.+)", text)
    assert chosen, "the notebook prints its chart font"
    font = chosen.group(1).strip()
    if font not in {f.name for f in font_manager.fontManager.ttflist}:
        import subprocess

        listing = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True).stdout
        for path in (line.split(":")[0] for line in listing.splitlines() if line.strip()):
            font_manager.fontManager.addfont(path)

    def render(family: str) -> "tuple[bytes, List[str]]":
        fig = plt.figure(figsize=(3, 0.6))
        fig.text(0.02, 0.3, "网络与信息安全软件开发", family=family, fontsize=14)
        buf = io.BytesIO()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig.savefig(buf, format="png")
        plt.close(fig)
        return buf.getvalue(), [str(w.message) for w in caught if "missing from font" in str(w.message)]

    cjk, cjk_missing = render(font)
    plain, plain_missing = render("DejaVu Sans")
    assert cjk_missing == [], cjk_missing
    assert plain_missing, "DejaVu Sans lacks CJK glyphs: the warning this test relies on"
    assert cjk != plain
