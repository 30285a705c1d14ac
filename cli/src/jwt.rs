//! `kycrypt jwt` (not yet implemented).

use std::process::ExitCode;

/// Arguments of `kycrypt jwt`.
#[derive(clap::Args)]
pub(crate) struct Cmd {}

pub(crate) fn run(_cmd: Cmd) -> ExitCode {
    crate::output::UsageError("not implemented yet".into()).exit()
}

/// The demo section of this command group: runs the real flow on embedded
/// samples, printing what was checked. Err(message) fails the demo.
pub(crate) fn demo() -> Result<(), String> {
    Ok(())
}

/// Arguments of `kycrypt jwks`.
#[derive(clap::Args)]
pub(crate) struct JwksArgs {}

pub(crate) fn run_jwks(_a: JwksArgs) -> ExitCode {
    crate::output::UsageError("not implemented yet".into()).exit()
}
