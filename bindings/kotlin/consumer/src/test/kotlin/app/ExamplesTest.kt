package app

import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/** Runs every example of src/main/kotlin/examples/ (each asserts its own outcome). */
class ExamplesTest {
    @TestFactory
    fun examples(): List<DynamicTest> = listOf(
        "ZeroHashSignRequest",
        "MocaPartnerJwt",
        "CakEncryptIdImage",
        "CorePassCallback",
        "ProviderWebhooks",
        "HypersignDidJwt",
    ).map { name ->
        DynamicTest.dynamicTest(name) {
            val main = Class.forName("examples.$name").getMethod("main", Array<String>::class.java)
            try {
                main.invoke(null, arrayOf<String>())
            } catch (e: java.lang.reflect.InvocationTargetException) {
                throw e.targetException
            }
        }
    }
}
