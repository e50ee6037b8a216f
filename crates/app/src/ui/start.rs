//! The start screen: new alliance, open, the example, recent files.

use std::path::PathBuf;

use egui::{Align, Layout, RichText, Ui};

use crate::i18n::{Lang, T};

use super::theme;
use super::widgets;

pub enum StartAction {
    New,
    Open,
    Example,
    Recent(PathBuf),
}

pub fn ui(ui: &mut Ui, lang: Lang, recent: &[PathBuf]) -> Option<StartAction> {
    let mut action = None;
    ui.with_layout(Layout::top_down(Align::Center), |ui| {
        ui.add_space((ui.available_height() * 0.12).max(24.0));
        theme::card().show(ui, |ui| {
            ui.set_width(520.0);
            ui.vertical_centered(|ui| {
                ui.label(
                    RichText::new(lang.tr(T::AppName))
                        .size(34.0)
                        .family(theme::bold())
                        .color(theme::ACCENT),
                );
                ui.label(
                    RichText::new(lang.tr(T::Tagline))
                        .size(17.0)
                        .color(theme::MUTED),
                );
                ui.add_space(12.0);
                ui.label(lang.tr(T::StartIntro));
                ui.add_space(18.0);
                let width = 340.0;
                if ui
                    .add_sized(
                        [width, 38.0],
                        egui::Button::new(
                            RichText::new(lang.tr(T::NewAlliance))
                                .size(16.0)
                                .color(theme::ACCENT_TEXT),
                        )
                        .fill(theme::ACCENT),
                    )
                    .clicked()
                {
                    action = Some(StartAction::New);
                }
                if ui
                    .add_sized(
                        [width, 38.0],
                        egui::Button::new(RichText::new(lang.tr(T::OpenAlliance)).size(16.0)),
                    )
                    .clicked()
                {
                    action = Some(StartAction::Open);
                }
                if ui
                    .add_sized(
                        [width, 38.0],
                        egui::Button::new(RichText::new(lang.tr(T::OpenExample)).size(16.0)),
                    )
                    .clicked()
                {
                    action = Some(StartAction::Example);
                }
                ui.add_space(8.0);
                widgets::muted(ui, lang.tr(T::DropHint));
            });
            let existing: Vec<&PathBuf> = recent.iter().filter(|p| p.exists()).collect();
            if !existing.is_empty() {
                ui.add_space(12.0);
                ui.separator();
                widgets::section(ui, lang.tr(T::RecentFiles));
                for path in existing {
                    let name = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().to_string())
                        .unwrap_or_default();
                    let r = ui.add(egui::Button::new(format!("•  {name}")).frame(false));
                    if r.on_hover_text(path.display().to_string()).clicked() {
                        action = Some(StartAction::Recent(path.clone()));
                    }
                }
            }
        });
    });
    action
}
