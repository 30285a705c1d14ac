package kycrypt

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File

/** The README's flows, with the same calls, on the real samples of test-vectors/. */
class FlowsTest {
    private fun case(file: String, pred: (JSONObject) -> Boolean): JSONObject {
        val cases = JSONObject(File(VectorsTest.VECTORS_DIR, file).readText()).getJSONArray("cases")
        return (0 until cases.length()).map { cases.getJSONObject(it) }.first(pred)
    }

    private fun now() = (System.currentTimeMillis() / 1000).toULong()

    @Test
    fun partnerJwtVerifiesAgainstThePublishedJwks() {
        PrivateKey.fromPem(generatePrivateKeyPem("rsa2048")).use { partnerKey ->
            val kid = partnerKey.publicKey().use { it.thumbprint() }
            val jwksJson = partnerKey.publicKey().use { jwks(listOf(it), listOf(kid)) }
            val token = signPartnerJwt(
                partnerKey, kid, PartnerClaims(partnerId = "p-1", scope = "issue", email = "u@example.com"),
                iat = now(), ttl = 300uL,
            )
            val claims = verifyPartnerJwtJwks(token, jwksJson, now(), 0uL)
            assertEquals(Triple("p-1", "issue", "u@example.com"), Triple(claims.partnerId, claims.scope, claims.email))
            assertThrows<FfiException.Expired> { verifyPartnerJwtJwks(token, jwksJson, now() + 400uL, 0uL) }
        }
    }

    @Test
    fun corePassStatusCallbackIsCheckedBeforeUse() {
        val c = case("corepass.json") { it.getString("id") == "status-accepted-upstream" }
        val i = c.getJSONObject("inputs")
        val body = i.getString("body").toByteArray()
        val at = i.getLong("now").toULong()
        PinnedConnector.parse(i.getString("connector")).use { connector ->
            val v = verifyStatusCallback(body, connector, at, CallbackOptions())
            assertEquals(c.getJSONObject("output").getString("replay_key"), v.replayKey)
            assertEquals("ACCEPTED", v.status)
            val tampered = i.getString("body").replace("ab148af5", "ab148af6").toByteArray()
            assertThrows<FfiException.SignatureInvalid> { verifyStatusCallback(tampered, connector, at, CallbackOptions()) }
            assertThrows<FfiException.Expired> { verifyStatusCallback(body, connector, at + 3600uL, CallbackOptions()) }
        }
    }

    @Test
    fun corePassReplayKeyIsKeptUntilReplayUntil() {
        val c = case("corepass.json") { it.getString("id") == "status-accepted-upstream" }
        val i = c.getJSONObject("inputs")
        val body = i.getString("body").toByteArray()
        PinnedConnector.parse(i.getString("connector")).use { connector ->
            for (skew in listOf(30uL, 0uL, 300uL)) {
                val opts = CallbackOptions(skewSecs = skew)
                val v = verifyStatusCallback(body, connector, i.getLong("now").toULong(), opts)
                assertEquals(v.deadline + skew, v.replayUntil)
                assertEquals(c.getJSONObject("output").getLong("deadline").toULong() + skew, v.replayUntil)
                // The last second it verifies is replayUntil; one more is expired.
                assertEquals(v.replayKey, verifyStatusCallback(body, connector, v.replayUntil, opts).replayKey)
                assertThrows<FfiException.Expired> { verifyStatusCallback(body, connector, v.replayUntil + 1uL, opts) }
            }
        }
    }

    @Test
    fun corePassRefusesCaseVariantMembers() {
        val i = case("corepass.json") { it.getString("id") == "status-accepted-upstream" }.getJSONObject("inputs")
        val open = i.getString("body").trimEnd().removeSuffix("}")
        val at = i.getLong("now").toULong()
        PinnedConnector.parse(i.getString("connector")).use { connector ->
            for ((extra, member) in listOf(
                "\"User\": \"ab06b37c90098790e90bbcd56a701e50ec8b51b6bd5e\"" to "User",
                "\"Status\": \"FINISH_SUCCESS\"" to "Status",
                "\"Deadline\": 9999999999" to "Deadline",
            )) {
                val e = assertThrows<FfiException.MalformedInput> {
                    verifyStatusCallback("$open,$extra}".toByteArray(), connector, at, CallbackOptions())
                }
                val msg = e.message.orEmpty()
                assertTrue(msg.contains("\"$member\""), msg)
                assertFalse(msg.contains("ab06b37c") || msg.contains("FINISH_SUCCESS") || msg.contains("9999999999"), msg)
            }
        }
        val d = case("corepass.json") { it.getString("id") == "data-upstream-infos-case-variant" }.getJSONObject("inputs")
        PinnedConnector.parse(d.getString("connector")).use { connector ->
            val e = assertThrows<FfiException.MalformedInput> {
                verifyDataCallback(d.getString("body").toByteArray(), connector, d.getLong("now").toULong(), CallbackOptions(allowDeadlineOnly = true))
            }
            assertTrue(e.message.orEmpty().contains("\"FieldValue\""), e.message)
        }
    }

    @Test
    fun sumsubWebhookGatesIssuance() {
        val c = case("webhooks.json") { it.getJSONObject("inputs").optString("provider") == "sumsub" && it.getString("expected") == "valid" }
        val i = c.getJSONObject("inputs")
        val hs = i.getJSONArray("headers").let { a -> (0 until a.length()).map { HttpHeader(a.getJSONArray(it).getString(0), a.getJSONArray(it).getString(1)) } }
        val secret = i.getString("secret").toByteArray()
        val body = i.getString("body").toByteArray()
        verifyWebhook("sumsub", secret, hs, body, i.getLong("now").toULong(), WebhookOptions())
        assertThrows<FfiException.SignatureInvalid> {
            verifyWebhook("sumsub", secret, hs, body + ' '.code.toByte(), i.getLong("now").toULong(), WebhookOptions())
        }
    }

    @Test
    fun cakEnvelopeRoundTrip() {
        val image = ByteArray(1 shl 20) { (it * 31).toByte() }
        EciesSecretKey.generate(Curve.P256).use { sk ->
            val pubHex = sk.publicKey().use { it.toSec1Bytes(true) }.joinToString("") { "%02x".format(it) }
            val sealed = EciesPublicKey.parse(Curve.P256, pubHex).use { sealEnvelope(it, image, EciesOptions()) }
            assertArrayEquals(image, openEnvelope(sk, sealed))
            sealed[sealed.size - 1] = (sealed[sealed.size - 1].toInt() xor 1).toByte()
            assertThrows<FfiException.DecryptionFailed> { openEnvelope(sk, sealed) }
        }
    }

    @Test
    fun zeroHashSignedRequestVerifiesServerSide() {
        val t = now()
        val h = ZeroHashCredentials("key", "c2VjcmV0", "pass").use { it.signRequest(t, "POST", "/orders/v1", "{\"a\":1}") }
        val headers = listOf(HttpHeader("X-SCX-SIGNED", h.xScxSigned), HttpHeader("X-SCX-TIMESTAMP", h.xScxTimestamp))
        val v = zerohashSecretFromBase64("c2VjcmV0").use { zerohashVerifyRequest(it, headers, "POST", "/orders/v1", "{\"a\":1}", t, null) }
        assertEquals(t, v.timestamp)
    }
}
