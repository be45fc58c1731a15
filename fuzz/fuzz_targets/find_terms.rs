//! Normalisation and term matching on arbitrary bytes: exact, ordered, non-overlapping spans.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    digicat_fuzz::check_terms(&digicat_fuzz::text_of(data));
});
