//! The peer protocol and the bookkeeping shared by every peer.
//!
//! A peer is a small program in another language that drives a real library
//! (`eciesjs`, `jose`, PyJWT, Go's `encoding/json`, ...). The Rust side sends it
//! one JSON request on stdin, `{"tasks": [{"id", "op", ...}]}`, and reads one
//! JSON response from stdout, `{"results": [{"id", "ok": true, ...} | {"id",
//! "ok": false, "error": "..."}]}`, in task order. A peer never decides whether
//! kycrypt is right: it reports what its library did, and the Rust side checks.
//!
//! Peers are found through environment variables that `scripts/interop.sh`
//! sets after installing the pinned libraries into a cache directory:
//! `KYCRYPT_INTEROP_NODE_MODULES` (a `node_modules` directory),
//! `KYCRYPT_INTEROP_PYTHON` (a Python with the pinned packages) and
//! `KYCRYPT_INTEROP_GO_PEER` (the built Go peer). A peer whose variable is
//! unset is skipped loudly, or fails the run when `KYCRYPT_INTEROP_REQUIRE_ALL=1`.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A peer program and how to start it.
pub struct Peer {
    name: String,
    program: PathBuf,
    args: Vec<String>,
    env: Vec<(String, String)>,
}

impl Peer {
    /// A Node peer script under `tests/interop/node/`, if the stage installed the modules.
    pub fn node(script: &str) -> Option<Self> {
        let modules = available("node", "KYCRYPT_INTEROP_NODE_MODULES")?;
        Some(Self {
            name: format!("node {script}"),
            program: "node".into(),
            args: vec![script_path("node", script)],
            env: vec![("NODE_PATH".into(), modules)],
        })
    }

    /// A Python peer script under `tests/interop/python/`, run by the stage's Python.
    pub fn python(script: &str) -> Option<Self> {
        let python = available("python", "KYCRYPT_INTEROP_PYTHON")?;
        Some(Self {
            name: format!("python {script}"),
            program: python.into(),
            // -P: the script's directory must not shadow installed packages.
            args: vec!["-P".into(), script_path("python", script)],
            env: Vec::new(),
        })
    }

    /// The Go peer built by the stage from `tests/interop/go/`.
    pub fn go() -> Option<Self> {
        let bin = available("go", "KYCRYPT_INTEROP_GO_PEER")?;
        Some(Self {
            name: "go corepass peer".into(),
            program: bin.into(),
            args: Vec::new(),
            env: Vec::new(),
        })
    }

    /// Runs the peer once over `tasks` (each an object with `op` and its
    /// arguments; `id`s are assigned here) and returns the results in order.
    /// Panics on a protocol error: a peer that crashes or answers out of order
    /// is a broken test, not a disagreement.
    pub fn call(&self, tasks: Vec<Value>) -> Vec<Value> {
        let tasks: Vec<Value> = tasks
            .into_iter()
            .enumerate()
            .map(|(i, mut t)| {
                t["id"] = json!(i);
                t
            })
            .collect();
        let n = tasks.len();
        let request = serde_json::to_vec(&json!({ "tasks": tasks })).unwrap();
        let started = Instant::now();
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .current_dir(root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "{}: cannot start {}: {e}",
                    self.name,
                    self.program.display()
                )
            });
        // Write from another thread: a peer may answer while we still write.
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || stdin.write_all(&request));
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap().unwrap();
        assert!(
            out.status.success(),
            "{}: exited with {}",
            self.name,
            out.status
        );
        let response: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{}: response is not JSON: {e}", self.name));
        let results = response["results"].as_array().cloned().unwrap_or_default();
        assert_eq!(
            results.len(),
            n,
            "{}: {n} tasks, {} results",
            self.name,
            results.len()
        );
        for (i, r) in results.iter().enumerate() {
            assert_eq!(r["id"], json!(i), "{}: result {i} out of order", self.name);
        }
        println!("  {}: {n} tasks in {:.2?}", self.name, started.elapsed());
        results
    }
}

fn script_path(dir: &str, script: &str) -> String {
    let p = root().join("tests/interop").join(dir).join(script);
    assert!(p.is_file(), "no peer script {}", p.display());
    p.display().to_string()
}

/// The value of `var`, or a loud skip (a failure under `KYCRYPT_INTEROP_REQUIRE_ALL=1`).
fn available(lang: &str, var: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(v) if !v.is_empty() => Some(v),
        _ => {
            let msg = format!(
                "{var} is not set: the {lang} peers were not installed (run scripts/interop.sh)"
            );
            if std::env::var("KYCRYPT_INTEROP_REQUIRE_ALL").as_deref() == Ok("1") {
                panic!("{msg}");
            }
            println!("\n!!!!!!!! SKIPPED: {msg} !!!!!!!!\n");
            None
        }
    }
}

/// Counts checks per library, collects failures and the documented
/// differences, and prints them.
pub struct Tally {
    peer: &'static str,
    checks: BTreeMap<String, usize>,
    failures: Vec<String>,
    notes: Vec<String>,
}

impl Tally {
    pub fn new(peer: &'static str) -> Self {
        Self {
            peer,
            checks: BTreeMap::new(),
            failures: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Records one check of `lib`; `what` says which, for the failure report.
    pub fn check(&mut self, lib: &str, ok: bool, what: impl Into<String>) {
        *self.checks.entry(lib.to_owned()).or_default() += 1;
        if !ok {
            self.failures.push(format!("[{lib}] {}", what.into()));
        }
    }

    /// Records that `got` equals `want`.
    pub fn eq<T: PartialEq + std::fmt::Debug>(&mut self, lib: &str, got: T, want: T, what: &str) {
        let ok = got == want;
        let msg = if ok {
            what.to_owned()
        } else {
            format!("{what}: got {got:?}, want {want:?}")
        };
        self.check(lib, ok, msg);
    }

    /// A documented, deliberate difference between kycrypt and a library
    /// (printed, never a failure). Deduplicated.
    pub fn note(&mut self, lib: &str, text: impl Into<String>) {
        let n = format!("[{lib}] {}", text.into());
        if !self.notes.contains(&n) {
            self.notes.push(n);
        }
    }

    /// Prints the counts and notes; panics if any check failed.
    pub fn finish(self) {
        println!("interop {}: checks per library", self.peer);
        for (lib, n) in &self.checks {
            println!("  {lib}: {n}");
        }
        for n in &self.notes {
            println!("  note: {n}");
        }
        assert!(
            !self.checks.is_empty(),
            "interop {}: no check ran",
            self.peer
        );
        assert!(
            self.failures.is_empty(),
            "interop {}: {} of {} checks failed:\n  {}",
            self.peer,
            self.failures.len(),
            self.checks.values().sum::<usize>(),
            self.failures.join("\n  ")
        );
    }
}

/// `n` fresh random bytes.
pub fn random(n: usize) -> Vec<u8> {
    let mut b = vec![0u8; n];
    getrandom::fill(&mut b).unwrap();
    b
}

/// The payloads every round trip covers, fresh on each run: 0 B, 1 B, 1 KiB,
/// 1 MiB, and non-ASCII text.
pub fn payloads() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("0 B", Vec::new()),
        ("1 B", random(1)),
        ("1 KiB", random(1024)),
        ("1 MiB", random(1 << 20)),
        (
            "non-ASCII",
            "Zoë Łukasiewicz, 東京, ☃ \u{2028}".as_bytes().to_vec(),
        ),
    ]
}

/// The wall clock (unix seconds): the real clients sign with it.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Hex of bytes.
pub fn hx(b: &[u8]) -> String {
    hex::encode(b)
}

/// Bytes of a hex string in a peer result.
pub fn unhex(v: &Value) -> Vec<u8> {
    hex::decode(v.as_str().unwrap_or_default()).unwrap()
}
