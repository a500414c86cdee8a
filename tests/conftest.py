from pathlib import Path

import pytest

DEMO_DIR = Path(__file__).resolve().parent.parent / "articles" / "demo"


@pytest.fixture
def demo_files():
    return {path.name: path.read_bytes() for path in sorted(DEMO_DIR.glob("*.txt"))}
