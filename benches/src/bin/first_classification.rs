//! Start-up probe: classify one record and exit. `startup` runs it many times to measure the
//! cost from process start to the first classification (lazily built automaton included).
//! With `--report` it also prints the time from `main` to the answer, in nanoseconds. A first
//! argument `szjj-2021` classifies against 《数字经济及其核心产业统计分类（2021）》 instead.
#![forbid(unsafe_code)]

fn main() {
    let catalogue = std::env::args().nth(1).unwrap_or_default();
    let start = std::time::Instant::now();
    let status = match catalogue.as_str() {
        "szjj-2021" => digicat::szjj::classify(Some("6429"), Some("网上音乐"), &Default::default())
            .map(|c| c.status),
        _ => digicat::classify(
            Some("6513"),
            Some("软件开发；计算机视听觉软件"),
            &Default::default(),
        )
        .map(|c| c.status),
    };
    let elapsed = start.elapsed();
    let ok = status == Ok(digicat::Status::InScope);
    if std::env::args().any(|a| a == "--report") {
        println!("{}", elapsed.as_nanos());
    }
    std::process::exit(if ok { 0 } else { 1 });
}
