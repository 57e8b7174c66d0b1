#![no_main]

libfuzzer_sys::fuzz_target!(init: factlint::fuzz_targets::prepare(), |data: &[u8]| factlint::fuzz_targets::article_pipeline(data));
