//! The CLI's `classify` (record reader, encoding detection, classifier and writer) on arbitrary
//! bytes as an input file: a failure leaves no file; a success writes one row per input record.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    digicat_fuzz::check_cli_records(data);
});
