"""Encrypt an ID image (1 MiB) to a Moca CAK public key, and decrypt it as the verifier.

The CAK key pair is made here (P-256, as Moca's default); the public key travels as hex
SEC1, the way ``issueCredential()`` returns ``cakPublicKey``.
"""

from __future__ import annotations

import os
import sys

import kycrypt
from kycrypt import moca


def main() -> None:
    verifier = moca.EciesSecretKey.generate("p256")  # the verifier's CAK key, kept secret
    cak_public_hex = verifier.public_key().to_sec1_bytes(True).hex()

    image = b"\xff\xd8\xff\xe0" + os.urandom(1024 * 1024 - 6) + b"\xff\xd9"  # 1 MiB "JPEG"
    cak = moca.EciesPublicKey.parse("p256", cak_public_hex)
    sealed = moca.seal_envelope(image, cak)  # self-describing envelope: store it
    info = moca.envelope_info(sealed)
    assert info.curve == moca.Curve.P256, info
    assert len(sealed) > len(image)

    assert moca.open_envelope(sealed, verifier) == image

    # Another key, or one flipped byte, is refused.
    try:
        moca.open_envelope(sealed, moca.EciesSecretKey.generate(moca.Curve.P256))
        raise AssertionError("decrypted with the wrong key")
    except kycrypt.DecryptionFailedError:
        pass
    tampered = bytearray(sealed)
    tampered[len(tampered) // 2] ^= 1
    try:
        moca.open_envelope(bytes(tampered), verifier)
        raise AssertionError("decrypted a tampered envelope")
    except kycrypt.DecryptionFailedError:
        pass
    print(f"ID image: {len(image)} bytes sealed to the CAK key ({len(sealed)} bytes), opened; tampering refused")


if __name__ == "__main__":
    try:
        main()
    except (AssertionError, kycrypt.KycryptError) as e:
        print(f"FAILED: {e!r}", file=sys.stderr)
        sys.exit(1)
