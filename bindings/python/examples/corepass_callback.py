"""Verify a CorePass Connector callback, with replay protection.

The callback is the real sample the CorePass docs print (``test-vectors/corepass.json``,
case ``status-accepted-upstream``), checked at the time the case pins. The replay store
keeps each replay key until ``replay_until``; the same callback sent again is refused.
"""

from __future__ import annotations

import json
import sys
from typing import Dict

import kycrypt
from kycrypt import corepass
from _vectors import VECTORS_DIR


class ReplayStore:
    """A stand-in for Redis ``SET key 1 NX EXAT replay_until`` or a unique DB column."""

    def __init__(self) -> None:
        self._until: Dict[str, int] = {}

    def add(self, key: str, until: int, now: int) -> bool:
        """True if ``key`` was new (or had expired), False for a replay."""
        if self._until.get(key, -1) >= now:
            return False
        self._until[key] = until
        return True


class Replayed(Exception):
    pass


CONNECTOR_CASE = "status-accepted-upstream"


def handle_status(body: bytes, pinned: corepass.PinnedConnector, store: ReplayStore, now: int) -> kycrypt.VerifiedCallback:
    v = corepass.verify_callback("status", body, pinned, now)
    assert isinstance(v, corepass.VerifiedCallback.STATUS)
    if not store.add(v.replay_key, v.replay_until, now):
        raise Replayed(v.replay_key)
    return v


def main() -> None:
    cases = json.loads((VECTORS_DIR / "corepass.json").read_text())["cases"]
    case = next(c for c in cases if c["id"] == CONNECTOR_CASE)
    body, now = case["inputs"]["body"].encode(), case["inputs"]["now"]
    pinned = corepass.PinnedConnector.parse(case["inputs"]["connector"])  # pin once at start-up
    store = ReplayStore()

    v = handle_status(body, pinned, store, now)
    assert isinstance(v, corepass.VerifiedCallback.STATUS)
    assert v.status == corepass.CorePassStatus.ACCEPTED and v.user == case["output"]["user"]
    assert v.replay_until >= v.deadline

    try:
        handle_status(body, pinned, store, now + 1)
        raise AssertionError("a replayed callback was accepted")
    except Replayed:
        pass
    try:
        handle_status(body.replace(b"ACCEPTED", b"FINISH_SUCCESS"), pinned, ReplayStore(), now)
        raise AssertionError("an altered callback verified")
    except kycrypt.KycryptError as e:
        assert e.code in ("signature_invalid", "malformed_input"), e.code
    try:
        handle_status(body, pinned, ReplayStore(), v.replay_until + 1)
        raise AssertionError("an expired callback verified")
    except kycrypt.ExpiredError:
        pass
    print(f"corepass callback from {v.signer[:8]}…: verified ({v.status.name}); replay, tampering and expiry refused")


if __name__ == "__main__":
    try:
        main()
    except (AssertionError, kycrypt.KycryptError) as e:
        print(f"FAILED: {e!r}", file=sys.stderr)
        sys.exit(1)
