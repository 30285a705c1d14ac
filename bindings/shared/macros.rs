//! The two macros of the shared source: [`bind_enum!`] and [`bind_methods!`].
//!
//! Attributes inside an enum or an `impl` block cannot be switched with `cfg_attr`
//! (UniFFI's and napi's macros read them before `cfg_attr` is expanded), so these two
//! emit each binding's form from one declaration. Everything else uses `cfg_attr`.

/// A C-like enum that crosses as a Python/Kotlin enum (UniFFI) and as a string union
/// (napi, e.g. `'sha256' | 'sha512'`), with its JS spelling given per variant:
///
/// ```ignore
/// bind_enum! {
///     /// The hash under an HMAC.
///     pub enum HmacAlg { /// SHA-256.
///         Sha256 = "sha256", /// SHA-512.
///         Sha512 = "sha512" }
/// }
/// ```
///
/// `name()` returns the JS spelling (the core's, where the core has one).
///
/// With the core enum it mirrors (`pub enum Curve: core::Curve { … }`, same variant
/// names), it also writes both conversions: `From<Curve> for core::Curve`, and
/// `TryFrom<core::Curve>`, whose only failure is a core variant the bindings lack yet
/// (`internal`). Both are variant-by-variant matches, so a renamed variant fails to
/// compile.
macro_rules! bind_enum {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident: $core:path { $( $(#[doc = $vdoc:literal])* $variant:ident = $js:literal ),+ $(,)? }
    ) => {
        $crate::api::macros::bind_enum! {
            $(#[doc = $doc])*
            pub enum $name { $( $(#[doc = $vdoc])* $variant = $js ),+ }
        }

        impl From<$name> for $core {
            fn from(v: $name) -> Self {
                match v { $($name::$variant => Self::$variant),+ }
            }
        }

        impl TryFrom<$core> for $name {
            type Error = kycrypt::Error;
            fn try_from(v: $core) -> Result<Self, kycrypt::Error> {
                type Core = $core;
                // The core enums are `#[non_exhaustive]`: a variant added there is
                // refused here until the bindings add it.
                #[allow(unreachable_patterns)]
                match v {
                    $(Core::$variant => Ok(Self::$variant),)+
                    _ => Err(kycrypt::Error::Internal(
                        concat!("a ", stringify!($name), " the bindings lack").into(),
                    )),
                }
            }
        }
    };
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident { $( $(#[doc = $vdoc:literal])* $variant:ident = $js:literal ),+ $(,)? }
    ) => {
        $(#[doc = $doc])*
        #[cfg(uniffi)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        #[non_exhaustive]
        pub enum $name { $( $(#[doc = $vdoc])* $variant ),+ }

        $(#[doc = $doc])*
        #[cfg(napi)]
        #[napi_derive::napi(string_enum)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(clippy::exhaustive_enums)] // a string union in JS, which may grow
        pub enum $name { $( $(#[doc = $vdoc])* #[napi(value = $js)] $variant ),+ }

        impl $name {
            /// Every variant, in order.
            #[allow(dead_code)]
            pub(crate) const ALL: &[Self] = &[$(Self::$variant),+];

            /// The JS spelling of this variant.
            #[allow(dead_code)]
            pub(crate) fn name(self) -> &'static str {
                match self { $(Self::$variant => $js),+ }
            }
        }
    };
}
pub(crate) use bind_enum;

/// The methods of an object (UniFFI) / class (napi), each introduced by its kind:
/// `constructor` (JS `new`, UniFFI primary constructor), `factory` (a named
/// constructor: a static in JS, a named constructor in UniFFI) or `method`. A kind may
/// carry UniFFI defaults: `method(default(options = None)) pub fn …`.
///
/// ```ignore
/// bind_methods! {
/// impl HmacKey {
///     /// Wraps raw key bytes.
///     constructor pub fn new(key: BytesIn) -> Result<Self, Error> { … }
///     /// The tag of `msg`.
///     method pub fn sign(&self, alg: HmacAlg, msg: BytesIn) -> Result<BytesOut, Error> { … }
/// }
/// }
/// ```
///
/// Each method becomes its own `impl` block, exported by each tool.
macro_rules! bind_methods {
    (impl $ty:ident { $($items:tt)* }) => {
        $crate::api::macros::bind_methods!(@items $ty $($items)*);
    };

    // One method at a time. Every fragment is kept as plain tokens (`tt`), because
    // both tools read the return type's tokens (`Result<Self, …>`) to decide how to
    // export it, which an opaque `ty` fragment would hide.
    (@items $ty:ident) => {};
    (@items $ty:ident
        $(#[$($attr:tt)*])*
        $kind:ident $(($($def:tt)*))? pub fn $name:ident ($($p:tt)*) -> $($rest:tt)*
    ) => {
        $crate::api::macros::bind_methods!(
            @ret $ty $kind [$($($def)*)?] [$(#[$($attr)*])*] $name ($($p)*) [] $($rest)*
        );
    };
    (@ret $ty:ident $kind:ident $def:tt $attrs:tt $name:ident $p:tt [$($ret:tt)*]
        { $($body:tt)* } $($rest:tt)*
    ) => {
        $crate::api::macros::bind_methods!(@one $ty $kind $def $attrs $name $p [$($ret)*] { $($body)* });
        $crate::api::macros::bind_methods!(@items $ty $($rest)*);
    };
    (@ret $ty:ident $kind:ident $def:tt $attrs:tt $name:ident $p:tt [$($ret:tt)*]
        $t:tt $($rest:tt)*
    ) => {
        $crate::api::macros::bind_methods!(@ret $ty $kind $def $attrs $name $p [$($ret)* $t] $($rest)*);
    };

    (@one $ty:ident constructor [$($def:tt)*] [$($a:tt)*] $name:ident ($($p:tt)*) [$($ret:tt)*] $body:tt) => {
        #[cfg(uniffi)]
        #[uniffi::export]
        impl $ty { $($a)* #[uniffi::constructor($($def)*)] pub fn $name($($p)*) -> $($ret)* $body }
        #[cfg(napi)]
        #[napi_derive::napi]
        impl $ty { $($a)* #[napi(constructor)] pub fn $name($($p)*) -> $($ret)* $body }
    };
    (@one $ty:ident factory [$($def:tt)*] [$($a:tt)*] $name:ident ($($p:tt)*) [$($ret:tt)*] $body:tt) => {
        #[cfg(uniffi)]
        #[uniffi::export]
        impl $ty { $($a)* #[uniffi::constructor($($def)*)] pub fn $name($($p)*) -> $($ret)* $body }
        #[cfg(napi)]
        #[napi_derive::napi]
        impl $ty { $($a)* #[napi(factory)] pub fn $name($($p)*) -> $($ret)* $body }
    };
    (@one $ty:ident method [$($def:tt)*] [$($a:tt)*] $name:ident ($($p:tt)*) [$($ret:tt)*] $body:tt) => {
        #[cfg(uniffi)]
        #[uniffi::export]
        impl $ty { $($a)* #[uniffi::method($($def)*)] pub fn $name($($p)*) -> $($ret)* $body }
        #[cfg(napi)]
        #[napi_derive::napi]
        impl $ty { $($a)* #[napi] pub fn $name($($p)*) -> $($ret)* $body }
    };
}
pub(crate) use bind_methods;
