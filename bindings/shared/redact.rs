//! Redacted `Debug` and `Display` of the records that carry secrets or personal data.
//!
//! A record declared with [`redacted_fmt!`] prints every field in order, `<redacted>` in
//! place of those marked `redacted`; `Display` is the same text. The record is
//! destructured, so adding a field fails to compile until it is listed (shown or
//! redacted). The bindings print through these impls:
//!
//! - UniFFI: `#[uniffi::export(Debug, Display)]` on the record gives Python
//!   `__repr__`/`__str__`, Kotlin `toString()` and Swift `description`;
//! - napi: the record is a class whose fields are accessors (so `util.inspect` and
//!   `JSON.stringify` see no values), and `redacted_fmt!` adds `toString()` and
//!   `toJSON()` returning this text; the npm wrapper makes `util.inspect` use it.

use core::fmt;

/// Prints in place of a value that must not be shown.
pub(crate) struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Defines the redacted `Debug` and `Display` of a record (see the module docs):
/// `redacted_fmt!(Type { shown, secret: redacted })`. Under napi the record must be a
/// class (`#[cfg_attr(napi, napi)]`): this also exports its `toString()`/`toJSON()`.
macro_rules! redacted_fmt {
    ($ty:ident { $($field:ident $(: $mark:ident)?),* $(,)? }) => {
        impl ::core::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let $ty { $($field: _),* } = self;
                f.debug_struct(stringify!($ty))
                    $(.field(
                        stringify!($field),
                        $crate::api::redact::redacted_fmt!(@value self.$field $(, $mark)?),
                    ))*
                    .finish()
            }
        }
        impl ::core::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(self, f)
            }
        }
    };
    (@value $v:expr) => { &$v };
    (@value $v:expr, redacted) => { &$crate::api::redact::Redacted };
}
pub(crate) use redacted_fmt;

/// Under napi: exports `toString()` and `toJSON()` of a redacted class (both the
/// redacted `Display` text), so that neither `String(x)` nor `JSON.stringify(x)` can
/// show a redacted value. A no-op under UniFFI (which exports `Display` itself).
macro_rules! napi_printing {
    ($($ty:ident),* $(,)?) => {$(
        #[cfg(napi)]
        #[napi_derive::napi]
        impl $ty {
            /// The redacted text of this record (secret and personal values shown as
            /// `<redacted>`).
            #[napi(js_name = "toString")]
            pub fn to_display_string(&self) -> String {
                self.to_string()
            }

            /// What `JSON.stringify` writes: the redacted text, never the values.
            #[napi(js_name = "toJSON")]
            pub fn to_json(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
pub(crate) use napi_printing;
