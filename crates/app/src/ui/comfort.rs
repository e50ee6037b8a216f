//! The comfort register: what each party needs from another party, from
//! all parties or from the commissioner to step in fully (seed 000).

use egui::{RichText, Ui};

use crate::domain::{ComfortFrom, ComfortNeed, ComfortStatus, Id};
use crate::i18n::T;

use super::intake::visibility_picker;
use super::theme;
use super::widgets::{self, PanelCtx};

#[derive(Default)]
pub struct ComfortPanel {
    new_party: Option<Id>,
    new_from: ComfortFrom,
    new_need: String,
    only_open: bool,
    party_filter: Option<Id>,
}

fn from_label(pc: &PanelCtx, from: ComfortFrom) -> String {
    match from {
        ComfortFrom::Party(id) => pc.alliance.party_name(Some(id)).to_string(),
        ComfortFrom::AllParties => pc.t(T::FromAllParties).to_string(),
        ComfortFrom::Commissioner => pc.t(T::Commissioner).to_string(),
    }
}

fn from_picker(
    ui: &mut Ui,
    pc: &PanelCtx,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    needer: Option<Id>,
    value: &mut ComfortFrom,
    label: &str,
) -> bool {
    let before = *value;
    widgets::combo(ui, id_salt, label, from_label(pc, *value), 220.0, |ui| {
        ui.selectable_value(value, ComfortFrom::AllParties, pc.t(T::FromAllParties));
        ui.selectable_value(
            value,
            ComfortFrom::Commissioner,
            from_label(pc, ComfortFrom::Commissioner),
        );
        for p in pc.alliance.parties.iter().filter(|p| Some(p.id) != needer) {
            ui.selectable_value(value, ComfortFrom::Party(p.id), &p.name);
        }
    });
    *value != before
}

impl ComfortPanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        widgets::page_title(ui, pc.t(T::NavComfort));
        widgets::muted(ui, pc.t(T::ComfortIntro));
        ui.add_space(8.0);
        ui.add_enabled_ui(!pc.read_only, |ui| self.add_form(ui, pc));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.only_open, pc.t(T::OnlyOpen));
            let label = ui.label(RichText::new(pc.t(T::FilterParty)).color(theme::MUTED));
            let current = self
                .party_filter
                .map(|id| a.party_name(Some(id)).to_string())
                .unwrap_or_else(|| pc.t(T::AllParties).to_string());
            widgets::Combo::new("comfort-party-filter", current)
                .labelled_by(label.id)
                .width(260.0)
                .show(ui, |ui| {
                    ui.selectable_value(&mut self.party_filter, None, pc.t(T::AllParties));
                    for p in &a.parties {
                        ui.selectable_value(&mut self.party_filter, Some(p.id), &p.name);
                    }
                });
        });
        ui.add_space(6.0);
        let needs: Vec<&ComfortNeed> = a
            .comfort_needs
            .iter()
            .filter(|c| !self.only_open || c.status.is_open())
            .filter(|c| self.party_filter.is_none_or(|p| c.party == p))
            .collect();
        if needs.is_empty() {
            widgets::muted(ui, pc.t(T::NoComfortNeeds));
            return;
        }
        let mut edits = Vec::new();
        widgets::page_scroll(ui, "comfort-list", |ui| {
            ui.add_enabled_ui(!pc.read_only, |ui| {
                widgets::lazy_items(
                    ui,
                    "comfort",
                    needs.len(),
                    6.0,
                    120.0,
                    |i| needs[i].id,
                    |ui, i| {
                        if let Some(edit) = need_card(ui, pc, needs[i]) {
                            edits.push(edit);
                        }
                    },
                );
            });
        });
        for e in edits {
            pc.edit(e);
        }
    }

    fn add_form(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        if self.new_party.is_some_and(|p| a.party(p).is_none()) {
            self.new_party = None;
        }
        theme::card().show(ui, |ui| {
            ui.label(RichText::new(pc.t(T::AddComfortNeed)).family(theme::bold()));
            ui.horizontal_wrapped(|ui| {
                let label = pc.t(T::NeedingParty);
                let current = self
                    .new_party
                    .map(|id| a.party_name(Some(id)).to_string())
                    .unwrap_or_else(|| pc.t(T::ChooseParty).to_string());
                widgets::combo(ui, "new-comfort-party", label, current, 240.0, |ui| {
                    for p in &a.parties {
                        ui.selectable_value(&mut self.new_party, Some(p.id), &p.name);
                    }
                });
                ui.label(pc.t(T::NeedsFrom));
                if let ComfortFrom::Party(from) = self.new_from
                    && Some(from) == self.new_party
                {
                    self.new_from = ComfortFrom::AllParties;
                }
                from_picker(
                    ui,
                    pc,
                    "new-comfort-from",
                    self.new_party,
                    &mut self.new_from,
                    pc.t(T::FromWhom),
                );
                let r = ui.add_sized(
                    [340.0, 26.0],
                    egui::TextEdit::singleline(&mut self.new_need)
                        .id_salt("new-need")
                        .hint_text(pc.t(T::NeedHint)),
                );
                widgets::name_widget(ui, &r, pc.t(T::Need));
                let ready = self.new_party.is_some() && !self.new_need.trim().is_empty();
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let add = ui
                    .add_enabled(ready, egui::Button::new(format!("+  {}", pc.t(T::Add))))
                    .clicked();
                if ready && (add || enter) {
                    let edit = a.insert(ComfortNeed {
                        party: self.new_party.unwrap_or_default(),
                        from_whom: self.new_from,
                        need: self.new_need.trim().into(),
                        status: ComfortStatus::Open,
                        noted: Some(pc.today),
                        ..ComfortNeed::default()
                    });
                    pc.edit(edit);
                    pc.seal = true;
                    self.new_need.clear();
                }
            });
            if self.new_party.is_none() {
                widgets::muted(ui, pc.t(T::ChoosePartyFirst));
            }
        });
    }
}

/// One comfort need as an editable card. Returns the edit it asks for.
fn need_card(ui: &mut Ui, pc: &mut PanelCtx, need: &ComfortNeed) -> Option<crate::domain::Edit> {
    let a = pc.alliance;
    let mut n = need.clone();
    let mut changed = false;
    let mut remove = false;
    let fill = if n.visibility == crate::domain::Visibility::Confidential {
        theme::SURFACE
    } else {
        theme::SHARED_BG
    };
    theme::card()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(14, 10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width().min(900.0));
            let party = a.party_name(Some(n.party)).to_string();
            ui.horizontal(|ui| {
                ui.label(RichText::new(&party).family(theme::bold()));
                ui.label(RichText::new(pc.t(T::NeedsFrom)).color(theme::MUTED));
                changed |= from_picker(
                    ui,
                    pc,
                    ("from", n.id),
                    Some(n.party),
                    &mut n.from_whom,
                    &pc.t(T::FromWhomOf).replace("{party}", &party),
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let label = pc
                        .t(T::RemoveNeed)
                        .replace("{need}", crate::domain::Confidential::expose(&n.need));
                    let r = ui.button("✕").on_hover_text(&label);
                    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                    remove = r.clicked();
                });
            });
            let need_label = pc.t(T::NeedOf).replace("{party}", &party);
            let r = ui.add(
                egui::TextEdit::singleline(crate::domain::Confidential::expose_mut(&mut n.need))
                    .id_salt(("need", n.id))
                    .desired_width(f32::INFINITY),
            );
            widgets::name_widget(ui, &r, &need_label);
            pc.watch(&r);
            changed |= r.changed();
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(pc.t(T::Status)).color(theme::MUTED));
                let before = n.status;
                let status_label = pc
                    .t(T::StatusOf)
                    .replace("{need}", crate::domain::Confidential::expose(&n.need));
                widgets::combo(
                    ui,
                    ("status", n.id),
                    &status_label,
                    pc.lang.comfort_status(n.status),
                    130.0,
                    |ui| {
                        for s in ComfortStatus::ALL {
                            ui.selectable_value(&mut n.status, s, pc.lang.comfort_status(s));
                        }
                    },
                );
                changed |= n.status != before;
                ui.add_space(8.0);
                ui.label(RichText::new(pc.t(T::HonouredBy)).color(theme::MUTED));
                let honoured_label = pc
                    .t(T::HonouredByOf)
                    .replace("{need}", crate::domain::Confidential::expose(&n.need));
                let r = ui.add(
                    egui::TextEdit::singleline(&mut n.honoured_by)
                        .id_salt(("honoured-by", n.id))
                        .desired_width(widgets::field_width(ui)),
                );
                widgets::name_widget(ui, &r, &honoured_label);
                pc.watch(&r);
                changed |= r.changed();
                ui.add_space(8.0);
                let vis_label = pc
                    .t(T::VisibilityOfNeed)
                    .replace("{need}", crate::domain::Confidential::expose(&n.need));
                if let Some(v) = visibility_picker(ui, pc, ("cvis", n.id), n.visibility, &vis_label)
                {
                    n.visibility = v;
                    changed = true;
                }
            });
        });
    if remove {
        pc.seal = true;
        a.remove::<ComfortNeed>(n.id)
    } else if changed {
        Some(a.update(n))
    } else {
        None
    }
}
