//! The `t=<unix s>,<name>=<hex>[ t=..,<name>=..]` signature header shared by
//! Persona (`v1`) and CorePass v2 (`s`).

use crate::error::{Detail, Error, Result};
pub(crate) use crate::primitives::support::{check_window, find, parse_timestamp, require};

/// Most `t=..,<name>=..` sets accepted in one header (rotation sends two).
pub const MAX_SIGNATURE_SETS: usize = 8;
/// Most signatures of the wanted name accepted in one set.
pub const MAX_SIGNATURES_PER_SET: usize = 4;
/// Most distinct `t` values accepted in one header. Each distinct timestamp
/// costs one full-body MAC (the signed message is `t + "." + body`), so this
/// bounds the work an unauthenticated request can cause to two passes;
/// rotation sends two sets (old and new secret), usually with the same `t`.
pub const MAX_DISTINCT_TIMESTAMPS: usize = 2;

/// One `t=<unix s>,<name>=<hex>[,<name>=<hex>]` set of a signature header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SignatureSet<'a> {
    /// The timestamp exactly as sent (it is signed as text).
    pub(crate) t_raw: &'a str,
    /// The timestamp as a number (unix seconds).
    pub(crate) t: u64,
    /// The signatures named `<name>` (hex, not yet decoded).
    pub(crate) signatures: Vec<&'a str>,
}

/// Parses a `t=..,<sig_name>=..` header: one or more sets separated by
/// whitespace; in a set, comma-separated `key=value` pairs with exactly one
/// `t` and at least one `<sig_name>`; other keys (future schemes) are ignored.
///
/// # Errors
/// [`Error::MalformedInput`] naming `header` when the value does not have that
/// shape, or has more than [`MAX_SIGNATURE_SETS`] sets,
/// [`MAX_SIGNATURES_PER_SET`] signatures in a set or
/// [`MAX_DISTINCT_TIMESTAMPS`] distinct `t` values (compared as text).
pub(crate) fn parse_signature_sets<'a>(
    header: &'static str,
    value: &'a str,
    sig_name: &str,
) -> Result<Vec<SignatureSet<'a>>> {
    let bad = |why: &str| Error::MalformedInput(Detail::Owned(format!("{header} header: {why}")));
    let mut sets = Vec::new();
    for part in value.split_ascii_whitespace() {
        if sets.len() == MAX_SIGNATURE_SETS {
            return Err(bad("too many signature sets"));
        }
        sets.push(parse_set(part, sig_name).map_err(&bad)?);
    }
    if sets.is_empty() {
        return Err(bad("empty"));
    }
    if by_timestamp(&sets).len() > MAX_DISTINCT_TIMESTAMPS {
        return Err(bad("too many distinct timestamps"));
    }
    Ok(sets)
}

/// The sets grouped by their timestamp text, in first-seen order: each
/// distinct `t` (its first set) with every signature sent under it, from
/// all sets that share it.
pub(crate) fn by_timestamp<'s, 'a>(
    sets: &'s [SignatureSet<'a>],
) -> Vec<(&'s SignatureSet<'a>, Vec<&'a str>)> {
    let mut groups: Vec<(&'s SignatureSet<'a>, Vec<&'a str>)> = Vec::new();
    for set in sets {
        match groups
            .iter_mut()
            .find(|(first, _)| first.t_raw == set.t_raw)
        {
            Some((_, sigs)) => sigs.extend(&set.signatures),
            None => groups.push((set, set.signatures.clone())),
        }
    }
    groups
}

/// Parses one `t=..,<sig_name>=..` set; the error is a static reason.
fn parse_set<'a>(
    part: &'a str,
    sig_name: &str,
) -> core::result::Result<SignatureSet<'a>, &'static str> {
    let mut t_raw = None;
    let mut signatures = Vec::new();
    for pair in part.split(',') {
        let (k, v) = pair.split_once('=').ok_or("expected key=value pairs")?;
        if v.is_empty() {
            return Err("empty value");
        }
        if k == "t" {
            if t_raw.replace(v).is_some() {
                return Err("more than one t in a set");
            }
        } else if k == sig_name {
            if signatures.len() == MAX_SIGNATURES_PER_SET {
                return Err("too many signatures in a set");
            }
            signatures.push(v);
        }
    }
    let t_raw = t_raw.ok_or("missing t")?;
    if signatures.is_empty() {
        return Err("missing signature");
    }
    let t = parse_timestamp("t", t_raw).map_err(|_| "t must be a decimal unix timestamp")?;
    Ok(SignatureSet {
        t_raw,
        t,
        signatures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rotation_sets() {
        let sets = parse_signature_sets("P", "t=1,v1=aa  t=2,v1=bb,v1=cc,v0=zz", "v1").unwrap();
        assert_eq!(sets.len(), 2);
        assert_eq!(
            sets[0],
            SignatureSet {
                t_raw: "1",
                t: 1,
                signatures: vec!["aa"]
            }
        );
        assert_eq!(sets[1].signatures, vec!["bb", "cc"]);
    }

    #[test]
    fn rejects_bad_shapes() {
        for bad in [
            "",
            "t=1",
            "v1=aa",
            "t=1,v1=",
            "t=x,v1=aa",
            "t=1,t=2,v1=aa",
            "t=1;v1=aa",
            "t=-1,v1=aa",
            "t=123456789012345678901,v1=aa",
            "t=99999999999999999999,v1=aa",
        ] {
            let e = parse_signature_sets("P", bad, "v1").unwrap_err();
            assert_eq!(e.code(), "malformed_input", "{bad:?}");
        }
        let many = ["t=1,v1=aa"; MAX_SIGNATURE_SETS + 1].join(" ");
        assert!(parse_signature_sets("P", &many, "v1").is_err());
        // As many sets as allowed, but over more distinct timestamps than allowed.
        let same_t = ["t=1,v1=aa"; MAX_SIGNATURE_SETS].join(" ");
        assert_eq!(
            parse_signature_sets("P", &same_t, "v1").unwrap().len(),
            MAX_SIGNATURE_SETS
        );
        let spread: Vec<String> = (0..=MAX_DISTINCT_TIMESTAMPS)
            .map(|t| format!("t={t},v1=aa"))
            .collect();
        let e = parse_signature_sets("P", &spread.join(" "), "v1").unwrap_err();
        assert_eq!(e.code(), "malformed_input");
        // Timestamps are compared as signed text: "1" and "01" are two.
        assert!(parse_signature_sets("P", "t=1,v1=aa t=01,v1=aa t=1,v1=bb", "v1").is_ok());
        assert!(parse_signature_sets("P", "t=1,v1=aa t=01,v1=aa t=001,v1=bb", "v1").is_err());
        let sigs = format!("t=1{}", ",v1=aa".repeat(MAX_SIGNATURES_PER_SET + 1));
        assert!(parse_signature_sets("P", &sigs, "v1").is_err());
    }

    proptest::proptest! {
        #[test]
        fn parser_never_panics(s in ".{0,200}") {
            let _ = parse_signature_sets("P", &s, "v1");
            let _ = parse_timestamp("t", &s);
        }
    }
}
