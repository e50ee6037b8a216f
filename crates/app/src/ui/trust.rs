//! The trust overview: where every party stands at each intake round, its
//! open comfort needs, and what may be shared with the group.

use egui::{RichText, Ui};

use crate::domain::TrustPoint;
use crate::i18n::T;

use super::intake::stance_color;
use super::theme;
use super::widgets::{self, PanelCtx};

#[derive(Default)]
pub struct TrustPanel {
    /// The barometer's rows (name, points, open needs), per revision.
    rows: Option<(u64, std::rc::Rc<Vec<Row>>)>,
}

type Row = (String, Vec<TrustPoint>, usize);

/// Every barometer cell is this tall, filled or not, so a row out of view
/// can be stood in for by its space alone.
fn cell_height(ui: &Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body)
        + ui.text_style_height(&egui::TextStyle::Small)
        + ui.spacing().item_spacing.y
}

fn cell(ui: &mut Ui, pc: &PanelCtx, point: Option<&TrustPoint>) {
    ui.vertical(|ui| {
        ui.set_width(150.0);
        ui.set_min_height(cell_height(ui));
        match point {
            None => {
                ui.label(RichText::new("—").color(theme::MUTED));
            }
            Some(p) => {
                ui.horizontal(|ui| {
                    match p.stance {
                        Some(s) => ui.label(
                            RichText::new(format!("● {}", pc.lang.stance(s)))
                                .color(stance_color(s))
                                .family(theme::bold()),
                        ),
                        None => ui.label(RichText::new("○").color(theme::MUTED)),
                    };
                });
                let score = p
                    .satisfaction
                    .map(|s| format!("{s}/10"))
                    .unwrap_or_else(|| "–".into());
                let date = p.date.map(|d| pc.lang.date(d)).unwrap_or_default();
                ui.label(
                    RichText::new(format!("{score}   {date}"))
                        .small()
                        .color(theme::MUTED),
                );
            }
        }
    });
}

fn trend(pc: &PanelCtx, points: &[TrustPoint]) -> RichText {
    let scores: Vec<u8> = points.iter().filter_map(|p| p.satisfaction).collect();
    match scores.as_slice() {
        [.., before, last] if last > before => {
            RichText::new(format!("↑ +{}", last - before)).color(theme::DONE)
        }
        [.., before, last] if last < before => {
            RichText::new(format!("↓ −{}", before - last)).color(theme::DANGER)
        }
        [_, _, ..] => RichText::new(format!("→ {}", pc.t(T::Unchanged))).color(theme::MUTED),
        _ => RichText::new("").color(theme::MUTED),
    }
}

impl TrustPanel {
    /// Returns whether the facilitator asked to save the intake summary.
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) -> bool {
        let a = pc.alliance;
        let mut export = false;
        ui.horizontal(|ui| {
            widgets::page_title(ui, pc.t(T::NavTrust));
            ui.add_space(12.0);
            export = ui.button(pc.t(T::ExportIntake)).clicked();
        });
        widgets::muted(ui, pc.t(T::TrustIntro));
        ui.add_space(8.0);
        let rows = match &self.rows {
            Some((rev, rows)) if *rev == pc.revision => rows.clone(),
            _ => {
                let mut trust = a.trust_by_party();
                let mut open: crate::domain::IdMap<usize> = Default::default();
                for c in a.comfort_needs.iter().filter(|c| c.status.is_open()) {
                    *open.entry(c.party).or_default() += 1;
                }
                let rows: std::rc::Rc<Vec<Row>> = std::rc::Rc::new(
                    a.parties
                        .iter()
                        .map(|p| {
                            (
                                p.name.clone(),
                                trust.remove(&p.id).unwrap_or_default(),
                                open.get(&p.id).copied().unwrap_or(0),
                            )
                        })
                        .collect(),
                );
                self.rows = Some((pc.revision, rows.clone()));
                rows
            }
        };
        let rounds = rows.iter().map(|r| r.1.len()).max().unwrap_or(0).max(1);
        widgets::page_scroll(ui, "trust-page", |ui| {
            theme::card().show(ui, |ui| {
                ui.set_width(ui.available_width() - 8.0);
                widgets::section(ui, pc.t(T::Barometer));
                egui::ScrollArea::horizontal()
                    .id_salt("barometer")
                    .show(ui, |ui| {
                        egui::Grid::new("barometer-grid")
                            .striped(true)
                            .spacing([18.0, 8.0])
                            .show(ui, |ui| {
                                ui.label(RichText::new(pc.t(T::Party)).family(theme::bold()));
                                for r in 1..=rounds {
                                    let title = if r == 1 {
                                        pc.t(T::FirstIntake).to_string()
                                    } else {
                                        format!("{} {}", pc.t(T::CheckIn), r - 1)
                                    };
                                    ui.label(RichText::new(title).family(theme::bold()));
                                }
                                ui.label(RichText::new(pc.t(T::Trend)).family(theme::bold()));
                                ui.label(RichText::new(pc.t(T::OpenNeeds)).family(theme::bold()));
                                ui.end_row();
                                let clip = ui.clip_rect();
                                let h = cell_height(ui);
                                for (name, points, open) in rows.iter() {
                                    ui.label(RichText::new(name).size(15.5));
                                    // A region's hundreds of rows: those
                                    // out of view keep their space only.
                                    let top = ui.cursor().top();
                                    if top > clip.bottom() + h || top + h < clip.top() - h {
                                        for _ in 0..rounds {
                                            ui.allocate_space(egui::vec2(150.0, h));
                                        }
                                        ui.end_row();
                                        continue;
                                    }
                                    for r in 0..rounds {
                                        cell(ui, pc, points.get(r));
                                    }
                                    ui.label(trend(pc, points));
                                    let open_text = if *open == 0 {
                                        RichText::new("0").color(theme::MUTED)
                                    } else {
                                        RichText::new(open.to_string())
                                            .color(theme::WARN_FG)
                                            .family(theme::bold())
                                    };
                                    ui.label(open_text);
                                    ui.end_row();
                                }
                            });
                    });
            });
            ui.add_space(theme::GAP);
            widgets::muted(ui, pc.t(T::SeeShared));
        });
        export
    }
}
