//! "Check-in op de spelregels via de telefoons" on a meeting's page: put
//! the adopted ground rules to the delegates' phones, see how many people
//! of each party scored (never what), and show the distribution to the
//! room, a commitment. The scores then count in the rules' trend.

use egui::{RichText, Ui};

use crate::domain::{Id, Meeting, RuleStatus};
use crate::i18n::T;

use super::theme;
use super::widgets::{self, PanelCtx};

/// The section's own state: the rules chosen for the next check-in
/// (`None`: every adopted rule).
#[derive(Default)]
pub struct CheckinSection {
    chosen: Option<std::collections::BTreeSet<Id>>,
}

impl CheckinSection {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx, meeting: &Meeting) {
        let a = pc.alliance;
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            // A long rule wraps inside the card, never widens the page.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            widgets::section(ui, pc.t(T::CheckinPhones));
            widgets::muted(ui, pc.t(T::CheckinPhonesIntro));
            ui.add_space(4.0);
            // The shown ones first, oldest first: what the room saw.
            for r in a.checkin_rounds_of(meeting.id).filter(|r| r.shown) {
                ui.label(
                    RichText::new(format!("✓ {}", pc.t(T::CheckinShownOn)))
                        .family(theme::bold())
                        .color(theme::DONE),
                );
                distribution(ui, pc, r.id);
                ui.add_space(6.0);
            }
            if let Some(open) = a.checkin_rounds_of(meeting.id).find(|r| !r.shown) {
                let result = a.checkin_result(open.id);
                ui.label(
                    RichText::new(format!(
                        "● {} {}.",
                        pc.t(T::CheckinOpenNow),
                        pc.lang.count(T::CheckinAnswered, result.people())
                    ))
                    .family(theme::bold()),
                );
                // Who took part, per party: how many, never what.
                let parties: Vec<String> = result
                    .respondents
                    .iter()
                    .map(|(p, n)| format!("{} ({n})", a.party_name(Some(*p))))
                    .collect();
                if !parties.is_empty() {
                    widgets::muted(ui, &parties.join(" · "));
                }
                for rule in &open.rules {
                    if let Some(g) = a.ground_rule(*rule) {
                        ui.label(format!("· {}", g.text));
                    }
                }
                let show = ui
                    .add_enabled(
                        !pc.read_only,
                        egui::Button::new(
                            RichText::new(pc.t(T::CheckinShow)).color(theme::ACCENT_TEXT),
                        )
                        .fill(theme::ACCENT),
                    )
                    .on_hover_text(pc.t(T::CheckinShowHint));
                widgets::muted(ui, pc.t(T::CheckinShowHint));
                if show.clicked()
                    && let Some(e) = a.show_checkin(open.id)
                {
                    pc.edit(e);
                    pc.seal = true;
                }
                return;
            }
            let adopted: Vec<&crate::domain::GroundRule> = a
                .ground_rules
                .iter()
                .filter(|r| r.status == RuleStatus::Adopted)
                .collect();
            if adopted.is_empty() {
                widgets::muted(ui, pc.t(T::CheckinNoAdopted));
                return;
            }
            widgets::muted(ui, pc.t(T::CheckinChoose));
            let chosen = self
                .chosen
                .get_or_insert_with(|| adopted.iter().map(|r| r.id).collect());
            for rule in &adopted {
                let mut on = chosen.contains(&rule.id);
                if ui.checkbox(&mut on, &rule.text).changed() {
                    if on {
                        chosen.insert(rule.id);
                    } else {
                        chosen.remove(&rule.id);
                    }
                }
            }
            let rules: Vec<Id> = adopted
                .iter()
                .map(|r| r.id)
                .filter(|id| chosen.contains(id))
                .collect();
            if ui
                .add_enabled(
                    !pc.read_only && !rules.is_empty(),
                    egui::Button::new(pc.t(T::CheckinOpen)),
                )
                .clicked()
            {
                pc.edit(a.open_checkin(meeting.id, rules));
                pc.seal = true;
                self.chosen = None;
            }
        });
    }
}

/// A shown check-in: per rule, how many gave each score, as bars, and the
/// mean (each party counting once).
fn distribution(ui: &mut Ui, pc: &PanelCtx, round: Id) {
    let a = pc.alliance;
    let result = a.checkin_result(round);
    widgets::muted(
        ui,
        &pc.lang
            .count(T::PhoneCheckinPeople, result.people())
            .replace(
                "{parties}",
                &pc.lang
                    .count(T::PhoneCheckinParties, result.respondents.len()),
            ),
    );
    for t in &result.rules {
        let text = a.ground_rule(t.rule).map_or("", |g| g.text.as_str());
        ui.label(RichText::new(text).family(theme::bold()));
        let most = t.counts.iter().copied().max().unwrap_or(0).max(1);
        ui.horizontal(|ui| {
            for (score, n) in t.counts.iter().enumerate() {
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(34.0, 52.0), egui::Sense::hover());
                // How many above the bar, the score below it.
                let h = 22.0 * *n as f32 / most as f32;
                let base = rect.top() + 36.0;
                let bar = egui::Rect::from_min_max(
                    egui::pos2(rect.left() + 6.0, base - h),
                    egui::pos2(rect.right() - 6.0, base),
                );
                ui.painter().rect_filled(bar, 2.0, theme::ACCENT);
                ui.painter().text(
                    egui::pos2(rect.center().x, base - h - 1.0),
                    egui::Align2::CENTER_BOTTOM,
                    format!("{n}×"),
                    egui::FontId::proportional(11.0),
                    theme::MUTED,
                );
                ui.painter().text(
                    egui::pos2(rect.center().x, rect.bottom()),
                    egui::Align2::CENTER_BOTTOM,
                    score.to_string(),
                    egui::FontId::proportional(12.0),
                    ui.visuals().text_color(),
                );
                let name = format!("{score}: {n}");
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
            }
            widgets::muted(
                ui,
                &match t.mean {
                    Some(m) => pc
                        .t(T::PhoneCheckinMean)
                        .replace("{mean}", &pc.lang.number(m)),
                    None => pc.t(T::PhoneCheckinNone).to_string(),
                },
            );
        });
    }
}
