//! Provenance of the test vectors stays inside the repository:
//! - every file of `test-vectors/sources/` is listed in its README table, with
//!   the SHA-256 the file really has (so neither the table nor the copies rot);
//! - the vector files' `sources` tables cite no path outside the repository,
//!   and every `test-vectors/sources/<file>` they cite exists.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test-vectors")
}

/// The `(file, sha256)` pairs of the README table: rows whose first cell is a
/// backquoted file name and whose last cell is a backquoted 64-digit hex hash.
fn listed_hashes(readme: &str) -> BTreeMap<String, String> {
    let mut rows = BTreeMap::new();
    for line in readme.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let (Some(first), Some(last)) = (cells.first(), cells.last()) else {
            continue;
        };
        let file = first.trim_matches('`');
        let hash = last.trim_matches('`');
        assert!(
            hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
            "README row for {file}: last cell is not a SHA-256 in hex"
        );
        let previous = rows.insert(file.to_owned(), hash.to_ascii_lowercase());
        assert!(previous.is_none(), "README lists {file} twice");
    }
    rows
}

#[test]
fn sources_match_their_listed_sha256() {
    let dir = vectors_dir().join("sources");
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    let listed = listed_hashes(&readme);
    assert!(!listed.is_empty(), "the README table lists no file");

    for (file, want) in &listed {
        let bytes = std::fs::read(dir.join(file))
            .unwrap_or_else(|e| panic!("{file} is listed but cannot be read: {e}"));
        let got = hex::encode(Sha256::digest(&bytes));
        assert_eq!(&got, want, "SHA-256 of test-vectors/sources/{file}");
    }

    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            name == "README.md" || listed.contains_key(&name),
            "test-vectors/sources/{name} is not listed in the README table"
        );
    }
}

#[test]
fn vector_sources_cite_repository_paths_only() {
    let dir = vectors_dir();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        files += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let sources = doc["sources"]
            .as_object()
            .unwrap_or_else(|| panic!("{name}: no sources table"));
        for (key, text) in sources {
            let text = text
                .as_str()
                .unwrap_or_else(|| panic!("{name}: source {key} is not a string"));
            for outside in ["shared/", "/work/", "../", "specs/"] {
                assert!(
                    !text.contains(outside),
                    "{name}: source {key} cites a path outside the repository ({outside})"
                );
            }
            for (i, _) in text.match_indices("test-vectors/sources/") {
                let cited: String = text
                    .get(i + "test-vectors/sources/".len()..)
                    .unwrap_or_default()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
                    .collect();
                let cited = cited.trim_end_matches('.');
                assert!(
                    dir.join("sources").join(cited).is_file(),
                    "{name}: source {key} cites test-vectors/sources/{cited}, which does not exist"
                );
            }
        }
    }
    assert!(
        files >= 10,
        "expected the vector files in {}",
        dir.display()
    );
}
