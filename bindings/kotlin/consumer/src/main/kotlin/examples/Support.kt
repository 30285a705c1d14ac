@file:JvmName("Support")

package examples

import java.io.File
import kycrypt.code
import kycrypt.reason

/** The repository's test-vectors/ (real provider samples), for the examples that need one. */
internal val vectorsDir: File
    get() = File(System.getProperty("kycrypt.vectors.dir") ?: "../../../test-vectors")

/** The caller's clock, in unix seconds: kycrypt never reads the clock itself. */
internal fun nowSecs(): Long = System.currentTimeMillis() / 1000

internal fun ByteArray.hex(): String = joinToString("") { "%02x".format(it) }

/** Fails the example (an uncaught exception makes `main` exit non-zero). */
internal fun expect(ok: Boolean, what: () -> String) {
    if (!ok) throw AssertionError(what())
}

/** Runs `block` and returns the kycrypt error it must throw. */
internal inline fun <reified E : kycrypt.KycryptException> expectFailure(block: () -> Unit): E {
    try {
        block()
    } catch (e: kycrypt.KycryptException) {
        if (e is E) return e
        throw AssertionError("expected ${E::class.java.simpleName}, got ${e.code}: ${e.reason}", e)
    }
    throw AssertionError("expected ${E::class.java.simpleName}, but it succeeded")
}
