"""Runs every test-vectors/*.json case through the installed `kycrypt` package.

Cases are dispatched on `op` through OPS. Ops without an entry are counted as
"not bound" and reported; with KYCRYPT_STRICT_OPS=1 they fail the run. To bind an op,
add an entry: it gets the case's inputs and returns a dict of outputs (hex strings for
bytes) to compare with the case's `output`, or raises the library's KycryptError.
"""

from __future__ import annotations

import collections
import json
import os
from typing import Any, Callable, Dict

import pytest

import kycrypt
from conftest import VECTORS_DIR

ALGS = {"sha256": kycrypt.HmacAlg.SHA256, "sha512": kycrypt.HmacAlg.SHA512, "sha1": kycrypt.HmacAlg.SHA1}


def _hmac_key(i: Dict[str, Any]) -> kycrypt.HmacKey:
    if "key_b64" in i:
        return kycrypt.HmacKey.from_base64(i["key_b64"])
    return kycrypt.HmacKey(bytes.fromhex(i["key"]))


def _hmac_verify(i: Dict[str, Any]) -> Dict[str, Any]:
    _hmac_key(i).verify(ALGS[i["alg"]], bytes.fromhex(i["msg"]), bytes.fromhex(i["tag"]))
    return {}


OPS: Dict[str, Callable[[Dict[str, Any]], Dict[str, Any]]] = {
    "hmac.sign": lambda i: {"tag": _hmac_key(i).sign(ALGS[i["alg"]], bytes.fromhex(i["msg"])).hex()},
    "hmac.verify": _hmac_verify,
}

FILES = sorted(VECTORS_DIR.glob("*.json"))
CASES = [(f.name, c) for f in FILES for c in json.loads(f.read_text())["cases"]]
BOUND = [(name, c) for name, c in CASES if c["op"] in OPS]


def _check_output(case: Dict[str, Any], got: Dict[str, Any]) -> None:
    """`<name>_prefix` in `output` means output `<name>` starts with it."""
    for k, want in (case.get("output") or {}).items():
        if k.endswith("_prefix") and k not in got:
            base = k[: -len("_prefix")]
            assert str(got[base]).startswith(want), f"{case['id']}: {base} does not start with {want}"
        else:
            assert got[k] == want, f"{case['id']}: output {k}"


@pytest.mark.parametrize("file,case", BOUND, ids=[f"{n}:{c['id']}" for n, c in BOUND])
def test_vector(file: str, case: Dict[str, Any]) -> None:
    op = OPS[case["op"]]
    if case["expected"] == "valid":
        _check_output(case, op(case["inputs"]))
        return
    with pytest.raises(kycrypt.KycryptError) as info:
        op(case["inputs"])
    assert info.value.code == case["error_code"]
    assert isinstance(info.value, kycrypt.ERRORS_BY_CODE[case["error_code"]])


def test_vector_files_parse_and_ops_are_bound() -> None:
    assert FILES, f"no vector files in {VECTORS_DIR}"
    for f in FILES:
        assert json.loads(f.read_text())["schema"] == "kycrypt-vectors/1", f.name
    unbound = collections.Counter(c["op"] for _, c in CASES if c["op"] not in OPS)
    print(f"vectors: {len(BOUND)} cases bound; not bound: {dict(unbound) or 'none'}")
    assert BOUND, "no vector case is bound"
    if os.environ.get("KYCRYPT_STRICT_OPS") == "1":
        assert not unbound, f"ops not bound: {dict(unbound)}"
