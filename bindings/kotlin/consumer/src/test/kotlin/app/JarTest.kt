package app

import kycrypt.CallbackOptions
import kycrypt.FfiException
import kycrypt.PartnerClaims
import kycrypt.PinnedConnector
import kycrypt.PrivateKey
import kycrypt.generatePrivateKeyPem
import kycrypt.signPartnerJwt
import kycrypt.verifyPartnerJwt
import kycrypt.verifyStatusCallback
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
            verifyStatusCallback(i.getString("body").toByteArray(), it, i.getLong("now").toULong(), CallbackOptions())
        }
        assertEquals(c.getJSONObject("output").getString("user"), v.user)
        val tampered = i.getString("body").replace("ab148af5", "ab148af6").toByteArray()
        PinnedConnector.parse(i.getString("connector")).use {
            assertThrows<FfiException.SignatureInvalid> { verifyStatusCallback(tampered, it, i.getLong("now").toULong(), CallbackOptions()) }
        }
    }

    @Test
    fun issuesAndVerifiesAPartnerJwt() {
        PrivateKey.fromPem(generatePrivateKeyPem("p256")).use { key ->
            val token = signPartnerJwt(key, "k1", PartnerClaims(partnerId = "p", scope = "issue"), 1_700_000_000uL, 300uL)
            val claims = key.publicKey().use { verifyPartnerJwt(token, it, 1_700_000_010uL, 0uL) }
            assertEquals("p", claims.partnerId)
        }
    }
}
