//! Runs `find_terms` (or `classify`) over N generated records, for `valgrind --tool=callgrind`
//! instruction counts. Usage: `scan_cost N [typical|mixed|short|long] [find_terms|classify]
//! [dongguan-2019|szjj-2021]` (the catalogue);
//! prints the records' total text bytes, the time a record took and the time `warm_up` took. The records are generated before the first scan, and
//! the automaton is built by `warm_up` first, so the scan can be told apart in the profile.
#![forbid(unsafe_code)]

use digicat_benches::Length;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(3000);
    let records = match args.next().as_deref() {
        Some("mixed") => digicat_benches::records(n, 2019),
        Some("short") => digicat_benches::records_of_length(n, 2019, Length::Short),
        Some("long") => digicat_benches::records_of_length(n, 2019, Length::Long),
        _ => digicat_benches::records_of_length(n, 2019, Length::Typical),
    };
    let classify = args.next().as_deref() == Some("classify");
    let catalogue = args.next().unwrap_or_default();
    let start = std::time::Instant::now();
    digicat::warm_up();
    let built = start.elapsed();
    let mut found = 0usize;
    let options = digicat::Options::default();
    let start = std::time::Instant::now();
    for r in &records {
        let code = Some(r.code.as_str()).filter(|c| !c.is_empty());
        let text = Some(r.text.as_str());
        let standard = digicat::Policy::Standard;
        found += match (catalogue.as_str(), classify) {
            ("szjj-2021", true) => {
                digicat::szjj::classify(code, text, &options).map_or(0, |c| c.evidence.len())
            }
            ("szjj-2021", false) => digicat::szjj::find_terms(&r.text, standard).len(),
            (_, true) => digicat::classify(code, text, &options).map_or(0, |c| c.evidence.len()),
            (_, false) => digicat::find_terms(&r.text, standard).len(),
        };
    }
    let per_record = start.elapsed().as_nanos() / n.max(1) as u128;
    let bytes: usize = records.iter().map(|r| r.text.len()).sum();
    println!(
        "{n} records, {bytes} text bytes, {found} evidence; {per_record} ns a record; \
         automaton built in {built:?}"
    );
}
