//! CPU time per frame of every panel and every slide (issue 15): the app
//! drawn headless at 1280×800 in a plain egui context, shapes tessellated
//! as a real frame does (no GPU; no accessibility tree, which egui only
//! builds when a screen reader asks for it), on Samen Noord, on
//! the regional network (`example::regional(1)`) and on twice that. Median
//! and p99 of 100 frames each. `cargo bench --bench panels`; set
//! `PANELS_FRAMES` for another number of frames, `PANELS_SCALE` (0, 1, 2)
//! for one alliance and `PANELS_ONLY` (a view's name, or `slides`) for one
//! panel; `PANELS_ONLY=room PANELS_ROOM_SIZE=1` times the room projection
//! at one size only (to profile it, e.g. with callgrind).

use std::time::{Duration, Instant};

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

/// One window: a plain egui context, as eframe drives it, minus the GPU.
struct Window {
    ctx: egui::Context,
    app: SamenspelApp,
    time: f64,
    events: Vec<egui::Event>,
}

impl Window {
    fn new(app: SamenspelApp) -> Self {
        let ctx = egui::Context::default();
        theme::install(&ctx);
        Window {
            ctx,
            app,
            time: 0.0,
            events: Vec::new(),
        }
    }

    fn state_mut(&mut self) -> &mut SamenspelApp {
        &mut self.app
    }

    fn state(&self) -> &SamenspelApp {
        &self.app
    }

    fn key_press(&mut self, key: egui::Key) {
        for pressed in [true, false] {
            self.events.push(egui::Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            });
        }
    }

    fn step(&mut self) {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            focused: true,
            events: std::mem::take(&mut self.events),
            ..Default::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.show(ui));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
    }
}

fn frames(h: &mut Window, n: usize) -> (f64, f64) {
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
    // One edit in the file's history (a meeting added), for undo and redo
    // while presenting: each is a new revision the room is rebuilt for.
    let mut alliance = alliance.clone();
    let edit = alliance.insert(samenspel::domain::Meeting {
        title: "Extra overleg".into(),
        ..Default::default()
    });
    alliance.apply(&edit).unwrap();
    let history = [samenspel::store::HistoryEntry {
        seq: 1,
        at: "2026-11-29T00:00:00Z".into(),
        undone: false,
        edit,
    }];
    drop(samenspel::document::Document::create(&path, &alliance, &history).unwrap());
    let app = SamenspelApp::new(AppOptions {
        file: Some(path),
        config_dir: Some(dir.path().join("config")),
        data_dir: Some(dir.path().join("data")),
        dialogs: Box::new(NoDialogs),
    });
    let mut h = Window::new(app);
    let only = std::env::var("PANELS_ONLY").unwrap_or_default();
    for view in View::ALL {
        if !only.is_empty() && !format!("{view:?}").contains(only.as_str()) {
            continue;
        }
        h.state_mut().view = view;
        let (median, p99) = frames(&mut h, n);
        println!(
            "  {:<28} median {median:>7.2} ms   p99 {p99:>7.2} ms",
            format!("{view:?}")
        );
    }
    if !only.is_empty() && only != "slides" {
        return;
    }
    let start = Instant::now();
    h.state_mut().start_presenting(PresentMode::ThisWindow);
    h.step();
    println!(
        "  presenting starts in {:.0} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    // An edit while presenting (undo, then redo, of the meeting added): the
    // command and the frame after it, in which the room is rebuilt.
    let builds = h.state().room_builds();
    let count: usize = std::env::var("PANELS_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let edits: Vec<Duration> = (0..count)
        .map(|i| {
            let command = if i % 2 == 0 {
                samenspel::ui::command::UiCommand::Undo
            } else {
                samenspel::ui::command::UiCommand::Redo
            };
            let start = Instant::now();
            let ctx = h.ctx.clone();
            h.state_mut().run_command(&ctx, command);
            h.step();
            start.elapsed()
        })
        .collect();
    assert!(
        h.state().room_builds() >= builds + count,
        "every edit rebuilds the room"
    );
    let (median, p99) = stats(edits);
    println!("  an edit while presenting     median {median:>7.2} ms   p99 {p99:>7.2} ms");
    // Every slide, and of a slide with many steps (the network map steps
    // through each party) the first three and every 25th.
    let mut last = None;
    for _ in 0..2000 {
        let at = h.state().present_state();
        let (slide, step) = (at.slide, at.step);
        if last == Some((slide, step)) || h.state().presenting().is_none() {
            break;
        }
        last = Some((slide, step));
        if step < 3 || step % 25 == 0 {
            let (median, p99) = frames(&mut h, n / 4);
            let kind = [
                "route",
                "strategy map",
                "network map",
                "ground rules",
                "funnel",
            ]
            .get(slide)
            .unwrap_or(&"round/decisions/agenda");
            let title = format!("{} {kind} ·{step}", slide + 1);
            println!("  {title:<28} median {median:>7.2} ms   p99 {p99:>7.2} ms");
        }
        h.key_press(egui::Key::ArrowRight);
        h.step();
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
    // How the room projection grows: it is rebuilt on every revision while
    // presenting, so it must stay linear in the data.
    if std::env::var("PANELS_ONLY").is_err()
        || std::env::var("PANELS_ONLY").is_ok_and(|o| o == "room")
    {
        println!("\nroom projection by size (records: parties, people, stances)");
        for k in [1, 4, 16]
            .into_iter()
            .filter(|k| std::env::var("PANELS_ROOM_SIZE").map_or(true, |w| w == k.to_string()))
        {
            let a = samenspel::example::regional(k);
            let records = a.parties.len() + a.people.len() + a.votes.len();
            let times: Vec<Duration> = (0..if k == 16 { 10 } else { 40 })
                .map(|_| {
                    let start = Instant::now();
                    std::hint::black_box(samenspel::audience::room(&a));
                    start.elapsed()
                })
                .collect();
            // The least time too: on a shared machine it says most of what
            // the code costs.
            let least = times.iter().min().map_or(0.0, |d| d.as_secs_f64() * 1e3);
            let (median, p99) = stats(times);
            println!(
                "  {k:>2}× regional {records:>7} records  least {least:>7.2} ms   median {median:>7.2} ms   p99 {p99:>7.2} ms   {:.1} µs per 100 records",
                median * 100.0 / records as f64 * 1e3
            );
        }
    }
    // The draw for a table's seats (seed 003): the region's 50 candidates
    // and 12 quotas, and 150 candidates of the regional network.
    if std::env::var("PANELS_ONLY").is_err()
        || std::env::var("PANELS_ONLY").is_ok_and(|o| o == "draw")
    {
        println!("\ndraw for a table's seats (each by its own method, SHA-256 seed)");
        for (name, a) in [
            (
                "region, 50 candidates, 12 quotas",
                samenspel::example::region(),
            ),
            (
                "regional, 150 candidates, 2 quotas",
                samenspel::example::regional(1),
            ),
        ] {
            let Some(d) = a.seat_draws.first() else {
                continue;
            };
            let input = d.input();
            let lottery = d
                .lottery()
                .unwrap_or(samenspel::domain::draw::Lottery::Legacy);
            let times = (0..30)
                .map(|i| {
                    let mut input = input.clone();
                    input.dice.push(i.to_string());
                    let start = Instant::now();
                    std::hint::black_box(samenspel::domain::draw::draw_by(&input, &lottery).ok());
                    start.elapsed()
                })
                .collect();
            let (median, p99) = stats(times);
            println!("  {name:<40} median {median:>7.2} ms   p99 {p99:>7.2} ms");
        }
    }
    // PANELS_SCALE=0 runs only Samen Noord, 1 only the regional network,
    // 2 only twice that; PANELS_ONLY=Agenda (or "slides") only that panel.
    let scale = std::env::var("PANELS_SCALE").ok();
    let wanted = |s: &str| scale.as_deref().is_none_or(|w| w == s);
    if wanted("0") {
        run("Samen Noord", &samenspel::example::samen_noord(), n);
    }
    if wanted("region") {
        run(
            "region (59 parties, a drawn table)",
            &samenspel::example::region(),
            n,
        );
    }
    if wanted("1") {
        run(
            "regional (150 parties)",
            &samenspel::example::regional(1),
            n,
        );
    }
    if wanted("2") {
        run(
            "2× regional (300 parties)",
            &samenspel::example::regional(2),
            n,
        );
    }
}
