//! `kycrypt keygen` (not yet implemented).

use std::process::ExitCode;

/// Arguments of `kycrypt keygen`.
#[derive(clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_cmd: Args) -> ExitCode {
    crate::output::UsageError("not implemented yet".into()).exit()
}

/// The demo section of this command group: runs the real flow on embedded
/// samples, printing what was checked. Err(message) fails the demo.
pub(crate) fn demo() -> Result<(), String> {
    Ok(())
}
