//! Presenting: in this window or on a second one, with the controls
//! here; slides come from the per-revision room projection.

use super::*;

/// The projection window's viewport.
pub(super) fn present_viewport() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("samenspel-present")
}

impl SamenspelApp {
    /// Apply the clicker's commands to the projector window; full screen
    /// there is toggled here. Returns whether presenting should stop.
    pub(super) fn steer_projector(
        &mut self,
        ctx: &egui::Context,
        commands: &[Command],
        counts: &[usize],
    ) -> bool {
        let (leave, fullscreen) = self.present_commands(commands, counts);
        if fullscreen {
            self.projector_fullscreen = !self.projector_fullscreen;
            ctx.send_viewport_cmd_to(
                present_viewport(),
                egui::ViewportCommand::Fullscreen(self.projector_fullscreen),
            );
        }
        leave
    }

    /// Set the projector's theme (as T does while presenting).
    pub fn set_projector_theme(&mut self, theme: present::ProjectorTheme) {
        self.present.theme = theme;
    }

    /// Start presenting the open alliance, on a second window or in this
    /// one (full screen). Nothing happens without an open alliance.
    pub fn start_presenting(&mut self, mode: PresentMode) {
        if self.doc.is_none() {
            return;
        }
        self.presenting = Some(mode);
        self.present.blank = false;
        self.fullscreen_pending = mode == PresentMode::ThisWindow;
        // From a page the room has a slide of (the round being voted on,
        // a map, the meeting's agenda), the presentation opens on it;
        // else where it was left.
        if let Some(room) = self.room() {
            let (slides, _) = self.slides(&room);
            if let Some(at) = self.slide_for_view(&room, &slides) {
                self.present.slide = at;
                self.present.step = 0;
                self.present.reset_view();
            }
        }
    }

    /// The slide that shows what the current page shows, if there is one.
    fn slide_for_view(&self, room: &crate::audience::RoomView, slides: &[Slide]) -> Option<usize> {
        slides.iter().position(|s| match (self.view, s) {
            (View::Strategy, Slide::Strategy)
            | (View::Network, Slide::Network)
            | (View::Rules, Slide::Rules)
            | (View::Agenda, Slide::Funnel)
            | (View::WorkPlan, Slide::WorkPlan)
            | (View::Reliance, Slide::Reliance)
            | (View::Decisions, Slide::Decisions) => true,
            (View::Rounds, Slide::Round(i)) => self
                .rounds
                .selected
                .is_some_and(|id| room.rounds.get(*i).is_some_and(|r| r.id == id)),
            (View::Meetings, Slide::Agenda(m)) => self.meetings.selected == Some(*m),
            _ => false,
        })
    }

    /// Stop presenting.
    pub fn stop_presenting(&mut self, ctx: &egui::Context) {
        if self.presenting == Some(PresentMode::ThisWindow) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
        self.presenting = None;
        self.fullscreen_pending = false;
    }

    /// Whether, and where, the facilitator is presenting.
    pub fn presenting(&self) -> Option<PresentMode> {
        self.presenting
    }

    /// The presentation's position (slide, step, blank, theme).
    pub fn present_state(&self) -> &PresentState {
        &self.present
    }

    /// The room projection of the open alliance, kept per revision.
    pub(super) fn room(&mut self) -> Option<std::rc::Rc<crate::audience::RoomView>> {
        let doc = self.doc.as_ref()?;
        let key = (
            doc.path().to_path_buf(),
            doc.revision(),
            self.meetings.selected,
            self.clock,
        );
        if self.room_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let today = self.clock.today();
            let room = crate::audience::room_on(doc.alliance(), today);
            // Slides count against the meeting being presented, as its pack
            // does: one "overdue" for the deck and the documents.
            let meeting = self.presented_meeting(&room);
            let room = room.as_of_meeting(meeting);
            let old = self.room_cache.replace((key, std::rc::Rc::new(room)));
            self.room_builds += 1;
            // The projection it replaces is freed off the window's thread:
            // a region's is tens of thousands of small allocations, a
            // millisecond the beamer need not wait for after every edit.
            if let Some(old) = old.and_then(|(_, r)| std::rc::Rc::try_unwrap(r).ok()) {
                let _ = std::thread::Builder::new()
                    .name("room-drop".into())
                    .spawn(move || drop(old));
            }
        }
        self.room_cache.as_ref().map(|(_, r)| r.clone())
    }

    /// The meeting the presentation is for: the one chosen in the
    /// meetings panel, else the next (or latest) one.
    fn presented_meeting(&self, room: &crate::audience::RoomView) -> Option<crate::domain::Id> {
        self.meetings
            .selected
            .filter(|id| room.meeting(*id).is_some())
            .or_else(|| crate::report::meeting::default_meeting(room, true, self.clock.today()))
    }

    /// The slides of the presentation and the steps of each, for the
    /// projected screen's size.
    pub(super) fn slides(&mut self, room: &crate::audience::RoomView) -> (Vec<Slide>, Vec<usize>) {
        let slides = present::slides(room, self.presented_meeting(room));
        let counts = slides
            .iter()
            .map(|s| present::steps(room, *s, self.projector_size))
            .collect();
        (slides, counts)
    }

    /// Apply clicker commands; returns whether to leave and whether to
    /// toggle full screen.
    pub(super) fn present_commands(
        &mut self,
        commands: &[Command],
        counts: &[usize],
    ) -> (bool, bool) {
        let (mut leave, mut fullscreen) = (false, false);
        for c in commands {
            match self.present.apply(*c, counts) {
                Some(Command::Leave) => leave = true,
                Some(Command::Fullscreen) => fullscreen = !fullscreen,
                Some(Command::Theme) => {
                    self.settings.projector = self.present.theme;
                    self.save_settings();
                }
                _ => {}
            }
        }
        (leave, fullscreen)
    }

    /// The presentation in this window, with nothing else around it.
    pub(super) fn present_here(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let Some(room) = self.room() else {
            self.presenting = None;
            return;
        };
        if std::mem::take(&mut self.fullscreen_pending) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
        self.projector_size = ui.max_rect().size();
        let (slides, counts) = self.slides(&room);
        let commands = present::commands(&ctx);
        let (leave, fullscreen) = self.present_commands(&commands, &counts);
        if fullscreen {
            let now = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!now));
        }
        if leave {
            self.stop_presenting(&ctx);
        }
        self.present.clamp(&counts);
        // The room reads the alliance's language.
        let lang = self.doc_lang();
        let state = &mut self.present;
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| present::show(ui, lang, &room, &slides, state));
    }

    /// The projection window (on the projector's monitor when there is
    /// one), and the clicker's keys in this window too.
    pub(super) fn present_window(
        &mut self,
        ctx: &egui::Context,
        room: &crate::audience::RoomView,
        slides: &[Slide],
        counts: &[usize],
    ) {
        // The clicker may talk to this window: step here too, unless the
        // facilitator is typing.
        if ctx.memory(|m| m.focused().is_none()) {
            let commands = present::commands(ctx);
            let leave = self.steer_projector(ctx, &commands, counts);
            if leave {
                self.stop_presenting(ctx);
                return;
            }
        }
        self.present.clamp(counts);
        // The room reads the alliance's language.
        let lang = self.doc_lang();
        let builder = egui::ViewportBuilder::default()
            .with_title(lang.tr(T::PresentWindowTitle))
            .with_inner_size([1280.0, 720.0])
            .with_monitor(self.projector_monitor);
        let state = &mut self.present;
        let size = &mut self.projector_size;
        let fullscreen_now = &mut self.projector_fullscreen;
        let mut leave = false;
        let mut theme_changed = false;
        ctx.show_viewport_immediate(present_viewport(), builder, |ui, _class| {
            let pctx = ui.ctx().clone();
            let commands = present::commands(&pctx);
            for c in commands {
                match state.apply(c, counts) {
                    Some(Command::Leave) => leave = true,
                    Some(Command::Fullscreen) => {
                        let now = pctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                        pctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!now));
                    }
                    Some(Command::Theme) => theme_changed = true,
                    _ => {}
                }
            }
            if pctx.input(|i| i.viewport().close_requested()) {
                leave = true;
            }
            *fullscreen_now = pctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| {
                    *size = ui.max_rect().size();
                    present::show(ui, lang, room, slides, state);
                });
        });
        if theme_changed {
            self.settings.projector = self.present.theme;
            self.save_settings();
        }
        if leave {
            self.stop_presenting(ctx);
        }
    }

    /// The facilitator's controls while the projection window is open.
    pub(super) fn present_controls(
        &mut self,
        ui: &mut Ui,
        room: &crate::audience::RoomView,
        slides: &[Slide],
        counts: &[usize],
    ) {
        self.present.clamp(counts);
        // The room reads the alliance's language.
        let lang = self.doc_lang();
        let ctx = ui.ctx().clone();
        let mut stop = false;
        let mut commands = Vec::new();
        egui::Panel::bottom("present-controls")
            .frame(
                egui::Frame::new()
                    .fill(theme::ACCENT_SOFT)
                    .inner_margin(egui::Margin::symmetric(12, 8)),
            )
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button(format!("◀ {}", lang.tr(T::PresentPrevious)))
                        .clicked()
                    {
                        commands.push(Command::Previous);
                    }
                    let current = slides.get(self.present.slide).copied();
                    let label = ui.label(RichText::new(lang.tr(T::PresentSlide)).strong());
                    widgets::Combo::new(
                        "present-slide",
                        current
                            .map(|s| present::title(lang, room, s))
                            .unwrap_or_default(),
                    )
                    .labelled_by(label.id)
                    .width(320.0)
                    .truncate()
                    .show(ui, |ui| {
                        for (i, s) in slides.iter().enumerate() {
                            if ui
                                .selectable_label(
                                    i == self.present.slide,
                                    present::title(lang, room, *s),
                                )
                                .clicked()
                            {
                                self.present.go_to(i);
                            }
                        }
                    });
                    ui.label(format!(
                        "{} / {} · {} / {}",
                        self.present.slide + 1,
                        slides.len(),
                        self.present.step + 1,
                        counts.get(self.present.slide).copied().unwrap_or(1)
                    ));
                    if ui
                        .button(format!("{} ▶", lang.tr(T::PresentNext)))
                        .clicked()
                    {
                        commands.push(Command::Next);
                    }
                    ui.separator();
                    let blank = if self.present.blank {
                        T::PresentUnblank
                    } else {
                        T::PresentBlank
                    };
                    if ui.button(lang.tr(blank)).clicked() {
                        commands.push(Command::Blank);
                    }
                    let other = match self.present.theme {
                        present::ProjectorTheme::Light => {
                            (present::ProjectorTheme::Dark, T::ThemeDark)
                        }
                        present::ProjectorTheme::Dark => {
                            (present::ProjectorTheme::Light, T::ThemeLight)
                        }
                    };
                    if ui.button(lang.tr(other.1)).clicked() {
                        self.present.theme = other.0;
                        self.settings.projector = other.0;
                        self.save_settings();
                    }
                    ui.separator();
                    for i in 0..3 {
                        let text = lang
                            .tr(T::PresentScreen)
                            .replace("{n}", &(i + 1).to_string());
                        if ui
                            .selectable_label(self.projector_monitor == i, text)
                            .clicked()
                        {
                            self.projector_monitor = i;
                            ctx.send_viewport_cmd_to(
                                present_viewport(),
                                egui::ViewportCommand::SetMonitor(i),
                            );
                        }
                    }
                    if ui.button(lang.tr(T::PresentFullscreen)).clicked() {
                        commands.push(Command::Fullscreen);
                    }
                    ui.separator();
                    if ui.button(lang.tr(T::PresentStop)).clicked() {
                        stop = true;
                    }
                });
                ui.label(
                    RichText::new(lang.tr(T::PresentHint))
                        .small()
                        .color(theme::MUTED),
                );
            });
        let leave = self.steer_projector(&ctx, &commands, counts);
        if stop || leave {
            self.stop_presenting(&ctx);
        }
    }

    /// How often the room projection was built: once per revision of the
    /// alliance, however many frames the Share screen or the projector draw.
    pub fn room_builds(&self) -> usize {
        self.room_builds
    }
}
