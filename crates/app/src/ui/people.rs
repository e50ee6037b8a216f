//! The people of the alliance. People change: those who left keep their
//! leaving date and stay in the history.

use egui::{RichText, Ui};

use crate::domain::{Id, Person};
use crate::i18n::T;

use super::theme;
use super::widgets::{self, ListItem, PanelCtx};

#[derive(Default)]
pub struct PeoplePanel {
    pub selected: Option<Id>,
    filter: String,
    party_filter: Option<Id>,
    show_former: bool,
    confirm_delete: Option<Id>,
}

impl PeoplePanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        if self.selected.is_none_or(|id| a.person(id).is_none()) {
            self.selected = a
                .people
                .iter()
                .find(|p| p.is_active_on(pc.today))
                .map(|p| p.id);
        }
        if widgets::page_header(ui, pc, T::NavPeople, T::AddPerson) {
            let edit = a.insert(Person {
                name: pc.t(T::NewPersonName).to_string(),
                party: self.party_filter.or(a.parties.first().map(|p| p.id)),
                joined: Some(pc.today),
                ..Person::default()
            });
            self.selected = Some(a.next_id::<Person>());
            widgets::focus_field(ui.ctx(), pc.t(T::Name));
            pc.edit(edit);
            pc.seal = true;
        }
        ui.add_space(8.0);
        let items: Vec<ListItem> = a
            .people
            .iter()
            .filter(|p| self.party_filter.is_none() || p.party == self.party_filter)
            .filter(|p| self.show_former || p.is_active_on(pc.today) || Some(p.id) == self.selected)
            .map(|p| {
                let mut subtitle = a.party_name(p.party).to_string();
                if subtitle.is_empty() {
                    subtitle = "—".into();
                }
                if !p.function.is_empty() {
                    subtitle.push_str(" · ");
                    subtitle.push_str(&p.function);
                }
                if !p.is_active_on(pc.today) {
                    subtitle.push_str(&format!(" · {}", pc.t(T::FormerBadge)));
                }
                ListItem {
                    id: p.id,
                    title: p.name.clone(),
                    subtitle,
                }
            })
            .collect();
        let selected = self.selected;
        let mut clicked = None;
        widgets::master_detail(ui, "people", selected, |ui, side| match side {
            widgets::Side::List => {
                let label = ui.label(RichText::new(pc.t(T::Party)).small().color(theme::MUTED));
                let current = self
                    .party_filter
                    .map(|id| a.party_name(Some(id)).to_string())
                    .unwrap_or_else(|| pc.t(T::AllParties).to_string());
                widgets::Combo::new("people-party-filter", current)
                    .labelled_by(label.id)
                    .width(ui.available_width())
                    .show(ui, |ui| {
                        ui.selectable_value(&mut self.party_filter, None, pc.t(T::AllParties));
                        for party in &a.parties {
                            ui.selectable_value(
                                &mut self.party_filter,
                                Some(party.id),
                                &party.name,
                            );
                        }
                    });
                ui.checkbox(&mut self.show_former, pc.t(T::ShowFormer));
                clicked = widgets::list_side(
                    ui,
                    pc,
                    "people-list",
                    &items,
                    selected,
                    &mut self.filter,
                    T::NoPeople,
                );
            }
            widgets::Side::Detail => match selected.and_then(|id| a.person(id)) {
                Some(person) => self.detail(ui, pc, person),
                None => {
                    widgets::muted(ui, pc.t(T::SelectPerson));
                }
            },
        });
        if clicked.is_some() {
            self.selected = clicked;
        }
        if let Some(id) = self.confirm_delete
            && let Some(person) = a.person(id)
        {
            let message = pc.t(T::ConfirmDeletePerson).replace("{name}", &person.name);
            widgets::confirm_removal(
                ui,
                pc,
                &message,
                || a.remove::<Person>(id),
                &mut self.confirm_delete,
                &mut self.selected,
            );
        }
    }

    fn detail(&mut self, ui: &mut Ui, pc: &mut PanelCtx, person: &Person) {
        let a = pc.alliance;
        let mut p = person.clone();
        let mut changed = false;
        ui.add_enabled_ui(!pc.read_only, |ui| {
            widgets::form(ui, ("person-form", person.id), |ui| {
                changed |= widgets::text_row(ui, pc, pc.t(T::Name), &mut p.name);
                let label = ui.label(RichText::new(pc.t(T::Party)).color(theme::MUTED));
                let current = match p.party {
                    Some(id) => a.party_name(Some(id)).to_string(),
                    None => pc.t(T::NoParty).to_string(),
                };
                widgets::Combo::new(("person-party", person.id), current)
                    .labelled_by(label.id)
                    .width(widgets::field_width(ui))
                    .truncate()
                    .show(ui, |ui| {
                        changed |= ui
                            .selectable_value(&mut p.party, None, pc.t(T::NoParty))
                            .changed();
                        for party in &a.parties {
                            changed |= ui
                                .selectable_value(&mut p.party, Some(party.id), &party.name)
                                .changed();
                        }
                    });
                ui.end_row();
                changed |= widgets::text_row(ui, pc, pc.t(T::Function), &mut p.function);
                changed |= widgets::text_row(ui, pc, pc.t(T::Email), &mut p.email);
                if let Some(d) =
                    widgets::date_row(ui, pc, pc.t(T::Joined), ("joined", person.id), p.joined)
                {
                    p.joined = d;
                    changed = true;
                }
                if let Some(d) =
                    widgets::date_row(ui, pc, pc.t(T::Left), ("left", person.id), p.left)
                {
                    p.left = d;
                    changed = true;
                }
            });
            if p.name.trim().is_empty() {
                ui.colored_label(theme::DANGER, pc.t(T::NameRequired));
            }
            ui.add_space(12.0);
            widgets::section(ui, pc.t(T::SeatsOfPerson));
            for body in &a.bodies {
                let mut seated = a.seat(body.id, person.id).is_some();
                let kind = pc.lang.body_kind(body.kind);
                let text = if body.name == kind {
                    body.name.clone()
                } else {
                    format!("{}  ({kind})", body.name)
                };
                if ui.checkbox(&mut seated, text).changed()
                    && let Some(edit) = a.set_seat(body.id, person.id, seated)
                {
                    pc.edit(edit);
                    pc.seal = true;
                }
            }
            ui.add_space(16.0);
            if ui.button(pc.t(T::DeletePerson)).clicked() {
                self.confirm_delete = Some(person.id);
            }
        });
        if changed {
            let edit = a.update(p);
            pc.edit(edit);
        }
    }
}
