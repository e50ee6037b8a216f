//! The membership matrix: people × bodies, with the people who sit in both
//! the management team and the steering group pointed out.

use egui::{RichText, Ui};

use crate::domain::Id;
use crate::i18n::T;

use super::theme;
use super::widgets::{self, PanelCtx};

/// Width of a body's column.
const COLUMN: f32 = 132.0;

#[derive(Default)]
pub struct MatrixPanel {
    show_former: bool,
}

impl MatrixPanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        widgets::page_title(ui, pc.t(T::NavMatrix));
        widgets::muted(ui, pc.t(T::MatrixIntro));
        ui.add_space(6.0);
        let doubled: Vec<Id> = a.people_in_mt_and_steering_group();
        use crate::domain::BodyKind;
        let has = |k: BodyKind| a.bodies.iter().any(|b| b.kind == k);
        let banner = if !has(BodyKind::ManagementTeam) || !has(BodyKind::SteeringGroup) {
            // Nothing to compare yet: say what the check is for.
            pc.t(T::DoublingNeedsBoth).to_string()
        } else if doubled.is_empty() {
            pc.t(T::NoDoubling).to_string()
        } else {
            pc.lang.count(T::Doubling, doubled.len())
        };
        egui::Frame::new()
            .fill(if doubled.is_empty() {
                theme::ACCENT_SOFT
            } else {
                theme::WARN_BG
            })
            .corner_radius(egui::CornerRadius::same(theme::RADIUS))
            .inner_margin(egui::Margin::symmetric(12, 8))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let color = if doubled.is_empty() {
                    theme::ACCENT
                } else {
                    theme::WARN_FG
                };
                ui.label(RichText::new(banner).color(color));
            });
        ui.checkbox(&mut self.show_former, pc.t(T::ShowFormer));
        ui.add_space(6.0);
        let mut toggles: Vec<(Id, Id, bool)> = Vec::new();
        egui::ScrollArea::both()
            .id_salt("matrix")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_enabled_ui(!pc.read_only, |ui| {
                    egui::Grid::new("matrix-grid")
                        .striped(true)
                        .spacing([14.0, 6.0])
                        .min_col_width(40.0)
                        .show(ui, |ui| {
                            ui.label(RichText::new(pc.t(T::Person)).family(theme::bold()));
                            ui.label(RichText::new(pc.t(T::Party)).family(theme::bold()));
                            for body in &a.bodies {
                                ui.vertical_centered(|ui| {
                                    ui.set_width(COLUMN);
                                    ui.add(
                                        egui::Label::new(
                                            RichText::new(&body.name)
                                                .family(theme::bold())
                                                .size(13.5),
                                        )
                                        .halign(egui::Align::Center)
                                        .wrap(),
                                    );
                                });
                            }
                            ui.end_row();
                            // Grouped by party, in register order; people without a party last.
                            let mut order: Vec<Option<Id>> =
                                a.parties.iter().map(|p| Some(p.id)).collect();
                            order.push(None);
                            for party in order {
                                for person in a.people.iter().filter(|p| p.party == party) {
                                    let active = person.is_active_on(pc.today);
                                    if !active && !self.show_former {
                                        continue;
                                    }
                                    let mut name = RichText::new(&person.name);
                                    if !active {
                                        name = name.color(theme::MUTED).strikethrough();
                                    }
                                    ui.horizontal(|ui| {
                                        ui.label(name);
                                        if doubled.contains(&person.id) {
                                            ui.label(
                                                RichText::new(format!(
                                                    "⚠ {}",
                                                    pc.t(T::DoublingBadge)
                                                ))
                                                .small()
                                                .color(theme::WARN_FG),
                                            );
                                        }
                                    });
                                    widgets::muted(ui, a.party_name(person.party));
                                    for body in &a.bodies {
                                        let seated = a.seat(body.id, person.id).is_some();
                                        let mut value = seated;
                                        let label = pc
                                            .t(T::SeatOf)
                                            .replace("{person}", &person.name)
                                            .replace("{body}", &body.name);
                                        let r = ui
                                            .vertical_centered(|ui| {
                                                ui.set_width(COLUMN);
                                                ui.add(egui::Checkbox::without_text(&mut value))
                                            })
                                            .inner;
                                        r.widget_info(|| {
                                            egui::WidgetInfo::selected(
                                                egui::Role::CheckBox,
                                                !pc.read_only,
                                                value,
                                                &label,
                                            )
                                        });
                                        let r = r.on_hover_text(&label);
                                        if r.changed() {
                                            toggles.push((body.id, person.id, value));
                                        }
                                    }
                                    ui.end_row();
                                }
                            }
                        });
                });
            });
        for (body, person, seated) in toggles {
            if let Some(edit) = a.set_seat(body, person, seated) {
                pc.edit(edit);
                pc.seal = true;
            }
        }
    }
}
