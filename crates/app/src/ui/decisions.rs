//! The decision log: what the alliance decided, when, in which round, with
//! which stances, and the objections and amendments that led there.

use egui::{RichText, Ui};

use crate::domain::consensus;
use crate::i18n::T;

use super::rounds::subject_text;
use super::theme;
use super::widgets::{self, PanelCtx};

#[derive(Default)]
pub struct DecisionsPanel;

impl DecisionsPanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        widgets::page_title(ui, pc.t(T::NavDecisions));
        widgets::muted(ui, pc.t(T::DecisionsIntro));
        ui.add_space(6.0);
        let log = consensus::decision_log(&a.rounds);
        if log.is_empty() {
            widgets::muted(ui, pc.t(T::NoDecisions));
            return;
        }
        widgets::page_scroll(ui, "decisions", |ui| {
            widgets::lazy_items(
                ui,
                "decisions",
                log.len(),
                6.0,
                110.0,
                |i| log[i].id,
                |ui, i| {
                    let round = log[i];
                    theme::card().show(ui, |ui| {
                        ui.set_width(ui.available_width().min(900.0));
                        ui.horizontal_wrapped(|ui| {
                            let date = round.decided.map(|d| pc.lang.date(d)).unwrap_or_default();
                            ui.label(
                                RichText::new(date)
                                    .family(theme::bold())
                                    .color(theme::ACCENT),
                            );
                            widgets::muted(
                                ui,
                                &format!(
                                    "#{} · {}{}",
                                    round.id,
                                    subject_text(a, pc.lang, round.subject),
                                    super::rounds::decided_by(a, pc.lang, round)
                                ),
                            );
                        });
                        ui.label(RichText::new(&round.proposal).size(16.5));
                        // Stances, counted per value.
                        let mut counts: Vec<(u8, usize)> = Vec::new();
                        for v in a.votes.iter().filter(|v| v.round == round.id) {
                            match counts.iter_mut().find(|(value, _)| *value == v.value) {
                                Some(c) => c.1 += 1,
                                None => counts.push((v.value, 1)),
                            }
                        }
                        counts.sort_by_key(|(value, _)| {
                            round.scale.values().iter().position(|x| x == value)
                        });
                        let summary: Vec<String> = counts
                            .iter()
                            .map(|(value, n)| {
                                format!("{n} × {}", pc.lang.scale_value(round.scale, *value))
                            })
                            .collect();
                        widgets::muted(ui, &summary.join(" · "));
                        // How the stances arrived: the party's own
                        // ballot card, or told to the facilitator.
                        let mut channels: Vec<(crate::domain::Via, usize)> = Vec::new();
                        for v in a.votes.iter().filter(|v| v.round == round.id) {
                            match channels.iter_mut().find(|(via, _)| *via == v.via) {
                                Some(c) => c.1 += 1,
                                None => channels.push((v.via, 1)),
                            }
                        }
                        if !channels.is_empty() {
                            let list: Vec<String> = channels
                                .iter()
                                .map(|(via, n)| format!("{n} × {}", pc.lang.via(*via)))
                                .collect();
                            widgets::muted(
                                ui,
                                &pc.t(T::DecisionChannels)
                                    .replace("{list}", &list.join(" · ")),
                            );
                        }
                        widgets::absent_note(ui, pc, &round.absent);
                        // Corrections of revealed stances stay in view, in
                        // this round and the rounds it amended.
                        let chain = consensus::history(&a.rounds, round.id);
                        for v in a.votes.iter().filter(|v| chain.contains(&v.round)) {
                            for c in &v.corrections {
                                ui.label(
                                    RichText::new(format!(
                                        "{}: {}",
                                        a.party_name(Some(v.party)),
                                        super::rounds::correction_text(pc.lang, round, c)
                                    ))
                                    .small()
                                    .color(theme::WARN_FG),
                                );
                            }
                        }
                        // Put to the alliance again later: the decision
                        // stands as it was, with where it went next.
                        for r in consensus::reopenings(&a.rounds, round.id) {
                            ui.label(
                                RichText::new(format!(
                                    "{} → #{}",
                                    pc.lang.reopened(r.opened, &r.note),
                                    r.id
                                ))
                                .small()
                                .color(theme::WARN_FG),
                            );
                        }
                        if chain.len() > 1 {
                            let before: Vec<String> = chain[..chain.len() - 1]
                                .iter()
                                .filter_map(|id| a.round(*id))
                                .map(|r| {
                                    let objections: Vec<String> = a
                                        .blocking_votes(r)
                                        .map(|v| {
                                            format!(
                                                "{}: “{}”",
                                                a.party_name(Some(v.party)),
                                                v.reason
                                            )
                                        })
                                        .collect();
                                    format!("#{} {} — {}", r.id, r.proposal, objections.join("; "))
                                })
                                .collect();
                            ui.label(
                                RichText::new(format!(
                                    "{} {}",
                                    pc.t(T::AfterObjections),
                                    before.join(" | ")
                                ))
                                .small()
                                .color(theme::WARN_FG),
                            );
                        }
                    });
                },
            );
        });
    }
}
