#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kycrypt_fuzz::drivers::pepper_parse(data));
