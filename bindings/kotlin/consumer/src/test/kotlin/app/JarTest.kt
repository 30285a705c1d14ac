package app

import kycrypt.CallbackKind
import kycrypt.KycryptException
import kycrypt.PartnerClaims
import kycrypt.PinnedConnector
import kycrypt.PrivateKey
import kycrypt.VerifiedCallback
import kycrypt.generatePrivateKeyPem
import kycrypt.signPartnerJwt
import kycrypt.verifyCorepassCallback
import kycrypt.verifyPartnerJwt
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File

/** Uses kycrypt the way an application does: only the installed jar is on the classpath. */
class JarTest {
    @Test
    fun theNativeLibraryComesFromTheJar() {
        val url = PinnedConnector::class.java.classLoader.getResource("linux-x86-64/libkycrypt_ffi.so")
        assertTrue(url != null && url.protocol == "jar", "native library not inside the jar: $url")
    }

    @Test
    fun verifiesARealCorePassStatusCallback() {
        val dir = File(System.getProperty("kycrypt.vectors.dir"))
        val cases = JSONObject(File(dir, "corepass.json").readText()).getJSONArray("cases")
        val c = (0 until cases.length()).map { cases.getJSONObject(it) }.first { it.getString("id") == "status-accepted-upstream" }
        val i = c.getJSONObject("inputs")
        val v = PinnedConnector.parse(i.getString("connector")).use {
            verifyCorepassCallback(CallbackKind.STATUS, i.getString("body").toByteArray(), it, i.getLong("now"))
        }
        assertTrue(v is VerifiedCallback.Status, "$v")
        assertEquals(c.getJSONObject("output").getString("user"), (v as VerifiedCallback.Status).user)
        val tampered = i.getString("body").replace("ab148af5", "ab148af6").toByteArray()
        PinnedConnector.parse(i.getString("connector")).use {
            assertThrows<KycryptException.SignatureInvalid> { verifyCorepassCallback(CallbackKind.STATUS, tampered, it, i.getLong("now")) }
        }
    }

    @Test
    fun issuesAndVerifiesAPartnerJwt() {
        PrivateKey.fromPem(generatePrivateKeyPem("p256")).use { key ->
            val token = signPartnerJwt(PartnerClaims(partnerId = "p", scope = "issue"), key, 1_700_000_000L)
            val claims = key.publicKey().use { verifyPartnerJwt(token, it, 1_700_000_010L) }
            assertEquals("p", claims.partnerId)
        }
    }
}
