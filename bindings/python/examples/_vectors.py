"""Where the examples find test-vectors/ (KYCRYPT_VECTORS_DIR, else the repository's)."""

from __future__ import annotations

import os
import pathlib

VECTORS_DIR = pathlib.Path(
    os.environ.get("KYCRYPT_VECTORS_DIR", pathlib.Path(__file__).resolve().parents[3] / "test-vectors")
)
