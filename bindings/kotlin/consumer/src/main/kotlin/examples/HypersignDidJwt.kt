@file:JvmName("HypersignDidJwt")

package examples

import kycrypt.DidJwtSignRequest
import kycrypt.DidJwtValidation
import kycrypt.Ed25519SigningKey
import kycrypt.KycryptException
import kycrypt.encodeEd25519Multibase
import kycrypt.signDidJwt
import kycrypt.verifyDidJwt
import org.json.JSONObject

/**
 * Verify a Hypersign DID-JWT (EdDSA, `did:key` issuer): the holder signs a presentation
 * for your audience; you verify it, and one for another audience is refused.
 */
fun main() {
    val now = nowSecs()
    Ed25519SigningKey.generate().use { holder ->
        val did = "did:key:" + encodeEd25519Multibase(holder.publicKey())
        val claims = JSONObject(mapOf("vp" to mapOf("type" to listOf("VerifiablePresentation")), "nonce" to "n-42")).toString()
        val token = signDidJwt(DidJwtSignRequest(issuer = did, audience = "https://verifier.example", claimsJson = claims), holder, now)

        // A did:key document is derived from the DID itself (document = null); for did:hid
        // pass DidDocument.fromJson(the resolved document).
        val v = verifyDidJwt(token, null, now + 5, DidJwtValidation(audience = "https://verifier.example"))
        expect(v.issuer == did && JSONObject(v.claimsJson).getString("nonce") == "n-42") { "$v" }
        println("verified DID-JWT from ${v.issuer} (signer ${v.signer})")

        expectFailure<KycryptException.AudienceMismatch> {
            verifyDidJwt(token, null, now + 5, DidJwtValidation(audience = "https://other.example"))
        }
    }
    println("hypersign: DID-JWT verified; another audience is audience_mismatch")
}
