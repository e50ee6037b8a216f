//! The app shell: the start screen, the menu, navigation, shortcuts,
//! drag-and-drop, errors, and the window title.

mod dialogs;
mod export;
mod locking;
mod menu;
mod presenting;
mod room;
mod workspace;

use dialogs::PathDialog;
pub use dialogs::{FileDialogs, NativeDialogs, documents_dir};

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
use super::comments::CommentsPanel;
use super::covenant::CovenantPanel;
use super::decisions::DecisionsPanel;
use super::guide::GuidePanel;
use super::intake::IntakePanel;
use super::matrix::MatrixPanel;
use super::meetings::MeetingsPanel;
use super::network::NetworkPanel;
use super::parties::PartiesPanel;
use super::people::PeoplePanel;
use super::plan::PlanPanel;
use super::present::{self, Command, PresentState, Slide};
use super::reliance::ReliancePanel;
use super::rounds::RoundsPanel;
use super::rules::RulesPanel;
use super::settings::Settings;
use super::shared::SharedPanel;
use super::start::{self, StartAction};
use super::strategy::StrategyPanel;
use super::theme;
use super::trust::TrustPanel;
use super::widgets::{self, PanelCtx};

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
    WorkPlan,
    Reliance,
    Rules,
    Rounds,
    Decisions,
    Meetings,
    Comments,
    Covenant,
}

impl View {
    pub const ALL: [View; 21] = [
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
        View::WorkPlan,
        View::Reliance,
        View::Rules,
        View::Rounds,
        View::Decisions,
        View::Meetings,
        View::Comments,
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
            View::WorkPlan => T::NavWorkPlan,
            View::Reliance => T::NavReliance,
            View::Comments => T::NavComments,
            View::Rules => T::NavRules,
            View::Rounds => T::NavRounds,
            View::Decisions => T::NavDecisions,
            View::Meetings => T::NavMeetings,
            View::Covenant => T::NavCovenant,
        }
    }

    /// Where a kind of record is edited (see `Edit::summary`), so that
    /// undo can show the place of the step it undid; `None` for a kind
    /// name the declaration does not have.
    pub fn of_record_kind(kind: &str) -> Option<View> {
        crate::domain::Kind::of(kind).map(View::of_kind)
    }

    /// Where a kind of record is edited. Exhaustive: a new kind in the
    /// declaration (`domain/edit.rs`) is given its place here or nothing
    /// compiles.
    pub fn of_kind(kind: crate::domain::Kind) -> View {
        use crate::domain::Kind as K;
        match kind {
            K::Alliance => View::Alliance,
            K::Party => View::Parties,
            K::Person => View::People,
            K::Body | K::TableSeat | K::SeatDraw => View::Bodies,
            K::Membership => View::Matrix,
            K::Question => View::Guide,
            K::Interview | K::Answer => View::Intakes,
            K::Comfort => View::Comfort,
            K::Lane | K::MapNode | K::MapLink => View::Strategy,
            K::Relation | K::Placement => View::Network,
            K::AgendaItem | K::FocalPoint | K::PriorityRound | K::PriorityMark => View::Agenda,
            K::Situation | K::GroundRule | K::Checkin | K::RuleSet => View::Rules,
            K::Round | K::Vote | K::RuleProposal | K::Objection => View::Rounds,
            K::PlanLine | K::PlanProgress => View::WorkPlan,
            K::CommentRound | K::Comment => View::Comments,
            K::Meeting
            | K::AgendaSlot
            | K::Attendance
            | K::Action
            | K::Ballot
            | K::CheckinRound => View::Meetings,
            K::CovenantVersion | K::Clause | K::Signature => View::Covenant,
        }
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
            View::Agenda
            | View::WorkPlan
            | View::Reliance
            | View::Rules
            | View::Rounds
            | View::Decisions => T::NavDecideGroup,
            View::Meetings | View::Comments | View::Covenant => T::NavDocsGroup,
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

/// How often edits waiting for the file are tried again.
const RETRY_SAVING: std::time::Duration = std::time::Duration::from_secs(1);

/// How long a write in the window waits for another program's lock before
/// the edit waits in memory instead (the window never freezes on it).
const WINDOW_BUSY_WAIT: std::time::Duration = std::time::Duration::from_millis(150);

/// What would leave the open alliance: asked about first when edits still
/// wait for the file.
#[derive(Clone, Debug, PartialEq)]
enum Leave {
    Quit,
    Close,
    Open(PathBuf),
}

/// What the cached room projection was made from: the file, its revision,
/// the meeting presented and the clock.
type RoomKey = (
    PathBuf,
    u64,
    Option<crate::domain::Id>,
    crate::domain::clock::Clock,
);

pub struct SamenspelApp {
    settings: Settings,
    config_dir: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    dialogs: Box<dyn FileDialogs>,
    doc: Option<Document>,
    pub view: View,
    /// Where "today" comes from, for the panels, the projection, the
    /// documents and every record the window makes.
    clock: crate::domain::clock::Clock,
    alliance_panel: AlliancePanel,
    parties: PartiesPanel,
    people: PeoplePanel,
    bodies: BodiesPanel,
    matrix: MatrixPanel,
    reliance: ReliancePanel,
    pub(crate) comments: CommentsPanel,
    trust: TrustPanel,
    intakes: IntakePanel,
    comfort: ComfortPanel,
    guide: GuidePanel,
    strategy: StrategyPanel,
    network: NetworkPanel,
    agenda: AgendaPanel,
    plan: PlanPanel,
    rules: RulesPanel,
    rounds: RoundsPanel,
    decisions: DecisionsPanel,
    meetings: MeetingsPanel,
    shared: SharedPanel,
    covenant: CovenantPanel,
    /// A message that something went well (shown briefly).
    notice: Option<String>,
    /// Why something asked was not done, said without a dialog (an undo
    /// that stops at a commitment); shown as a warning, never with a ✓.
    caution: Option<String>,
    error: Option<String>,
    title: String,
    show_shortcuts: bool,
    /// The in-window file dialog, when the native one is not available.
    path_dialog: Option<PathDialog>,
    /// The last export went to the documents folder, for want of a dialog.
    fallback_save: bool,
    quit_requested: bool,
    /// What the person asked while edits still wait for the file (see
    /// `Document::perform_or_hold`): asked about before it is done.
    leaving: Option<Leave>,
    /// When the edits waiting for the file were last tried.
    last_retry: Option<std::time::Instant>,
    /// Keys typed after a Tab in the same frame, for the next frame: there
    /// the Tab has moved the focus, so they reach the field they were
    /// typed into (see `keys_after_tab`).
    after_tab: Vec<egui::Event>,
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
    room_cache: Option<(RoomKey, std::rc::Rc<crate::audience::RoomView>)>,
    /// How often the room projection was built (once per revision).
    room_builds: usize,
    /// The passphrase: unlock card, dialog, quiet period.
    locking: locking::Locking,
    /// Voting by phone: the room server, while it runs.
    room: Option<room::Room>,
    /// A ballot card just reissued, shown until closed.
    fresh_card: Option<room::FreshCard>,
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
            clock: crate::clock::from_env(),
            matrix: MatrixPanel::default(),
            reliance: ReliancePanel::default(),
            comments: CommentsPanel::default(),
            trust: TrustPanel::default(),
            intakes: IntakePanel::default(),
            comfort: ComfortPanel::default(),
            guide: GuidePanel,
            strategy: StrategyPanel::default(),
            network: NetworkPanel::default(),
            agenda: AgendaPanel::default(),
            plan: PlanPanel::default(),
            rules: RulesPanel::default(),
            rounds: RoundsPanel::default(),
            decisions: DecisionsPanel,
            meetings: MeetingsPanel::default(),
            shared: SharedPanel,
            covenant: CovenantPanel::default(),
            notice: None,
            caution: None,
            error: None,
            title: String::new(),
            show_shortcuts: false,
            path_dialog: None,
            fallback_save: false,
            quit_requested: false,
            leaving: None,
            last_retry: None,
            after_tab: Vec::new(),
            presenting: None,
            present: PresentState::default(),
            projector_monitor: 1,
            projector_size: egui::vec2(1920.0, 1080.0),
            projector_fullscreen: false,
            fullscreen_pending: false,
            room_cache: None,
            room_builds: 0,
            locking: locking::Locking::default(),
            room: None,
            fresh_card: None,
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

    /// Take `day` as today (tests of terms and rotations that must not
    /// depend on the day they run).
    pub fn set_today(&mut self, day: chrono::NaiveDate) {
        self.clock = crate::domain::clock::Clock::Fixed(day);
        if let Some(doc) = self.doc.as_mut() {
            doc.set_clock(self.clock);
        }
    }

    /// The program's clock (see [`crate::domain::clock`]).
    pub fn clock(&self) -> crate::domain::clock::Clock {
        self.clock
    }

    /// Today, as the clock says.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    pub fn alliance(&self) -> Option<&Alliance> {
        self.doc.as_ref().map(Document::alliance)
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// The language of what the alliance shows and prints (documents,
    /// slides, phone pages): the alliance's own, else the interface's.
    pub fn doc_lang(&self) -> Lang {
        self.alliance().map_or(self.lang(), Lang::of)
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.settings.lang = lang;
        self.settings.lang_chosen = true;
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

    fn adopt(&mut self, mut doc: Document) {
        if self.blocks_leaving(Leave::Open(doc.path().to_path_buf())) {
            return;
        }
        doc.set_clock(self.clock);
        // A write waits only briefly for another program's lock: the edit
        // then waits in memory, and the window goes on.
        let _ = doc.set_busy_timeout(WINDOW_BUSY_WAIT);
        self.stop_room();
        self.fresh_card = None;
        self.settings.remember(doc.path());
        if !self.settings.lang_chosen {
            self.settings.lang = Lang::of(doc.alliance());
        }
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
        self.plan = PlanPanel::default();
        self.rules = RulesPanel::default();
        self.rounds = RoundsPanel::default();
        self.meetings = MeetingsPanel::default();
        self.covenant = CovenantPanel::default();
        self.error = None;
    }

    /// Open an alliance file; on failure the current one stays open and
    /// the user sees why.
    pub fn open(&mut self, path: &Path) {
        match Document::open_at(path, self.clock) {
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
        // Made in the language the facilitator works in: its starter
        // questions, rules and documents follow it.
        let english = self.lang() == Lang::En;
        match Document::create_at(path, &Alliance::named_in(name, english), &[], self.clock) {
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
        match Document::create_at(&path, &crate::example::samen_noord(), &[], self.clock) {
            Ok(doc) => self.adopt(doc),
            Err(e) => self.error = Some(self.settings.lang.store_error(&e)),
        }
    }

    pub fn close(&mut self) {
        if self.blocks_leaving(Leave::Close) {
            return;
        }
        self.stop_room();
        self.fresh_card = None;
        self.doc = None;
    }

    /// On a slow frame a Tab and the keys typed after it arrive together;
    /// egui moves the focus only at the end of the frame, so those keys
    /// would land in the field being left (a date typed 0.2 s after the
    /// Tab appended to the previous date, and lost). Keys after the first
    /// Tab wait for the next frame, which comes at once. Called on the raw
    /// input before each frame (eframe's `raw_input_hook`), so that a
    /// waiting Tab moves the focus as one typed in that frame does.
    pub fn defer_after_tab(&mut self, raw: &mut egui::RawInput) {
        if !self.after_tab.is_empty() {
            let now = std::mem::take(&mut raw.events);
            raw.events = std::mem::take(&mut self.after_tab);
            raw.events.extend(now);
        }
        let tab = raw.events.iter().position(|e| {
            matches!(
                e,
                egui::Event::Key {
                    key: egui::Key::Tab,
                    pressed: true,
                    ..
                }
            )
        });
        if let Some(at) = tab
            && at + 1 < raw.events.len()
        {
            self.after_tab = raw.events.split_off(at + 1);
        }
    }

    /// Whether keys wait for the next frame (see [`Self::defer_after_tab`]).
    pub fn keys_waiting(&self) -> bool {
        !self.after_tab.is_empty()
    }

    /// Whether leaving the open alliance (`then`) must wait: edits still
    /// wait for the file after one more try. The window then asks.
    fn blocks_leaving(&mut self, then: Leave) -> bool {
        let Some(doc) = self.doc.as_mut() else {
            return false;
        };
        if doc.unsaved().0 == 0 || doc.retry_saving().is_ok() {
            return false;
        }
        self.leaving = Some(then);
        true
    }

    /// Do what was asked once nothing waits for the file any more.
    fn leave(&mut self, then: Leave) {
        self.leaving = None;
        match then {
            Leave::Quit => self.quit_requested = true,
            Leave::Close => self.close(),
            Leave::Open(path) => self.open(&path),
        }
    }

    /// Try the waiting edits again now and then, and ask before leaving
    /// while some still wait.
    fn keep_saving(&mut self, ctx: &egui::Context) {
        if let Some(doc) = self.doc.as_mut()
            && doc.unsaved().0 > 0
        {
            if self.last_retry.is_none_or(|t| t.elapsed() >= RETRY_SAVING) {
                self.last_retry = Some(std::time::Instant::now());
                // Written at last: what was said while it waited is past.
                if doc.retry_saving().is_ok() {
                    self.caution = None;
                }
            }
            ctx.request_repaint_after(RETRY_SAVING);
        }
        let Some(then) = self.leaving.clone() else {
            return;
        };
        let Some((n, why)) = self.doc.as_ref().map(Document::unsaved) else {
            self.leaving = None;
            return;
        };
        if n == 0 {
            self.leave(then);
            return;
        }
        let lang = self.lang();
        let why = why.map(|w| lang.plain_cause(w)).unwrap_or_default();
        let mut choice = None;
        let modal = egui::Modal::new(egui::Id::unique("unsaved-leave")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.label(
                RichText::new(lang.tr(T::UnsavedLeaveTitle))
                    .size(18.0)
                    .family(theme::bold()),
            );
            ui.add_space(6.0);
            ui.label(lang.count(T::UnsavedLeave, n).replace("{why}", why));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(lang.tr(T::TryAgain)).clicked() {
                    choice = Some(0);
                }
                if ui.button(lang.tr(T::SaveCopyUnsaved)).clicked() {
                    choice = Some(1);
                }
                if ui.button(lang.tr(T::LetGo)).clicked() {
                    choice = Some(2);
                }
                if ui.button(lang.tr(T::Cancel)).clicked() {
                    choice = Some(3);
                }
            });
        });
        if modal.should_close() {
            choice = choice.or(Some(3));
        }
        match choice {
            Some(0) => {
                if let Some(doc) = self.doc.as_mut()
                    && doc.retry_saving().is_ok()
                {
                    self.leave(then);
                }
            }
            Some(1) => {
                self.leaving = None;
                self.save_copy();
            }
            Some(2) => {
                if let Some(doc) = self.doc.as_mut()
                    && let Err(e) = doc.discard_unsaved()
                {
                    self.error = Some(lang.store_error(&e));
                }
                self.leave(then);
            }
            Some(_) => self.leaving = None,
            None => {}
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
            // A step that stops at a commitment is not a failure: say why
            // in the status bar, without a dialog to click away.
            Err(
                e @ (crate::store::StoreError::Edit(
                    crate::domain::EditError::CommitUndo(_) | crate::domain::EditError::BallotUndo,
                )
                | crate::store::StoreError::NotYetSaved(_)),
            ) => self.caution = Some(self.settings.lang.store_error(&e)),
            Err(e) => self.error = Some(self.settings.lang.store_error(&e)),
            Ok(true) => {
                self.caution = None;
                // Say what was undone, and show where it happened.
                let lang = self.settings.lang;
                if let Some(summary) = doc.last_step().and_then(crate::domain::Edit::summary) {
                    let summary = named(summary, doc.alliance());
                    let key = if undo { T::Undone } else { T::Redone };
                    self.notice = Some(lang.tr(key).replace("{step}", &lang.step(&summary)));
                    if let Some(view) = View::of_record_kind(summary.kind) {
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
        let summary = named(doc.next_step(undo)?.summary()?, doc.alliance());
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

    /// A spreadsheet's CSV file read and parsed, with its file name; else
    /// why not, in one sentence.
    fn read_csv(&self, path: &Path) -> Result<(String, crate::csvimport::Table), String> {
        let lang = self.lang();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let bytes = std::fs::read(path).map_err(|e| {
            lang.tr(T::ErrOther)
                .replace("{detail}", &format!("{}: {e}", path.display()))
        })?;
        let table = crate::csvimport::read(&bytes)
            .map_err(|e| crate::ui::csv_import::read_error(lang, &name, &e))?;
        Ok((name, table))
    }

    /// Read a CSV file and preview it for import on the parties page.
    pub fn import_csv(&mut self, path: &Path) {
        match self.read_csv(path) {
            Ok((name, table)) => {
                self.parties.start_import(name, table);
                self.view = View::Parties;
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Comments a party filled in on a spreadsheet, into `round`, as one
    /// undo step; what could not be read is said row by row.
    pub fn import_comments(&mut self, path: &Path, round: crate::domain::Id) {
        let lang = self.lang();
        let table = match self.read_csv(path) {
            Ok((_, t)) => t,
            Err(e) => {
                self.error = Some(e);
                return;
            }
        };
        let Some(doc) = self.doc.as_mut() else { return };
        let a = doc.alliance();
        let (comments, errors) = crate::csvimport::comments(&table, a, round);
        let mut next = a.next_id::<crate::domain::Comment>();
        let edits: Vec<crate::domain::Edit> = comments
            .into_iter()
            .map(|c| {
                let id = next;
                next += 1;
                crate::domain::Edit::Comment(crate::domain::Change {
                    before: None,
                    after: Some(crate::domain::Comment { id, ..c }),
                })
            })
            .collect();
        let n = edits.len();
        if n > 0 {
            if let Err(e) = doc.perform_or_hold(crate::domain::Edit::Batch(edits)) {
                self.error = Some(lang.store_error(&e));
                return;
            }
            doc.seal();
        }
        let mut said = lang.tr(T::CommentsImported).replace("{n}", &n.to_string());
        for e in errors.iter().take(5) {
            let reason = match lang {
                crate::i18n::Lang::Nl => &e.reason_nl,
                _ => &e.reason,
            };
            said.push_str(&format!(
                " {}",
                lang.tr(T::CommentsImportRow)
                    .replace("{line}", &e.line.to_string())
                    .replace("{reason}", reason)
            ));
        }
        if errors.is_empty() {
            self.notice = Some(said);
        } else {
            self.error = Some(said);
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
            UiCommand::Propose(subject) => {
                let Some(a) = self.alliance() else { return };
                let proposal = match subject {
                    crate::domain::Subject::GroundRule(id) => {
                        a.ground_rule(id).map(|r| r.text.clone())
                    }
                    crate::domain::Subject::Covenant(id) => a
                        .covenant_versions
                        .iter()
                        .find(|v| v.id == id)
                        .map(|v| format!("{} (v{})", v.title, v.number)),
                    crate::domain::Subject::RuleSet(id) => a
                        .rule_set(id)
                        .map(|s| self.t(T::SetRoundProposal).replace("{set}", &s.name)),
                    _ => None,
                };
                if let Some(proposal) = proposal {
                    self.rounds.propose(proposal, subject);
                    self.view = View::Rounds;
                }
            }
            UiCommand::ExportPdf(kind, of) => self.export_pdf((kind, of)),
            UiCommand::ImportCsv => self.ask_csv(dialogs::Purpose::Parties),
            UiCommand::ExportCsv => self.export_csv(),
            UiCommand::ImportComments(round) => self.ask_csv(dialogs::Purpose::Comments(round)),
            UiCommand::ExportIcs(id) => self.export_ics(id),
            UiCommand::Lock => self.lock_now(),
            UiCommand::SetPassphrase => {
                if self.doc.as_ref().is_some_and(|d| !d.is_read_only()) {
                    self.ask_passphrase();
                }
            }
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
            // A spreadsheet dropped on an open alliance is imported.
            let csv = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"));
            if csv && self.doc.is_some() {
                self.import_csv(path);
            } else {
                self.open(path);
            }
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

    /// Draw the whole interface into `ui` (the window's root).
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.keys_waiting() {
            ctx.request_repaint();
        }
        // The phones' stances, applied on this thread (also while
        // presenting).
        self.pump_room();
        if self.doc.is_none() {
            self.presenting = None;
        }
        if self.presenting == Some(PresentMode::ThisWindow) {
            self.present_here(ui);
            if self.presenting.is_some() {
                return;
            }
        }
        self.auto_lock(&ctx);
        self.keep_saving(&ctx);
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
        // What this frame changed reaches the phones now, not at the next
        // frame.
        self.pump_room();
    }

    fn overlays(&mut self, ctx: &egui::Context) {
        self.passphrase_dialog(ctx);
        self.fresh_card_dialog(ctx);
        self.prune_dialog(ctx);
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

    /// The last message that something went well.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Why the last thing asked was not done, if it was not (shown in the
    /// status bar as a warning).
    pub fn caution(&self) -> Option<&str> {
        self.caution.as_deref()
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
        // Closing the window waits while edits wait for the file: it asks.
        let closing = ui.ctx().input(|i| i.viewport().close_requested());
        if (closing || self.quit_requested) && self.blocks_leaving(Leave::Quit) {
            self.quit_requested = false;
            if closing {
                ui.ctx()
                    .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
        }
        if self.quit_requested {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.defer_after_tab(raw_input);
    }

    /// The room server stops with the app.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.stop_room();
    }
}

/// A step's record named by its party when it has no name of its own
/// ("standpunt ‘Parlan’", not "standpunt ‘#3’").
fn named(mut summary: crate::domain::Summary, a: &Alliance) -> crate::domain::Summary {
    if summary.label.starts_with('#')
        && let Some(p) = summary.party.and_then(|p| a.party(p))
    {
        summary.label = p.name.clone();
    }
    summary
}
