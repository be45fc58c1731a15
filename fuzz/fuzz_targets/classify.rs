//! `classify` on an arbitrary code field, text and options: status, reason, rows and columns
//! consistent.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: digicat_fuzz::ClassifyInput<'_>| {
    digicat_fuzz::check_classify(&input);
});
