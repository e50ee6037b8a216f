//! Frame time of the two map canvases at 500 nodes and 800 arrows.
//!
//! Runs each canvas headless (egui_kittest, AccessKit on, no GPU) and
//! reports the median and p99 time of one frame. `cargo bench`.

use std::time::Instant;

use egui_kittest::Harness;
use samenspel::example;
use samenspel::i18n::Lang;
use samenspel::ui::network::NetworkPanel;
use samenspel::ui::present;
use samenspel::ui::strategy::StrategyPanel;
use samenspel::ui::theme;
use samenspel::ui::widgets::PanelCtx;

const FRAMES: usize = 40;

fn measure(name: &str, mut frame: impl FnMut(&mut egui::Ui) + 'static) {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(theme::install)
        .build_ui(move |ui| frame(ui));
    for _ in 0..5 {
        h.step();
    }
    let mut times = Vec::with_capacity(FRAMES);
    for _ in 0..FRAMES {
        let start = Instant::now();
        h.step();
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    let p99 = times[(times.len() * 99 / 100).min(times.len() - 1)];
    println!(
        "{name}: median {:.2} ms per frame (p99 {:.2} ms, {FRAMES} frames)",
        median.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3
    );
}

fn main() {
    println!(
        "machine load: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    let alliance = example::large_maps(500, 500, 800);
    println!(
        "map: {} nodes, {} arrows; network: {} parties, {} relations",
        alliance.map_nodes.len(),
        alliance.map_links.len(),
        alliance.parties.len(),
        alliance.relations.len()
    );
    // After an edit the geometry is laid out again once.
    for (name, f) in [
        (
            "strategy geometry",
            &(|a: &samenspel::domain::Alliance| {
                std::hint::black_box(samenspel::geometry::strategy(a));
            }) as &dyn Fn(&samenspel::domain::Alliance),
        ),
        ("network geometry", &|a: &samenspel::domain::Alliance| {
            std::hint::black_box(samenspel::geometry::network(
                a,
                samenspel::geometry::NetLayout::Rings,
            ));
        }),
    ] {
        let start = Instant::now();
        for _ in 0..10 {
            f(&alliance);
        }
        println!(
            "{name}: {:.2} ms per layout",
            start.elapsed().as_secs_f64() * 1e3 / 10.0
        );
    }
    // The network map laid out again after an edit, at the regional scale
    // (150 and 300 parties): communities, betweenness, rings and arrows.
    for scale in [1, 2] {
        let mut a = example::regional(scale);
        let parties = a.parties.len();
        let mut times = Vec::with_capacity(FRAMES);
        for k in 0..FRAMES {
            // One more relation each time, as the facilitator adds one.
            let edit = a.insert(samenspel::domain::Relation {
                id: 0,
                from: samenspel::domain::Actor::Party(1 + (k as i64 * 7) % parties as i64),
                to: samenspel::domain::Actor::Party(1 + (k as i64 * 13 + 50) % parties as i64),
                kind: samenspel::domain::RelationKind::DependsOn,
                strength: 1,
                ..Default::default()
            });
            let _ = a.apply(&edit);
            let start = Instant::now();
            std::hint::black_box(samenspel::geometry::network(
                &a,
                samenspel::geometry::NetLayout::Rings,
            ));
            times.push(start.elapsed());
        }
        times.sort();
        println!(
            "network layout after an edit, {parties} parties: median {:.2} ms (p99 {:.2} ms, {FRAMES} edits)",
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[(times.len() * 99 / 100).min(times.len() - 1)].as_secs_f64() * 1e3
        );
    }
    let a = alliance.clone();
    let mut strategy = StrategyPanel::default();
    measure("strategy map canvas", move |ui| {
        let mut pc = PanelCtx::new(&a, Lang::Nl, false, samenspel::domain::clock::Clock::System);
        egui::CentralPanel::default().show(ui, |ui| strategy.ui(ui, &mut pc));
    });
    let a = alliance.clone();
    let mut network = NetworkPanel::default();
    measure("network map canvas", move |ui| {
        let mut pc = PanelCtx::new(&a, Lang::Nl, false, samenspel::domain::clock::Clock::System);
        egui::CentralPanel::default().show(ui, |ui| network.ui(ui, &mut pc));
    });
    // The projected maps: the room projection is made once per revision,
    // then each frame draws from it.
    let start = Instant::now();
    let room = samenspel::audience::room(&alliance);
    println!(
        "room projection: {:.2} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    let room = std::rc::Rc::new(room);
    for (name, slide) in [
        ("presented strategy map", present::Slide::Strategy),
        ("presented network map", present::Slide::Network),
    ] {
        let room = room.clone();
        let mut state = present::PresentState::default();
        measure(name, move |ui| {
            present::show(ui, Lang::Nl, &room, &[slide], &mut state);
        });
    }
}
