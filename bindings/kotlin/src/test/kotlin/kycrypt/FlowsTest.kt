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

    private fun now() = System.currentTimeMillis() / 1000

    private fun status(v: VerifiedCallback): VerifiedCallback.Status = v as VerifiedCallback.Status

    @Test
    fun partnerJwtVerifiesAgainstThePublishedJwks() {
        PrivateKey.fromPem(generatePrivateKeyPem("rsa2048")).use { partnerKey ->
            val kid = partnerKey.publicKey().use { it.thumbprint() }
            val jwksJson = partnerKey.publicKey().use { jwks(listOf(it), listOf(kid)) }
            val token = signPartnerJwt(
                PartnerClaims(partnerId = "p-1", scope = "issue", email = "u@example.com"), partnerKey, now(),
                PartnerJwtSignOptions(ttlSecs = 300, kid = kid),
            )
            val claims = verifyPartnerJwtJwks(token, jwksJson, now(), PartnerJwtValidation(leewaySecs = 0))
            assertEquals(Triple("p-1", "issue", "u@example.com"), Triple(claims.partnerId, claims.scope, claims.email))
            assertThrows<KycryptException.Expired> { verifyPartnerJwtJwks(token, jwksJson, now() + 400, PartnerJwtValidation(leewaySecs = 0)) }
            // Without options: the core's defaults (kid = the key's thumbprint).
            val plain = signPartnerJwt(PartnerClaims(partnerId = "p-1", scope = "issue"), partnerKey, now())
            assertEquals("p-1", verifyPartnerJwtJwks(plain, jwksJson, now()).partnerId)
        }
    }

    @Test
    fun corePassStatusCallbackIsCheckedBeforeUse() {
        val c = case("corepass.json") { it.getString("id") == "status-accepted-upstream" }
        val i = c.getJSONObject("inputs")
        val body = i.getString("body").toByteArray()
        val at = i.getLong("now")
        PinnedConnector.parse(i.getString("connector")).use { connector ->
            val v = status(verifyCorepassCallback(CallbackKind.STATUS, body, connector, at))
            assertEquals(c.getJSONObject("output").getString("replay_key"), v.replayKey)
            assertEquals(CorePassStatus.ACCEPTED, v.status)
            val tampered = i.getString("body").replace("ab148af5", "ab148af6").toByteArray()
            assertThrows<KycryptException.SignatureInvalid> { verifyCorepassCallback(CallbackKind.STATUS, tampered, connector, at) }
            assertThrows<KycryptException.Expired> { verifyCorepassCallback(CallbackKind.STATUS, body, connector, at + 3600) }
            assertThrows<KycryptException.MalformedInput> { verifyCorepassCallback(CallbackKind.STATUS, body, connector, -1) }
        }
    }

    @Test
    fun corePassReplayKeyIsKeptUntilReplayUntil() {
        val c = case("corepass.json") { it.getString("id") == "status-accepted-upstream" }
        val i = c.getJSONObject("inputs")
        val body = i.getString("body").toByteArray()
        PinnedConnector.parse(i.getString("connector")).use { connector ->
            for (leeway in listOf(30L, 0L, 300L)) {
                val opts = CallbackOptions(leewaySecs = leeway)
                val v = status(verifyCorepassCallback(CallbackKind.STATUS, body, connector, i.getLong("now"), opts))
                assertEquals(v.deadline + leeway, v.replayUntil)
                assertEquals(c.getJSONObject("output").getLong("deadline") + leeway, v.replayUntil)
                // The last second it verifies is replayUntil; one more is expired.
                assertEquals(v.replayKey, status(verifyCorepassCallback(CallbackKind.STATUS, body, connector, v.replayUntil, opts)).replayKey)
                assertThrows<KycryptException.Expired> { verifyCorepassCallback(CallbackKind.STATUS, body, connector, v.replayUntil + 1, opts) }
            }
        }
    }

    @Test
    fun corePassRefusesCaseVariantMembers() {
        val i = case("corepass.json") { it.getString("id") == "status-accepted-upstream" }.getJSONObject("inputs")
        val open = i.getString("body").trimEnd().removeSuffix("}")
        val at = i.getLong("now")
        PinnedConnector.parse(i.getString("connector")).use { connector ->
            for ((extra, member) in listOf(
                "\"User\": \"ab06b37c90098790e90bbcd56a701e50ec8b51b6bd5e\"" to "User",
                "\"Status\": \"FINISH_SUCCESS\"" to "Status",
                "\"Deadline\": 9999999999" to "Deadline",
            )) {
                val e = assertThrows<KycryptException.MalformedInput> {
                    verifyCorepassCallback(CallbackKind.STATUS, "$open,$extra}".toByteArray(), connector, at)
                }
                val msg = e.message.orEmpty()
                assertTrue(msg.contains("\"$member\""), msg)
                assertFalse(msg.contains("ab06b37c") || msg.contains("FINISH_SUCCESS") || msg.contains("9999999999"), msg)
            }
        }
        val d = case("corepass.json") { it.getString("id") == "data-upstream-infos-case-variant" }.getJSONObject("inputs")
        PinnedConnector.parse(d.getString("connector")).use { connector ->
            val e = assertThrows<KycryptException.MalformedInput> {
                verifyCorepassCallback(
                    CallbackKind.DATA, d.getString("body").toByteArray(), connector, d.getLong("now"),
                    CallbackOptions(allowDeadlineOnly = true),
                )
            }
            assertTrue(e.message.orEmpty().contains("\"FieldValue\""), e.message)
        }
    }

    @Test
    fun sumsubWebhookGatesIssuance() {
        val c = case("webhooks.json") { it.getJSONObject("inputs").optString("provider") == "sumsub" && it.getString("expected") == "valid" }
        val i = c.getJSONObject("inputs")
        val hs = i.getJSONArray("headers").let { a -> (0 until a.length()).map { HttpHeader(a.getJSONArray(it).getString(0), a.getJSONArray(it).getString(1)) } }
        val body = i.getString("body").toByteArray()
        HmacKey(i.getString("secret").toByteArray()).use { secret ->
            val v = verifyWebhook(Provider.SUMSUB, hs, body, secret, i.getLong("now"))
            assertEquals(Provider.SUMSUB, v.provider)
            assertThrows<KycryptException.SignatureInvalid> {
                verifyWebhook(Provider.SUMSUB, hs, body + ' '.code.toByte(), secret, i.getLong("now"))
            }
        }
    }

    @Test
    fun cakEnvelopeRoundTrip() {
        val image = ByteArray(1 shl 20) { (it * 31).toByte() }
        EciesSecretKey.generate(Curve.P256).use { sk ->
            val pubHex = sk.publicKey().use { it.toSec1Bytes(true) }.joinToString("") { "%02x".format(it) }
            val sealed = EciesPublicKey.parse(Curve.P256, pubHex).use { sealEnvelope(image, it) }
            assertArrayEquals(image, openEnvelope(sealed, sk))
            sealed[sealed.size - 1] = (sealed[sealed.size - 1].toInt() xor 1).toByte()
            assertThrows<KycryptException.DecryptionFailed> { openEnvelope(sealed, sk) }
        }
    }

    @Test
    fun zeroHashSignedRequestVerifiesServerSide() {
        val t = now()
        val h = ZeroHashCredentials("key", "c2VjcmV0", "pass").use { it.signRequest("POST", "/orders/v1", "{\"a\":1}", t) }
        val headers = listOf(HttpHeader("X-SCX-SIGNED", h.xScxSigned), HttpHeader("X-SCX-TIMESTAMP", h.xScxTimestamp))
        val v = zerohashSecretFromBase64("c2VjcmV0").use { zerohashVerifyRequest(headers, "POST", "/orders/v1", "{\"a\":1}", it, t) }
        assertEquals(t, v.timestamp)
    }
}
