package app;

import static kycrypt.Kycrypt.hazmatTestError;
import static kycrypt.Kycrypt.hazmatTestPanic;
import static kycrypt.Kycrypt.hmacSha256;
import static kycrypt.Kycrypt.verifyWebhook;
import static kycrypt.Kycrypt.zerohashSecretFromBase64;
import static kycrypt.Kycrypt.zerohashSign;
import static kycrypt.Kycrypt.zerohashVerifyRequest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import kycrypt.HmacAlg;
import kycrypt.HmacKey;
import kycrypt.HttpHeader;
import kycrypt.KycryptErrors;
import kycrypt.KycryptException;
import kycrypt.Provider;
import kycrypt.RequestOptions;
import kycrypt.SignedHeaders;
import kycrypt.VerifiedRequest;
import kycrypt.VerifiedWebhook;
import kycrypt.WebhookOptions;
import kycrypt.WebhookScheme;
import kycrypt.ZeroHashCredentials;
import org.junit.jupiter.api.Test;

/**
 * kycrypt from Java, with only the installed jar on the classpath: plain names (no
 * Kotlin unsigned types, no mangled {@code -xyz} methods), {@code long} seconds,
 * {@link KycryptException} subclasses to catch, keys closed by try-with-resources.
 */
class JavaConsumerTest {
    private static final long NOW = 1_700_000_000L;
    private static final byte[] SECRET = "webhook-secret-0123456789abcdef!".getBytes(StandardCharsets.UTF_8);

    @Test
    void hmacSignsAndVerifies() throws Exception {
        byte[] msg = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        byte[] tag = hmacSha256("Jefe".getBytes(StandardCharsets.UTF_8), msg);
        // RFC 4231 test case 2.
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HexFormat.of().formatHex(tag));
        try (HmacKey key = new HmacKey("Jefe".getBytes(StandardCharsets.UTF_8))) {
            assertArrayEquals(tag, key.sign(HmacAlg.SHA256, msg));
            key.verify(HmacAlg.SHA256, msg, tag);
            KycryptException.SignatureInvalid e = assertThrows(
                    KycryptException.SignatureInvalid.class, () -> key.verify(HmacAlg.SHA256, msg, new byte[32]));
            assertEquals("signature_invalid", e.getCode());
            assertFalse(key.toString().contains("Jefe"), key.toString());
        }
    }

    @Test
    void zeroHashRequestIsSignedAndVerified() throws Exception {
        String body = "{\"symbol\":\"BTC/USD\"}";
        SignedHeaders h;
        try (ZeroHashCredentials creds = new ZeroHashCredentials("api-key-1", "c2VjcmV0", "passphrase-1")) {
            h = creds.signRequest("POST", "/orders/v1", body, NOW);
            assertEquals("api-key-1", creds.apiKey());
        }
        assertEquals(String.valueOf(NOW), h.getXScxTimestamp());
        assertTrue(h.toString().contains("<redacted>") && !h.toString().contains("passphrase-1"), h.toString());
        List<HttpHeader> headers = List.of(
                new HttpHeader("X-SCX-SIGNED", h.getXScxSigned()),
                new HttpHeader("X-SCX-TIMESTAMP", h.getXScxTimestamp()),
                new HttpHeader("X-SCX-API-KEY", h.getXScxApiKey()));
        try (HmacKey secret = zerohashSecretFromBase64("c2VjcmV0")) {
            assertEquals(h.getXScxSigned(), zerohashSign("POST", "/orders/v1", body, secret, NOW));
            VerifiedRequest v = zerohashVerifyRequest(headers, "POST", "/orders/v1", body, secret, NOW + 5, null);
            assertEquals(NOW, v.getTimestamp());
            assertEquals("api-key-1", v.getApiKey());
            // An options record from Java: null fields are the core's defaults.
            RequestOptions wide = new RequestOptions(120L);
            zerohashVerifyRequest(headers, "POST", "/orders/v1", body, secret, NOW + 100, wide);
            assertThrows(KycryptException.TimestampOutOfWindow.class,
                    () -> zerohashVerifyRequest(headers, "POST", "/orders/v1", body, secret, NOW + 100, null));
            assertThrows(KycryptException.SignatureInvalid.class,
                    () -> zerohashVerifyRequest(headers, "POST", "/orders/v1", body + " ", secret, NOW, null));
        }
    }

    @Test
    void aSumsubWebhookVerifiesAndATamperedOneIsCaught() throws Exception {
        byte[] body = "{\"type\":\"applicantReviewed\",\"reviewResult\":{\"reviewAnswer\":\"GREEN\"}}"
                .getBytes(StandardCharsets.UTF_8);
        List<HttpHeader> headers = List.of(
                new HttpHeader("X-Payload-Digest", HexFormat.of().formatHex(hmacSha256(SECRET, body))),
                new HttpHeader("X-Payload-Digest-Alg", "HMAC_SHA256_HEX"));
        try (HmacKey secret = new HmacKey(SECRET)) {
            VerifiedWebhook v = verifyWebhook(Provider.SUMSUB, headers, body, secret, NOW, null);
            assertEquals(Provider.SUMSUB, v.getProvider());
            assertEquals(WebhookScheme.HMAC_SHA256_HEX, v.getScheme());
            assertNull(v.getTimestamp());
            verifyWebhook(Provider.SUMSUB, headers, body, secret, NOW, new WebhookOptions(null, null));

            byte[] tampered = body.clone();
            tampered[tampered.length - 2] ^= 1;
            try {
                verifyWebhook(Provider.SUMSUB, headers, tampered, secret, NOW, null);
                fail("a tampered body verified");
            } catch (KycryptException.SignatureInvalid e) {
                assertEquals("signature_invalid", e.getCode());
            }
            // The base class catches every code.
            try {
                verifyWebhook(Provider.SUMSUB, List.of(), body, secret, NOW, null);
                fail("a webhook without its header verified");
            } catch (KycryptException e) {
                // The base class has no fields of its own; KycryptErrors reads any subclass's.
                assertEquals("missing_header", KycryptErrors.getCode(e));
                assertTrue(e instanceof KycryptException.MissingHeader);
                assertFalse(KycryptErrors.getReason(e).isEmpty());
            }
            assertThrows(KycryptException.MalformedInput.class,
                    () -> verifyWebhook(Provider.SUMSUB, headers, body, secret, -1L, null));
        }
    }

    @Test
    void everyCodeIsItsOwnSubclass() {
        KycryptException e = assertThrows(KycryptException.class, () -> hazmatTestError("expired"));
        assertTrue(e instanceof KycryptException.Expired, e.getClass().getName());
        assertEquals("expired", KycryptErrors.getCode(e));
        assertEquals("test error expired", KycryptErrors.getReason(e));
        assertEquals("expired", ((KycryptException.Expired) e).getCode());
        assertThrows(KycryptException.Internal.class, () -> hazmatTestPanic());
        assertThrows(KycryptException.Internal.class, () -> hazmatTestError("no_such_code"));
    }

    /**
     * UniFFI's own machinery, public in the generated file but not kycrypt's API (its
     * converters take the sizes of Rust buffers as ULong).
     */
    private static boolean isPlumbing(String topLevelName) {
        return topLevelName.startsWith("FfiConverter") || topLevelName.startsWith("RustBuffer")
                || topLevelName.startsWith("Uniffi") || topLevelName.startsWith("ForeignBytes")
                || topLevelName.equals("NoHandle") || topLevelName.equals("InternalException")
                || topLevelName.equals("Disposable") || topLevelName.equals("ErrorHandler");
    }

    /** Java sees no mangled names: a Kotlin ULong/UInt/value class would add `-xyz`. */
    @Test
    void thePublicApiHasNoMangledNames() throws IOException, ClassNotFoundException {
        var url = HmacKey.class.getResource("HmacKey.class");
        assertEquals("jar", url.getProtocol(), "kycrypt must come from the jar: " + url);
        List<String> bad = new ArrayList<>();
        int seen = 0;
        try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
            for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (!name.startsWith("kycrypt/") || !name.endsWith(".class")) continue;
                Class<?> c = Class.forName(name.replace('/', '.').replaceAll("\\.class$", ""), false,
                        HmacKey.class.getClassLoader());
                if (!Modifier.isPublic(c.getModifiers()) || isPlumbing(c.getName().substring("kycrypt.".length()).split("\\$")[0])) continue;
                for (Method m : c.getDeclaredMethods()) {
                    if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) continue;
                    seen++;
                    if (m.getName().contains("-")) bad.add(c.getName() + "." + m.getName());
                    for (Class<?> p : m.getParameterTypes()) {
                        if (p.getName().startsWith("kotlin.U")) bad.add(c.getName() + "." + m.getName() + "(" + p.getName() + ")");
                    }
                    if (m.getReturnType().getName().startsWith("kotlin.U")) bad.add(c.getName() + "." + m.getName() + " -> " + m.getReturnType().getName());
                }
            }
        }
        assertTrue(seen > 50, "scanned only " + seen + " methods");
        assertTrue(bad.isEmpty(), "mangled or unsigned in the public API: " + bad);
    }
}
