//! `Code::parse`, `read_code_field` (every edition) and the option parsers on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    digicat_fuzz::check_code_field(&digicat_fuzz::text_of(data));
});
