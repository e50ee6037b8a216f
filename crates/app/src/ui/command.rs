//! Every command a user can give by menu or key, declared once (in the
//! manner of rerun's `UICommand`): its text, its shortcuts, and where it
//! applies. The menus, the key handling, the help screen and the README's
//! shortcut list all come from this table.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::domain::{Id, Subject};
use crate::i18n::{Lang, T};
use crate::report::Kind;

use super::app::View;

/// A command of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    NewAlliance,
    OpenAlliance,
    Close,
    Quit,
    Undo,
    Redo,
    /// Present on a second window (F5), or stop presenting.
    PresentSecond,
    /// Present in this window.
    PresentHere,
    /// Show a part of the app.
    Show(View),
    /// A new intake interview (on the intake page).
    NewInterview,
    /// The list of shortcuts.
    ShowShortcuts,
    /// Put a rule or a covenant version to a consensus round (from the
    /// panel that shows it).
    Propose(Subject),
    /// Save a document as PDF: of this meeting or covenant version, or the
    /// default one.
    ExportPdf(Kind, Option<Id>),
    /// Save a meeting's .ics invitation.
    ExportIcs(Id),
    /// Lock the confidential texts now.
    Lock,
    /// Give the alliance a passphrase, or a new one.
    SetPassphrase,
    /// Choose a CSV file of parties to import.
    ImportCsv,
    /// Save the register as a sheet (CSV) to keep up to date.
    ExportCsv,
    /// Comments from a spreadsheet, into a comment round.
    ImportComments(crate::domain::Id),
}

const CMD: Modifiers = Modifiers::COMMAND;

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// The keys of the parts of the app, in navigation order: Ctrl+1 … Ctrl+0.
const VIEW_KEYS: [Key; 10] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
    Key::Num0,
];

impl UiCommand {
    /// Every command, in the order keys are tried: the most specific
    /// shortcut first (Ctrl+Shift+Z before Ctrl+Z, Shift+F5 before F5).
    pub fn all() -> Vec<UiCommand> {
        let mut out = vec![
            UiCommand::NewAlliance,
            UiCommand::OpenAlliance,
            UiCommand::Close,
            UiCommand::Quit,
            UiCommand::Redo,
            UiCommand::Undo,
            UiCommand::PresentHere,
            UiCommand::PresentSecond,
        ];
        out.extend(View::ALL.iter().map(|v| UiCommand::Show(*v)));
        out.push(UiCommand::NewInterview);
        out.push(UiCommand::Lock);
        out.push(UiCommand::SetPassphrase);
        out.push(UiCommand::ShowShortcuts);
        out
    }

    /// Its shortcuts, the first one shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            UiCommand::NewAlliance => vec![key(CMD, Key::N)],
            UiCommand::OpenAlliance => vec![key(CMD, Key::O)],
            UiCommand::Close => vec![key(CMD, Key::W)],
            UiCommand::Quit => vec![key(CMD, Key::Q)],
            UiCommand::Undo => vec![key(CMD, Key::Z)],
            UiCommand::Redo => vec![
                key(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
                key(CMD, Key::Y),
            ],
            UiCommand::PresentSecond => vec![key(Modifiers::NONE, Key::F5)],
            UiCommand::PresentHere => vec![key(Modifiers::SHIFT, Key::F5)],
            UiCommand::Show(view) => View::ALL
                .iter()
                .position(|v| *v == view)
                .and_then(|i| VIEW_KEYS.get(i))
                .map(|k| vec![key(CMD, *k)])
                .unwrap_or_default(),
            UiCommand::NewInterview => vec![key(CMD, Key::Enter)],
            UiCommand::ShowShortcuts => vec![key(Modifiers::NONE, Key::F1)],
            UiCommand::Lock => vec![key(CMD, Key::L)],
            UiCommand::Propose(_)
            | UiCommand::ExportPdf(..)
            | UiCommand::ExportIcs(_)
            | UiCommand::SetPassphrase
            | UiCommand::ImportCsv
            | UiCommand::ExportCsv
            | UiCommand::ImportComments(_) => Vec::new(),
        }
    }

    /// What the command is called in menus and the help.
    pub fn text(self, lang: Lang) -> String {
        let key = match self {
            UiCommand::NewAlliance => T::NewAlliance,
            UiCommand::OpenAlliance => T::OpenAlliance,
            UiCommand::Close => T::MenuClose,
            UiCommand::Quit => T::MenuQuit,
            UiCommand::Undo => T::Undo,
            UiCommand::Redo => T::Redo,
            UiCommand::PresentSecond => T::PresentSecond,
            UiCommand::PresentHere => T::PresentHere,
            // "Vertrouwen › Overzicht": the part with its group.
            UiCommand::Show(view) => {
                return format!("{} › {}", lang.tr(view.group()), lang.tr(view.title()));
            }
            UiCommand::NewInterview => T::NewInterview,
            UiCommand::ShowShortcuts => T::Shortcuts,
            UiCommand::Propose(_) => T::ProposeInRound,
            UiCommand::ExportPdf(kind, _) => match kind {
                Kind::Pack => T::ExportPack,
                Kind::Minutes => T::ExportMinutes,
                Kind::Covenant => T::ExportCovenant,
                Kind::Intake => T::ExportIntake,
                Kind::Selection => T::SelectionReport,
                Kind::TableDecisions => T::ExportTableDecisions,
                Kind::PartyShare => T::ExportPartyShare,
                Kind::Maps => T::ExportMaps,
                Kind::Comments => T::CommentsPdf,
            },
            UiCommand::ExportIcs(_) => T::ExportIcs,
            UiCommand::Lock => T::LockNow,
            UiCommand::SetPassphrase => T::SetPassphrase,
            UiCommand::ImportCsv => T::ImportCsv,
            UiCommand::ExportCsv => T::ExportCsv,
            UiCommand::ImportComments(_) => T::CommentsImport,
        };
        lang.tr(key).to_string()
    }

    /// Whether the app handles the key itself; otherwise the panel named
    /// does (a new interview belongs to the intake page).
    pub fn panel(self) -> Option<View> {
        match self {
            UiCommand::NewInterview => Some(View::Intakes),
            UiCommand::Propose(Subject::Covenant(_)) => Some(View::Covenant),
            UiCommand::Propose(_) => Some(View::Rules),
            UiCommand::ExportIcs(_) => Some(View::Meetings),
            _ => None,
        }
    }

    /// Whether one of its shortcuts was pressed (and consume it).
    pub fn pressed(self, ctx: &egui::Context) -> bool {
        self.shortcuts()
            .iter()
            .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)))
    }

    /// The shortcut as the menus show it on this machine.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }
}

/// A shortcut in words, the same on every machine: "Ctrl+Shift+Z".
pub fn shortcut_words(s: &KeyboardShortcut) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if s.modifiers.command || s.modifiers.ctrl {
        parts.push("Ctrl");
    }
    if s.modifiers.alt {
        parts.push("Alt");
    }
    if s.modifiers.shift {
        parts.push("Shift");
    }
    let name = s.logical_key.name();
    let key = name
        .strip_prefix("Num")
        .filter(|d| d.len() == 1)
        .unwrap_or(name);
    let mut out = parts.join("+");
    if !out.is_empty() {
        out.push('+');
    }
    out.push_str(key);
    out
}

/// The help's list of shortcuts, one line per command that has one:
/// "Ctrl+Shift+Z, Ctrl+Y — Redo". The README carries the English list.
pub fn shortcut_lines(lang: Lang) -> Vec<String> {
    UiCommand::all()
        .into_iter()
        .filter(|c| !c.shortcuts().is_empty())
        .map(|c| {
            let keys: Vec<String> = c.shortcuts().iter().map(shortcut_words).collect();
            format!("{} — {}", keys.join(", "), c.text(lang))
        })
        .collect()
}
