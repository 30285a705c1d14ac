package kycrypt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * The error model across the boundary: every code is its own [KycryptException]
 * subclass (named after the code) with `code` and `reason`; a panic inside Rust is a
 * catchable [KycryptException.Internal], not an abort; keys never print their bytes.
 */
class ErrorsTest {
    /** `signature_invalid` -> `SignatureInvalid`. */
    private fun className(code: String) =
        code.split('_').joinToString("") { it.replaceFirstChar(Char::uppercaseChar) }

    @Test
    fun everyCodeArrivesAsItsOwnSubclass() {
        val codes = errorCodes()
        assertEquals(24, codes.size)
        val subclasses = KycryptException::class.java.declaredClasses
            .filter { KycryptException::class.java.isAssignableFrom(it) }
            .associateBy { it.simpleName }
        assertEquals(codes.map(::className).toSet(), subclasses.keys, "one subclass per code, no other")
        for (code in codes) {
            val e = assertThrows<KycryptException> { hazmatTestError(code) }
            assertEquals(className(code), e.javaClass.simpleName, code)
            assertTrue(subclasses.getValue(className(code)).isInstance(e), code)
            assertEquals(code, e.code)
            assertEquals("test error $code", e.reason)
        }
    }

    @Test
    fun typedSubclassesForTheCommonCodes() {
        val e = assertThrows<KycryptException.SignatureInvalid> { hazmatTestError("signature_invalid") }
        assertEquals("signature_invalid", e.code)
        assertEquals("test error signature_invalid", e.reason)
        assertTrue(e.message.orEmpty().contains("test error signature_invalid"), e.message)
        assertThrows<KycryptException.MalformedInput> { hazmatTestError("malformed_input") }
        assertThrows<KycryptException.Internal> { hazmatTestError("no_such_code") }
        // `when` over the sealed class sees the subclass.
        val what = when (e as KycryptException) {
            is KycryptException.SignatureInvalid -> "bad signature"
            else -> "other"
        }
        assertEquals("bad signature", what)
    }

    @Test
    fun aPanicInsideRustIsACatchableInternalError() {
        val e = assertThrows<KycryptException.Internal> { hazmatTestPanic() }
        assertEquals("internal", e.code)
        assertFalse(e.reason.contains("kycrypt test panic"), "the panic payload is not passed on: ${e.reason}")
        // The JVM is alive and the library still works.
        assertEquals(32, hmacSha256("Jefe".toByteArray(), "x".toByteArray()).size)
    }

    @Test
    fun malformedInputRaisesItsCode() {
        val e = assertThrows<KycryptException.MalformedInput> { HmacKey.fromBase64("not*base64") }
        assertEquals("malformed_input", e.code)
        assertFalse(e.message.orEmpty().contains("not*base64"))
        assertFalse(e.reason.contains("not*base64"))
    }

    @Test
    fun aNegativeTimeIsMalformedInput() {
        zerohashSecretFromBase64("c2VjcmV0").use { key ->
            val e = assertThrows<KycryptException.MalformedInput> { zerohashSign("GET", "/x", "", key, -1L) }
            assertTrue(e.reason.contains("timestamp"), e.reason)
        }
    }

    @Test
    fun aBadTagRaisesSignatureInvalid() {
        HmacKey("Jefe".toByteArray()).use { key ->
            val e = assertThrows<KycryptException.SignatureInvalid> { key.verify(HmacAlg.SHA256, "m".toByteArray(), ByteArray(32)) }
            assertEquals("signature_invalid", e.code)
        }
    }

    @Test
    fun aKeyNeverShowsItsBytes() {
        HmacKey("super-secret-value".toByteArray()).use { key ->
            val s = key.toString()
            assertFalse(s.contains("super"), s)
        }
    }

    @Test
    fun theNativeLibraryIsInTheJarUnderJnasPlatformFolder() {
        val res = HmacKey::class.java.classLoader.getResource("linux-x86-64/libkycrypt_ffi.so")
        assertTrue(res != null, "linux-x86-64/libkycrypt_ffi.so not on the classpath")
    }
}
