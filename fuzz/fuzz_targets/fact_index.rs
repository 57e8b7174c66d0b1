#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factlint::fuzz_targets::fact_index(data));
