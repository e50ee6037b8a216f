//! The membership matrix: people × bodies, with the people who sit in both
//! the management team and the steering group pointed out.

use egui::{RichText, Ui};

use crate::domain::Id;
use crate::i18n::T;

use super::theme;
use super::widgets::{self, PanelCtx};

/// Width of a body's column, and of the person's and party's columns.
const COLUMN: f32 = 132.0;
const PERSON: f32 = 240.0;
const PARTY: f32 = 200.0;

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
        // The rows, grouped by party in register order; people without a
        // party last. Only the rows in view are built (a region has a
        // thousand people); seats are looked up in one set.
        let rows: Vec<&crate::domain::Person> = a
            .by_party(
                a.people
                    .iter()
                    .filter(|p| self.show_former || p.is_active_on(pc.today)),
            )
            .into_iter()
            .flat_map(|(_, people)| people)
            .collect();
        let seats: crate::domain::FastSet<(Id, Id)> =
            a.memberships.iter().map(|m| (m.body, m.person)).collect();
        let doubled: crate::domain::IdSet = doubled.into_iter().collect();
        let width = PERSON + PARTY + COLUMN * a.bodies.len() as f32;
        let row_height = 30.0;
        egui::ScrollArea::horizontal()
            .id_salt("matrix")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_min_width(width);
                // The heading stays in view while the rows scroll.
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(width, 40.0), egui::Sense::hover());
                let mut head = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .layout(egui::Layout::left_to_right(egui::Align::Center)),
                );
                head.spacing_mut().item_spacing.x = 0.0;
                let bold = |t: &str| RichText::new(t).family(theme::bold());
                let cell = |ui: &mut Ui, w: f32, align: egui::Align, text: RichText| {
                    ui.allocate_ui_with_layout(
                        egui::vec2(w, 40.0),
                        egui::Layout::top_down(align).with_main_align(egui::Align::Center),
                        |ui| {
                            ui.set_width(w);
                            ui.add(egui::Label::new(text).halign(align).wrap());
                        },
                    );
                };
                cell(&mut head, PERSON, egui::Align::Min, bold(pc.t(T::Person)));
                cell(&mut head, PARTY, egui::Align::Min, bold(pc.t(T::Party)));
                // Only the columns in view are built (a region has dozens
                // of bodies side by side); the others keep their room.
                let clip = head.clip_rect();
                for body in &a.bodies {
                    if widgets::out_of_view_across(clip, head.cursor().left(), COLUMN) {
                        head.add_space(COLUMN);
                        continue;
                    }
                    cell(
                        &mut head,
                        COLUMN,
                        egui::Align::Center,
                        bold(&body.name).size(13.5),
                    );
                }
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("matrix-rows")
                    .auto_shrink([false, false])
                    .show_rows(ui, row_height, rows.len(), |ui, range| {
                        ui.add_enabled_ui(!pc.read_only, |ui| {
                            for (i, person) in rows[range.clone()].iter().enumerate() {
                                let (rect, _) = ui.allocate_exact_size(
                                    egui::vec2(width, row_height),
                                    egui::Sense::hover(),
                                );
                                if (range.start + i) % 2 == 1 {
                                    ui.painter().rect_filled(rect, 0.0, theme::STRIPE);
                                }
                                let mut row = ui.new_child(
                                    egui::UiBuilder::new()
                                        .max_rect(rect)
                                        .layout(egui::Layout::left_to_right(egui::Align::Center)),
                                );
                                self.row(&mut row, pc, person, &seats, &doubled, &mut toggles);
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

    /// One person's row: name (and the doubling badge), party, a box per
    /// body.
    fn row(
        &self,
        ui: &mut Ui,
        pc: &PanelCtx,
        person: &crate::domain::Person,
        seats: &crate::domain::FastSet<(Id, Id)>,
        doubled: &crate::domain::IdSet,
        toggles: &mut Vec<(Id, Id, bool)>,
    ) {
        let a = pc.alliance;
        ui.spacing_mut().item_spacing.x = 0.0;
        let active = person.is_active_on(pc.today);
        let mut name = RichText::new(&person.name);
        if !active {
            name = name.color(theme::MUTED).strikethrough();
        }
        ui.allocate_ui_with_layout(
            egui::vec2(PERSON, 28.0),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_width(PERSON);
                ui.spacing_mut().item_spacing.x = 6.0;
                ui.add(egui::Label::new(name).truncate());
                if doubled.contains(&person.id) {
                    ui.label(
                        RichText::new(format!("⚠ {}", pc.t(T::DoublingBadge)))
                            .small()
                            .color(theme::WARN_FG),
                    );
                }
            },
        );
        ui.allocate_ui_with_layout(
            egui::vec2(PARTY, 28.0),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_width(PARTY);
                ui.add(
                    egui::Label::new(RichText::new(a.party_name(person.party)).color(theme::MUTED))
                        .truncate(),
                );
            },
        );
        let clip = ui.clip_rect();
        for body in &a.bodies {
            // A box out of view is not built; its column keeps its room.
            if widgets::out_of_view_across(clip, ui.cursor().left(), COLUMN) {
                ui.add_space(COLUMN);
                continue;
            }
            let mut value = seats.contains(&(body.id, person.id));
            let r = ui
                .allocate_ui_with_layout(
                    egui::vec2(COLUMN, 28.0),
                    egui::Layout::centered_and_justified(egui::Direction::LeftToRight),
                    |ui| ui.add(egui::Checkbox::without_text(&mut value)),
                )
                .inner;
            // Its name is made only for the boxes in view.
            let label = || {
                pc.t(T::SeatOf)
                    .replace("{person}", &person.name)
                    .replace("{body}", &body.name)
            };
            r.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::CheckBox, !pc.read_only, value, label())
            });
            if r.changed() {
                toggles.push((body.id, person.id, value));
            }
            r.on_hover_text_at_pointer(label());
        }
    }
}
