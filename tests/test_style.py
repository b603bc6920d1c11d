"""The codebase stays `ruff` clean (the configuration is in pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (pip install -e '.[test]' brings it)")
    result = subprocess.run([ruff, "check", "bot", "tests"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


MAX_MODULE_LINES = 400  # ../shared/DESIGN.md: a module over ~400 lines is asking to be split


def test_no_module_under_bot_is_over_400_lines():
    long = {path.relative_to(ROOT).as_posix(): n for path in (ROOT / "bot").rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}
