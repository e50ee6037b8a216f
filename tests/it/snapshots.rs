//! Pixel snapshots of every panel and every slide kind, so text running
//! over a card is seen in review. Built only with `--features snapshots`
//! (wgpu; a GPU or Mesa's software renderer): `cargo test --features
//! snapshots snapshots`; `UPDATE_SNAPSHOTS=1` writes new ones into
//! `tests/snapshots`.

use egui_kittest::Harness;
use samenspel::ui::present::ProjectorTheme;
use samenspel::ui::{AppOptions, FileDialogs, PresentMode, SamenspelApp, View, theme};

use crate::support::Dir;

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn open_alliance(&self) -> Option<std::path::PathBuf> {
        None
    }
    fn new_alliance(&self, _suggested: &str) -> Option<std::path::PathBuf> {
        None
    }
    fn save_file(&self, _suggested: &str, _extension: &str) -> Option<std::path::PathBuf> {
        None
    }
}

const SIZES: [(f32, f32); 2] = [(1280.0, 800.0), (1920.0, 1080.0)];

/// The tolerance: a pixel differs when it is further off than egui's
/// default threshold, and a picture fails past 0.1 % of its pixels (text
/// anti-aliasing may shift a little between Mesa versions; a moved or
/// overflowing label changes far more).
fn tolerance(size: (f32, f32)) -> egui_kittest::SnapshotOptions {
    let pixels = (size.0 * size.1) as usize;
    egui_kittest::SnapshotOptions::new().max_failed_pixels(pixels / 1000)
}

/// The example in a file whose path is the same on every run (the status
/// bar shows it).
fn harness(dir: &Dir, size: (f32, f32), n: &str) -> Harness<'static, SamenspelApp> {
    let folder = std::path::PathBuf::from("target/snapshot-files");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(format!("Samen Noord {n}.samenspel"));
    for p in [
        &path,
        &path.with_extension("samenspel-wal"),
        &path.with_extension("samenspel-shm"),
    ] {
        let _ = std::fs::remove_file(p);
    }
    samenspel::document::Document::create(&path, &samenspel::example::samen_noord(), &[]).unwrap();
    let mut app = SamenspelApp::new(AppOptions {
        file: Some(path),
        config_dir: Some(dir.path("config")),
        data_dir: Some(dir.path("data")),
        dialogs: Box::new(NoDialogs),
    });
    // One day for every run: what is overdue, and the dates shown.
    app.set_today(chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap());
    let mut h = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_theme(egui::Theme::Light)
        .with_context_setup(theme::install)
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut SamenspelApp| app.show(ui), app);
    h.run();
    h
}

#[test]
fn every_panel() {
    let dir = Dir::new();
    let mut results = egui_kittest::SnapshotResults::new();
    for size in SIZES {
        let mut h = harness(&dir, size, &format!("{}", size.0));
        for view in View::ALL {
            h.state_mut().set_view(view);
            h.run();
            h.snapshot_options(
                format!("panel-{view:?}-{}x{}", size.0, size.1).to_lowercase(),
                &tolerance(size),
            );
        }
        results.extend(h.take_snapshot_results());
    }
    results.unwrap();
}

#[test]
fn every_slide_kind_in_both_themes() {
    let dir = Dir::new();
    let mut results = egui_kittest::SnapshotResults::new();
    for size in SIZES {
        for projector in [ProjectorTheme::Light, ProjectorTheme::Dark] {
            let mut h = harness(&dir, size, &format!("{} {projector:?}", size.0));
            h.state_mut().set_projector_theme(projector);
            h.state_mut().start_presenting(PresentMode::ThisWindow);
            h.run();
            let mut seen: Vec<usize> = Vec::new();
            // Page through the slides; a picture of each slide's first step.
            for _ in 0..200 {
                let slide = h.state().present_state().slide;
                if !seen.contains(&slide) {
                    h.snapshot_options(
                        format!("slide-{slide:02}-{projector:?}-{}x{}", size.0, size.1)
                            .to_lowercase(),
                        &tolerance(size),
                    );
                    seen.push(slide);
                }
                h.key_press(egui::Key::PageDown);
                h.run();
            }
            assert!(seen.len() >= 8, "{seen:?}");
            results.extend(h.take_snapshot_results());
        }
    }
    results.unwrap();
}
