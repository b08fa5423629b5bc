"""Rewrite the render goldens: python tests/data/render/regenerate.py (then review the diff)."""

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
SEED = ROOT / "samples" / "000_3b28b45df5788720.txt"

with tempfile.TemporaryDirectory() as out:
    subprocess.run([sys.executable, "-m", "l10n", "render", "--catalogs", str(ROOT / "locales"),
                    "--out", out, "--published", "2010-05-18T15:30:00+04:00", "--all",
                    str(SEED)], check=True, capture_output=True)
    for locale in ("ru", "de", "ar", "zh_Hans", "ja"):
        page = Path(out) / locale / f"{SEED.stem}.html"
        target = HERE / f"{page.stem}.{page.parent.name}.html"
        target.write_bytes(page.read_bytes())
        print(target)
