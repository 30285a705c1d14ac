//! Selects the UniFFI attributes of the shared binding source (`bindings/shared`).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(uniffi)");
    println!("cargo::rustc-check-cfg=cfg(napi)");
    println!("cargo::rustc-cfg=uniffi");
}
