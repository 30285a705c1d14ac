@file:JvmName("CorePassCallback")

package examples

import java.io.File
import java.util.concurrent.ConcurrentHashMap
import kycrypt.CallbackKind
import kycrypt.KycryptException
import kycrypt.PinnedConnector
import kycrypt.VerifiedCallback
import kycrypt.verifyCorepassCallback
import org.json.JSONObject

/** A replay store: each replay key once, kept until its `replayUntil`. */
class ReplayStore {
    private val seen = ConcurrentHashMap<String, Long>()

    /** True the first time `key` is offered before it expires; false for a replay. */
    fun firstTime(key: String, until: Long, now: Long): Boolean {
        seen.entries.removeIf { it.value < now }
        return seen.putIfAbsent(key, until) == null
    }
}

/**
 * Verify a CorePass status callback (a real one, from test-vectors/corepass.json) over
 * the raw body, with replay protection: the second delivery of the same callback is
 * rejected by its replay key, and a changed body is `signature_invalid`.
 */
fun main() {
    val cases = JSONObject(File(vectorsDir, "corepass.json").readText()).getJSONArray("cases")
    val sample = (0 until cases.length()).map { cases.getJSONObject(it) }.first { it.getString("id") == "status-accepted-upstream" }
    val i = sample.getJSONObject("inputs")
    val body = i.getString("body").toByteArray() // the raw request body
    val now = i.getLong("now") // the sample's time; in production nowSecs()
    val store = ReplayStore()

    PinnedConnector.parse(i.getString("connector")).use { connector -> // your connector's Core address
        fun handle(raw: ByteArray): String {
            val v = verifyCorepassCallback(CallbackKind.STATUS, raw, connector, now)
            check(v is VerifiedCallback.Status)
            if (!store.firstTime(v.replayKey, v.replayUntil, now)) return "409 replay"
            return "200 ${v.user}: ${v.status}"
        }

        val first = handle(body)
        println("first delivery: $first")
        expect(first.startsWith("200 ") && first.endsWith("ACCEPTED")) { first }
        val again = handle(body)
        println("second delivery: $again")
        expect(again == "409 replay") { "a replay was accepted: $again" }

        val tampered = i.getString("body").replace("ab148af5", "ab148af6").toByteArray()
        expectFailure<KycryptException.SignatureInvalid> { handle(tampered) }
    }
    println("corepass: callback verified once; the replay is rejected by its replay key")
}
