"""Interop peer for kycrypt's ECIES (issue 14, item 1).

secp256k1 goes through PyPI `eciespy`; P-256, for which no third-party implementation
of the eciesjs format exists, is composed here from Python `cryptography` primitives:
ECDH P-256, HKDF-SHA256 (no salt, empty info) over `ephemeral_pk || shared point`,
AES-256-GCM, layout `ephemeral_pk || nonce || tag || ciphertext`.

Reads {"tasks":[...]} on stdin, writes {"results":[...]} on stdout, in task order, and
only reports what the library did; the Rust driver (tests/interop/ecies.rs) decides.
  {op:"keygen", curve}                  -> {sk, pk, pk_compressed}   (hex)
  {op:"encrypt", curve, opts, pk, pt}   -> {ct}                      (hex)
  {op:"decrypt", curve, opts, sk, ct}   -> {pt}                      (hex)
opts = {compressed_ephemeral_key, compressed_hkdf_input, nonce_len} (kycrypt's EciesOptions).
A library error becomes {id, ok: false, error: "<class>: <message>"}.
"""

import json
import os
import sys
from dataclasses import asdict

import ecies
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

# ---- secp256k1: eciespy -------------------------------------------------------------


def eciespy_config(opts):
    # Passed per call (eciespy's `config` parameter): the global ECIES_CONFIG is never touched.
    return ecies.Config(
        elliptic_curve="secp256k1",
        is_ephemeral_key_compressed=opts["compressed_ephemeral_key"],
        is_hkdf_key_compressed=opts["compressed_hkdf_input"],
        symmetric_nonce_length=opts["nonce_len"],
    )


def eciespy(task):
    op = task["op"]
    if op == "keygen":
        sk = ecies.PrivateKey("secp256k1")  # eciespy's own key generation
        return {"sk": sk.to_hex(), "pk": sk.public_key.to_hex(False), "pk_compressed": sk.public_key.to_hex(True)}
    if op == "encrypt":  # the public key goes in as hex, as a client would pass it
        return {"ct": ecies.encrypt(task["pk"], bytes.fromhex(task["pt"]), eciespy_config(task["opts"])).hex()}
    if op == "decrypt":
        return {"pt": ecies.decrypt(task["sk"], bytes.fromhex(task["ct"]), eciespy_config(task["opts"])).hex()}
    raise ValueError(f"unknown op {op}")


# ---- P-256: the same construction from `cryptography` ----------------------------------

P256 = ec.SECP256R1()
P = 2**256 - 2**224 + 2**192 + 2**96 - 1  # the field prime
B = 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B  # y^2 = x^3 - 3x + B
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # the group order


def sec1(pub, compressed):
    return pub.public_bytes(Encoding.X962, PublicFormat.CompressedPoint if compressed else PublicFormat.UncompressedPoint)


def shared_point(d, peer, compressed):
    """SEC1 of d * peer. cryptography's ECDH returns only x, and the eciesjs KDF needs the
    whole point: of the two candidates (x, +-y), the right one is the one whose sum with
    `peer` has the x that a second ECDH, (d + 1) * peer, reports. Needs only one affine
    addition here; every scalar multiplication is cryptography's."""
    x = int.from_bytes(ecdh(d, peer), "big")
    x_next = int.from_bytes(ecdh((d + 1) % N, peer), "big")
    px, py = peer.public_numbers().x, peer.public_numbers().y
    if x == px:  # d = +-1: never for a random key
        raise ValueError("degenerate key")
    y = pow((x * x * x - 3 * x + B) % P, (P + 1) // 4, P)  # a square root (P = 3 mod 4)
    for cand in (y, P - y):
        lam = (cand - py) * pow(x - px, -1, P) % P  # the chord through (x, cand) and peer
        if (lam * lam - x - px) % P == x_next:
            point = ec.EllipticCurvePublicNumbers(x, cand, P256).public_key()  # checks the point
            return sec1(point, compressed)
    raise ValueError("no shared point")


def ecdh(d, peer):
    return ec.derive_private_key(d, P256).exchange(ec.ECDH(), peer)


def kdf(ephemeral_sec1, shared_sec1):
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"")
    return hkdf.derive(ephemeral_sec1 + shared_sec1)


def p256(task):
    op, opts = task["op"], task.get("opts", {})
    if op == "keygen":
        sk = ec.generate_private_key(P256)
        return {
            "sk": sk.private_numbers().private_value.to_bytes(32, "big").hex(),
            "pk": sec1(sk.public_key(), False).hex(),
            "pk_compressed": sec1(sk.public_key(), True).hex(),
        }
    hkdf_c, eph_c, nlen = opts["compressed_hkdf_input"], opts["compressed_ephemeral_key"], opts["nonce_len"]
    if op == "encrypt":
        recipient = ec.EllipticCurvePublicKey.from_encoded_point(P256, bytes.fromhex(task["pk"]))
        eph = ec.generate_private_key(P256)
        e = eph.private_numbers().private_value
        key = kdf(sec1(eph.public_key(), hkdf_c), shared_point(e, recipient, hkdf_c))
        nonce = os.urandom(nlen)
        sealed = AESGCM(key).encrypt(nonce, bytes.fromhex(task["pt"]), None)  # ciphertext || tag
        body, tag = sealed[:-16], sealed[-16:]
        return {"ct": (sec1(eph.public_key(), eph_c) + nonce + tag + body).hex()}
    if op == "decrypt":
        ct = bytes.fromhex(task["ct"])
        elen = 33 if eph_c else 65
        if len(ct) < elen + nlen + 16:
            raise ValueError("envelope shorter than its header")
        eph_pk = ec.EllipticCurvePublicKey.from_encoded_point(P256, ct[:elen])  # checks the point
        nonce, tag, body = ct[elen : elen + nlen], ct[elen + nlen : elen + nlen + 16], ct[elen + nlen + 16 :]
        d = int.from_bytes(bytes.fromhex(task["sk"]), "big")
        key = kdf(sec1(eph_pk, hkdf_c), shared_point(d, eph_pk, hkdf_c))
        return {"pt": AESGCM(key).decrypt(nonce, body + tag, None).hex()}
    raise ValueError(f"unknown op {op}")


def main():
    before = asdict(ecies.ECIES_CONFIG)
    tasks = json.load(sys.stdin)["tasks"]
    results = []
    for task in tasks:
        try:
            run = {"secp256k1": eciespy, "p256": p256}[task["curve"]]
            results.append({"id": task["id"], "ok": True, **run(task)})
        except Exception as e:  # noqa: BLE001 -- every library error is reported, not judged
            results.append({"id": task["id"], "ok": False, "error": f"{type(e).__name__}: {e}"})
    assert asdict(ecies.ECIES_CONFIG) == before, "ECIES_CONFIG was modified"
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
