//! The alliance page: its name, commissioner, ambition, term, and the route
//! of the four phases with where the alliance stands.

use egui::{Align, Layout, RichText, Sense, Ui};

use crate::domain::{AllianceInfo, Id, Phase};
use crate::i18n::T;

use super::theme;
use super::widgets::{self, PanelCtx};

#[derive(Default)]
pub struct AlliancePanel;

impl AlliancePanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        let title = if a.info.name.trim().is_empty() {
            pc.t(T::Unnamed)
        } else {
            a.info.name.as_str()
        };
        widgets::page_title(ui, title);
        // Always one line, empty or not: the form below does not jump
        // when the first letter of the commissioner is typed.
        let commissioner = if a.info.commissioner.name.trim().is_empty() {
            " ".to_string()
        } else {
            format!("{}: {}", pc.t(T::Commissioner), a.info.commissioner.name)
        };
        widgets::muted(ui, &commissioner);
        ui.add_space(theme::GAP);
        route(ui, pc);
        ui.add_space(theme::GAP);
        // Side by side where there is room; in a narrow window (1024 px)
        // one under the other, so no field is cut off by the overview.
        if ui.available_width() >= 900.0 {
            ui.columns(2, |cols| {
                theme::card().show(&mut cols[0], |ui| {
                    ui.set_min_width(ui.available_width());
                    details(ui, pc);
                });
                theme::card().show(&mut cols[1], |ui| {
                    ui.set_min_width(ui.available_width());
                    overview(ui, pc);
                });
            });
        } else {
            theme::card().show(ui, |ui| {
                ui.set_min_width(ui.available_width());
                details(ui, pc);
            });
            ui.add_space(theme::GAP);
            theme::card().show(ui, |ui| {
                ui.set_min_width(ui.available_width());
                overview(ui, pc);
            });
        }
    }
}

/// The route of the alliance: trust → strategy → formalisation → execution.
fn route(ui: &mut Ui, pc: &mut PanelCtx) {
    widgets::section(ui, pc.t(T::Route));
    let current = pc.alliance.info.phase;
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        for (i, phase) in Phase::ALL.iter().enumerate() {
            if i > 0 {
                ui.label(RichText::new("→").size(22.0).color(theme::MUTED));
            }
            if phase_step(ui, pc, *phase, current).clicked() && !pc.read_only {
                chosen = Some(*phase);
            }
        }
    });
    widgets::muted(ui, pc.lang.phase_hint(current));
    if let Some(phase) = chosen {
        let info = AllianceInfo {
            phase,
            ..pc.alliance.info.clone()
        };
        let edit = pc.alliance.set_info(info);
        pc.edit(edit);
        pc.seal = true;
    }
}

fn phase_step(ui: &mut Ui, pc: &PanelCtx, phase: Phase, current: Phase) -> egui::Response {
    let is_current = phase == current;
    let done = phase.index() < current.index();
    let (fill, text) = if is_current {
        (theme::ACCENT, theme::ACCENT_TEXT)
    } else if done {
        (theme::ACCENT_SOFT, theme::ACCENT)
    } else {
        (theme::SURFACE, theme::MUTED)
    };
    let name = pc.lang.phase(phase);
    let label = format!("{}. {}", phase.index() + 1, name);
    let frame = egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(
            1.0,
            if is_current {
                theme::ACCENT
            } else {
                theme::BORDER
            },
        ))
        .corner_radius(egui::CornerRadius::same(theme::RADIUS + 2))
        .inner_margin(egui::Margin::symmetric(16, 10));
    let r = frame
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(label)
                        .size(16.0)
                        .color(text)
                        .family(theme::bold()),
                );
                // The tick's room is kept when there is no tick: a phase
                // set does not move the steps after it under the pointer.
                ui.label(
                    RichText::new("✓")
                        .size(16.0)
                        .color(if done { text } else { fill })
                        .family(theme::bold()),
                );
            });
        })
        .response
        .interact(Sense::click());
    let hint = pc.t(T::SetPhase).replace("{phase}", name);
    r.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, !pc.read_only, is_current, &hint)
    });
    r.on_hover_text(pc.lang.phase_hint(phase))
}

fn details(ui: &mut Ui, pc: &mut PanelCtx) {
    let mut info = pc.alliance.info.clone();
    let mut changed = false;
    ui.add_enabled_ui(!pc.read_only, |ui| {
        widgets::form(ui, "alliance-form", |ui| {
            changed |= widgets::text_row(ui, pc, pc.t(T::AllianceName), &mut info.name);
            changed |=
                widgets::text_row(ui, pc, pc.t(T::Commissioner), &mut info.commissioner.name);
            changed |= widgets::text_row(
                ui,
                pc,
                pc.t(T::CommissionerContact),
                &mut info.commissioner.contact,
            );
            changed |= widgets::multiline_row(
                ui,
                pc,
                pc.t(T::CommissionerNotes),
                &mut info.commissioner.notes,
            );
            if let Some(party) = commissioner_party(ui, pc, info.commissioner.party) {
                info.commissioner.party = party;
                changed = true;
                pc.seal = true;
            }
            language_row(ui, pc);
            changed |= widgets::multiline_row(ui, pc, pc.t(T::Ambition), &mut info.ambition);
            if let Some(d) =
                widgets::date_row(ui, pc, pc.t(T::TermStart), "term-start", info.term_start)
            {
                info.term_start = d;
                changed = true;
            }
            if let Some(d) = widgets::date_row(ui, pc, pc.t(T::TermEnd), "term-end", info.term_end)
            {
                info.term_end = d;
                changed = true;
            }
            ui.label("");
            ui.horizontal(|ui| {
                // The button first: the months it sets appear after it,
                // not in front of it, so it stays under the pointer.
                if let Some(start) = info.term_start
                    && ui
                        .button(pc.t(T::ThreeYears))
                        .on_hover_text(pc.t(T::ThreeYearsHint))
                        .clicked()
                {
                    info.term_end = start
                        .checked_add_months(chrono::Months::new(36))
                        .and_then(|d| d.pred_opt());
                    changed = true;
                    pc.seal = true;
                }
                if let Some(months) = info.term_months() {
                    widgets::muted(ui, &pc.lang.count(T::TermMonths, months.max(0) as usize));
                }
            });
            ui.end_row();
        });
    });
    if changed {
        let edit = pc.alliance.set_info(info);
        pc.edit(edit);
    }
}

/// The alliance's language: a step of its own (the starter content that
/// nobody reworded follows it), so it is applied at once.
fn language_row(ui: &mut Ui, pc: &mut PanelCtx) {
    use crate::i18n::Lang;
    let label = pc.t(T::AllianceLanguage);
    ui.label(RichText::new(label).color(theme::MUTED));
    let current = Lang::of(pc.alliance);
    let mut chosen = current;
    let r = widgets::combo(
        ui,
        "alliance-language",
        label,
        current.native_name(),
        ui.available_width().clamp(120.0, 380.0),
        |ui| {
            for lang in Lang::ALL {
                ui.selectable_value(&mut chosen, lang, lang.native_name());
            }
        },
    );
    r.on_hover_text(pc.t(T::AllianceLanguageHint));
    ui.end_row();
    if chosen != current
        && let Some(edit) = pc.alliance.set_language(chosen.into())
    {
        pc.edit(edit);
        pc.seal = true;
    }
}

/// "The commissioner is also a party": the party the commissioner also is
/// (seed 004, several hats), or none. Returns the choice when it changed.
fn commissioner_party(ui: &mut Ui, pc: &PanelCtx, current: Option<Id>) -> Option<Option<Id>> {
    let a = pc.alliance;
    let label = pc.t(T::CommissionerIsParty);
    ui.label(RichText::new(label).color(theme::MUTED));
    let current = current.filter(|id| a.party(*id).is_some());
    let text = match current {
        Some(id) => a.party_name(Some(id)).to_string(),
        None => pc.t(T::CommissionerOnly).to_string(),
    };
    let mut chosen = current;
    let r = widgets::combo(
        ui,
        "commissioner-party",
        label,
        text,
        ui.available_width().clamp(120.0, 380.0),
        |ui| {
            ui.selectable_value(&mut chosen, None, pc.t(T::CommissionerOnly));
            for p in &a.parties {
                ui.selectable_value(&mut chosen, Some(p.id), &p.name);
            }
        },
    );
    r.on_hover_text(pc.t(T::CommissionerIsPartyHint));
    ui.end_row();
    (chosen != current).then_some(chosen)
}

fn overview(ui: &mut Ui, pc: &mut PanelCtx) {
    let a = pc.alliance;
    widgets::section(ui, pc.t(T::Overview));
    let active = a.people.iter().filter(|p| p.is_active_on(pc.today)).count();
    ui.horizontal(|ui| {
        for (n, key) in [
            (a.parties.len(), T::CountParties),
            (active, T::CountPeople),
            (a.bodies.len(), T::CountBodies),
        ] {
            ui.vertical(|ui| {
                ui.label(
                    RichText::new(n.to_string())
                        .size(30.0)
                        .family(theme::bold())
                        .color(theme::ACCENT),
                );
                widgets::muted(ui, pc.t(key));
            });
            ui.add_space(24.0);
        }
    });
    ui.add_space(8.0);
    widgets::muted(ui, pc.t(T::EqualVote));
    ui.add_space(8.0);
    ui.with_layout(Layout::top_down(Align::Min), |ui| {
        for party in &a.parties {
            ui.label(format!("•  {}", party.name));
        }
    });
}
