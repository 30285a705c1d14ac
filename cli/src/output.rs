//! Shared CLI plumbing: exit codes, the JSON verification report, file and clock
//! input, and output files (public via [`write_file`], secret via [`write_secret`]).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{Map, Value, json};

/// Success / valid.
pub(crate) const EXIT_OK: u8 = 0;
/// Not valid, or a cryptographic / input failure.
pub(crate) const EXIT_INVALID: u8 = 1;
/// Usage or I/O error.
pub(crate) const EXIT_USAGE: u8 = 2;

/// A usage or I/O failure: printed as one line on stderr, exit 2.
#[derive(Debug)]
pub(crate) struct UsageError(pub(crate) String);

impl UsageError {
    pub(crate) fn exit(self) -> ExitCode {
        eprintln!("kycrypt: {}", self.0);
        ExitCode::from(EXIT_USAGE)
    }
}

/// Reads a whole file (or stdin for `-`).
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, UsageError> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| UsageError(format!("cannot read stdin: {e}")))?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| UsageError(format!("cannot read {}: {e}", path.display())))
}

/// Writes a **public** output (or stdout for `-`): data that may be read by
/// anyone, so the file is created with the umask's permissions and an
/// existing file is overwritten in place. Used for `cak encrypt --out` (ECIES
/// ciphertext). Anything secret or decrypted goes through [`write_secret`].
pub(crate) fn write_file(path: &Path, data: &[u8]) -> Result<(), UsageError> {
    if path.as_os_str() == "-" {
        return write_stdout(data);
    }
    std::fs::write(path, data)
        .map_err(|e| UsageError(format!("cannot write {}: {e}", path.display())))
}

/// Writes a **secret** output (or stdout for `-`): private keys (`keygen
/// --out`) and decrypted data (`cak decrypt --out`).
///
/// The file ends up owner-only (0600) whatever the umask, and no symlink is
/// ever followed:
/// - `path` must not be a symlink (dangling or not) nor anything but a
///   regular file: refused before anything is written.
/// - The data goes to a new temp file next to `path`, created exclusively
///   (`O_CREAT|O_EXCL|O_NOFOLLOW`, mode 0600), flushed to disk, then renamed
///   over `path`. The rename replaces the directory entry and never follows
///   a symlink, so a symlink swapped in after the check is replaced, not
///   written through; an existing file is replaced by a fresh inode we own
///   with mode 0600 (an old wider mode, owner, or hard link does not carry
///   over), and a failure leaves `path` as it was.
/// - In a sticky directory (`/tmp`), another user's file at `path` cannot be
///   replaced (the rename fails with a permission error).
///
/// On non-unix targets the same temp-file-and-rename path runs without the
/// unix mode and flags.
///
/// # Errors
/// [`UsageError`] (exit 2) for a symlink or non-regular `path` and any I/O error.
pub(crate) fn write_secret(path: &Path, data: &[u8]) -> Result<(), UsageError> {
    if path.as_os_str() == "-" {
        return write_stdout(data);
    }
    let shown = path.display();
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(UsageError(format!(
                "refusing to write {shown}: it is a symlink (secret output is never written through a link)"
            )));
        }
        Ok(m) if !m.file_type().is_file() => {
            return Err(UsageError(format!(
                "refusing to write {shown}: not a regular file"
            )));
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(UsageError(format!("cannot write {shown}: {e}"))),
    }
    let name = path
        .file_name()
        .ok_or_else(|| UsageError(format!("cannot write {shown}: not a file name")))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let (tmp, file) =
        create_temp(dir, name).map_err(|e| UsageError(format!("cannot write {shown}: {e}")))?;
    let written = write_and_sync(file, data).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(UsageError(format!("cannot write {shown}: {e}")));
    }
    Ok(())
}

fn write_stdout(data: &[u8]) -> Result<(), UsageError> {
    let mut out = std::io::stdout().lock();
    out.write_all(data)
        .and_then(|()| out.flush())
        .map_err(|e| UsageError(format!("cannot write stdout: {e}")))
}

fn write_and_sync(mut file: std::fs::File, data: &[u8]) -> std::io::Result<()> {
    file.write_all(data)?;
    file.sync_all()
}

/// Creates `dir/.NAME.kycrypt-<pid>-<n>.tmp` exclusively: owner-only, never
/// through a symlink, never an existing file (the name is retried on a clash).
fn create_temp(dir: &Path, name: &std::ffi::OsStr) -> std::io::Result<(PathBuf, std::fs::File)> {
    let mut opts = std::fs::OpenOptions::new();
    // create_new = O_CREAT|O_EXCL: fails on any existing entry, symlinks included.
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let mut last = None;
    for n in 0..16u32 {
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".kycrypt-{}-{n}.tmp", std::process::id()));
        let tmp = dir.join(tmp_name);
        match opts.open(&tmp) {
            Ok(f) => {
                // The mode given at creation is filtered by the umask; it can
                // only be narrower than 0600, but set it exactly anyway.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt as _;
                    if let Err(e) = f.set_permissions(std::fs::Permissions::from_mode(0o600)) {
                        let _ = std::fs::remove_file(&tmp);
                        return Err(e);
                    }
                }
                return Ok((tmp, f));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temp file name")))
}

/// `--now` if given, else the system clock (unix seconds).
pub(crate) fn now_or(now: Option<u64>) -> u64 {
    now.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    })
}

/// The error member of a report: `{"code": ..., "message": ...}`.
pub(crate) fn error_json(e: &kycrypt::Error) -> Value {
    json!({ "code": e.code(), "message": e.to_string() })
}

/// Prints the verification report `{"valid", "coverage", "signer", "error", ...extra}`
/// on stdout and returns exit 0 (valid) or 1 (not valid).
pub(crate) fn report(
    result: Result<(), &kycrypt::Error>,
    coverage: Option<&str>,
    signer: Option<String>,
    extra: Map<String, Value>,
) -> ExitCode {
    let mut obj = Map::new();
    obj.insert("valid".into(), Value::Bool(result.is_ok()));
    obj.insert(
        "coverage".into(),
        coverage.map_or(Value::Null, |c| Value::String(c.into())),
    );
    obj.insert("signer".into(), signer.map_or(Value::Null, Value::String));
    obj.insert("error".into(), result.err().map_or(Value::Null, error_json));
    obj.extend(extra);
    println!("{}", Value::Object(obj));
    ExitCode::from(if result.is_ok() {
        EXIT_OK
    } else {
        EXIT_INVALID
    })
}

/// Prints a non-verification failure (`kycrypt: <code>: <message>`) on stderr, exit 1.
pub(crate) fn fail(e: &kycrypt::Error) -> ExitCode {
    eprintln!("kycrypt: {}: {e}", e.code());
    ExitCode::from(EXIT_INVALID)
}
