//! CPU time per frame of every panel and every slide (issue 15): the app
//! drawn headless (egui_kittest, no GPU) at 1280×800, on Samen Noord, on
//! the regional network (`example::regional(1)`) and on twice that. Median
//! and p99 of 100 frames each. `cargo bench --bench panels`; set
//! `PANELS_FRAMES` for another number of frames.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use samenspel::ui::{AppOptions, FileDialogs, PresentMode, SamenspelApp, View, theme};

struct NoDialogs;
impl FileDialogs for NoDialogs {
    fn open_alliance(&self) -> Option<std::path::PathBuf> {
        None
    }
    fn new_alliance(&self, _: &str) -> Option<std::path::PathBuf> {
        None
    }
    fn save_file(&self, _: &str, _: &str) -> Option<std::path::PathBuf> {
        None
    }
    fn available(&self) -> bool {
        false
    }
}

fn stats(mut t: Vec<Duration>) -> (f64, f64) {
    t.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (
        ms(t[t.len() / 2]),
        ms(t[(t.len() * 99 / 100).min(t.len() - 1)]),
    )
}

fn frames(h: &mut Harness<'_, SamenspelApp>, n: usize) -> (f64, f64) {
    for _ in 0..3 {
        h.step();
    }
    let t = (0..n)
        .map(|_| {
            let start = Instant::now();
            h.step();
            start.elapsed()
        })
        .collect();
    stats(t)
}

fn run(name: &str, alliance: &samenspel::domain::Alliance, n: usize) {
    // The room projection, rebuilt once per revision (an edit while
    // presenting).
    let times = (0..20)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(samenspel::audience::room(alliance));
            start.elapsed()
        })
        .collect();
    let (median, p99) = stats(times);
    println!(
        "\n{name}\n  room projection              median {median:>7.2} ms   p99 {p99:>7.2} ms"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.samenspel");
    drop(samenspel::document::Document::create(&path, alliance, &[]).unwrap());
    let app = SamenspelApp::new(AppOptions {
        file: Some(path),
        config_dir: Some(dir.path().join("config")),
        data_dir: Some(dir.path().join("data")),
        dialogs: Box::new(NoDialogs),
    });
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(theme::install)
        .build_ui_state(|ui, app: &mut SamenspelApp| app.show(ui), app);
    for view in View::ALL {
        h.state_mut().view = view;
        let (median, p99) = frames(&mut h, n);
        println!(
            "  {:<28} median {median:>7.2} ms   p99 {p99:>7.2} ms",
            format!("{view:?}")
        );
    }
    let start = Instant::now();
    h.state_mut().start_presenting(PresentMode::ThisWindow);
    h.step();
    println!(
        "  presenting starts in {:.0} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    let mut slide = 0;
    let mut seen = std::collections::HashSet::new();
    while slide < 60 {
        let (median, p99) = frames(&mut h, n / 4);
        let title = format!("slide {}", slide + 1);
        if seen.insert(title.clone()) {
            println!("  {title:<28} median {median:>7.2} ms   p99 {p99:>7.2} ms");
        }
        h.key_press(egui::Key::ArrowRight);
        h.step();
        slide += 1;
        if h.state().presenting().is_none() {
            break;
        }
    }
}

fn main() {
    let n = std::env::var("PANELS_FRAMES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    println!(
        "machine load: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    run("Samen Noord", &samenspel::example::samen_noord(), n);
    run(
        "regional (150 parties)",
        &samenspel::example::regional(1),
        n,
    );
    run(
        "2× regional (300 parties)",
        &samenspel::example::regional(2),
        n,
    );
}
