@file:JvmName("CakEncryptIdImage")

package examples

import kycrypt.Curve
import kycrypt.EciesPublicKey
import kycrypt.EciesSecretKey
import kycrypt.KycryptException
import kycrypt.envelopeInfo
import kycrypt.openEnvelope
import kycrypt.sealEnvelope

/**
 * Encrypt a 1 MiB ID image to a Moca CAK (P-256) public key, and decrypt it with the
 * CAK secret key (the verifier, after consent). A changed byte does not decrypt.
 */
fun main() {
    val image = ByteArray(1 shl 20) { (it * 31 + 7).toByte() } // stands in for a JPEG
    EciesSecretKey.generate(Curve.P256).use { cak -> // the verifier's CAK key pair
        val cakPublicHex = cak.publicKey().use { it.toSec1Bytes(true).hex() } // what the verifier publishes

        val sealed = EciesPublicKey.parse(Curve.P256, cakPublicHex).use { sealEnvelope(image, it) }
        expect(envelopeInfo(sealed).curve == Curve.P256) { "envelope curve" }
        println("sealed ${image.size} bytes into a ${sealed.size}-byte envelope")

        val opened = openEnvelope(sealed, cak)
        expect(opened.contentEquals(image)) { "the image did not round-trip" }

        val tampered = sealed.copyOf().also { it[it.size - 1] = (it[it.size - 1].toInt() xor 1).toByte() }
        expectFailure<KycryptException.DecryptionFailed> { openEnvelope(tampered, cak) }
        EciesSecretKey.generate(Curve.P256).use { other ->
            expectFailure<KycryptException.DecryptionFailed> { openEnvelope(sealed, other) }
        }
    }
    println("cak: 1 MiB image encrypted and decrypted; tampered or wrong key is decryption_failed")
}
