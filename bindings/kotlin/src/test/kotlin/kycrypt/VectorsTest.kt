package kycrypt

import com.fasterxml.jackson.databind.ObjectMapper
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import java.io.File
import java.math.BigDecimal
import java.util.Base64

/**
 * Runs every test-vectors/ *.json case through the Kotlin binding, dispatching on `op`.
 *
 * Ops without an entry in [OPS] are counted as "not bound" and fail the run
 * (KYCRYPT_STRICT_OPS=0 only reports them). To bind an op, add an entry: it gets the case's
 * inputs and returns a map of outputs (hex strings for bytes) to compare with the
 * case's `output`, or throws the library's [KycryptException].
 */
class VectorsTest {
    companion object {
        val VECTORS_DIR = File(System.getProperty("kycrypt.vectors.dir") ?: "../../test-vectors")

        fun hex(s: String): ByteArray = ByteArray(s.length / 2) { s.substring(2 * it, 2 * it + 2).toInt(16).toByte() }
        fun ByteArray.toHex(): String = joinToString("") { "%02x".format(it) }
        private fun b64url(s: String): ByteArray = Base64.getUrlDecoder().decode(s.trimEnd('='))

        private fun JSONObject.hx(k: String): ByteArray = hex(getString(k))
        private fun JSONObject.t(k: String): Long = getLong(k)
        private fun JSONObject.optT(k: String): Long? = if (has(k) && !isNull(k)) getLong(k) else null
        private fun JSONObject.optS(k: String): String? = if (has(k) && !isNull(k)) getString(k) else null
        private fun JSONObject.optB(k: String): Boolean? = if (has(k) && !isNull(k)) getBoolean(k) else null
        private fun JSONObject.flag(k: String) = optBoolean(k, false)
        private fun JSONObject.bytes(k: String) = getString(k).toByteArray(Charsets.UTF_8)
        private fun JSONObject.headers(): List<HttpHeader> {
            val a = getJSONArray("headers")
            return (0 until a.length()).map { val p = a.getJSONArray(it); HttpHeader(p.getString(0), p.getString(1)) }
        }

        /**
         * The stable spelling of an enum value, as the vectors (and the JS binding) write it:
         * `HMAC_SHA256_HEX` -> `hmac-sha256-hex`, `CORE_PASS` -> `corepass`, `ZERO_HASH` -> `zerohash`.
         */
        fun spelling(e: Enum<*>): String =
            e.name.lowercase().replace("core_pass", "corepass").replace("zero_hash", "zerohash").replace('_', '-')

        /** The enum value of a vector's spelling; a spelling it lacks cannot be passed at all. */
        inline fun <reified E : Enum<E>> enumOf(what: String, s: String): E =
            enumValues<E>().firstOrNull { spelling(it) == s }
                // e.g. provider "stripe": the Kotlin type cannot express it; the core's
                // answer to it by name is invalid_argument, so the runner reports that.
                ?: throw KycryptException.InvalidArgument("invalid_argument", "no $what $s")

        private fun curve(i: JSONObject): Curve = enumOf("curve", i.getString("curve"))
        private fun alg(i: JSONObject): HmacAlg = enumOf("alg", i.getString("alg"))

        private fun hmacKey(i: JSONObject): HmacKey =
            if (i.has("key_b64")) HmacKey.fromBase64(i.getString("key_b64")) else HmacKey(i.hx("key"))

        private fun webhookOptions(i: JSONObject) = WebhookOptions(
            leewaySecs = i.optT("tolerance_secs"),
            zerohashAllowLegacy = i.optB("zerohash_allow_legacy"),
        )

        private fun webhookOut(v: VerifiedWebhook): Map<String, Any?> =
            mapOf("provider" to spelling(v.provider), "scheme" to spelling(v.scheme), "timestamp" to v.timestamp, "event_id" to v.eventId)

        private fun opVerifyWebhook(i: JSONObject): Map<String, Any?> {
            val provider = enumOf<Provider>("provider", i.getString("provider"))
            return HmacKey(i.bytes("secret")).use { secret ->
                webhookOut(verifyWebhook(provider, i.headers(), i.bytes("body"), secret, i.t("now"), webhookOptions(i)))
            }
        }

        private fun zhSignRequest(i: JSONObject): Map<String, Any?> {
            val (method, route, body) = Triple(i.getString("method"), i.getString("route"), i.getString("body"))
            val t = i.t("timestamp")
            val h = ZeroHashCredentials(i.optS("api_key") ?: "", i.getString("secret_b64"), i.optS("passphrase") ?: "")
                .use { it.signRequest(method, route, body, t) }
            val low = zerohashSecretFromBase64(i.getString("secret_b64")).use { zerohashSign(method, route, body, it, t) }
            assertEquals(h.xScxSigned, low, "the low-level signer agrees with the credentials object")
            return mapOf(
                "x_scx_signed" to h.xScxSigned, "x_scx_timestamp" to h.xScxTimestamp,
                "x_scx_api_key" to h.xScxApiKey, "x_scx_passphrase" to h.xScxPassphrase,
                "prehash" to zerohashSigningMessage(method, route, body, t),
            )
        }

        private fun zhVerifyRequest(i: JSONObject): Map<String, Any?> {
            val v = zerohashSecretFromBase64(i.getString("secret_b64")).use {
                zerohashVerifyRequest(
                    i.headers(), i.getString("method"), i.getString("route"), i.getString("body"), it, i.t("now"),
                    RequestOptions(leewaySecs = i.optT("window_secs")),
                )
            }
            return mapOf("timestamp" to v.timestamp)
        }

        /** The fields every kind of verified CorePass callback has. */
        private fun callbackOut(v: VerifiedCallback): Map<String, Any?> = when (v) {
            is VerifiedCallback.Status -> listOf(v.signer, v.user, v.coverage, v.replayKey, v.replayUntil, v.deadline)
            is VerifiedCallback.Data -> listOf(v.signer, v.user, v.coverage, v.replayKey, v.replayUntil, v.deadline)
            is VerifiedCallback.Error -> listOf(v.signer, v.user, v.coverage, v.replayKey, v.replayUntil, v.deadline)
        }.let { (signer, user, coverage, key, until, deadline) ->
            mapOf(
                "signer" to signer, "user" to user, "coverage" to spelling(coverage as Coverage),
                "replay_key" to key, "replay_until" to until, "deadline" to deadline,
            )
        }

        private operator fun <T> List<T>.component6(): T = this[5]

        private fun corepassCallback(kind: CallbackKind): (JSONObject) -> Map<String, Any?> = { i: JSONObject ->
            val opts = CallbackOptions(leewaySecs = i.optT("skew_secs"), allowDeadlineOnly = i.optB("allow_deadline_only"))
            val v = PinnedConnector.parse(i.getString("connector")).use { verifyCorepassCallback(kind, i.bytes("body"), it, i.t("now"), opts) }
            callbackOut(v)
        }

        private fun addressOut(a: CoreAddress): Map<String, Any?> = mapOf<String, Any?>("address" to a.address, "network" to spelling(a.network))

        private fun didDocument(i: JSONObject): DidDocument = DidDocument.fromJson(i.getJSONObject("did_document").toString())

        private fun purpose(s: String?): VerificationPurpose? = when (s) {
            null -> null
            "authentication" -> VerificationPurpose.AUTHENTICATION
            "assertionMethod" -> VerificationPurpose.ASSERTION_METHOD
            else -> throw KycryptException.InvalidArgument("invalid_argument", "no purpose $s")
        }

        private fun opResolveDidKey(i: JSONObject): Map<String, Any?> {
            val vm = resolveDidKey(i.getString("did")).use { it.methodsFor(i.getString("did"), null, VerificationPurpose.AUTHENTICATION) }.first()
            return mapOf("verification_method_id" to vm.id, "public_key_hex" to vm.ed25519PublicKey?.toHex())
        }

        private fun opMethodsFor(i: JSONObject): Map<String, Any?> {
            val p = purpose(i.optS("purpose")) ?: VerificationPurpose.AUTHENTICATION
            val vms = didDocument(i).use { it.methodsFor(i.getString("iss"), i.optS("kid"), p) }
            return mapOf("method_ids" to vms.map { it.id }, "public_keys_hex" to vms.mapNotNull { it.ed25519PublicKey?.toHex() })
        }

        private fun didJwtVerify(i: JSONObject): Map<String, Any?> {
            val v = DidJwtValidation(
                audience = i.getString("audience"),
                purpose = purpose(i.optS("purpose")),
                leewaySecs = i.optT("leeway"),
                acceptEd25519Alias = i.optB("accept_ed25519_alias"),
                allowHidMsiKey = i.optB("allow_hid_msi_key"),
            )
            val doc = if (i.has("did_document")) didDocument(i) else null
            val got = doc.use { verifyDidJwt(i.getString("token"), it, i.t("now"), v) }
            return mapOf("issuer" to got.issuer, "signer" to got.signer, "claims" to JSONObject(got.claimsJson))
        }

        private fun didJwtSign(i: JSONObject): Map<String, Any?> {
            val req = DidJwtSignRequest(
                issuer = i.getString("did"), audience = i.getString("audience"),
                claimsJson = i.optS(ORDERED_CLAIMS) ?: i.getJSONObject("claims").toString(),
            )
            val opts = DidJwtSignOptions(ttlSecs = i.optT("ttl"), kid = i.optS("kid"))
            return mapOf("token" to Ed25519SigningKey.fromSeed(i.hx("seed_hex")).use { signDidJwt(req, it, i.t("iat"), opts) })
        }

        private fun eciesOptions(i: JSONObject): EciesOptions = EciesOptions(
            compressedEphemeralKey = i.optB("compressed_ephemeral_key"),
            compressedHkdfInput = i.optB("compressed_hkdf_input"),
            nonceLen = i.optT("nonce_len"),
        )

        private fun eciesSk(i: JSONObject): EciesSecretKey = EciesSecretKey.parse(curve(i), i.getString("secret_key"))
        private fun eciesPk(i: JSONObject): EciesPublicKey = EciesPublicKey.parse(curve(i), i.getString("public_key"))

        private fun publicKeyOf(i: JSONObject): PublicKey {
            i.optS("pem")?.let { pem ->
                return if ("PRIVATE KEY-----" in pem) PrivateKey.fromPem(pem).use { it.publicKey() } else PublicKey.fromPem(pem)
            }
            if (i.has("der_hex")) {
                val der = i.hx("der_hex")
                return try {
                    PrivateKey.fromDer(der).use { it.publicKey() }
                } catch (e: KycryptException) {
                    PublicKey.fromDer(der)
                }
            }
            val jwk = i.getString("jwk")
            return if ("\"d\"" in jwk || i.flag("private")) PrivateKey.fromJwk(jwk).use { it.publicKey() } else PublicKey.fromJwk(jwk)
        }

        private fun opPublicJwk(i: JSONObject): Map<String, Any?> = publicKeyOf(i).use { k ->
            val jwk = JSONObject(k.toJwk())
            val leaked = jwk.keySet().intersect(setOf("d", "p", "q", "dp", "dq", "qi"))
            assertTrue(leaked.isEmpty(), "private members exported: $leaked")
            mapOf("alg" to k.algorithm(), "jwk" to jwk, "thumbprint" to k.thumbprint())
        }

        private fun opSignPartnerJwt(i: JSONObject): Map<String, Any?> = PrivateKey.fromPem(i.getString("key")).use { key ->
            val claims = PartnerClaims(partnerId = i.getString("partner_id"), scope = i.getString("scope"), email = i.optS("email"))
            val token = signPartnerJwt(claims, key, i.t("iat"), PartnerJwtSignOptions(ttlSecs = i.t("ttl"), kid = i.getString("kid")))
            val back = key.publicKey().use { verifyPartnerJwt(token, it, i.t("iat")) }
            assertEquals(Triple(claims.partnerId, claims.scope, claims.email), Triple(back.partnerId, back.scope, back.email))
            mapOf("token" to token)
        }

        private fun opVerifyPartnerJwt(i: JSONObject): Map<String, Any?> {
            val token = i.getString("token")
            val leeway = PartnerJwtValidation(leewaySecs = 60)
            val c = i.optS("jwks")?.let { verifyPartnerJwtJwks(token, it, i.t("now"), leeway) }
                ?: PublicKey.fromPemOrJwk(i.getString("key")).use { verifyPartnerJwt(token, it, i.t("now"), leeway) }
            val header = JSONObject(String(b64url(token.substringBefore('.'))))
            return mapOf("partnerId" to c.partnerId, "scope" to c.scope, "email" to c.email, "kid" to header.optS("kid"))
        }

        private fun cakOut(cb: CakCallback): Map<String, Any?> = mapOf<String, Any?>(
            "user_id" to cb.userId, "verifier_did" to cb.verifierDid, "schema_id" to cb.schemaId, "dedup_key" to cb.dedupKey,
        )

        private fun cakVerifier(i: JSONObject): CakCallbackVerifier = when (val s = i.getString("scheme")) {
            "hmac_sha256" -> CakCallbackVerifier.hmacSha256(i.hx("key"), i.getString("header"))
            "ed25519" -> CakCallbackVerifier.ed25519(i.hx("key"))
            "es256" -> CakCallbackVerifier.es256(i.hx("key"))
            else -> throw IllegalArgumentException("unknown scheme $s")
        }

        private val NONE = emptyMap<String, Any?>()

        /** Input member added by the runner: `claims` as text, in the file's member order. */
        const val ORDERED_CLAIMS = "\u0000claims_in_file_order"

        val OPS: Map<String, (JSONObject) -> Map<String, Any?>> = mapOf(
            "hmac.sign" to { i -> hmacKey(i).use { k -> mapOf("tag" to k.sign(alg(i), i.hx("msg")).toHex()) } },
            "hmac.verify" to { i -> hmacKey(i).use { k -> k.verify(alg(i), i.hx("msg"), i.hx("tag")) }; NONE },
            "zerohash.sign_request" to ::zhSignRequest,
            "zerohash.verify_request" to ::zhVerifyRequest,
            "zerohash.verify_webhook_rsa" to { i ->
                webhookOut(ZeroHashPublicKey.fromPem(i.getString("public_key_pem")).use {
                    zerohashVerifyWebhookRsa(i.headers(), i.bytes("body"), it, i.t("now"), webhookOptions(i))
                })
            },
            "webhooks.verify" to ::opVerifyWebhook,
            "corepass.verify_status_callback" to corepassCallback(CallbackKind.STATUS),
            "corepass.verify_data_callback" to corepassCallback(CallbackKind.DATA),
            "corepass.verify_error_callback" to corepassCallback(CallbackKind.ERROR),
            "corepass.address_from_public_key" to { i ->
                addressOut(corepassAddressFromPublicKey(i.hx("public_key"), enumOf("network", i.getString("network"))))
            },
            "corepass.parse_address" to { i -> addressOut(corepassParseAddress(i.getString("address"))) },
            "corepass.item_sha3" to { i -> mapOf("sha3_hex" to corepassItemSha3(i.getString("item"))) },
            "corepass.parse_pepper" to { i ->
                val p = corepassParsePepper(i.getString("pepper"), i.getString("user"), i.getString("item"))
                mapOf("user" to p.user, "item" to p.item)
            },
            "corepass.check_qrcode_expiration" to { i -> checkQrcodeExpiration(i.t("expiration"), i.t("now")); NONE },
            "did.parse_did" to { i ->
                val d = parseDid(i.getString("did"))
                mapOf("method" to spelling(d.method), "namespace" to d.namespace, "method_specific_id" to d.methodSpecificId)
            },
            "did.resolve_did_key" to ::opResolveDidKey,
            "did.decode_ed25519_multibase" to { i -> mapOf("public_key_hex" to decodeEd25519Multibase(i.getString("multibase")).toHex()) },
            "did.methods_for" to ::opMethodsFor,
            "did_jwt.verify" to ::didJwtVerify,
            "did_jwt.sign" to ::didJwtSign,
            "ecies.decrypt" to { i -> eciesSk(i).use { mapOf("plaintext" to eciesDecrypt(i.hx("ciphertext"), it, eciesOptions(i)).toHex()) } },
            "ecies.encrypt_with_ephemeral" to { i ->
                eciesPk(i).use {
                    mapOf("ciphertext" to hazmatEciesEncryptWithEphemeral(i.hx("plaintext"), it, i.hx("ephemeral_secret"), i.hx("nonce"), eciesOptions(i)).toHex())
                }
            },
            "ecies.open_envelope" to { i -> eciesSk(i).use { openEnvelopeBase64(i.getString("envelope_b64"), it) }; NONE },
            "ecies.parse_public_key" to { i -> eciesPk(i).use { mapOf("sec1_uncompressed" to it.toSec1Bytes(false).toHex()) } },
            "ecies.parse_secret_key" to { i -> eciesSk(i).use { sk -> sk.publicKey().use { mapOf("public_key" to it.toSec1Bytes(false).toHex()) } } },
            "ed448.sign" to { i ->
                Ed448SigningKey.fromSeed(i.hx("seed")).use { mapOf("public_key" to it.publicKey().toHex(), "signature" to it.sign(i.hx("message")).toHex()) }
            },
            "ed448.verify" to { i -> ed448Verify(i.hx("public_key"), i.hx("message"), i.hx("signature")); NONE },
            "jwt.verify_jwt" to { i ->
                val v = PublicKey.fromPemOrJwk(i.getString("key")).use { verifyJwt(i.getString("token"), it, i.t("now"), JwtValidation(audience = i.optS("audience"))) }
                mapOf("header" to JSONObject(v.headerJson), "claims" to JSONObject(v.claimsJson))
            },
            "jwt.verify_jws" to { i ->
                val v = PublicKey.fromPemOrJwk(i.getString("key")).use { verifyJws(i.getString("token"), it) }
                mapOf("payload_utf8" to String(v.payload, Charsets.UTF_8))
            },
            "jwt.verify_hs256_with_hmac" to { i ->
                val token = i.getString("token")
                HmacKey(b64url(i.getString("jwk_k"))).use {
                    it.verify(HmacAlg.SHA256, token.substringBeforeLast('.').toByteArray(), b64url(token.substringAfterLast('.')))
                }
                NONE
            },
            "keys.thumbprint" to { i -> PublicKey.fromJwk(i.getString("jwk")).use { mapOf("thumbprint" to it.thumbprint()) } },
            "keys.public_jwk" to ::opPublicJwk,
            "moca.sign_partner_jwt" to ::opSignPartnerJwt,
            "moca.verify_partner_jwt" to ::opVerifyPartnerJwt,
            "cak.parse_callback" to { i -> cakOut(cakParseCallback(i.bytes("body"))) },
            "cak.dedup_key" to { i -> mapOf("dedup_key" to cakDedupKey(i.getString("user_id"), i.getString("verifier_did"), i.getString("schema_id"))) },
            "cak.verify_callback" to { i -> cakVerifier(i).use { cakOut(it.verifyCallback(i.bytes("body"), i.getString("signature"))) } },
        )

        /** Ops whose expected objects are a subset of the result (as in the Rust runner). */
        val SUBSET_OPS = setOf("jwt.verify_jwt", "keys.public_jwk", "moca.verify_partner_jwt")

        /** JSON-level equality; with [subset], expected objects may omit members of the result. */
        fun same(want: Any?, got: Any?, subset: Boolean): Boolean = when {
            want == null || want == JSONObject.NULL -> got == null || got == JSONObject.NULL
            want is JSONObject -> got is JSONObject &&
                (subset || want.keySet() == got.keySet()) &&
                want.keySet().all { same(want.get(it), if (got.has(it)) got.get(it) else null, subset) }
            want is JSONArray -> {
                val g = if (got is List<*>) JSONArray(got) else got as? JSONArray
                g != null && g.length() == want.length() && (0 until want.length()).all { same(want.get(it), g.get(it), subset) }
            }
            want is Number -> got is Number && BigDecimal(want.toString()).compareTo(BigDecimal(got.toString())) == 0
            else -> want == got
        }

        /** Compares expected outputs; `<name>_prefix` means output `<name>` starts with it. */
        fun checkOutput(id: String, op: String, want: JSONObject?, got: Map<String, Any?>) {
            want ?: return
            for (k in want.keySet()) {
                val w = want.get(k)
                if (k.endsWith("_prefix") && k !in got) {
                    val base = k.removeSuffix("_prefix")
                    assertTrue(got[base].toString().startsWith(w.toString()), "$id: $base does not start with $w")
                } else {
                    assertTrue(k in got || op in SUBSET_OPS, "$id: op returned no $k")
                    assertTrue(same(w, got[k], op in SUBSET_OPS), "$id: output $k: want $w, got ${got[k]}")
                }
            }
        }

        fun runCase(c: JSONObject) {
            val id = c.getString("id")
            val op = c.getString("op")
            val got = try {
                OPS.getValue(op)(c.getJSONObject("inputs"))
            } catch (e: KycryptException) {
                if (c.getString("expected") == "valid") fail<Unit>("$id: expected valid, got ${e.code}: ${e.message}")
                assertEquals(c.getString("error_code"), e.code, "$id: error code")
                return
            }
            assertEquals("valid", c.getString("expected"), "$id: expected ${c.optString("error_code")}, got success")
            checkOutput(id, op, c.optJSONObject("output"), got)
        }
    }

    private val files = (VECTORS_DIR.listFiles { f -> f.name.endsWith(".json") } ?: emptyArray()).sortedBy { it.name }

    @TestFactory
    fun vectors(): List<DynamicTest> = files.map { f ->
        DynamicTest.dynamicTest(f.name) {
            val doc = JSONObject(f.readText())
            assertEquals("kycrypt-vectors/1", doc.getString("schema"))
            val cases = doc.getJSONArray("cases")
            val ordered = ObjectMapper().readTree(f).get("cases")
            for (n in 0 until cases.length()) {
                val c = cases.getJSONObject(n)
                ordered.get(n).get("inputs").get("claims")?.let {
                    c.getJSONObject("inputs").put(ORDERED_CLAIMS, it.toString())
                }
                if (c.getString("op") in OPS) runCase(c)
            }
        }
    }

    @Test
    fun summary() {
        assertTrue(files.isNotEmpty(), "no vector files in $VECTORS_DIR")
        val ops = files.flatMap { f ->
            val cases = JSONObject(f.readText()).getJSONArray("cases")
            (0 until cases.length()).map { cases.getJSONObject(it).getString("op") }
        }.filterNot { it.startsWith("internal.") } // crate internals (Go JSON encoder): Rust suite only
        val bound = ops.count { it in OPS }
        val unbound = ops.filter { it !in OPS }.groupingBy { it }.eachCount()
        println("vectors: $bound cases bound; not bound: ${if (unbound.isEmpty()) "none" else unbound.toString()}")
        assertTrue(bound > 0, "no vector case is bound")
        if (System.getenv("KYCRYPT_STRICT_OPS") != "0") assertTrue(unbound.isEmpty(), "ops not bound: $unbound")
    }
}
