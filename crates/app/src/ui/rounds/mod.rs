//! Consensus rounds: one proposal, one stance per party (entered by its
//! delegate, or by the facilitator from the room or the phone), hidden
//! until revealed all at once; the outcome by the rules of seed 000; and
//! amend, park or withdraw.

use egui::{RichText, Ui};

use crate::domain::consensus::{self, Outcome};
use crate::domain::{Id, Round, RoundStatus, Scale, Subject, Via, Vote};
use crate::i18n::{Lang, T};

use super::theme;
use super::widgets::{self, ListItem, PanelCtx};

mod forms;

#[derive(Default)]
pub struct RoundsPanel {
    pub selected: Option<Id>,
    filter: String,
    new_proposal: String,
    new_subject: Subject,
    new_scale: Scale,
    /// When the round was held (today unless entered afterwards).
    new_opened: Option<chrono::NaiveDate>,
    /// The body the new round is put to; `None`: the whole alliance.
    new_body: Option<Id>,
    creating: bool,
    vote_party: Option<Id>,
    vote_value: Option<u8>,
    vote_reason: String,
    vote_via: Via,
    vote_by: String,
    /// The round the vote and correction fields belong to: they are
    /// cleared whenever another round is shown, however it was chosen.
    form_round: Option<Id>,
    correction_reason: String,
    /// The day a correction counts from, when it was made at a later
    /// meeting than the round (none: the day the round was held).
    correction_on: Option<chrono::NaiveDate>,
    /// A decided round being put again: the round, why, and the day the
    /// new round is held (none: today).
    reopening: Option<(Id, String, Option<chrono::NaiveDate>)>,
    /// The amended proposal being written, and the round it amends.
    amendment: Option<(Id, String)>,
    /// In a round over a set of rules: the rules the stance objects to.
    vote_objections: Vec<Id>,
    /// The amended rule texts of a set being written (rule, text), and the
    /// round they amend.
    set_amendment: Option<(Id, Vec<(Id, String)>)>,
}

/// A subject as people read it.
pub fn subject_text(a: &crate::domain::Alliance, lang: Lang, subject: Subject) -> String {
    match subject {
        Subject::Free => lang.tr(T::SubjectFree).to_string(),
        Subject::GroundRule(id) => format!(
            "{}: {}",
            lang.tr(T::SubjectRule),
            a.ground_rule(id).map(|r| r.text.as_str()).unwrap_or("—")
        ),
        Subject::FocalPoint(id) => format!(
            "{}: {}",
            lang.tr(T::SubjectFocalPoint),
            a.focal_point(id).map(|f| f.name.as_str()).unwrap_or("—")
        ),
        Subject::StrategyMap => lang.tr(T::SubjectMap).to_string(),
        Subject::RuleSet(id) => format!(
            "{}: {}",
            lang.tr(T::SubjectRuleSet),
            a.rule_set(id).map(|s| s.name.as_str()).unwrap_or("—")
        ),
        Subject::Covenant(id) => {
            let title = a
                .covenant_versions
                .iter()
                .find(|v| v.id == id)
                .map(|v| format!("{} (v{})", v.title, v.number))
                .unwrap_or_else(|| "—".into());
            // "Northgate Covenant (v1)", not "Covenant: Northgate Covenant".
            let word = lang.tr(T::SubjectCovenant);
            if title.to_lowercase().contains(&word.to_lowercase()) {
                title
            } else {
                format!("{word}: {title}")
            }
        }
    }
}

impl RoundsPanel {
    /// Show another round; what was half entered for the previous one is
    /// dropped, so it cannot end up in this one.
    fn select(&mut self, round: Option<Id>) {
        self.selected = round;
        self.creating = false;
        self.vote_party = None;
        self.vote_value = None;
        self.vote_reason.clear();
        self.correction_reason.clear();
        self.correction_on = None;
        self.form_round = round;
        self.amendment = None;
        self.reopening = None;
        self.vote_objections.clear();
        self.set_amendment = None;
    }

    /// Start the form for a new round on a subject (from another panel).
    pub fn propose(&mut self, proposal: String, subject: Subject) {
        self.creating = true;
        self.new_proposal = proposal;
        self.new_subject = subject;
        self.new_scale = Scale::Consent;
    }

    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        if self.selected.is_some_and(|id| a.round(id).is_none()) && !self.creating {
            self.selected = None;
        }
        if self.selected.is_none() && !self.creating {
            self.selected = a.rounds.last().map(|r| r.id);
        }
        ui.horizontal(|ui| {
            widgets::page_title(ui, pc.t(T::NavRounds));
            ui.add_space(16.0);
            ui.add_enabled_ui(!pc.read_only, |ui| {
                if widgets::primary(ui, &format!("+  {}", pc.t(T::NewRound))).clicked() {
                    self.creating = true;
                    self.new_proposal.clear();
                    self.new_subject = Subject::Free;
                }
            });
        });
        widgets::muted(ui, pc.t(T::RoundsIntro));
        ui.add_space(6.0);
        let items: Vec<ListItem> = a
            .rounds
            .iter()
            .rev()
            .map(|r| ListItem {
                id: r.id,
                title: r.proposal.clone(),
                subtitle: format!(
                    "{} · {}",
                    pc.lang.round_status(r.status),
                    r.opened.map(|d| pc.lang.date(d)).unwrap_or_default()
                ),
            })
            .collect();
        let selected = self.selected;
        let mut clicked = None;
        widgets::master_detail(ui, "rounds", selected, |ui, side| match side {
            widgets::Side::List => {
                clicked =
                    widgets::master_list(ui, pc, "round-list", &items, selected, &mut self.filter);
            }
            widgets::Side::Detail => {
                if self.creating {
                    self.create(ui, pc);
                } else if let Some(round) = selected.and_then(|id| a.round(id)) {
                    self.detail(ui, pc, round);
                } else {
                    widgets::muted(ui, pc.t(T::NoRounds));
                }
            }
        });
        if clicked.is_some() && clicked != self.selected {
            self.select(clicked);
        }
    }

    fn create(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        widgets::section(ui, pc.t(T::NewRound));
        let label = ui.label(RichText::new(pc.t(T::Proposal)).color(theme::MUTED));
        ui.add(
            egui::TextEdit::multiline(&mut self.new_proposal)
                .id_salt("new-proposal")
                .desired_rows(3)
                .desired_width(620.0),
        )
        .labelled_by(label.id);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(pc.t(T::Subject)).color(theme::MUTED));
            widgets::combo(
                ui,
                "new-subject",
                pc.t(T::Subject),
                subject_text(a, pc.lang, self.new_subject),
                420.0,
                |ui| {
                    ui.selectable_value(&mut self.new_subject, Subject::Free, pc.t(T::SubjectFree));
                    ui.selectable_value(
                        &mut self.new_subject,
                        Subject::StrategyMap,
                        pc.t(T::SubjectMap),
                    );
                    for r in &a.ground_rules {
                        let s = Subject::GroundRule(r.id);
                        ui.selectable_value(&mut self.new_subject, s, subject_text(a, pc.lang, s));
                    }
                    for f in &a.focal_points {
                        let s = Subject::FocalPoint(f.id);
                        ui.selectable_value(&mut self.new_subject, s, subject_text(a, pc.lang, s));
                    }
                    for set in a
                        .rule_sets
                        .iter()
                        .filter(|s| !a.rules_in_set(s.id).is_empty())
                    {
                        let s = Subject::RuleSet(set.id);
                        ui.selectable_value(&mut self.new_subject, s, subject_text(a, pc.lang, s));
                    }
                    for v in a.covenant_versions.iter().filter(|v| !v.is_frozen()) {
                        let s = Subject::Covenant(v.id);
                        ui.selectable_value(&mut self.new_subject, s, subject_text(a, pc.lang, s));
                    }
                },
            );
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(pc.t(T::ScaleLabel)).color(theme::MUTED));
            for s in Scale::ALL {
                ui.radio_value(&mut self.new_scale, s, pc.lang.scale(s));
            }
        });
        // A round held last week can be entered afterwards.
        let shown = self.new_opened.unwrap_or(pc.today);
        if let Some(d) = held_on_field(ui, pc, "new-round-date", shown) {
            self.new_opened = Some(d);
        }
        // A round can be put to one body: its seated parties decide
        // ("de bestuurstafel besluit").
        if self.new_body.is_some_and(|b| a.body(b).is_none()) {
            self.new_body = None;
        }
        if !a.bodies.is_empty() {
            ui.horizontal(|ui| {
                let label = ui.label(RichText::new(pc.t(T::PutTo)).color(theme::MUTED));
                let name = |b: Option<Id>| match b.and_then(|b| a.body(b)) {
                    Some(body) => body.name.clone(),
                    None => pc.t(T::WholeAlliance).to_string(),
                };
                widgets::Combo::new("new-body", name(self.new_body))
                    .labelled_by(label.id)
                    .width(300.0)
                    .show(ui, |ui| {
                        ui.selectable_value(&mut self.new_body, None, name(None));
                        for b in &a.bodies {
                            ui.selectable_value(&mut self.new_body, Some(b.id), &b.name);
                        }
                    });
            });
        }
        let opened = self.new_opened.unwrap_or(pc.today);
        let voters = match self.new_body {
            Some(b) => a.voters_of_body(b, opened).len(),
            None => a.parties.iter().filter(|p| p.is_active_on(opened)).count(),
        };
        match self.new_body.and_then(|b| a.body(b)) {
            Some(body) if voters == 0 => {
                ui.colored_label(
                    theme::DANGER,
                    pc.t(T::NoVotersInBody).replace("{body}", &body.name),
                );
            }
            Some(body) => {
                widgets::muted(
                    ui,
                    &pc.lang
                        .count(T::BodyVotersNote, voters)
                        .replace("{body}", &body.name),
                );
            }
            None => {
                widgets::muted(ui, &pc.lang.count(T::VotersNote, voters));
            }
        }
        ui.horizontal(|ui| {
            let ready = !self.new_proposal.trim().is_empty() && voters > 0 && !pc.read_only;
            if ui
                .add_enabled(
                    ready,
                    egui::Button::new(RichText::new(pc.t(T::OpenRound)).color(theme::ACCENT_TEXT))
                        .fill(theme::ACCENT),
                )
                .clicked()
            {
                let proposal = self.new_proposal.trim().to_string();
                let opened = self.new_opened.take().unwrap_or(pc.today);
                // A whole set: the round and each rule's text as put.
                let set_round = match self.new_subject {
                    Subject::RuleSet(set) => a.open_set_round(
                        set,
                        proposal.clone(),
                        self.new_scale,
                        opened,
                        self.new_body,
                    ),
                    _ => None,
                };
                pc.edit(set_round.unwrap_or_else(|| {
                    a.open_round_in(
                        proposal,
                        self.new_subject,
                        self.new_scale,
                        opened,
                        None,
                        self.new_body,
                    )
                }));
                pc.seal = true;
                self.selected = Some(a.next_id::<Round>());
                self.creating = false;
            }
            if ui.button(pc.t(T::Cancel)).clicked() {
                self.creating = false;
            }
        });
    }

    /// Long for a reason: one round from proposal to outcome, in the order the room goes
    /// through it; the forms beside it are in `forms.rs` and `vote_form`.
    fn detail(&mut self, ui: &mut Ui, pc: &mut PanelCtx, round: &Round) {
        let a = pc.alliance;
        // The round's stances by party, looked up once per frame.
        let cast = crate::domain::consensus::cast_by(round, &a.votes);
        if self.form_round != Some(round.id) {
            // Shown from elsewhere (the decision log, a meeting, a new
            // round): nothing half-entered for another round comes along.
            self.select(Some(round.id));
        }
        ui.label(
            RichText::new(&round.proposal)
                .size(19.0)
                .family(theme::bold()),
        );
        widgets::muted(
            ui,
            &format!(
                "{} · {} · {} {}{}",
                subject_text(a, pc.lang, round.subject),
                pc.lang.scale(round.scale),
                pc.t(T::Opened),
                round.opened.map(|d| pc.lang.date(d)).unwrap_or_default(),
                decided_by(a, pc.lang, round)
            ),
        );
        // Put again after a decision: why, in view at the top.
        if consensus::reopens(&a.rounds, round)
            && let Some(before) = round.previous.and_then(|p| a.round(p))
        {
            ui.label(
                RichText::new(
                    pc.t(T::ReopensRound)
                        .replace("{n}", &before.id.to_string())
                        .replace(
                            "{date}",
                            &before.decided.map(|d| pc.lang.date(d)).unwrap_or_default(),
                        )
                        .replace("{reason}", &round.note),
                )
                .color(theme::WARN_FG),
            );
        }
        let chain = consensus::history(&a.rounds, round.id);
        if chain.len() > 1 {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(pc.t(T::History)).color(theme::MUTED));
                for id in &chain {
                    if let Some(r) = a.round(*id) {
                        let text = format!("#{} {}", r.id, pc.lang.round_status(r.status));
                        if ui.selectable_label(*id == round.id, text).clicked() && *id != round.id {
                            self.select(Some(*id));
                        }
                    }
                }
            });
        }
        if matches!(round.subject, Subject::RuleSet(_)) {
            set_rules(ui, pc, round);
        }
        ui.add_space(6.0);
        // The stances: hidden until revealed.
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            widgets::section(ui, pc.t(T::Stances));
            // A region's hundreds of voters: only the rows in view are
            // built, each other row keeps the height it had when drawn.
            let voters: Vec<&crate::domain::Party> = round
                .voters
                .iter()
                .filter_map(|p| a.party(*p))
                .filter(|p| a.votes_in(p, round))
                .collect();
            let mut rows =
                widgets::LazyGridRows::new(ui, ("stances", round.id), voters.len(), 6.0, 44.0);
            egui::Grid::new(("stances", round.id))
                .striped(true)
                .spacing([14.0, 6.0])
                .show(ui, |ui| {
                    for party in voters {
                        if rows.skip(ui, party.id) {
                            continue;
                        }
                        let via = cast
                            .get(&party.id)
                            .copied()
                            .map(|v| {
                                let when = super::room::when(pc, &v.entered_at);
                                format!("{} · {} · {when}", pc.lang.via(v.via), v.entered_by)
                            })
                            .unwrap_or_default();
                        ui.label(&party.name);
                        let line = |ui: &mut Ui, text: RichText| {
                            ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
                        };
                        match cast.get(&party.id).copied() {
                            None if round.absent.contains(&party.id) => {
                                ui.vertical(|ui| {
                                    ui.set_min_width(STATUS_WIDTH);
                                    line(
                                        ui,
                                        RichText::new(format!("— {}", pc.t(T::Absent)))
                                            .color(theme::MUTED),
                                    );
                                    line(ui, RichText::new(" ").small());
                                });
                            }
                            None => {
                                // Two lines, as a cast stance has: the form
                                // below does not jump with each vote.
                                ui.vertical(|ui| {
                                    ui.set_min_width(STATUS_WIDTH);
                                    line(
                                        ui,
                                        RichText::new(format!("○ {}", pc.t(T::NotYet)))
                                            .color(theme::MUTED),
                                    );
                                    line(ui, RichText::new(" ").small());
                                });
                            }
                            Some(_) if !round.revealed => {
                                ui.vertical(|ui| {
                                    ui.set_min_width(STATUS_WIDTH);
                                    line(
                                        ui,
                                        RichText::new(format!("✓ {}", pc.t(T::HasVoted)))
                                            .color(theme::DONE),
                                    );
                                    line(ui, RichText::new(&via).small().color(theme::MUTED));
                                });
                            }
                            Some(v) => {
                                let blocks = round.scale.blocks(v.value);
                                let text = pc.lang.scale_value(round.scale, v.value);
                                let mut rich = RichText::new(text).family(theme::bold());
                                if blocks {
                                    rich = rich.color(theme::DANGER);
                                }
                                ui.vertical(|ui| {
                                    // Reasons and corrections wrap at the
                                    // column's width; the stance and who
                                    // entered it stay on one line each.
                                    ui.set_width(STATUS_WIDTH + 60.0);
                                    line(ui, rich);
                                    if !v.reason.is_empty() {
                                        ui.label(RichText::new(format!("“{}”", v.reason)).small());
                                    }
                                    if blocks {
                                        for o in a.objections_of(round.id, party.id) {
                                            let rule = a
                                                .proposals_of(round.id)
                                                .into_iter()
                                                .find(|p| p.rule == o.rule)
                                                .map(|p| p.text.clone())
                                                .unwrap_or_default();
                                            ui.label(
                                                RichText::new(
                                                    pc.t(T::ObjectsToRule).replace("{rule}", &rule),
                                                )
                                                .small()
                                                .color(theme::DANGER),
                                            );
                                        }
                                    }
                                    line(ui, RichText::new(&via).small().color(theme::MUTED));
                                    for c in &v.corrections {
                                        ui.label(
                                            RichText::new(correction_text(pc.lang, round, c))
                                                .small()
                                                .color(theme::WARN_FG),
                                        );
                                    }
                                });
                            }
                        }
                        ui.end_row();
                    }
                });
            rows.finish(ui);
            let late: Vec<&str> = a
                .parties
                .iter()
                .filter(|p| !round.voters.contains(&p.id))
                .map(|p| p.name.as_str())
                .collect();
            if !late.is_empty() {
                widgets::muted(
                    ui,
                    &pc.t(T::LateParties).replace("{names}", &late.join(", ")),
                );
            }
            widgets::absent_note(ui, pc, &round.absent);
            if !round.revealed && !pc.read_only && round.status == RoundStatus::Open {
                ui.add_space(6.0);
                // Reveal all at once: only when every voting party has cast,
                // or the missing ones were recorded absent. Nothing here
                // depends on what was cast.
                let waiting = !a.can_reveal(round);
                if waiting {
                    widgets::muted(ui, pc.t(T::RevealWhenAll));
                    if !a.missing_voters(round).is_empty()
                        && ui
                            .button(pc.t(T::RecordAbsent))
                            .on_hover_text(pc.t(T::RecordAbsentHint))
                            .clicked()
                        && let Some(e) = a.record_absent(round.id)
                    {
                        pc.edit(e);
                        pc.seal = true;
                    }
                }
                if ui
                    .add_enabled(
                        !waiting,
                        egui::Button::new(
                            RichText::new(pc.t(T::RevealAll)).color(theme::ACCENT_TEXT),
                        )
                        .fill(theme::ACCENT),
                    )
                    .clicked()
                {
                    pc.edit(a.update(Round {
                        revealed: true,
                        ..round.clone()
                    }));
                    pc.seal = true;
                }
            }
        });
        if round.status == RoundStatus::Open && !pc.read_only {
            ui.add_space(8.0);
            if round.revealed {
                self.correction_form(ui, pc, round);
            } else {
                self.vote_form(ui, pc, round);
            }
        }
        ui.add_space(8.0);
        self.outcome(ui, pc, round);
    }

    /// Long for a reason: the stance form, field by field as the facilitator records a stance.
    fn vote_form(&mut self, ui: &mut Ui, pc: &mut PanelCtx, round: &Round) {
        let a = pc.alliance;
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            widgets::section(ui, pc.t(T::EnterStance));
            ui.horizontal_wrapped(|ui| {
                let voters: Vec<Id> = round
                    .voters
                    .iter()
                    .copied()
                    .filter(|p| !round.absent.contains(p))
                    .filter(|p| a.party(*p).is_some_and(|x| a.votes_in(x, round)))
                    .collect();
                party_picker(ui, pc, "vote-party", &voters, &mut self.vote_party);
                ui.label(RichText::new(pc.t(T::Via)).color(theme::MUTED));
                for v in [Via::Delegate, Via::InRoom, Via::Phone] {
                    ui.radio_value(&mut self.vote_via, v, pc.lang.via(v));
                }
            });
            ui.horizontal_wrapped(|ui| {
                value_buttons(ui, pc, round, None, &mut self.vote_value);
            });
            let blocks = self.vote_value.is_some_and(|v| round.scale.blocks(v));
            let hint = if blocks {
                pc.t(T::ReasonRequired)
            } else {
                pc.t(T::ReasonOptional)
            };
            let r = ui.add(
                egui::TextEdit::singleline(&mut self.vote_reason)
                    .id_salt("vote-reason")
                    .hint_text(hint)
                    .desired_width(600.0),
            );
            widgets::name_widget(ui, &r, pc.t(T::Reason));
            // A stance the party cast itself with its ballot card changes
            // here only as a correction, with its reason.
            let from_card = self
                .vote_party
                .and_then(|p| a.vote(round.id, p))
                .filter(|v| v.via == Via::Ballot);
            if let Some(v) = from_card {
                ui.label(
                    RichText::new(
                        pc.t(T::RoundBallotOverride)
                            .replace("{party}", a.party_name(Some(v.party))),
                    )
                    .color(theme::WARN_FG),
                );
                let r = ui.add(
                    egui::TextEdit::singleline(&mut self.correction_reason)
                        .id_salt("override-reason")
                        .hint_text(pc.t(T::CorrectionReasonHint))
                        .desired_width(600.0),
                );
                widgets::name_widget(ui, &r, pc.t(T::CorrectionReason));
            }
            // Against a whole set, an objection names its rules.
            let in_set = matches!(round.subject, Subject::RuleSet(_));
            if in_set && blocks {
                ui.label(RichText::new(pc.t(T::ObjectsTo)).color(theme::MUTED));
                for p in a.proposals_of(round.id) {
                    let mut on = self.vote_objections.contains(&p.rule);
                    let label = pc.t(T::ObjectsToRule).replace("{rule}", &p.text);
                    let c = ui.checkbox(&mut on, &p.text);
                    c.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, &label)
                    });
                    if c.changed() {
                        if on {
                            self.vote_objections.push(p.rule);
                        } else {
                            self.vote_objections.retain(|r| *r != p.rule);
                        }
                    }
                }
            }
            let objections_ok = !in_set || !blocks || !self.vote_objections.is_empty();
            ui.horizontal(|ui| {
                self.entered_by_field(ui, pc, "vote-by");
                let ready = self.vote_party.is_some()
                    && self.vote_value.is_some()
                    && objections_ok
                    && (!blocks || !self.vote_reason.trim().is_empty())
                    && (from_card.is_none() || !self.correction_reason.trim().is_empty());
                if ui
                    .add_enabled(
                        ready,
                        egui::Button::new(format!("✓  {}", pc.t(T::RecordStance))),
                    )
                    .clicked()
                    && let (Some(party), Some(value)) = (self.vote_party, self.vote_value)
                {
                    let by = self.entered_by(pc);
                    let stance = Vote {
                        id: 0,
                        round: round.id,
                        party,
                        value,
                        reason: self.vote_reason.trim().to_string(),
                        via: self.vote_via,
                        entered_by: by,
                        entered_at: pc.stamp(),
                        corrections: Vec::new(),
                    };
                    let edit = match from_card {
                        Some(_) => a.override_ballot_vote(stance, &self.correction_reason),
                        None if in_set => {
                            let objections: Vec<(Id, String)> = self
                                .vote_objections
                                .iter()
                                .map(|r| (*r, self.vote_reason.trim().to_string()))
                                .collect();
                            Some(a.put_set_vote(stance, &objections))
                        }
                        None => Some(a.put_vote(stance)),
                    };
                    if let Some(edit) = edit {
                        pc.edit(edit);
                    }
                    self.correction_reason.clear();
                    pc.seal = true;
                    self.vote_value = None;
                    self.vote_reason.clear();
                    self.vote_objections.clear();
                    // Who entered it belonged to that party's stance: the
                    // next party's starts empty (the facilitator), not
                    // with the last delegate's name.
                    self.vote_by.clear();
                    // On to the next party that has not voted.
                    self.vote_party = round.voters.iter().copied().find(|p| {
                        *p != party
                            && !round.absent.contains(p)
                            && a.vote(round.id, *p).is_none()
                            && a.party(*p).is_some_and(|x| a.votes_in(x, round))
                    });
                }
            });
            if blocks && self.vote_reason.trim().is_empty() {
                ui.label(
                    RichText::new(pc.t(T::ReasonRequired))
                        .color(theme::DANGER)
                        .small(),
                );
            } else if !objections_ok {
                ui.label(
                    RichText::new(pc.t(T::ObjectionNeedsRule))
                        .color(theme::DANGER)
                        .small(),
                );
            } else if self.vote_party.is_none() || self.vote_value.is_none() {
                // Why "Vastleggen" is not yet possible.
                ui.label(
                    RichText::new(pc.t(T::ChoosePartyAndStance))
                        .color(theme::MUTED)
                        .small(),
                );
            } else {
                // The line keeps its place: the form does not shrink under
                // the pointer (scrolled to the bottom, everything above it
                // would move down) when a party and a stance are chosen.
                ui.label(RichText::new(" ").small());
            }
        });
    }

    fn outcome(&mut self, ui: &mut Ui, pc: &mut PanelCtx, round: &Round) {
        let a = pc.alliance;
        let outcome = a.outcome(round);
        let names = |ids: &[Id]| {
            ids.iter()
                .map(|p| a.party_name(Some(*p)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (text, color) = match (&outcome, round.status) {
            (_, RoundStatus::Adopted) => (pc.t(T::OutcomeAdopted).to_string(), theme::DONE),
            (_, s) if s.is_closed() => (pc.lang.round_status(s).to_string(), theme::MUTED),
            (_, _) if !round.revealed => (pc.t(T::OutcomeHidden).to_string(), theme::MUTED),
            (Outcome::Waiting { missing }, _) => (
                pc.t(T::OutcomeWaiting).replace("{names}", &names(missing)),
                theme::WARN_FG,
            ),
            (Outcome::Blocked { by }, _) => (
                pc.t(T::OutcomeBlocked).replace("{names}", &names(by)),
                theme::DANGER,
            ),
            (Outcome::Adoptable { reservations }, _) if reservations.is_empty() => {
                (pc.t(T::OutcomeAdoptable).to_string(), theme::DONE)
            }
            (Outcome::Adoptable { reservations }, _) => (
                pc.t(T::OutcomeReservations)
                    .replace("{names}", &names(reservations)),
                theme::DONE,
            ),
        };
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            widgets::section(ui, pc.t(T::Outcome));
            ui.label(RichText::new(text).color(color).size(16.0));
            if round.status.is_closed() {
                if let Some(d) = round.decided {
                    widgets::muted(ui, &format!("{} {}", pc.t(T::Decided), pc.lang.date(d)));
                }
                if !round.note.is_empty() && !consensus::reopens(&a.rounds, round) {
                    ui.label(&round.note);
                }
                for r in consensus::reopenings(&a.rounds, round.id) {
                    let text = pc
                        .t(T::ReopenedOn)
                        .replace(
                            "{date}",
                            &r.opened.map(|d| pc.lang.date(d)).unwrap_or_default(),
                        )
                        .replace("{reason}", &r.note);
                    if ui
                        .link(RichText::new(format!("{text} → #{}", r.id)).color(theme::WARN_FG))
                        .clicked()
                    {
                        self.select(Some(r.id));
                    }
                }
                if round.status != RoundStatus::Amended && !pc.read_only {
                    self.reopen_form(ui, pc, round);
                }
                return;
            }
            if pc.read_only || !round.revealed {
                return;
            }
            ui.horizontal_wrapped(|ui| {
                let adoptable = matches!(outcome, Outcome::Adoptable { .. });
                if ui
                    .add_enabled(
                        adoptable,
                        egui::Button::new(RichText::new(pc.t(T::Adopt)).color(theme::ACCENT_TEXT))
                            .fill(theme::DONE),
                    )
                    .clicked()
                    && let Some(e) =
                        a.conclude_round(round.id, RoundStatus::Adopted, pc.today, String::new())
                {
                    pc.edit(e);
                    pc.seal = true;
                }
                for (status, key) in [
                    (RoundStatus::Parked, T::Park),
                    (RoundStatus::Withdrawn, T::Withdraw),
                ] {
                    if ui.button(pc.t(key)).clicked()
                        && let Some(e) = a.conclude_round(round.id, status, pc.today, String::new())
                    {
                        pc.edit(e);
                        pc.seal = true;
                    }
                }
            });
            if matches!(round.subject, Subject::RuleSet(_))
                && matches!(outcome, Outcome::Blocked { .. } | Outcome::Adoptable { .. })
            {
                ui.add_space(6.0);
                self.amend_set(ui, pc, round);
                return;
            }
            if matches!(outcome, Outcome::Blocked { .. } | Outcome::Adoptable { .. }) {
                ui.add_space(6.0);
                // Each round's amendment starts from its own proposal.
                if self
                    .amendment
                    .as_ref()
                    .is_none_or(|(id, _)| *id != round.id)
                {
                    self.amendment = Some((round.id, round.proposal.clone()));
                }
                let Some((_, amendment)) = self.amendment.as_mut() else {
                    return;
                };
                let label = ui.label(RichText::new(pc.t(T::Amendment)).color(theme::MUTED));
                ui.add(
                    egui::TextEdit::multiline(amendment)
                        .id_salt("amendment")
                        .desired_rows(2)
                        .desired_width(620.0),
                )
                .labelled_by(label.id);
                let text = amendment.trim().to_string();
                if ui
                    .add_enabled(!text.is_empty(), egui::Button::new(pc.t(T::AmendAndRerun)))
                    .clicked()
                    && let Some(e) = a.amend_round(round.id, text, pc.today)
                {
                    pc.edit(e);
                    pc.seal = true;
                    self.select(Some(a.next_id::<Round>()));
                }
            }
        });
    }
}

/// "Gehouden op": the day something was held at a meeting, showing
/// `shown`; the day typed, once one is.
fn held_on_field(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    shown: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(pc.t(T::HeldOn)).color(theme::MUTED));
        let field = widgets::Buffered {
            name: pc.t(T::HeldOn),
            label_id: Some(label.id),
            hint: "",
            width: 160.0,
            settled: None,
        };
        ui.vertical(|ui| widgets::date_field(ui, pc, field, id_salt, Some(shown)))
            .inner
            .flatten()
    })
    .inner
}

/// The choice of the party whose stance is entered or corrected.
fn party_picker(
    ui: &mut Ui,
    pc: &PanelCtx,
    id_salt: &str,
    parties: &[Id],
    chosen: &mut Option<Id>,
) {
    let a = pc.alliance;
    let current = chosen
        .map(|id| a.party_name(Some(id)).to_string())
        .unwrap_or_else(|| pc.t(T::ChooseParty).to_string());
    widgets::combo(ui, id_salt, pc.t(T::StanceOf), current, 240.0, |ui| {
        for p in parties.iter().filter_map(|p| a.party(*p)) {
            ui.selectable_value(chosen, Some(p.id), &p.name);
        }
    });
}

/// The values of the round's scale as buttons, a blocking one in red.
/// `current`: for a correction, the value the stance has now (`Some(None)`
/// while no party is chosen), which cannot be chosen again.
fn value_buttons(
    ui: &mut Ui,
    pc: &PanelCtx,
    round: &Round,
    current: Option<Option<u8>>,
    chosen: &mut Option<u8>,
) {
    for value in round.scale.values() {
        let mut rich = RichText::new(pc.lang.scale_value(round.scale, value));
        if round.scale.blocks(value) {
            rich = rich.color(theme::DANGER);
        }
        let enabled = current.is_none_or(|was| was.is_some() && was != Some(value));
        if ui
            .add_enabled(
                enabled,
                egui::Button::selectable(*chosen == Some(value), rich),
            )
            .clicked()
        {
            *chosen = Some(value);
        }
    }
}

/// The width of the stance column, so that a status stays on one line.
const STATUS_WIDTH: f32 = 300.0;

/// A correction of a revealed stance, in words.
pub fn correction_text(lang: Lang, round: &Round, c: &crate::domain::Correction) -> String {
    // The day it counts from (the meeting it was made at); the moment it
    // was typed in only when that is all there is.
    let when = match c.on {
        Some(on) => lang.tr(T::HeldOnDate).replace("{date}", &lang.date(on)),
        None => chrono::DateTime::parse_from_rfc3339(&c.at)
            .map(|t| {
                let local = t.with_timezone(&chrono::Local);
                format!(
                    "{} {}",
                    lang.date(local.date_naive()),
                    local.format("%H:%M")
                )
            })
            .unwrap_or_default(),
    };
    lang.tr(T::Corrected)
        .replace("{from}", &lang.scale_value(round.scale, c.from))
        .replace("{to}", &lang.scale_value(round.scale, c.to))
        .replace("{reason}", &c.reason)
        .replace("{by}", &c.by)
        .replace("{when}", &when)
}

/// " · put to the board table" for a round put to one body; empty for the
/// whole alliance.
pub fn decided_by(a: &crate::domain::Alliance, lang: crate::i18n::Lang, round: &Round) -> String {
    round
        .body
        .and_then(|b| a.body(b))
        .map(|b| format!(" · {}", lang.tr(T::PutToBody).replace("{body}", &b.name)))
        .unwrap_or_default()
}

/// The rules a round over a whole set decides, as put to the room; after
/// the reveal, who objected to which.
fn set_rules(ui: &mut Ui, pc: &PanelCtx, round: &Round) {
    let a = pc.alliance;
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width().min(760.0));
        widgets::section(ui, pc.t(T::RulesInRound));
        for (i, p) in a.proposals_of(round.id).into_iter().enumerate() {
            ui.label(format!("{}. {}", i + 1, p.text));
            if round.revealed {
                let objected: Vec<String> = a
                    .standing_objections(round, p.rule, |party| {
                        a.vote(round.id, party).map(|v| v.value)
                    })
                    .map(|o| a.party_name(Some(o.party)).to_string())
                    .collect();
                if !objected.is_empty() {
                    ui.label(
                        RichText::new(pc.t(T::ObjectedBy).replace("{names}", &objected.join(", ")))
                            .small()
                            .color(theme::DANGER),
                    );
                }
            }
        }
    });
}
