package kycrypt

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.util.Base64

/**
 * Secrets and personal data are redacted when printed, and stay readable as properties.
 * The records' `toString()` is the Rust `Display` exported through UniFFI
 * (`redacted_fmt!` in bindings/shared/redact.rs); without it the data class prints every field and these fail.
 */
class RedactionTest {
    private val apiKey = "api-key-public-1"
    private val passphrase = "pass-phrase-secret-9"
    private val secretB64 = Base64.getEncoder().encodeToString("zero-hash-api-secret".toByteArray())
    private val email = "alice@example.com"

    /** Every common way a record ends up in text. */
    private fun printed(obj: Any): List<String> = listOf(
        obj.toString(),
        "$obj",
        "headers: $obj",
        String.format("%s", obj),
        listOf(obj).toString(),
        mapOf("k" to obj).toString(),
        buildString { append(obj) },
    )

    @Test
    fun signedHeadersHidePassphraseAndSignature() {
        val h = ZeroHashCredentials(apiKey, secretB64, passphrase).use {
            it.signRequest("POST", "/orders", "{\"a\":1}", 1_700_000_000L)
        }
        val signature = zerohashSecretFromBase64(secretB64).use {
            zerohashSign("POST", "/orders", "{\"a\":1}", it, 1_700_000_000L)
        }
        assertEquals(signature, h.xScxSigned)
        assertEquals(passphrase, h.xScxPassphrase)
        assertEquals(apiKey, h.xScxApiKey)
        assertEquals("1700000000", h.xScxTimestamp)
        for (s in printed(h)) {
            assertTrue(!s.contains(passphrase) && !s.contains(signature), s)
            assertTrue(s.contains(apiKey) && s.contains("1700000000") && s.contains("<redacted>"), s)
        }
        assertEquals(
            "SignedHeaders { x_scx_api_key: \"$apiKey\", x_scx_signed: <redacted>, " +
                "x_scx_timestamp: \"1700000000\", x_scx_passphrase: <redacted> }",
            h.toString(),
        )
        // A copy is a data class too, and prints redacted as well.
        assertTrue(!h.copy(xScxTimestamp = "1").toString().contains(passphrase))
    }

    @Test
    fun dataCallbackValuesAndPeppersDoNotPrint() {
        val cases = JSONObject(File(VectorsTest.VECTORS_DIR, "corepass.json").readText()).getJSONArray("cases")
        val c = (0 until cases.length()).map { cases.getJSONObject(it) }
            .first { it.getString("op") == "corepass.verify_data_callback" && it.getString("expected") == "valid" }
        val i = c.getJSONObject("inputs")
        val sent = JSONObject(i.getString("body")).getJSONArray("infos")
            .let { a -> (0 until a.length()).map { a.getJSONObject(it) } }
        val cb = PinnedConnector.parse(i.getString("connector")).use { connector ->
            verifyCorepassCallback(
                CallbackKind.DATA, i.getString("body").toByteArray(), connector, i.getLong("now"),
                CallbackOptions(allowDeadlineOnly = i.optBoolean("allow_deadline_only", false)),
            ) as VerifiedCallback.Data
        }
        assertEquals(
            sent.map { Triple(it.getString("fieldID"), it.getString("fieldValue"), it.getString("pepper")) },
            cb.infos.map { Triple(it.fieldId, it.fieldValue, it.pepper) },
        )
        for (obj in listOf(cb, cb.infos, cb.infos[0])) {
            for (s in printed(obj)) {
                for (d in sent) {
                    assertTrue(!s.contains(d.getString("fieldValue")) && !s.contains(d.getString("pepper").take(16)), s)
                }
                assertTrue(s.contains(sent[0].getString("fieldID")) && s.contains("<redacted>"), s)
            }
        }
    }

    @Test
    fun claimsPayloadsAndHeaderValuesDoNotPrint() {
        val extra = JSONObject(mapOf("name" to email)).toString()
        val claims = PartnerClaims(partnerId = "p-1", scope = "issue on-behalf", email = email, extraJson = extra)
        val header = HttpHeader("X-SCX-PASSPHRASE", email)
        val printedObjects = mutableListOf<Any>(claims, header)
        PrivateKey.fromPem(generatePrivateKeyPem("p256")).use { key ->
            val token = signPartnerJwt(claims, key, 1_700_000_000L, PartnerJwtSignOptions(ttlSecs = 300, kid = "kid-1"))
            key.publicKey().use { pub ->
                val back = verifyPartnerJwt(token, pub, 1_700_000_100L)
                assertEquals(email, back.email)
                assertEquals(email, JSONObject(back.extraJson).getString("name"))
                val jwt = verifyJwt(token, pub, 1_700_000_100L, JwtValidation(algorithms = listOf("ES256")))
                assertEquals(email, JSONObject(jwt.claimsJson).getString("email"))
                val jws = verifyJws(token, pub, JwtValidation(algorithms = listOf("ES256")))
                assertEquals(email, JSONObject(String(jws.payload)).getString("email"))
                printedObjects.addAll(listOf(back, jwt, jws))
            }
        }
        Ed25519SigningKey.fromSeed(ByteArray(32) { 7 }).use { signing ->
            val did = "did:key:" + encodeEd25519Multibase(signing.publicKey())
            val request = DidJwtSignRequest(issuer = did, audience = "aud", claimsJson = JSONObject(mapOf("email" to email)).toString())
            val token = signDidJwt(request, signing, 1_700_000_000L, DidJwtSignOptions(ttlSecs = 300))
            val didJwt = verifyDidJwt(token, null, 1_700_000_100L, DidJwtValidation(audience = "aud"))
            assertEquals(email, JSONObject(didJwt.claimsJson).getString("email"))
            assertTrue(didJwt.toString().contains(did))
            printedObjects.addAll(listOf(request, didJwt))
        }
        for (obj in printedObjects) {
            for (s in printed(obj)) assertTrue(!s.contains("alice") && s.contains("<redacted>"), s)
        }
        assertTrue(claims.toString().contains("p-1") && header.toString().contains("X-SCX-PASSPHRASE"))
    }

    /**
     * Every record that prints through a Rust `Display` (the redacting ones) is one this
     * class checks above: a new one fails here until its test is added.
     */
    @Test
    fun everyRedactedRecordIsChecked() {
        val generated = File(System.getProperty("kycrypt.generated.dir") ?: "target/generated-sources/uniffi", "kycrypt/kycrypt_ffi.kt")
        val printedByRust = Regex("""fn_method_(\w+)_uniffi_trait_display""").findAll(generated.readText()).map { it.groupValues[1] }.toSet()
        val checked = listOf(
            SignedHeaders::class, HttpHeader::class, DataInfo::class, VerifiedCallback::class, PartnerClaims::class,
            VerifiedPartnerClaims::class, VerifiedJwt::class, VerifiedJws::class, VerifiedDidJwt::class, DidJwtSignRequest::class,
        ).map { it.java.simpleName.lowercase() }.toSet()
        assertEquals(checked, printedByRust)
    }
}
