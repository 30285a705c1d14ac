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

    private fun partner(id: String): PartnerClaims {
        val i = inputs(id)
        val now = i.getLong("now").toULong()
        return if (i.has("jwks")) {
            verifyPartnerJwtJwks(i.getString("token"), i.getString("jwks"), now, 60uL)
        } else {
            verifyPartnerJwt(i.getString("token"), PublicKey.fromPemOrJwk(i.getString("key")), now, 60uL)
        }
    }

    @Test
    fun anEmptyHmacSecretIsInvalidKeyEverywhere() {
        // System.getenv("SUMSUB_WEBHOOK_SECRET") ?: "" must never verify HMAC("", body).
        val empty = (System.getenv("KYCRYPT_UNSET_SECRET_FOR_TEST") ?: "").toByteArray()
        assertThrows<FfiException.InvalidKey> { HmacKey(empty) }
        assertThrows<FfiException.InvalidKey> { hmacSha256(empty, "body".toByteArray()) }
        for (p in listOf("sumsub", "onfido", "veriff", "persona", "corepass", "zerohash", "jumio")) {
            val e = assertThrows<FfiException.InvalidKey>(p) {
                verifyWebhook(p, empty, emptyList(), "{}".toByteArray(), 1_700_000_000uL, WebhookOptions())
            }
            assertEquals("invalid_key", e.code)
        }
        assertThrows<FfiException.InvalidKey> { ZeroHashCredentials("api-key", "", "passphrase") }
    }

    @Test
    fun partnerJwtsNeedIatAndAtMost900Seconds() {
        for (id in listOf("trap-no-iat", "trap-lifetime-901", "trap-forever-no-iat", "trap-exp-string")) {
            assertThrows<FfiException.MalformedToken>(id) { partner(id) }
        }
        assertEquals("partner-123", partner("partner-fractional-times").partnerId)
        assertEquals("partner-123", partner("partner-lifetime-900").partnerId)
        assertThrows<FfiException.Expired> { partner("partner-fractional-exp-floor") }
    }

    @Test
    fun genericValidationLifetimeOptions() {
        val i = inputs("trap-lifetime-901")
        val key = PublicKey.fromPemOrJwk(i.getString("key"))
        val (token, now) = i.getString("token") to i.getLong("now").toULong()
        verifyJwt(token, key, JwtValidation(), now) // one day by default
        assertThrows<FfiException.MalformedToken> { verifyJwt(token, key, JwtValidation(maxLifetimeSecs = 900uL), now) }
        assertThrows<FfiException.InvalidArgument> {
            verifyJwt(token, key, JwtValidation(maxLifetimeSecs = 900uL, allowUnboundedLifetime = true), now)
        }
        val noIat = inputs("trap-no-iat")
        assertThrows<FfiException.MalformedToken> {
            verifyJwt(noIat.getString("token"), key, JwtValidation(requireIat = true), noIat.getLong("now").toULong())
        }
        val forever = inputs("trap-forever-no-iat")
        val (ft, fnow) = forever.getString("token") to forever.getLong("now").toULong()
        assertThrows<FfiException.MalformedToken> { verifyJwt(ft, key, JwtValidation(), fnow) }
        verifyJwt(ft, key, JwtValidation(allowUnboundedLifetime = true), fnow)
    }

    @Test
    fun jwksKeyOpsAndAmbiguousKid() {
        assertThrows<FfiException.KeyNotFound> { partner("partner-jwks-key-ops-without-verify") }
        assertEquals("partner-123", partner("partner-jwks-key-ops-verify").partnerId)
        val e = assertThrows<FfiException.InvalidKey> { partner("partner-jwks-ambiguous-kid") }
        assertTrue(e.reason.contains("more than one"), e.reason)
    }
}
