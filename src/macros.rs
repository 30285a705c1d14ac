//! Crate-internal macros.

/// Defines a wire enum: each variant has exactly one spelling, and the enum
/// gets `ALL`, `as_str()`, `Display` (that spelling) and `FromStr` (exactly
/// that spelling, case-sensitive). An unknown string is the `unknown`
/// error, which must not echo the input. Each variant's docs are followed by
/// its spelling.
///
/// ```ignore
/// str_enum! {
///     /// A colour.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
///     #[non_exhaustive]
///     pub enum Colour {
///         /// The colour of the sky.
///         Blue = "blue",
///     }
///     unknown => Error::InvalidArgument("colour must be blue".into());
/// }
/// ```
macro_rules! str_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $s:literal,)+
        }
        unknown => $unknown:expr;
    ) => {
        $(#[$meta])*
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("\n\nSpelled `", $s, "`.")]
                $variant,
            )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The one spelling of this value; [`FromStr`](core::str::FromStr)
            /// accepts exactly this string and `Display` prints it.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $s,)+
                }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::Error;

            fn from_str(s: &str) -> core::result::Result<Self, $crate::Error> {
                match s {
                    $($s => Ok(Self::$variant),)+
                    _ => Err($unknown),
                }
            }
        }
    };
}

/// Defines `with_*` setters on an options type: each takes `self` by value,
/// sets one field and returns `self` (`#[must_use]`). Each setter's docs say
/// which field it sets, followed by any doc lines given. `const` in front of
/// the type makes them `const fn` (for types without a destructor).
///
/// ```ignore
/// setters!(const CallbackOptions {
///     with_leeway_secs(leeway_secs: u64);
///     /// An extra doc line.
///     with_allow_deadline_only(allow_deadline_only: bool);
/// });
/// ```
macro_rules! setters {
    (const $ty:ident { $($(#[doc = $doc:literal])* $setter:ident($field:ident: $fty:ty);)+ }) => {
        impl $ty {
            $(
                #[doc = concat!("Sets [`", stringify!($field), "`](Self::", stringify!($field), ").")]
                $(#[doc = $doc])*
                #[must_use]
                pub const fn $setter(mut self, $field: $fty) -> Self {
                    self.$field = $field;
                    self
                }
            )+
        }
    };
    ($ty:ident { $($(#[doc = $doc:literal])* $setter:ident($field:ident: $fty:ty);)+ }) => {
        impl $ty {
            $(
                #[doc = concat!("Sets [`", stringify!($field), "`](Self::", stringify!($field), ").")]
                $(#[doc = $doc])*
                #[must_use]
                pub fn $setter(mut self, $field: $fty) -> Self {
                    self.$field = $field;
                    self
                }
            )+
        }
    };
}

#[cfg(test)]
#[allow(unreachable_pub)]
mod tests {
    use crate::Error;

    str_enum! {
        /// A test enum.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Colour {
            /// Blue.
            Blue = "blue",
            Red = "Red",
        }
        unknown => Error::InvalidArgument("colour must be blue or Red".into());
    }

    #[test]
    fn one_spelling_each_way() {
        for c in Colour::ALL {
            assert_eq!(c.as_str().parse::<Colour>().unwrap(), *c);
            assert_eq!(c.to_string(), c.as_str());
        }
        assert_eq!(
            "BLUE".parse::<Colour>().unwrap_err().code(),
            "invalid_argument"
        );
        assert!("red".parse::<Colour>().is_err());
    }
}
