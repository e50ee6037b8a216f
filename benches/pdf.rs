//! Time and size of PDF export: the Samen Noord covenant, a meeting pack
//! of about twenty pages, and the meeting pack and a party's page at
//! regional scale (150 parties, 68 rounds, a work plan of 100 lines).
//! `cargo bench --bench pdf`.

use std::time::Instant;

use samenspel::i18n::Lang;
use samenspel::{audience, example, report};

const RUNS: usize = 10;

/// Set `SAMENSPEL_BENCH_OUT=DIR` to keep the documents for a look.
fn measure(name: &str, file: &str, mut build: impl FnMut() -> Vec<u8>) {
    let bytes = build();
    if let Some(dir) = std::env::var_os("SAMENSPEL_BENCH_OUT") {
        std::fs::write(std::path::Path::new(&dir).join(file), &bytes).expect("write the PDF");
    }
    let pages = lopdf::Document::load_mem(&bytes)
        .map(|d| d.get_pages().len())
        .unwrap_or(0);
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        std::hint::black_box(build());
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    let p99 = times[(times.len() * 99 / 100).min(times.len() - 1)];
    println!(
        "{name}: {pages} pages, {:.1} KB, median {:.1} ms per export (p99 {:.1} ms, {RUNS} runs)",
        bytes.len() as f64 / 1024.0,
        median.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3
    );
}

fn main() {
    let a = example::samen_noord();
    let version = a
        .covenant_versions
        .iter()
        .max_by_key(|v| v.number)
        .expect("the example has a covenant")
        .id;
    measure("covenant (Samen Noord)", "covenant.pdf", || {
        let view = audience::covenant(&a, version).expect("the version exists");
        report::covenant::render(&view, Lang::Nl)
    });
    let (long, meeting) = example::long_meeting(48);
    measure("meeting pack (48 items)", "pack-48.pdf", || {
        let room = audience::room(&long);
        report::meeting::pack(&room, meeting, Lang::Nl).expect("the meeting exists")
    });
    measure("intake summary (Samen Noord)", "intake.pdf", || {
        report::intake::render(&a, Lang::Nl)
    });
    // The region: the pack of the meeting after the last one with progress
    // (what changed since, what is overdue, what is stuck), the room
    // projection included, as the app and the CLI build it.
    let region = example::regional(1);
    measure(
        "meeting pack (region: 150 parties, 68 rounds, work plan of 100 lines)",
        "pack-region.pdf",
        || {
            let room = audience::room(&region);
            report::meeting::pack(&room, 31, Lang::Nl).expect("the meeting exists")
        },
    );
    measure("a party's page (region)", "party-region.pdf", || {
        let view = audience::party_share(
            &region,
            7,
            chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        )
        .expect("the party exists");
        report::plan::party(&view, Lang::Nl)
    });
}
