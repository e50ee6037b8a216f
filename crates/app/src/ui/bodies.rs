//! The bodies of the alliance (steering group, management team, working
//! groups), their mandate and members.

use egui::{RichText, Ui};

use crate::domain::{Body, BodyKind, Id, Membership};
use crate::i18n::T;

use super::command::UiCommand;
use super::table::TableSection;
use super::theme;
use super::widgets::{self, ListItem, PanelCtx};

#[derive(Default)]
pub struct BodiesPanel {
    pub selected: Option<Id>,
    filter: String,
    confirm_delete: Option<Id>,
    table: TableSection,
    command: Option<UiCommand>,
}

impl BodiesPanel {
    /// The page; returns a command (a selection report to save).
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) -> Option<UiCommand> {
        let a = pc.alliance;
        if self.selected.is_none_or(|id| a.body(id).is_none()) {
            self.selected = a.bodies.first().map(|b| b.id);
        }
        if widgets::page_header(ui, pc, T::NavBodies, T::AddBody) {
            let edit = a.insert(Body {
                name: pc.t(T::NewBodyName).to_string(),
                kind: BodyKind::WorkingGroup,
                ..Body::default()
            });
            self.selected = Some(a.next_id::<Body>());
            widgets::focus_field(ui.ctx(), pc.t(T::Name));
            pc.edit(edit);
            pc.seal = true;
        }
        ui.add_space(8.0);
        let items: Vec<ListItem> = a
            .bodies
            .iter()
            .map(|b| ListItem {
                id: b.id,
                title: b.name.clone(),
                subtitle: format!(
                    "{} · {}",
                    pc.lang.body_kind(b.kind),
                    pc.lang.count(T::MembersCount, a.members_of(b.id).count())
                ),
            })
            .collect();
        let (mut selected, mut filter) = (self.selected, std::mem::take(&mut self.filter));
        let page = widgets::ListPage::new("body-list", T::NoBodies, T::SelectBody);
        widgets::list_and_detail(
            ui,
            pc,
            page,
            &items,
            &mut selected,
            &mut filter,
            |ui, pc, id| a.body(id).map(|x| self.detail(ui, pc, x)).is_some(),
        );
        (self.selected, self.filter) = (selected, filter);
        if let Some(id) = self.confirm_delete
            && let Some(body) = a.body(id)
        {
            let message = pc
                .t(T::ConfirmDeleteBody)
                .replace("{name}", &body.name)
                .replace("{seats}", &a.members_of(id).count().to_string());
            widgets::confirm_removal(
                ui,
                pc,
                &message,
                || a.remove::<Body>(id),
                &mut self.confirm_delete,
                &mut self.selected,
            );
        }
        self.command.take()
    }

    fn detail(&mut self, ui: &mut Ui, pc: &mut PanelCtx, body: &Body) {
        let a = pc.alliance;
        let mut b = body.clone();
        let mut changed = false;
        ui.add_enabled_ui(!pc.read_only, |ui| {
            widgets::form(ui, ("body-form", body.id), |ui| {
                changed |= widgets::text_row(ui, pc, pc.t(T::Name), &mut b.name);
                let label = ui.label(RichText::new(pc.t(T::Kind)).color(theme::MUTED));
                widgets::Combo::new(("body-kind", body.id), pc.lang.body_kind(b.kind))
                    .labelled_by(label.id)
                    .width(widgets::field_width(ui))
                    .truncate()
                    .show(ui, |ui| {
                        for kind in BodyKind::ALL {
                            changed |= ui
                                .selectable_value(&mut b.kind, kind, pc.lang.body_kind(kind))
                                .changed();
                        }
                    });
                ui.end_row();
                changed |= widgets::multiline_row(ui, pc, pc.t(T::Mandate), &mut b.mandate);
            });
            if b.name.trim().is_empty() {
                ui.colored_label(theme::DANGER, pc.t(T::NameRequired));
            }
            ui.add_space(12.0);
            let at_table = a.parties_in_body(body.id).len();
            widgets::section(ui, pc.t(T::Members));
            widgets::muted(
                ui,
                &pc.t(T::PartiesAtTable)
                    .replace("{n}", &at_table.to_string())
                    .replace("{total}", &a.parties.len().to_string()),
            );
            let members: Vec<Membership> = a.members_of(body.id).cloned().collect();
            // Who has no seat yet, above the members: a member added
            // joins the list below, and the box stays under the pointer.
            // A set of the seated, not a search of
            // every seat for each of a region's thousands of people.
            let seated: crate::domain::IdSet = members.iter().map(|m| m.person).collect();
            let candidates: Vec<_> = a
                .people
                .iter()
                .filter(|p| p.is_active_on(pc.today) && !seated.contains(&p.id))
                .collect();
            if !candidates.is_empty() {
                let label = ui.label(RichText::new(pc.t(T::AddMember)).color(theme::MUTED));
                let mut pick: Option<Id> = None;
                widgets::Combo::new(("add-member", body.id), pc.t(T::ChooseMember))
                    .labelled_by(label.id)
                    .width(widgets::field_width(ui))
                    .truncate()
                    .show(ui, |ui| {
                        for p in candidates {
                            let party = a.party_name(p.party);
                            let text = if party.is_empty() {
                                p.name.clone()
                            } else {
                                format!("{} — {party}", p.name)
                            };
                            if ui.selectable_label(false, text).clicked() {
                                pick = Some(p.id);
                            }
                        }
                    });
                if let Some(person) = pick
                    && let Some(edit) = a.set_seat(body.id, person, true)
                {
                    pc.edit(edit);
                    pc.seal = true;
                }
            }
            ui.add_space(6.0);
            // The party's name takes what the row has left (whole on
            // hover): a 1024 px window's column is narrower than the
            // longest names.
            let party_width = (ui.available_width() - 380.0).clamp(70.0, 260.0);
            let role_width = (ui.available_width() * 0.3).clamp(90.0, 170.0);
            egui::Grid::new(("members", body.id))
                .num_columns(4)
                .striped(true)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    for m in &members {
                        let Some(person) = a.person(m.person) else {
                            continue;
                        };
                        let former = !person.is_active_on(pc.today);
                        let mut name = RichText::new(&person.name);
                        if former {
                            name = name.color(theme::MUTED).strikethrough();
                        }
                        ui.label(name);
                        let party = a.party_name(person.party);
                        ui.add_sized(
                            [party_width, 20.0],
                            egui::Label::new(RichText::new(party).color(theme::MUTED)).truncate(),
                        )
                        .on_hover_text(party);
                        let mut role = m.role.clone();
                        let role_label = format!("{} ({})", pc.t(T::Role), person.name);
                        let r = ui
                            .add_sized(
                                [role_width, 26.0],
                                egui::TextEdit::singleline(&mut role)
                                    .id_salt(("role", person.id))
                                    .hint_text(pc.t(T::Role)),
                            )
                            .on_hover_text(&role_label);
                        widgets::name_widget(ui, &r, &role_label);
                        pc.watch(&r);
                        if r.changed() {
                            let edit = a.update(Membership { role, ..m.clone() });
                            pc.edit(edit);
                        }
                        let remove_label = pc.t(T::RemoveMember).replace("{name}", &person.name);
                        let r = ui.button("✕").on_hover_text(&remove_label);
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &remove_label)
                        });
                        if r.clicked()
                            && let Some(edit) = a.set_seat(body.id, person.id, false)
                        {
                            pc.edit(edit);
                            pc.seal = true;
                        }
                        ui.end_row();
                    }
                });
            ui.add_space(12.0);
            if let Some(c) = self.table.ui(ui, pc, body) {
                self.command = Some(c);
            }
            ui.add_space(16.0);
            if ui.button(pc.t(T::DeleteBody)).clicked() {
                self.confirm_delete = Some(body.id);
            }
        });
        if changed {
            let edit = a.update(b);
            pc.edit(edit);
        }
    }
}
