//! The parties of the alliance: a searchable list and the selected party.

use egui::Ui;

use crate::domain::{Id, Party, PartyKind};
use crate::i18n::T;

use super::command::UiCommand;
use super::csv_import::{CsvImport, Outcome};
use super::widgets::{self, ListItem, PanelCtx};

#[derive(Default)]
pub struct PartiesPanel {
    pub selected: Option<Id>,
    filter: String,
    confirm_delete: Option<Id>,
    /// A CSV file being previewed for import.
    pub import: Option<CsvImport>,
    /// What the last import did.
    imported: Option<String>,
}

impl PartiesPanel {
    /// The page; returns a command (choose a CSV file to import).
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) -> Option<UiCommand> {
        let mut command = None;
        if let Some(import) = &mut self.import {
            match import.ui(ui, pc) {
                Outcome::Keep => {}
                Outcome::Cancel => self.import = None,
                Outcome::Imported(parties, people) => {
                    self.imported = Some(
                        pc.t(T::CsvImported)
                            .replace("{parties}", &parties.to_string())
                            .replace("{people}", &people.to_string()),
                    );
                    self.import = None;
                }
            }
        }
        let a = pc.alliance;
        if self.selected.is_none_or(|id| a.party(id).is_none()) {
            self.selected = a.parties.first().map(|p| p.id);
        }
        if widgets::page_header(ui, pc, T::NavParties, T::AddParty) {
            let edit = a.insert(Party {
                name: pc.t(T::NewPartyName).to_string(),
                ..Party::default()
            });
            self.selected = Some(a.next_id::<Party>());
            widgets::focus_field(ui.ctx(), pc.t(T::Name));
            pc.edit(edit);
            pc.seal = true;
        }
        // Wrapped: the buttons go under the sentence in a narrow window.
        ui.horizontal_wrapped(|ui| {
            widgets::muted(ui, pc.t(T::EqualVote));
            ui.add_space(12.0);
            if ui
                .add_enabled(!pc.read_only, egui::Button::new(pc.t(T::ImportCsv)))
                .on_hover_text(pc.t(T::ImportCsvHint))
                .clicked()
            {
                command = Some(UiCommand::ImportCsv);
            }
            if ui
                .button(pc.t(T::ExportCsv))
                .on_hover_text(pc.t(T::ExportCsvHint))
                .clicked()
            {
                command = Some(UiCommand::ExportCsv);
            }
        });
        if let Some(done) = &self.imported {
            ui.colored_label(super::theme::DONE, done);
        }
        ui.add_space(8.0);
        let items: Vec<ListItem> = a
            .parties
            .iter()
            .map(|p| ListItem {
                id: p.id,
                title: p.name.clone(),
                subtitle: match p.left {
                    Some(d) => format!(
                        "{} · {}",
                        pc.lang.party_kind(p.kind),
                        pc.t(T::PartyHasLeft).replace("{date}", &pc.lang.date(d))
                    ),
                    None => pc.lang.party_kind(p.kind).to_string(),
                },
            })
            .collect();
        let (mut selected, mut filter) = (self.selected, std::mem::take(&mut self.filter));
        let page = widgets::ListPage::new("party-list", T::NoParties, T::SelectParty);
        widgets::list_and_detail(
            ui,
            pc,
            page,
            &items,
            &mut selected,
            &mut filter,
            |ui, pc, id| a.party(id).map(|x| self.detail(ui, pc, x)).is_some(),
        );
        (self.selected, self.filter) = (selected, filter);
        if let Some(id) = self.confirm_delete
            && let Some(party) = a.party(id)
        {
            // Say exactly what goes with it, so nothing is lost silently.
            let (removed, changed) = a
                .remove::<Party>(id)
                .map(|e| e.footprint())
                .unwrap_or_default();
            let mut list: Vec<String> = removed
                .iter()
                .filter(|(kind, _)| *kind != "party")
                .map(|(kind, n)| format!("{} {n}", pc.lang.record_kind(kind)))
                .collect();
            if changed > 0 {
                list.push(pc.t(T::AndChanged).replace("{n}", &changed.to_string()));
            }
            let message = pc
                .t(T::ConfirmDeleteParty)
                .replace("{name}", &party.name)
                .replace("{list}", &list.join(", "));
            widgets::confirm_removal(
                ui,
                pc,
                &message,
                || a.remove::<Party>(id),
                &mut self.confirm_delete,
                &mut self.selected,
            );
        }
        command
    }

    /// Preview a CSV file for import (chosen or dropped on the window).
    pub fn start_import(&mut self, file_name: String, table: crate::csvimport::Table) {
        self.imported = None;
        self.import = Some(CsvImport::new(file_name, table));
    }

    fn detail(&mut self, ui: &mut Ui, pc: &mut PanelCtx, party: &Party) {
        let mut p = party.clone();
        let mut changed = false;
        ui.add_enabled_ui(!pc.read_only, |ui| {
            widgets::form(ui, ("party-form", party.id), |ui| {
                changed |= widgets::text_row(ui, pc, pc.t(T::Name), &mut p.name);
                let kind_label =
                    ui.label(egui::RichText::new(pc.t(T::Kind)).color(super::theme::MUTED));
                widgets::Combo::new(("party-kind", party.id), pc.lang.party_kind(p.kind))
                    .labelled_by(kind_label.id)
                    .width(widgets::field_width(ui))
                    .truncate()
                    .show(ui, |ui| {
                        for kind in PartyKind::ALL {
                            changed |= ui
                                .selectable_value(&mut p.kind, kind, pc.lang.party_kind(kind))
                                .changed();
                        }
                    });
                ui.end_row();
                let invalid = pc.t(T::NumberInvalid).to_string();
                if let Some(staff) = widgets::buffered_row(
                    ui,
                    pc,
                    pc.t(T::Staff),
                    ("staff", party.id),
                    &p.staff,
                    |s| s.map(|n| n.to_string()).unwrap_or_default(),
                    // As people type it: 1150, 1.150, 1,150 or 1 150.
                    |t| crate::csvimport::staff_number(t).ok_or_else(|| invalid.clone()),
                ) {
                    p.staff = staff;
                    changed = true;
                }
                changed |= widgets::text_row(ui, pc, pc.t(T::ServiceArea), &mut p.service_area);
                if let Some(services) = widgets::buffered_row(
                    ui,
                    pc,
                    pc.t(T::Services),
                    ("services", party.id),
                    &p.services,
                    |s| s.join(", "),
                    |t| Ok(widgets::parse_list(t)),
                ) {
                    p.services = services;
                    changed = true;
                }
                changed |= widgets::text_row(ui, pc, pc.t(T::Contact), &mut p.contact);
                changed |= widgets::multiline_row(
                    ui,
                    pc,
                    pc.t(T::Notes),
                    crate::domain::Confidential::expose_mut(&mut p.notes),
                );
                if let Some(d) =
                    widgets::date_row(ui, pc, pc.t(T::PartyLeft), ("party-left", party.id), p.left)
                {
                    p.left = d;
                    changed = true;
                }
            });
            widgets::muted(ui, pc.t(T::StaffHint));
            if p.name.trim().is_empty() {
                ui.colored_label(super::theme::DANGER, pc.t(T::NameRequired));
            }
        });
        ui.add_space(12.0);
        widgets::section(ui, pc.t(T::PeopleOfParty));
        let mut any = false;
        for person in pc.alliance.people_of_party(party.id) {
            any = true;
            let left = if person.is_active_on(pc.today) {
                String::new()
            } else {
                format!("  ({})", pc.t(T::FormerBadge))
            };
            let function = if person.function.is_empty() {
                String::new()
            } else {
                format!(", {}", person.function)
            };
            ui.label(format!("•  {}{function}{left}", person.name));
        }
        if !any {
            widgets::muted(ui, pc.t(T::NoPeople));
        }
        ui.add_space(16.0);
        ui.add_enabled_ui(!pc.read_only, |ui| {
            if ui.button(pc.t(T::DeleteParty)).clicked() {
                self.confirm_delete = Some(party.id);
            }
        });
        if changed {
            let edit = pc.alliance.update(p);
            pc.edit(edit);
        }
    }
}
