//! Bad input on the Rust surface: blank fields, NUL characters, undecodable bytes replaced by
//! U+FFFD, 10 MB fields, and many threads at once. See docs/reliability.md.

use digicat::{classify, find_terms, Options, Policy, Reason, Status};

#[test]
fn empty_and_blank_fields_are_absent() {
    let opts = Options::default();
    for blank in ["", " ", "\t\r\n", "\u{3000}", " \u{3000}\u{00A0} "] {
        let c = classify(Some(blank), Some(blank), &opts).unwrap();
        assert_eq!(
            (c.status, c.reason),
            (Status::OutOfScope, Reason::NothingNamed)
        );
        assert!(c.code.is_none() && c.evidence.is_empty());
        assert_eq!(c, classify(None, None, &opts).unwrap());
    }
}

#[test]
fn nul_characters_are_ordinary_characters() {
    let opts = Options::default();
    let err = classify(Some("6513\0"), None, &opts).unwrap_err();
    assert_eq!(err.kind(), "malformed_code");
    let text = "计算机视听觉软件\0计算机视听觉软件";
    let c = classify(Some("6513"), Some(text), &opts).unwrap();
    assert_eq!(
        (c.status, c.reason),
        (Status::InScope, Reason::ListedProduct)
    );
    let spans: Vec<_> = c.evidence.iter().map(|e| (e.start, e.end)).collect();
    assert_eq!(spans, [(0, 24), (25, 49)]);
    // A NUL inside a term breaks it: no evidence across it.
    assert!(find_terms("计算机视听\0觉软件", Policy::Standard).is_empty());
}

#[test]
fn gbk_bytes_read_as_utf8_name_nothing_and_break_no_span() {
    // 计算机视听觉软件 in GBK, decoded as UTF-8 with replacement characters, then a real term.
    let gbk = b"\xbc\xc6\xcb\xe3\xbb\xfa\xca\xd3\xcc\xfd\xbe\xf5\xc8\xed\xbc\xfe";
    let mut text = String::from_utf8_lossy(gbk).into_owned();
    assert!(text.contains('\u{FFFD}'));
    let before = text.len();
    text.push_str("计算机视听觉软件");
    let found = find_terms(&text, Policy::Standard);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].start, found[0].end), (before, text.len()));
    let c = classify(
        Some("6513"),
        Some(&String::from_utf8_lossy(gbk)),
        &Options::default(),
    );
    assert_eq!(c.unwrap().reason, Reason::NoProductEvidence);
}

#[test]
fn ten_megabyte_fields() {
    const SIZE: usize = 10 * 1024 * 1024;
    let filler = "餐饮服务；";
    let mut text = filler.repeat(SIZE / filler.len());
    let at = text.len();
    text.push_str("计算机视听觉软件");
    let c = classify(Some("6513"), Some(&text), &Options::default()).unwrap();
    assert_eq!(
        (c.status, c.reason),
        (Status::InScope, Reason::ListedProduct)
    );
    assert_eq!(c.evidence.len(), 1);
    assert_eq!((c.evidence[0].start, c.evidence[0].end), (at, text.len()));
    let code = "6".repeat(SIZE);
    let err = classify(Some(&code), None, &Options::default()).unwrap_err();
    assert_eq!(err.kind(), "malformed_code");
}

#[test]
fn eight_threads_agree_with_one() {
    let inputs: Vec<(Option<&str>, Option<&str>)> = vec![
        (Some("6513"), Some("计算机视听觉软件和智能移动终端软件系统")),
        (Some("6513"), Some("软件开发；人工智能应用软件开发")),
        (Some("651"), Some("人工智能中间件")),
        (Some("6510"), None),
        (Some("7320"), Some("云计算服务")),
        (None, Some("互联网生活服务平台")),
        (Some("6599x"), None),
        (None, None),
    ];
    let answer = |opts: &Options| -> Vec<String> {
        inputs
            .iter()
            .map(|(code, text)| format!("{:?}", classify(*code, *text, opts)))
            .collect()
    };
    let policies = [Policy::Standard, Policy::Strict];
    let want: Vec<Vec<String>> = policies
        .iter()
        .map(|&policy| {
            answer(&Options {
                policy,
                ..Options::default()
            })
        })
        .collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let (answer, want) = (&answer, &want);
                s.spawn(move || {
                    for round in 0..200 {
                        let p = (t + round) % 2;
                        let opts = Options {
                            policy: policies[p],
                            ..Options::default()
                        };
                        assert_eq!(answer(&opts), want[p], "thread {t}, round {round}");
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    });
}

#[test]
fn a_term_begun_or_ended_inside_one_characters_expansion_is_not_found() {
    // ㎱ is "ns" and ㏜ is "Sv" under NFKC: "㎱aaS" and "Saa㏜" normalise to text containing
    // "saas", but neither holds the whole term SaaS.
    for text in ["㎱aaS", "Saa㏜", "㎱aa㏜"] {
        assert!(digicat::normalize(text).contains("saas"), "{text}");
        assert!(find_terms(text, Policy::Standard).is_empty(), "{text}");
    }
    let found = find_terms("ＳａａＳ", Policy::Standard);
    assert!(!found.is_empty() && found.iter().all(|e| (e.start, e.end) == (0, 12)));
}

#[test]
fn a_text_over_the_limit_is_an_error_not_a_scan() {
    let options = digicat::Options::default();
    let text = "软件开发；".repeat(digicat::MAX_TEXT_BYTES / "软件开发；".len() + 1);
    let err = digicat::classify(Some("6513"), Some(&text), &options).unwrap_err();
    assert_eq!(err.kind(), "text_too_long");
    assert_eq!(
        err,
        digicat::CodeError::TextTooLong {
            len: text.len(),
            limit: digicat::MAX_TEXT_BYTES
        }
    );
    let filler = "餐饮服务；".repeat(digicat::MAX_TEXT_BYTES / 15);
    let at_limit = format!(
        "{filler}{}",
        "x".repeat(digicat::MAX_TEXT_BYTES - filler.len())
    );
    assert_eq!(at_limit.len(), digicat::MAX_TEXT_BYTES);
    assert!(digicat::classify(Some("6513"), Some(&at_limit), &options).is_ok());
}
