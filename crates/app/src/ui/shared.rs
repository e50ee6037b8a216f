//! What may be shared with the group: built only from the room projection
//! ([`RoomView`]), so nothing confidential can appear here. Safe to show on
//! a beamer.

use egui::{RichText, Ui};

use crate::audience::{RoomComfortFrom, RoomView};
use crate::i18n::{Lang, T};

use super::theme;
use super::widgets;

#[derive(Default)]
pub struct SharedPanel;

impl SharedPanel {
    /// Draw the shareable intake content. Takes the room view only: this
    /// panel cannot reach the alliance, so it cannot show what is
    /// confidential.
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang, room: &RoomView) {
        widgets::page_title(ui, lang.tr(T::NavShared));
        widgets::muted(ui, lang.tr(T::SharedWithGroupHint));
        ui.add_space(8.0);
        widgets::page_scroll(ui, "shared-page", |ui| {
            theme::card().fill(theme::SHARED_BG).show(ui, |ui| {
                ui.set_width(ui.available_width().min(900.0));
                widgets::section(ui, lang.tr(T::AnonymousThemes));
                if room.themes.is_empty() {
                    widgets::muted(ui, lang.tr(T::NothingShared));
                }
                let mut last_question = None;
                for item in &room.themes {
                    if last_question != Some(&item.question) {
                        ui.add_space(6.0);
                        ui.label(RichText::new(&item.question).italics().color(theme::MUTED));
                        last_question = Some(&item.question);
                    }
                    ui.add(egui::Label::new(format!("•  {}", item.text)).wrap());
                }
            });
            ui.add_space(10.0);
            theme::card().fill(theme::SHARED_BG).show(ui, |ui| {
                ui.set_width(ui.available_width().min(900.0));
                widgets::section(ui, lang.tr(T::NamedAnswers));
                if room.named_answers.is_empty() {
                    widgets::muted(ui, lang.tr(T::NothingShared));
                }
                for n in &room.named_answers {
                    let mut text = format!("•  {}: {}", n.party, n.text);
                    if let Some(s) = n.score {
                        text.push_str(&format!(" ({s}/10)"));
                    }
                    if let Some(s) = n.stance {
                        text.push_str(&format!(" [{}]", lang.stance(s)));
                    }
                    ui.add(egui::Label::new(text).wrap());
                }
            });
            ui.add_space(10.0);
            theme::card().fill(theme::SHARED_BG).show(ui, |ui| {
                ui.set_width(ui.available_width().min(900.0));
                widgets::section(ui, lang.tr(T::SharedComfort));
                if room.comfort_needs.is_empty() {
                    widgets::muted(ui, lang.tr(T::NothingShared));
                }
                for c in &room.comfort_needs {
                    let from = match &c.from_whom {
                        RoomComfortFrom::Party(p) => p.clone(),
                        RoomComfortFrom::AllParties => lang.tr(T::FromAllParties).to_string(),
                        RoomComfortFrom::Commissioner => lang.tr(T::Commissioner).to_string(),
                    };
                    let who = c
                        .party
                        .clone()
                        .unwrap_or_else(|| lang.tr(T::AParty).to_string());
                    ui.add(
                        egui::Label::new(format!(
                            "•  {who} {} {from}: {} ({})",
                            lang.tr(T::NeedsFrom),
                            c.need,
                            lang.comfort_status(c.status)
                        ))
                        .wrap(),
                    );
                }
            });
        });
    }
}
