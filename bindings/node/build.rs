//! Links the cdylib as a Node addon (napi-rs) and selects the napi attributes of the
//! shared binding source (`bindings/shared`).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(uniffi)");
    println!("cargo::rustc-check-cfg=cfg(napi)");
    println!("cargo::rustc-cfg=napi");
    napi_build::setup();
}
