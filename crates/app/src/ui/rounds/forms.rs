//! The forms of a round beside the stances: amending a set of rules in
//! the round, who entered a stance, putting a decision to the alliance
//! again, and correcting a stance after the reveal.

use super::*;

impl RoundsPanel {
    /// Amend a round over a set: a new text for each rule objected to (the
    /// others go along as they were), then a new round.
    pub(super) fn amend_set(&mut self, ui: &mut Ui, pc: &mut PanelCtx, round: &Round) {
        let a = pc.alliance;
        if self
            .set_amendment
            .as_ref()
            .is_none_or(|(id, _)| *id != round.id)
        {
            let texts = a
                .proposals_of(round.id)
                .iter()
                .map(|p| (p.rule, p.text.clone()))
                .collect();
            self.set_amendment = Some((round.id, texts));
        }
        widgets::muted(ui, pc.t(T::AmendSetHint));
        let Some((_, texts)) = self.set_amendment.as_mut() else {
            return;
        };
        for (i, (rule, text)) in texts.iter_mut().enumerate() {
            let objected: Vec<String> = a
                .standing_objections(round, *rule, |p| a.vote(round.id, p).map(|v| v.value))
                .map(|o| a.party_name(Some(o.party)).to_string())
                .collect();
            if !objected.is_empty() {
                ui.label(
                    RichText::new(pc.t(T::ObjectedBy).replace("{names}", &objected.join(", ")))
                        .small()
                        .color(theme::DANGER),
                );
            }
            let r = ui.add(
                egui::TextEdit::multiline(text)
                    .id_salt(("set-amendment", round.id, *rule))
                    .desired_rows(1)
                    .desired_width(620.0),
            );
            widgets::name_widget(
                ui,
                &r,
                &pc.t(T::AmendRuleText).replace("{n}", &(i + 1).to_string()),
            );
        }
        let amended: Vec<(Id, String)> = texts.clone();
        let complete = amended.iter().all(|(_, t)| !t.trim().is_empty());
        if ui
            .add_enabled(complete, egui::Button::new(pc.t(T::AmendAndRerun)))
            .clicked()
            && let Some(e) = a.amend_set_round(round.id, round.proposal.clone(), &amended, pc.today)
        {
            pc.edit(e);
            pc.seal = true;
            self.select(Some(a.next_id::<Round>()));
        }
    }

    /// Who enters a stance or a correction ("Ingevoerd door").
    pub(super) fn entered_by_field(&mut self, ui: &mut Ui, pc: &PanelCtx, id_salt: &str) {
        let r = ui.add(
            egui::TextEdit::singleline(&mut self.vote_by)
                .id_salt(id_salt)
                .hint_text(pc.t(T::EnteredByHint))
                .desired_width(260.0),
        );
        widgets::name_widget(ui, &r, pc.t(T::EnteredBy));
    }

    /// The name that field gives, or the facilitator's when it is empty.
    pub(super) fn entered_by(&self, pc: &PanelCtx) -> String {
        match self.vote_by.trim() {
            "" => pc.t(T::Facilitator).to_string(),
            name => name.to_string(),
        }
    }

    /// A decided proposal put again: the decision stays as the room saw
    /// it; a new round follows it, with a reason and the day it is held.
    pub(super) fn reopen_form(&mut self, ui: &mut Ui, pc: &mut PanelCtx, round: &Round) {
        let a = pc.alliance;
        if consensus::reopenings(&a.rounds, round.id)
            .iter()
            .any(|r| !r.status.is_closed())
        {
            return;
        }
        ui.add_space(6.0);
        if self
            .reopening
            .as_ref()
            .is_none_or(|(id, ..)| *id != round.id)
        {
            if ui
                .button(pc.t(T::ReopenRound))
                .on_hover_text(pc.t(T::ReopenIntro))
                .clicked()
            {
                self.reopening = Some((round.id, String::new(), None));
            }
            return;
        }
        widgets::muted(ui, pc.t(T::ReopenIntro));
        let Some((_, reason, on)) = self.reopening.as_mut() else {
            return;
        };
        let r = ui.add(
            egui::TextEdit::singleline(reason)
                .id_salt(("reopen-reason", round.id))
                .hint_text(pc.t(T::ReopenReasonHint))
                .desired_width(600.0),
        );
        widgets::name_widget(ui, &r, pc.t(T::ReopenReason));
        let mut day = *on;
        if let Some(d) = held_on_field(ui, pc, ("reopen-on", round.id), day.unwrap_or(pc.today)) {
            day = Some(d);
        }
        let held = day.unwrap_or(pc.today);
        let too_early = round.decided.is_some_and(|d| held < d);
        if too_early && let Some(d) = round.decided {
            ui.colored_label(
                theme::DANGER,
                pc.t(T::ReopenBeforeDecision)
                    .replace("{date}", &pc.lang.date(d)),
            );
        }
        let reason_text = self
            .reopening
            .as_ref()
            .map(|(_, r, _)| r.trim().to_string())
            .unwrap_or_default();
        if let Some((_, _, on)) = self.reopening.as_mut() {
            *on = day;
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !reason_text.is_empty() && !too_early,
                    egui::Button::new(pc.t(T::ReopenRound)),
                )
                .clicked()
                && let Some(e) = a.reopen_round(round.id, &reason_text, held)
            {
                let new = a.next_id::<Round>();
                pc.edit(e);
                pc.seal = true;
                self.reopening = None;
                self.selected = Some(new);
            }
            if ui.button(pc.t(T::Cancel)).clicked() {
                self.reopening = None;
            }
        });
    }

    /// After the reveal a stance is frozen: a correction names the new
    /// stance, why, and who made it; it stays visible.
    pub(super) fn correction_form(&mut self, ui: &mut Ui, pc: &mut PanelCtx, round: &Round) {
        let a = pc.alliance;
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            widgets::section(ui, pc.t(T::CorrectStance));
            widgets::muted(ui, pc.t(T::CorrectStanceIntro));
            ui.horizontal_wrapped(|ui| {
                let cast: Vec<Id> = round
                    .voters
                    .iter()
                    .copied()
                    .filter(|p| a.vote(round.id, *p).is_some())
                    .collect();
                party_picker(ui, pc, "correct-party", &cast, &mut self.vote_party);
            });
            let was = self
                .vote_party
                .and_then(|p| a.vote(round.id, p))
                .map(|v| v.value);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(pc.t(T::NewValue)).color(theme::MUTED));
                // The value it has cannot be chosen: a correction changes it.
                value_buttons(ui, pc, round, Some(was), &mut self.vote_value);
            });
            let r = ui.add(
                egui::TextEdit::singleline(&mut self.correction_reason)
                    .id_salt("correction-reason")
                    .hint_text(pc.t(T::CorrectionReasonHint))
                    .desired_width(600.0),
            );
            widgets::name_widget(ui, &r, pc.t(T::CorrectionReason));
            // Made at the meeting the round was held at, unless the
            // facilitator says it was a later one.
            let held = round.opened;
            let shown = self.correction_on.or(held).unwrap_or(pc.today);
            if let Some(d) = held_on_field(ui, pc, ("correction-on", round.id), shown) {
                self.correction_on = Some(d);
            }
            let too_early = matches!((self.correction_on, held), (Some(on), Some(h)) if on < h);
            if too_early && let Some(h) = held {
                ui.colored_label(
                    theme::DANGER,
                    pc.t(T::CorrectionBeforeRound)
                        .replace("{date}", &pc.lang.date(h)),
                );
            }
            ui.horizontal(|ui| {
                self.entered_by_field(ui, pc, "correction-by");
                let ready = was.is_some()
                    && !too_early
                    && self.vote_value.is_some_and(|v| Some(v) != was)
                    && !self.correction_reason.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(pc.t(T::ApplyCorrection)))
                    .clicked()
                    && let (Some(party), Some(value)) = (self.vote_party, self.vote_value)
                {
                    let by = self.entered_by(pc);
                    let at = pc.stamp();
                    let correction = crate::domain::Correction {
                        to: value,
                        reason: self.correction_reason.clone(),
                        by,
                        at,
                        on: self.correction_on,
                        ..Default::default()
                    };
                    if let Some(e) = a.correct_vote(round.id, party, correction) {
                        pc.edit(e);
                        pc.seal = true;
                        self.vote_value = None;
                        self.correction_reason.clear();
                        self.correction_on = None;
                    }
                }
            });
        });
    }
}
