@file:JvmName("ZeroHashSignRequest")

package examples

import kycrypt.HttpHeader
import kycrypt.KycryptException
import kycrypt.ZeroHashCredentials
import kycrypt.zerohashSecretFromBase64
import kycrypt.zerohashVerifyRequest

/**
 * Sign a Zero Hash API request (the four `X-SCX-*` headers), then check it as the server
 * does: the signature verifies, a changed body does not.
 */
fun main() {
    val apiKey = "zh-api-key"
    val secretB64 = "c2VjcmV0LWZyb20tdGhlLXplcm8taGFzaC1wb3J0YWw=" // from the Zero Hash portal
    val passphrase = "zh-passphrase"
    val body = """{"symbol":"BTC/USD","side":"buy","quantity":"0.01"}"""
    val now = nowSecs()

    val h = ZeroHashCredentials(apiKey, secretB64, passphrase).use { it.signRequest("POST", "/orders/v1", body, now) }
    // Send: X-SCX-API-KEY, X-SCX-SIGNED, X-SCX-TIMESTAMP, X-SCX-PASSPHRASE.
    println("signed: $h") // the signature and the passphrase print as <redacted>
    expect(h.xScxApiKey == apiKey && h.xScxTimestamp == now.toString()) { "headers: $h" }
    expect(!h.toString().contains(passphrase)) { "the passphrase printed" }

    val received = listOf(
        HttpHeader("X-SCX-API-KEY", h.xScxApiKey),
        HttpHeader("X-SCX-SIGNED", h.xScxSigned),
        HttpHeader("X-SCX-TIMESTAMP", h.xScxTimestamp),
        HttpHeader("X-SCX-PASSPHRASE", h.xScxPassphrase),
    )
    zerohashSecretFromBase64(secretB64).use { secret ->
        val v = zerohashVerifyRequest(received, "POST", "/orders/v1", body, secret, now)
        expect(v.timestamp == now && v.apiKey == apiKey) { "verified: $v" }
        expectFailure<KycryptException.SignatureInvalid> {
            zerohashVerifyRequest(received, "POST", "/orders/v1", body.replace("0.01", "10"), secret, now)
        }
    }
    println("zero hash: request signed and verified; a changed body is signature_invalid")
}
