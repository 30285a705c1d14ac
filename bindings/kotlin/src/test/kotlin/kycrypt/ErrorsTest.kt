package kycrypt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * The error model across the boundary: every code is its own FfiException subclass
 * with `.code`; a panic inside Rust is a catchable exception (code `internal`), not an
 * abort; bad input raises the stable code; keys never print their bytes.
 */
class ErrorsTest {
    @Test
    fun everyCodeArrivesWithItsCodeAndOwnSubclass() {
        val codes = errorCodes()
        assertEquals(24, codes.size)
        val classes = codes.map { code ->
            val e = assertThrows<FfiException> { testError(code) }
            assertEquals(code, e.code)
            e::class
        }
        assertEquals(codes.size, classes.toSet().size, "each code needs its own subclass")
    }

    @Test
    fun typedSubclassesForTheCommonCodes() {
        val e = assertThrows<FfiException.SignatureInvalid> { testError("signature_invalid") }
        assertEquals("test error signature_invalid", e.reason)
        assertThrows<FfiException.MalformedInput> { testError("malformed_input") }
        assertThrows<FfiException.Internal> { testError("no_such_code") }
    }

    @Test
    fun aPanicInsideRustIsACatchableInternalError() {
        val e = assertThrows<FfiException.Internal> { testPanic() }
        assertEquals("internal", e.code)
        // The JVM is alive and the library still works.
        assertEquals(32, hmacSha256("Jefe".toByteArray(), "x".toByteArray()).size)
    }

    @Test
    fun malformedInputRaisesItsCode() {
        val e = assertThrows<FfiException.MalformedInput> { HmacKey.fromBase64("not*base64") }
        assertEquals("malformed_input", e.code)
        assertFalse(e.message.orEmpty().contains("not*base64"))
    }

    @Test
    fun aBadTagRaisesSignatureInvalid() {
        HmacKey("Jefe".toByteArray()).use { key ->
            val e = assertThrows<FfiException.SignatureInvalid> { key.verify(HmacAlg.SHA256, "m".toByteArray(), ByteArray(32)) }
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
