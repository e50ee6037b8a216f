//! The passphrase in the window: the unlock card a confidential panel shows
//! while locked, the dialog that sets or changes the passphrase, locking at
//! once (Ctrl+L) and by itself after a quiet period; and forgetting old
//! undo history, so that old confidential text is really gone.

use std::time::Instant;

use super::*;

/// What the window keeps of the lock.
#[derive(Default)]
pub(crate) struct Locking {
    /// The passphrase being typed on the unlock card.
    typed: String,
    error: Option<String>,
    /// The dialog that sets or changes the passphrase, when open.
    dialog: Option<PassphraseDialog>,
    /// When the facilitator last did something.
    last_activity: Option<Instant>,
    /// The passphrase field took the focus once.
    focused: bool,
    /// A quiet period shorter than a minute (tests).
    quiet_override: Option<std::time::Duration>,
    /// Forgetting history older than so many months, to be confirmed.
    pub(super) prune: Option<u32>,
}

/// The ages of history that can be forgotten, in months.
pub(super) const PRUNE_CHOICES: [u32; 4] = [1, 3, 6, 12];

#[derive(Default)]
struct PassphraseDialog {
    new: String,
    repeat: String,
    error: Option<String>,
    /// The first field took the focus when the dialog opened.
    focused: bool,
}

impl View {
    /// Whether the part shows confidential texts (locked with the file).
    pub fn is_confidential(self) -> bool {
        matches!(
            self,
            View::Trust | View::Intakes | View::Comfort | View::Shared
        )
    }
}

/// The card in place of a confidential panel while the texts are locked:
/// the passphrase, and one sentence when it was wrong. True when the
/// facilitator asks to unlock.
pub(super) fn card(ui: &mut Ui, lang: Lang, locking: &mut Locking) -> bool {
    let mut submit = false;
    theme::card().show(ui, |ui| {
        ui.set_max_width(560.0);
        ui.label(
            RichText::new(lang.tr(T::LockedTitle))
                .size(20.0)
                .family(theme::bold()),
        );
        ui.add_space(6.0);
        ui.label(lang.tr(T::LockedBody));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            ui.label(lang.tr(T::Passphrase));
            let r = ui.add(
                egui::TextEdit::singleline(&mut locking.typed)
                    .id_salt("unlock-passphrase")
                    .password(true)
                    .desired_width(260.0),
            );
            widgets::name_widget(ui, &r, lang.tr(T::Passphrase));
            if !locking.focused {
                r.request_focus();
                locking.focused = true;
            }
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                submit = true;
            }
            if ui.button(lang.tr(T::Unlock)).clicked() {
                submit = true;
            }
        });
        if let Some(error) = &locking.error {
            ui.add_space(4.0);
            ui.label(RichText::new(error).color(theme::DANGER));
        }
    });
    submit
}

impl Locking {
    /// Unlock with what was typed; one sentence when it is wrong.
    pub(super) fn unlock(&mut self, doc: &mut Document, lang: Lang) {
        let typed = std::mem::take(&mut self.typed);
        match doc.unlock(&typed) {
            Ok(()) => {
                self.error = None;
                self.last_activity = Some(Instant::now());
            }
            Err(e) => {
                self.error = Some(lang.store_error(&e));
                self.focused = false;
            }
        }
    }
}

impl SamenspelApp {
    /// Lock after `quiet` instead of the chosen minutes (tests).
    #[doc(hidden)]
    pub fn set_quiet_period(&mut self, quiet: std::time::Duration) {
        self.locking.quiet_override = Some(quiet);
    }

    /// Lock the confidential texts now.
    pub(super) fn lock_now(&mut self) {
        if let Some(doc) = self.doc.as_mut() {
            doc.lock();
        }
        self.locking.typed.clear();
        self.locking.error = None;
        self.locking.focused = false;
    }

    pub(super) fn ask_passphrase(&mut self) {
        if self.doc.as_ref().is_some_and(|d| d.is_locked()) {
            // Unlocked first, on the intake page.
            self.view = View::Intakes;
            return;
        }
        self.locking.dialog = Some(PassphraseDialog::default());
    }

    /// The dialog that sets or changes the passphrase.
    pub(super) fn passphrase_dialog(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let encrypted = self.doc.as_ref().is_some_and(|d| d.is_encrypted());
        let Some(dialog) = self.locking.dialog.as_mut() else {
            return;
        };
        let (mut done, mut cancel) = (false, false);
        egui::Modal::new(egui::Id::unique("passphrase-dialog")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            let title = if encrypted {
                T::ChangePassphrase
            } else {
                T::SetPassphrase
            };
            ui.label(
                RichText::new(lang.tr(title).trim_end_matches('…'))
                    .size(18.0)
                    .family(theme::bold()),
            );
            ui.add_space(6.0);
            ui.label(lang.tr(T::PassphraseIntro));
            ui.add_space(8.0);
            egui::Grid::new("passphrase-grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    // The cursor starts in the first field; Enter there goes
                    // on to the second, Enter in the second sets it.
                    let mut next = None;
                    for (i, (key, value, id)) in [
                        (T::NewPassphrase, &mut dialog.new, "new-passphrase"),
                        (T::RepeatPassphrase, &mut dialog.repeat, "repeat-passphrase"),
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        ui.label(lang.tr(key));
                        let r = ui.add(
                            egui::TextEdit::singleline(value)
                                .id_salt(id)
                                .password(true)
                                .desired_width(260.0),
                        );
                        widgets::name_widget(ui, &r, lang.tr(key));
                        if i == 0 && !dialog.focused {
                            r.request_focus();
                            dialog.focused = true;
                        }
                        if next == Some(i) {
                            r.request_focus();
                        }
                        if r.lost_focus() && ui.input(|inp| inp.key_pressed(egui::Key::Enter)) {
                            if i == 0 {
                                next = Some(1);
                            } else {
                                done = true;
                            }
                        }
                        ui.end_row();
                    }
                });
            ui.add_space(8.0);
            ui.label(
                RichText::new(lang.tr(T::PassphraseWarning))
                    .color(theme::WARN_FG)
                    .family(theme::bold()),
            );
            if let Some(error) = &dialog.error {
                ui.add_space(4.0);
                ui.label(RichText::new(error).color(theme::DANGER));
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let button = if encrypted {
                    T::ChangeButton
                } else {
                    T::SetButton
                };
                if ui.button(lang.tr(button)).clicked() {
                    done = true;
                }
                if ui.button(lang.tr(T::Cancel)).clicked() {
                    cancel = true;
                }
            });
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                cancel = true;
            }
        });
        if cancel {
            self.locking.dialog = None;
            return;
        }
        if !done {
            return;
        }
        if let Err(e) = crate::crypt::check_new(&dialog.new, &dialog.repeat) {
            dialog.error = Some(lang.crypt_error(e).to_string());
            return;
        }
        let new = std::mem::take(&mut dialog.new);
        let Some(doc) = self.doc.as_mut() else { return };
        match doc.set_passphrase(&new) {
            Ok(()) => {
                self.locking.dialog = None;
                let backups: Vec<String> = doc
                    .removed_backups()
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect();
                self.notice = Some(if backups.is_empty() {
                    lang.tr(T::PassphraseSet).to_string()
                } else {
                    lang.tr(T::PassphraseSetBackups)
                        .replace("{files}", &backups.join(", "))
                });
            }
            Err(e) => dialog.error = Some(lang.store_error(&e)),
        }
    }

    /// Lock by itself after the quiet period the facilitator chose, and
    /// wake up in time to do so.
    pub(super) fn auto_lock(&mut self, ctx: &egui::Context) {
        let Some(after) = self.locking.quiet_override.or(self.settings.lock_after()) else {
            return;
        };
        let active = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| !matches!(e, egui::Event::WindowFocused(_)))
        });
        let now = Instant::now();
        if active || self.locking.last_activity.is_none() {
            self.locking.last_activity = Some(now);
        }
        let Some(doc) = self.doc.as_ref() else { return };
        if !doc.is_encrypted() || doc.is_locked() {
            return;
        }
        let quiet = self
            .locking
            .last_activity
            .map(|t| now.duration_since(t))
            .unwrap_or_default();
        if quiet >= after {
            self.lock_now();
        } else {
            ctx.request_repaint_after(after - quiet);
        }
    }

    /// Confirm forgetting old history: how many steps, and that it cannot
    /// be taken back.
    pub(super) fn prune_dialog(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let Some(months) = self.locking.prune else {
            return;
        };
        let Some(doc) = self.doc.as_mut() else { return };
        let n = doc.history_older_than(months);
        let (mut go, mut cancel) = (false, false);
        egui::Modal::new(egui::Id::unique("prune-dialog")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.label(
                RichText::new(lang.tr(T::PruneHistory).trim_end_matches('…'))
                    .size(18.0)
                    .family(theme::bold()),
            );
            ui.add_space(6.0);
            ui.label(
                lang.count(T::PruneWhat, n)
                    .replace("{months}", &lang.count(T::MonthsCount, months as usize)),
            );
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(n > 0, egui::Button::new(lang.tr(T::PruneButton)))
                    .clicked()
                {
                    go = true;
                }
                if ui.button(lang.tr(T::Cancel)).clicked() {
                    cancel = true;
                }
            });
        });
        if go {
            match doc.prune_history(months) {
                Ok(n) => self.notice = Some(lang.count(T::PruneDone, n)),
                Err(e) => self.error = Some(lang.store_error(&e)),
            }
        }
        if go || cancel {
            self.locking.prune = None;
        }
    }
}
