//! Importing parties (and their people) from a CSV file saved by Excel or
//! LibreOffice: a preview with the columns mapped to fields, every bad row
//! named with its line and reason, and nothing written unless the whole
//! file is right. The import is one undo step.

use egui::{RichText, Ui};

use crate::csvimport::{self, Field, ImportedParty, RowError, Table};
use crate::i18n::{Lang, T};

use super::theme;
use super::widgets::{self, PanelCtx};

/// An import being previewed.
pub struct CsvImport {
    pub file_name: String,
    table: Table,
    mapping: Vec<Option<Field>>,
    /// The parties and errors of the current mapping, for the alliance's
    /// revision they were made against.
    result: Option<(u64, Vec<ImportedParty>, Vec<RowError>)>,
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
            let existing: Vec<String> = a.parties.iter().map(|p| p.name.clone()).collect();
            let (parties, errors) = csvimport::parties(&self.table, &self.mapping, &existing);
            self.result = Some((pc.revision, parties, errors));
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
                                let r = egui::ComboBox::from_id_salt(("csv-map", i))
                                    .selected_text(shown)
                                    .width(150.0)
                                    .show_ui(ui, |ui| {
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
                                    })
                                    .response;
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
            let Some((_, parties, errors)) = &self.result else {
                return;
            };
            let people: usize = parties.iter().map(|p| p.people.len()).sum();
            if errors.is_empty() {
                ui.colored_label(
                    theme::DONE,
                    pc.t(T::CsvReady)
                        .replace("{parties}", &parties.len().to_string())
                        .replace("{people}", &people.to_string()),
                );
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
            ui.horizontal(|ui| {
                let ready = errors.is_empty() && !parties.is_empty() && !pc.read_only;
                if ui
                    .add_enabled(
                        ready,
                        egui::Button::new(
                            RichText::new(pc.lang.count(T::CsvImportButton, parties.len()))
                                .color(theme::ACCENT_TEXT),
                        )
                        .fill(theme::ACCENT),
                    )
                    .clicked()
                {
                    pc.edit(csvimport::edit(a, parties, pc.today));
                    pc.seal = true;
                    outcome = Outcome::Imported(parties.len(), people);
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
