"""Times Python peers (cryptography, PyJWT) and kycrypt's Python bindings.

Usage: peers.py ROOT  (ROOT = the kycrypt checkout; inputs come from ROOT/test-vectors)
Prints one JSON object: {name: {"ns": per-call nanoseconds} | {"na": reason}}.
Every section is independent: an import or call that fails yields "na" for
its rows, never an exception out of this script. Names are the public `kycrypt`
package's (the shared binding source, bindings/shared/*.rs).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import statistics
import sys
import time

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
BUDGET = float(os.environ.get("PEER_BUDGET", "0.5"))  # seconds per repeat
results: dict[str, dict] = {}


def vector(file: str, case_id: str) -> dict:
    with open(os.path.join(ROOT, "test-vectors", file + ".json"), encoding="utf-8") as f:
        doc = json.load(f)
    return next(c["inputs"] for c in doc["cases"] if c["id"] == case_id)


def timeit(fn) -> float:
    """Median over 5 repeats of the mean per-call time (ns); each repeat ~BUDGET s."""
    fn()
    t0 = time.perf_counter_ns()
    fn()
    one = max(time.perf_counter_ns() - t0, 1)
    n = max(1, int(BUDGET * 1e9 / one))
    reps = []
    for _ in range(5):
        t0 = time.perf_counter_ns()
        for _ in range(n):
            fn()
        reps.append((time.perf_counter_ns() - t0) / n)
    return statistics.median(reps)


def bench(name: str, fn) -> None:
    try:
        results[name] = {"ns": timeit(fn)}
    except Exception as e:  # noqa: BLE001 - a failing row is reported, not fatal
        results[name] = {"na": f"{type(e).__name__}: {e}"[:160]}


def na(names, reason: str) -> None:
    for n in names:
        results.setdefault(n, {"na": reason[:160]})


# ---- inputs (the same real samples as the Rust benches) ---------------------------------
RS = vector("jwt", "sign-rs256-issue-300")
ES = vector("jwt", "sign-es256-roundtrip")
STATUS = vector("corepass", "status-accepted-upstream")
MSG32 = bytes([0x5A] * 32)
MSG16 = bytes([0xA5] * 16)
KEY32 = bytes([0x4B] * 32)
TEN_MIB = bytes([0x6B]) * (10 * 1024 * 1024)
NOW = int(time.time())

# ---- Python cryptography + PyJWT --------------------------------------------------------
PEER_ROWS = [
    "py.cryptography.ed448_verify", "py.cryptography.ed25519_verify",
    "py.cryptography.es256_sign", "py.cryptography.es256_verify",
    "py.cryptography.rs256_sign", "py.hmac_sha256_16", "py.cryptography.ecies_p256_encrypt_10MiB",
    "py.cryptography.ecies_p256_decrypt_10MiB",
    "py.pyjwt.sign_rs256", "py.pyjwt.verify_rs256", "py.pyjwt.sign_es256", "py.pyjwt.verify_es256",
]
try:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    sk448 = ed448.Ed448PrivateKey.from_private_bytes(bytes([7] * 57))
    sig448, pk448 = sk448.sign(MSG32), sk448.public_key()
    bench("py.cryptography.ed448_verify", lambda: pk448.verify(sig448, MSG32))
    sk255 = ed25519.Ed25519PrivateKey.from_private_bytes(bytes([9] * 32))
    sig255, pk255 = sk255.sign(MSG32), sk255.public_key()
    bench("py.cryptography.ed25519_verify", lambda: pk255.verify(sig255, MSG32))
    es_key = serialization.load_pem_private_key(ES["key"].encode(), None)
    es_sig = es_key.sign(MSG32, ec.ECDSA(hashes.SHA256()))
    bench("py.cryptography.es256_sign", lambda: es_key.sign(MSG32, ec.ECDSA(hashes.SHA256())))
    bench("py.cryptography.es256_verify",
          lambda: es_key.public_key().verify(es_sig, MSG32, ec.ECDSA(hashes.SHA256())))
    rs_key = serialization.load_pem_private_key(RS["key"].encode(), None)
    bench("py.cryptography.rs256_sign",
          lambda: rs_key.sign(MSG32, padding.PKCS1v15(), hashes.SHA256()))
    bench("py.hmac_sha256_16", lambda: hmac.new(KEY32, MSG16, hashlib.sha256).digest())

    # The ECIES work kycrypt does (eciesjs layout; ECDH x-only here, which is no more work).
    recipient = ec.derive_private_key(int.from_bytes(bytes([0x3C] * 32), "big"), ec.SECP256R1())
    rpub = recipient.public_key()

    def ecies_enc(pt: bytes) -> bytes:
        eph = ec.generate_private_key(ec.SECP256R1())
        eph_pub = eph.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        shared = eph.exchange(ec.ECDH(), rpub)
        key = HKDF(hashes.SHA256(), 32, None, b"").derive(eph_pub + shared)
        nonce = os.urandom(16)
        return eph_pub + nonce + AESGCM(key).encrypt(nonce, pt, None)

    def ecies_dec(ct: bytes) -> bytes:
        eph_pub, nonce, body = ct[:65], ct[65:81], ct[81:]
        peer = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), eph_pub)
        shared = recipient.exchange(ec.ECDH(), peer)
        key = HKDF(hashes.SHA256(), 32, None, b"").derive(eph_pub + shared)
        return AESGCM(key).decrypt(nonce, body, None)

    ct = ecies_enc(TEN_MIB)
    assert ecies_dec(ct) == TEN_MIB
    bench("py.cryptography.ecies_p256_encrypt_10MiB", lambda: ecies_enc(TEN_MIB))
    bench("py.cryptography.ecies_p256_decrypt_10MiB", lambda: ecies_dec(ct))
    del ct

    import jwt as pyjwt

    for alg, inp, key in (("rs256", RS, rs_key), ("es256", ES, es_key)):
        claims = {"partnerId": inp["partner_id"], "scope": inp["scope"], "email": inp["email"],
                  "iat": NOW, "exp": NOW + 300}
        hdr = {"kid": inp["kid"], "typ": "JWT"}
        token = pyjwt.encode(claims, key, algorithm=alg.upper(), headers=hdr)
        pub = key.public_key()
        bench(f"py.pyjwt.sign_{alg}",
              lambda c=claims, k=key, a=alg.upper(), h=hdr: pyjwt.encode(c, k, algorithm=a, headers=h))
        bench(f"py.pyjwt.verify_{alg}",
              lambda t=token, p=pub, a=alg.upper(): pyjwt.decode(t, p, algorithms=[a]))
        results[f"_token_{alg}"] = {"token": token}
except Exception as e:  # noqa: BLE001
    na(PEER_ROWS, f"{type(e).__name__}: {e}")

# ---- kycrypt through its Python bindings --------------------------------------------------
BINDING_ROWS = [
    "py.kycrypt.noop", "py.kycrypt.fast_noop",
    "py.kycrypt.hmac_sha256_16", "py.kycrypt.sign_rs256", "py.kycrypt.verify_rs256",
    "py.kycrypt.sign_es256", "py.kycrypt.verify_es256", "py.kycrypt.verify_status_callback",
    "py.kycrypt.ecies_p256_encrypt_10MiB", "py.kycrypt.ecies_p256_decrypt_10MiB",
]
try:
    import kycrypt

    def api(name: str):
        obj = getattr(kycrypt, name, None)
        if obj is None:
            raise AttributeError(f"kycrypt has no {name}")
        return obj

    def section(rows, body):
        try:
            body()
        except Exception as e:  # noqa: BLE001
            na(rows, f"{type(e).__name__}: {e}")

    def floor_rows():
        from kycrypt import hazmat

        bench("py.kycrypt.noop", hazmat.noop)
        bench("py.kycrypt.fast_noop", lambda: hazmat.fast_noop(KEY32, MSG16))

    def hmac_rows():
        f = api("hmac_sha256")
        assert bytes(f(KEY32, MSG16)) == hmac.new(KEY32, MSG16, hashlib.sha256).digest()
        bench("py.kycrypt.hmac_sha256_16", lambda: f(KEY32, MSG16))

    def jwt_rows(alg, inp):
        def run():
            key = api("PrivateKey").from_pem(inp["key"])
            claims = api("PartnerClaims")(partner_id=inp["partner_id"], scope=inp["scope"],
                                          email=inp["email"], extra_json="{}")
            opts = api("PartnerJwtSignOptions")(ttl_secs=300, kid=inp["kid"])
            sign, verify = api("sign_partner_jwt"), api("verify_partner_jwt")
            bench(f"py.kycrypt.sign_{alg}", lambda: sign(claims, key, NOW, opts))
            token = results.get(f"_token_{alg}", {}).get("token") or sign(claims, key, NOW, opts)
            pub = key.public_key()
            strict = api("PartnerJwtValidation")(leeway_secs=0)
            verify(token, pub, NOW, strict)
            bench(f"py.kycrypt.verify_{alg}", lambda: verify(token, pub, NOW, strict))
        return run

    def status_rows():
        pinned = api("PinnedConnector").parse(STATUS["connector"])
        f = api("verify_corepass_callback")
        status = api("CallbackKind").STATUS
        body = STATUS["body"].encode()
        f(status, body, pinned, STATUS["now"])
        bench("py.kycrypt.verify_status_callback", lambda: f(status, body, pinned, STATUS["now"]))

    def ecies_rows():
        curve = api("Curve").P256
        sk = api("EciesSecretKey").from_bytes(curve, bytes([0x3C] * 32))
        pk = sk.public_key()
        seal, open_ = api("seal_envelope"), api("open_envelope")
        env = seal(TEN_MIB, pk)  # the default options: eciesjs-compatible
        assert bytes(open_(env, sk)) == TEN_MIB
        bench("py.kycrypt.ecies_p256_encrypt_10MiB", lambda: seal(TEN_MIB, pk))
        bench("py.kycrypt.ecies_p256_decrypt_10MiB", lambda: open_(env, sk))

    section(["py.kycrypt.noop", "py.kycrypt.fast_noop"], floor_rows)
    section(["py.kycrypt.hmac_sha256_16"], hmac_rows)
    section(["py.kycrypt.sign_rs256", "py.kycrypt.verify_rs256"], jwt_rows("rs256", RS))
    section(["py.kycrypt.sign_es256", "py.kycrypt.verify_es256"], jwt_rows("es256", ES))
    section(["py.kycrypt.verify_status_callback"], status_rows)
    section(["py.kycrypt.ecies_p256_encrypt_10MiB", "py.kycrypt.ecies_p256_decrypt_10MiB"],
            ecies_rows)
except Exception as e:  # noqa: BLE001
    na(BINDING_ROWS, f"import kycrypt failed: {type(e).__name__}: {e}")

for k in [k for k in results if k.startswith("_token_")]:
    del results[k]
print(json.dumps(results, indent=1, sort_keys=True))
