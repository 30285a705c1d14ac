//! Strict JSON object parsing for JOSE headers and JWT claims: the top level
//! must be an object and may not repeat a member name (RFC 7515 section 5.2
//! allows rejecting duplicates; accepting "the last one" invites
//! parser-differential attacks on `alg`).

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

/// A JSON object whose top-level member names are unique.
pub(super) struct StrictObject(pub(super) Map<String, Value>);

impl<'de> Deserialize<'de> for StrictObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StrictObject;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<StrictObject, A::Error> {
                let mut map = Map::new();
                while let Some((k, v)) = access.next_entry::<String, Value>()? {
                    if map.contains_key(&k) {
                        return Err(serde::de::Error::custom("duplicate member"));
                    }
                    map.insert(k, v);
                }
                Ok(StrictObject(map))
            }
        }
        d.deserialize_map(V)
    }
}

/// Parses `bytes` as one JSON object with unique top-level members.
pub(super) fn parse_object(bytes: &[u8]) -> Option<Map<String, Value>> {
    serde_json::from_slice::<StrictObject>(bytes)
        .ok()
        .map(|o| o.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_duplicates_and_non_objects() {
        assert!(parse_object(br#"{"alg":"ES256"}"#).is_some());
        assert!(parse_object(br#"{"alg":"ES256","alg":"none"}"#).is_none());
        assert!(parse_object(br#"[1]"#).is_none());
        assert!(parse_object(br#"{"a":1} x"#).is_none());
        assert!(parse_object(b"\xff").is_none());
        // Nested duplicates are not our concern, top-level is.
        assert!(parse_object(br#"{"a":{"b":1}}"#).is_some());
    }
}
