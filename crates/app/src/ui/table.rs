//! A body's table of party seats (seed 003): the seats held now, who sat
//! when, and the draw that fills them: prepare, fix and show the inputs,
//! type the room's dice, draw, and check afterwards.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::domain::draw;
use crate::domain::table::{self, Category, SeatDraw, SeatQuota, TableSeat};
use crate::domain::{Alliance, Body, Id};
use crate::i18n::{Lang, T};
use crate::report::Kind;

use super::command::UiCommand;
use super::theme;
use super::widgets::{self, PanelCtx};

/// What the table section keeps between frames.
#[derive(Default)]
pub struct TableSection {
    /// The die being typed.
    die: String,
    /// The last check of a draw: its id and what it found.
    checked: Option<(Id, Vec<String>)>,
    /// Why the last draw could not be made, in one sentence.
    error: Option<String>,
    /// Whether the draw being prepared can meet its quotas, by draw and
    /// revision: the search runs once per change, not every frame.
    feasible: Option<(Id, u64, Option<draw::Shortfall>)>,
    /// The chances of the draw being prepared, by draw and revision: the
    /// fair lottery (or the simulations) computed once per change.
    preview: Option<(Id, u64, Result<draw::Chances, draw::DrawError>)>,
    /// Chances estimated afterwards, on request, for a draw made before
    /// chances were recorded with the inputs.
    afterwards: Option<(Id, draw::Chances)>,
}

/// Simulated draws behind a preview's estimate (the fixed draw takes
/// [`draw::lottery::SIMULATIONS`]).
const PREVIEW_RUNS: usize = 1000;

pub use crate::i18n::{category_label, feature_label, quota_text, seat_how, term_text};

impl TableSection {
    /// The section of a body's page. Returns a command (a PDF to save).
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx, body: &Body) -> Option<UiCommand> {
        let a = pc.alliance;
        let lang = pc.lang;
        let mut command = None;
        widgets::section(ui, pc.t(T::TableSeats));
        widgets::muted(ui, pc.t(T::TableSeatsIntro));
        let mut b = body.clone();
        let mut changed = false;
        ui.add_enabled_ui(!pc.read_only, |ui| {
            widgets::form(ui, ("table-form", body.id), |ui| {
                changed |= number_row(ui, pc, T::SeatCount, &mut b.seats, 0..=99);
                changed |= number_row(ui, pc, T::TermYears, &mut b.term_years, 1..=10);
            });
        });
        if changed {
            pc.edit(a.update(b));
        }
        let held = a.table_seats_of(body.id);
        if body.seats == 0 && held.is_empty() {
            return None;
        }
        let today = pc.today;
        let now = a.seats_on(body.id, today);
        ui.add_space(6.0);
        widgets::muted(
            ui,
            &pc.t(T::SeatsTaken)
                .replace("{n}", &now.len().to_string())
                .replace("{total}", &body.seats.to_string()),
        );
        self.current_seats(ui, pc, body, &now);
        self.appoint(ui, pc, body, &now);
        if ui
            .button(pc.t(T::ExportTableDecisions))
            .on_hover_text(pc.t(T::ExportTableDecisionsHint))
            .clicked()
        {
            command = Some(UiCommand::ExportPdf(Kind::TableDecisions, Some(body.id)));
        }
        ui.add_space(10.0);
        self.draws(ui, pc, body, &mut command);
        ui.add_space(10.0);
        if !held.is_empty() {
            egui::CollapsingHeader::new(pc.t(T::SeatHistory))
                .id_salt(("seat-history", body.id))
                .show(ui, |ui| {
                    egui::Grid::new(("seat-history-grid", body.id))
                        .num_columns(4)
                        .striped(true)
                        .spacing([16.0, 4.0])
                        .show(ui, |ui| {
                            for s in &held {
                                ui.label(a.party_name(Some(s.party)));
                                widgets::muted(
                                    ui,
                                    s.person
                                        .and_then(|p| a.person(p))
                                        .map_or("", |p| p.name.as_str()),
                                );
                                ui.label(term_text(lang, s));
                                widgets::muted(ui, &seat_how(lang, a, s));
                                ui.end_row();
                            }
                        });
                });
        }
        command
    }

    fn current_seats(&mut self, ui: &mut Ui, pc: &mut PanelCtx, body: &Body, now: &[&TableSeat]) {
        let a = pc.alliance;
        let lang = pc.lang;
        // Three columns, the term and how under the party's name, so the
        // table fits the page beside the list at 1280 pixels.
        egui::Grid::new(("table-seats", body.id))
            .num_columns(3)
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for s in now {
                    let party = a.party_name(Some(s.party)).to_string();
                    ui.vertical(|ui| {
                        // A fixed width: a grid cell would shrink a
                        // wrapping text to a word a line.
                        ui.set_width(330.0);
                        ui.label(&party);
                        widgets::muted(
                            ui,
                            &format!("{} · {}", term_text(lang, s), seat_how(lang, a, s)),
                        );
                    });
                    let sitter = s.person.and_then(|p| a.person(p));
                    let label = pc.t(T::SitsFor).replace("{party}", &party);
                    let mut pick = None;
                    ui.add_enabled_ui(!pc.read_only, |ui| {
                        widgets::combo(
                            ui,
                            ("sitter", s.id),
                            &label,
                            sitter.map_or("—", |p| p.name.as_str()),
                            170.0,
                            |ui| {
                                for p in a.people.iter().filter(|p| {
                                    p.party == Some(s.party) && p.is_active_on(pc.today)
                                }) {
                                    if ui
                                        .selectable_label(s.person == Some(p.id), &p.name)
                                        .clicked()
                                    {
                                        pick = Some(p.id);
                                    }
                                }
                            },
                        );
                    });
                    if let Some(p) = pick {
                        pc.edit(a.update(TableSeat {
                            person: Some(p),
                            ..(*s).clone()
                        }));
                        pc.seal = true;
                    }
                    if s.draw.is_none() {
                        let remove = pc.t(T::RemoveTableSeat).replace("{party}", &party);
                        let r = ui
                            .add_enabled(!pc.read_only, egui::Button::new("✕"))
                            .on_hover_text(&remove);
                        widgets::name_widget(ui, &r, &remove);
                        if r.clicked() {
                            pc.edit(Alliance::delete(*s));
                            pc.seal = true;
                        }
                    } else {
                        ui.label("");
                    }
                    ui.end_row();
                }
            });
    }

    /// Give a party a seat by appointment (a commissioning municipality).
    fn appoint(&mut self, ui: &mut Ui, pc: &mut PanelCtx, body: &Body, now: &[&TableSeat]) {
        let a = pc.alliance;
        if pc.read_only || now.len() as u32 >= body.seats {
            return;
        }
        let mut pick = None;
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new(pc.t(T::AppointParty)).color(theme::MUTED));
            widgets::Combo::new(("appoint", body.id), pc.t(T::ChooseParty))
                .labelled_by(label.id)
                .width(300.0)
                .show(ui, |ui| {
                    for p in a.parties.iter().filter(|p| {
                        p.is_active_on(pc.today) && !now.iter().any(|s| s.party == p.id)
                    }) {
                        if ui.selectable_label(false, &p.name).clicked() {
                            pick = Some(p.id);
                        }
                    }
                });
        });
        if let Some(party) = pick {
            pc.edit(
                a.insert(TableSeat {
                    id: 0,
                    body: body.id,
                    party,
                    person: a
                        .people
                        .iter()
                        .find(|p| p.party == Some(party) && p.is_active_on(pc.today))
                        .map(|p| p.id),
                    start: Some(pc.today),
                    end: None,
                    draw: None,
                }),
            );
            pc.seal = true;
        }
    }

    fn draws(
        &mut self,
        ui: &mut Ui,
        pc: &mut PanelCtx,
        body: &Body,
        command: &mut Option<UiCommand>,
    ) {
        let a = pc.alliance;
        let lang = pc.lang;
        widgets::section(ui, pc.t(T::SeatDrawTitle));
        let draws = a.draws_of(body.id);
        let open = draws.iter().rev().find(|d| !d.is_drawn()).copied();
        match open {
            Some(d) if d.fixed => self.roll(ui, pc, d),
            Some(d) => self.prepare(ui, pc, d),
            None => {
                let next = next_rotation(a, body.id, pc.today);
                let rot = a.rotation(body.id, next);
                if rot.free > 0 {
                    if !rot.ending.is_empty() || next != pc.today {
                        let names: Vec<&str> = rot
                            .ending
                            .iter()
                            .map(|s| a.party_name(Some(s.party)))
                            .collect();
                        widgets::muted(
                            ui,
                            &pc.t(T::RotationPreview)
                                .replace("{date}", &lang.date(next))
                                .replace("{n}", &rot.free.to_string())
                                .replace("{names}", &names.join(", ")),
                        );
                    }
                    let text = if a.table_seats_of(body.id).is_empty() {
                        T::PrepareDraw
                    } else {
                        T::PrepareRotation
                    };
                    if ui
                        .add_enabled(!pc.read_only, egui::Button::new(pc.t(text)))
                        .clicked()
                        && let Some(e) = a.prepare_draw(body.id, next)
                    {
                        pc.edit(e);
                        pc.seal = true;
                    }
                } else {
                    widgets::muted(ui, pc.t(T::TableFull));
                }
            }
        }
        let made: Vec<&SeatDraw> = draws.iter().filter(|d| d.is_drawn()).copied().collect();
        for d in made.iter().rev() {
            ui.add_space(6.0);
            self.outcome(ui, pc, d, command);
        }
    }

    /// A draw being prepared: its day, quotas and candidates, until the
    /// facilitator fixes and shows them.
    ///
    /// Long for a reason: preparing a draw, in the order the form asks for it (seats, term,
    /// candidates, quotas, dice).
    fn prepare(&mut self, ui: &mut Ui, pc: &mut PanelCtx, d: &SeatDraw) {
        let a = pc.alliance;
        let lang = pc.lang;
        let mut n = d.clone();
        let mut changed = false;
        ui.add_enabled_ui(!pc.read_only, |ui| {
            widgets::form(ui, ("draw-form", d.id), |ui| {
                if let Some(day) =
                    widgets::date_row(ui, pc, pc.t(T::DrawDate), ("draw-date", d.id), d.date)
                    && day.is_some()
                {
                    n.date = day;
                    changed = true;
                }
            });
            let free = d.free_seats();
            widgets::muted(
                ui,
                &pc.t(T::DrawFree)
                    .replace("{n}", &free.to_string())
                    .replace("{total}", &d.seats.to_string()),
            );
            if !d.kept.is_empty() {
                let names: Vec<&str> = d.kept.iter().map(|c| c.name.as_str()).collect();
                widgets::muted(ui, &format!("{}: {}", pc.t(T::KeptSeats), names.join(", ")));
            }
            if !d.sitting_out.is_empty() {
                let names: Vec<&str> = d
                    .sitting_out
                    .iter()
                    .map(|p| a.party_name(Some(*p)))
                    .collect();
                widgets::muted(
                    ui,
                    &format!("{}: {}", pc.t(T::SittingOut), names.join(", ")),
                );
            }
            ui.add_space(6.0);
            ui.label(RichText::new(pc.t(T::Quotas)).family(theme::bold()));
            let mut remove = None;
            egui::Grid::new(("quotas", d.id))
                .num_columns(5)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    for (i, q) in n.quotas.iter_mut().enumerate() {
                        let name = |what: T| lang.tr(what).replace("{n}", &(i + 1).to_string());
                        widgets::combo(
                            ui,
                            ("quota-cat", d.id, i),
                            &name(T::QuotaCategory),
                            category_label(lang, q.category),
                            130.0,
                            |ui| {
                                for c in Category::ALL {
                                    changed |= ui
                                        .selectable_value(
                                            &mut q.category,
                                            c,
                                            category_label(lang, c),
                                        )
                                        .changed();
                                }
                            },
                        );
                        let values = values_of(d, q.category);
                        let shown = if q.value.is_empty() {
                            pc.t(T::ChooseValue).to_string()
                        } else {
                            feature_label(lang, q.category.key(), &q.value)
                        };
                        widgets::combo(
                            ui,
                            ("quota-value", d.id, i),
                            &name(T::QuotaValue),
                            shown,
                            200.0,
                            |ui| {
                                for (v, count) in &values {
                                    let text = format!(
                                        "{} ({count})",
                                        feature_label(lang, q.category.key(), v)
                                    );
                                    if ui.selectable_label(q.value == *v, text).clicked() {
                                        q.value = v.clone();
                                        changed = true;
                                    }
                                }
                            },
                        );
                        ui.label(pc.t(T::AtLeast));
                        let r = ui.add(egui::DragValue::new(&mut q.min).range(0..=d.seats));
                        widgets::name_widget(ui, &r, &name(T::QuotaMin));
                        changed |= r.changed();
                        ui.horizontal(|ui| {
                            ui.label(pc.t(T::AtMost));
                            let r = ui.add(egui::DragValue::new(&mut q.max).range(0..=d.seats));
                            widgets::name_widget(ui, &r, &name(T::QuotaMax));
                            changed |= r.changed();
                            let label = pc.t(T::RemoveQuota);
                            let r = ui.button("✕").on_hover_text(label);
                            widgets::name_widget(ui, &r, label);
                            if r.clicked() {
                                remove = Some(i);
                            }
                        });
                        ui.end_row();
                    }
                });
            if let Some(i) = remove {
                n.quotas.remove(i);
                changed = true;
            }
            if ui.button(pc.t(T::AddQuota)).clicked() {
                n.quotas.push(SeatQuota {
                    category: Category::Kind,
                    value: String::new(),
                    min: 1,
                    max: d.seats,
                });
                changed = true;
            }
            ui.add_space(6.0);
            let eligible: Vec<&crate::domain::Party> = a
                .parties
                .iter()
                .filter(|p| {
                    p.is_active_on(d.date.unwrap_or(pc.today))
                        && !d.kept.iter().any(|k| k.party == p.id)
                })
                .collect();
            egui::CollapsingHeader::new(
                pc.t(T::Candidates)
                    .replace("{n}", &d.candidates.len().to_string())
                    .replace("{total}", &eligible.len().to_string()),
            )
            .id_salt(("candidates", d.id))
            .show(ui, |ui| {
                for p in eligible {
                    let mut on = n.candidates.iter().any(|c| c.party == p.id);
                    if ui.checkbox(&mut on, &p.name).changed() {
                        if on {
                            n.candidates.push(table::candidate(p));
                            n.candidates.sort_by_key(|c| c.party);
                        } else {
                            n.candidates.retain(|c| c.party != p.id);
                        }
                        changed = true;
                    }
                }
            });
            let input = d.input();
            let problem = if d.quotas.iter().any(|q| q.value.is_empty()) {
                Some(pc.t(T::QuotaNeedsValue).to_string())
            } else if let Some(why) = self.shortfall(d.id, pc.revision, &input) {
                Some(crate::i18n::shortfall_text(pc.lang, &why))
            } else {
                None
            };
            if let Some(p) = &problem {
                ui.colored_label(theme::DANGER, p);
            }
            ui.add_space(6.0);
            let current = d.method_kind();
            widgets::combo(
                ui,
                ("draw-method", d.id),
                pc.t(T::DrawMethodLabel),
                crate::i18n::method_label(lang, current),
                420.0,
                |ui| {
                    for m in draw::Method::ALL {
                        if ui
                            .selectable_label(
                                current == Some(m),
                                crate::i18n::method_label(lang, Some(m)),
                            )
                            .clicked()
                        {
                            n.method = m.id().to_string();
                            changed = true;
                        }
                    }
                },
            );
            // What the room will be shown; a draw whose chances cannot be
            // computed cannot be fixed (the reason stands here).
            let mut computable = false;
            if problem.is_none() {
                match self.preview_chances(d, pc.revision) {
                    Ok(c) => {
                        chances_shown(ui, lang, d, c, false);
                        computable = true;
                    }
                    Err(draw::DrawError::TooRare { .. }) => {
                        ui.colored_label(theme::DANGER, pc.t(T::ChancesTooRare));
                    }
                    Err(_) => {
                        ui.colored_label(theme::DANGER, pc.t(T::ChancesNone));
                    }
                }
            }
            rotation_plan(ui, pc, d);
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(computable, egui::Button::new(pc.t(T::FixDraw)))
                    .on_hover_text(pc.t(T::FixDrawHint))
                    .clicked()
                {
                    // The chances are computed and fixed with the inputs.
                    match a.fix_draw(d.id) {
                        Ok(e) => {
                            pc.edit(e);
                            pc.seal = true;
                            changed = false;
                        }
                        Err(e) => self.error = Some(draw_error(lang, &e)),
                    }
                }
                if ui.button(pc.t(T::DiscardDraw)).clicked() {
                    pc.edit(Alliance::delete(d));
                    pc.seal = true;
                }
            });
        });
        if changed && n != *d {
            pc.edit(a.update(n));
        }
    }

    /// Why the quotas cannot be met (the quota named), computed once per
    /// revision of the file.
    fn shortfall(
        &mut self,
        id: Id,
        revision: u64,
        input: &draw::DrawInput,
    ) -> Option<draw::Shortfall> {
        per_revision(&mut self.feasible, id, revision, || draw::shortfall(input)).clone()
    }

    /// The chances of the draw being prepared, once per revision, or why
    /// they cannot be computed.
    fn preview_chances(
        &mut self,
        d: &SeatDraw,
        revision: u64,
    ) -> &Result<draw::Chances, draw::DrawError> {
        per_revision(&mut self.preview, d.id, revision, || {
            draw::lottery::chances(
                &d.input(),
                d.method_kind().unwrap_or_default(),
                PREVIEW_RUNS,
            )
        })
    }

    /// A fixed draw: its inputs shown, the room's dice typed, then drawn.
    fn roll(&mut self, ui: &mut Ui, pc: &mut PanelCtx, d: &SeatDraw) {
        let a = pc.alliance;
        let lang = pc.lang;
        inputs_summary(ui, lang, d);
        chances_shown(ui, lang, d, &d.recorded_chances(), false);
        rotation_plan(ui, pc, d);
        ui.add_space(6.0);
        ui.label(RichText::new(pc.t(T::Dice)).family(theme::bold()));
        widgets::muted(ui, pc.t(T::DiceHint));
        for (i, die) in d.dice.iter().enumerate() {
            ui.label(format!("{}. {die}", i + 1));
        }
        let mut n = d.clone();
        let mut changed = false;
        ui.add_enabled_ui(!pc.read_only, |ui| {
            ui.horizontal(|ui| {
                let label = pc.t(T::Roll);
                let r = ui.add(
                    egui::TextEdit::singleline(&mut self.die)
                        .id_salt(("die", d.id))
                        .hint_text(label)
                        .desired_width(160.0),
                );
                widgets::name_widget(ui, &r, label);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button(pc.t(T::AddRoll)).clicked() || enter) && !self.die.trim().is_empty() {
                    // Dice only: a number from 1 to 6 per die.
                    if draw::is_roll(&self.die) {
                        n.dice.push(self.die.trim().to_string());
                        self.die.clear();
                        self.error = None;
                        changed = true;
                    } else {
                        self.error = Some(pc.t(T::NotDice).replace("{roll}", self.die.trim()));
                    }
                    r.request_focus();
                }
                if !d.dice.is_empty() && ui.button(pc.t(T::RemoveLastRoll)).clicked() {
                    n.dice.pop();
                    changed = true;
                }
            });
            ui.add_space(6.0);
            if widgets::primary(ui, pc.t(T::DoDraw)).clicked() {
                match a.run_draw(d.id) {
                    Ok(e) => {
                        self.error = None;
                        pc.edit(e);
                        pc.seal = true;
                    }
                    Err(e) => self.error = Some(draw_error(lang, &e)),
                }
            }
        });
        if d.dice.is_empty() && self.error.is_none() {
            widgets::muted(ui, pc.t(T::NoDiceYet));
        }
        if let Some(e) = &self.error {
            ui.colored_label(theme::DANGER, e);
        }
        if changed {
            pc.edit(a.update(n));
            pc.seal = true;
        }
    }

    /// A draw made: its seed and the parties drawn, checked on request.
    fn outcome(
        &mut self,
        ui: &mut Ui,
        pc: &mut PanelCtx,
        d: &SeatDraw,
        command: &mut Option<UiCommand>,
    ) {
        let a = pc.alliance;
        let lang = pc.lang;
        let title = pc
            .t(T::DrawOf)
            .replace("{date}", &d.date.map(|x| lang.date(x)).unwrap_or_default());
        egui::CollapsingHeader::new(title)
            .id_salt(("draw", d.id))
            .default_open(a.draws_of(d.body).last().is_some_and(|l| l.id == d.id))
            .show(ui, |ui| {
                inputs_summary(ui, lang, d);
                if d.chances.is_empty() {
                    // Made before chances were recorded: estimated on
                    // request (its report does the same), and said so.
                    match &self.afterwards {
                        Some((id, c)) if *id == d.id => {
                            widgets::muted(ui, pc.t(T::PdfSelectionChancesAfterwards));
                            chances_shown(ui, lang, d, c, true);
                        }
                        _ => {
                            if ui.button(pc.t(T::EstimateChances)).clicked()
                                && let Some(c) = d.chances_afterwards()
                            {
                                self.afterwards = Some((d.id, c));
                            }
                        }
                    }
                } else {
                    chances_shown(ui, lang, d, &d.recorded_chances(), true);
                }
                ui.label(format!("{}: {}", pc.t(T::Dice), d.dice.join(" · ")));
                ui.label(RichText::new(format!("{}: {}", pc.t(T::Seed), d.seed)).monospace());
                ui.label(RichText::new(pc.t(T::Drawn)).family(theme::bold()));
                for (i, p) in d.chosen.iter().enumerate() {
                    let (_, end) = d.term_of(i);
                    let name = d
                        .candidates
                        .iter()
                        .find(|c| c.party == *p)
                        .map_or("?", |c| c.name.as_str());
                    ui.label(format!(
                        "{}. {name} — {} {}",
                        i + 1,
                        pc.t(T::Until),
                        end.map(|e| lang.date(e)).unwrap_or_default()
                    ));
                }
                if d.sitting_out_used {
                    widgets::muted(ui, pc.t(T::SittingOutUsed));
                }
                ui.horizontal(|ui| {
                    if ui.button(pc.t(T::CheckDraw)).clicked() {
                        let found = match a.verify_draw(d.id) {
                            Ok(v) => v.problems,
                            Err(e) => vec![draw_error(lang, &e)],
                        };
                        self.checked = Some((d.id, found));
                    }
                    if ui.button(pc.t(T::SelectionReport)).clicked() {
                        *command = Some(UiCommand::ExportPdf(Kind::Selection, Some(d.id)));
                    }
                });
                if let Some((id, found)) = &self.checked
                    && *id == d.id
                {
                    if found.is_empty() {
                        ui.colored_label(theme::DONE, pc.t(T::DrawChecked));
                    } else {
                        for f in found {
                            ui.colored_label(theme::DANGER, f);
                        }
                    }
                }
            });
    }
}

/// A value of a draw computed once per revision of the file, not every
/// frame: what `slot` holds when it is of this draw and revision, else
/// `compute`'s, kept.
fn per_revision<T>(
    slot: &mut Option<(Id, u64, T)>,
    id: Id,
    revision: u64,
    compute: impl FnOnce() -> T,
) -> &T {
    if slot
        .as_ref()
        .is_some_and(|(i, r, _)| *i != id || *r != revision)
    {
        *slot = None;
    }
    &slot.get_or_insert_with(|| (id, revision, compute())).2
}

/// The fixed inputs of a draw, as shown to the room before the dice.
fn inputs_summary(ui: &mut Ui, lang: Lang, d: &SeatDraw) {
    let free = d.free_seats();
    ui.label(
        lang.tr(T::DrawFree)
            .replace("{n}", &free.to_string())
            .replace("{total}", &d.seats.to_string()),
    );
    for q in &d.quotas {
        ui.label(format!("• {}", quota_text(lang, q)));
    }
    let names: Vec<&str> = d.candidates.iter().map(|c| c.name.as_str()).collect();
    widgets::muted(
        ui,
        &format!(
            "{} {}",
            lang.tr(T::CandidatesCount)
                .replace("{n}", &d.candidates.len().to_string()),
            names.join(", ")
        ),
    );
    let method = d.method_kind();
    widgets::muted(
        ui,
        &lang
            .tr(T::DrawMethod)
            .replace("{method}", crate::i18n::method_label(lang, method))
            .replace("{id}", method.map_or(d.method.as_str(), |m| m.id())),
    );
}

/// A draw's chances in words (the lowest beside the equal share, then by
/// feature), and each candidate's chance on request; nothing when none are
/// known (a draw made before chances were recorded).
fn chances_shown(ui: &mut Ui, lang: Lang, d: &SeatDraw, c: &draw::Chances, made: bool) {
    let lines = crate::i18n::chance_lines(lang, d, c, made);
    let Some((first, rest)) = lines.split_first() else {
        return;
    };
    ui.label(RichText::new(first).family(theme::bold()));
    for line in rest {
        widgets::muted(ui, line);
    }
    egui::CollapsingHeader::new(lang.tr(T::ChancesPerCandidate))
        .id_salt(("chances", d.id, made))
        .show(ui, |ui| {
            egui::Grid::new(("chance-grid", d.id, made))
                .num_columns(2)
                .spacing([16.0, 2.0])
                .show(ui, |ui| {
                    for (id, m) in &c.chances {
                        let name = d
                            .candidates
                            .iter()
                            .find(|x| x.party == *id)
                            .map_or("?", |x| x.name.as_str());
                        ui.label(name);
                        ui.label(crate::i18n::percent(lang, *m));
                        ui.end_row();
                    }
                });
        });
}

/// The values a category takes among a draw's candidates and kept seats,
/// with how many have each.
fn values_of(d: &SeatDraw, c: Category) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for cand in d.candidates.iter().chain(&d.kept) {
        for (k, v) in &cand.features {
            if k == c.key() {
                *counts.entry(v.clone()).or_default() += 1;
            }
        }
    }
    counts.into_iter().collect()
}

/// When the table's seats come free once this draw is made, seat by seat,
/// and a warning when a rotation would replace more than half the table.
fn rotation_plan(ui: &mut Ui, pc: &PanelCtx, d: &SeatDraw) {
    let a = pc.alliance;
    let lang = pc.lang;
    let plan = a.rotation_plan(d);
    if plan.is_empty() {
        return;
    }
    ui.label(RichText::new(pc.t(T::RotationPlan)).family(theme::bold()));
    for f in &plan {
        let mut which: Vec<String> = Vec::new();
        if !f.drawn.is_empty() {
            let places: Vec<String> = f.drawn.iter().map(|n| (n + 1).to_string()).collect();
            which.push(
                pc.t(T::RotationDrawnSeats)
                    .replace("{list}", &places.join(", ")),
            );
        }
        if !f.continuing.is_empty() {
            let names: Vec<&str> = f
                .continuing
                .iter()
                .map(|p| a.party_name(Some(*p)))
                .collect();
            which.push(names.join(", "));
        }
        ui.label(
            lang.count(T::RotationFreeOn, f.seats as usize)
                .replace("{date}", &lang.date(f.day))
                .replace("{which}", &which.join("; ")),
        );
    }
    if let Some(f) = a.rotation_warning(d) {
        ui.colored_label(
            theme::WARN_FG,
            pc.t(T::RotationTooMany)
                .replace("{date}", &lang.date(f.day))
                .replace("{n}", &f.seats.to_string())
                .replace("{total}", &d.seats.to_string()),
        );
    }
}

/// The day of the next rotation: the day after the first seat ends, or
/// today when a seat is free now.
pub fn next_rotation(a: &Alliance, body: Id, today: NaiveDate) -> NaiveDate {
    let rot = a.rotation(body, today);
    if rot.free > 0 {
        return today;
    }
    rot.continuing
        .iter()
        .filter_map(|s| s.end)
        .min()
        .and_then(|e| e.succ_opt())
        .unwrap_or(today)
}

fn draw_error(lang: Lang, e: &table::TableError) -> String {
    match e {
        table::TableError::Edit(e) => lang.edit_error(e),
        table::TableError::NotFixed => lang.tr(T::FixDrawHint).to_string(),
        table::TableError::NotDice(roll) => lang.tr(T::NotDice).replace("{roll}", roll),
        other => other.to_string(),
    }
}

fn number_row(
    ui: &mut Ui,
    pc: &mut PanelCtx,
    label: T,
    value: &mut u32,
    range: std::ops::RangeInclusive<u32>,
) -> bool {
    let l = ui.label(RichText::new(pc.t(label)).color(theme::MUTED));
    let r = ui
        .add(egui::DragValue::new(value).range(range))
        .labelled_by(l.id);
    ui.end_row();
    if r.drag_stopped() || r.lost_focus() {
        pc.seal = true;
    }
    r.changed()
}
