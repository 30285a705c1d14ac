package kycrypt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.lang.reflect.Modifier

/**
 * What Java callers see: plain names and signed times. A Kotlin `ULong`/`UInt`/`UByte`/
 * `UShort` (or any value class) in the API would make the JVM names `name-xyz`, which
 * Java cannot call; this fails on the generated source and on the compiled classes.
 */
class ApiShapeTest {
    private val generated = File(System.getProperty("kycrypt.generated.dir") ?: "target/generated-sources/uniffi", "kycrypt/kycrypt_ffi.kt")

    /** UniFFI's own machinery: public in the generated file, not kycrypt's API. */
    private fun isPlumbing(topLevelName: String) =
        listOf("FfiConverter", "RustBuffer", "Uniffi", "ForeignBytes").any { topLevelName.startsWith(it) } ||
            topLevelName in setOf("NoHandle", "InternalException", "Disposable", "ErrorHandler")

    @Test
    fun theGeneratedSourceHasNoUnsignedTypesInTheApi() {
        assertTrue(generated.isFile, "no generated source at $generated")
        val text = generated.readText()
        assertTrue(text.contains("@file:JvmName(\"Kycrypt\")"), "the pom's JvmName step did not run")
        // The API's names are back-quoted by UniFFI (fun `verifyWebhook`(`now`: kotlin.Long, ...)).
        val unsigned = Regex("""\b(kotlin\.)?U(Long|Int|Short|Byte)\b""")
        val bad = text.lines().withIndex().filter { (_, l) -> '`' in l && !l.trim().startsWith("//") && !l.trim().startsWith("*") && unsigned.containsMatchIn(l) }
            .map { (n, l) -> "${n + 1}: ${l.trim()}" }
        assertEquals(emptyList<String>(), bad, "unsigned types in the API of $generated")
        val apiLines = text.lines().count { it.contains("fun `") }
        assertTrue(apiLines > 10, "only $apiLines API functions found in $generated")
    }

    @Test
    fun noPublicMethodHasAMangledName() {
        val dir = File(HmacKey::class.java.protectionDomain.codeSource.location.toURI()).resolve("kycrypt")
        val classes = dir.listFiles { f -> f.name.endsWith(".class") }.orEmpty()
            .map { Class.forName("kycrypt." + it.name.removeSuffix(".class"), false, HmacKey::class.java.classLoader) }
            .filter { Modifier.isPublic(it.modifiers) && !isPlumbing(it.name.removePrefix("kycrypt.").substringBefore('$')) }
        assertTrue(classes.any { it.name == "kycrypt.Kycrypt" }, "no kycrypt.Kycrypt facade class: ${classes.map { it.name }}")
        val methods = classes.flatMap { c -> c.declaredMethods.filter { Modifier.isPublic(it.modifiers) && !it.isSynthetic }.map { c to it } }
        assertTrue(methods.size > 50, "scanned only ${methods.size} methods")
        val bad = methods.filter { (_, m) ->
            '-' in m.name || (m.parameterTypes + m.returnType).any { it.name.startsWith("kotlin.U") }
        }.map { (c, m) -> "${c.name}.${m.name}" }
        assertEquals(emptyList<String>(), bad, "mangled or unsigned in the public API")
    }
}
