//! `kycrypt demo`: every provider flow end to end on embedded sample data.

use std::process::ExitCode;

pub(crate) fn run() -> ExitCode {
    type Section = (&'static str, fn() -> Result<(), String>);
    let sections: &[Section] = &[
        (
            "CorePass Connector callbacks and Core addresses",
            crate::corepass::demo,
        ),
        ("Zero Hash request signing", crate::zerohash::demo),
        ("KYC provider webhooks", crate::webhook::demo),
        ("Moca partner JWT and JWKS", crate::jwt::demo),
        ("Hypersign DID-JWT", crate::did_jwt::demo),
        ("Moca CAK encryption", crate::cak::demo),
        ("Key generation", crate::keygen::demo),
    ];
    let mut failed = 0;
    for (title, f) in sections {
        println!("== {title}");
        if let Err(e) = f() {
            println!("   FAILED: {e}");
            failed += 1;
        }
    }
    if failed == 0 {
        println!("demo: all flows checked");
        ExitCode::SUCCESS
    } else {
        println!("demo: {failed} section(s) failed");
        ExitCode::from(1)
    }
}
