//! Redacted `Debug` and `Display` of the records that carry secrets or personal data.
//!
//! Each such record is declared with `#[uniffi::export(Debug, Display)]`, so UniFFI
//! generates the foreign printing from these impls instead of listing every field:
//! Python `__repr__`/`__str__`, Kotlin `toString()` (overriding the data class one) and
//! Swift `debugDescription`/`description`. A redacted field prints as `<redacted>`; its
//! value stays readable as a field/property. `Display` is the same text as `Debug`.
//!
//! What is redacted (identifiers such as API keys, Core addresses, DIDs and user ids are
//! shown, as in the core's `Debug`):
//!
//! | record | redacted fields |
//! |---|---|
//! | [`SignedHeaders`] | `x_scx_signed` (a valid signature), `x_scx_passphrase` |
//! | [`DataInfo`] | `field_value` (personal data), `pepper` |
//! | [`VerifiedCallback`] | its `infos` (as [`DataInfo`]) |
//! | [`HttpHeader`] | `value` (may be a passphrase, a bearer JWT or a signature) |
//! | [`VerifiedJwt`], [`VerifiedDidJwt`] | `claims_json` (claim values) |
//! | [`VerifiedJws`] | `payload` |
//! | [`DidJwtSignRequest`] | `claims_json` |
//! | [`PartnerClaims`] | `email`, `extra_json` |
//!
//! Key objects (`HmacKey`, `PrivateKey`, `EciesSecretKey`, the signing keys,
//! `ZeroHashCredentials`, `CakCallbackVerifier`) export no `Debug`/`Display`: the
//! foreign default prints only the class name and an address.

use core::fmt;

use crate::{
    DataInfo, DidJwtSignRequest, HttpHeader, PartnerClaims, SignedHeaders, VerifiedCallback,
    VerifiedDidJwt, VerifiedJws, VerifiedJwt,
};

/// Prints in place of a value that must not be shown.
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// `Display` as the (redacted) `Debug`.
macro_rules! display_as_debug {
    ($($ty:ident),* $(,)?) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self, f)
            }
        }
    )*};
}

/// A `Debug` listing every field in order, `<redacted>` for those marked `redacted`,
/// and `Display` as the same text. The record is destructured, so adding a field fails
/// to compile until it is listed here (shown or redacted).
macro_rules! redacted_fmt {
    ($ty:ident { $($field:ident $(: $mark:ident)?),* $(,)? }) => {
        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let $ty { $($field: _),* } = self;
                f.debug_struct(stringify!($ty))
                    $(.field(stringify!($field), redacted_fmt!(@value self.$field $(, $mark)?)))*
                    .finish()
            }
        }
        display_as_debug!($ty);
    };
    (@value $v:expr) => { &$v };
    (@value $v:expr, redacted) => { &Redacted };
}

redacted_fmt!(SignedHeaders {
    x_scx_api_key,
    x_scx_signed: redacted,
    x_scx_timestamp,
    x_scx_passphrase: redacted,
});

redacted_fmt!(DataInfo {
    field_id,
    field_value: redacted,
    pepper: redacted,
});

redacted_fmt!(HttpHeader {
    name,
    value: redacted
});

redacted_fmt!(VerifiedJwt {
    header_json,
    claims_json: redacted,
});

redacted_fmt!(VerifiedJws {
    header_json,
    payload: redacted,
});

redacted_fmt!(VerifiedDidJwt {
    issuer,
    signer,
    header_json,
    claims_json: redacted,
});

redacted_fmt!(DidJwtSignRequest {
    issuer,
    audience,
    claims_json: redacted,
    iat,
    ttl,
    kid,
});

redacted_fmt!(PartnerClaims {
    partner_id,
    scope,
    email: redacted,
    extra_json: redacted,
});

// Derived `Debug`: its `infos` print through `DataInfo`'s redacted `Debug`.
display_as_debug!(VerifiedCallback);

#[cfg(test)]
mod tests {
    use super::*;

    /// `Debug`, `Display` and pretty `Debug` of `v`.
    fn printed<T: fmt::Debug + fmt::Display>(v: &T) -> [String; 3] {
        [format!("{v:?}"), format!("{v}"), format!("{v:#?}")]
    }

    #[test]
    fn signed_headers_hide_signature_and_passphrase() {
        let h = SignedHeaders {
            x_scx_api_key: "api-key-1".into(),
            x_scx_signed: "c2lnbmF0dXJlLXRhZw==".into(),
            x_scx_timestamp: "1700000000".into(),
            x_scx_passphrase: "pass-phrase-9".into(),
        };
        for s in printed(&h) {
            assert!(
                !s.contains("c2lnbmF0dXJl") && !s.contains("pass-phrase"),
                "{s}"
            );
            assert!(s.contains("api-key-1") && s.contains("1700000000"), "{s}");
            assert!(
                s.contains("x_scx_passphrase") && s.contains("<redacted>"),
                "{s}"
            );
        }
        assert_eq!(
            format!("{h}"),
            "SignedHeaders { x_scx_api_key: \"api-key-1\", x_scx_signed: <redacted>, \
             x_scx_timestamp: \"1700000000\", x_scx_passphrase: <redacted> }"
        );
        assert_eq!(h.x_scx_passphrase, "pass-phrase-9");
    }

    /// The upstream data-callback sample of `test-vectors/corepass.json`, verified.
    fn data_callback() -> VerifiedCallback {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../test-vectors/corepass.json"
        );
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let case = doc["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["op"] == "corepass.verify_data_callback" && c["expected"] == "valid")
            .unwrap();
        let i = &case["inputs"];
        let connector =
            crate::PinnedConnector::parse(i["connector"].as_str().unwrap().into()).unwrap();
        let options = crate::CallbackOptions {
            skew_secs: 30,
            allow_deadline_only: i["allow_deadline_only"].as_bool().unwrap_or(false),
        };
        let body = i["body"].as_str().unwrap().as_bytes().to_vec();
        crate::verify_data_callback(body, connector, i["now"].as_u64().unwrap(), options).unwrap()
    }

    #[test]
    fn data_info_and_callbacks_hide_values_and_peppers() {
        let cb = data_callback();
        let info = cb.infos[0].clone();
        assert_eq!(info.field_id, "SH_DriverLicense_DOB");
        assert_eq!(info.field_value, "1986-09-06");
        for s in printed(&info).into_iter().chain(printed(&cb)) {
            for d in &cb.infos {
                assert!(
                    !s.contains(&d.field_value) && !s.contains(&d.pepper[..16]),
                    "{s}"
                );
            }
            assert!(
                s.contains("SH_DriverLicense_DOB") && s.contains("<redacted>"),
                "{s}"
            );
        }
        assert_eq!(
            format!("{info}"),
            "DataInfo { field_id: \"SH_DriverLicense_DOB\", field_value: <redacted>, pepper: <redacted> }"
        );
    }

    #[test]
    fn claims_payloads_and_header_values_are_hidden() {
        let secret = "alice@example.com";
        let claims = format!("{{\"email\":\"{secret}\"}}");
        let header = HttpHeader {
            name: "X-SCX-PASSPHRASE".into(),
            value: secret.into(),
        };
        let jwt = VerifiedJwt {
            header_json: "{\"alg\":\"ES256\"}".into(),
            claims_json: claims.clone(),
        };
        let jws = VerifiedJws {
            header_json: "{\"alg\":\"ES256\"}".into(),
            payload: secret.as_bytes().to_vec(),
        };
        let did = VerifiedDidJwt {
            issuer: "did:key:z6Mk".into(),
            signer: "did:key:z6Mk#k".into(),
            header_json: "{\"alg\":\"EdDSA\"}".into(),
            claims_json: claims.clone(),
        };
        let req = DidJwtSignRequest {
            issuer: "did:key:z6Mk".into(),
            audience: "aud".into(),
            claims_json: claims,
            iat: 1,
            ttl: 60,
            kid: None,
        };
        let partner = PartnerClaims {
            partner_id: "p-1".into(),
            scope: "issue on-behalf".into(),
            email: Some(secret.into()),
            extra_json: format!("{{\"name\":\"{secret}\"}}"),
        };
        let bytes = format!("{:?}", secret.as_bytes());
        let all = [
            printed(&header),
            printed(&jwt),
            printed(&jws),
            printed(&did),
            printed(&req),
            printed(&partner),
        ];
        for s in all.iter().flatten() {
            assert!(!s.contains("alice") && !s.contains(&bytes), "{s}");
            assert!(s.contains("<redacted>"), "{s}");
        }
        assert!(format!("{header}").contains("X-SCX-PASSPHRASE"));
        assert!(format!("{jwt}").contains("ES256"));
        assert!(format!("{partner}").contains("p-1"));
    }
}
