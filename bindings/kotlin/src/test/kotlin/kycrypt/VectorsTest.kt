package kycrypt

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import java.io.File

/**
 * Runs every test-vectors/ *.json case through the Kotlin binding, dispatching on `op`.
 *
 * Ops without an entry in [OPS] are counted as "not bound" and reported; with
 * KYCRYPT_STRICT_OPS=1 they fail. To bind an op, add an entry: it gets the case's
 * inputs and returns a map of outputs (hex strings for bytes) to compare with the
 * case's `output`, or throws the library's [FfiException].
 */
class VectorsTest {
    companion object {
        val VECTORS_DIR = File(System.getProperty("kycrypt.vectors.dir") ?: "../../test-vectors")

        fun hex(s: String): ByteArray = ByteArray(s.length / 2) { s.substring(2 * it, 2 * it + 2).toInt(16).toByte() }
        fun ByteArray.toHex(): String = joinToString("") { "%02x".format(it) }

        private fun alg(i: JSONObject): HmacAlg = when (val a = i.getString("alg")) {
            "sha256" -> HmacAlg.SHA256
            "sha512" -> HmacAlg.SHA512
            "sha1" -> HmacAlg.SHA1
            else -> throw IllegalArgumentException("unknown alg $a")
        }

        private fun hmacKey(i: JSONObject): HmacKey =
            if (i.has("key_b64")) HmacKey.fromBase64(i.getString("key_b64")) else HmacKey(hex(i.getString("key")))

        val OPS: Map<String, (JSONObject) -> Map<String, Any>> = mapOf(
            "hmac.sign" to { i -> hmacKey(i).use { k -> mapOf("tag" to k.sign(alg(i), hex(i.getString("msg"))).toHex()) } },
            "hmac.verify" to { i ->
                hmacKey(i).use { k -> k.verify(alg(i), hex(i.getString("msg")), hex(i.getString("tag"))) }
                emptyMap()
            },
        )

        /** Compares expected outputs; `<name>_prefix` means output `<name>` starts with it. */
        fun checkOutput(id: String, want: JSONObject?, got: Map<String, Any>) {
            want ?: return
            for (k in want.keySet()) {
                val w = want.get(k)
                if (k.endsWith("_prefix") && k !in got) {
                    val base = k.removeSuffix("_prefix")
                    assertTrue(got[base].toString().startsWith(w.toString()), "$id: $base does not start with $w")
                } else {
                    assertEquals(w, got[k], "$id: output $k")
                }
            }
        }

        fun runCase(c: JSONObject) {
            val id = c.getString("id")
            val got = try {
                OPS.getValue(c.getString("op"))(c.getJSONObject("inputs"))
            } catch (e: FfiException) {
                if (c.getString("expected") == "valid") fail<Unit>("$id: expected valid, got ${e.code}: ${e.message}")
                assertEquals(c.getString("error_code"), e.code, "$id: error code")
                return
            }
            assertEquals("valid", c.getString("expected"), "$id: expected ${c.optString("error_code")}, got success")
            checkOutput(id, c.optJSONObject("output"), got)
        }
    }

    private val files = (VECTORS_DIR.listFiles { f -> f.name.endsWith(".json") } ?: emptyArray()).sortedBy { it.name }

    @TestFactory
    fun vectors(): List<DynamicTest> = files.map { f ->
        DynamicTest.dynamicTest(f.name) {
            val doc = JSONObject(f.readText())
            assertEquals("kycrypt-vectors/1", doc.getString("schema"))
            val cases = doc.getJSONArray("cases")
            for (n in 0 until cases.length()) {
                val c = cases.getJSONObject(n)
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
        }
        val bound = ops.count { it in OPS }
        val unbound = ops.filter { it !in OPS }.groupingBy { it }.eachCount()
        println("vectors: $bound cases bound; not bound: ${if (unbound.isEmpty()) "none" else unbound.toString()}")
        assertTrue(bound > 0, "no vector case is bound")
        if (System.getenv("KYCRYPT_STRICT_OPS") == "1") assertTrue(unbound.isEmpty(), "ops not bound: $unbound")
    }
}
