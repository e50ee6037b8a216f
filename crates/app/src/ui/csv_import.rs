//! Importing parties (and their people) from a CSV file saved by Excel or
//! LibreOffice: a preview with the columns mapped to fields, every bad row
//! named with its line and reason, and nothing written unless the whole
//! file is right. The import is one undo step.

use egui::{RichText, Ui};

use crate::csvimport::update::{self, PartyPlan, Status};
use crate::csvimport::{self, Field, RowError, Table};
use crate::i18n::{Lang, T};

use super::theme;
use super::widgets::{self, PanelCtx};

/// An import being previewed.
pub struct CsvImport {
    pub file_name: String,
    table: Table,
    mapping: Vec<Option<Field>>,
    /// What the sheet would do to the register (party by party) and the
    /// rows that cannot be read, for the alliance's revision they were
    /// made against.
    result: Option<(u64, Vec<PartyPlan>, Vec<RowError>)>,
    /// Which parties of the plan to apply (new and changed ones unless
    /// unticked).
    chosen: Vec<bool>,
}

/// What the preview asks of its panel.
pub enum Outcome {
    Keep,
    Cancel,
    /// Imported: the number of parties and of people.
    Imported(usize, usize),
}

/// Why a file could not be read as a table, in one sentence.
pub fn read_error(lang: Lang, name: &str, e: &csvimport::ReadError) -> String {
    let why = match lang {
        Lang::Nl => e.message_nl(),
        Lang::En => e.to_string(),
    };
    format!("{name}: {why}")
}

fn field_name(lang: Lang, f: Field) -> &'static str {
    match lang {
        Lang::Nl => f.label_nl(),
        Lang::En => f.label(),
    }
}

impl CsvImport {
    pub fn new(file_name: String, table: Table) -> CsvImport {
        let mapping = csvimport::guess_mapping(&table.headers);
        CsvImport {
            file_name,
            table,
            mapping,
            result: None,
            chosen: Vec::new(),
        }
    }

    /// The preview, in a window over the page.
    ///
    /// Long for a reason: the import dialog's steps in order (file, columns, what will happen,
    /// import).
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) -> Outcome {
        let a = pc.alliance;
        let lang = pc.lang;
        if self.result.as_ref().is_none_or(|r| r.0 != pc.revision) {
            let (parties, errors) = csvimport::parties(&self.table, &self.mapping, &[]);
            let plans = update::plan(a, &parties);
            self.chosen = plans.iter().map(PartyPlan::applies).collect();
            self.result = Some((pc.revision, plans, errors));
        }
        let mut outcome = Outcome::Keep;
        let modal = egui::Modal::new(ui.scope_id().with("csv-import")).show(ui.ctx(), |ui| {
            ui.set_width(860.0);
            widgets::section(
                ui,
                &pc.t(T::CsvImportTitle).replace("{file}", &self.file_name),
            );
            let encoding = match self.table.encoding {
                csvimport::Encoding::Utf8 => "UTF-8",
                csvimport::Encoding::Utf8Bom => "UTF-8 (BOM)",
                csvimport::Encoding::Windows1252 => "Windows-1252",
            };
            let separator = match self.table.separator {
                b'\t' => "tab".to_string(),
                c => format!("‘{}’", c as char),
            };
            widgets::muted(
                ui,
                &pc.t(T::CsvFound)
                    .replace("{rows}", &self.table.rows.len().to_string())
                    .replace("{encoding}", encoding)
                    .replace("{separator}", &separator),
            );
            ui.add_space(6.0);
            ui.label(RichText::new(pc.t(T::CsvColumns)).family(theme::bold()));
            let mut remapped = false;
            egui::ScrollArea::horizontal()
                .id_salt("csv-columns")
                .show(ui, |ui| {
                    egui::Grid::new("csv-preview")
                        .striped(true)
                        .spacing([12.0, 4.0])
                        .show(ui, |ui| {
                            for (i, h) in self.table.headers.iter().enumerate() {
                                let current = self.mapping.get(i).copied().flatten();
                                let shown = current
                                    .map(|f| field_name(lang, f))
                                    .unwrap_or(pc.t(T::CsvIgnore));
                                let mut pick: Option<Option<Field>> = None;
                                let r = widgets::Combo::new(("csv-map", i), shown)
                                    .width(150.0)
                                    .show(ui, |ui| {
                                        if ui
                                            .selectable_label(current.is_none(), pc.t(T::CsvIgnore))
                                            .clicked()
                                        {
                                            pick = Some(None);
                                        }
                                        for f in Field::ALL {
                                            if ui
                                                .selectable_label(
                                                    current == Some(f),
                                                    field_name(lang, f),
                                                )
                                                .clicked()
                                            {
                                                pick = Some(Some(f));
                                            }
                                        }
                                    });
                                widgets::name_widget(
                                    ui,
                                    &r,
                                    &pc.t(T::CsvColumnOf).replace("{column}", h),
                                );
                                if let Some(f) = pick {
                                    // A field goes to one column only.
                                    if let Some(f) = f {
                                        for m in self.mapping.iter_mut() {
                                            if *m == Some(f) {
                                                *m = None;
                                            }
                                        }
                                    }
                                    if let Some(m) = self.mapping.get_mut(i) {
                                        *m = f;
                                    }
                                    remapped = true;
                                }
                            }
                            ui.end_row();
                            for h in &self.table.headers {
                                ui.label(RichText::new(h).family(theme::bold()));
                            }
                            ui.end_row();
                            for (_, cells) in self.table.rows.iter().take(6) {
                                for i in 0..self.table.headers.len() {
                                    let cell = cells.get(i).map_or("", String::as_str);
                                    let short: String = cell.chars().take(28).collect();
                                    ui.label(if short.len() < cell.len() {
                                        format!("{short}…")
                                    } else {
                                        short
                                    });
                                }
                                ui.end_row();
                            }
                        });
                });
            if remapped {
                self.result = None;
            }
            ui.add_space(8.0);
            let Some((_, plans, errors)) = &self.result else {
                return;
            };
            if errors.is_empty() {
                plan_list(ui, pc, plans, &mut self.chosen);
            } else {
                ui.colored_label(
                    theme::DANGER,
                    pc.lang
                        .count(T::CsvErrors, crate::csvimport::wrong_rows(errors)),
                );
                egui::ScrollArea::vertical()
                    .id_salt("csv-errors")
                    .max_height(180.0)
                    .show(ui, |ui| {
                        for e in errors {
                            let reason = match lang {
                                Lang::Nl => &e.reason_nl,
                                Lang::En => &e.reason,
                            };
                            ui.label(
                                pc.t(T::CsvLine)
                                    .replace("{line}", &e.line.to_string())
                                    .replace("{reason}", reason),
                            );
                        }
                    });
            }
            ui.add_space(8.0);
            let applied: Vec<&PartyPlan> = plans
                .iter()
                .zip(&self.chosen)
                .filter(|(p, on)| **on && p.applies())
                .map(|(p, _)| p)
                .collect();
            ui.horizontal(|ui| {
                let ready = errors.is_empty() && !applied.is_empty() && !pc.read_only;
                if ui
                    .add_enabled(
                        ready,
                        egui::Button::new(
                            RichText::new(pc.lang.count(T::CsvApplyButton, applied.len()))
                                .color(theme::ACCENT_TEXT),
                        )
                        .fill(theme::ACCENT),
                    )
                    .clicked()
                {
                    let people = applied
                        .iter()
                        .map(|p| p.people.iter().filter(|x| x.existing.is_none()).count())
                        .sum();
                    pc.edit(update::apply(a, plans, &self.chosen, pc.today));
                    pc.seal = true;
                    outcome = Outcome::Imported(applied.len(), people);
                }
                if ui.button(pc.t(T::Cancel)).clicked() {
                    outcome = Outcome::Cancel;
                }
            });
        });
        if modal.should_close() && matches!(outcome, Outcome::Keep) {
            outcome = Outcome::Cancel;
        }
        outcome
    }
}

/// What the sheet does to the register, party by party: a tick to apply
/// it (new and changed ones are ticked), its status, and each change.
fn plan_list(ui: &mut Ui, pc: &PanelCtx, plans: &[PartyPlan], chosen: &mut [bool]) {
    let lang = pc.lang;
    let a = pc.alliance;
    let count = |s: Status| plans.iter().filter(|p| p.status() == s).count();
    ui.label(
        pc.t(T::CsvPlanSummary)
            .replace("{new}", &count(Status::New).to_string())
            .replace("{changed}", &count(Status::Changed).to_string())
            .replace("{same}", &count(Status::Unchanged).to_string())
            .replace("{conflicts}", &count(Status::Conflict).to_string()),
    );
    let value = |f: Field, v: &str| match f {
        Field::Kind => crate::i18n::feature_label(lang, "kind", v),
        _ => v.to_string(),
    };
    egui::ScrollArea::vertical()
        .id_salt("csv-plan")
        .max_height(280.0)
        .show(ui, |ui| {
            for (i, p) in plans.iter().enumerate() {
                let status = p.status();
                let (word, colour) = match status {
                    Status::New => (T::CsvStatusNew, theme::DONE),
                    Status::Changed => (T::CsvStatusChanged, theme::ACCENT),
                    Status::Unchanged => (T::CsvStatusUnchanged, theme::MUTED),
                    Status::Conflict => (T::CsvStatusConflict, theme::DANGER),
                };
                ui.horizontal_wrapped(|ui| {
                    let mut on = chosen.get(i).copied().unwrap_or(false) && p.applies();
                    let label = format!("{} — {}", p.party.name, pc.t(word));
                    let r = ui.add_enabled(p.applies(), egui::Checkbox::new(&mut on, ""));
                    widgets::name_widget(ui, &r, &label);
                    if r.changed()
                        && let Some(c) = chosen.get_mut(i)
                    {
                        *c = on;
                    }
                    ui.label(
                        RichText::new(pc.t(word))
                            .color(colour)
                            .family(theme::bold()),
                    );
                    ui.label(&p.party.name);
                    if p.renamed {
                        let was = p
                            .existing
                            .and_then(|id| a.party(id))
                            .map_or("", |x| x.name.as_str());
                        widgets::muted(ui, &pc.t(T::CsvRenamed).replace("{was}", was));
                    }
                    widgets::muted(
                        ui,
                        &pc.t(T::CsvLineNo)
                            .replace("{line}", &p.party.line.to_string()),
                    );
                });
                let mut details: Vec<String> = Vec::new();
                for c in p.changes.iter().filter(|c| c.field != Field::Name) {
                    details.push(format!(
                        "{}: ‘{}’ → ‘{}’",
                        field_name(lang, c.field),
                        value(c.field, &c.before),
                        value(c.field, &c.after)
                    ));
                }
                if status != Status::New {
                    for x in &p.people {
                        if x.existing.is_none() {
                            details.push(pc.t(T::CsvNewPerson).replace("{name}", &x.person.name));
                        }
                        for c in &x.changes {
                            details.push(format!(
                                "{}, {}: ‘{}’ → ‘{}’",
                                x.person.name,
                                field_name(lang, c.field),
                                c.before,
                                c.after
                            ));
                        }
                    }
                }
                for c in &p.conflicts {
                    details.push(
                        pc.t(T::CsvLine)
                            .replace("{line}", &c.line.to_string())
                            .replace("{reason}", lang.pick(&c.reason_nl, &c.reason)),
                    );
                }
                for d in details {
                    ui.horizontal(|ui| {
                        ui.add_space(28.0);
                        widgets::muted(ui, &d);
                    });
                }
            }
        });
}
