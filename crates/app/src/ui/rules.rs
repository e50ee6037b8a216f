//! Relational ground rules: situations we never want again, the rules that
//! prevent them, their system owner and status, and check-ins on how well
//! each rule was kept (fist to five per party).

use egui::{RichText, Ui, Vec2};

use crate::domain::rules::{self, FIVE};
use crate::domain::{Checkin, GroundRule, Id, RuleLevel, RuleSet, RuleStatus, Situation};
use crate::i18n::T;

use super::command::UiCommand;
use super::theme;
use super::widgets::{self, PanelCtx};

/// The width of a rule's text beside the scores of a set's check-in.
const RULE_COLUMN: f32 = 320.0;

#[derive(Default)]
pub struct RulesPanel {
    new_situation: String,
    /// The rules whose check-in is open: opening one leaves the others
    /// as they are, so nothing above the one clicked closes and moves it.
    checkin_rules: std::collections::BTreeSet<Id>,
    checkin_date: Option<chrono::NaiveDate>,
    /// The set whose check-in is open, and the party being entered.
    checkin_set: Option<Id>,
    checkin_party: Option<Id>,
}

impl RulesPanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) -> Option<UiCommand> {
        let a = pc.alliance;
        let mut action = None;
        if widgets::page_header(ui, pc, T::NavRules, T::AddRule) {
            let id = a.next_id::<GroundRule>();
            pc.edit(a.insert(GroundRule {
                text: pc.t(T::NewRule).to_string(),
                ..GroundRule::default()
            }));
            widgets::focus_field(ui.ctx(), &pc.t(T::RuleText).replace("{n}", &id.to_string()));
            pc.seal = true;
        }
        widgets::muted(ui, pc.t(T::RulesIntro));
        ui.add_space(6.0);
        widgets::page_scroll(ui, "rules-page", |ui| {
            ui.add_enabled_ui(!pc.read_only, |ui| {
                theme::card().show(ui, |ui| {
                    ui.set_width(ui.available_width().min(900.0));
                    widgets::section(ui, pc.t(T::NeverAgain));
                    widgets::muted(ui, pc.t(T::NeverAgainHint));
                    for s in &a.situations {
                        ui.horizontal(|ui| {
                            let mut text = s.text.clone();
                            let r = ui.add(
                                egui::TextEdit::singleline(&mut text)
                                    .id_salt(("situation", s.id))
                                    .desired_width(
                                        (ui.available_width() - 130.0).clamp(200.0, 640.0),
                                    ),
                            );
                            widgets::name_widget(
                                ui,
                                &r,
                                &pc.t(T::SituationN).replace("{n}", &s.id.to_string()),
                            );
                            pc.watch(&r);
                            if r.changed() {
                                pc.edit(a.update(Situation { text, ..s.clone() }));
                            }
                            let used = a.ground_rules.iter().any(|r| r.situations.contains(&s.id));
                            if !used {
                                let label = pc.t(T::RemoveSituation);
                                let b = ui.small_button("✕").on_hover_text(label);
                                b.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Button, true, label)
                                });
                                if b.clicked() {
                                    pc.edit(crate::domain::Edit::Situation(
                                        crate::domain::Change {
                                            before: Some(s.clone()),
                                            after: None,
                                        },
                                    ));
                                    pc.seal = true;
                                }
                            }
                        });
                    }
                    ui.horizontal(|ui| {
                        let r = ui.add(
                            egui::TextEdit::singleline(&mut self.new_situation)
                                .id_salt("new-situation")
                                .hint_text(pc.t(T::SituationHint))
                                .desired_width((ui.available_width() - 130.0).clamp(200.0, 640.0)),
                        );
                        widgets::name_widget(ui, &r, pc.t(T::NewSituation));
                        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        let ready = !self.new_situation.trim().is_empty();
                        if (ui
                            .add_enabled(ready, egui::Button::new(format!("+  {}", pc.t(T::Add))))
                            .clicked()
                            || enter)
                            && ready
                        {
                            widgets::focus_field(
                                ui.ctx(),
                                &pc.t(T::SituationN)
                                    .replace("{n}", &a.next_id::<Situation>().to_string()),
                            );
                            pc.edit(a.insert(Situation {
                                id: 0,
                                text: self.new_situation.trim().to_string(),
                            }));
                            pc.seal = true;
                            self.new_situation.clear();
                        }
                    });
                });
                ui.add_space(10.0);
                if let Some(act) = self.sets(ui, pc) {
                    action = Some(act);
                }
                ui.add_space(10.0);
                let rules = &a.ground_rules;
                widgets::lazy_items(
                    ui,
                    "rules",
                    rules.len(),
                    8.0,
                    220.0,
                    |i| rules[i].id,
                    |ui, i| {
                        if let Some(act) = self.rule_card(ui, pc, &rules[i]) {
                            action = Some(act);
                        }
                    },
                );
            });
        });
        action
    }

    /// Long for a reason: one rule's card, field by field in the order it is read (text, level,
    /// owner, status, situations, check-ins).
    fn rule_card(
        &mut self,
        ui: &mut Ui,
        pc: &mut PanelCtx,
        rule: &GroundRule,
    ) -> Option<UiCommand> {
        let a = pc.alliance;
        let mut r = rule.clone();
        let mut changed = false;
        let mut action = None;
        let fill = match rule.status {
            RuleStatus::Adopted => theme::SHARED_BG,
            RuleStatus::Retired => theme::SIDEBAR,
            _ => theme::SURFACE,
        };
        theme::card().fill(fill).show(ui, |ui| {
            ui.set_width(ui.available_width().min(900.0));
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(pc.lang.rule_status(rule.status))
                        .family(theme::bold())
                        .color(if rule.status == RuleStatus::Adopted {
                            theme::DONE
                        } else {
                            theme::MUTED
                        }),
                );
                if rule.starter {
                    ui.label(
                        RichText::new(pc.t(T::StarterBadge))
                            .small()
                            .color(theme::WARN_FG),
                    );
                }
            });
            let label = pc.t(T::RuleText).replace("{n}", &rule.id.to_string());
            // An adopted rule is what the room decided: a change is a new
            // round, not an edit in place.
            let adopted = rule.status == RuleStatus::Adopted;
            // While the room votes on it, the text stands as proposed.
            let in_vote = a.rounds.iter().any(|r| {
                r.status == crate::domain::RoundStatus::Open
                    && match r.subject {
                        crate::domain::Subject::GroundRule(id) => id == rule.id,
                        // Put to the room with its whole set.
                        crate::domain::Subject::RuleSet(_) => a
                            .rule_proposals
                            .iter()
                            .any(|p| p.round == r.id && p.rule == rule.id),
                        _ => false,
                    }
            });
            let t = ui.add(
                egui::TextEdit::multiline(&mut r.text)
                    .id_salt(("rule-text", rule.id))
                    .interactive(!adopted && !in_vote)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            );
            widgets::name_widget(ui, &t, &label);
            pc.watch(&t);
            if t.changed() {
                r.starter = false;
                changed = true;
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(pc.t(T::Level)).color(theme::MUTED));
                let before = r.level;
                let in_a_set = r.rule_set.is_some_and(|s| a.rule_set(s).is_some());
                let name = pc.t(T::LevelOf).replace("{n}", &rule.id.to_string());
                ui.add_enabled_ui(!in_a_set, |ui| {
                    widgets::Combo::new(("level", rule.id), pc.lang.rule_level(r.level))
                        .named(&name)
                        .width(140.0)
                        .show(ui, |ui| {
                            for l in RuleLevel::ALL {
                                ui.selectable_value(&mut r.level, l, pc.lang.rule_level(l));
                            }
                        })
                });
                changed |= r.level != before;
                // In a set: the set's one owner guards it, and it has the
                // set's level.
                if !a.rule_sets.is_empty() {
                    ui.label(RichText::new(pc.t(T::InSet)).color(theme::MUTED));
                    let before = r.rule_set;
                    let current = r
                        .rule_set
                        .and_then(|s| a.rule_set(s))
                        .map(|s| s.name.clone())
                        .unwrap_or_else(|| pc.t(T::NoSet).to_string());
                    let name = pc.t(T::InSetOf).replace("{n}", &rule.id.to_string());
                    widgets::Combo::new(("rule-set", rule.id), current)
                        .named(&name)
                        .width(200.0)
                        .truncate()
                        .show(ui, |ui| {
                            ui.selectable_value(&mut r.rule_set, None, pc.t(T::NoSet));
                            for set in &a.rule_sets {
                                ui.selectable_value(&mut r.rule_set, Some(set.id), &set.name);
                            }
                        });
                    if r.rule_set != before {
                        if let Some(set) = r.rule_set.and_then(|s| a.rule_set(s)) {
                            r.level = set.level;
                        }
                        changed = true;
                    }
                }
                match r.rule_set.and_then(|s| a.rule_set(s)) {
                    Some(set) => {
                        let owner = set
                            .owner
                            .and_then(|p| a.person(p))
                            .map(|p| p.name.clone())
                            .unwrap_or_else(|| pc.t(T::NoOwner).to_string());
                        widgets::muted(ui, &pc.t(T::GuardedBySet).replace("{name}", &owner));
                    }
                    None => {
                        ui.label(RichText::new(pc.t(T::SystemOwner)).color(theme::MUTED));
                        let before = r.owner;
                        let name = pc.t(T::OwnerOf).replace("{n}", &rule.id.to_string());
                        widgets::person_combo(
                            ui,
                            pc,
                            ("owner", rule.id),
                            &name,
                            &mut r.owner,
                            pc.t(T::NoOwner),
                            200.0,
                        );
                        changed |= r.owner != before;
                    }
                }
                ui.label(RichText::new(pc.t(T::Status)).color(theme::MUTED));
                let before = r.status;
                let name = pc.t(T::RuleStatusOf).replace("{n}", &rule.id.to_string());
                widgets::combo(
                    ui,
                    ("rstatus", rule.id),
                    &name,
                    pc.lang.rule_status(r.status),
                    130.0,
                    |ui| {
                        // Adopted only through a consensus round; an adopted
                        // rule can only be retired by hand.
                        for s in RuleStatus::ALL
                            .into_iter()
                            .filter(|s| rules::settable_by_hand(rule.status, *s))
                        {
                            ui.selectable_value(&mut r.status, s, pc.lang.rule_status(s));
                        }
                    },
                );
                changed |= r.status != before;
            });
            if !a.situations.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(pc.t(T::Prevents)).color(theme::MUTED));
                    for s in &a.situations {
                        let mut on = r.situations.contains(&s.id);
                        if ui.checkbox(&mut on, &s.text).changed() {
                            if on {
                                r.situations.push(s.id);
                            } else {
                                r.situations.retain(|x| *x != s.id);
                            }
                            changed = true;
                        }
                    }
                });
            }
            ui.horizontal_wrapped(|ui| {
                if matches!(rule.status, RuleStatus::Draft | RuleStatus::Proposed)
                    && !in_vote
                    && ui.button(pc.t(T::ProposeInRound)).clicked()
                {
                    action = Some(UiCommand::Propose(crate::domain::Subject::GroundRule(
                        rule.id,
                    )));
                }
                if adopted
                    && !in_vote
                    && ui
                        .button(pc.t(T::ProposeChange))
                        .on_hover_text(pc.t(T::ProposeChangeHint))
                        .clicked()
                {
                    action = Some(UiCommand::Propose(crate::domain::Subject::GroundRule(
                        rule.id,
                    )));
                }
                if rule.status == RuleStatus::Adopted
                    && ui
                        .selectable_label(
                            self.checkin_rules.contains(&rule.id),
                            pc.t(T::CheckinButton),
                        )
                        .clicked()
                    && !self.checkin_rules.remove(&rule.id)
                {
                    self.checkin_rules.insert(rule.id);
                }
            });
            // The trend on a line of its own, one line always for an
            // adopted rule: the first score of a check-in does not push
            // the check-in's own fields down under the pointer.
            if rule.status == RuleStatus::Adopted {
                trend_line(ui, pc, &rules::trend(a, rule.id));
            }
            if self.checkin_rules.contains(&rule.id) {
                self.checkin(ui, pc, rule);
            }
        });
        if changed {
            pc.edit(a.update(r));
            pc.seal = true;
        }
        action
    }

    /// The sets of rules: one owner each, decided and checked in on as a
    /// whole.
    fn sets(&mut self, ui: &mut Ui, pc: &mut PanelCtx) -> Option<UiCommand> {
        let a = pc.alliance;
        let mut action = None;
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(900.0));
            ui.horizontal(|ui| {
                widgets::section(ui, pc.t(T::RuleSetsHeading));
                if ui.button(format!("+  {}", pc.t(T::AddRuleSet))).clicked() {
                    let id = a.next_id::<RuleSet>();
                    pc.edit(a.insert(RuleSet {
                        name: pc.t(T::NewRuleSet).to_string(),
                        level: RuleLevel::Board,
                        ..RuleSet::default()
                    }));
                    widgets::focus_field(
                        ui.ctx(),
                        &pc.t(T::RuleSetName).replace("{n}", &id.to_string()),
                    );
                    pc.seal = true;
                }
            });
            widgets::muted(ui, pc.t(T::RuleSetsHint));
            for set in &a.rule_sets {
                ui.add_space(6.0);
                if let Some(act) = self.set_card(ui, pc, set) {
                    action = Some(act);
                }
            }
        });
        action
    }

    fn set_card(&mut self, ui: &mut Ui, pc: &mut PanelCtx, set: &RuleSet) -> Option<UiCommand> {
        let a = pc.alliance;
        let mut action = None;
        let mut s = set.clone();
        let mut changed = false;
        let n = set.id.to_string();
        egui::Frame::new()
            .fill(theme::SURFACE)
            .stroke(egui::Stroke::new(1.0, theme::BORDER))
            .corner_radius(egui::CornerRadius::same(theme::RADIUS))
            .inner_margin(egui::Margin::same(10))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let r = ui.add(
                    egui::TextEdit::singleline(&mut s.name)
                        .id_salt(("set-name", set.id))
                        .font(egui::FontId::new(16.0, theme::bold()))
                        .desired_width(f32::INFINITY),
                );
                widgets::name_widget(ui, &r, &pc.t(T::RuleSetName).replace("{n}", &n));
                pc.watch(&r);
                changed |= r.changed();
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(pc.t(T::Level)).color(theme::MUTED));
                    let before = s.level;
                    let name = pc.t(T::RuleSetLevelOf).replace("{n}", &n);
                    widgets::combo(
                        ui,
                        ("set-level", set.id),
                        &name,
                        pc.lang.rule_level(s.level),
                        140.0,
                        |ui| {
                            for l in RuleLevel::ALL {
                                ui.selectable_value(&mut s.level, l, pc.lang.rule_level(l));
                            }
                        },
                    );
                    changed |= s.level != before;
                    ui.label(RichText::new(pc.t(T::SystemOwner)).color(theme::MUTED));
                    let before = s.owner;
                    let name = pc.t(T::RuleSetOwnerOf).replace("{n}", &n);
                    widgets::person_combo(
                        ui,
                        pc,
                        ("set-owner", set.id),
                        &name,
                        &mut s.owner,
                        pc.t(T::NoOwner),
                        220.0,
                    );
                    changed |= s.owner != before;
                });
                ui.label(
                    RichText::new(pc.t(T::RuleSetMandate))
                        .small()
                        .color(theme::MUTED),
                );
                let r = ui.add(
                    egui::TextEdit::singleline(&mut s.mandate)
                        .id_salt(("set-mandate", set.id))
                        .hint_text(pc.t(T::RuleSetMandateHint))
                        .desired_width(f32::INFINITY),
                );
                widgets::name_widget(ui, &r, &pc.t(T::RuleSetMandateOf).replace("{n}", &n));
                pc.watch(&r);
                changed |= r.changed();
                let rules = a.rules_in_set(set.id);
                let ids: Vec<Id> = rules.iter().map(|r| r.id).collect();
                widgets::muted(ui, &pc.lang.count(T::RulesInSet, rules.len()));
                let in_vote = a.rounds.iter().any(|r| {
                    r.subject == crate::domain::Subject::RuleSet(set.id)
                        && r.status == crate::domain::RoundStatus::Open
                });
                ui.horizontal_wrapped(|ui| {
                    if !rules.is_empty()
                        && !in_vote
                        && ui
                            .button(pc.t(T::ProposeSet))
                            .on_hover_text(pc.t(T::ProposeSetHint))
                            .clicked()
                    {
                        action = Some(UiCommand::Propose(crate::domain::Subject::RuleSet(set.id)));
                    }
                    if !rules.is_empty()
                        && ui
                            .selectable_label(self.checkin_set == Some(set.id), pc.t(T::SetCheckin))
                            .clicked()
                    {
                        self.checkin_set = if self.checkin_set == Some(set.id) {
                            None
                        } else {
                            Some(set.id)
                        };
                    }
                });
                // The set's trend on a line of its own, always one line:
                // the first score of a check-in moves nothing below it.
                if !rules.is_empty() {
                    trend_line(ui, pc, &rules::set_trend(a, &ids));
                }
                if self.checkin_set == Some(set.id) {
                    self.set_checkin(ui, pc, set, &rules);
                }
            });
        if changed {
            // Typing in a field is one step; a choice is a step of its own.
            let typed = s.name != set.name || s.mandate != set.mandate;
            pc.edit(a.update_rule_set(s));
            if !typed {
                pc.seal = true;
            }
        }
        action
    }

    /// A check-in over a whole set on any date: for one party at a time,
    /// a score for every rule of the set.
    fn set_checkin(
        &mut self,
        ui: &mut Ui,
        pc: &mut PanelCtx,
        set: &RuleSet,
        rules: &[&GroundRule],
    ) {
        let a = pc.alliance;
        let date = *self.checkin_date.get_or_insert(pc.today);
        widgets::muted(
            ui,
            &pc.t(T::SetCheckinHint)
                .replace("{date}", &pc.lang.date(date)),
        );
        ui.horizontal(|ui| {
            if let Some(d) = checkin_date(ui, pc, ("set-checkin-date", set.id), date) {
                self.checkin_date = Some(d);
            }
            let current = self
                .checkin_party
                .map(|p| a.party_name(Some(p)).to_string())
                .unwrap_or_else(|| pc.t(T::ChooseParty).to_string());
            widgets::combo(
                ui,
                ("set-checkin-party", set.id),
                pc.t(T::SetCheckinParty),
                current,
                240.0,
                |ui| {
                    for p in a.parties.iter().filter(|p| p.is_active_on(date)) {
                        ui.selectable_value(&mut self.checkin_party, Some(p.id), &p.name);
                    }
                },
            );
        });
        let Some(party) = self.checkin_party else {
            return;
        };
        egui::Grid::new(("set-checkin", set.id))
            .striped(true)
            .show(ui, |ui| {
                for rule in rules {
                    // The rule readable in its column (a cut label in a
                    // grid shrinks to its first word), whole on hover.
                    ui.allocate_ui(Vec2::new(RULE_COLUMN, 0.0), |ui| {
                        ui.set_width(RULE_COLUMN);
                        ui.add(egui::Label::new(&rule.text).wrap())
                            .on_hover_text(&rule.text);
                    });
                    let existing = a.checkins.iter().find(|c| {
                        c.round.is_none()
                            && c.rule == rule.id
                            && c.party == party
                            && c.date == Some(date)
                    });
                    for score in 0..=FIVE {
                        let selected = existing.is_some_and(|c| c.score == score);
                        let name = pc
                            .t(T::SetCheckinScore)
                            .replace("{rule}", &rule.text)
                            .replace("{n}", &score.to_string());
                        let b = ui.selectable_label(selected, score.to_string());
                        b.widget_info(|| {
                            egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name)
                        });
                        if b.clicked() {
                            pc.edit(a.checkin_set(party, date, &[(rule.id, score)]));
                            pc.seal = true;
                        }
                    }
                    ui.end_row();
                }
            });
    }

    fn checkin(&mut self, ui: &mut Ui, pc: &mut PanelCtx, rule: &GroundRule) {
        let a = pc.alliance;
        let date = *self.checkin_date.get_or_insert(pc.today);
        widgets::muted(
            ui,
            &pc.t(T::CheckinHint).replace("{date}", &pc.lang.date(date)),
        );
        // A check-in held last week can be entered afterwards.
        ui.horizontal(|ui| {
            if let Some(d) = checkin_date(ui, pc, ("checkin-date", rule.id), date) {
                self.checkin_date = Some(d);
            }
        });
        egui::Grid::new(("checkin", rule.id))
            .striped(true)
            .show(ui, |ui| {
                for p in &a.parties {
                    ui.label(&p.name);
                    let existing = a.checkins.iter().find(|c| {
                        c.round.is_none()
                            && c.rule == rule.id
                            && c.party == p.id
                            && c.date == Some(date)
                    });
                    for score in 0..=FIVE {
                        let selected = existing.is_some_and(|c| c.score == score);
                        let name = pc
                            .t(T::CheckinScore)
                            .replace("{party}", &p.name)
                            .replace("{n}", &score.to_string());
                        let b = ui.selectable_label(selected, score.to_string());
                        b.widget_info(|| {
                            egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name)
                        });
                        if b.clicked() {
                            let edit = match existing {
                                Some(c) => a.update(Checkin { score, ..c.clone() }),
                                None => a.insert(Checkin {
                                    id: 0,
                                    rule: rule.id,
                                    party: p.id,
                                    date: Some(date),
                                    score,
                                    ..Default::default()
                                }),
                            };
                            pc.edit(edit);
                            pc.seal = true;
                        }
                    }
                    ui.end_row();
                }
            });
    }
}

/// A rule's or a set's check-ins over time, on one line that is always
/// there (a blank one before the first check-in, so that the first score
/// moves nothing below it), whole on hover.
fn trend_line(ui: &mut Ui, pc: &PanelCtx, trend: &[(Option<chrono::NaiveDate>, f32, usize)]) {
    use samenspel_output::words::RoomWords;
    let line = pc.lang.trend(trend).unwrap_or_else(|| " ".into());
    ui.add(egui::Label::new(RichText::new(&line).color(theme::ACCENT)).truncate())
        .on_hover_text(&line);
}

/// The day a check-in was held (by default the day of the meeting): its
/// label and date field; the day typed, once it is a whole date.
fn checkin_date(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    id: impl std::hash::Hash + std::fmt::Debug,
    date: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    let label = ui.label(RichText::new(pc.t(T::CheckinDate)).color(theme::MUTED));
    let field = widgets::Buffered {
        name: pc.t(T::CheckinDate),
        label_id: Some(label.id),
        hint: "",
        width: 160.0,
        settled: None,
    };
    ui.vertical(|ui| widgets::date_field(ui, pc, field, id, Some(date)))
        .inner
        .flatten()
}
