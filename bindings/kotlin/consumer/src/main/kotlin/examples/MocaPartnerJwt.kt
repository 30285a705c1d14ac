@file:JvmName("MocaPartnerJwt")

package examples

import kycrypt.KycryptException
import kycrypt.PartnerClaims
import kycrypt.PartnerJwtSignOptions
import kycrypt.PrivateKey
import kycrypt.generatePrivateKeyPem
import kycrypt.jwks
import kycrypt.signPartnerJwt
import kycrypt.verifyPartnerJwt
import kycrypt.verifyPartnerJwtJwks

/**
 * Moca AIR issue-on-behalf: mint the partner JWT (`x-partner-auth`) and the JWKS to
 * publish, then verify the token against that JWKS as Moca does. Expired is refused.
 */
fun main() {
    val now = nowSecs()
    // In production: PrivateKey.fromPem(System.getenv("MOCA_PARTNER_KEY_PEM")), RS256 or ES256.
    PrivateKey.fromPem(generatePrivateKeyPem("p256")).use { partnerKey ->
        partnerKey.publicKey().use { pub ->
            val kid = pub.thumbprint() // RFC 7638
            val jwksJson = jwks(listOf(pub), listOf(kid)) // publish at your JWKS URL
            val token = signPartnerJwt(
                PartnerClaims(partnerId = "partner-123", scope = "issue", email = "user@example.com"),
                partnerKey, now, PartnerJwtSignOptions(ttlSecs = 300, kid = kid),
            )
            println("x-partner-auth: ${token.take(24)}… (kid $kid)")

            val claims = verifyPartnerJwtJwks(token, jwksJson, now)
            expect(claims.partnerId == "partner-123" && claims.scope == "issue" && claims.email == "user@example.com") { "$claims" }
            expect(!claims.toString().contains("user@example.com")) { "the email printed: $claims" }
            expect(verifyPartnerJwt(token, pub, now + 10).partnerId == "partner-123") { "pinned key" }
            expectFailure<KycryptException.Expired> { verifyPartnerJwtJwks(token, jwksJson, now + 400) }
            expect(jwksJson.contains(kid)) { "the JWKS lacks the kid: $jwksJson" }
        }
    }
    println("moca: partner JWT minted and verified against its JWKS; expired is refused")
}
