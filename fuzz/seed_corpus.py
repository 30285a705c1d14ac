#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from test-vectors/*.json.

Each target names the vector ops whose inputs feed it and how a case's inputs
become the target's bytes (see SEEDS). Multi-field targets take their fields
joined by NUL bytes, the framing of fuzz/src/lib.rs `fields`. Stdlib only."""
import base64, hashlib, json, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"


def s(v):
    """A JSON input as text (non-strings as compact JSON)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    return v if isinstance(v, str) else json.dumps(v, separators=(",", ":"))


def join(*parts):
    return b"\0".join(p if isinstance(p, bytes) else s(p).encode() for p in parts)


def member(name):
    return lambda op, i: s(i.get(name)).encode() if name in i else None


def hexmember(name):
    return lambda op, i: bytes.fromhex(i[name]) if name in i else None


def headers(pairs):
    return "\n".join(f"{n}: {v}" for n, v in (pairs or []))


def corepass(op, i):
    kind = op.split("_")[1]  # verify_<kind>_callback
    return join(kind, i.get("connector"), i.get("now"), i.get("allow_deadline_only"), i["body"])


def webhook(op, i):
    if op == "zerohash.verify_webhook_rsa":
        return join("zerohash_rsa", i["public_key_pem"], i.get("now"),
                    i.get("zerohash_allow_legacy"), headers(i.get("headers")), i["body"])
    return join(i["provider"], i["secret"], i.get("now"), i.get("zerohash_allow_legacy"),
                headers(i.get("headers")), i["body"])


def ecies(op, i):
    if op == "ecies.open_envelope":
        ct = base64.b64decode(i["envelope_b64"])
        flags = ""
    else:
        ct = bytes.fromhex(i["ciphertext"])
        flags = ("e" if i.get("compressed_ephemeral_key") else "") + \
                ("h" if i.get("compressed_hkdf_input") else "") + \
                ("n" if i.get("nonce_len") == 12 else "")
    return join(i["curve"], i["secret_key"], flags, ct)


def ecies_key(op, i):
    k = i.get("public_key", i.get("secret_key"))
    try:
        k = bytes.fromhex(k)
    except (TypeError, ValueError):
        pass
    return join(i["curve"], k)


def ed448(op, i):
    return bytes.fromhex(i["public_key"]) + bytes.fromhex(i["signature"]) + bytes.fromhex(i["message"])


def did_jwt(op, i):
    flags = ("" if i.get("accept_ed25519_alias", True) else "a") + ("m" if i.get("allow_hid_msi_key") else "")
    return join(i["token"], i.get("audience"), i.get("now"), flags, i.get("did_document"))


# target -> list of (vector file, op prefix, inputs -> bytes or None)
SEEDS = {
    "hmac_verify_hex": [("webhooks.json", "webhooks.verify",
                         lambda op, i: next((v for n, v in i.get("headers", []) if "ign" in n.lower()), "").encode())],
    "corepass_callback": [("corepass.json", "corepass.verify_", corepass)],
    "gojson_roundtrip": [("corepass.json", "internal.go_json_string", hexmember("value_hex"))],
    "core_address": [("corepass.json", "corepass.parse_address", member("address")),
                     ("corepass.json", "corepass.address_from_public_key", hexmember("public_key")),
                     ("corepass.json", "corepass.verify_", member("connector"))],
    "pepper_parse": [("corepass.json", "corepass.parse_pepper",
                      lambda op, i: join(i["pepper"], i.get("user"), i.get("item")))],
    "zerohash_request": [("zerohash.json", "zerohash.verify_request",
                          lambda op, i: join(i["secret_b64"], i["method"], i["route"], i.get("now"),
                                             headers(i.get("headers")), i["body"]))],
    "webhooks_verify": [("webhooks.json", "", webhook)],
    "jwt_verify": [("jwt.json", "jwt.verify_jwt", lambda op, i: join(i["key"], i.get("now"), i.get("audience"), i["token"])),
                   ("jwt.json", "jwt.verify_jws", lambda op, i: join(i["key"], "", "", i["token"])),
                   ("jwt.json", "moca.verify_partner_jwt",
                    lambda op, i: join(i.get("jwks") or i.get("key"), i.get("now"), "", i["token"]))],
    "did_parse": [("did.json", "did.parse_did", member("did")),
                  ("did.json", "did.resolve_did_key", member("did")),
                  ("did.json", "did.decode_ed25519_multibase", member("multibase"))],
    "did_document": [("did.json", "did.methods_for",
                      lambda op, i: join(i["did_document"], i.get("iss"), i.get("kid"), i.get("purpose")))],
    "did_jwt_verify": [("did_jwt.json", "did_jwt.verify", did_jwt)],
    "key_parse": [("jwt.json", "keys.", lambda op, i: s(i.get("pem") or i.get("jwk")).encode()),
                  ("jwt.json", "keys.public_jwk", lambda op, i: bytes.fromhex(i["der_hex"]) if i.get("der_hex") else None),
                  ("jwt.json", "jwt.verify_j", member("key")),
                  ("jwt.json", "moca.verify_partner_jwt", member("jwks")),
                  ("webhooks.json", "zerohash.verify_webhook_rsa", member("public_key_pem"))],
    "ecies_decrypt": [("ecies.json", "ecies.decrypt", ecies), ("ecies.json", "ecies.open_envelope", ecies)],
    "ecies_key_parse": [("ecies.json", "ecies.parse_", ecies_key)],
    "cak_callback": [("cak.json", "cak.parse_callback", lambda op, i: join("", "", "", "", i["body"])),
                     ("cak.json", "cak.verify_callback",
                      lambda op, i: join(i["scheme"], i["key"], i.get("header"), i["signature"], i["body"]))],
    "ed448_diff": [("ed448.json", "ed448.verify", ed448)],
}


def main():
    n = 0
    for target, specs in SEEDS.items():
        out = CORPUS / target
        out.mkdir(parents=True, exist_ok=True)
        for fname, op_prefix, make in specs:
            path = ROOT / "test-vectors" / fname
            if not path.exists():
                continue
            for case in json.loads(path.read_text())["cases"]:
                if not case["op"].startswith(op_prefix):
                    continue
                try:
                    data = make(case["op"], case["inputs"])
                except (KeyError, ValueError, TypeError) as e:
                    raise SystemExit(f"{target}: {fname} {case['id']}: {e!r}")
                if data is None:
                    continue
                (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
                n += 1
    print(f"seed_corpus: {n} seeds for {len(SEEDS)} targets")


if __name__ == "__main__":
    main()
