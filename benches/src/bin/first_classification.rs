//! Start-up probe: classify one record and exit. `startup` runs it many times to measure the
//! cost from process start to the first classification (lazily built automaton included).
//! With `--report` it also prints the time from `main` to the answer, in nanoseconds.
#![forbid(unsafe_code)]

fn main() {
    let start = std::time::Instant::now();
    let c = digicat::classify(
        Some("6513"),
        Some("软件开发；计算机视听觉软件"),
        &Default::default(),
    );
    let elapsed = start.elapsed();
    let ok = c.is_ok_and(|c| c.status == digicat::Status::InScope);
    if std::env::args().any(|a| a == "--report") {
        println!("{}", elapsed.as_nanos());
    }
    std::process::exit(if ok { 0 } else { 1 });
}
