"""ECIES interop, both directions, between the `kycrypt cak` CLI and
independent Python implementations: `cryptography` (P-256 and secp256k1, a
from-scratch eciesjs-format construction here) and, when installed, eciespy
(secp256k1, the Python sibling of eciesjs).

Run: cargo build -p kycrypt-cli && pytest tests/interop/test_ecies_interop.py
The binary is $KYCRYPT_BIN (default target/debug/kycrypt).
"""

import os
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("KYCRYPT_BIN", str(ROOT / "target" / "debug" / "kycrypt"))

CURVES = {
    "p256": (ec.SECP256R1(), 0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF, -3),
    "secp256k1": (ec.SECP256K1(), 2**256 - 2**32 - 977, 0),
}
OPTIONS = [  # (compressed ephemeral, compressed hkdf, nonce length)
    (False, False, 16),
    (True, True, 12),
    (True, False, 16),
    (False, True, 12),
]
PLAINTEXT = b'{"fullName":"Jane Q. Public","doc":"X1234567"}' + bytes(range(256)) * 40


# --- a tiny affine scalar multiplication: ECDH APIs expose only x, and the
# eciesjs KDF needs the whole shared point (test code: not constant time).
def _add(curve, p1, p2):
    _, p, a = CURVES[curve]
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    (x1, y1), (x2, y2) = p1, p2
    if x1 == x2 and (y1 + y2) % p == 0:
        return None
    if p1 == p2:
        lam = (3 * x1 * x1 + a) * pow(2 * y1, -1, p) % p
    else:
        lam = (y2 - y1) * pow(x2 - x1, -1, p) % p
    x3 = (lam * lam - x1 - x2) % p
    return x3, (lam * (x1 - x3) - y1) % p


def _mul(curve, k, point):
    acc = None
    for bit in bin(k)[2:]:
        acc = _add(curve, acc, acc)
        if bit == "1":
            acc = _add(curve, acc, point)
    return acc


def _sec1(x, y, compressed):
    if compressed:
        return bytes([2 + (y & 1)]) + x.to_bytes(32, "big")
    return b"\x04" + x.to_bytes(32, "big") + y.to_bytes(32, "big")


def _key(ikm):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"").derive(ikm)


def py_encrypt(curve, recipient_pub, plaintext, comp_eph, comp_hkdf, nonce_len):
    eph = ec.generate_private_key(CURVES[curve][0])
    nums = recipient_pub.public_numbers()
    shared = _mul(curve, eph.private_numbers().private_value, (nums.x, nums.y))
    assert shared[0].to_bytes(32, "big") == eph.exchange(ec.ECDH(), recipient_pub)
    en = eph.public_key().public_numbers()
    key = _key(_sec1(en.x, en.y, comp_hkdf) + _sec1(*shared, comp_hkdf))
    nonce = os.urandom(nonce_len)
    ct = AESGCM(key).encrypt(nonce, plaintext, None)
    return _sec1(en.x, en.y, comp_eph) + nonce + ct[-16:] + ct[:-16]


def py_decrypt(curve, recipient, data, comp_eph, comp_hkdf, nonce_len):
    eph_len = 33 if comp_eph else 65
    eph_pub = ec.EllipticCurvePublicKey.from_encoded_point(CURVES[curve][0], data[:eph_len])
    en = eph_pub.public_numbers()
    shared = _mul(curve, recipient.private_numbers().private_value, (en.x, en.y))
    assert shared[0].to_bytes(32, "big") == recipient.exchange(ec.ECDH(), eph_pub)
    key = _key(_sec1(en.x, en.y, comp_hkdf) + _sec1(*shared, comp_hkdf))
    nonce = data[eph_len : eph_len + nonce_len]
    tag = data[eph_len + nonce_len : eph_len + nonce_len + 16]
    return AESGCM(key).decrypt(nonce, data[eph_len + nonce_len + 16 :] + tag, None)


def cli(*args):
    if not Path(BIN).exists():
        pytest.fail(f"kycrypt binary not found at {BIN}: run cargo build -p kycrypt-cli or set KYCRYPT_BIN")
    return subprocess.run([BIN, *args], capture_output=True, timeout=120)


def opt_flags(comp_eph, comp_hkdf, nonce_len):
    flags = ["--nonce-length", str(nonce_len)]
    if comp_eph:
        flags.append("--compressed-ephemeral")
    if comp_hkdf:
        flags.append("--compressed-hkdf")
    return flags


def sk_hex(key):
    return key.private_numbers().private_value.to_bytes(32, "big").hex()


def pub_hex(key, compressed=False):
    fmt = serialization.PublicFormat.CompressedPoint if compressed else serialization.PublicFormat.UncompressedPoint
    return key.public_key().public_bytes(serialization.Encoding.X962, fmt).hex()


@pytest.mark.parametrize("curve", list(CURVES))
@pytest.mark.parametrize("opts", OPTIONS)
def test_python_encrypts_kycrypt_decrypts(tmp_path, curve, opts):
    recipient = ec.generate_private_key(CURVES[curve][0])
    (tmp_path / "ct").write_bytes(py_encrypt(curve, recipient.public_key(), PLAINTEXT, *opts))
    r = cli("cak", "decrypt", "--curve", curve, "--private-key", sk_hex(recipient),
            "--in", str(tmp_path / "ct"), "--out", str(tmp_path / "pt"), *opt_flags(*opts))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "pt").read_bytes() == PLAINTEXT


@pytest.mark.parametrize("curve", list(CURVES))
@pytest.mark.parametrize("opts", OPTIONS)
def test_kycrypt_encrypts_python_decrypts(tmp_path, curve, opts):
    recipient = ec.generate_private_key(CURVES[curve][0])
    (tmp_path / "pt").write_bytes(PLAINTEXT)
    r = cli("cak", "encrypt", "--curve", curve, "--public-key", pub_hex(recipient, compressed=opts[0]),
            "--in", str(tmp_path / "pt"), "--out", str(tmp_path / "ct"), *opt_flags(*opts))
    assert r.returncode == 0, r.stderr
    data = (tmp_path / "ct").read_bytes()
    assert len(data) == len(PLAINTEXT) + (33 if opts[0] else 65) + opts[2] + 16
    assert py_decrypt(curve, recipient, data, *opts) == PLAINTEXT


def test_tampered_python_envelope_exits_1(tmp_path):
    recipient = ec.generate_private_key(ec.SECP256R1())
    data = bytearray(py_encrypt("p256", recipient.public_key(), b"secret", False, False, 16))
    data[-1] ^= 1
    (tmp_path / "ct").write_bytes(bytes(data))
    r = cli("cak", "decrypt", "--curve", "p256", "--private-key", sk_hex(recipient),
            "--in", str(tmp_path / "ct"), "--out", str(tmp_path / "pt"))
    assert r.returncode == 1
    assert b"decryption_failed" in r.stderr


def _eciespy_config(opts):
    ecies_config = pytest.importorskip("ecies.config")
    comp_eph, comp_hkdf, nonce_len = opts
    return ecies_config.Config(is_ephemeral_key_compressed=comp_eph, is_hkdf_key_compressed=comp_hkdf,
                               symmetric_nonce_length=nonce_len)


@pytest.mark.parametrize("opts", OPTIONS)
def test_eciespy_encrypts_kycrypt_decrypts(tmp_path, opts):
    config = _eciespy_config(opts)
    import ecies

    recipient = ec.generate_private_key(ec.SECP256K1())
    (tmp_path / "ct").write_bytes(ecies.encrypt(bytes.fromhex(pub_hex(recipient)), PLAINTEXT, config))
    r = cli("cak", "decrypt", "--curve", "secp256k1", "--private-key", sk_hex(recipient),
            "--in", str(tmp_path / "ct"), "--out", str(tmp_path / "pt"), *opt_flags(*opts))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "pt").read_bytes() == PLAINTEXT


@pytest.mark.parametrize("opts", OPTIONS)
def test_kycrypt_encrypts_eciespy_decrypts(tmp_path, opts):
    config = _eciespy_config(opts)
    import ecies

    recipient = ec.generate_private_key(ec.SECP256K1())
    (tmp_path / "pt").write_bytes(PLAINTEXT)
    r = cli("cak", "encrypt", "--curve", "secp256k1", "--public-key", pub_hex(recipient),
            "--in", str(tmp_path / "pt"), "--out", str(tmp_path / "ct"), *opt_flags(*opts))
    assert r.returncode == 0, r.stderr
    data = (tmp_path / "ct").read_bytes()
    assert ecies.decrypt(bytes.fromhex(sk_hex(recipient)), data, config) == PLAINTEXT
