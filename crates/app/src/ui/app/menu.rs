//! The menu bar: its entries come from the command table.

use super::*;

impl SamenspelApp {
    /// Long for a reason: every menu and its entries in the order the menu bar shows them: a
    /// list, read top to bottom.
    pub(super) fn menu(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        egui::Panel::top("menu")
            .frame(
                egui::Frame::new()
                    .fill(theme::SURFACE)
                    .inner_margin(egui::Margin::symmetric(8, 4)),
            )
            .show(ui, |ui| {
                egui::MenuBar::new().ui(ui, |ui| {
                    let lang = self.lang();
                    // A menu entry of the command table: its text and key.
                    let entry = |ui: &mut Ui, command: UiCommand, enabled: bool| {
                        ui.add_enabled(
                            enabled,
                            egui::Button::new(command.text(lang))
                                .shortcut_text(command.shortcut_text(&ctx)),
                        )
                        .clicked()
                    };
                    ui.menu_button(self.t(T::MenuFile), |ui| {
                        for command in [UiCommand::NewAlliance, UiCommand::OpenAlliance] {
                            if entry(ui, command, true) {
                                self.run_command(&ctx, command);
                            }
                        }
                        if ui.button(self.t(T::OpenExample)).clicked() {
                            self.open_example();
                        }
                        let recent: Vec<PathBuf> = self
                            .settings
                            .recent
                            .iter()
                            .filter(|p| p.exists())
                            .cloned()
                            .collect();
                        ui.add_enabled_ui(!recent.is_empty(), |ui| {
                            ui.menu_button(self.t(T::MenuRecent), |ui| {
                                for path in recent {
                                    if ui.button(path.display().to_string()).clicked() {
                                        self.open(&path);
                                    }
                                }
                            });
                        });
                        ui.add_enabled_ui(self.doc.is_some(), |ui| {
                            ui.menu_button(self.t(T::MenuExportPdf), |ui| {
                                for (kind, key, missing) in [
                                    (Kind::Pack, T::ExportPack, T::NoMeetingYet),
                                    (Kind::Minutes, T::ExportMinutes, T::NoMeetingYet),
                                    (Kind::Covenant, T::ExportCovenant, T::NoCovenantYet),
                                    (Kind::Intake, T::ExportIntake, T::NoMeetingYet),
                                    (Kind::Maps, T::ExportMaps, T::NoMapsYet),
                                ] {
                                    if ui.button(self.t(key)).clicked() {
                                        match self.pdf_request_for(kind) {
                                            Some(request) => self.export_pdf(request),
                                            None => {
                                                self.notice = Some(
                                                    self.t(T::PdfNothing)
                                                        .replace("{what}", self.t(missing)),
                                                )
                                            }
                                        }
                                    }
                                }
                            });
                        });
                        ui.separator();
                        // The passphrase: set or change it, lock now, and
                        // after how much quiet the texts lock by themselves.
                        let encrypted = self.doc.as_ref().is_some_and(|d| d.is_encrypted());
                        let unlocked =
                            encrypted && self.doc.as_ref().is_some_and(|d| !d.is_locked());
                        let writable = self.doc.as_ref().is_some_and(|d| !d.is_read_only());
                        let set_text = if encrypted {
                            T::ChangePassphrase
                        } else {
                            T::SetPassphrase
                        };
                        if ui
                            .add_enabled(writable, egui::Button::new(self.t(set_text)))
                            .clicked()
                        {
                            self.run_command(&ctx, UiCommand::SetPassphrase);
                        }
                        if entry(ui, UiCommand::Lock, unlocked) {
                            self.run_command(&ctx, UiCommand::Lock);
                        }
                        ui.add_enabled_ui(writable, |ui| {
                            ui.menu_button(self.t(T::PruneHistory), |ui| {
                                for m in super::locking::PRUNE_CHOICES {
                                    if ui
                                        .button(lang.count(T::PruneOlderThan, m as usize))
                                        .clicked()
                                    {
                                        self.locking.prune = Some(m);
                                    }
                                }
                            });
                        });
                        ui.menu_button(self.t(T::AutoLock), |ui| {
                            let current = self
                                .settings
                                .lock_after_minutes
                                .unwrap_or(super::super::settings::DEFAULT_LOCK_MINUTES);
                            for m in super::super::settings::LOCK_CHOICES {
                                let text = match m {
                                    0 => self.t(T::AutoLockNever).to_string(),
                                    m => lang.count(T::AutoLockAfter, m as usize),
                                };
                                if ui.radio(current == m, text).clicked() {
                                    self.settings.lock_after_minutes = Some(m);
                                    self.save_settings();
                                }
                            }
                        });
                        ui.separator();
                        if entry(ui, UiCommand::Close, self.doc.is_some()) {
                            self.run_command(&ctx, UiCommand::Close);
                        }
                        if entry(ui, UiCommand::Quit, true) {
                            self.run_command(&ctx, UiCommand::Quit);
                        }
                    });
                    ui.menu_button(self.t(T::MenuEdit), |ui| {
                        // A step that would cross what the room saw (or a
                        // party's own stance) is not offered; the menu
                        // says why instead.
                        let refused = |undo: bool| {
                            self.doc
                                .as_ref()
                                .and_then(|d| d.step_refused(undo))
                                .map(|e| self.settings.lang.edit_error(&e))
                        };
                        let (undo_why, redo_why) = (refused(true), refused(false));
                        let can_undo =
                            self.doc.as_ref().is_some_and(Document::can_undo) && undo_why.is_none();
                        let can_redo =
                            self.doc.as_ref().is_some_and(Document::can_redo) && redo_why.is_none();
                        // The menu names the step: "Ongedaan maken: …".
                        let undo_text = match (can_undo, self.next_step_text(true)) {
                            (true, Some(step)) => self.t(T::UndoStep).replace("{step}", &step),
                            (true, None) => self.t(T::Undo).to_string(),
                            (false, _) if undo_why.is_some() => self.t(T::Undo).to_string(),
                            (false, _) => self.t(T::NothingToUndo).to_string(),
                        };
                        let redo_text = match (can_redo, self.next_step_text(false)) {
                            (true, Some(step)) => self.t(T::RedoStep).replace("{step}", &step),
                            (true, None) => self.t(T::Redo).to_string(),
                            (false, _) if redo_why.is_some() => self.t(T::Redo).to_string(),
                            (false, _) => self.t(T::NothingToRedo).to_string(),
                        };
                        for (command, text, enabled, why) in [
                            (UiCommand::Undo, undo_text, can_undo, undo_why),
                            (UiCommand::Redo, redo_text, can_redo, redo_why),
                        ] {
                            if let Some(why) = why {
                                let r = ui.add_enabled(
                                    false,
                                    egui::Button::new(text)
                                        .shortcut_text(command.shortcut_text(&ctx)),
                                );
                                r.on_disabled_hover_text(&why);
                                ui.label(RichText::new(why).small().color(theme::MUTED));
                                continue;
                            }
                            if ui
                                .add_enabled(
                                    enabled,
                                    egui::Button::new(text)
                                        .shortcut_text(command.shortcut_text(&ctx)),
                                )
                                .clicked()
                            {
                                self.run_command(&ctx, command);
                            }
                        }
                    });
                    ui.menu_button(self.t(T::MenuView), |ui| {
                        for (command, mode) in [
                            (UiCommand::PresentSecond, PresentMode::SecondWindow),
                            (UiCommand::PresentHere, PresentMode::ThisWindow),
                        ] {
                            if entry(ui, command, self.doc.is_some()) {
                                self.start_presenting(mode);
                            }
                        }
                        ui.separator();
                        ui.label(
                            RichText::new(self.t(T::Language))
                                .small()
                                .color(theme::MUTED),
                        );
                        for lang in Lang::ALL {
                            if ui
                                .radio(self.settings.lang == lang, lang.native_name())
                                .clicked()
                            {
                                self.set_lang(lang);
                            }
                        }
                    });
                    ui.menu_button(self.t(T::MenuHelp), |ui| {
                        if entry(ui, UiCommand::ShowShortcuts, true) {
                            self.run_command(&ctx, UiCommand::ShowShortcuts);
                        }
                    });
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        for lang in Lang::ALL.iter().rev() {
                            let code = match lang {
                                Lang::Nl => "NL",
                                Lang::En => "EN",
                            };
                            let r = ui
                                .selectable_label(self.settings.lang == *lang, code)
                                .on_hover_text(lang.native_name());
                            if r.clicked() {
                                self.set_lang(*lang);
                            }
                        }
                    });
                });
            });
    }
}
