package kycrypt

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File

/**
 * Security round 2 (issue 13) through the Kotlin binding: empty HMAC secrets, bounded JWT
 * lifetimes, fractional NumericDates and JWKS selection. Tokens and keys are the
 * PyJWT-made cases of test-vectors/jwt.json; each test fails if the rule leaves the core.
 */
class SecurityTest {
    private val jwt: Map<String, JSONObject> = run {
        val file = File(VectorsTest.VECTORS_DIR, "jwt.json")
        val cases = JSONObject(file.readText()).getJSONArray("cases")
        (0 until cases.length()).map { cases.getJSONObject(it) }.associateBy { it.getString("id") }
    }

    private fun inputs(id: String): JSONObject = jwt.getValue(id).getJSONObject("inputs")

    private fun partner(id: String): VerifiedPartnerClaims {
        val i = inputs(id)
        val now = i.getLong("now")
        val leeway = PartnerJwtValidation(leewaySecs = 60)
        return if (i.has("jwks")) {
            verifyPartnerJwtJwks(i.getString("token"), i.getString("jwks"), now, leeway)
        } else {
            PublicKey.fromPemOrJwk(i.getString("key")).use { verifyPartnerJwt(i.getString("token"), it, now, leeway) }
        }
    }

    @Test
    fun anEmptyHmacSecretIsInvalidKeyEverywhere() {
        // System.getenv("SUMSUB_WEBHOOK_SECRET") ?: "" must never verify HMAC("", body).
        val empty = (System.getenv("KYCRYPT_UNSET_SECRET_FOR_TEST") ?: "").toByteArray()
        assertThrows<KycryptException.InvalidKey> { HmacKey(empty) }
        assertThrows<KycryptException.InvalidKey> { hmacSha256(empty, "body".toByteArray()) }
        // A webhook secret is an HmacKey: an empty one never exists, for any provider.
        val e = assertThrows<KycryptException.InvalidKey> { HmacKey(empty).use { } }
        assertEquals("invalid_key", e.code)
        assertThrows<KycryptException.InvalidKey> { zerohashSecretFromBase64("") }
        assertThrows<KycryptException.InvalidKey> { ZeroHashCredentials("api-key", "", "passphrase") }
    }

    @Test
    fun partnerJwtsNeedIatAndAtMost900Seconds() {
        for (id in listOf("trap-no-iat", "trap-lifetime-901", "trap-forever-no-iat", "trap-exp-string")) {
            assertThrows<KycryptException.MalformedToken>(id) { partner(id) }
        }
        assertEquals("partner-123", partner("partner-fractional-times").partnerId)
        assertEquals("partner-123", partner("partner-lifetime-900").partnerId)
        assertThrows<KycryptException.Expired> { partner("partner-fractional-exp-floor") }
    }

    @Test
    fun genericValidationLifetimeOptions() {
        val i = inputs("trap-lifetime-901")
        PublicKey.fromPemOrJwk(i.getString("key")).use { key ->
            val (token, now) = i.getString("token") to i.getLong("now")
            verifyJwt(token, key, now) // one day by default
            assertThrows<KycryptException.MalformedToken> { verifyJwt(token, key, now, JwtValidation(maxLifetimeSecs = 900)) }
            assertThrows<KycryptException.InvalidArgument> {
                verifyJwt(token, key, now, JwtValidation(maxLifetimeSecs = 900, allowUnboundedLifetime = true))
            }
            assertThrows<KycryptException.MalformedInput> { verifyJwt(token, key, now, JwtValidation(maxLifetimeSecs = -1)) }
            val noIat = inputs("trap-no-iat")
            assertThrows<KycryptException.MalformedToken> {
                verifyJwt(noIat.getString("token"), key, noIat.getLong("now"), JwtValidation(requireIat = true))
            }
            val forever = inputs("trap-forever-no-iat")
            val (ft, fnow) = forever.getString("token") to forever.getLong("now")
            assertThrows<KycryptException.MalformedToken> { verifyJwt(ft, key, fnow) }
            verifyJwt(ft, key, fnow, JwtValidation(allowUnboundedLifetime = true))
        }
    }

    @Test
    fun jwksKeyOpsAndAmbiguousKid() {
        assertThrows<KycryptException.KeyNotFound> { partner("partner-jwks-key-ops-without-verify") }
        assertEquals("partner-123", partner("partner-jwks-key-ops-verify").partnerId)
        val e = assertThrows<KycryptException.InvalidKey> { partner("partner-jwks-ambiguous-kid") }
        assertTrue(e.reason.contains("more than one"), e.reason)
    }
}
