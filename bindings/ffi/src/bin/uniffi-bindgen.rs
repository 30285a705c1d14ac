//! The `uniffi-bindgen` of this workspace, linked against the same `uniffi` as
//! `kycrypt-ffi` (library mode):
//!
//! ```text
//! cargo run -p kycrypt-ffi --bin uniffi-bindgen -- generate \
//!     --library target/debug/libkycrypt_ffi.so --language kotlin --out-dir out/
//! ```

fn main() {
    uniffi::uniffi_bindgen_main()
}
