//! The workspace: banner, status bar, navigation and the panel on screen.

use super::*;

impl SamenspelApp {
    /// The shell, top to bottom: banner, status bar, navigation, the panel.
    /// Long for a reason: the window's frame in the order it is laid out.
    pub(super) fn workspace(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        // The Share screen draws from the per-revision projection.
        let shared_room = if self.view == View::Shared {
            self.room()
        } else {
            None
        };
        self.meetings.room_info = self.room_info();
        let Some(doc) = self.doc.as_mut() else { return };
        let read_only = doc.is_read_only();
        // A record of commitments changed outside Samenspel: said at once,
        // on every screen.
        record_banner(ui, doc, lang);
        if read_only {
            let (reload, save_copy) = read_only_banner(ui, doc, lang);
            // The other program (a second window, `samenspel serve`) may
            // have let go: then the file is taken back, writable, on the
            // same page; else it is read again as it now is.
            if reload
                && doc.store().access() == crate::store::Access::ReadOnlyInUse
                && let Ok(fresh) = Document::open_at(doc.path(), self.clock)
                && !fresh.is_read_only()
            {
                let view = self.view;
                self.adopt(fresh);
                self.view = view;
                return;
            }
            if reload && let Err(e) = doc.reload() {
                self.error = Some(lang.store_error(&e));
            }
            if save_copy {
                self.save_copy();
                return;
            }
        }
        let (lock_now, save_slot) = status_bar(ui, doc, lang, read_only);
        navigation(ui, doc.alliance(), lang, &mut self.view);
        // What a panel asked the app to do, done after the frame.
        let mut command: Option<UiCommand> = None;
        let locked = doc.is_locked();
        let mut unlock = false;
        let mut pc = PanelCtx::new(doc.alliance(), lang, read_only, self.clock);
        pc.revision = doc.revision();
        egui::CentralPanel::default()
            .frame(
                egui::Frame::new()
                    .fill(theme::PAPER)
                    .inner_margin(egui::Margin::symmetric(24, 16)),
            )
            .show(ui, |ui| match self.view {
                // A confidential part asks for the passphrase first.
                view if locked && view.is_confidential() => {
                    unlock = locking::card(ui, lang, &mut self.locking);
                }
                View::Alliance => {
                    egui::ScrollArea::vertical()
                        .id_salt("alliance-page")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            // Keep the cards clear of the scroll bar.
                            egui::Frame::new()
                                .inner_margin(egui::Margin {
                                    right: 16,
                                    ..Default::default()
                                })
                                .show(ui, |ui| self.alliance_panel.ui(ui, &mut pc));
                        });
                }
                View::Parties => command = self.parties.ui(ui, &mut pc),
                View::People => self.people.ui(ui, &mut pc),
                View::Bodies => command = self.bodies.ui(ui, &mut pc),
                View::Matrix => self.matrix.ui(ui, &mut pc),
                View::Trust => {
                    if self.trust.ui(ui, &mut pc) {
                        command = Some(UiCommand::ExportPdf(Kind::Intake, None));
                    }
                }
                View::Intakes => self.intakes.ui(ui, &mut pc),
                View::Comfort => self.comfort.ui(ui, &mut pc),
                View::Guide => self.guide.ui(ui, &mut pc),
                // Built from the room projection only.
                View::Shared => {
                    if let Some(room) = &shared_room {
                        self.shared.ui(ui, lang, room);
                    }
                }
                View::Strategy => self.strategy.ui(ui, &mut pc),
                View::Network => self.network.ui(ui, &mut pc),
                View::Agenda => self.agenda.ui(ui, &mut pc),
                View::WorkPlan => command = self.plan.ui(ui, &mut pc),
                View::Reliance => self.reliance.ui(ui, &mut pc),
                View::Comments => command = self.comments.ui(ui, &mut pc),
                View::Rules => command = self.rules.ui(ui, &mut pc),
                View::Rounds => self.rounds.ui(ui, &mut pc),
                View::Decisions => self.decisions.ui(ui, &mut pc),
                View::Covenant => command = self.covenant.ui(ui, &mut pc),
                View::Meetings => command = self.meetings.ui(ui, &mut pc),
            });
        let PanelCtx { edits, seal, .. } = pc;
        if !edits.is_empty() {
            // A new change: the last export's message is no longer news.
            self.notice = None;
            self.caution = None;
        }
        for edit in edits {
            // When the file cannot take it now, the edit waits in memory
            // and the status bar says so (see `keep_saving`).
            if let Err(e) = doc.perform_or_hold(edit) {
                self.error = Some(lang.store_error(&e));
                break;
            }
        }
        if seal {
            doc.seal();
        }
        if let Some(slot) = save_slot {
            let mut bar = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(slot)
                    .layout(egui::Layout::right_to_left(egui::Align::Center)),
            );
            let (waiting, why) = doc.unsaved();
            if let Some(why) = self.caution.as_ref().filter(|_| waiting == 0) {
                bar.label(
                    RichText::new(format!("⚠ {why}"))
                        .small()
                        .color(theme::WARN_FG),
                );
            } else if waiting > 0 {
                // Never "saved" while an edit waits for the file.
                let text = format!(
                    "⚠ {} {}",
                    why.map(|w| lang.waiting(w)).unwrap_or_default(),
                    lang.count(T::UnsavedCount, waiting)
                );
                bar.label(RichText::new(text).small().color(theme::WARN_FG));
            } else {
                // The last thing that went well (an export), else the
                // reassurance that everything is kept.
                let text = self
                    .notice
                    .clone()
                    .unwrap_or_else(|| lang.tr(T::SavedHint).to_string());
                bar.label(
                    RichText::new(format!("✓ {text}"))
                        .small()
                        .color(theme::DONE),
                );
            }
        }
        if unlock {
            self.locking.unlock(doc, lang);
        }
        if lock_now {
            self.lock_now();
        }
        if let Some(command) = command {
            let ctx = ui.ctx().clone();
            self.run_command(&ctx, command);
        }
        if let Some(request) = self.meetings.room_request.take() {
            let ctx = ui.ctx().clone();
            self.room_request(&ctx, request);
        }
    }
}

/// The banner over every screen when the record of commitments no longer
/// matches the records (the file was changed outside Samenspel).
fn record_banner(ui: &mut Ui, doc: &crate::document::Document, lang: Lang) {
    if let Some(b) = doc.record_problem() {
        let what = lang.broken(doc.alliance(), b);
        egui::Panel::top("record-banner")
            .frame(
                egui::Frame::new()
                    .fill(theme::WARN_BG)
                    .inner_margin(egui::Margin::symmetric(16, 8)),
            )
            .show(ui, |ui| {
                ui.label(
                    RichText::new(format!(
                        "⚠  {}",
                        lang.tr(T::RecordBrokenBanner)
                            .replace("{what}", &format!("{what}."))
                    ))
                    .color(theme::DANGER),
                );
            });
    }
}

/// The banner of a file that is read only (in use elsewhere, damaged, on
/// read-only media, or a full disk), with its one way on: whether to
/// reload, and whether to save a copy.
fn read_only_banner(ui: &mut Ui, doc: &crate::document::Document, lang: Lang) -> (bool, bool) {
    let access = doc.access();
    let full = doc.store().refused() == Some(crate::store::Waiting::DiskFull);
    let lost = doc.lost_kinds().to_vec();
    let mut reload = false;
    let mut save_copy = false;
    egui::Panel::top("read-only-banner")
        .frame(
            egui::Frame::new()
                .fill(theme::WARN_BG)
                .inner_margin(egui::Margin::symmetric(16, 8)),
        )
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let text = match access {
                    _ if full => T::FullDiskBanner,
                    crate::store::Access::Damaged => T::DamagedBanner,
                    crate::store::Access::ReadOnlyMedia => T::ReadOnlyMediaBanner,
                    _ => T::ReadOnlyBanner,
                };
                ui.label(RichText::new(format!("⚠  {}", lang.tr(text))).color(theme::WARN_FG));
                if !lost.is_empty() {
                    let kinds: Vec<String> = lost.iter().map(|k| lang.record_kind(k)).collect();
                    ui.label(
                        RichText::new(
                            lang.tr(T::DamagedLost)
                                .replace("{kinds}", &kinds.join(" ").replace(':', ",")),
                        )
                        .color(theme::WARN_FG),
                    );
                }
                if access == crate::store::Access::ReadOnlyInUse {
                    if ui.button(lang.tr(T::Reload)).clicked() {
                        reload = true;
                    }
                } else if ui.button(lang.tr(T::SaveCopy)).clicked() {
                    save_copy = true;
                }
            });
        });
    (reload, save_copy)
}

/// The status bar: the file, whether its confidential texts are open (and
/// a way to lock them), and the place where "saved" is said once this
/// frame's edits were written. Whether to lock now, and that place.
fn status_bar(
    ui: &mut Ui,
    doc: &crate::document::Document,
    lang: Lang,
    read_only: bool,
) -> (bool, Option<egui::Rect>) {
    let mut lock_now = false;
    let mut save_slot: Option<egui::Rect> = None;
    egui::Panel::bottom("status")
        .frame(
            egui::Frame::new()
                .fill(theme::SIDEBAR)
                .inner_margin(egui::Margin::symmetric(16, 5)),
        )
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(doc.path().display().to_string())
                        .small()
                        .color(theme::MUTED),
                );
                // Whether the confidential texts are open, and a way to
                // lock them at once.
                if doc.is_encrypted() {
                    ui.separator();
                    if doc.is_locked() {
                        ui.label(
                            RichText::new(lang.tr(T::LockedStatus))
                                .small()
                                .color(theme::MUTED),
                        );
                    } else {
                        ui.label(
                            RichText::new(lang.tr(T::UnlockedStatus))
                                .small()
                                .color(theme::WARN_FG),
                        );
                        lock_now |= ui
                            .small_button(lang.tr(T::LockNow))
                            .on_hover_text(UiCommand::Lock.shortcut_text(ui.ctx()))
                            .clicked();
                    }
                }
                // Whether everything is kept is said once this
                // frame's edits were written (below), so the bar never
                // claims "saved" for a key the file has not taken.
                if !read_only {
                    save_slot = Some(ui.available_rect_before_wrap());
                }
            });
        });
    (lock_now, save_slot)
}

/// The navigation: the alliance's name and phase, then every view by group,
/// with the number of records where that helps.
fn navigation(ui: &mut Ui, a: &crate::domain::Alliance, lang: Lang, current: &mut View) {
    egui::Panel::left("nav")
        .resizable(false)
        .exact_size(226.0)
        .frame(
            egui::Frame::new()
                .fill(theme::SIDEBAR)
                .inner_margin(egui::Margin::symmetric(12, 16)),
        )
        .show(ui, |ui| {
            ui.label(RichText::new(&a.info.name).size(18.0).family(theme::bold()));
            widgets::muted(ui, lang.phase(a.info.phase));
            // A thin bar that shows whenever the list is longer than the
            // window (at 1280×800 the last parts are below the edge), not a
            // floating one that appears only under the pointer.
            ui.spacing_mut().scroll = egui::style::ScrollStyle::thin();
            egui::ScrollArea::vertical()
                .id_salt("nav")
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded)
                .show(ui, |ui| {
                    ui.spacing_mut().item_spacing.y = 2.0;
                    let mut group = None;
                    for view in View::ALL {
                        if group != Some(view.group()) {
                            group = Some(view.group());
                            ui.add_space(12.0);
                            ui.label(
                                RichText::new(lang.tr(view.group()).to_uppercase())
                                    .small()
                                    .color(theme::MUTED),
                            );
                        }
                        let count = match view {
                            View::Parties => Some(a.parties.len()),
                            View::People => Some(a.people.len()),
                            View::Bodies => Some(a.bodies.len()),
                            View::Intakes => Some(a.interviews.len()),
                            View::Comfort => Some(a.comfort_needs.len()),
                            _ => None,
                        };
                        // Name on the left, count on the right.
                        let mut atoms =
                            egui::Atoms::new(RichText::new(lang.tr(view.title())).size(15.5));
                        atoms.push_right(egui::Atom::grow());
                        if let Some(n) = count {
                            atoms.push_right(RichText::new(n.to_string()).color(theme::MUTED));
                        }
                        // One line each, however narrow the column.
                        let button = egui::Button::selectable(*current == view, atoms)
                            .truncate()
                            .min_size(egui::vec2(ui.available_width(), 30.0));
                        let r = ui.add(button);
                        if r.clicked() {
                            *current = view;
                        }
                    }
                });
        });
}
