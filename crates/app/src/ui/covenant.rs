//! The covenant: versions drafted from clauses, frozen when a consensus
//! round adopts them (with the fingerprint printed on every page), and one
//! signature block per party.

use egui::{RichText, Ui};

use crate::domain::covenant::{self, short_fingerprint};
use crate::domain::{Clause, ClauseKind, CovenantVersion, Id, Signature};
use crate::i18n::T;

use crate::report::Kind;

use super::command::UiCommand;
use super::theme;
use super::widgets::{self, PanelCtx};

#[derive(Default)]
pub struct CovenantPanel {
    pub version: Option<Id>,
    /// A signature being withdrawn, with the reason typed so far.
    withdrawing: Option<(Id, String)>,
}

impl CovenantPanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) -> Option<UiCommand> {
        let a = pc.alliance;
        let mut action = None;
        if self
            .version
            .is_none_or(|v| !a.covenant_versions.iter().any(|x| x.id == v))
        {
            self.version = a.covenant_versions.last().map(|v| v.id);
        }
        ui.horizontal(|ui| {
            widgets::page_title(ui, pc.t(T::NavCovenant));
            ui.add_space(16.0);
            ui.add_enabled_ui(!pc.read_only, |ui| {
                if widgets::primary(ui, &format!("+  {}", pc.t(T::NewVersion)))
                    .on_hover_text(pc.t(T::NewVersionHint))
                    .clicked()
                {
                    pc.edit(self.new_version(pc));
                    self.version = Some(a.next_id::<CovenantVersion>());
                    pc.seal = true;
                }
            });
        });
        widgets::muted(ui, pc.t(T::CovenantIntro));
        ui.horizontal_wrapped(|ui| {
            for v in &a.covenant_versions {
                let state = if v.is_frozen() {
                    pc.t(T::Frozen)
                } else {
                    pc.t(T::Draft)
                };
                let text = format!("v{} · {state}", v.number);
                if ui
                    .selectable_label(self.version == Some(v.id), text)
                    .clicked()
                {
                    self.version = Some(v.id);
                }
            }
        });
        let Some(version) = self
            .version
            .and_then(|id| a.covenant_versions.iter().find(|v| v.id == id))
        else {
            widgets::muted(ui, pc.t(T::NoCovenant));
            return None;
        };
        ui.add_space(6.0);
        widgets::page_scroll(ui, "covenant-page", |ui| {
            theme::card()
                .fill(if version.is_frozen() {
                    theme::SHARED_BG
                } else {
                    theme::SURFACE
                })
                .show(ui, |ui| {
                    ui.set_width(ui.available_width().min(860.0));
                    let editable = !pc.read_only && !version.is_frozen();
                    ui.add_enabled_ui(editable, |ui| {
                        let mut title = version.title.clone();
                        let r = ui.add(
                            egui::TextEdit::singleline(&mut title)
                                .id_salt(("version-title", version.id))
                                .font(egui::FontId::new(20.0, theme::bold()))
                                .desired_width(f32::INFINITY),
                        );
                        widgets::name_widget(ui, &r, pc.t(T::CovenantTitle));
                        pc.watch(&r);
                        if r.changed() {
                            pc.edit(a.update(CovenantVersion {
                                title,
                                ..version.clone()
                            }));
                        }
                        // Only with a commissioner to sign it; fixed with
                        // the version.
                        if !a.info.commissioner.name.trim().is_empty() || version.acknowledgement {
                            let mut on = version.acknowledgement;
                            if ui
                                .checkbox(&mut on, pc.t(T::CovenantAcknowledgement))
                                .on_hover_text(pc.t(T::CovenantAcknowledgementHint))
                                .changed()
                            {
                                pc.edit(a.update(CovenantVersion {
                                    acknowledgement: on,
                                    ..version.clone()
                                }));
                                pc.seal = true;
                            }
                        }
                    });
                    if version.is_frozen() {
                        let date = version
                            .frozen_on
                            .map(|d| pc.lang.date(d))
                            .unwrap_or_default();
                        ui.label(
                            RichText::new(pc.t(T::FrozenOn).replace("{date}", &date))
                                .color(theme::DONE),
                        );
                        let matches = covenant::fingerprint(a, version.id) == version.fingerprint;
                        ui.label(
                            RichText::new(format!(
                                "{} {}",
                                pc.t(T::Fingerprint),
                                short_fingerprint(&version.fingerprint)
                            ))
                            .monospace(),
                        );
                        if !matches {
                            ui.label(
                                RichText::new(pc.t(T::FingerprintMismatch)).color(theme::DANGER),
                            );
                        }
                        if ui.button(pc.t(T::ExportCovenant)).clicked() {
                            action = Some(UiCommand::ExportPdf(Kind::Covenant, Some(version.id)));
                        }
                    } else {
                        // The hint above, the buttons below it: side
                        // by side they ran past the window's right edge.
                        widgets::muted(ui, pc.t(T::DraftHint));
                        ui.horizontal_wrapped(|ui| {
                            if !pc.read_only && ui.button(pc.t(T::ProposeInRound)).clicked() {
                                action = Some(UiCommand::Propose(
                                    crate::domain::Subject::Covenant(version.id),
                                ));
                            }
                            if ui.button(pc.t(T::ExportCovenantDraft)).clicked() {
                                action =
                                    Some(UiCommand::ExportPdf(Kind::Covenant, Some(version.id)));
                            }
                        });
                    }
                });
            ui.add_space(8.0);
            self.clauses(ui, pc, version);
            ui.add_space(8.0);
            self.signatures(ui, pc, version);
        });
        action
    }

    /// A new draft: a copy of the newest version's clauses, or drafted from
    /// the register when there is none.
    fn new_version(&self, pc: &PanelCtx) -> crate::domain::Edit {
        let a = pc.alliance;
        let id = a.next_id::<CovenantVersion>();
        let number = a
            .covenant_versions
            .iter()
            .map(|v| v.number)
            .max()
            .unwrap_or(0)
            + 1;
        let previous = a.covenant_versions.iter().max_by_key(|v| v.number);
        // Named in the alliance's language: the title is the document's.
        let title = previous.map(|v| v.title.clone()).unwrap_or_else(|| {
            crate::i18n::Lang::of(a)
                .tr(T::CovenantDefaultTitle)
                .replace("{name}", &a.info.name)
        });
        let mut edits = vec![a.insert(CovenantVersion {
            number,
            title,
            acknowledgement: previous.is_some_and(|v| v.acknowledgement),
            ..CovenantVersion::default()
        })];
        let first = a.next_id::<Clause>();
        let clauses: Vec<Clause> = match previous {
            Some(p) => {
                let mut old: Vec<&Clause> =
                    a.clauses.iter().filter(|c| c.version == p.id).collect();
                old.sort_by_key(|c| (c.position, c.id));
                old.into_iter()
                    .enumerate()
                    .map(|(i, c)| Clause {
                        id: first + i as Id,
                        version: id,
                        ..c.clone()
                    })
                    .collect()
            }
            None => crate::draft::draft_clauses(a, id, first, a.info.language.is_english()),
        };
        let first_sig = a.next_id::<Signature>();
        for c in clauses {
            edits.push(crate::domain::Edit::Clause(crate::domain::Change {
                before: None,
                after: Some(c),
            }));
        }
        // A signature block for every party that has not left.
        for (i, p) in a.parties.iter().filter(|p| p.left.is_none()).enumerate() {
            edits.push(crate::domain::Edit::Signature(crate::domain::Change {
                before: None,
                after: Some(Signature {
                    id: first_sig + i as Id,
                    version: id,
                    party: p.id,
                    ..Signature::default()
                }),
            }));
        }
        crate::domain::Edit::Batch(edits)
    }

    fn clauses(&mut self, ui: &mut Ui, pc: &mut PanelCtx, version: &CovenantVersion) {
        let a = pc.alliance;
        let editable = !pc.read_only && !version.is_frozen();
        let mut clauses: Vec<&Clause> = a
            .clauses
            .iter()
            .filter(|c| c.version == version.id)
            .collect();
        clauses.sort_by_key(|c| (c.position, c.id));
        ui.add_enabled_ui(editable, |ui| {
            for (i, c) in clauses.iter().enumerate() {
                let mut n = (*c).clone();
                let mut changed = false;
                theme::card().show(ui, |ui| {
                    ui.set_width(ui.available_width().min(860.0));
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(format!("{}.", i + 1)).family(theme::bold()));
                        let r = ui.add(
                            egui::TextEdit::singleline(&mut n.heading)
                                .id_salt(("clause-heading", n.id))
                                .desired_width(600.0),
                        );
                        widgets::name_widget(
                            ui,
                            &r,
                            &pc.t(T::ClauseHeading).replace("{n}", &(i + 1).to_string()),
                        );
                        pc.watch(&r);
                        changed |= r.changed();
                    });
                    let r = ui.add(
                        egui::TextEdit::multiline(&mut n.text)
                            .id_salt(("clause-text", n.id))
                            .desired_rows(3)
                            .desired_width(f32::INFINITY),
                    );
                    widgets::name_widget(
                        ui,
                        &r,
                        &pc.t(T::ClauseText).replace("{n}", &(i + 1).to_string()),
                    );
                    pc.watch(&r);
                    changed |= r.changed();
                    let honours: Vec<String> = n
                        .honours_needs
                        .iter()
                        .filter_map(|id| a.comfort_needs.iter().find(|x| x.id == *id))
                        .map(|x| {
                            if crate::crypt::is_sealed(crate::domain::Confidential::expose(&x.need))
                            {
                                pc.t(T::LockedField).to_string()
                            } else {
                                crate::domain::Confidential::expose(&x.need).clone()
                            }
                        })
                        .chain(
                            n.honours_decisions
                                .iter()
                                .filter_map(|id| a.round(*id))
                                .map(|r| r.proposal.clone()),
                        )
                        .collect();
                    if !honours.is_empty() {
                        ui.label(
                            RichText::new(format!("{} {}", pc.t(T::Honours), honours.join(" · ")))
                                .small()
                                .color(theme::DONE),
                        );
                    }
                });
                if changed {
                    pc.edit(a.update(n));
                }
            }
            if editable && ui.button(format!("+  {}", pc.t(T::AddClause))).clicked() {
                let position = clauses.iter().map(|c| c.position).max().unwrap_or(0) + 1;
                widgets::focus_field(
                    ui.ctx(),
                    &pc.t(T::ClauseHeading)
                        .replace("{n}", &(clauses.len() + 1).to_string()),
                );
                pc.edit(a.insert(Clause {
                    version: version.id,
                    position,
                    kind: ClauseKind::Other,
                    heading: pc.t(T::NewClause).to_string(),
                    ..Clause::default()
                }));
                pc.seal = true;
            }
        });
    }

    /// A set signature: what it says, and the way back (withdrawing it,
    /// with a reason), or when and why it was withdrawn.
    fn signed_row(&mut self, ui: &mut Ui, pc: &mut PanelCtx, s: &Signature, party: &str) {
        let a = pc.alliance;
        for value in [&s.signatory, &s.function, &s.place] {
            ui.label(value);
        }
        ui.label(s.date.map(|d| pc.lang.date(d)).unwrap_or_default());
        if let Some(day) = s.withdrawn {
            ui.label(
                RichText::new(
                    pc.t(T::SignatureWithdrawn)
                        .replace("{date}", &pc.lang.date(day))
                        .replace("{reason}", &s.withdrawal_reason),
                )
                .color(theme::MUTED),
            );
            return;
        }
        ui.vertical(|ui| {
            // Its words on one line: the last column of the grid was
            // squeezed to a letter or two a line.
            ui.set_min_width(170.0);
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            ui.label(RichText::new(format!("✔ {}", pc.t(T::Signed))).family(theme::bold()));
            if self.withdrawing.as_ref().map(|(id, _)| *id) == Some(s.id) {
                let mut reason = self.withdrawing.take().map(|(_, r)| r).unwrap_or_default();
                let r = ui.add(
                    egui::TextEdit::singleline(&mut reason)
                        .id_salt(("withdraw", s.id))
                        .hint_text(pc.t(T::WithdrawReason))
                        .desired_width(180.0),
                );
                widgets::name_widget(ui, &r, &format!("{} ({party})", pc.t(T::WithdrawReason)));
                let mut keep = true;
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(
                            !reason.trim().is_empty(),
                            egui::Button::new(pc.t(T::WithdrawSignature)),
                        )
                        .clicked()
                        && let Some(e) = a.withdraw_signature(s.id, &reason, pc.today)
                    {
                        pc.edit(e);
                        pc.seal = true;
                        keep = false;
                    }
                    if ui.button(pc.t(T::Cancel)).clicked() {
                        keep = false;
                    }
                });
                if keep {
                    self.withdrawing = Some((s.id, reason));
                }
            } else if !pc.read_only
                && ui
                    .small_button(pc.t(T::WithdrawSignature))
                    .on_hover_text(pc.t(T::WithdrawHint))
                    .clicked()
            {
                self.withdrawing = Some((s.id, String::new()));
            }
        });
    }

    fn signatures(&mut self, ui: &mut Ui, pc: &mut PanelCtx, version: &CovenantVersion) {
        let a = pc.alliance;
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(860.0));
            widgets::section(ui, pc.t(T::Signatures));
            let sigs: Vec<&Signature> = a
                .signatures
                .iter()
                .filter(|s| s.version == version.id)
                .collect();
            let signed = sigs.iter().filter(|s| s.signed).count();
            widgets::muted(
                ui,
                &pc.lang
                    .count(T::SignedCount, signed)
                    .replace("{total}", &sigs.len().to_string()),
            );
            ui.add_enabled_ui(!pc.read_only, |ui| {
                egui::Grid::new(("sigs", version.id))
                    .striped(true)
                    .spacing([10.0, 6.0])
                    .show(ui, |ui| {
                        // Column headings: no field is known by its hint alone.
                        for key in [
                            T::Party,
                            T::Signatory,
                            T::Function,
                            T::Place,
                            T::Date,
                            T::Signed,
                        ] {
                            ui.label(RichText::new(pc.t(key)).small().color(theme::MUTED));
                        }
                        ui.end_row();
                        for s in sigs {
                            let party = if s.party_name.is_empty() {
                                a.party_name(Some(s.party)).to_string()
                            } else {
                                s.party_name.clone()
                            };
                            ui.label(RichText::new(&party).family(theme::bold()));
                            if s.signed {
                                // Set: on the record. It changes only by
                                // being withdrawn, with a reason.
                                self.signed_row(ui, pc, s, &party);
                                ui.end_row();
                                continue;
                            }
                            let mut n = s.clone();
                            let mut changed = false;
                            for (key, value, width) in [
                                (T::Signatory, &mut n.signatory, 170.0),
                                (T::Function, &mut n.function, 150.0),
                                (T::Place, &mut n.place, 110.0),
                            ] {
                                // Sized, not just desired: a grid cell would
                                // otherwise shrink the field to a sliver.
                                let r = ui.add_sized(
                                    [width, 26.0],
                                    egui::TextEdit::singleline(value)
                                        .id_salt(("signature", n.id, key))
                                        .hint_text(pc.t(key)),
                                );
                                widgets::name_widget(ui, &r, &format!("{} ({party})", pc.t(key)));
                                pc.watch(&r);
                                changed |= r.changed();
                            }
                            let name = format!("{} ({party})", pc.t(T::Date));
                            let field = widgets::Buffered {
                                name: &name,
                                label_id: None,
                                hint: "",
                                width: 110.0,
                                settled: None,
                            };
                            if let Some(d) = ui
                                .vertical(|ui| {
                                    ui.set_min_width(field.width);
                                    widgets::date_field(
                                        ui,
                                        pc,
                                        field,
                                        ("signature-date", n.id),
                                        n.date,
                                    )
                                })
                                .inner
                            {
                                n.date = d;
                                changed = true;
                            }
                            // A signing date the version cannot have: said
                            // at once, with the day that is allowed.
                            let day = n.date.unwrap_or(pc.today);
                            let wrong_day = match version.frozen_on {
                                Some(f) if day < f => Some(
                                    pc.t(T::SignBeforeFrozenOn)
                                        .replace("{date}", &pc.lang.date(f)),
                                ),
                                _ if day > pc.today => Some(
                                    pc.t(T::SignInFuture)
                                        .replace("{date}", &pc.lang.date(pc.today)),
                                ),
                                _ => None,
                            };
                            let mut signed = false;
                            // Only a frozen version is signed, on a day it can be.
                            let r = ui
                                .add_enabled(
                                    version.is_frozen() && wrong_day.is_none(),
                                    egui::Checkbox::new(&mut signed, pc.t(T::Signed)),
                                )
                                .on_disabled_hover_text(pc.t(T::EditSignDraft));
                            widgets::name_widget(ui, &r, &format!("{} ({party})", pc.t(T::Signed)));
                            if r.changed() && signed {
                                // Signed today, unless a date was entered;
                                // the party's name kept as it signs.
                                pc.edit(a.sign(&n, pc.today));
                                pc.seal = true;
                            } else if changed {
                                pc.edit(a.update(n));
                            }
                            ui.end_row();
                            if let Some(why) = wrong_day
                                && version.is_frozen()
                            {
                                ui.label("");
                                ui.colored_label(theme::DANGER, why);
                                ui.end_row();
                            }
                        }
                    });
            });
        });
    }
}
