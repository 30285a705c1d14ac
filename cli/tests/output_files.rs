//! Files the CLI writes: secret outputs (`keygen --out`, `cak decrypt --out`)
//! are created owner-only (0600) whatever the umask, replace an existing file
//! of ours with a fresh 0600 one, and never write through a symlink (exit 2,
//! the symlink's target untouched). Public outputs (`cak encrypt --out`) keep
//! the umask's permissions.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code: a failed unwrap is a failed test

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

/// The shared secp256k1 eciesjs vector: (secret key hex, envelope bytes, plaintext bytes).
fn vector() -> (String, Vec<u8>, Vec<u8>) {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-vectors/ecies.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    let c = v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "secp256k1-eciesjs-default-decrypt")
        .unwrap()
        .clone();
    (
        c["inputs"]["secret_key"].as_str().unwrap().to_owned(),
        hex::decode(c["inputs"]["ciphertext"].as_str().unwrap()).unwrap(),
        hex::decode(c["output"]["plaintext"].as_str().unwrap()).unwrap(),
    )
}

/// Runs `kycrypt ARGS` through `sh` with the given umask (the test process's
/// own umask is left alone: tests run in parallel threads).
fn kycrypt_with_umask(umask: &str, args: &[&std::ffi::OsStr]) -> Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(assert_cmd::cargo::cargo_bin("kycrypt"))
        .args(args)
        .output()
        .unwrap()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

/// The `cak decrypt` command line writing to `out`.
fn decrypt_args(dir: &Path, out: &Path) -> (Vec<std::ffi::OsString>, Vec<u8>) {
    let (sk, ct, pt) = vector();
    let input = dir.join("ct.bin");
    std::fs::write(&input, ct).unwrap();
    let args = [
        "cak",
        "decrypt",
        "--curve",
        "secp256k1",
        "--private-key",
        &sk,
        "--in",
    ]
    .iter()
    .map(Into::into)
    .chain([input.into_os_string(), "--out".into(), out.into()])
    .collect();
    (args, pt)
}

fn keygen_args(out: &Path) -> Vec<std::ffi::OsString> {
    ["keygen", "--type", "p256", "--out"]
        .iter()
        .map(Into::into)
        .chain([out.into()])
        .collect()
}

fn run(umask: &str, args: &[std::ffi::OsString]) -> Output {
    let a: Vec<&std::ffi::OsStr> = args.iter().map(AsRef::as_ref).collect();
    kycrypt_with_umask(umask, &a)
}

/// Nothing but the expected names in `dir` (no temp file left behind).
fn only_files(dir: &Path, names: &[&str]) {
    let mut got: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    got.sort();
    let mut want: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn cak_decrypt_out_is_0600_under_umask_000() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pt.json");
    let (args, pt) = decrypt_args(dir.path(), &out);
    let o = run("000", &args);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(std::fs::read(&out).unwrap(), pt);
    assert_eq!(mode(&out), 0o600);
    only_files(dir.path(), &["ct.bin", "pt.json"]);
}

#[test]
fn cak_decrypt_over_an_existing_world_readable_file_leaves_0600() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pt.json");
    std::fs::write(&out, b"old contents, longer than the plaintext will be ............................................................................................").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o666)).unwrap();
    let (args, pt) = decrypt_args(dir.path(), &out);
    let o = run("000", &args);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(std::fs::read(&out).unwrap(), pt);
    assert_eq!(mode(&out), 0o600);
}

#[test]
fn keygen_out_is_0600_under_umask_000() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("k.pem");
    let o = run("000", &keygen_args(&out));
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let pem = std::fs::read_to_string(&out).unwrap();
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
    assert_eq!(mode(&out), 0o600);
    // Again over the existing key, widened meanwhile: still 0600.
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    let o = run("000", &keygen_args(&out));
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_ne!(std::fs::read_to_string(&out).unwrap(), pem);
    assert_eq!(mode(&out), 0o600);
    only_files(dir.path(), &["k.pem"]);
}

/// A command line as a function of its `--out`.
type ArgsFor = Box<dyn Fn(&Path) -> Vec<std::ffi::OsString>>;

/// Every secret-output command, as a function of its `--out`.
fn secret_commands(dir: &Path) -> Vec<(&'static str, ArgsFor)> {
    let d: PathBuf = dir.to_owned();
    vec![
        (
            "cak decrypt",
            Box::new(move |out: &Path| decrypt_args(&d, out).0),
        ),
        ("keygen", Box::new(|out: &Path| keygen_args(out))),
    ]
}

#[test]
fn secret_out_through_a_symlink_is_refused_and_the_target_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("victim.txt");
    let link = dir.path().join("link.out");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for (name, args) in secret_commands(dir.path()) {
        std::fs::write(&target, b"victim contents\n").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
        let o = run("022", &args(&link));
        assert_eq!(o.status.code(), Some(2), "{name}: {o:?}");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            stderr.contains("symlink") && stderr.lines().count() == 1,
            "{name}: {stderr}"
        );
        assert_eq!(
            std::fs::read(&target).unwrap(),
            b"victim contents\n",
            "{name}"
        );
        assert_eq!(mode(&target), 0o644, "{name}");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "{name}: the symlink itself is left in place"
        );
    }
}

#[test]
fn secret_out_through_a_dangling_symlink_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("not-yet.txt");
    let link = dir.path().join("link.out");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for (name, args) in secret_commands(dir.path()) {
        let o = run("022", &args(&link));
        assert_eq!(o.status.code(), Some(2), "{name}: {o:?}");
        assert!(!target.exists(), "{name}: symlink target created");
    }
}

#[test]
fn secret_out_that_is_not_a_regular_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("a-directory");
    std::fs::create_dir(&sub).unwrap();
    for (name, args) in secret_commands(dir.path()) {
        let o = run("022", &args(&sub));
        assert_eq!(o.status.code(), Some(2), "{name}: {o:?}");
        assert!(sub.is_dir(), "{name}");
        assert_eq!(std::fs::read_dir(&sub).unwrap().count(), 0, "{name}");
    }
    // A missing parent directory is an I/O error too.
    let o = run("022", &keygen_args(&dir.path().join("no/such/dir/k.pem")));
    assert_eq!(o.status.code(), Some(2), "{o:?}");
}

#[test]
fn secret_out_to_stdout_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let (args, pt) = decrypt_args(dir.path(), Path::new("-"));
    let o = run("000", &args);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(o.stdout, pt);
}

#[test]
fn cak_encrypt_out_is_public_and_keeps_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let pt = dir.path().join("pt.json");
    std::fs::write(&pt, b"{\"a\":1}").unwrap();
    let out = dir.path().join("ct.bin");
    // The P-256 public key of the shared PEM vector (any valid key will do).
    let v: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-vectors/ecies.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let pem_case = v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "sk-p256-pem-pkcs8")
        .unwrap()
        .clone();
    let pk = pem_case["output"]["public_key"].as_str().unwrap();
    let args: Vec<std::ffi::OsString> = [
        "cak",
        "encrypt",
        "--curve",
        "p256",
        "--public-key",
        pk,
        "--in",
    ]
    .iter()
    .map(Into::into)
    .chain([pt.into_os_string(), "--out".into(), out.clone().into()])
    .collect();
    let o = run("022", &args);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(mode(&out), 0o644);
}
