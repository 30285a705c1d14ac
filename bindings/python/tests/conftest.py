"""Shared fixtures: the vector directory (override with KYCRYPT_VECTORS_DIR)."""

import os
import pathlib

VECTORS_DIR = pathlib.Path(
    os.environ.get("KYCRYPT_VECTORS_DIR", pathlib.Path(__file__).resolve().parents[3] / "test-vectors")
)
