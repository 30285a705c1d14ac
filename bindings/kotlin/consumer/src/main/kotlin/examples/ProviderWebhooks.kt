@file:JvmName("ProviderWebhooks")

package examples

import kycrypt.HmacAlg
import kycrypt.HmacKey
import kycrypt.HttpHeader
import kycrypt.KycryptException
import kycrypt.Provider
import kycrypt.WebhookScheme
import kycrypt.verifyWebhook

/**
 * Verify Sumsub, Onfido, Veriff and Persona webhooks over the raw body, before parsing
 * it. Each provider's request is made here the way the provider signs it; then one
 * changed byte fails with `signature_invalid`.
 */
fun main() {
    val now = nowSecs()
    val body = """{"type":"applicantReviewed","applicantId":"5f1e","reviewResult":{"reviewAnswer":"GREEN"}}""".toByteArray()
    val secretBytes = "whsec-0123456789abcdef0123456789abcdef".toByteArray()

    HmacKey(secretBytes).use { secret ->
        fun tag(msg: ByteArray) = secret.sign(HmacAlg.SHA256, msg).hex()
        val persona = "t=$now,v1=${tag("$now.".toByteArray() + body)}"
        val cases = listOf(
            Triple(Provider.SUMSUB, listOf(HttpHeader("X-Payload-Digest", tag(body)), HttpHeader("X-Payload-Digest-Alg", "HMAC_SHA256_HEX")), WebhookScheme.HMAC_SHA256_HEX),
            Triple(Provider.ONFIDO, listOf(HttpHeader("X-SHA2-Signature", tag(body))), WebhookScheme.HMAC_SHA256_HEX),
            Triple(Provider.VERIFF, listOf(HttpHeader("X-HMAC-SIGNATURE", tag(body))), WebhookScheme.HMAC_SHA256_HEX),
            Triple(Provider.PERSONA, listOf(HttpHeader("Persona-Signature", persona)), WebhookScheme.PERSONA_V1),
        )
        for ((provider, headers, scheme) in cases) {
            val v = verifyWebhook(provider, headers, body, secret, now)
            expect(v.provider == provider && v.scheme == scheme) { "$provider: $v" }
            val tampered = body.copyOf().also { it[it.size - 3] = 'X'.code.toByte() }
            expectFailure<KycryptException.SignatureInvalid> { verifyWebhook(provider, headers, tampered, secret, now) }
            println("$provider: verified ($scheme); a changed body is signature_invalid")
        }
        // Persona signs its timestamp: an old delivery is refused.
        val (_, personaHeaders, _) = cases.last()
        expectFailure<KycryptException.TimestampOutOfWindow> { verifyWebhook(Provider.PERSONA, personaHeaders, body, secret, now + 3600) }
    }
}
