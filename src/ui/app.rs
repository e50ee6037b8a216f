//! The app shell: the start screen, the menu, navigation, shortcuts,
//! drag-and-drop, errors, and the window title.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::document::Document;
use crate::domain::Alliance;
use crate::i18n::{Lang, T};

use crate::report::Kind;

use super::agenda::AgendaPanel;
use super::alliance::AlliancePanel;
use super::bodies::BodiesPanel;
use super::comfort::ComfortPanel;
use super::command::UiCommand;
use super::covenant::{CovenantAction, CovenantPanel};
use super::decisions::DecisionsPanel;
use super::guide::GuidePanel;
use super::intake::IntakePanel;
use super::matrix::MatrixPanel;
use super::meetings::{MeetingsAction, MeetingsPanel};
use super::network::NetworkPanel;
use super::parties::PartiesPanel;
use super::people::PeoplePanel;
use super::present::{self, Command, PresentState, Slide};
use super::rounds::RoundsPanel;
use super::rules::{RulesAction, RulesPanel};
use super::settings::Settings;
use super::shared::SharedPanel;
use super::start::{self, StartAction};
use super::strategy::StrategyPanel;
use super::theme;
use super::trust::TrustPanel;
use super::widgets::{self, PanelCtx};

/// File dialogs, behind a trait so tests never open one.
pub trait FileDialogs {
    /// Choose an existing alliance file.
    fn open_alliance(&self) -> Option<PathBuf>;
    /// Choose where a new alliance file goes.
    fn new_alliance(&self, suggested_name: &str) -> Option<PathBuf>;
    /// Choose where to save an exported file with this extension.
    fn save_file(&self, suggested_name: &str, extension: &str) -> Option<PathBuf>;
    /// Whether the dialogs can be shown at all. When they cannot, the app
    /// asks inside its own window instead of doing nothing.
    fn available(&self) -> bool {
        true
    }
}

/// The real dialogs (desktop portal or zenity, through rfd). On Linux they
/// need the desktop's file-chooser portal or `zenity`; without either rfd
/// returns at once with nothing chosen, which no person can do by hand
/// that fast, so such an answer marks the dialogs as unavailable.
#[derive(Default)]
pub struct NativeDialogs {
    unavailable: std::cell::Cell<bool>,
}

impl NativeDialogs {
    fn ask(&self, show: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
        let started = std::time::Instant::now();
        let chosen = show();
        if chosen.is_none() && started.elapsed() < std::time::Duration::from_millis(250) {
            self.unavailable.set(true);
        }
        chosen
    }
}

const EXTENSION: &str = "samenspel";

/// The path with Samenspel's extension, added if it has another or none.
fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e == EXTENSION) {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".");
        s.push(EXTENSION);
        PathBuf::from(s)
    }
}

impl FileDialogs for NativeDialogs {
    fn open_alliance(&self) -> Option<PathBuf> {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter("Samenspel", &[EXTENSION])
                .pick_file()
        })
    }

    fn new_alliance(&self, suggested_name: &str) -> Option<PathBuf> {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter("Samenspel", &[EXTENSION])
                .set_file_name(format!("{suggested_name}.{EXTENSION}"))
                .save_file()
                .map(with_extension)
        })
    }

    fn save_file(&self, suggested_name: &str, extension: &str) -> Option<PathBuf> {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter(extension, &[extension])
                .set_file_name(format!("{suggested_name}.{extension}"))
                .save_file()
        })
    }

    fn available(&self) -> bool {
        !self.unavailable.get()
    }
}

/// The user's documents folder: where new alliances and exports go when
/// no file dialog can be shown.
pub fn documents_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("XDG_DOCUMENTS_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)?;
    for name in ["Documenten", "Documents"] {
        if home.join(name).is_dir() {
            return Some(home.join(name));
        }
    }
    Some(home)
}

/// A file chosen inside the window, where no native dialog can be shown.
#[derive(Clone, Debug, Default)]
struct PathDialog {
    /// Create a new alliance (folder and name), or open one (a path).
    open: bool,
    folder: String,
    name: String,
}

/// The parts of the register, in navigation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Alliance,
    Parties,
    People,
    Bodies,
    Matrix,
    Trust,
    Intakes,
    Comfort,
    Guide,
    Shared,
    Strategy,
    Network,
    Agenda,
    Rules,
    Rounds,
    Decisions,
    Meetings,
    Covenant,
}

impl View {
    pub const ALL: [View; 18] = [
        View::Alliance,
        View::Parties,
        View::People,
        View::Bodies,
        View::Matrix,
        View::Trust,
        View::Intakes,
        View::Comfort,
        View::Guide,
        View::Shared,
        View::Strategy,
        View::Network,
        View::Agenda,
        View::Rules,
        View::Rounds,
        View::Decisions,
        View::Meetings,
        View::Covenant,
    ];

    pub(crate) fn title(self) -> T {
        match self {
            View::Alliance => T::NavAlliance,
            View::Parties => T::NavParties,
            View::People => T::NavPeople,
            View::Bodies => T::NavBodies,
            View::Matrix => T::NavMatrix,
            View::Trust => T::NavTrust,
            View::Intakes => T::NavIntakes,
            View::Comfort => T::NavComfort,
            View::Guide => T::NavGuide,
            View::Shared => T::NavShared,
            View::Strategy => T::NavStrategy,
            View::Network => T::NavNetwork,
            View::Agenda => T::NavAgenda,
            View::Rules => T::NavRules,
            View::Rounds => T::NavRounds,
            View::Decisions => T::NavDecisions,
            View::Meetings => T::NavMeetings,
            View::Covenant => T::NavCovenant,
        }
    }

    /// Where a kind of record is edited (see `Edit::summary`), so that
    /// undo can show the place of the step it undid.
    pub fn of_record_kind(kind: &str) -> Option<View> {
        Some(match kind {
            "info" => View::Alliance,
            "party" => View::Parties,
            "person" => View::People,
            "body" => View::Bodies,
            "membership" => View::Matrix,
            "question" => View::Guide,
            "interview" | "answer" => View::Intakes,
            "comfort" => View::Comfort,
            "lane" | "map_node" | "map_link" => View::Strategy,
            "relation" | "placement" => View::Network,
            "agenda_item" | "focal_point" | "priority_round" | "priority_mark" => View::Agenda,
            "situation" | "ground_rule" | "checkin" => View::Rules,
            "round" | "vote" => View::Rounds,
            "meeting" | "agenda_slot" | "attendance" | "action" => View::Meetings,
            "covenant_version" | "clause" | "signature" => View::Covenant,
            _ => return None,
        })
    }

    /// The heading of the navigation group the view belongs to.
    pub(crate) fn group(self) -> T {
        match self {
            View::Alliance | View::Parties | View::People | View::Bodies | View::Matrix => {
                T::NavRegister
            }
            View::Trust | View::Intakes | View::Comfort | View::Guide | View::Shared => {
                T::NavTrustGroup
            }
            View::Strategy | View::Network => T::NavMapsGroup,
            View::Agenda | View::Rules | View::Rounds | View::Decisions => T::NavDecideGroup,
            View::Meetings | View::Covenant => T::NavDocsGroup,
        }
    }
}

/// How the app starts.
pub struct AppOptions {
    /// The alliance to open; `None` opens the last one used, if any.
    pub file: Option<PathBuf>,
    /// Where settings live; `None` keeps them in memory only.
    pub config_dir: Option<PathBuf>,
    /// Where the Samen Noord example is written.
    pub data_dir: Option<PathBuf>,
    pub dialogs: Box<dyn FileDialogs>,
}

impl AppOptions {
    /// The options of a real run: the user's folders and native dialogs.
    pub fn desktop(file: Option<PathBuf>) -> AppOptions {
        let data_dir = std::env::var_os("SAMENSPEL_DATA_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("XDG_DATA_HOME")
                    .filter(|d| !d.is_empty())
                    .map(|d| PathBuf::from(d).join("samenspel"))
            })
            .or_else(|| {
                std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share/samenspel"))
            });
        AppOptions {
            file,
            config_dir: Settings::default_dir(),
            data_dir,
            dialogs: Box::new(NativeDialogs::default()),
        }
    }
}

pub struct SamenspelApp {
    settings: Settings,
    config_dir: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    dialogs: Box<dyn FileDialogs>,
    doc: Option<Document>,
    pub view: View,
    alliance_panel: AlliancePanel,
    parties: PartiesPanel,
    people: PeoplePanel,
    bodies: BodiesPanel,
    matrix: MatrixPanel,
    trust: TrustPanel,
    intakes: IntakePanel,
    comfort: ComfortPanel,
    guide: GuidePanel,
    strategy: StrategyPanel,
    network: NetworkPanel,
    agenda: AgendaPanel,
    rules: RulesPanel,
    rounds: RoundsPanel,
    decisions: DecisionsPanel,
    meetings: MeetingsPanel,
    shared: SharedPanel,
    covenant: CovenantPanel,
    /// A message that something went well (shown briefly).
    notice: Option<String>,
    error: Option<String>,
    title: String,
    show_shortcuts: bool,
    /// The in-window file dialog, when the native one is not available.
    path_dialog: Option<PathDialog>,
    /// The last export went to the documents folder, for want of a dialog.
    fallback_save: bool,
    quit_requested: bool,
    /// Whether, and where, the facilitator is presenting.
    presenting: Option<PresentMode>,
    present: PresentState,
    /// The monitor the projection window goes to (0 is the first).
    projector_monitor: usize,
    /// Size of the projected view when last drawn.
    projector_size: egui::Vec2,
    /// Whether the projection window is full screen, when last drawn.
    projector_fullscreen: bool,
    /// Full screen is asked for on the next frame (starting with
    /// `--present`).
    fullscreen_pending: bool,
    /// The room projection of the open alliance, per file and revision.
    room_cache: Option<((PathBuf, u64), std::rc::Rc<crate::audience::RoomView>)>,
    /// How often the room projection was built (once per revision).
    room_builds: usize,
}

/// Where the presentation is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentMode {
    /// A second window for the projector, while this one keeps the
    /// controls.
    SecondWindow,
    /// This window, full screen (one screen, or a mirrored one).
    ThisWindow,
}

/// The projection window's viewport.
fn present_viewport() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("samenspel-present")
}

impl SamenspelApp {
    pub fn new(options: AppOptions) -> SamenspelApp {
        let settings = options
            .config_dir
            .as_deref()
            .map(Settings::load)
            .unwrap_or_default();
        let mut app = SamenspelApp {
            settings,
            config_dir: options.config_dir,
            data_dir: options.data_dir,
            dialogs: options.dialogs,
            doc: None,
            view: View::Alliance,
            alliance_panel: AlliancePanel,
            parties: PartiesPanel::default(),
            people: PeoplePanel::default(),
            bodies: BodiesPanel::default(),
            matrix: MatrixPanel::default(),
            trust: TrustPanel,
            intakes: IntakePanel::default(),
            comfort: ComfortPanel::default(),
            guide: GuidePanel,
            strategy: StrategyPanel::default(),
            network: NetworkPanel::default(),
            agenda: AgendaPanel::default(),
            rules: RulesPanel::default(),
            rounds: RoundsPanel::default(),
            decisions: DecisionsPanel,
            meetings: MeetingsPanel::default(),
            shared: SharedPanel,
            covenant: CovenantPanel::default(),
            notice: None,
            error: None,
            title: String::new(),
            show_shortcuts: false,
            path_dialog: None,
            fallback_save: false,
            quit_requested: false,
            presenting: None,
            present: PresentState::default(),
            projector_monitor: 1,
            projector_size: egui::vec2(1920.0, 1080.0),
            projector_fullscreen: false,
            fullscreen_pending: false,
            room_cache: None,
            room_builds: 0,
        };
        app.present.theme = app.settings.projector;
        match options.file {
            Some(file) => app.open(&file),
            None => {
                if let Some(last) = app.settings.recent.first().cloned()
                    && last.exists()
                {
                    app.open(&last);
                    // A last file that no longer opens is no error to greet
                    // the user with: the start screen offers the choices.
                    if app.doc.is_none() {
                        app.error = None;
                    }
                }
            }
        }
        app
    }

    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    /// The part of the app on screen.
    pub fn view(&self) -> View {
        self.view
    }

    /// Show a part of the app, as its navigation button does.
    pub fn set_view(&mut self, view: View) {
        self.view = view;
    }

    pub fn alliance(&self) -> Option<&Alliance> {
        self.doc.as_ref().map(Document::alliance)
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.settings.lang = lang;
        self.save_settings();
    }

    /// The error the user is being shown, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    fn save_settings(&self) {
        if let Some(dir) = &self.config_dir {
            // Settings are a convenience; failing to keep them is no reason
            // to bother the user in the middle of their work.
            let _ = self.settings.save(dir);
        }
    }

    fn t(&self, key: T) -> &'static str {
        self.settings.lang.tr(key)
    }

    fn adopt(&mut self, doc: Document) {
        self.settings.remember(doc.path());
        self.save_settings();
        self.doc = Some(doc);
        self.view = View::Alliance;
        self.parties = PartiesPanel::default();
        self.people = PeoplePanel::default();
        self.bodies = BodiesPanel::default();
        self.intakes = IntakePanel::default();
        self.comfort = ComfortPanel::default();
        self.strategy = StrategyPanel::default();
        self.network = NetworkPanel::default();
        self.agenda = AgendaPanel::default();
        self.rules = RulesPanel::default();
        self.rounds = RoundsPanel::default();
        self.meetings = MeetingsPanel::default();
        self.covenant = CovenantPanel::default();
        self.error = None;
    }

    /// Open an alliance file; on failure the current one stays open and
    /// the user sees why.
    pub fn open(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(doc) => self.adopt(doc),
            Err(e) => self.error = Some(self.settings.lang.store_error(&e)),
        }
    }

    /// Create a new, empty alliance at `path`, named after the file.
    pub fn create(&mut self, path: &Path) {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        match Document::create(path, &Alliance::named(name), &[]) {
            Ok(doc) => self.adopt(doc),
            Err(e) => self.error = Some(self.settings.lang.store_error(&e)),
        }
    }

    /// Open the Samen Noord example, writing it first if it is not there.
    pub fn open_example(&mut self) {
        let Some(dir) = self.data_dir.clone() else {
            return;
        };
        let path = dir.join("Samen Noord.samenspel");
        if path.exists() {
            self.open(&path);
            return;
        }
        if let Err(e) = std::fs::create_dir_all(&dir) {
            self.error = Some(
                self.t(T::ErrOther)
                    .replace("{detail}", &format!("{}: {e}", dir.display())),
            );
            return;
        }
        match Document::create(&path, &crate::example::samen_noord(), &[]) {
            Ok(doc) => self.adopt(doc),
            Err(e) => self.error = Some(self.settings.lang.store_error(&e)),
        }
    }

    pub fn close(&mut self) {
        self.doc = None;
    }

    fn ask_open(&mut self) {
        if !self.dialogs.available() {
            self.path_dialog = Some(self.in_window_dialog(true));
            return;
        }
        if let Some(path) = self.dialogs.open_alliance() {
            self.open(&path);
        } else if !self.dialogs.available() {
            self.path_dialog = Some(self.in_window_dialog(true));
        }
    }

    fn ask_new(&mut self) {
        let suggested = self.t(T::NewAlliance).trim_end_matches('…').to_string();
        if !self.dialogs.available() {
            self.path_dialog = Some(self.in_window_dialog(false));
            return;
        }
        if let Some(path) = self.dialogs.new_alliance(&suggested) {
            self.create(&path);
        } else if !self.dialogs.available() {
            // The native dialog could not be shown: never a silent no-op.
            self.path_dialog = Some(self.in_window_dialog(false));
        }
    }

    fn in_window_dialog(&self, open: bool) -> PathDialog {
        let folder = documents_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        PathDialog {
            open,
            name: if open {
                String::new()
            } else {
                self.t(T::NewAlliance).trim_end_matches('…').to_string()
            },
            folder,
        }
    }

    /// Whether the in-window file dialog is showing.
    pub fn in_window_dialog_shown(&self) -> bool {
        self.path_dialog.is_some()
    }

    /// The in-window file dialog: a folder and a name for a new alliance,
    /// or the path of one to open.
    fn path_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(mut d) = self.path_dialog.take() else {
            return;
        };
        let lang = self.lang();
        let mut done = None;
        let modal = egui::Modal::new(egui::Id::unique("path-dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            let title = if d.open { T::OpenTitle } else { T::NewTitle };
            ui.label(
                RichText::new(lang.tr(title))
                    .size(18.0)
                    .family(theme::bold()),
            );
            widgets::muted(ui, lang.tr(T::NoNativeDialog));
            ui.add_space(8.0);
            egui::Grid::new("path-dialog-form")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    let l = ui.label(lang.tr(if d.open { T::FilePath } else { T::Folder }));
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut d.folder)
                                .id_salt("path-dialog-folder")
                                .desired_width(380.0),
                        )
                        .labelled_by(l.id);
                    if d.open {
                        r.request_focus();
                    }
                    ui.end_row();
                    if !d.open {
                        let l = ui.label(lang.tr(T::FileName));
                        let r = ui
                            .add(
                                egui::TextEdit::singleline(&mut d.name)
                                    .id_salt("path-dialog-name")
                                    .desired_width(380.0),
                            )
                            .labelled_by(l.id);
                        if ui.memory(|m| m.focused().is_none()) {
                            r.request_focus();
                        }
                        ui.end_row();
                    }
                });
            ui.add_space(10.0);
            let path = if d.open {
                PathBuf::from(d.folder.trim())
            } else {
                with_extension(PathBuf::from(d.folder.trim()).join(d.name.trim()))
            };
            if !d.open {
                widgets::muted(
                    ui,
                    &lang
                        .tr(T::WillCreate)
                        .replace("{path}", &path.display().to_string()),
                );
            }
            let ready = if d.open {
                !d.folder.trim().is_empty()
            } else {
                !d.name.trim().is_empty()
            };
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let action = lang.tr(if d.open { T::OpenButton } else { T::Create });
                if (ui.add_enabled(ready, egui::Button::new(action)).clicked() || enter) && ready {
                    done = Some(Some(path.clone()));
                }
                if ui.button(lang.tr(T::Cancel)).clicked() {
                    done = Some(None);
                }
            });
        });
        if modal.should_close() && done.is_none() {
            done = Some(None);
        }
        match done {
            None => self.path_dialog = Some(d),
            Some(None) => {}
            Some(Some(path)) if d.open => self.open(&path),
            Some(Some(path)) => self.create(&path),
        }
    }

    pub fn undo(&mut self, ctx: &egui::Context) {
        self.step(ctx, true);
    }

    pub fn redo(&mut self, ctx: &egui::Context) {
        self.step(ctx, false);
    }

    fn step(&mut self, ctx: &egui::Context, undo: bool) {
        let Some(doc) = self.doc.as_mut() else { return };
        // A field being typed in would otherwise keep its old text.
        ctx.memory_mut(|m| m.stop_text_input());
        let result = if undo { doc.undo() } else { doc.redo() };
        match result {
            Err(e) => self.error = Some(self.settings.lang.store_error(&e)),
            Ok(true) => {
                // Say what was undone, and show where it happened.
                let lang = self.settings.lang;
                if let Some(summary) = doc.last_step().and_then(crate::domain::Edit::summary) {
                    let key = if undo { T::Undone } else { T::Redone };
                    self.notice = Some(lang.tr(key).replace("{step}", &lang.step(&summary)));
                    if let Some(view) = View::of_record_kind(&summary.kind) {
                        self.view = view;
                    }
                }
            }
            Ok(false) => {}
        }
    }

    /// The next undo (`true`) or redo step in words, for the Edit menu.
    fn next_step_text(&self, undo: bool) -> Option<String> {
        let doc = self.doc.as_ref()?;
        let summary = doc.next_step(undo)?.summary()?;
        Some(self.settings.lang.step(&summary))
    }

    /// The keys of the command table (`command.rs`), most specific first.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        for command in UiCommand::all() {
            if command.panel().is_none() && command.pressed(ctx) {
                self.run_command(ctx, command);
            }
        }
    }

    /// Do what a command says, from a menu or a key.
    pub fn run_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::NewAlliance => self.ask_new(),
            UiCommand::OpenAlliance => self.ask_open(),
            UiCommand::Close => self.close(),
            UiCommand::Quit => self.quit_requested = true,
            UiCommand::Undo => self.undo(ctx),
            UiCommand::Redo => self.redo(ctx),
            UiCommand::PresentHere => {
                if self.doc.is_some() {
                    self.start_presenting(PresentMode::ThisWindow);
                }
            }
            UiCommand::PresentSecond => match self.presenting {
                Some(_) => self.stop_presenting(ctx),
                None if self.doc.is_some() => self.start_presenting(PresentMode::SecondWindow),
                None => {}
            },
            UiCommand::Show(view) => {
                if self.doc.is_some() {
                    self.view = view;
                }
            }
            UiCommand::NewInterview => {}
            UiCommand::ShowShortcuts => self.show_shortcuts = true,
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.first() {
            self.open(path);
        }
    }

    /// The window title: the alliance, its file, the app.
    pub fn window_title(&self) -> String {
        match &self.doc {
            Some(doc) => {
                let name = &doc.alliance().info.name;
                let file = doc.path().display();
                if name.is_empty() {
                    format!("{file} — Samenspel")
                } else {
                    format!("{name} — {file} — Samenspel")
                }
            }
            None => "Samenspel".to_string(),
        }
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
    fn room(&mut self) -> Option<std::rc::Rc<crate::audience::RoomView>> {
        let doc = self.doc.as_ref()?;
        let key = (doc.path().to_path_buf(), doc.revision());
        if self.room_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let room = crate::audience::room(doc.alliance());
            self.room_cache = Some((key, std::rc::Rc::new(room)));
            self.room_builds += 1;
        }
        self.room_cache.as_ref().map(|(_, r)| r.clone())
    }

    /// The slides of the presentation and the steps of each, for the
    /// projected screen's size.
    fn slides(&mut self, room: &crate::audience::RoomView) -> (Vec<Slide>, Vec<usize>) {
        let today = chrono::Local::now().date_naive();
        let meeting = self
            .meetings
            .selected
            .filter(|id| room.meeting(*id).is_some())
            .or_else(|| crate::report::meeting::default_meeting(room, true, today));
        let slides = present::slides(room, meeting);
        let counts = slides
            .iter()
            .map(|s| present::steps(room, *s, self.projector_size))
            .collect();
        (slides, counts)
    }

    /// Apply clicker commands; returns whether to leave and whether to
    /// toggle full screen.
    fn present_commands(&mut self, commands: &[Command], counts: &[usize]) -> (bool, bool) {
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
    fn present_here(&mut self, ui: &mut Ui) {
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
        let lang = self.lang();
        let state = &mut self.present;
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| present::show(ui, lang, &room, &slides, state));
    }

    /// The projection window (on the projector's monitor when there is
    /// one), and the clicker's keys in this window too.
    fn present_window(
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
            let (leave, fullscreen) = self.present_commands(&commands, counts);
            if fullscreen {
                self.projector_fullscreen = !self.projector_fullscreen;
                ctx.send_viewport_cmd_to(
                    present_viewport(),
                    egui::ViewportCommand::Fullscreen(self.projector_fullscreen),
                );
            }
            if leave {
                self.stop_presenting(ctx);
                return;
            }
        }
        self.present.clamp(counts);
        let lang = self.lang();
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
    fn present_controls(
        &mut self,
        ui: &mut Ui,
        room: &crate::audience::RoomView,
        slides: &[Slide],
        counts: &[usize],
    ) {
        self.present.clamp(counts);
        let lang = self.lang();
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
                    egui::ComboBox::from_id_salt("present-slide")
                        .selected_text(
                            current
                                .map(|s| present::title(lang, room, s))
                                .unwrap_or_default(),
                        )
                        .width(320.0)
                        .truncate()
                        .show_ui(ui, |ui| {
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
                        })
                        .response
                        .labelled_by(label.id);
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
        let (leave, fullscreen) = self.present_commands(&commands, counts);
        if fullscreen {
            self.projector_fullscreen = !self.projector_fullscreen;
            ctx.send_viewport_cmd_to(
                present_viewport(),
                egui::ViewportCommand::Fullscreen(self.projector_fullscreen),
            );
        }
        if stop || leave {
            self.stop_presenting(&ctx);
        }
    }

    /// Draw the whole interface into `ui` (the window's root).
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.doc.is_none() {
            self.presenting = None;
        }
        if self.presenting == Some(PresentMode::ThisWindow) {
            self.present_here(ui);
            if self.presenting.is_some() {
                return;
            }
        }
        self.shortcuts(&ctx);
        self.dropped_files(&ctx);
        self.menu(ui);
        if self.presenting == Some(PresentMode::SecondWindow) {
            // The projection and the controls share one list of slides.
            match self.room() {
                Some(room) => {
                    let (slides, counts) = self.slides(&room);
                    self.present_window(&ctx, &room, &slides, &counts);
                    if self.presenting.is_some() {
                        self.present_controls(ui, &room, &slides, &counts);
                    }
                }
                None => self.presenting = None,
            }
        }
        if self.doc.is_some() {
            self.workspace(ui);
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                let recent = self.settings.recent.clone();
                match start::ui(ui, self.lang(), &recent) {
                    Some(StartAction::New) => self.ask_new(),
                    Some(StartAction::Open) => self.ask_open(),
                    Some(StartAction::Example) => self.open_example(),
                    Some(StartAction::Recent(path)) => self.open(&path),
                    None => {}
                }
            });
        }
        self.overlays(&ctx);
    }

    fn menu(&mut self, ui: &mut Ui) {
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
                        if entry(ui, UiCommand::Close, self.doc.is_some()) {
                            self.run_command(&ctx, UiCommand::Close);
                        }
                        if entry(ui, UiCommand::Quit, true) {
                            self.run_command(&ctx, UiCommand::Quit);
                        }
                    });
                    ui.menu_button(self.t(T::MenuEdit), |ui| {
                        let can_undo = self.doc.as_ref().is_some_and(Document::can_undo);
                        let can_redo = self.doc.as_ref().is_some_and(Document::can_redo);
                        // The menu names the step: "Ongedaan maken: …".
                        let undo_text = match (can_undo, self.next_step_text(true)) {
                            (true, Some(step)) => self.t(T::UndoStep).replace("{step}", &step),
                            (true, None) => self.t(T::Undo).to_string(),
                            (false, _) => self.t(T::NothingToUndo).to_string(),
                        };
                        let redo_text = match (can_redo, self.next_step_text(false)) {
                            (true, Some(step)) => self.t(T::RedoStep).replace("{step}", &step),
                            (true, None) => self.t(T::Redo).to_string(),
                            (false, _) => self.t(T::NothingToRedo).to_string(),
                        };
                        for (command, text, enabled) in [
                            (UiCommand::Undo, undo_text, can_undo),
                            (UiCommand::Redo, redo_text, can_redo),
                        ] {
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

    /// How often the room projection was built: once per revision of the
    /// alliance, however many frames the Share screen or the projector draw.
    pub fn room_builds(&self) -> usize {
        self.room_builds
    }

    fn workspace(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        // The Share screen draws from the per-revision projection.
        let shared_room = if self.view == View::Shared {
            self.room()
        } else {
            None
        };
        let Some(doc) = self.doc.as_mut() else { return };
        let read_only = doc.is_read_only();
        if read_only {
            let mut reload = false;
            egui::Panel::top("read-only-banner")
                .frame(
                    egui::Frame::new()
                        .fill(theme::WARN_BG)
                        .inner_margin(egui::Margin::symmetric(16, 8)),
                )
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format!("⚠  {}", lang.tr(T::ReadOnlyBanner)))
                                .color(theme::WARN_FG),
                        );
                        if ui.button(lang.tr(T::Reload)).clicked() {
                            reload = true;
                        }
                    });
                });
            if reload && let Err(e) = doc.reload() {
                self.error = Some(lang.store_error(&e));
            }
        }
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
                    if !read_only {
                        // The last thing that went well (an export), else
                        // the reassurance that everything is kept.
                        let text = self
                            .notice
                            .clone()
                            .unwrap_or_else(|| lang.tr(T::SavedHint).to_string());
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.label(
                                RichText::new(format!("✓ {text}"))
                                    .small()
                                    .color(theme::DONE),
                            );
                        });
                    }
                });
            });
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(210.0)
            .frame(
                egui::Frame::new()
                    .fill(theme::SIDEBAR)
                    .inner_margin(egui::Margin::symmetric(12, 16)),
            )
            .show(ui, |ui| {
                let a = doc.alliance();
                ui.label(RichText::new(&a.info.name).size(18.0).family(theme::bold()));
                widgets::muted(ui, lang.phase(a.info.phase));
                egui::ScrollArea::vertical().id_salt("nav").show(ui, |ui| {
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
                        let button = egui::Button::selectable(self.view == view, atoms)
                            .min_size(egui::vec2(ui.available_width(), 30.0));
                        let r = ui.add(button);
                        if r.clicked() {
                            self.view = view;
                        }
                    }
                });
            });
        let mut ics_request: Option<crate::domain::Id> = None;
        let mut pdf_request: Option<(Kind, Option<crate::domain::Id>)> = None;
        let mut pc = PanelCtx::new(doc.alliance(), lang, read_only);
        pc.revision = doc.revision();
        egui::CentralPanel::default()
            .frame(
                egui::Frame::new()
                    .fill(theme::PAPER)
                    .inner_margin(egui::Margin::symmetric(24, 16)),
            )
            .show(ui, |ui| match self.view {
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
                View::Parties => self.parties.ui(ui, &mut pc),
                View::People => self.people.ui(ui, &mut pc),
                View::Bodies => self.bodies.ui(ui, &mut pc),
                View::Matrix => self.matrix.ui(ui, &mut pc),
                View::Trust => {
                    if self.trust.ui(ui, &mut pc) {
                        pdf_request = Some((Kind::Intake, None));
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
                View::Rules => {
                    if let Some(RulesAction::Propose(rule)) = self.rules.ui(ui, &mut pc)
                        && let Some(r) = pc.alliance.ground_rule(rule)
                    {
                        self.rounds
                            .propose(r.text.clone(), crate::domain::Subject::GroundRule(rule));
                        self.view = View::Rounds;
                    }
                }
                View::Rounds => self.rounds.ui(ui, &mut pc),
                View::Decisions => self.decisions.ui(ui, &mut pc),
                View::Covenant => match self.covenant.ui(ui, &mut pc) {
                    Some(CovenantAction::Propose(version)) => {
                        if let Some(v) = pc
                            .alliance
                            .covenant_versions
                            .iter()
                            .find(|v| v.id == version)
                        {
                            self.rounds.propose(
                                format!("{} (v{})", v.title, v.number),
                                crate::domain::Subject::Covenant(version),
                            );
                            self.view = View::Rounds;
                        }
                    }
                    Some(CovenantAction::ExportPdf(version)) => {
                        pdf_request = Some((Kind::Covenant, Some(version)));
                    }
                    None => {}
                },
                View::Meetings => match self.meetings.ui(ui, &mut pc) {
                    Some(MeetingsAction::ExportIcs(id)) => ics_request = Some(id),
                    Some(MeetingsAction::ExportPack(id)) => {
                        pdf_request = Some((Kind::Pack, Some(id)));
                    }
                    Some(MeetingsAction::ExportMinutes(id)) => {
                        pdf_request = Some((Kind::Minutes, Some(id)));
                    }
                    None => {}
                },
            });
        let PanelCtx { edits, seal, .. } = pc;
        if !edits.is_empty() {
            // A new change: the last export's message is no longer news.
            self.notice = None;
        }
        for edit in edits {
            if let Err(e) = doc.perform(edit) {
                self.error = Some(lang.store_error(&e));
                break;
            }
        }
        if seal {
            doc.seal();
        }
        if let Some(id) = ics_request {
            self.export_ics(id);
        }
        if let Some(request) = pdf_request {
            self.export_pdf(request);
        }
    }

    fn overlays(&mut self, ctx: &egui::Context) {
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(120));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                self.t(T::DropHere),
                egui::FontId::proportional(26.0),
                egui::Color32::WHITE,
            );
        }
        if let Some(message) = self.error.clone() {
            let lang = self.lang();
            let modal = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(460.0);
                ui.label(
                    RichText::new(lang.tr(T::Error))
                        .size(18.0)
                        .family(theme::bold()),
                );
                ui.add_space(6.0);
                ui.label(&message);
                ui.add_space(10.0);
                ui.button(lang.tr(T::Ok)).clicked()
            });
            if modal.inner || modal.should_close() {
                self.error = None;
            }
        }
        self.path_dialog_ui(ctx);
        if self.show_shortcuts {
            let lang = self.lang();
            let modal = egui::Modal::new(egui::Id::unique("shortcuts")).show(ctx, |ui| {
                ui.label(
                    RichText::new(lang.tr(T::Shortcuts))
                        .size(18.0)
                        .family(theme::bold()),
                );
                ui.add_space(6.0);
                // From the command table, so it cannot fall behind it.
                egui::Grid::new("shortcut-list")
                    .num_columns(2)
                    .spacing([18.0, 4.0])
                    .show(ui, |ui| {
                        for command in UiCommand::all() {
                            let keys: Vec<String> = command
                                .shortcuts()
                                .iter()
                                .map(super::command::shortcut_words)
                                .collect();
                            if keys.is_empty() {
                                continue;
                            }
                            ui.label(RichText::new(keys.join(", ")).family(theme::bold()));
                            ui.label(command.text(lang));
                            ui.end_row();
                        }
                    });
                ui.add_space(10.0);
                ui.button(lang.tr(T::Ok)).clicked()
            });
            if modal.inner || modal.should_close() {
                self.show_shortcuts = false;
            }
        }
    }

    /// Save a meeting as an .ics invitation where the user chooses.
    fn export_ics(&mut self, id: crate::domain::Id) {
        let lang = self.lang();
        let Some(doc) = self.doc.as_ref() else { return };
        let a = doc.alliance();
        let Some(meeting) = a.meeting(id) else { return };
        let body = meeting
            .body
            .and_then(|b| a.body(b))
            .map(|b| b.name.clone())
            .unwrap_or_default();
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
        let Some(ics) = crate::domain::meeting::ics(meeting, &a.agenda_slots, &body, &stamp) else {
            return;
        };
        let suggested = format!(
            "{} {}",
            meeting.title,
            meeting.date.map(|d| d.to_string()).unwrap_or_default()
        );
        let Some(path) = self.choose_save(suggested.trim(), "ics") else {
            return;
        };
        match std::fs::write(&path, ics) {
            Ok(()) => {
                self.notice = Some(if std::mem::take(&mut self.fallback_save) {
                    lang.tr(T::SavedInDocuments)
                        .replace("{path}", &path.display().to_string())
                } else {
                    lang.tr(T::IcsSaved)
                        .replace("{path}", &path.display().to_string())
                })
            }
            Err(e) => {
                self.error = Some(
                    lang.tr(T::ErrOther)
                        .replace("{detail}", &format!("{}: {e}", path.display())),
                )
            }
        }
    }

    /// The document a menu entry means: the meeting or covenant version in
    /// view, else the next meeting (pack), the last one held (minutes) or
    /// the newest version.
    /// The menu's document of a kind: of the meeting or covenant version
    /// on screen, else the default one. `None` when there is none.
    fn pdf_request_for(&self, kind: Kind) -> Option<(Kind, Option<crate::domain::Id>)> {
        let a = self.doc.as_ref()?.alliance();
        let on_screen = match kind {
            Kind::Pack | Kind::Minutes => {
                self.meetings.selected.filter(|id| a.meeting(*id).is_some())
            }
            Kind::Covenant => self
                .covenant
                .version
                .filter(|id| a.covenant_versions.iter().any(|v| v.id == *id)),
            Kind::Intake => None,
        };
        let exists = match kind {
            Kind::Pack | Kind::Minutes => !a.meetings.is_empty(),
            Kind::Covenant => !a.covenant_versions.is_empty(),
            Kind::Intake => true,
        };
        exists.then_some((kind, on_screen))
    }

    /// Build a PDF (through `report::build`, as the CLI does) and save it
    /// where the user chooses.
    fn export_pdf(&mut self, (kind, of): (Kind, Option<crate::domain::Id>)) {
        let lang = self.lang();
        let Some(doc) = self.doc.as_ref() else { return };
        let a = doc.alliance();
        let request = crate::report::Request {
            kind,
            meeting: of.filter(|_| matches!(kind, Kind::Pack | Kind::Minutes)),
            version: of.filter(|_| kind == Kind::Covenant),
            lang,
        };
        let built = crate::report::build(a, &request, chrono::Local::now().date_naive())
            .ok()
            .map(|b| {
                let (suggested, what) = match kind {
                    Kind::Pack => (
                        format!(
                            "{} {}",
                            lang.tr(T::PdfPack),
                            b.meeting.clone().unwrap_or_default().1
                        ),
                        lang.tr(T::PdfPack),
                    ),
                    Kind::Minutes => (
                        format!(
                            "{} {}",
                            lang.tr(T::Minutes),
                            b.meeting.clone().unwrap_or_default().1
                        ),
                        lang.tr(T::Minutes),
                    ),
                    Kind::Covenant => {
                        let (n, title) = b.version.clone().unwrap_or_default();
                        (format!("{title} v{n}"), lang.tr(T::NavCovenant))
                    }
                    Kind::Intake => (
                        format!("{} {}", lang.tr(T::PdfIntakeSummary), a.info.name),
                        lang.tr(T::PdfIntakeSummary),
                    ),
                };
                (b.bytes, suggested, what)
            });
        let Some((bytes, suggested, what)) = built else {
            return;
        };
        let suggested: String = suggested
            .chars()
            .map(|c| if "/\\:*?\"<>|".contains(c) { '-' } else { c })
            .collect();
        let Some(path) = self.choose_save(suggested.trim(), "pdf") else {
            return;
        };
        match std::fs::write(&path, bytes) {
            Ok(()) => {
                self.notice = Some(if std::mem::take(&mut self.fallback_save) {
                    lang.tr(T::SavedInDocuments)
                        .replace("{path}", &path.display().to_string())
                } else {
                    lang.tr(T::PdfSaved)
                        .replace("{document}", what)
                        .replace("{path}", &path.display().to_string())
                })
            }
            Err(e) => {
                self.error = Some(
                    lang.tr(T::ErrOther)
                        .replace("{detail}", &format!("{}: {e}", path.display())),
                )
            }
        }
    }

    /// Where to save an export: the native dialog's answer or, where no
    /// dialog can be shown, a new file in the documents folder (the notice
    /// then says where it went).
    fn choose_save(&mut self, suggested: &str, extension: &str) -> Option<PathBuf> {
        if self.dialogs.available() {
            let chosen = self.dialogs.save_file(suggested, extension);
            if chosen.is_some() || self.dialogs.available() {
                return chosen;
            }
        }
        let dir = documents_dir()?;
        let mut path = dir.join(format!("{suggested}.{extension}"));
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("{suggested} ({n}).{extension}"));
            n += 1;
        }
        self.fallback_save = true;
        Some(path)
    }

    /// The last message that something went well.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Whether the user asked to quit.
    pub fn quit_requested(&self) -> bool {
        self.quit_requested
    }
}

impl eframe::App for SamenspelApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        let title = self.window_title();
        if title != self.title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if self.quit_requested {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
