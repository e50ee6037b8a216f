//! File dialogs: the native ones behind a trait (tests never open one),
//! and the dialog inside the window where no native one can be shown.

use super::*;

/// File dialogs, behind a trait so tests never open one.
pub trait FileDialogs {
    /// Choose an existing alliance file.
    fn open_alliance(&self) -> Option<PathBuf>;
    /// Choose where a new alliance file goes.
    fn new_alliance(&self, suggested_name: &str) -> Option<PathBuf>;
    /// Choose where to save an exported file with this extension.
    fn save_file(&self, suggested_name: &str, extension: &str) -> Option<PathBuf>;
    /// Choose a spreadsheet's CSV file to import.
    fn open_csv(&self) -> Option<PathBuf> {
        None
    }
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
        // Asked again each time: a dialog installed while Samenspel runs
        // (zenity) is used from the next time on, without a restart.
        self.unavailable
            .set(chosen.is_none() && started.elapsed() < std::time::Duration::from_millis(250));
        chosen
    }
}

const EXTENSION: &str = "samenspel";

/// The path with Samenspel's extension, added if it has another or none.
pub(super) fn with_extension(path: PathBuf) -> PathBuf {
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
    fn open_csv(&self) -> Option<PathBuf> {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter("CSV", &["csv", "txt"])
                .pick_file()
        })
    }

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

/// What a file chosen inside the window is for.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) enum Purpose {
    /// Create a new alliance (folder and name).
    #[default]
    New,
    /// Open an alliance (a path).
    Open,
    /// Import parties from a spreadsheet's CSV file (a path).
    Parties,
    /// Import a comment round's comments from a CSV file (a path).
    Comments(crate::domain::Id),
}

/// A file chosen inside the window, where no native dialog can be shown.
#[derive(Clone, Debug, Default)]
pub(super) struct PathDialog {
    purpose: Purpose,
    /// A new alliance's folder, or the path of the file to open.
    folder: String,
    name: String,
}

impl SamenspelApp {
    pub(super) fn ask_open(&mut self) {
        if let Some(path) = self.dialogs.open_alliance() {
            self.open(&path);
        } else if !self.dialogs.available() {
            // The native dialog could not be shown: never a silent no-op.
            self.path_dialog = Some(self.in_window_dialog(Purpose::Open));
        }
    }

    pub(super) fn ask_new(&mut self) {
        let suggested = self.t(T::NewAlliance).trim_end_matches('…').to_string();
        if let Some(path) = self.dialogs.new_alliance(&suggested) {
            self.create(&path);
        } else if !self.dialogs.available() {
            self.path_dialog = Some(self.in_window_dialog(Purpose::New));
        }
    }

    /// A spreadsheet's CSV file to import: parties, or a comment round's
    /// comments. Asked inside the window when no native dialog can be
    /// shown, like Open.
    pub(super) fn ask_csv(&mut self, purpose: Purpose) {
        match self.dialogs.open_csv() {
            Some(path) => self.csv_chosen(purpose, &path),
            None if !self.dialogs.available() => {
                self.path_dialog = Some(self.in_window_dialog(purpose));
            }
            None => {}
        }
    }

    fn csv_chosen(&mut self, purpose: Purpose, path: &Path) {
        match purpose {
            Purpose::Comments(round) => self.import_comments(path, round),
            _ => self.import_csv(path),
        }
    }

    pub(super) fn in_window_dialog(&self, purpose: Purpose) -> PathDialog {
        let folder = documents_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        PathDialog {
            purpose,
            name: if purpose == Purpose::New {
                self.t(T::NewAlliance).trim_end_matches('…').to_string()
            } else {
                String::new()
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
    pub(super) fn path_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(mut d) = self.path_dialog.take() else {
            return;
        };
        let lang = self.lang();
        let mut done = None;
        // Every purpose but a new alliance asks for the path of a file.
        let open = d.purpose != Purpose::New;
        let modal = egui::Modal::new(egui::Id::unique("path-dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            let title = match d.purpose {
                Purpose::New => T::NewTitle,
                Purpose::Open => T::OpenTitle,
                Purpose::Parties | Purpose::Comments(_) => T::CsvChooseTitle,
            };
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
                    let l = ui.label(lang.tr(if open { T::FilePath } else { T::Folder }));
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut d.folder)
                                .id_salt("path-dialog-folder")
                                .desired_width(380.0),
                        )
                        .labelled_by(l.id);
                    if open {
                        r.request_focus();
                    }
                    ui.end_row();
                    if !open {
                        let l = ui.label(lang.tr(T::FileName));
                        let r = ui
                            .add(
                                egui::TextEdit::singleline(&mut d.name)
                                    .id_salt("path-dialog-name")
                                    .desired_width(380.0),
                            )
                            .labelled_by(l.id);
                        // The suggested name, selected: typing replaces it.
                        if ui.memory(|m| m.focused().is_none()) {
                            r.request_focus();
                            let mut state =
                                egui::TextEdit::load_state(ui.ctx(), r.id).unwrap_or_default();
                            state
                                .cursor
                                .set_char_range(Some(egui::text::CCursorRange::two(
                                    egui::text::CCursor::new(0),
                                    egui::text::CCursor::new(d.name.chars().count()),
                                )));
                            state.store(ui.ctx(), r.id);
                        }
                        ui.end_row();
                    }
                });
            ui.add_space(10.0);
            let path = if open {
                PathBuf::from(d.folder.trim())
            } else {
                with_extension(PathBuf::from(d.folder.trim()).join(d.name.trim()))
            };
            if !open {
                widgets::muted(
                    ui,
                    &lang
                        .tr(T::WillCreate)
                        .replace("{path}", &path.display().to_string()),
                );
            }
            let ready = if open {
                !d.folder.trim().is_empty()
            } else {
                !d.name.trim().is_empty()
            };
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let action = lang.tr(if open { T::OpenButton } else { T::Create });
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
            Some(Some(path)) => match d.purpose {
                Purpose::New => self.create(&path),
                Purpose::Open => self.open(&path),
                purpose => self.csv_chosen(purpose, &path),
            },
        }
    }
}
