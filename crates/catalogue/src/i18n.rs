//! Every string the interface shows, in Dutch (the default) and English.
//! A test proves both languages have every key, with the same placeholders.
//!
//! One file on purpose (over 800 lines): the catalogue is one list, so a
//! translator reads it top to bottom and the compiler checks every key.

use serde::{Deserialize, Serialize};

use crate::domain::{
    BodyKind, ComfortStatus, PartyKind, Phase, QuestionKind, RelationKind, Ring, RoundStatus,
    RuleLevel, RuleStatus, Scale, Stance, Via, Visibility,
};
use crate::store::StoreError;

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl From<crate::domain::Language> for Lang {
    fn from(l: crate::domain::Language) -> Lang {
        match l {
            crate::domain::Language::Nl => Lang::Nl,
            crate::domain::Language::En => Lang::En,
        }
    }
}

impl From<Lang> for crate::domain::Language {
    fn from(l: Lang) -> crate::domain::Language {
        match l {
            Lang::Nl => crate::domain::Language::Nl,
            Lang::En => crate::domain::Language::En,
        }
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The language an alliance's documents are written in.
    pub fn of(a: &crate::domain::Alliance) -> Lang {
        a.info.language.into()
    }

    /// English when `english`, else Dutch.
    pub fn from_english(english: bool) -> Lang {
        if english { Lang::En } else { Lang::Nl }
    }

    pub fn tr(self, key: T) -> &'static str {
        match self {
            Lang::Nl => key.nl(),
            Lang::En => key.en(),
        }
    }

    /// A text with a count in it: the key holds the form for one and the
    /// form for any other number, split by `|` ("{n} lid|{n} leden").
    pub fn count(self, key: T, n: usize) -> String {
        let text = self.tr(key);
        let form = match text.split_once('|') {
            Some((one, _)) if n == 1 => one,
            Some((_, other)) => other,
            None => text,
        };
        form.replace("{n}", &n.to_string())
    }

    /// A number as people write it: whole numbers without decimals, else
    /// one decimal with the language's decimal mark.
    pub fn number(self, x: f32) -> String {
        if (x - x.round()).abs() < 0.05 {
            format!("{}", x.round() as i64)
        } else {
            let s = format!("{x:.1}");
            match self {
                Lang::Nl => s.replace('.', ","),
                Lang::En => s,
            }
        }
    }

    /// A decision put again on `on`, with its reason, in one line.
    pub fn reopened(self, on: Option<chrono::NaiveDate>, reason: &str) -> String {
        self.tr(T::ReopenedOn)
            .replace("{date}", &on.map(|d| self.date(d)).unwrap_or_default())
            .replace("{reason}", reason)
    }

    /// An undo step in words: "partij ‘De Brug’ toegevoegd".
    pub fn step(self, s: &crate::domain::Summary) -> String {
        use crate::domain::StepAction;
        let key = match s.action {
            StepAction::Added => T::StepAdded,
            StepAction::Changed => T::StepChanged,
            StepAction::Removed => T::StepRemoved,
        };
        self.tr(key)
            .replace("{kind}", self.one(kind_key(s.name)))
            .replace("{label}", &s.label)
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
        }
    }

    pub fn phase(self, phase: Phase) -> &'static str {
        self.tr(match phase {
            Phase::Trust => T::PhaseTrust,
            Phase::Strategy => T::PhaseStrategy,
            Phase::Formalisation => T::PhaseFormalisation,
            Phase::Execution => T::PhaseExecution,
        })
    }

    pub fn phase_hint(self, phase: Phase) -> &'static str {
        self.tr(match phase {
            Phase::Trust => T::PhaseTrustHint,
            Phase::Strategy => T::PhaseStrategyHint,
            Phase::Formalisation => T::PhaseFormalisationHint,
            Phase::Execution => T::PhaseExecutionHint,
        })
    }

    pub fn party_kind(self, kind: PartyKind) -> &'static str {
        self.tr(match kind {
            PartyKind::Welfare => T::KindWelfare,
            PartyKind::Care => T::KindCare,
            PartyKind::HousingCorporation => T::KindHousing,
            PartyKind::Municipality => T::KindMunicipality,
            PartyKind::Police => T::KindPolice,
            PartyKind::Other => T::KindOther,
        })
    }

    pub fn body_kind(self, kind: BodyKind) -> &'static str {
        self.tr(match kind {
            BodyKind::SteeringGroup => T::BodySteeringGroup,
            BodyKind::ManagementTeam => T::BodyManagementTeam,
            BodyKind::WorkingGroup => T::BodyWorkingGroup,
        })
    }

    pub fn stance(self, stance: Stance) -> &'static str {
        self.tr(match stance {
            Stance::In => T::StanceIn,
            Stance::Hesitant => T::StanceHesitant,
            Stance::NeedsSomethingFirst => T::StanceNeeds,
        })
    }

    pub fn visibility(self, v: Visibility) -> &'static str {
        self.tr(match v {
            Visibility::Confidential => T::VisConfidential,
            Visibility::AnonymousTheme => T::VisAnonymous,
            Visibility::Named => T::VisNamed,
        })
    }

    pub fn comfort_status(self, s: ComfortStatus) -> &'static str {
        self.tr(match s {
            ComfortStatus::Open => T::StatusOpen,
            ComfortStatus::Discussed => T::StatusDiscussed,
            ComfortStatus::Honoured => T::StatusHonoured,
            ComfortStatus::Dropped => T::StatusDropped,
        })
    }

    pub fn question_kind(self, k: QuestionKind) -> &'static str {
        self.tr(match k {
            QuestionKind::Text => T::KindText,
            QuestionKind::Score => T::KindScore,
            QuestionKind::Stance => T::KindStance,
        })
    }

    pub fn relation_kind(self, k: RelationKind) -> &'static str {
        self.tr(match k {
            RelationKind::WorksWith => T::RelWorksWith,
            RelationKind::DependsOn => T::RelDependsOn,
            RelationKind::RefersTo => T::RelRefersTo,
            RelationKind::Funds => T::RelFunds,
            RelationKind::Tension => T::RelTension,
        })
    }

    pub fn ring(self, r: Ring) -> &'static str {
        self.tr(match r {
            Ring::Inner => T::InnerRing,
            Ring::Outer => T::OuterRing,
            Ring::Suggested => T::RingSuggested,
        })
    }

    pub fn rule_level(self, l: RuleLevel) -> &'static str {
        self.tr(match l {
            RuleLevel::Practice => T::LevelPractice,
            RuleLevel::Management => T::LevelManagement,
            RuleLevel::Board => T::LevelBoard,
        })
    }

    pub fn rule_status(self, s: RuleStatus) -> &'static str {
        self.tr(match s {
            RuleStatus::Draft => T::RuleDraft,
            RuleStatus::Proposed => T::RuleProposed,
            RuleStatus::Adopted => T::RuleAdopted,
            RuleStatus::Retired => T::RuleRetired,
        })
    }

    /// Where a line of the work plan stands.
    pub fn plan_status(self, s: crate::domain::PlanStatus) -> &'static str {
        use crate::domain::PlanStatus as P;
        self.tr(match s {
            P::Planned => T::PlanPlanned,
            P::Going => T::PlanGoing,
            P::Done => T::PlanDone,
            P::Stuck => T::PlanStuck,
        })
    }

    pub fn round_status(self, s: RoundStatus) -> &'static str {
        self.tr(match s {
            RoundStatus::Open => T::RoundOpen,
            RoundStatus::Adopted => T::RoundAdopted,
            RoundStatus::Amended => T::RoundAmended,
            RoundStatus::Parked => T::RoundParked,
            RoundStatus::Withdrawn => T::RoundWithdrawn,
        })
    }

    pub fn scale(self, s: Scale) -> &'static str {
        self.tr(match s {
            Scale::Gradients => T::ScaleGradients,
            Scale::Consent => T::ScaleConsent,
            Scale::FistToFive => T::ScaleFist,
        })
    }

    /// A value of a scale, as a stance reads.
    pub fn scale_value(self, s: Scale, value: u8) -> String {
        const GRADIENTS: [T; 8] = [T::G1, T::G2, T::G3, T::G4, T::G5, T::G6, T::G7, T::G8];
        match s {
            Scale::Gradients => GRADIENTS
                .get(value.saturating_sub(1) as usize)
                .map(|k| self.tr(*k).to_string())
                .unwrap_or_default(),
            Scale::Consent if value == 0 => self.tr(T::ConsentNo).to_string(),
            Scale::Consent => self.tr(T::ConsentYes).to_string(),
            Scale::FistToFive if value == 0 => self.tr(T::FistZero).to_string(),
            Scale::FistToFive => self.count(T::Fist, value as usize),
        }
    }

    pub fn via(self, v: Via) -> &'static str {
        self.tr(match v {
            Via::Delegate => T::ViaDelegate,
            Via::InRoom => T::ViaRoom,
            Via::Phone => T::ViaPhone,
            Via::Ballot => T::ViaBallot,
        })
    }

    /// The form for one of a key that holds two ("partij|partijen").
    pub fn one(self, key: T) -> &'static str {
        let text = self.tr(key);
        text.split_once('|').map_or(text, |(one, _)| one)
    }

    /// The name of many of a kind of record (an entity `KIND`), for counts:
    /// "mensen:".
    pub fn record_kind(self, kind: &str) -> String {
        match crate::domain::Kind::of(kind) {
            Some(crate::domain::Kind::Alliance) => format!("{}:", self.tr(T::KindAlliance)),
            Some(k) => format!("{}:", self.count(kind_key(k), 2)),
            None => format!("{kind}:"),
        }
    }

    /// A date as people write it in this language, in words: "1 april
    /// 2026", "1 April 2026". (Exports use ISO dates of their own.)
    pub fn date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        format!(
            "{} {} {}",
            date.day(),
            self.month(date.month0() as usize),
            date.year()
        )
    }

    /// The name of month `month0` (0 for January), as a date in words
    /// writes it.
    pub fn month(self, month0: usize) -> &'static str {
        const NL: [&str; 12] = [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        self.pick(NL, EN)[month0]
    }

    /// A date as typed in a date field: 01-04-2026 in Dutch, 01/04/2026 in
    /// English, as a British form writes it (both are read back, as are
    /// 2026-04-01 and "1 April 2026").
    pub fn field_date(self, date: chrono::NaiveDate) -> String {
        match self {
            Lang::Nl => date.format("%d-%m-%Y").to_string(),
            Lang::En => date.format("%d/%m/%Y").to_string(),
        }
    }

    /// Why an edit was refused, as one sentence in this language.
    pub fn edit_error(self, e: &crate::domain::EditError) -> String {
        use crate::domain::EditError as E;
        let key = match e {
            E::Conflict(_) => T::EditConflict,
            E::Missing { .. } => T::EditMissing,
            E::Duplicate { .. } => T::EditDuplicate,
            E::InUse { .. } => T::EditInUse,
            E::DuplicateSeat => T::EditDuplicateSeat,
            E::DuplicateAnswer => T::EditDuplicateAnswer,
            E::ScoreOutOfRange => T::EditScoreOutOfRange,
            E::ComfortFromItself => T::EditComfortFromItself,
            E::SelfLink => T::EditSelfLink,
            E::DuplicateLink => T::EditDuplicateLink,
            E::StrengthOutOfRange => T::EditStrengthOutOfRange,
            E::TooManyDots { .. } => T::EditTooManyDots,
            E::OffTheScale => T::EditOffTheScale,
            E::ReasonRequired => T::EditReasonRequired,
            E::RoundClosed => T::EditRoundClosed,
            E::NotAVoter => T::EditNotAVoter,
            E::Frozen => T::EditFrozen,
            E::NotAllCast => T::EditNotAllCast,
            E::StanceFrozen => T::EditStanceFrozen,
            E::NotDecided => T::EditNotDecided,
            E::TooLong { .. } => T::EditTooLong,
            E::NotANumber => T::EditNotANumber,
            E::EndsBeforeStart => T::EditEndsBeforeStart,
            E::DuplicateTableSeat => T::EditDuplicateTableSeat,
            E::DrawMade => T::EditDrawMade,
            E::DrawFixed => T::EditDrawFixed,
            E::QuotaRange { .. } => T::EditQuotaRange,
            E::BadToken => T::EditBadToken,
            E::BallotStance => T::EditBallotStance,
            E::BallotUndo => T::EditBallotUndo,
            E::ObjectionNeedsRule => T::EditObjectionNeedsRule,
            E::NotInSet => T::EditNotInSet,
            E::Committed => T::EditCommitted,
            E::SignatureSet => T::EditSignatureSet,
            E::SignedBeforeFrozen => T::EditSignedBeforeFrozen,
            E::SignDraft => T::EditSignDraft,
            E::MinutesApproved => T::EditMinutesApproved,
            E::WithdrawalReason => T::EditWithdrawalReason,
            E::CommentsPublished => T::EditCommentsPublished,
            E::CommentsUnanswered => T::EditCommentsUnanswered,
            E::CommitUndo(kind) => commit_undo_key(*kind),
        };
        let text = self.tr(key);
        match e {
            E::TooManyDots { allowed } => text.replace("{n}", &allowed.to_string()),
            E::TooLong { limit, .. } => text.replace("{n}", &limit.to_string()),
            E::QuotaRange { value } => text.replace("{value}", value),
            _ => text.to_string(),
        }
    }

    /// A store error as one sentence in this language.
    pub fn crypt_error(self, error: crate::crypt::CryptError) -> &'static str {
        use crate::crypt::CryptError as C;
        self.tr(match error {
            C::WrongPassphrase => T::ErrWrongPassphrase,
            C::TooShort => T::ErrPassphraseShort,
            C::Mismatch => T::ErrPassphraseMismatch,
            C::BadParameters => T::ErrLockDamaged,
        })
    }

    /// Why the file could not be written, alone.
    pub fn plain_cause(self, w: crate::store::Waiting) -> &'static str {
        use crate::store::Waiting;
        self.tr(match w {
            Waiting::InUse => T::CauseInUse,
            Waiting::DiskFull => T::CauseDiskFull,
            Waiting::CannotWrite => T::CauseCannotWrite,
        })
    }

    /// Why the last changes are not in the file yet, in one sentence.
    pub fn waiting(self, w: crate::store::Waiting) -> &'static str {
        use crate::store::Waiting;
        self.tr(match w {
            Waiting::InUse => T::WaitingInUse,
            Waiting::DiskFull => T::WaitingDiskFull,
            Waiting::CannotWrite => T::WaitingCannotWrite,
        })
    }

    pub fn store_error(self, error: &StoreError) -> String {
        let path = |p: &std::path::Path| p.display().to_string();
        let with = |key: T, p: &std::path::Path| self.tr(key).replace("{path}", &path(p));
        match error {
            StoreError::NotFound(p) => with(T::ErrNotFound, p),
            StoreError::IsFolder(p) => with(T::ErrIsFolder, p),
            StoreError::NotSqlite(p) => with(T::ErrNotSqlite, p),
            StoreError::ForeignDatabase(p) => with(T::ErrForeign, p),
            StoreError::TooNew { path: p, .. } => with(T::ErrTooNew, p),
            StoreError::ReadOnlyFile(p) => with(T::ErrReadOnlyFile, p),
            StoreError::AlreadyExists(p) => with(T::ErrExists, p),
            StoreError::ReadOnlySession => self.tr(T::ErrReadOnlySession).to_string(),
            StoreError::Edit(e) => self.edit_error(e),
            StoreError::Damaged(_) => self.tr(T::ErrDamaged).to_string(),
            StoreError::Io { path: p, .. } => with(T::ErrIo, p),
            StoreError::Sqlite(e) if is_disk_full(e) => self.tr(T::ErrDiskFull).to_string(),
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
                ) =>
            {
                self.tr(T::ErrDamaged).to_string()
            }
            StoreError::Locked => self.tr(T::ErrLocked).to_string(),
            StoreError::Forged(p) => with(T::ErrForged, p),
            StoreError::OldOnReadOnlyMedia(p) => with(T::ErrOldReadOnly, p),
            StoreError::Crypt(e) => self.crypt_error(*e).to_string(),
            StoreError::NotYetSaved(w) => self.waiting(*w).to_string(),
            StoreError::OlderVersion(p) => with(T::ErrOlderVersion, p),
            StoreError::NotDone(what, why) => {
                use crate::store::NotDone;
                let what = self.tr(match what {
                    NotDone::Passphrase => T::NotDonePassphrase,
                    NotDone::Prune => T::NotDonePrune,
                });
                format!("{what} {}", self.plain_cause(*why))
            }
            StoreError::CannotWriteNow(why) => {
                format!(
                    "{} {}",
                    self.tr(T::ErrCannotWriteNow),
                    self.plain_cause(*why)
                )
            }
            StoreError::CannotMake(p, why) => {
                with(T::ErrCannotMake, p).replace("{why}", self.plain_cause(*why))
            }
            StoreError::HalfDone(done, why) => {
                use crate::store::{HalfDone, Waiting};
                let done = match done {
                    HalfDone::PassphraseSet => self.tr(T::HalfPassphrase).to_string(),
                    HalfDone::HistoryPruned(n) => self.count(T::HalfPruned, *n),
                };
                let why = self.tr(match why {
                    Waiting::InUse => T::HalfInUse,
                    Waiting::DiskFull => T::HalfDiskFull,
                    Waiting::CannotWrite => T::HalfCannotWrite,
                });
                format!("{done} {why}")
            }
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::SystemIoFailure | rusqlite::ErrorCode::CannotOpen
                ) =>
            {
                self.tr(T::ErrIoFailure).to_string()
            }
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) =>
            {
                self.tr(T::ErrInUse).to_string()
            }
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => self
                .tr(T::ErrDatabase)
                .replace("{code}", &f.extended_code.to_string()),
            StoreError::Sqlite(_) => self.tr(T::ErrDatabasePlain).to_string(),
            other => self.tr(T::ErrOther).replace("{detail}", &other.to_string()),
        }
    }
}

macro_rules! catalogue {
    ($($key:ident => $nl:literal, $en:literal;)*) => {
        /// A key of the string catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $($key,)* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            pub fn nl(self) -> &'static str {
                match self { $(T::$key => $nl,)* }
            }

            pub fn en(self) -> &'static str {
                match self { $(T::$key => $en,)* }
            }
        }
    };
}

/// Whether SQLite gave up because the disk is full.
fn is_disk_full(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DiskFull
    )
}

catalogue! {
    AppName => "Samenspel", "Samenspel";
    Tagline => "Van samen werken naar samenwerken", "From working side by side to working as one";
    StartIntro => "Samenspel bewaart elke alliantie in één bestand op deze computer. Er is geen opslaan-knop: elke wijziging staat meteen vast.",
        "Samenspel keeps each alliance in a single file on this computer. There is no Save button: every change is saved straight away.";
    NewAlliance => "Nieuwe alliantie…", "New alliance…";
    OpenAlliance => "Openen…", "Open…";
    OpenExample => "Het voorbeeld Samen Noord openen", "Open the Samen Noord example";
    RecentFiles => "Recent geopend", "Recently opened";
    DropHint => "Of sleep een .samenspel-bestand naar dit venster.", "Or drop a .samenspel file onto this window.";
    DropHere => "Laat los om deze alliantie te openen", "Release to open this alliance";
    MenuFile => "Bestand", "File";
    MenuEdit => "Bewerken", "Edit";
    MenuView => "Beeld", "View";
    MenuHelp => "Help", "Help";
    MenuRecent => "Recent", "Recent";
    MenuClose => "Sluiten", "Close";
    MenuQuit => "Afsluiten", "Quit";
    Undo => "Ongedaan maken", "Undo";
    Redo => "Opnieuw", "Redo";
    Language => "Taal", "Language";
    Shortcuts => "Sneltoetsen", "Keyboard shortcuts";
    Ok => "OK", "OK";
    Cancel => "Annuleren", "Cancel";
    RecordAt => "Vastlegging", "Record entry";
    RecordBrokenMark => "Vastleggingenlog klopt niet met de gegevens (samenspel verify)", "Record of commitments does not match the records (samenspel verify)";
    RecordBrokenBanner => "Het vastleggingenlog klopt niet meer met de gegevens: {what} Het bestand is buiten Samenspel veranderd; documenten zeggen dat ook. `samenspel verify` noemt wat er veranderde.", "The record of commitments no longer matches the records: {what} The file was changed outside Samenspel; documents say so too. `samenspel verify` names what changed.";
    FingerprintSigned => "Vingerafdruk met handtekeningen:", "Fingerprint with signatures:";
    FingerprintHow => "De vingerafdruk is de SHA-256 van de canonieke tekst van versie {n}: titel, versienummer, elke bepaling (kop en tekst, witruimte tot één spatie), de partijen zoals vastgesteld, de opdrachtgever en de looptijd, elk op een eigen regel; die met handtekeningen voegt per gezette handtekening een regel toe (partij; ondertekenaar; functie; plaats; datum). Narekenen: samenspel verify BESTAND --covenant {n} | sha256sum geeft de eerste, met --signed erbij de tweede.", "The fingerprint is the SHA-256 of the canonical text of version {n}: its title, version number, every clause (heading and text, white space as one space), the parties as frozen, the commissioner and the term, each on a line of its own; the one with signatures adds a line for each signature given (party; signatory; job title; place; date). To recompute: samenspel verify FILE --covenant {n} | sha256sum gives the first, adding --signed the second.";
    ApproveMinutes => "Notulen vastgesteld", "Minutes approved";
    ApproveMinutesHint => "De notulen zijn vastgesteld (meestal in het volgende overleg): daarna liggen ze vast en veranderen ze niet meer.", "The minutes have been approved (usually at the next meeting): from then on they are on the record and can no longer be changed.";
    MinutesApprovedOn => "Notulen vastgesteld op {date} {meeting} · ze liggen vast.", "Minutes approved on {date} {meeting} · they are on the record.";
    Delete => "Verwijderen", "Delete";
    Reload => "Opnieuw inlezen", "Reload";
    ReadOnlyMediaBanner => "Dit bestand staat op een plek waar Samenspel niet kan schrijven (een alleen-lezen map of stick). U kunt het lezen, controleren en exporteren; bewaar een kopie om het te wijzigen.", "This file is stored where Samenspel cannot write (a read-only folder or USB stick). You can read, check and export it; save a copy to make changes.";
    DamagedBanner => "Dit bestand is beschadigd en is alleen-lezen geopend. Bewaar een kopie van wat nog leesbaar is en werk verder in die kopie.", "This file is damaged and was opened read-only. Save a copy of what can still be read and work on in that copy.";
    DamagedLost => "Niet meer leesbaar: {kinds}.", "No longer readable: {kinds}.";
    SaveCopy => "Kopie bewaren…", "Save a copy…";
    CopyWord => "kopie", "copy";
    CopySaved => "Kopie bewaard als {path}; die is nu geopend.", "Copy saved as {path}; it is open now.";
    ErrForged => "{path} draagt het kenmerk van Samenspel, maar de tabellen zijn niet die van een alliantie; het is niet geopend.", "{path} carries Samenspel's mark but its tables are not those of an alliance, so it is not opened.";
    ErrOldReadOnly => "{path} is van een oudere bestandsversie en staat waar niet geschreven kan worden; kopieer het naar een eigen map om het te openen.", "{path} uses an older file format and is stored where it cannot be written to; copy it to one of your own folders to open it.";
    Error => "Dat lukte niet", "That did not work";
    ReadOnlyBanner => "Deze alliantie is al geopend in een ander Samenspel-venster of door de stemserver (samenspel serve). Hier kunt u alleen lezen; wijzig haar daar, of sluit het andere venster of stop de server.",
        "This alliance is already open in another Samenspel window or held by the voting server (samenspel serve). Here you can only read it; make changes there, or close the other window or stop the server.";
    SavedHint => "Alle wijzigingen zijn bewaard", "All changes are saved";
    WaitingInUse => "Nog niet bewaard: een ander programma gebruikt het bestand; Samenspel probeert het zo opnieuw.", "Not saved yet: another program is using the file; Samenspel will try again shortly.";
    WaitingDiskFull => "Nog niet bewaard: de schijf is vol; maak ruimte vrij, Samenspel probeert het zo opnieuw.", "Not saved yet: the disk is full. Free up some space and Samenspel will try again shortly.";
    WaitingCannotWrite => "Nog niet bewaard: het bestand kan nu niet worden geschreven; Samenspel probeert het zo opnieuw.", "Not saved yet: the file cannot be written to right now; Samenspel will try again shortly.";
    UnsavedCount => "{n} wijziging wacht op het bestand.|{n} wijzigingen wachten op het bestand.", "{n} change is waiting to be saved.|{n} changes are waiting to be saved.";
    UnsavedLeaveTitle => "Nog niet alles is bewaard", "Not everything is saved yet";
    UnsavedLeave => "{n} wijziging staat nog niet in het bestand: {why} Probeer het opnieuw, bewaar een kopie van de hele alliantie, of laat de wijziging los.|{n} wijzigingen staan nog niet in het bestand: {why} Probeer het opnieuw, bewaar een kopie van de hele alliantie, of laat de wijzigingen los.", "{n} change has not been saved yet: {why} Try again, save a copy of the whole alliance, or discard the change.|{n} changes have not been saved yet: {why} Try again, save a copy of the whole alliance, or discard the changes.";
    TryAgain => "Opnieuw proberen", "Try again";
    SaveCopyUnsaved => "Kopie bewaren…", "Save a copy…";
    LetGo => "Loslaten", "Discard";
    NavAlliance => "Alliantie", "Alliance";
    NavParties => "Partijen", "Parties";
    NavPeople => "Mensen", "People";
    NavBodies => "Gremia", "Bodies";
    NavMatrix => "Bezetting", "Seats";
    NavRegister => "Register", "Register";
    // The alliance
    AllianceName => "Naam van de alliantie", "Name of the alliance";
    Commissioner => "Opdrachtgever", "Commissioner";
    CommissionerContact => "Contact opdrachtgever", "Commissioner's contact";
    CommissionerNotes => "Opdracht", "Brief";
    Ambition => "Gedeelde ambitie", "Shared ambition";
    TermStart => "Looptijd vanaf", "Term starts";
    PdfCovenantTerm => "Looptijd", "Term";
    CovenantDefaultTitle => "Convenant {name}", "{name} Covenant";
    TermEnd => "Looptijd tot en met", "Term ends (inclusive)";
    TermMonths => "{n} maand|{n} maanden", "{n} month|{n} months";
    MembersCount => "{n} lid|{n} leden", "{n} member|{n} members";
    ThreeYears => "Drie jaar", "Three years";
    ThreeYearsHint => "Zet het einde op drie jaar na het begin", "Set the end to three years after the start";
    Route => "Route", "Route";
    PhaseTrust => "Vertrouwen", "Trust";
    PhaseStrategy => "Strategie", "Strategy";
    PhaseFormalisation => "Formalisering", "Formalisation";
    PhaseExecution => "Uitvoering", "Execution";
    PhaseTrustHint => "Eén-op-één-gesprekken met iedere partij; gelijke stem, consensus, veto.",
        "One-to-one conversations with each party; equal vote, consensus, veto.";
    PhaseStrategyHint => "Een gezamenlijk inhoudelijk plan op een strategiekaart.",
        "A joint strategic plan, set out on a strategy map.";
    PhaseFormalisationHint => "Looptijd, afspraken en een getekend convenant.",
        "Term, agreements and a signed covenant.";
    PhaseExecutionHint => "Werkgroepen, managementteam en stuurgroep, onder regie van de secretaris.",
        "Working groups, management team and steering group, coordinated by the secretary.";
    SetPhase => "Zet de fase op {phase}", "Set the phase to {phase}";
    Overview => "Overzicht", "Overview";
    CountParties => "partijen", "parties";
    CountPeople => "actieve mensen", "active people";
    CountBodies => "gremia", "bodies";
    EqualVote => "Iedere partij heeft één gelijke stem, ongeacht haar omvang.", "Every party has one equal vote, whatever its size.";
    // Parties
    AddParty => "Partij toevoegen", "Add party";
    NewPartyName => "Nieuwe partij", "New party";
    Search => "Zoeken", "Search";
    NoParties => "Nog geen partijen. Voeg de eerste partij toe.", "No parties yet. Add the first party.";
    SelectParty => "Kies links een partij.", "Choose a party on the left.";
    Name => "Naam", "Name";
    Kind => "Soort", "Type";
    Staff => "Medewerkers (aantal)", "Number of staff";
    StaffHint => "Alleen ter informatie: omvang weegt nooit mee in een stem.", "For information only: size never affects a party's vote.";
    ServiceArea => "Werkgebied", "Service area";
    Services => "Diensten en thema's", "Services and themes";
    Contact => "Contact", "Contact";
    Notes => "Notities", "Notes";
    PeopleOfParty => "Mensen van deze partij", "People of this party";
    DeleteParty => "Partij verwijderen…", "Delete party…";
    ConfirmDeleteParty => "Partij \u{201c}{name}\u{201d} verwijderen? Daarmee verdwijnt ook: {list}. Met Ongedaan maken (Ctrl+Z) haalt u alles terug.",
        "Delete the party \u{201c}{name}\u{201d}? This also removes: {list}. Undo (Ctrl+Z) brings everything back.";
    AndChanged => "en {n} andere gegevens verwijzen niet meer naar haar", "and other records ({n}) will no longer refer to it";
    KindWelfare => "Welzijn", "Community services";
    KindCare => "Zorg", "Care provider";
    KindHousing => "Woningcorporatie", "Housing association";
    KindMunicipality => "Gemeente", "Local authority";
    KindPolice => "Politie", "Police";
    KindOther => "Anders", "Other";
    Unnamed => "(naamloos)", "(unnamed)";
    NameRequired => "Een naam is nodig.", "A name is needed.";
    // People
    AddPerson => "Persoon toevoegen", "Add person";
    NewPersonName => "Nieuwe persoon", "New person";
    NoPeople => "Nog geen mensen.", "No people yet.";
    SelectPerson => "Kies een persoon in de lijst.", "Choose a person in the list.";
    Party => "Partij", "Party";
    NoParty => "Geen partij (opdrachtgever of onafhankelijk)", "No party (commissioner or independent)";
    AllParties => "Alle partijen", "All parties";
    Function => "Functie", "Job title";
    Email => "E-mail", "Email";
    Joined => "Betrokken sinds", "Involved since";
    Left => "Vertrokken op", "Left";
    PartyLeft => "Uitgetreden op", "Left the alliance on";
    PartyHasLeft => "uitgetreden {date}", "left {date}";
    ShowFormer => "Vertrokken mensen tonen", "Show people who left";
    FormerBadge => "vertrokken", "left";
    SeatsOfPerson => "Zetels in gremia", "Seats in bodies";
    DeletePerson => "Persoon verwijderen…", "Delete person…";
    ConfirmDeletePerson => "{name} verwijderen? Mensen die vertrekken kunt u beter een vertrekdatum geven: dan blijven ze in de geschiedenis. Met Ongedaan maken (Ctrl+Z) haalt u alles terug.",
        "Delete {name}? If someone is leaving, it is better to give a leaving date: they then remain in the history. Undo (Ctrl+Z) brings everything back.";
    DateHint => "dd-mm-jjjj", "dd/mm/yyyy";
    DateInvalid => "Geen geldige datum; schrijf bijvoorbeeld 01-10-2017.", "Not a valid date; write for example 01/10/2017.";
    NumberInvalid => "Geen geldig getal.", "Not a valid number.";
    // Bodies
    AddBody => "Gremium toevoegen", "Add body";
    NewBodyName => "Nieuwe werkgroep", "New working group";
    NoBodies => "Nog geen gremia.", "No bodies yet.";
    SelectBody => "Kies links een gremium.", "Choose a body on the left.";
    Mandate => "Mandaat", "Mandate";
    Members => "Leden", "Members";
    TableSeats => "Zetels aan tafel", "Seats at the table";
    TableSeatsIntro => "Een tafel met zetels voor partijen, elk voor een termijn: geloot met quota en deels elk jaar gerouleerd.", "A table with seats held by parties, each for a term: drawn with quotas and partly rotated each year.";
    SeatCount => "Aantal zetels", "Number of seats";
    TermYears => "Termijn (jaren)", "Term (years)";
    SeatsTaken => "{n} van {total} zetels bezet", "{n} of {total} seats taken";
    SitsFor => "Zit aan tafel voor {party}", "Sits at the table for {party}";
    SeatDrawn => "geloot op {date}", "drawn on {date}";
    SeatAppointed => "aangewezen", "appointed";
    RemoveTableSeat => "Zetel van {party} weghalen", "Remove the seat of {party}";
    AppointParty => "Partij aanwijzen", "Appoint a party";
    SeatHistory => "Wie zat wanneer", "Who sat when";
    SeatDrawTitle => "Loting", "Draw";
    RotationPreview => "Volgende rotatie op {date}: {n} zetel(s) vrij. Slaan een termijn over: {names}.", "Next rotation on {date}: {n} seat(s) free. Sitting out one term: {names}.";
    PrepareDraw => "Loting voorbereiden", "Prepare a draw";
    PrepareRotation => "Rotatie voorbereiden", "Prepare the rotation";
    TableFull => "Alle zetels zijn bezet.", "Every seat is taken.";
    DrawDate => "Datum van de loting", "Date of the draw";
    DrawFree => "{n} van de {total} zetels worden geloot.", "Seats to be drawn: {n} of {total}.";
    KeptSeats => "Blijven zitten", "Continuing";
    SittingOut => "Slaan een termijn over", "Sitting out one term";
    Quotas => "Quota", "Quotas";
    ChooseValue => "Kies…", "Choose…";
    AtLeast => "minstens", "at least";
    AtMost => "hoogstens", "at most";
    QuotaCategory => "Quotum {n}: kenmerk", "Quota {n}: feature";
    QuotaValue => "Quotum {n}: waarde", "Quota {n}: value";
    QuotaMin => "Quotum {n}: minstens", "Quota {n}: at least";
    QuotaMax => "Quotum {n}: hoogstens", "Quota {n}: at most";
    RemoveQuota => "Quotum weghalen", "Remove quota";
    AddQuota => "+ Quotum", "+ Quota";
    Candidates => "Kandidaten: {n} van {total}", "Candidates: {n} of {total}";
    CandidatesCount => "Kandidaten ({n})", "Candidates ({n})";
    QuotaNeedsValue => "Kies bij elk quotum een waarde.", "Choose a value for every quota.";
    FixDraw => "Invoer vastzetten en tonen", "Fix and show the inputs";
    FixDrawHint => "Zet de kandidaten, de quota en de regel vast en laat ze zien voordat er gegooid wordt.", "Fix the candidates, the quotas and the rule and show them before anyone rolls.";
    DiscardDraw => "Loting weggooien", "Discard the draw";
    Dice => "Worpen", "Dice";
    NotDice => "‘{roll}’ is geen worp: typ per dobbelsteen een getal van 1 tot 6, zoals 4 of 6 2.", "‘{roll}’ is not a roll: type one number from 1 to 6 per die, like 4 or 6 2.";
    RotationPlan => "Wanneer de zetels vrijkomen", "When the seats come free";
    RotationFreeOn => "{date}: 1 zetel vrij ({which})|{date}: {n} zetels vrij ({which})", "{date}: 1 seat free ({which})|{date}: {n} seats free ({which})";
    RotationDrawnSeats => "getrokken zetel {list}, in volgorde van de loting", "drawn seat {list}, in the order of the draw";
    RotationTooMany => "Let op: op {date} komen {n} van de {total} zetels tegelijk vrij, meer dan de helft van de tafel.", "Note: on {date}, {n} of the {total} seats come free at once, more than half the table.";
    DiceHint => "Laat partijen in de zaal dobbelstenen gooien en typ elke worp in.", "Let parties in the room roll dice and type in each roll.";
    Roll => "Worp", "Roll";
    AddRoll => "Worp toevoegen", "Add roll";
    RemoveLastRoll => "Laatste worp weghalen", "Remove the last roll";
    DoDraw => "Loten", "Draw";
    NoDiceYet => "Nog geen worpen: de loting heeft het toeval uit de zaal nodig.", "No rolls yet: the draw needs the room's randomness.";
    DrawOf => "Loting van {date}", "Draw of {date}";
    Seed => "Zaad (SHA-256)", "Seed (SHA-256)";
    Drawn => "Geloot", "Drawn";
    Until => "tot en met", "until";
    SittingOutUsed => "Zonder partijen die een termijn overslaan was geen quotum te vullen; zij deden daarom weer mee.", "No quota could be filled without the parties sitting out, so they took part again.";
    CheckDraw => "Loting controleren", "Check the draw";
    SelectionReport => "Verslag van de selectie (PDF)", "Selection report (PDF)";
    DrawChecked => "De zetels volgen uit de vastgelegde invoer.", "The seats follow from the recorded inputs.";
    DrawMethod => "Methode: {method} ({id}).", "Method: {method} ({id}).";
    DrawMethodLabel => "Methode", "Method";
    MethodLeximin => "Eerlijke loting: kansen zo gelijk als de quota toelaten", "Fair lottery: chances as equal as the quotas allow";
    MethodUniform => "Elke tafel die aan de quota voldoet even waarschijnlijk", "Every table that meets the quotas equally likely";
    MethodLegacy => "Quota eerst vullen (eerdere methode, ongelijke kansen)", "Quotas filled first (former method, unequal chances)";
    MethodUnknown => "Onbekende methode", "Unknown method";
    ChancesBefore => "Elke kandidaat heeft minstens {low} kans op een zetel; gelijk verdeeld is {equal}.", "Every candidate has at least a {low} chance of a seat; shared equally it is {equal}.";
    ChancesAfter => "Elke kandidaat had minstens {low} kans op een zetel; gelijk verdeeld was {equal}.", "Every candidate had at least a {low} chance of a seat; shared equally it was {equal}.";
    ChancesEstimated => "Geschat uit {runs} proeftrekkingen: elke kans op {margin} na (95% zeker).", "Estimated from {runs} trial draws: each chance within {margin} (95% sure).";
    ChancesExact => "Precies berekend uit de {n} mogelijke tafels van de loting.", "Computed exactly from the lottery's {n} possible tables.";
    EstimateChances => "Kansen achteraf schatten", "Estimate the chances afterwards";
    SlideNextDraw => "Volgende loting, vastgezet: {chances}", "Next draw, fixed: {chances}";
    ChancesWhy => "Een minimum gaat voor: wie een kenmerk met een minimum heeft, heeft meer kans naarmate minder kandidaten dat kenmerk hebben; de rest van de zetels wordt daarna zo gelijk mogelijk verdeeld.", "A minimum comes first: those with a feature that has a minimum have more chance the fewer candidates share it; the remaining seats are then shared as equally as possible.";
    ChancesGroup => "{category} {value} ({n}): {range}", "{category} {value} ({n}): {range}";
    ChancesNoFeature => "Zonder quotumkenmerk ({n}): {range}", "Without a quota feature ({n}): {range}";
    ChancesPerCandidate => "Kans per kandidaat", "Chance per candidate";
    ChancesNone => "De kansen zijn niet te berekenen met deze invoer.", "The chances cannot be computed from these inputs.";
    ChancesTooRare => "Met deze quota voldoet bijna geen willekeurige tafel; kies de eerlijke loting.", "With these quotas hardly any random table meets them; choose the fair lottery.";
    PdfSelectionChances => "Kansen", "Chances";
    PdfChance => "Kans", "Chance";
    PdfSelectionChancesAfterwards => "Achteraf geschat: deze loting is gemaakt voordat Samenspel de kansen vooraf berekende en toonde. Zo ziet ook wie niet gekozen is welke kans hij had.", "Estimated afterwards: this draw was made before Samenspel computed and showed the chances in advance. Those not chosen can still see what chance they had.";
    PdfSelectionChancesIntro => "Berekend en getoond voordat de dobbelstenen rolden; ook wie niet gekozen is, ziet hier welke kans hij had.", "Computed and shown before the dice were rolled; those not chosen can see here what chance they had.";
    PdfMethodLeximinText => "{method}: de eerlijke loting (LEXIMIN, Flanigan e.a., Nature 2021). Onder alle loterijen over tafels die aan de quota voldoen, is gekozen voor de loterij die de laagste kans van wie dan ook zo hoog mogelijk maakt, daarna de op een na laagste, enzovoort. Die tafels staan met hun kansen (in miljoensten, samen precies 1) in de tekst hieronder en waren vastgelegd voordat de dobbelstenen rolden. Het zaad kiest één tafel: het eerste getal van 64 bits uit SHA-256(zaad ‖ 0), modulo 1.000.000 (een getal in de onvolledige laatste reeks wordt overgeslagen en het volgende genomen), en de eerste tafel waarvan de opgetelde kansen dat getal overschrijden; de volgorde van de zetels komt daarna uit de volgende getallen (Fisher–Yates, van de laatste plaats terug). Gegarandeerd: elke tafel voldoet aan de quota; de kansen hierboven zijn precies die van de loting; dezelfde invoer geeft altijd dezelfde zetels.", "{method}: the fair lottery (LEXIMIN, Flanigan et al., Nature 2021). Among all lotteries over tables that meet the quotas, it takes the one that makes the lowest chance of anyone as high as possible, then the next lowest, and so on. Those tables with their probabilities (in millionths, summing to exactly 1) are in the text below and were fixed before the dice were rolled. The seed picks one table: the first 64-bit number from SHA-256(seed ‖ 0), modulo 1,000,000 (a number in the incomplete last run is skipped and the next taken), and the first table whose summed probabilities exceed it; the order of the seats then comes from the next numbers (Fisher–Yates, from the last place back). Guaranteed: every table meets the quotas; the chances above are exactly the lottery's; the same inputs always give the same seats.";
    PdfMethodUniformText => "{method}: elke tafel die aan de quota voldoet is even waarschijnlijk. Uit het zaad (SHA-256 in tellermodus) worden willekeurige tafels getrokken tot er een aan alle quota voldoet; die is het. Gegarandeerd: de tafel voldoet aan de quota; dezelfde invoer geeft altijd dezelfde zetels. De kansen hierboven zijn geschat, niet berekend, en kandidaten met een zeldzaam kenmerk kunnen meer of minder kans hebben dan anderen.", "{method}: every table that meets the quotas is equally likely. Random tables are drawn from the seed (SHA-256 in counter mode) until one meets every quota; that is the table. Guaranteed: the table meets the quotas; the same inputs always give the same seats. The chances above are estimated, not computed, and candidates with a rare feature may have more or less chance than others.";
    QuotaText => "{category} {value}: minstens {min}, hoogstens {max}", "{category} {value}: at least {min}, at most {max}";
    CategoryKind => "Soort", "Type";
    CategorySize => "Omvang", "Size";
    CategoryArea => "Werkgebied", "Area";
    CategoryTheme => "Thema", "Theme";
    SizeSmall => "klein (< 50)", "small (< 50)";
    SizeMedium => "middel (50–249)", "medium (50–249)";
    SizeLarge => "groot (250+)", "large (250+)";
    SizeUnknown => "onbekend", "unknown";
    Role => "Rol", "Role";
    AddMember => "Lid toevoegen", "Add member";
    RemoveMember => "Lid {name} afmelden", "Remove member {name}";
    ChooseMember => "Kies een persoon…", "Choose a person…";
    DeleteBody => "Gremium verwijderen…", "Delete body…";
    ConfirmDeleteBody => "Gremium \u{201c}{name}\u{201d} verwijderen, met {seats} zetels? Met Ongedaan maken (Ctrl+Z) haalt u alles terug.",
        "Delete the body \u{201c}{name}\u{201d} with its {seats} seats? Undo (Ctrl+Z) brings everything back.";
    BodySteeringGroup => "Stuurgroep", "Steering group";
    BodyManagementTeam => "Managementteam", "Management team";
    BodyWorkingGroup => "Werkgroep", "Working group";
    PartiesAtTable => "Partijen aan tafel: {n} van {total}", "Parties at the table: {n} of {total}";
    // Matrix
    MatrixIntro => "Wie zit waar? Vink aan om iemand een zetel te geven.", "Who sits where? Tick to give someone a seat.";
    Doubling => "{n} persoon zit zowel in het managementteam als in de stuurgroep. Zo'n dubbeling geeft snel verwarring: maak per overleg duidelijk in welke rol iemand spreekt.|{n} mensen zitten zowel in het managementteam als in de stuurgroep. Zo'n dubbeling geeft snel verwarring: maak per overleg duidelijk in welke rol iemand spreekt.",
        "{n} person sits on both the management team and the steering group. Holding both seats easily causes confusion: in each meeting, make clear in which capacity someone is speaking.|{n} people sit on both the management team and the steering group. Holding both seats easily causes confusion: in each meeting, make clear in which capacity someone is speaking.";
    DoublingBadge => "MT + stuurgroep", "MT + steering group";
    NoDoubling => "Niemand zit zowel in het managementteam als in de stuurgroep.", "Nobody sits in both the management team and the steering group.";
    SeatOf => "{person} in {body}", "{person} in {body}";
    Person => "Persoon", "Person";
    // Trust
    NavTrustGroup => "Vertrouwen", "Trust";
    NavTrust => "Overzicht", "Overview";
    NavIntakes => "Intakegesprekken", "Intake interviews";
    NavComfort => "Comfortregister", "Comfort register";
    NavGuide => "Vragenlijst", "Question guide";
    IntakeIntro => "Eén-op-één met elke partij. Antwoorden zijn vertrouwelijk, tenzij u ze als deelbaar markeert. Alles wordt meteen bewaard.",
        "One-to-one with each party. Answers are confidential unless you mark them as shareable. Everything is saved as you go.";
    InterviewCount => "{n} gesprekken", "{n} interviews";
    InterviewCountOne => "1 gesprek", "1 interview";
    FirstIntake => "Intake", "Intake";
    CheckIn => "Check-in", "Check-in";
    NoDate => "zonder datum", "undated";
    NewInterview => "Nieuw gesprek", "New interview";
    NewInterviewHint => "Ctrl+Enter: een nieuw gesprek met deze partij, met de datum van vandaag", "Ctrl+Enter: a new interview with this party, dated today";
    NoInterviews => "Nog geen gesprekken met deze partij. Begin met \u{201c}Nieuw gesprek\u{201d}.", "No interviews with this party yet. Start with \u{201c}New interview\u{201d}.";
    Date => "Datum", "Date";
    SpokenWith => "Gesproken met", "Spoken with";
    OwnNotes => "Eigen notities (altijd vertrouwelijk)", "Own notes (always confidential)";
    AnswerTo => "Antwoord op: {q}", "Answer to: {q}";
    AnswerHint => "Het antwoord, in de woorden van de partij…", "The answer, in the party's own words…";
    ScoreOf => "Cijfer {n} bij: {q}", "Score {n} for: {q}";
    VisibilityOf => "Zichtbaarheid van het antwoord op: {q}", "Visibility of the answer to: {q}";
    DeleteInterview => "Gesprek verwijderen…", "Delete interview…";
    ConfirmDeleteInterview => "Gesprek \u{201c}{interview}\u{201d} verwijderen, met {n} antwoord? Met Ongedaan maken (Ctrl+Z) haalt u alles terug.|Gesprek \u{201c}{interview}\u{201d} verwijderen, met {n} antwoorden? Met Ongedaan maken (Ctrl+Z) haalt u alles terug.",
        "Delete the interview \u{201c}{interview}\u{201d} with its {n} answer? Undo (Ctrl+Z) brings everything back.|Delete the interview \u{201c}{interview}\u{201d} with its {n} answers? Undo (Ctrl+Z) brings everything back.";
    StanceIn => "Doet mee", "In";
    StanceHesitant => "Twijfelt", "Hesitant";
    StanceNeeds => "Heeft eerst iets nodig", "Needs something first";
    VisConfidential => "Vertrouwelijk", "Confidential";
    VisAnonymous => "Deelbaar als anoniem thema", "Shareable as an anonymous theme";
    VisNamed => "Deelbaar met naam", "Shareable with name";
    ComfortIntro => "Wat heeft elke partij nodig van een andere partij, van alle partijen of van de opdrachtgever om volledig in te stappen?",
        "What does each party need from another party, from all the parties or from the commissioner in order to commit fully?";
    AddComfortNeed => "Comfortbehoefte toevoegen", "Add a comfort need";
    NeedingParty => "Partij", "Party";
    ChooseParty => "Kies een partij…", "Choose a party…";
    ChoosePartyFirst => "Kies eerst de partij die iets nodig heeft; zonder partij kan een behoefte niet worden vastgelegd.",
        "First choose the party that needs something; a need cannot be recorded without a party.";
    NeedsFrom => "heeft nodig van", "needs from";
    FromWhom => "Van wie", "From whom";
    FromWhomOf => "Van wie heeft {party} dit nodig", "From whom {party} needs this";
    FromAllParties => "Alle partijen", "All parties";
    Need => "Behoefte", "Need";
    NeedHint => "Wat is er nodig?", "What is needed?";
    NeedOf => "Behoefte van {party}", "Need of {party}";
    Status => "Status", "Status";
    StatusOf => "Status van: {need}", "Status of: {need}";
    HonouredBy => "Gehonoreerd door", "Honoured by";
    HonouredByOf => "Gehonoreerd door (bij: {need})", "Honoured by (for: {need})";
    VisibilityOfNeed => "Zichtbaarheid van: {need}", "Visibility of: {need}";
    RemoveNeed => "Verwijder: {need}", "Remove: {need}";
    Add => "Toevoegen", "Add";
    FilterParty => "Toon partij", "Show party";
    OnlyOpen => "Alleen open behoeften", "Only open needs";
    NoComfortNeeds => "Geen comfortbehoeften om te tonen.", "No comfort needs to show.";
    StatusOpen => "Open", "Open";
    StatusDiscussed => "Besproken", "Discussed";
    StatusHonoured => "Gehonoreerd", "Honoured";
    StatusDropped => "Vervallen", "Dropped";
    TrustIntro => "Waar staat elke partij, per gespreksronde? Alleen voor uzelf: dit scherm toont ook vertrouwelijke standpunten.",
        "Where does each party stand, round by round? For your eyes only: this screen also shows confidential stances.";
    Barometer => "Barometer per ronde", "Barometer per round";
    Trend => "Verloop", "Trend";
    TrendScores => "1 score|{n} scores", "1 score|{n} scores";
    Unchanged => "gelijk", "unchanged";
    OpenNeeds => "Open behoeften", "Open needs";
    NavShared => "Delen met de groep", "Share with the group";
    SeeShared => "Wat met de groep gedeeld mag worden, staat apart onder \u{201c}Delen met de groep\u{201d}: dat scherm kan niets vertrouwelijks tonen.",
        "What may be shared with the group is kept apart under \u{201c}Share with the group\u{201d}: that screen cannot show anything confidential.";
    SharedComfort => "Comfortbehoeften die gedeeld mogen worden", "Comfort needs that may be shared";
    AParty => "Een partij", "A party";
    SharedWithGroupHint => "Precies wat de beamer en gedeelde documenten kunnen tonen: anonieme thema's zonder partij, en antwoorden die met naam gedeeld mogen worden.",
        "Exactly what the projector and shared documents can show: anonymous themes without the party's name, and answers that may be shared by name.";
    AnonymousThemes => "Anonieme thema's", "Anonymous themes";
    NamedAnswers => "Met naam gedeeld", "Shared with name";
    NothingShared => "Nog niets.", "Nothing yet.";
    GuideIntro => "De vragen die elk gesprek stelt. Een vraag die al beantwoord is, wordt niet verwijderd maar niet meer gesteld: oude gesprekken houden hun antwoord.",
        "The questions every interview asks. A question that was answered is not deleted but no longer asked: old interviews keep their answer.";
    AddQuestion => "Vraag toevoegen", "Add question";
    NewQuestion => "Nieuwe vraag", "New question";
    QuestionText => "Tekst van vraag {n}", "Text of question {n}";
    QuestionKindOf => "Soort antwoord bij vraag {n}", "Answer type for question {n}";
    KindText => "Alleen woorden", "Words only";
    KindScore => "Cijfer 1–10 en woorden", "Score 1–10 and words";
    KindStance => "Standpunt en woorden", "Stance and words";
    MoveUp => "Hoger", "Move up";
    MoveDown => "Lager", "Move down";
    Retire => "Niet meer stellen", "Stop asking";
    Retired => "Niet meer gesteld", "No longer asked";
    Restore => "Weer stellen", "Ask again";
    // Maps
    NavMapsGroup => "Strategie", "Strategy";
    NavStrategy => "Strategiekaart", "Strategy map";
    NavNetwork => "Netwerkkaart", "Network map";
    NetworkSearch => "Zoek een partij", "Find a party";
    NetworkSearchHint => "Typ een deel van de naam. Enter toont de eerste partij die past, met wie zij werkt; Esc wist.", "Type part of the name. Enter shows the first party that matches, and whom it works with; Esc clears.";
    NetworkNoMatch => "Geen partij gevonden", "No party found";
    NetworkFound => "{n} gevonden:|{n} gevonden:", "{n} found:|{n} found:";
    NetworkFocusHint => "Toon deze partij en met wie zij werkt", "Show this party and whom it works with";
    NetworkConnectorsLine => "Verbinders: {names}", "Connectors: {names}";
    NetworkNoConnectors => "Nog geen verbinders: daarvoor zijn meer relaties nodig.", "No connectors yet: that takes more relations.";
    NetworkGroupsHint => "Partijen die nauw samenwerken staan bij elkaar, elke groep in een eigen deel van de ringen.", "Parties that work closely together are placed together, each group in its own part of the rings.";
    NetworkBothRoles => "opdrachtgever en partij", "commissioner and party";
    CommissionerIsParty => "De opdrachtgever is ook partij", "The commissioner is also a party";
    AllianceLanguage => "Taal van de alliantie", "Alliance language";
    AllianceLanguageHint => "De taal van de documenten, dia's en telefoonpagina's. Startvragen, onderdelen en startregels die nog niet zijn aangepast, gaan mee naar de nieuwe taal.", "The language used for the alliance's documents, slides and phone pages. Starter questions, perspectives and ground rules that nobody has reworded yet switch language with it.";
    CommissionerIsPartyHint => "Zit de opdrachtgever ook zelf als partij aan tafel (verschillende petten)? Kies die partij: de netwerkkaart toont dan één cirkel met beide rollen.", "Does the commissioner also sit at the table as one of the parties (wearing two hats)? Choose that party: the network map then shows one circle with both roles.";
    CommissionerOnly => "Nee, alleen opdrachtgever", "No, commissioner only";
    SlideRelationsPage => "{name} ({page} van {pages})", "{name} ({page} of {pages})";
    SlideNoRelations => "Nog geen relaties.", "No relations yet.";
    PdfNetworkKey => "Namen bij de nummers", "Names by number";
    AddObjective => "Doel", "Objective";
    AddInitiative => "Initiatief", "Initiative";
    NewObjective => "Nieuw doel", "New objective";
    NewInitiative => "Nieuw initiatief", "New initiative";
    Objective => "Doel", "Objective";
    Initiative => "Initiatief", "Initiative";
    Fit => "Alles tonen", "Fit";
    FitHint => "Toon de hele kaart (F)", "Show the whole map (F)";
    ZoomIn => "Inzoomen (+)", "Zoom in (+)";
    ZoomOut => "Uitzoomen (−)", "Zoom out (−)";
    Highlight => "Wat vraagt de kaart van", "What does the map ask of";
    NoHighlight => "Alle partijen", "All parties";
    StrategyHint => "Sleep een blok om het te verplaatsen, sleep vanaf het rondje rechts naar een ander blok voor een pijl (oorzaak → gevolg), dubbelklik om te bewerken. Delete verwijdert, pijltjestoetsen verschuiven.",
        "Drag a box to move it, drag from the round handle on its right to another box for an arrow (cause → effect), double-click to edit. Delete removes, arrow keys move.";
    ConnectFrom => "Pijl trekken vanaf: {node}", "Draw an arrow from: {node}";
    MapShare => "Aandeel per partij", "Share per party";
    MapShareHint => "Klik een partij om te zien wat de kaart van haar vraagt.", "Click a party to see what the map asks of it.";
    Lanes => "Perspectieven", "Perspectives";
    LanesHint => "Van boven naar beneden, zoals op de kaart.", "Top to bottom, as on the map.";
    LaneName => "Naam van perspectief {n}", "Name of perspective {n}";
    AddLane => "Perspectief toevoegen", "Add perspective";
    NewLane => "Nieuw perspectief", "New perspective";
    RemoveLane => "Verwijder dit perspectief", "Remove this perspective";
    LaneNotEmpty => "Er staan nog blokken in dit perspectief", "This perspective still holds boxes";
    EditNode => "Blok bewerken", "Edit box";
    Title => "Titel", "Title";
    Lane => "Perspectief", "Perspective";
    Description => "Omschrijving", "Description";
    Measures => "Meetpunten", "Measures";
    Targets => "Streefwaarden", "Targets";
    Owners => "Eigenaars", "Owners";
    LeadsTo => "Leidt tot", "Leads to";
    LeadsToHint => "Oorzaak → gevolg: vink de blokken aan waar dit blok aan bijdraagt.", "Cause → effect: tick the boxes this one contributes to.";
    LeadsToNode => "→ {node}", "→ {node}";
    Done => "Klaar", "Done";
    DeleteNode => "Blok verwijderen", "Delete box";
    LayoutRings => "Ringen", "Rings";
    LayoutFree => "Vrij", "Free";
    NetworkHint => "Wie werkt met wie? Grote cirkels zijn verbinders: partijen die op veel kortste wegen tussen anderen liggen. Klik een partij om haar relaties te zien; in de vrije indeling kunt u slepen.",
        "Who works with whom? Large circles are connectors: parties on many shortest paths between others. Click a party to see its relations; in the free layout you can drag.";
    InnerRing => "Binnenring", "Inner ring";
    OuterRing => "Buitenring", "Outer ring";
    Connector => "verbinder", "connector";
    Connectors => "Verbinders", "Connectors";
    ConnectorsHint => "Tussenligging (betweenness): hoe vaak een partij op de kortste weg tussen twee anderen ligt.", "Betweenness: how often a party lies on the shortest path between two others.";
    Legend => "Legenda", "Legend";
    ItemDependencies => "Afhankelijkheden bij een agendapunt", "Dependencies on an agenda item";
    ItemDependenciesHint => "Welke partijen heeft de indiener nodig om dit op te lossen?", "Which parties does the party that raised it need in order to solve it?";
    NoItem => "Geen agendapunt", "No agenda item";
    AddRelation => "Relatie toevoegen", "Add relation";
    RelationFrom => "Van", "From";
    RelationTo => "Naar", "To";
    RelationKind => "Soort relatie", "Type of relationship";
    Strength => "Sterkte", "Strength";
    ChooseActor => "Kies…", "Choose…";
    Relations => "Relaties", "Relations";
    RelationsHint => "{n} relatie. Klik een partij op de kaart om de hare te zien.|{n} relaties. Klik een partij op de kaart om de hare te zien.", "{n} relation. Click a party on the map to see its own.|{n} relations. Click a party on the map to see its own.";
    RemoveRelation => "Verwijder relatie {relation}", "Remove relation {relation}";
    RingsTitle => "Binnen- en buitenring", "Inner and outer ring";
    RingsHint => "Zelf gekozen, of voorgesteld op grond van hoe verbonden een partij is.", "Chosen by hand, or suggested from how connected a party is.";
    RingOf => "Ring van {party}", "Ring of {party}";
    Suggested => "voorstel", "suggested";
    RingSuggested => "Voorstel", "Suggested";
    RelWorksWith => "Werkt samen met", "Works with";
    RelDependsOn => "Is afhankelijk van", "Depends on";
    RelRefersTo => "Verwijst naar", "Refers to";
    RelFunds => "Financiert", "Funds";
    RelTension => "Spanning", "Tension";
    // Deciding
    NavDecideGroup => "Besluiten", "Decision-making";
    NavAgenda => "Agenda", "Agenda";
    // The work plan, rule sets and what each party sees solved (PLAN)
    NavWorkPlan => "Werkplan", "Work plan";
    KindRuleSet => "spelregelset|spelregelsets", "rule set|rule sets";
    KindRuleProposal => "voorgelegde regeltekst|voorgelegde regelteksten", "rule text put to a round|rule texts put to a round";
    KindObjection => "bezwaar tegen een spelregel|bezwaren tegen spelregels", "objection to a rule|objections to rules";
    KindPlanLine => "werkplanregel|werkplanregels", "work plan line|work plan lines";
    KindPlanProgress => "voortgangsnotitie|voortgangsnotities", "progress note|progress notes";
    KindCommentRound => "commentaarronde|commentaarrondes", "comment round|comment rounds";
    KindComment => "commentaar|commentaren", "comment|comments";
    EditObjectionNeedsRule => "Een bezwaar tegen de set noemt de spelregel waartegen het is.", "An objection to the set names the rule it objects to.";
    EditNotInSet => "Die spelregel hoort niet bij wat deze ronde besluit.", "That rule is not among the rules this round decides.";
    EditCommitted => "Dit heeft de zaal gezien en ligt vast; corrigeer het met een reden, of leg het opnieuw voor in een nieuwe ronde.", "The room saw this and it is on the record; correct it with a reason, or put it to a new round.";
    EditSignatureSet => "Een gezette handtekening verandert alleen door haar met een reden in te trekken.", "Once given, a signature can only be changed by withdrawing it, with a reason.";
    EditSignedBeforeFrozen => "Een handtekening kan niet vóór de dag liggen waarop de versie werd vastgesteld.", "A signature cannot be dated before the day the version was frozen.";
    EditSignDraft => "Alleen een aangenomen, vastgestelde versie kan worden ondertekend.", "Only a version adopted and frozen can be signed.";
    EditMinutesApproved => "Deze notulen zijn vastgesteld en liggen vast; ze veranderen niet meer.", "These minutes have been approved and are on the record; they can no longer be changed.";
    EditWithdrawalReason => "Het intrekken van een handtekening vraagt om een reden.", "Withdrawing a signature needs a reason.";
    UndoPastReveal => "Na het tonen ligt elk standpunt vast: corrigeer het met een reden.", "Once shown, every stance is on the record: correct it with a reason.";
    UndoPastDecision => "Een besluit ligt vast: leg het voorstel opnieuw voor in een nieuwe ronde.", "A decision is on the record: put the proposal to a new round.";
    UndoPastCorrection => "Een correctie ligt vast: corrigeer opnieuw, met een reden.", "A correction is on the record: correct again, with a reason.";
    UndoPastDotReveal => "Na het tonen liggen de stippen vast.", "Once shown, the dots are on the record.";
    UndoPastCheckin => "Na het tonen liggen de scores van de check-in vast.", "Once shown, the check-in's scores are on the record.";
    UndoPastFreeze => "Een vastgestelde versie ligt vast: maak een nieuwe versie van het convenant.", "A frozen version is on the record: draft a new version of the covenant.";
    UndoPastSignature => "Een handtekening ligt vast: trek haar in met een reden.", "A signature is on the record: withdraw it with a reason.";
    UndoPastWithdrawal => "Het intrekken van een handtekening ligt vast.", "A withdrawn signature is on the record.";
    UndoPastDraw => "Een loting ligt vast: loot opnieuw, met een reden.", "A draw is on the record: draw again, with a reason.";
    UndoPastMinutes => "Vastgestelde notulen liggen vast.", "Approved minutes are on the record.";
    UndoPastComments => "Een gepubliceerde verwerking van commentaar ligt vast.", "Published responses to comments are on the record.";
    PlanPlanned => "Gepland", "Planned";
    PlanGoing => "Loopt", "In progress";
    PlanDone => "Klaar", "Done";
    PlanStuck => "Loopt vast", "Stuck";
    WorkPlanIntro => "Elk zwaartepunt wordt een deel van het werkplan: wat er gebeurt, wie trekt en wie meedoet, wanneer, welk mandaat nodig is en hoe het ervoor staat. De voortgang komt per vergadering in het verslag.",
        "Each focus area becomes part of the work plan: what will be done, who leads and who takes part, when, what mandate is needed and where things stand. Progress is recorded in the minutes of each meeting.";
    NoFocalPointsYet => "Nog geen zwaartepunten. Cluster eerst de wensen onder Agenda; elk zwaartepunt wordt hier een deel van het werkplan.", "No focus areas yet. First group the wishes under Agenda; each focus area then becomes part of the work plan here.";
    AddPlanLine => "Regel toevoegen", "Add a line";
    NewPlanLine => "Nieuwe regel", "New line";
    PlanWhat => "Wat gebeurt er: {focal}, regel {n}", "What will be done: {focal}, line {n}";
    PlanLead => "Trekker", "Lead";
    PlanLeadOf => "Trekker van {focal}, regel {n}", "Lead of {focal}, line {n}";
    PlanLeadPerson => "Namens de trekker", "Lead contact";
    PlanLeadPersonOf => "Namens de trekker van {focal}, regel {n}", "Lead contact for {focal}, line {n}";
    PlanParties => "Doen mee", "Taking part";
    PlanPartiesOf => "Doen mee aan {focal}, regel {n}", "Taking part in {focal}, line {n}";
    PlanStart => "Start", "Start";
    PlanDue => "Klaar op", "Due";
    PlanStartOf => "Startdatum van {focal}, regel {n}", "Start date of {focal}, line {n}";
    PlanDueOf => "Datum klaar van {focal}, regel {n}", "Due date of {focal}, line {n}";
    MandateGivenOf => "Datum mandaat van {focal}, regel {n}", "Mandate date of {focal}, line {n}";
    PlanDatesWrong => "De datum klaar ligt vóór de start: kijk de data na.", "The due date is before the start date: please check the dates.";
    PlanMandate => "Mandaat van", "Mandate from";
    PlanMandateOf => "Mandaat van {focal}, regel {n}", "Mandate of {focal}, line {n}";
    MandateNone => "Geen mandaat nodig", "No mandate needed";
    MandateOwnOrg => "de eigen organisatie van {party}", "{party}'s own organisation";
    MandateGivenOn => "Mandaat gegeven op", "Mandate given on";
    MandateNeededFrom => "Mandaat nodig van {whom}", "Mandate needed from {whom}";
    MandateGivenText => "Mandaat van {whom} gegeven op {date}", "Mandate from {whom} given on {date}";
    PlanStatusOf => "Status van {focal}, regel {n}", "Status of {focal}, line {n}";
    PlanWishes => "Neemt deze wensen op", "Takes up these wishes";
    RemovePlanLine => "{focal}, regel {n} verwijderen", "Remove {focal}, line {n}";
    PlanOverdue => "over de datum", "overdue";
    PlanOverdueBadge => "Over de datum ({date})", "Overdue ({date})";
    PlanSummary => "{done} van {n} klaar · {stuck} loopt vast · {overdue} over de datum", "{done} of {n} done · {stuck} stuck · {overdue} overdue";
    PartyShareTitle => "Wat elke partij opgelost ziet", "What each party sees solved";
    PartyShareHint => "Per partij: haar eigen wensen en waar elke wens terechtkwam, en wat zij voor anderen op zich neemt.", "Per party: its own wishes and where each went, and what it takes on for others.";
    PartyWishesHeading => "Eigen wensen", "Its own wishes";
    PartyTakesOn => "Neemt op zich", "Takes on";
    ForOthers => "voor {names}", "for {names}";
    NotYetClustered => "nog niet ingedeeld in een zwaartepunt", "not yet clustered into a focus area";
    NotYetPlanned => "nog niet in het werkplan", "not yet in the work plan";
    ExportPartyShare => "Uw inbreng en waar die staat (PDF)…", "Your input and where it stands (PDF)…";
    ProgressHeading => "Voortgang werkplan", "Progress on the work plan";
    ProgressHint => "Leg per regel vast hoe die ervoor staat en wat er gemeld is; de volgende vergaderstukken laten zien wat er sindsdien veranderde.", "For each line, record where it stands and what was reported; the next meeting papers will show what has changed since.";
    ProgressNoteOf => "Voortgang van {focal}, regel {n}", "Progress of {focal}, line {n}";
    ProgressStatusOf => "Status van {focal}, regel {n} in deze vergadering", "Status of {focal}, line {n} at this meeting";
    RuleSetsHeading => "Sets van spelregels", "Sets of ground rules";
    RuleSetsHint => "Spelregels horen bij een niveau (praktijk, management, bestuur). Elke set heeft één systeemeigenaar met mandaat om de regels te bewaken, wordt als geheel voorgelegd en krijgt check-ins als geheel.", "Ground rules belong to a level (practice, management, board). Each set has one system owner with a mandate to guard the rules, is put to a consent round as a whole, and is reviewed at check-ins as a whole.";
    AddRuleSet => "Set toevoegen", "Add a set";
    NewRuleSet => "Nieuwe set spelregels", "New set of ground rules";
    RuleSetName => "Naam van set {n}", "Name of set {n}";
    RuleSetLevelOf => "Niveau van set {n}", "Level of set {n}";
    RuleSetOwnerOf => "Eigenaar van set {n}", "Owner of set {n}";
    RuleSetMandate => "Mandaat van de eigenaar", "The owner's mandate";
    RuleSetMandateOf => "Mandaat van de eigenaar van set {n}", "Mandate of the owner of set {n}";
    RuleSetMandateHint => "Bijvoorbeeld: spreekt partijen aan, agendeert in de stuurgroep…", "For example: raises issues with parties, puts items on the steering group's agenda…";
    InSet => "Set", "Set";
    InSetOf => "Set van regel {n}", "Set of rule {n}";
    NoSet => "Geen set", "No set";
    GuardedBySet => "Bewaakt door de eigenaar van de set: {name}", "Guarded by the set's owner: {name}";
    RulesInSet => "{n} spelregel in deze set|{n} spelregels in deze set", "{n} rule in this set|{n} rules in this set";
    ProposeSet => "De hele set voorleggen", "Put the whole set to a round";
    ProposeSetHint => "Eén consentronde over alle regels van de set; een bezwaar noemt de regel waartegen het is.", "One consent round covering every rule in the set; an objection names the rule it is against.";
    SetRoundProposal => "We stellen de spelregels van ‘{set}’ als geheel vast.", "We adopt the ground rules of ‘{set}’ as a whole.";
    SetCheckin => "Check-in over de set", "Check-in on the set";
    SetCheckinHint => "Elke partij geeft per regel van de set een score (0 tot 5) op {date}.", "Each party scores each rule of the set (0 to 5) on {date}.";
    SetCheckinParty => "Check-in voor partij", "Check-in for party";
    SetCheckinScore => "{rule}: {n}", "{rule}: {n}";
    SubjectRuleSet => "Spelregelset", "Set of ground rules";
    RulesInRound => "De spelregels die deze ronde vaststelt", "The ground rules this round adopts";
    ObjectsTo => "Bezwaar tegen", "Objects to";
    ObjectsToRule => "Bezwaar tegen regel: {rule}", "Objects to rule: {rule}";
    ObjectionNeedsRule => "Kies de spelregel(s) waartegen het bezwaar is.", "Choose the rule(s) the objection is against.";
    ObjectedBy => "Bezwaar: {names}", "Objection: {names}";
    AmendRuleText => "Gewijzigde tekst van regel {n}", "Amended text of rule {n}";
    AmendSetHint => "Pas de regels aan waartegen bezwaar was; de andere gaan ongewijzigd mee in de nieuwe ronde.", "Amend the rules that were objected to; the others go into the new round unchanged.";
    PdfDots => "{n} stip|{n} stippen", "{n} dot|{n} dots";
    PdfMeanScore => "gemiddeld {value}", "average score {value}";
    PdfFromParties => "van {n} partij|van {n} partijen", "from {n} party|from {n} parties";
    PdfFocalIntro => "Op volgorde van de stippen die de partijen gaven in ‘{round}’.", "In order of the dots the parties gave in ‘{round}’.";
    PdfFocalIntroScore => "Op volgorde van de gemiddelde score in ‘{round}’.", "In order of average score in ‘{round}’.";
    PdfHandedInBy => "ingebracht door {party}", "submitted by {party}";
    PdfNeedsParties => "heeft nodig: {names}", "needs: {names}";
    PdfNoWishes => "Nog geen wensen bij dit zwaartepunt.", "No wishes under this focus area yet.";
    PdfUnclustered => "Nog niet ingedeeld", "Not yet clustered";
    PdfNoPlan => "Er is nog geen werkplan: de zwaartepunten hebben nog geen regels.", "There is no work plan yet: the focus areas have no lines.";
    PdfPlanWhat => "Wat", "What";
    PdfPlanWho => "Trekker en wie meedoen", "Lead and who takes part";
    PdfPlanWhen => "Wanneer", "When";
    PdfPlanState => "Stand", "Status";
    PdfSinceHeading => "Veranderd sinds {meeting}", "Changed since {meeting}";
    PdfNothingChanged => "Niets veranderd sinds de vorige vergadering.", "Nothing changed since the last meeting.";
    PdfFirstProgress => "Dit is de eerste vergadering waarin de voortgang wordt besproken.", "This is the first meeting to discuss progress.";
    PdfNewLine => "nieuw", "new";
    PdfOverdueHeading => "Over de datum", "Overdue";
    PdfStuckHeading => "Loopt vast", "Stuck";
    PdfNoneOverdue => "Niets over de datum.", "Nothing is overdue.";
    PdfNoneStuck => "Niets loopt vast.", "Nothing is stuck.";
    PdfDecisionsToTake => "Te nemen besluiten", "Decisions to be taken";
    PdfMandatesToGive => "Mandaat te geven", "Mandates to be given";
    PdfNoDecisions => "Geen besluiten te nemen.", "No decisions to take.";
    PdfProgressAt => "Voortgang ({meeting}): {text}", "Progress ({meeting}): {text}";
    PdfProgressRecorded => "Voortgang van het werkplan", "Progress on the work plan";
    PdfPartyTitle => "Uw inbreng en waar die staat", "Your input and where it stands";
    PdfPartyIntro => "Dit overzicht laat zien welke wensen {party} in de samenwerking heeft ingebracht, waar elke wens terechtkwam en wat {party} op zich neemt, ook voor anderen.", "This overview shows which wishes {party} submitted to the alliance, where each one ended up, and what {party} has taken on, including for others.";
    PdfPartyAsOf => "Stand op {date}.", "As at {date}.";
    PdfPartyLastMeeting => "Laatst besproken in {meeting}.", "Last discussed at {meeting}.";
    PdfYourWishes => "Uw wensen", "Your wishes";
    PdfYouTakeOn => "Wat u op zich neemt", "What you take on";
    PdfBackHome => "Wat terug gaat naar uw eigen organisatie", "What goes back to your own organisation";
    PdfNoOwnWishes => "{party} heeft nog geen wensen ingebracht.", "{party} has not submitted any wishes yet.";
    PdfNothingTaken => "Nog niets.", "Nothing yet.";
    PdfPartiesAbsent => "Afwezige partijen", "Absent parties";
    PdfCompletedActions => "Afgerond sinds de vorige vergadering", "Completed since the last meeting";
    RuleAmended => "Gewijzigd: ‘{was}’ wordt ‘{now}’", "Amended: ‘{was}’ becomes ‘{now}’";
    RuleAdded => "Toegevoegd: ‘{now}’", "Added: ‘{now}’";
    SlideSetTrend => "{set}: check-ins", "{set}: check-ins";
    EditCommentsPublished => "De verwerking van dit commentaar is gepubliceerd en ligt vast; ze verandert niet meer.", "The responses to these comments have been published and are on the record; they can no longer be changed.";
    EditCommentsUnanswered => "Geef eerst elk commentaar een reactie; daarna kan de verwerking worden gepubliceerd.", "Give every comment a response first; the responses can then be published.";
    NavComments => "Commentaarrondes", "Comment rounds";
    CommentsIntro => "Leg een concept voor aan de partijen, leg ieders commentaar vast bij het deel waar het over gaat, en zeg bij elk commentaar wat ermee gebeurt en waarom. Pas bij publiceren ziet elke partij het commentaar van de anderen.", "Put a draft to the parties, record each party's comments against the part they are about, and say of each what is done with it and why. Only when published does each party see the others' comments.";
    NewCommentRound => "Nieuwe commentaarronde", "New comment round";
    CommentRoundTitle => "Titel van de ronde", "Title of the round";
    CommentDraft => "Concept", "Draft";
    DraftWorkPlan => "Het werkplan", "The work plan";
    DraftFocalPoint => "Werkplan: {name}", "Work plan: {name}";
    DraftMinutes => "Conceptverslag: {name}", "Draft minutes: {name}";
    DraftAgenda => "Agenda: {name}", "Agenda: {name}";
    DraftRuleSet => "Spelregels: {name}", "Ground rules: {name}";
    DraftCovenant => "Convenant: {name}", "Covenant: {name}";
    CommentsDue => "Uiterlijk commentaar", "Comments due";
    CommentsOpened => "Datum verstuurd", "Date sent out";
    CommentParty => "Van", "From";
    CommentPart => "Over (deel van het concept)", "About (part of the draft)";
    CommentText => "Commentaar", "Comment";
    CommentFacilitatorOnly => "Alleen voor de procesbegeleider", "For the facilitator only";
    AddComment => "Commentaar vastleggen", "Record the comment";
    NewCommentLabel => "Nieuw commentaar", "New comment";
    CommentsHeading => "Het commentaar", "The comments";
    CommentPartShort => "Over", "About";
    CommentsCount => "{n} commentaar|{n} commentaren", "{n} comment|{n} comments";
    CommentsAllAnswered => "alles beantwoord", "all answered";
    CommentsWaiting => "wacht op commentaar", "waiting for comments";
    PhoneCommentRound => "Commentaar gevraagd", "Your comments invited";
    PhoneYourComments => "Uw commentaar tot nu toe:", "Your comments so far:";
    PhoneSendComment => "Commentaar versturen", "Send comment";
    PhoneUntilPublished => "Alleen de procesbegeleider ziet uw commentaar, tot de verwerking van alle commentaar wordt gepubliceerd.", "Only the facilitator sees your comment until the responses to all comments are published.";
    PhoneCommentText => "Schrijf uw commentaar (hooguit 4000 tekens).", "Write your comment (at most 4000 characters).";
    NoCommentRounds => "Nog geen commentaarrondes: leg een concept voor met ‘Nieuwe commentaarronde’.", "No comment rounds yet: put a draft out with ‘New comment round’.";
    SelectCommentRound => "Kies links een commentaarronde.", "Choose a comment round on the left.";
    CommentResponse => "Wat ermee gebeurt", "What is done with it";
    CommentWhy => "Waarom", "Why";
    CommentBefore => "Tekst was", "Text was";
    CommentAfter => "Tekst wordt", "Text becomes";
    ResponseOpen => "Nog te beantwoorden", "Still to answer";
    ResponseAdopted => "Overgenomen", "Accepted";
    ResponsePartly => "Deels overgenomen", "Partly accepted";
    ResponseNotAdopted => "Niet overgenomen", "Not accepted";
    ResponseAlreadyCovered => "Staat er al in", "Already covered";
    CommentViaTyped => "ingetypt", "typed";
    CommentViaPhone => "via de stemkaart", "by ballot card";
    CommentViaCsv => "uit een spreadsheet", "from a spreadsheet";
    PublishComments => "Verwerking publiceren", "Publish the responses";
    PublishCommentsConfirm => "Na publiceren ziet elke partij alle gedeelde commentaren en wat ermee gebeurde, en liggen ze vast: niets verandert meer. Publiceren?", "Once published, every party sees every shared comment and the response to it, and everything is on the record: nothing can be changed after that. Publish?";
    CommentsPublishedOn => "Gepubliceerd op {date}: de verwerking ligt vast.", "Published on {date}: the responses are on the record.";
    CommentsToAnswer => "{n} commentaar nog te beantwoorden|{n} commentaren nog te beantwoorden", "{n} comment still to answer|{n} comments still to answer";
    CommentsNone => "Nog geen commentaar in deze ronde.", "No comments in this round yet.";
    CommentsPdf => "Verwerking van het commentaar (PDF)…", "Responses to comments (PDF)…";
    CommentsImport => "Commentaar uit spreadsheet (CSV)…", "Comments from a spreadsheet (CSV)…";
    CommentsImported => "{n} commentaren ingelezen.", "Comments imported: {n}.";
    CommentsImportRow => "Regel {line}: {reason}", "Line {line}: {reason}";
    PdfCommentsTitle => "Verwerking van het commentaar", "Responses to comments";
    PdfCommentsIntro => "Op ‘{draft}’ kwam commentaar van {n} partijen. Per commentaar staat hieronder wat ermee gebeurt en waarom.", "Comments on ‘{draft}’ came from {n} parties. For each comment, what is done with it and why.";
    PdfCommentsNotYet => "Deze verwerking is nog niet gepubliceerd: een concept voor de procesbegeleider.", "These responses have not been published yet: a draft for the facilitator.";
    PdfCommentsNone => "Er kwam geen commentaar.", "No comments came in.";
    PdfYourComments => "Uw commentaar en wat ermee gebeurde", "Your comments and what became of them";
    PdfCommentPending => "In behandeling", "Under consideration";
    PdfCommentsChanged => "Verwerkt commentaar", "Comments dealt with";
    PdfCommentChange => "{party} ({part}): {response}", "{party} ({part}): {response}";
    PdfNothingTakenYet => "Nog geen regel van het werkplan, maar anderen rekenen wel op u (zie hieronder).", "Nothing in the work plan yet, but others are counting on you (see below).";
    PdfCountedOn => "Anderen rekenen op u voor", "Others count on you for";
    PdfCountsOn => "U rekent op", "You count on";
    PdfNobodyCountsOn => "Voor zover de wensen en het werkplan zeggen: nog niemand.", "As far as the wishes and the work plan say: no one yet.";
    PdfCountsOnNobody => "Voor zover de wensen en het werkplan zeggen: op niemand.", "As far as the wishes and the work plan say: no one.";
    RelianceLine => "{focal}, regel {n}: {what}", "{focal}, line {n}: {what}";
    RelianceWho => "{party}: {what}", "{party}: {what}";
    NavReliance => "Wie rekent op wie", "Who counts on whom";
    RelianceIntro => "Per rij een partij, per kolom de partij waarop zij rekent: voor een wens die die partij nodig heeft, of voor een regel van het werkplan waaraan die partij werkt. Wijs een vakje aan om te zien waarvoor.", "One row per party, one column per party it counts on: for a wish that needs that party, or for a line of the work plan that party works on. Hover over a cell to see what for.";
    RelianceEmpty => "Nog niemand rekent op een ander: geef bij een wens aan welke partijen die nodig heeft, of zet partijen bij een regel van het werkplan.", "No one counts on another yet: say which parties a wish needs, or put parties on a line of the work plan.";
    RelianceCounts => "rekent op", "counts on";
    RelianceOutside => "Niet in de tabel, omdat zij (nog) op niemand rekenen en niemand op hen: {names}.", "Not in the table, as they count on no one and no one counts on them (yet): {names}.";
    RelianceCountedBy => "Op {party} rekenen", "Counting on {party}";
    RelianceCountsBy => "{party} rekent op", "{party} counts on";
    RelianceCell => "{from} rekent op {on} voor:", "{from} counts on {on} for:";
    SlideReliance => "Wie rekent op wie", "Who counts on whom";
    SlideRelianceParty => "{party}: wie rekent op u, en op wie rekent u", "{party}: who is counting on you, and who are you counting on?";
    RelianceOverviewOn => "rekent op {names}", "counts on {names}";
    RelianceOverviewBy => "op haar rekenen: {names}", "counted on by {names}";
    PdfRelianceHeading => "Wie rekent op wie", "Who counts on whom";
    PdfRelianceIntro => "Uit de wensen en het werkplan: voor welke wens of regel rekent een partij op een andere.", "From the wishes and the work plan: for which wish or line one party counts on another.";
    PdfRelianceFrom => "Partij", "Party";
    PdfRelianceOn => "Rekent op", "Counts on";
    PdfRelianceFor => "Voor", "For";
    PdfNoMandates => "Op dit moment niets.", "Nothing at the moment.";
    PdfWishIn => "Zwaartepunt: {focal}", "Focus area: {focal}";
    PdfLeads => "trekker", "lead";
    PdfTakesPart => "doet mee", "takes part";
    LegendParty => "Partij", "Party";
    LegendCommissioner => "Opdrachtgever", "Commissioner";
    LegendRings => "Binnenring en buitenring", "Inner and outer ring";
    SlideWorkPlanPart => "Werkplan · {focal}", "Work plan · {focal}";
    PdfSeeWorkPlan => "Zie het werkplan hieronder.", "See the work plan below.";
    PdfRole => "Rol", "Role";
    NavRules => "Spelregels", "Ground rules";
    NavRounds => "Consensusrondes", "Consensus rounds";
    NavDecisions => "Besluitenlijst", "Decision log";
    AgendaIntro => "Elke partij levert haar wensenlijst in. Sleep de punten naar een zwaartepunt (of kies het op de kaart); elk punt blijft herleidbaar tot de partij die het inbracht.",
        "Every party submits its wish list. Drag each item into a focus area (or choose one on the item's card); every item can still be traced back to the party that raised it.";
    AddAgendaItem => "Agendapunt toevoegen", "Add agenda item";
    RaisedBy => "Ingebracht door", "Raised by";
    ItemTitle => "Agendapunt", "Agenda item";
    ItemTitleHint => "Het agendapunt…", "The agenda item…";
    Problem => "Probleem", "Problem";
    ProblemHint => "Het probleem zoals deze partij het ziet…", "The problem as this party sees it…";
    DependsOn => "Heeft nodig:", "Needs:";
    DependsOnShort => "Afhankelijk van", "Depends on";
    AddFocalPoint => "Zwaartepunt", "Focus area";
    NewFocalPoint => "Nieuw zwaartepunt", "New focus area";
    FocalPointName => "Naam van zwaartepunt {name}", "Name of focus area {name}";
    RemoveFocalPoint => "Verwijder zwaartepunt {name}", "Remove focus area {name}";
    WishList => "Wensenlijst", "Wish list";
    WishListHint => "Nog niet ingedeeld", "Not clustered yet";
    DragHint => "Sleep naar een zwaartepunt", "Drag onto a focus area";
    Serves => "Dient", "Serves";
    From => "Van", "From";
    FocalPointOf => "Zwaartepunt van {item}", "Focus area of {item}";
    RemoveItem => "Verwijder {item}", "Remove {item}";
    Prioritise => "Prioriteren", "Prioritise";
    PrioritiseHint => "Elke partij evenveel stippen (of een cijfer 1–5 per zwaartepunt). Wat is ingevuld blijft verborgen tot u alles tegelijk toont, zodat vroege keuzes de latere niet sturen.",
        "Every party gets the same number of dots (or gives each focus area a score from 1 to 5). Entries stay hidden until you reveal them all at once, so early choices do not sway later ones.";
    NewDotRound => "Stippenronde", "Dot round";
    NewScoreRound => "Cijferronde", "Score round";
    DotsPerParty => "Stippen per partij (gelijk voor iedereen)", "Dots per party (the same for everyone)";
    EnterFor => "Invoer voor", "Entering for";
    DotsLeft => "nog {n} stip|nog {n} stippen", "{n} dot left|{n} dots left";
    LessDots => "Minder stippen voor {name}", "Fewer dots for {name}";
    MoreDots => "Meer stippen voor {name}", "More dots for {name}";
    RevealWhenAll => "Tonen kan zodra elke partij een standpunt heeft.", "You can reveal once every party has a stance.";
    RevealAll => "Alles tegelijk tonen", "Reveal all at once";
    ResultLine => "{value} ({n} partij)|{value} ({n} partijen)", "{value} ({n} party)|{value} ({n} parties)";
    RulesIntro => "Spelregels over hoe we met elkaar omgaan. Begin bij twee vragen: in welke situaties willen we nooit meer belanden, en welke regels voorkomen dat?",
        "Ground rules for how we work with each other. Start with two questions: which situations must we never find ourselves in again, and which rules will prevent them?";
    AddRule => "Spelregel", "Ground rule";
    NewRule => "Nieuwe spelregel", "New ground rule";
    NeverAgain => "Situaties die we nooit meer willen", "Situations we never want again";
    NeverAgainHint => "Koppel elke spelregel aan de situaties die zij voorkomt.", "Link every rule to the situations it prevents.";
    SituationN => "Situatie {n}", "Situation {n}";
    SituationHint => "Een situatie die nooit meer mag voorkomen…", "A situation that must never happen again…";
    NewSituation => "Nieuwe situatie", "New situation";
    RemoveSituation => "Verwijder deze situatie", "Remove this situation";
    StarterBadge => "Startset — maak haar van jullie", "Starter set — make it your own";
    RuleText => "Tekst van spelregel {n}", "Text of ground rule {n}";
    Level => "Niveau", "Level";
    LevelOf => "Niveau van spelregel {n}", "Level of ground rule {n}";
    SystemOwner => "Systeemeigenaar", "System owner";
    NoOwner => "Nog niemand", "Nobody yet";
    OwnerOf => "Systeemeigenaar van spelregel {n}", "System owner of ground rule {n}";
    RuleStatusOf => "Status van spelregel {n}", "Status of ground rule {n}";
    Prevents => "Voorkomt:", "Prevents:";
    ProposeInRound => "Voorleggen in een consensusronde", "Put to a consensus round";
    CheckinButton => "Check-in", "Check-in";
    CheckinHint => "Hoe goed is deze regel nageleefd? Vuist tot vijf per partij, op {date}.", "How well has this rule been kept? Fist to five for each party, on {date}.";
    CheckinScore => "{party}: {n}", "{party}: {n}";
    LevelPractice => "Praktijk", "Practice";
    LevelManagement => "Management", "Management";
    LevelBoard => "Bestuur", "Board";
    RuleDraft => "Concept", "Draft";
    RuleProposed => "Voorgelegd", "Proposed";
    RuleAdopted => "Vastgesteld", "Adopted";
    RuleRetired => "Vervallen", "Retired";
    RoundsIntro => "Elke partij heeft één stem. Standpunten blijven verborgen tot u ze tegelijk toont; een voorstel is aangenomen als iedere partij heeft gestemd en niemand een veto of bezwaar heeft.",
        "Every party has one vote. Stances stay hidden until you reveal them together; a proposal is adopted when every party has voted and none vetoed or objected.";
    NewRound => "Nieuwe ronde", "New round";
    NoRounds => "Nog geen rondes.", "No rounds yet.";
    Proposal => "Voorstel", "Proposal";
    Subject => "Onderwerp", "Subject";
    SubjectFree => "Vrij voorstel", "Other proposal";
    SubjectRule => "Spelregel", "Ground rule";
    SubjectFocalPoint => "Zwaartepunt", "Focus area";
    SubjectMap => "De strategiekaart", "The strategy map";
    SubjectCovenant => "Convenant", "Covenant";
    ScaleLabel => "Schaal", "Scale";
    ScaleGradients => "Gradaties van instemming (1–8)", "Gradients of agreement (1–8)";
    ScaleConsent => "Consent of bezwaar", "Consent or objection";
    ScaleFist => "Vuist tot vijf", "Fist to five";
    ImportCsv => "Importeren uit CSV…", "Import from CSV…";
    ExportCsv => "Exporteren naar CSV…", "Export to CSV…";
    ExportCsvHint => "Het register als spreadsheet om bij te houden: een rij per persoon, met puntkomma's, zoals Excel het opent. Uw eigen notities over partijen staan er niet in. Een bijgewerkte versie leest u weer in met ‘Importeren uit CSV…’.", "The register as a spreadsheet to keep up to date: a row per person, semicolon-separated, as Excel opens it. Your own notes on parties are not in it. Read an updated copy back with ‘Import from CSV…’.";
    CsvExported => "Het register is als spreadsheet bewaard in {path}.", "The register was saved as a spreadsheet in {path}.";
    ImportCsvHint => "Partijen (en hun mensen) uit een spreadsheet, opgeslagen als CSV in Excel of LibreOffice. Er wordt niets opgeslagen voordat u het voorbeeld hebt gezien.", "Parties (and their people) from a spreadsheet saved as CSV by Excel or LibreOffice. Nothing is written before you have seen the preview.";
    CsvImportTitle => "Partijen importeren uit {file}", "Import parties from {file}";
    CsvFound => "{rows} rijen · {encoding} · gescheiden door {separator}", "{rows} rows · {encoding} · separated by {separator}";
    CsvColumns => "Kolommen: kies per kolom wat erin staat", "Columns: choose what each column holds";
    CsvIgnore => "(negeren)", "(ignore)";
    CsvColumnOf => "Kolom ‘{column}’", "Column ‘{column}’";
    CsvErrors => "{n} rij klopt niet; er wordt niets geïmporteerd tot die verbeterd is:|{n} rijen kloppen niet; er wordt niets geïmporteerd tot die verbeterd zijn:", "{n} row is wrong; nothing is imported until it is put right:|{n} rows are wrong; nothing is imported until they are put right:";
    CsvLine => "Regel {line}: {reason}", "Line {line}: {reason}";
    CsvChooseTitle => "CSV-bestand inlezen", "Import a CSV file";
    NetworkCollapse => "Groepen samenvouwen", "Collapse groups";
    NetworkCollapseHint => "Elke groep partijen die nauw samenwerken als één cirkel, met haar relaties met de rest gebundeld. Klik een groep om haar te openen.", "Each group of parties that work closely together as one circle, its relations with the rest bundled. Click a group to open it.";
    NetworkExpand => "Alle partijen tonen", "Show every party";
    NetworkExpandHint => "Open alle samengevouwen groepen.", "Open every collapsed group.";
    NetworkGroupName => "{lead} e.a. (1 partij)|{lead} e.a. ({n} partijen)", "{lead} and others (1 party)|{lead} and others ({n} parties)";
    NetworkGroupLabel => "{lead} e.a.", "{lead} and others";
    NetworkGroupHint => "Een groep partijen die nauw samenwerken, samengevouwen. Klik om haar te openen.", "A group of parties that work closely together, collapsed. Click to open it.";
    CsvApplyButton => "1 partij verwerken|{n} partijen verwerken", "Apply 1 party|Apply {n} parties";
    CsvPlanSummary => "{new} nieuw · {changed} gewijzigd · {same} ongewijzigd · {conflicts} conflict", "{new} new · {changed} changed · {same} unchanged · {conflicts} in conflict";
    CsvStatusNew => "nieuw", "new";
    CsvStatusChanged => "gewijzigd", "changed";
    CsvStatusUnchanged => "ongewijzigd", "unchanged";
    CsvStatusConflict => "conflict", "conflict";
    CsvRenamed => "hernoemd, was ‘{was}’", "renamed, was ‘{was}’";
    CsvNewPerson => "nieuwe persoon: {name}", "new person: {name}";
    CsvLineNo => "regel {line}", "line {line}";
    CsvImported => "{parties} partijen verwerkt, met {people} nieuwe mensen. Ongedaan maken (Ctrl+Z) zet alles in één stap terug.", "Applied {parties} parties, with {people} new people. Undo (Ctrl+Z) puts it all back in one step.";
    SlideTable => "Aan tafel: {body}", "At the table: {body}";
    SlideDrawn => "geloot op {date} (zaad {seed}…)", "drawn on {date} (seed {seed}…)";
    SlideNextRotation => "volgende rotatie {date}", "next rotation {date}";
    PutTo => "Voorleggen aan", "Put to";
    WholeAlliance => "De hele alliantie", "The whole alliance";
    PutToBody => "voorgelegd aan {body}", "put to {body}";
    NoVotersInBody => "Aan {body} zit nu geen partij: geef de tafel eerst zetels of leden.", "No party sits in {body} now: give the table seats or members first.";
    BodyVotersNote => "De {n} partij aan {body} stemt; de andere partijen niet.|De {n} partijen aan {body} stemmen; de andere partijen niet.", "The {n} party at {body} votes; the other parties do not.|The {n} parties at {body} vote; the other parties do not.";
    VotersNote => "De {n} partij van nu stemt; een partij die later toetreedt, houdt deze ronde niet op.|Alle {n} partijen van nu stemmen; een partij die later toetreedt, houdt deze ronde niet op.", "Only {n} party is in the alliance today, and it votes; a party that joins later does not hold up this round.|All {n} parties in the alliance today vote; a party that joins later does not hold up this round.";
    // Voting from the room's own phones (ballot cards, the room server).
    ViaBallot => "via de stemkaart (eigen telefoon)", "by ballot card (own phone)";
    KindBallot => "stemkaart|stemkaarten", "ballot card|ballot cards";
    EditBadToken => "Een stemkaart wordt alleen als vingerafdruk (SHA-256) bewaard.", "A ballot card is kept only as its fingerprint (SHA-256).";
    EditBallotUndo => "Ongedaan maken en opnieuw doen stoppen bij een standpunt dat een partij zelf met haar stemkaart gaf; wijzig het alleen met een correctie en een reden.", "Undo and redo stop at a stance a party gave itself using its ballot card; it can only be changed by a correction, with a reason.";
    EditBallotStance => "Dit standpunt gaf de partij zelf met haar stemkaart; wijzig het alleen met een correctie en een reden.", "The party gave this stance itself, using its ballot card; it can only be changed by a correction, with a reason.";
    PhoneTitle => "Stemkaart", "Ballot card";
    PhoneNotFound => "Deze pagina bestaat niet (meer). Een stemkaart werkt alleen tijdens haar eigen overleg.", "This page does not exist (any more). A ballot card works only during its own meeting.";
    PhoneScanCard => "Scan de QR-code op de stemkaart van uw partij om te stemmen.", "Scan the QR code on your party's ballot card to vote.";
    PhoneExpired => "Deze pagina is verlopen; open de link van uw stemkaart opnieuw. Er is niets vastgelegd.", "This page has expired; open your ballot card's link again. Nothing was recorded.";
    PhoneReplaced => "Deze stemkaart is vervangen door een nieuwe en werkt niet meer. Scan de QR-code op de nieuwe kaart van uw partij.", "This ballot card was replaced by a new one and no longer works. Scan the QR code on your party's new card.";
    PhoneOutcomeBlocked => "Geblokkeerd door: {names}.", "Blocked by: {names}.";
    PhoneOutcomeReservations => "Kan worden aangenomen; met bedenkingen van {names}.", "Can be adopted, with reservations from {names}.";
    PhoneTooMany => "Te veel verkeerde links vanaf dit toestel; wacht een minuut.", "Too many wrong links from this device; wait a minute.";
    PhoneRefuseClosed => "Deze ronde is gesloten; er is niets veranderd.", "This round is closed; nothing was changed.";
    PhoneRefuseRevealed => "De standpunten zijn al getoond; een wijziging loopt nu via de procesbegeleider, met een reden.", "The stances have been revealed; a change now goes through the facilitator, with a reason.";
    PhoneRefuseNotVoter => "Uw partij stemt niet in deze ronde.", "Your party does not vote in this round.";
    PhoneChoose => "Kies eerst een standpunt.", "Choose a stance first.";
    PhoneTooManyDots => "Uw partij heeft {n} stip; verdeel er niet meer.|Uw partij heeft {n} stippen; verdeel er niet meer.", "Your party has {n} dot; you cannot place more than that.|Your party has {n} dots; you cannot place more than that.";
    PhoneByFacilitator => "De procesbegeleider legde dit standpunt voor uw partij vast; vraag haar of hem als het anders moet.", "The facilitator recorded this stance for your party; ask them if it should change.";
    PhoneNoAnswer => "De laptop van de procesbegeleider antwoordde niet; probeer het zo opnieuw.", "The facilitator's laptop did not answer; try again in a moment.";
    PhoneNotSaved => "Dit kon niet worden bewaard; zeg het de procesbegeleider.", "This could not be saved; please tell the facilitator.";
    PhoneNothingYet => "Voor {party} is nog niets vastgelegd.", "Nothing is recorded for {party} yet.";
    PhoneRecorded => "Vastgelegd voor {party}: {stance}", "Recorded for {party}: {stance}";
    PhoneCorrected => "Gecorrigeerd door de procesbegeleider, met een reden.", "Corrected by the facilitator, with a reason.";
    PhoneRoundClosed => "Deze ronde is gesloten: {status}.", "This round is closed: {status}.";
    PhoneRevealed => "De standpunten van alle partijen zijn getoond.", "The stances of all parties have been revealed.";
    PhoneYourStance => "Het standpunt van uw partij", "Your party's stance";
    PhoneReason => "Reden (nodig bij {stances})", "Reason (needed with {stances})";
    PhoneUntilReveal => "U kunt dit wijzigen tot de procesbegeleider de standpunten toont. Tot dan ziet niemand wat u koos.", "You can change this until the facilitator reveals the stances. Until then nobody sees what you chose.";
    PhoneDotsRound => "Prioriteren", "Prioritising";
    PhoneDotsHint => "Verdeel {n} stip over de zwaartepunten.|Verdeel {n} stippen over de zwaartepunten.", "Place your {n} dot on one of the focus areas.|Spread your {n} dots across the focus areas.";
    PhoneScoreHint => "Geef elk zwaartepunt een score van 1 tot 5 (0: geen score).", "Give each focus area a score from 1 to 5 (0: no score).";
    PhoneCheckinTitle => "Check-in op de spelregels", "Ground-rule check-in";
    PhoneCheckinQuestion => "Hoe goed houden onze spelregels zich?", "How well are our ground rules holding?";
    PhoneCheckinHint => "Geef elke regel uw eigen score. Anoniem: niemand ziet wat u gaf; uw score telt voor {party}.", "Give each rule your own score. Anonymous: nobody sees what you gave; your score counts for {party}.";
    PhoneCheckinScale => "0 = helemaal niet, 5 = helemaal.", "0 = not at all, 5 = fully.";
    PhoneCheckinScore => "score {n}", "score {n}";
    PhoneCheckinSend => "Scores versturen", "Send my scores";
    PhoneCheckinChange => "Mijn scores wijzigen", "Change my scores";
    PhoneCheckinUntilShown => "Tot de procesbegeleider de verdeling toont, ziet niemand de scores. Daarna ziet de zaal hoeveel mensen elke score gaven, nooit wie.", "Until the facilitator shows the distribution, nobody sees the scores. Then the room sees how many people gave each score, never who.";
    PhoneCheckinShown => "De check-in is getoond; de scores liggen vast.", "The check-in has been shown; the scores are on the record.";
    PhoneCheckinPeople => "1 persoon uit {parties} gaf een score.|{n} mensen uit {parties} gaven een score.", "1 person from {parties} gave a score.|{n} people from {parties} gave a score.";
    PhoneCheckinParties => "{n} partij|{n} partijen", "{n} party|{n} parties";
    PhoneCheckinMean => "Gemiddeld {mean} (elke partij telt één keer).", "Average {mean} (each party counts once).";
    PhoneCheckinNone => "Niemand gaf deze regel een score.", "Nobody scored this rule.";
    CheckinPhones => "Check-in op de spelregels via de telefoons", "Ground-rule check-in from the phones";
    CheckinPhonesIntro => "Elke afgevaardigde scoort op de eigen telefoon, met de kaart van de partij, hoe goed de spelregels zich houden (0 tot 5), anoniem. U ziet hoeveel mensen per partij meededen, niet wie wat gaf; de zaal ziet de verdeling pas als u die toont.", "Every delegate scores on their own phone, with their party's card, how well the ground rules are holding (0 to 5), anonymously. You see how many people from each party took part, not who gave what; the room sees the distribution only when you show it.";
    CheckinChoose => "Vraag naar deze vastgestelde spelregels:", "Ask about these adopted ground rules:";
    CheckinOpen => "Check-in openen op de telefoons", "Open the check-in on the phones";
    CheckinNoAdopted => "Er zijn nog geen vastgestelde spelregels om op te checken.", "There are no adopted ground rules to check in on yet.";
    CheckinOpenNow => "Open op de telefoons.", "Open on the phones.";
    CheckinAnswered => "1 persoon heeft gescoord|{n} mensen hebben gescoord", "1 person has scored|{n} people have scored";
    CheckinShow => "Verdeling tonen aan de zaal", "Show the distribution to the room";
    CheckinShowHint => "Na het tonen liggen de scores vast en tellen ze mee in de trend van de spelregels.", "Once shown, the scores are on the record and count in the ground rules' trend.";
    CheckinShownOn => "Getoond aan de zaal", "Shown to the room";
    SlideCheckin => "Check-in {date}", "Check-in {date}";
    PhoneAbsent => "Uw partij is bij deze ronde als afwezig vastgelegd. Klopt dat niet, zeg het dan tegen de procesbegeleider.", "Your party has been recorded as absent for this round. If that is wrong, tell the facilitator.";
    RefusalReasonText => "De toelichting is te lang (ten hoogste 4000 tekens) of bevat tekens die niet in een tekst horen.", "The reason is too long (4,000 characters at most) or holds characters that do not belong in a text.";
    PhoneNotAllowed => "Dit adres doet dat niet. Open de link van uw stemkaart opnieuw.", "This address does not do that. Open the link on your ballot card again.";
    PhoneTooLarge => "Dit verzoek is groter dan een stempagina ooit stuurt; er is niets vastgelegd. Open de link van uw stemkaart opnieuw.", "This request is larger than a ballot page ever sends; nothing was recorded. Open the link on your ballot card again.";
    PhoneNothingOpen => "Er staat nu niets open om over te stemmen. Deze pagina ververst vanzelf.", "Nothing is open for voting right now. This page will update automatically.";
    PhonePrivate => "Alleen uw partij stemt met deze kaart; geef de link niet door.", "Only your party votes with this card; do not pass the link on.";
    PhoneChanged => "Er is iets veranderd.", "Something changed.";
    PhoneReload => "Vernieuwen", "Refresh";
    PhoneSaved => "Vastgelegd.", "Recorded.";
    RoomSection => "Stemmen via telefoon", "Voting by phone";
    RoomIntro => "Elke partij krijgt een stemkaart met een eigen link en stemt met haar eigen telefoon. Deze laptop is de server, alleen voor dit overleg en op het netwerk van de zaal: geen internet, geen account, niets te installeren.", "Each party gets a ballot card with its own link and votes from its own phone. This laptop is the server, for this meeting only and on the room's network: no internet, no account, nothing to install.";
    RoomNetwork => "Netwerk", "Network";
    RoomPort => "Poort", "Port";
    RoomStart => "Starten", "Start";
    RoomStop => "Stoppen", "Stop";
    RoomRunning => "Actief op {address}", "Running at {address}";
    RoomReachable => "Deze laptop bereikt de server. Telefoons op hetzelfde netwerk ook, tenzij het netwerk toestellen van elkaar afschermt (veel gastnetwerken doen dat).", "This laptop can reach the server. So can phones on the same network, unless the network keeps devices apart (many guest networks do).";
    RoomUnreachable => "Deze laptop bereikt zijn eigen server niet; kies een ander netwerk of kijk de firewall na.", "This laptop cannot reach its own server; choose another network or check the firewall.";
    RoomPhoneSeen => "Laatste verzoek van een telefoon: {time}", "Last request from a phone: {time}";
    RoomNoPhoneYet => "Nog geen telefoon gezien.", "No phone seen yet.";
    RoomPlainHttp => "Gewone HTTP: wie op hetzelfde wifi meeluistert, kan zien welke partij wanneer iets vastlegt, wat zij kiest, en de link van haar kaart. Gebruik liefst de hotspot van deze laptop.", "Plain HTTP: someone listening on the same Wi-Fi can see which party records something when, what it chooses, and its card's link. If you can, use this laptop's own hotspot.";
    RoomLoopbackOnly => "Alleen deze computer: telefoons bereiken dit adres niet (voor een proef).", "This computer only: phones cannot reach this address (for a trial).";
    RoomStartFailed => "De server kon niet starten op {address}: {detail}", "The server could not start at {address}: {detail}";
    RoomOtherMeeting => "Stemmen via telefoon loopt nu voor ‘{meeting}’.", "Voting by phone is running for ‘{meeting}’.";
    RoomStopsWhen => "Stopt als u op Stoppen drukt, als Samenspel of dit bestand sluit, of na de dag van het overleg.", "Stops when you press Stop, when Samenspel or this file closes, or after the day of the meeting.";
    RoomStopped => "Stemmen via telefoon is gestopt: de dag van het overleg is voorbij.", "Voting by phone stopped: the day of the meeting is over.";
    RoomCards => "Stemkaarten", "Ballot cards";
    RoomPrintCards => "Stemkaarten afdrukken…", "Print ballot cards…";
    RoomPrintHint => "Geeft elke partij een nieuwe kaart en bewaart ze als PDF. Eerder afgedrukte kaarten van dit overleg werken daarna niet meer.", "Gives every party a new card and saves them as a PDF. Cards printed earlier for this meeting stop working.";
    RoomReissue => "Opnieuw uitgeven…", "Reissue…";
    RoomReissueHint => "Voor een verloren kaart: de oude link werkt niet meer; de nieuwe kaart verschijnt hier om te scannen (alleen op dit scherm) en kan als PDF bewaard worden.", "For a lost card: the old link stops working; the new card appears here to scan (on this screen only) and can be saved as a PDF.";
    RoomSaveCard => "Bewaren als PDF…", "Save as PDF…";
    RoomIssueOne => "Kaart maken…", "Make a card…";
    RoomIssueOneHint => "Maakt een stemkaart voor deze partij en toont die hier om te scannen.", "Makes a ballot card for this party and shows it here to scan.";
    PdfAcknowledgement => "Voor gezien", "Acknowledged";
    PdfAcknowledgementNote => "De opdrachtgever tekent voor gezien: zij heeft kennisgenomen van dit convenant en is er geen partij bij.", "The commissioner signs to acknowledge this covenant, without becoming a party to it.";
    CovenantAcknowledgement => "Ruimte voor de opdrachtgever om voor gezien te tekenen", "A block for the commissioner to sign in acknowledgement";
    CovenantAcknowledgementHint => "Onder de handtekeningen van de partijen: de opdrachtgever tekent voor gezien en wordt geen partij. Ligt vast met de versie.", "Below the parties' signatures: the commissioner signs in acknowledgement without becoming a party. Fixed with the version.";
    RoomCardIssued => "kaart van {time}", "card issued {time}";
    RoomNoCard => "geen kaart", "no card";
    RoomAddressDiffers => "De kaarten wijzen naar {cards}, maar de server luistert op {address}. Start op het adres van de kaarten, of druk nieuwe kaarten af.", "The cards point at {cards}, but the server listens at {address}. Start at the cards' address, or print new cards.";
    PdfBallotCards => "Stemkaarten", "Ballot cards";
    PdfMaps => "Strategie- en netwerkkaart", "Strategy and network maps";
    ExportMaps => "Strategie- en netwerkkaart…", "Strategy and network maps…";
    NoMapsYet => "een kaart met iets erop", "a map with something on it";
    CardWifi => "Wifi-netwerk:", "Wi-Fi network:";
    CardHow => "Scan de code met de camera van uw telefoon, op het netwerk van de zaal. Met deze kaart stemt alleen uw partij; geef haar niet door.", "Scan the code with your phone's camera, on the room's network. Only your party votes with this card; do not pass it on.";
    CardLink => "Of typ dit adres:", "Or type this address:";
    RoundBallotOverride => "{party} gaf dit standpunt zelf met de stemkaart. Wat u nu vastlegt, is een correctie: geef de reden.", "{party} gave this stance itself, using its ballot card. What you record now is a correction: give the reason.";
    DecisionChannels => "Binnengekomen: {list}", "Received: {list}";
    OpenRound => "Ronde openen", "Open round";
    Opened => "geopend", "opened";
    History => "Geschiedenis:", "History:";
    Stances => "Standpunten", "Stances";
    NotYet => "nog niet", "not yet";
    HasVoted => "heeft gestemd", "has voted";
    RoomCastOf => "gestemd in {cast} van {n} open rondes", "voted in {cast} of {n} open rounds";
    LateParties => "Later toegetreden, geen stem in deze ronde: {names}", "Joined later, no vote in this round: {names}";
    EnterStance => "Standpunt vastleggen", "Record a stance";
    StanceOf => "Standpunt van", "Stance of";
    Via => "Via", "Via";
    ViaDelegate => "de afgevaardigde", "the delegate";
    ViaRoom => "in de zaal", "in the room";
    ViaPhone => "telefonisch", "by phone";
    Reason => "Reden", "Reason";
    ReasonRequired => "Een veto of bezwaar heeft een reden nodig.", "A veto or objection needs a reason.";
    ReasonOptional => "Toelichting (mag leeg)", "Explanation (optional)";
    EnteredBy => "Ingevoerd door", "Entered by";
    EnteredByHint => "Ingevoerd door (naam)", "Entered by (name)";
    Facilitator => "Procesbegeleider", "Facilitator";
    RecordStance => "Vastleggen", "Record";
    Outcome => "Uitkomst", "Outcome";
    OutcomeHidden => "Verborgen tot u de standpunten toont.", "Hidden until you reveal the stances.";
    OutcomeWaiting => "Wacht nog op: {names}", "Still waiting for: {names}";
    OutcomeBlocked => "Geblokkeerd door: {names}. Pas het voorstel aan en houd een nieuwe ronde.", "Blocked by: {names}. Amend the proposal and hold a new round.";
    OutcomeAdoptable => "Iedereen stemde, niemand blokkeert: het voorstel kan worden aangenomen.", "Everyone voted, nobody blocks: the proposal can be adopted.";
    OutcomeReservations => "Kan worden aangenomen; met bedenkingen van {names} (lees die terug).", "Can be adopted, with reservations from {names} (read them out).";
    OutcomeAdopted => "Aangenomen.", "Adopted.";
    Decided => "Besloten op", "Decided on";
    Adopt => "Aannemen", "Adopt";
    Park => "Parkeren", "Park";
    Withdraw => "Intrekken", "Withdraw";
    Amendment => "Aangepast voorstel", "Amended proposal";
    AmendAndRerun => "Aanpassen en opnieuw stemmen", "Amend and vote again";
    RoundOpen => "Open", "Open";
    RoundAdopted => "Aangenomen", "Adopted";
    RoundAmended => "Aangepast", "Amended";
    RoundParked => "Geparkeerd", "Parked";
    RoundWithdrawn => "Ingetrokken", "Withdrawn";
    G1 => "1 · Van harte eens", "1 · Whole-hearted endorsement";
    G2 => "2 · Eens, met een klein punt", "2 · Agreement with a minor point";
    G3 => "3 · Steun met bedenkingen", "3 · Support with reservations";
    G4 => "4 · Onthouding", "4 · Abstain";
    G5 => "5 · Meer bespreking nodig", "5 · More discussion needed";
    G6 => "6 · Niet mijn voorkeur, wel steun", "6 · Don't like it but will support";
    G7 => "7 · Ernstig oneens", "7 · Serious disagreement";
    G8 => "8 · Veto", "8 · Veto";
    ConsentYes => "Instemming", "Consent";
    ConsentNo => "Bezwaar", "Objection";
    Fist => "{n} vinger|{n} vingers", "{n} finger|{n} fingers";
    FistZero => "Vuist (blokkeert)", "Fist (blocks)";
    DecisionsIntro => "Wat de alliantie besloot, wanneer, in welke ronde, met welke standpunten, en welke bezwaren eraan voorafgingen.",
        "What the alliance decided, when, in which round, with which stances, and which objections came before.";
    NoDecisions => "Nog geen besluiten.", "No decisions yet.";
    AfterObjections => "Na eerdere rondes:", "After earlier rounds:";
    // Meetings
    NavDocsGroup => "Overleg en convenant", "Meetings and covenant";
    NavMeetings => "Overleggen", "Meetings";
    MeetingsIntro => "Plan en bereid overleggen voor; schrijf per punt een verslag dat het onderwerp een stap verder brengt, zodat het volgende overleg vanuit consensus kan beginnen.",
        "Plan and prepare meetings; per item, write minutes that take the topic one step further, so the next meeting can start from consensus.";
    NewMeeting => "Nieuw overleg", "New meeting";
    NoMeetings => "Nog geen overleggen.", "No meetings yet.";
    Body => "Gremium", "Body";
    StartTime => "Begintijd", "Start time";
    EndTime => "Eindtijd", "End time";
    Place => "Plaats", "Place";
    ExportIcs => "Uitnodiging opslaan (.ics)…", "Save invitation (.ics)…";
    IcsNeedsDate => "Geef het overleg eerst een datum.", "Give the meeting a date first.";
    IcsSaved => "De uitnodiging is opgeslagen in {path}.", "The invitation was saved in {path}.";
    DeleteMeeting => "Overleg verwijderen", "Delete meeting";
    Attendance => "Aanwezig", "Attendance";
    PartiesPresent => "Partijen aan tafel: {n} van {total}", "Parties at the table: {n} of {total}";
    MeetingAgenda => "Agenda en verslag", "Agenda and minutes";
    AddSlot => "Agendapunt", "Agenda item";
    NewSlot => "Nieuw agendapunt", "New agenda item";
    SlotTitle => "Titel van agendapunt {n}", "Title of agenda item {n}";
    SlotLinkOf => "Koppeling van agendapunt {n}", "Link of agenda item {n}";
    RemoveSlot => "Verwijder agendapunt {n}", "Remove agenda item {n}";
    LinkNone => "Geen koppeling", "No link";
    Decision => "Besluit", "Decision";
    Background => "Achtergrond", "Background";
    Minutes => "Verslag", "Minutes";
    NextStep => "Volgende stap", "Next step";
    Slot => "punt", "item";
    Actions => "Acties", "Actions";
    ActionsHint => "Open acties lopen door tot ze af zijn. Vink af wat gedaan is.", "Open actions are carried forward until they are done. Tick off what has been done.";
    ActionHint => "Wat moet er gebeuren?", "What needs doing?";
    NewAction => "Nieuwe actie", "New action";
    Who => "Wie", "Who";
    // Covenant
    NavCovenant => "Convenant", "Covenant";
    CovenantIntro => "Het convenant in versies. Een versie ligt vast zodra een consensusronde haar aanneemt; haar vingerafdruk staat dan op elke pagina, zodat een getekend exemplaar te herleiden is tot wat besloten werd.",
        "The covenant in versions. A version is frozen once a consensus round adopts it; its fingerprint is then printed on every page, so a signed copy can be matched to what was decided.";
    NewVersion => "Nieuwe versie", "New version";
    NewVersionHint => "Een nieuwe conceptversie: een kopie van de laatste, of opgesteld uit het register als er nog geen is.", "A new draft version: a copy of the latest, or drafted from the register when there is none.";
    NoCovenant => "Nog geen convenant. Begin met \u{201c}Nieuwe versie\u{201d}: de artikelen worden opgesteld uit het register.", "No covenant yet. Start with \u{201c}New version\u{201d}: the clauses are drafted from the register.";
    Frozen => "vastgesteld", "adopted";
    Draft => "concept", "draft";
    CovenantTitle => "Titel van het convenant", "Title of the covenant";
    FrozenOn => "Aangenomen en vastgelegd op {date}; deze versie verandert niet meer.", "Adopted and frozen on {date}; this version can no longer be changed.";
    PdfFrozenOn => "Aangenomen en vastgelegd op {date}.", "Adopted and frozen on {date}.";
    Fingerprint => "Vingerafdruk", "Fingerprint";
    FingerprintMismatch => "Let op: de tekst komt niet meer overeen met de vingerafdruk.", "Note: the text no longer matches the fingerprint.";
    DraftHint => "Concept: pas de artikelen aan en leg de versie voor in een consensusronde.", "Draft: edit the clauses and put the version to a consensus round.";
    PdfCovenantDraft => "Concept — nog niet vastgesteld", "Draft — not yet adopted";
    ClauseHeading => "Kop van artikel {n}", "Heading of clause {n}";
    ClauseText => "Tekst van artikel {n}", "Text of clause {n}";
    Honours => "Honoreert:", "Honours:";
    AddClause => "Artikel toevoegen", "Add clause";
    NewClause => "Nieuw artikel", "New clause";
    Signatures => "Ondertekening", "Signatures";
    SignedCount => "{n} van {total} partijen heeft getekend.|{n} van {total} partijen hebben getekend.", "{n} of {total} parties has signed.|{n} of {total} parties have signed.";
    Signatory => "Ondertekenaar", "Signatory";
    SignatureLine => "Handtekening", "Signature";
    Signed => "Getekend", "Signed";
    SignatureWithdrawn => "Ingetrokken op {date}: {reason}", "Withdrawn on {date}: {reason}";
    WithdrawReason => "Waarom wordt de handtekening ingetrokken?", "Why is the signature withdrawn?";
    WithdrawSignature => "Handtekening intrekken", "Withdraw signature";
    WithdrawHint => "Een gezette handtekening ligt vast; intrekken kan alleen met een reden, en blijft zichtbaar.", "Once given, a signature is on the record; it can only be withdrawn with a reason, which stays visible.";
    // PDF documents
    ExportPack => "Vergaderstukken opslaan (PDF)…", "Save meeting pack (PDF)…";
    ExportMinutes => "Verslag opslaan (PDF)…", "Save minutes (PDF)…";
    ExportCovenant => "Convenant opslaan (PDF)…", "Save covenant (PDF)…";
    ExportCovenantDraft => "Concept opslaan (PDF)…", "Save draft (PDF)…";
    ExportIntake => "Intakesamenvatting opslaan (PDF, vertrouwelijk)…", "Save intake summary (PDF, confidential)…";
    MenuExportPdf => "PDF opslaan", "Save as PDF";
    PdfSaved => "{document} is opgeslagen in {path}.", "{document} was saved in {path}.";
    PdfNothing => "Er is nog niets om op te slaan: {what}.", "There is nothing to save yet: {what}.";
    NoMeetingYet => "nog geen overleg", "no meeting yet";
    NoCovenantYet => "nog geen convenant", "no covenant yet";
    Due => "Uiterlijk", "Due";
    PdfPack => "Vergaderstukken", "Meeting pack";
    PdfAgenda => "Agenda", "Agenda";
    PdfNoSlots => "Nog geen agendapunten.", "No agenda items yet.";
    PdfToDecide => "Ter besluitvorming", "For decision";
    PdfProposals => "Voorstellen die nog open staan", "Proposals still open";
    PdfNoProposals => "Er staan geen voorstellen open.", "No proposals are open.";
    PdfWaitingFor => "Nog geen standpunt van:", "No stance yet from:";
    PdfNoRules => "Nog geen spelregels.", "No ground rules yet.";
    PdfFocalPoints => "Zwaartepunten", "Focus areas";
    PdfItems => "wensen", "wishes";
    PdfOpenActions => "Openstaande acties", "Open actions";
    PdfNoActions => "Geen acties.", "No actions.";
    PdfWhat => "Wat", "What";
    PdfAgreedAt => "Afgesproken in", "Agreed at";
    PdfSeeStrategy => "Zie de strategiekaart in de bijlage.", "See the strategy map in the appendix.";
    PdfSeeNetwork => "Zie de netwerkkaart in de bijlage.", "See the network map in the appendix.";
    PdfStrategyHint => "Doelen en initiatieven per laag, met hun eigenaren; pijlen lopen van oorzaak naar gevolg.", "Objectives and initiatives by perspective, with their owners; arrows run from cause to effect.";
    PdfNetworkHint => "De partijen en de opdrachtgever; grotere cirkels verbinden meer partijen met elkaar.", "The parties and the commissioner; larger circles connect more parties to each other.";
    PdfNoMap => "Deze kaart is nog leeg.", "This map is still empty.";
    PdfPresent => "Aanwezig", "Present";
    PdfAbsent => "Afwezig", "Absent";
    PdfParties => "Partijen", "Parties";
    PdfNoMinutes => "Geen verslag bij dit punt.", "No minutes for this item.";
    PdfAdoptedOn => "aangenomen op {date}", "adopted on {date}";
    PdfDecidedOn => "Besloten op {date}", "Decided on {date}";
    PdfDecidedHere => "Besloten in dit overleg", "Decided at this meeting";
    PdfPartiesAtTable => "{n} van de {total} partijen in dit gremium aan tafel", "{n} of the {total} parties in this body at the table";
    PdfAgreedActions => "Afgesproken acties", "Actions agreed";
    PdfCarriedActions => "Acties uit eerdere overleggen die nog lopen", "Actions carried forward from earlier meetings";
    PdfIntakeSummary => "Samenvatting van de intakegesprekken", "Summary of the intake interviews";
    PdfConfidential => "VERTROUWELIJK — alleen voor de procesbegeleider", "CONFIDENTIAL — for the facilitator only";
    PdfConfidentialHint => "Dit document bevat vertrouwelijke antwoorden en eigen notities. Deel het niet met de partijen; deel wat gedeeld mag worden via de vergaderstukken.", "This document holds confidential answers and the facilitator's own notes. Do not share it with the parties; share what may be shared through the meeting pack.";
    PdfFacilitator => "Procesbegeleider", "Facilitator";
    PdfWhereStands => "Waar elke partij staat", "Where every party stands";
    PdfParty => "Partij", "Party";
    PdfSelection => "Verslag van de selectie", "Selection report";
    PdfSelectionTitle => "Selectie voor {body} — loting van {date}", "Selection for {body} — draw of {date}";
    PdfSelectionIntro => "{body} heeft {seats} zetels voor partijen. Dit verslag legt vast wat vooraf vaststond, welk toeval de zaal inbracht, hoe daaruit is geloot en wie er gekozen is, zodat elke partij — gekozen of niet — kan nagaan dat het eerlijk ging.", "{body} has {seats} seats held by parties. This report records what was fixed beforehand, the randomness the room brought in, how the draw was made from it and who was chosen, so that every party — chosen or not — can check it was fair.";
    PdfSelectionInputs => "Vooraf vastgesteld", "Fixed beforehand";
    PdfNoQuotas => "Geen quota: elke kandidaat heeft dezelfde kans.", "No quotas: every candidate has the same chance.";
    PdfSelectionRandomness => "Toeval uit de zaal", "The room's randomness";
    PdfSelectionDice => "Partijen in de zaal gooiden deze worpen, in deze volgorde:", "Parties in the room rolled these dice, in this order:";
    PdfSelectionSeedHow => "Het zaad is de SHA-256 van de tekst achteraan dit verslag: de regel, de zetels, de kandidaten met hun kenmerken, wie blijft, wie overslaat, de quota en de worpen. Wie één worp of één kandidaat verandert, krijgt een ander zaad.", "The seed is the SHA-256 of the text at the end of this report: the rule, the seats, the candidates with their features, who continues, who sits out, the quotas and the dice. Change one die or one candidate and the seed changes.";
    PdfSelectionMethod => "Methode", "Method";
    PdfSelectionMethodText => "{method}: het quota-vullende algoritme dat de Sortition Foundation als ‘legacy’ gebruikt, deterministisch gemaakt. Zolang een quotum niet gehaald is, kiest het de waarde die het moeilijkst te halen is en trekt daaruit een kandidaat met een getal uit het zaad (SHA-256 in tellermodus, zonder voorkeur voor lage nummers); daarna trekt het uit alle overgebleven kandidaten. Het trekt nooit een kandidaat die een maximum zou overschrijden of de rest onhaalbaar zou maken. Gegarandeerd: als een selectie bestaat die aan alle quota voldoet, voldoet deze loting eraan; dezelfde invoer geeft altijd dezelfde zetels. Niet gegarandeerd: dat elke kandidaat precies even veel kans heeft (dat voegt het LEXIMIN-algoritme van Flanigan e.a., Nature 2021, toe).", "{method}: the quota-filling algorithm the Sortition Foundation calls ‘legacy’, made deterministic. While a quota is unmet it picks the value hardest to meet and draws a candidate having it with a number from the seed (SHA-256 in counter mode, with no bias towards low numbers); then it draws from all remaining candidates. It never draws a candidate who would break a maximum or make the rest impossible. Guaranteed: if any selection meets every quota, this draw does; the same inputs always give the same seats. Not guaranteed: that every candidate has exactly the same chance (that is what the LEXIMIN algorithm of Flanigan et al., Nature 2021, adds).";
    PdfSelectionOutcome => "Uitkomst", "Outcome";
    PdfTerm => "Termijn", "Term";
    PdfSelectionCheck => "Controle", "Check";
    PdfCheckedOn => "nagerekend op {date}", "recomputed on {date}";
    PdfSelectionVerify => "Zelf nagaan: samenspel seats verify BESTAND --body \"{body}\" rekent de loting na uit de vastgelegde invoer; of bereken de SHA-256 van de tekst hieronder, zonder kop- en voetregels van de pagina's: een ingesprongen regel hoort met één spatie bij de regel erboven, en elke regel eindigt op een regelovergang, ook de laatste.", "Check it yourself: samenspel seats verify FILE --body \"{body}\" recomputes the draw from the recorded inputs; or compute the SHA-256 of the text below, without the pages' headers and footers: an indented line belongs to the line above, joined by one space, and every line ends with a line feed, the last one too.";
    PdfCanonical => "De invoer zoals gehasht", "The input as hashed";
    PdfTermStaggered => "Een termijn duurt {years} jaar; bij deze eerste loting krijgt elke tweede zetel een eerste termijn van 1 jaar, zodat elk jaar een deel van de tafel rouleert.|Een termijn duurt {years} jaar; bij deze eerste loting krijgt elke tweede zetel een eerste termijn van {n} jaar, zodat elk jaar een deel van de tafel rouleert.", "A term lasts {years} years; in this first draw every second seat gets a shorter first term of 1 year, so that part of the table rotates each year.|A term lasts {years} years; in this first draw every second seat gets a shorter first term of {n} years, so that part of the table rotates each year.";
    PdfTermFull => "Een termijn duurt 1 jaar.|Een termijn duurt {n} jaar.", "A term lasts 1 year.|A term lasts {n} years.";
    ExportTableDecisions => "Wat de tafel besloot (PDF)", "What the table decided (PDF)";
    ExportTableDecisionsHint => "Een kort overzicht voor alle partijen van het netwerk: wie aan tafel zit en wat de tafel besloot.", "A short overview for every party in the network: who sits at the table and what the table decided.";
    PdfTableDecided => "Wat {body} besloot", "What {body} decided";
    PdfTableDecidedIntro => "{body} besluit namens het netwerk. Dit overzicht gaat naar alle {n} partijen: wie er aan tafel zit en wat er aan tafel besloten is.", "{body} decides on behalf of the network. This overview goes to all {n} parties: who sits at the table and what the table decided.";
    PdfWhoSits => "Aan tafel", "At the table";
    PdfNoSeats => "Er zijn nu geen zetels bezet.", "No seats are taken now.";
    PdfSitter => "Zit er voor", "Represented by";
    PdfHow => "Hoe", "How";
    PdfDecisionsOfTable => "Besluiten", "Decisions";
    PdfNoTableRounds => "Er is nog geen ronde aan deze tafel voorgelegd.", "No round has been put to this table yet.";
    PdfStillOpen => "nog open", "still open";
    PdfVotedBy => "Stemgerechtigd", "Voting parties";
    PdfInterviews => "Gesprekken", "Interviews";
    PdfScore => "Cijfer", "Score";
    PdfStance => "Standpunt", "Stance";
    PdfOpenNeeds => "Open behoeften", "Open needs";
    PdfNoInterview => "Nog geen gesprek met deze partij.", "No interview with this party yet.";
    PdfInterview => "Gesprek", "Interview";
    PdfNotes => "Notities van de procesbegeleider", "Facilitator's notes";
    // Presentation mode
    SlideRoute => "De route", "The route";
    SlideFunnel => "Agenda: van veel wensen naar een paar zwaartepunten", "Agenda: from many wishes to a few focus areas";
    SlideRound => "Consensusronde", "Consensus round";
    SlideParties => "{n} partij, met één stem|{n} partijen, elk met één gelijke stem", "{n} party, with one vote|{n} parties, each with one equal vote";
    SlideTerm => "Looptijd", "Term";
    SlideMore => "en nog {n}", "and {n} more";
    SlideItems => "{items} wensen van {parties} partijen", "{items} wishes from {parties} parties";
    SlideUnclustered => "Nog niet ingedeeld: {n}", "Not yet clustered: {n}";
    SlideCast => "heeft een standpunt", "has voted";
    SlideWaiting => "nog geen standpunt", "no stance yet";
    SlideStillWaiting => "Nog {n} van {total} partijen zonder standpunt.", "Still waiting for {n} of {total} parties.";
    SlideReady => "Iedereen heeft een standpunt. De standpunten worden tegelijk getoond.", "Every party has voted. All stances will be shown at the same time.";
    SlideAdoptable => "Niemand blokkeert: het voorstel kan worden aangenomen.", "Nobody blocks: the proposal can be adopted.";
    SlideReservations => "met bedenkingen: {parties}", "with reservations: {parties}";
    SlideBlocked => "Geblokkeerd door {parties}: aanpassen en opnieuw stemmen.", "Blocked by {parties}: amend and vote again.";
    PresentSecond => "Presenteren op tweede scherm", "Present on a second screen";
    PresentHere => "Presenteren op dit scherm", "Present on this screen";
    PresentStop => "Stoppen (Esc)", "Stop (Esc)";
    PresentBlank => "Scherm leeg (B)", "Blank screen (B)";
    PresentUnblank => "Scherm weer tonen (B)", "Show the screen again (B)";
    ThemeLight => "Licht thema", "Light theme";
    ThemeDark => "Donker thema", "Dark theme";
    PresentScreen => "Scherm {n}", "Screen {n}";
    PresentFullscreen => "Volledig scherm (F)", "Full screen (F)";
    PresentWindowTitle => "Samenspel — presentatie", "Samenspel — presentation";
    PresentHint => "Bladeren: PgDn / PgUp of de pijltjes · B: scherm leeg · T: licht of donker · Esc: stoppen. Het scherm toont alleen wat gedeeld mag worden.", "Navigate: PgDn / PgUp or the arrow keys · B: blank screen · T: light or dark · Esc: stop. The screen shows only what may be shared.";
    PresentSlide => "Dia", "Slide";
    PresentPrevious => "Vorige", "Previous";
    PresentNext => "Volgende", "Next";
    // Errors
    ErrNotFound => "Het bestand {path} bestaat niet.", "The file {path} does not exist.";
    ErrIsFolder => "{path} is een map, geen alliantiebestand.", "{path} is a folder, not an alliance file.";
    ErrNotSqlite => "{path} is geen Samenspel-alliantie: het is geen databasebestand.", "{path} is not a Samenspel alliance: it is not a database file.";
    ErrForeign => "{path} is een database van een ander programma, geen Samenspel-alliantie.", "{path} is a database of another program, not a Samenspel alliance.";
    ErrTooNew => "{path} is gemaakt met een nieuwere Samenspel; installeer die versie om het te openen.", "{path} was made by a newer Samenspel; install that version to open it.";
    ErrReadOnlyFile => "{path} is alleen-lezen; maak het schrijfbaar, of open een kopie.", "{path} is read-only; make it writable, or open a copy of it.";
    ErrExists => "{path} bestaat al; Samenspel overschrijft geen bestanden, dus kies een andere naam.", "{path} already exists; Samenspel does not overwrite files, so choose another name.";
    ErrReadOnlySession => "Deze alliantie is open in een ander Samenspel-venster of bij de stemserver; hier kan niets worden gewijzigd.", "This alliance is open in another Samenspel window or held by the voting server; nothing can be changed here.";
    ErrLocked => "De vertrouwelijke teksten zijn vergrendeld; ontgrendel de alliantie eerst met haar wachtwoordzin.", "The confidential texts are locked; unlock the alliance with its passphrase first.";
    ErrWrongPassphrase => "Die wachtwoordzin hoort niet bij deze alliantie.", "That passphrase is not right for this alliance.";
    ErrPassphraseShort => "Een wachtwoordzin heeft minstens 8 tekens.", "A passphrase needs at least 8 characters.";
    ErrPassphraseMismatch => "De twee wachtwoordzinnen zijn niet gelijk.", "The two passphrases are not the same.";
    ErrLockDamaged => "Het slot van dit bestand is beschadigd: de gegevens ervan zijn onbruikbaar.", "The lock of this file is damaged: its parameters cannot be used.";
    LockedTitle => "Vertrouwelijke teksten vergrendeld", "Confidential texts locked";
    LockedBody => "De intakes en de andere vertrouwelijke teksten van deze alliantie zijn versleuteld. Typ de wachtwoordzin om ze te zien; de rest van Samenspel werkt ook zonder.", "The intakes and the other confidential texts of this alliance are encrypted. Type the passphrase to see them; the rest of Samenspel works without it.";
    Passphrase => "Wachtwoordzin", "Passphrase";
    Unlock => "Ontgrendelen", "Unlock";
    LockNow => "Vergrendelen", "Lock";
    SetPassphrase => "Wachtwoordzin instellen…", "Set a passphrase…";
    ChangePassphrase => "Wachtwoordzin wijzigen…", "Change the passphrase…";
    PruneHistory => "Oude geschiedenis vergeten…", "Clear old history…";
    PruneOlderThan => "ouder dan {n} maand|ouder dan {n} maanden", "older than {n} month|older than {n} months";
    MonthsCount => "{n} maand|{n} maanden", "{n} month|{n} months";
    PruneWhat => "{n} stap van meer dan {months} geleden wordt vergeten: die kan niet meer ongedaan worden gemaakt, en de teksten erin zijn daarna echt uit het bestand.|{n} stappen van meer dan {months} geleden worden vergeten: die kunnen niet meer ongedaan worden gemaakt, en de teksten erin zijn daarna echt uit het bestand.", "{n} step from more than {months} ago will be forgotten: it can no longer be undone, and the texts in it are then really gone from the file.|{n} steps from more than {months} ago will be forgotten: they can no longer be undone, and the texts in them are then really gone from the file.";
    PruneButton => "Vergeten", "Forget";
    PruneDone => "{n} oude stap vergeten.|{n} oude stappen vergeten.", "{n} old step forgotten.|{n} old steps forgotten.";
    SetButton => "Instellen", "Set";
    ChangeButton => "Wijzigen", "Change";
    NewPassphrase => "Nieuwe wachtwoordzin", "New passphrase";
    RepeatPassphrase => "Herhaal de wachtwoordzin", "Repeat the passphrase";
    PassphraseIntro => "Met een wachtwoordzin worden de intakes, de notities en de andere vertrouwelijke teksten versleuteld in het bestand bewaard. De rest van de alliantie blijft zonder wachtwoordzin te gebruiken, ook in de presentatie.", "With a passphrase, the intakes, the notes and the other confidential texts are kept encrypted in the file. The rest of the alliance can be used without it, including in presentation mode.";
    PassphraseWarning => "Wie de wachtwoordzin vergeet, is de vertrouwelijke teksten kwijt: niemand kan ze dan nog lezen, ook Samenspel niet. Bewaar hem op een veilige plek.", "Whoever forgets the passphrase loses the confidential texts: nobody can read them then, Samenspel neither. Keep it in a safe place.";
    PassphraseSet => "Wachtwoordzin ingesteld: de vertrouwelijke teksten zijn versleuteld.", "Passphrase set: the confidential texts are encrypted.";
    PassphraseSetBackups => "Wachtwoordzin ingesteld. De oudere reservekopieën, waarin de teksten nog leesbaar stonden, zijn verwijderd: {files}.", "Passphrase set. The older backups, in which the texts could still be read, have been removed: {files}.";
    LockedStatus => "Vertrouwelijk: vergrendeld", "Confidential: locked";
    UnlockedStatus => "Vertrouwelijk: ontgrendeld", "Confidential: unlocked";
    AutoLock => "Vanzelf vergrendelen", "Lock automatically";
    AutoLockAfter => "na {n} minuut stilte|na {n} minuten stilte", "after {n} minute of inactivity|after {n} minutes of inactivity";
    AutoLockNever => "nooit", "never";
    LockedField => "Vergrendeld: ontgrendel om dit te zien", "Locked: unlock to see this";
    ErrOther => "Er ging iets mis: {detail}", "Something went wrong: {detail}";
    ErrCannotWriteNow => "Het alliantiebestand kan nu niet worden gewijzigd:", "The alliance file cannot be changed now:";
    FullDiskBanner => "De schijf waarop dit bestand staat is vol: Samenspel kan het nu alleen lezen. Maak ruimte vrij en open het opnieuw om het te wijzigen.", "The disk this file is stored on is full: Samenspel can only read it for now. Free up some space, then open it again to make changes.";
    NotDonePassphrase => "De wachtwoordzin is niet ingesteld en er is niets veranderd:", "The passphrase was not set, and nothing changed:";
    NotDonePrune => "Er zijn geen stappen vergeten en er is niets veranderd:", "No undo steps were forgotten, and nothing changed:";
    ErrCannotMake => "{path} is niet gemaakt, en er bleef niets achter: {why}", "{path} was not made, and nothing was left behind: {why}";
    CauseInUse => "een ander programma gebruikt het bestand.", "another program is using the file.";
    CauseDiskFull => "de schijf is vol.", "the disk is full.";
    CauseCannotWrite => "de schijf of map kan niet worden beschreven (vol, alleen-lezen of weg?).", "the disk or folder cannot be written (is it full, read-only or gone?).";
    ErrOlderVersion => "{path} is van een oudere bestandsversie; open het eenmaal in het venster van Samenspel om het bij te werken, en probeer het dan opnieuw.", "{path} uses an older file format; open it once in the Samenspel window to update it, then try again.";
    ErrIoFailure => "Het alliantiebestand kon niet worden gelezen of geschreven: is de schijf vol, of is hij weg?", "The alliance file could not be read or written: is the disk full, or was it removed?";
    ErrInUse => "Een ander programma gebruikt het alliantiebestand nu; probeer het zo opnieuw.", "Another program is using the alliance file right now; try again in a moment.";
    ErrDatabase => "Het alliantiebestand kon niet worden gelezen of geschreven zoals verwacht (foutcode {code}).", "The alliance file could not be read or written as expected (code {code}).";
    ErrDatabasePlain => "Het alliantiebestand kon niet worden gelezen of geschreven zoals verwacht.", "The alliance file could not be read or written as expected.";
    HalfPassphrase => "De wachtwoordzin is ingesteld, maar het bestand kon nog niet zonder zijn oude pagina's worden herschreven:", "The passphrase is set, but the file could not yet be rewritten without its old pages:";
    HalfPruned => "{n} stap is vergeten, maar het bestand kon nog niet zonder de oude pagina's worden herschreven:|{n} stappen zijn vergeten, maar het bestand kon nog niet zonder de oude pagina's worden herschreven:", "{n} undo step is forgotten, but the file could not yet be rewritten without its old pages:|{n} undo steps are forgotten, but the file could not yet be rewritten without their old pages:";
    HalfInUse => "een ander programma gebruikt het bestand. Samenspel maakt het af zodra het bestand weer wordt geopend.", "another program is using the file. Samenspel finishes it the next time the file is opened.";
    HalfDiskFull => "de schijf is vol. Samenspel maakt het af zodra het bestand weer wordt geopend.", "the disk is full. Samenspel finishes it the next time the file is opened.";
    HalfCannotWrite => "het bestand kan nu niet worden geschreven. Samenspel maakt het af zodra het bestand weer wordt geopend.", "the file cannot be written right now. Samenspel finishes it the next time the file is opened.";
    RecordAbsent => "Ontbrekende partijen als afwezig vastleggen", "Record the missing parties as absent";
    RecordAbsentHint => "Daarna kan de ronde zonder hen worden getoond en besloten. Dit wordt vastgelegd; Ctrl+Z maakt het ongedaan.", "The round can then be revealed and decided without them. This is recorded; Ctrl+Z undoes it.";
    AbsentRecorded => "Als afwezig vastgelegd: {names}", "Recorded as absent: {names}";
    Absent => "afwezig", "absent";
    CorrectStance => "Standpunt corrigeren", "Correct a stance";
    CorrectStanceIntro => "Na het tonen ligt elk standpunt vast. Een correctie (verkeerd verstaan, een partij die terugbelt) krijgt een reden en blijft zichtbaar in de ronde en de besluitenlijst.", "Once revealed, every stance is fixed. A correction (a stance misheard, a party ringing back) needs a reason and stays visible in the round and in the decision log.";
    CorrectionReason => "Reden van de correctie", "Reason for the correction";
    CorrectionReasonHint => "verplicht: waarom verandert dit standpunt?", "required: why is this stance being changed?";
    Corrected => "Gecorrigeerd van {from} naar {to}: “{reason}” ({by}, {when})", "Corrected from {from} to {to}: “{reason}” ({by}, {when})";
    ApplyCorrection => "Correctie vastleggen", "Record the correction";
    NewValue => "Nieuw standpunt", "New stance";
    // The texts a new alliance starts with (the seeds' guide, lanes and
    // starter rules), in the alliance's language.
    SlideEmptyMap => "Er staat nog niets op de strategiekaart.", "There is nothing on the strategy map yet.";
    DoublingNeedsBoth => "Zodra er een managementteam en een stuurgroep zijn, ziet u hier wie in allebei zit.", "Once there is a management team and a steering group, this shows who sits in both.";
    ChoosePartyAndStance => "Kies een partij en een standpunt om vast te leggen.", "Choose a party and a stance to record.";
    EditConflict => "Dit is intussen elders gewijzigd; lees het bestand opnieuw in en probeer het nog eens.", "This was changed elsewhere in the meantime; reload the file and try again.";
    EditMissing => "Dit verwijst naar iets dat niet (meer) bestaat.", "This refers to something that does not exist (any more).";
    EditDuplicate => "Dit bestaat al.", "This already exists.";
    EditInUse => "Dit kan niet weg: er verwijst nog iets naar.", "This cannot be removed: something still refers to it.";
    EditDuplicateSeat => "Deze persoon heeft al een zetel in dit gremium.", "This person already has a seat in this body.";
    EditDuplicateAnswer => "Dit gesprek beantwoordt die vraag al.", "This interview already answers that question.";
    EditScoreOutOfRange => "Een cijfer loopt van 1 tot 10.", "A score runs from 1 to 10.";
    EditComfortFromItself => "Een partij kan geen comfort van zichzelf nodig hebben.", "A party cannot need comfort from itself.";
    EditSelfLink => "Een pijl of relatie heeft twee verschillende uiteinden nodig.", "An arrow or relation needs two different ends.";
    EditDuplicateLink => "Die pijl of relatie bestaat al.", "That arrow or relation is already there.";
    EditStrengthOutOfRange => "De sterkte van een relatie loopt van 1 tot 3.", "A relation's strength runs from 1 to 3.";
    EditTooManyDots => "Deze partij heeft in deze ronde geen stippen meer ({n} per partij).", "This party has no dots left in this round ({n} each).";
    EditOffTheScale => "Die waarde staat niet op de schaal.", "That value is not on the scale.";
    EditReasonRequired => "Een veto of bezwaar heeft een reden nodig.", "A veto or objection needs a reason.";
    EditRoundClosed => "Deze ronde is gesloten; de standpunten veranderen niet meer.", "This round is closed; its stances can no longer be changed.";
    EditNotAVoter => "Alleen een partij die in deze ronde stemt, kan een standpunt innemen.", "Only a party that votes in this round can give a stance.";
    EditFrozen => "Deze convenantversie is vastgesteld en ligt vast; maak een nieuwe versie om iets te veranderen.", "This covenant version was adopted and is frozen; draft a new version to change it.";
    EditNotAllCast => "Standpunten worden pas getoond als elke stemmende partij er een heeft of afwezig is vastgelegd.", "Stances can only be shown once every voting party has given one or has been recorded as absent.";
    EditStanceFrozen => "Een getoond standpunt ligt vast; corrigeer het met een reden.", "A revealed stance is fixed; correct it with a reason.";
    EditTooLong => "Die tekst is te lang: ten hoogste {n} tekens.", "That text is too long: at most {n} characters.";
    EditNotANumber => "Een plek op een kaart moet een getal zijn.", "A position on a map must be a number.";
    EditEndsBeforeStart => "Een termijn kan niet eindigen voordat hij begint.", "A term cannot end before it starts.";
    EditDuplicateTableSeat => "Die partij heeft in die periode al een zetel aan deze tafel.", "That party already holds a seat at this table in that period.";
    EditDrawMade => "Deze loting is gedaan en vastgelegd; maak haar ongedaan om iets te veranderen.", "This draw was made and is on record; undo it to change anything.";
    EditDrawFixed => "De invoer van deze loting is vastgezet en getoond; alleen worpen kunnen erbij.", "This draw's inputs were fixed and shown; only dice can be added.";
    EditQuotaRange => "Het quotum voor ‘{value}’ vraagt minimaal meer zetels dan maximaal.", "The quota for ‘{value}’ has a minimum higher than its maximum.";
    EditNotDecided => "Een spelregel wordt alleen vastgesteld in een consensusronde.", "A ground rule is adopted only by a consensus round.";
    ErrDamaged => "Het alliantiebestand is beschadigd; open een reservekopie of exporteer wat nog leesbaar is.", "The alliance file is damaged; open a backup, or export what can still be read.";
    ErrIo => "{path} kon niet worden gelezen of geschreven.", "{path} could not be read or written.";
    ErrDiskFull => "De schijf is vol; uw laatste wijziging is niet bewaard, alle eerdere wel.", "The disk is full; your last change was not saved, but everything before it was.";
    // The clauses of a drafted covenant, in the alliance's language.
    DraftClause1 => "Dit convenant loopt van {s} tot en met {e} ({m} maanden).", "This covenant runs from {s} to {e} inclusive ({m} months).";
    DraftClause2 => "Dit convenant loopt van {s} tot en met {e}.", "This covenant runs from {s} to {e} inclusive.";
    DraftClause3 => "Dit convenant wordt aangegaan door:\n{parties}", "This covenant is entered into by:\n{parties}";
    DraftClause4 => "De samenwerking kent de volgende gremia:\n{bodies}", "The alliance has the following governance bodies:\n{bodies}";
    DraftClause5 => "De looptijd wordt nog vastgesteld.", "The term has yet to be agreed.";
    DraftClause6 => "Partijen", "Parties";
    DraftClause7 => "Doel en gedeelde ambitie", "Purpose and shared ambition";
    DraftClause8 => "De gedeelde ambitie wordt nog beschreven.", "The shared ambition has yet to be set out.";
    DraftClause9 => "Looptijd", "Term";
    DraftClause10 => "Organisatie", "Governance";
    DraftClause11 => "Besluitvorming", "Decision-making";
    DraftClause12 => "Elke partij heeft een gelijke stem, ongeacht haar omvang. Besluiten worden bij consensus genomen. Elke partij kan op elk moment een veto uitspreken, met redenen; het voorstel wordt dan aangepast en opnieuw voorgelegd.", "Each party has an equal vote, whatever its size. Decisions are taken by consensus. Any party may exercise a veto at any time, stating its reasons; the proposal is then amended and put to the parties again.";
    DraftClause13 => "Spelregels", "Ground rules";
    DraftClause15 => "Zwaartepunten", "Focus areas";
    DraftClauseNoParties => "De partijen worden nog vastgelegd.", "The parties have yet to be named.";
    DraftClause17 => "Financiën", "Finances";
    DraftClause18 => "De partijen werken met één gezamenlijk, ongedeeld budget. De stuurgroep stelt jaarlijks de verdeling vast, bij consensus.", "The parties work from a single, pooled budget. Each year the steering group agrees its allocation by consensus.";
    DraftClause19 => "Geschillen, uittreden en toetreden", "Disputes, withdrawal and new parties";
    DraftClause20 => "Partijen zoeken elkaar eerst op als er problemen dreigen. Komen zij er niet uit, dan leggen zij het geschil voor aan de stuurgroep, met een onafhankelijke voorzitter. Een partij die wil uittreden, meldt dat zes maanden vooraf; de partijen spreken dan samen af hoe haar taken worden overgedragen. Een nieuwe partij treedt toe bij consensus.", "If problems arise, the parties first raise them with each other directly. If they cannot resolve a dispute, they refer it to the steering group, under an independent chair. A party wishing to withdraw from the alliance gives six months' notice; the parties then agree together how its responsibilities will be handed over. A new party may join by consensus.";
    HeldOn => "Gehouden op", "Held on";
    HeldOnDate => "gehouden op {date}", "held on {date}";
    CorrectedInRecord => "Standpunt van {party} gecorrigeerd van {from} naar {to} (gehouden op {date}): “{reason}”", "Stance of {party} corrected from {from} to {to} (held on {date}): “{reason}”";
    PdfAfterwards => "Correcties en opnieuw voorgelegde besluiten", "Corrections and reopened decisions";
    SignBeforeFrozenOn => "Deze versie werd vastgesteld op {date}: een handtekening kan niet eerder zijn.", "This version was frozen on {date}: a signature cannot be dated earlier.";
    SignInFuture => "Een handtekening kan niet later zijn dan vandaag ({date}).", "A signature cannot be dated later than today ({date}).";
    ReopenRound => "Opnieuw voorleggen", "Reopen the decision";
    ReopenIntro => "Een besluit verandert niet meer. Wie erop terug wil komen, legt het voorstel opnieuw voor in een nieuwe ronde, met een reden; het besluit blijft staan zoals de zaal het zag.", "A decision cannot be changed. To revisit it, put the proposal to a new round, giving a reason; the original decision stays as the room saw it.";
    ReopenReason => "Waarom opnieuw", "Reason for reopening";
    ReopenReasonHint => "Bijvoorbeeld: de gemeente kwam met nieuwe cijfers", "For example: the council brought new figures";
    ReopenBeforeDecision => "Een nieuwe ronde kan niet eerder zijn dan het besluit zelf, van {date}.", "A new round cannot be dated before the decision itself ({date}).";
    ReopenedOn => "Opnieuw voorgelegd op {date}: “{reason}”", "Reopened on {date}: “{reason}”";
    ReopensRound => "Legt het besluit van ronde #{n} ({date}) opnieuw voor: “{reason}”", "Reopens the decision of round #{n} ({date}): “{reason}”";
    CorrectionBeforeRound => "Een correctie kan niet eerder zijn dan de ronde zelf, gehouden op {date}.", "A correction cannot be dated before the round itself, held on {date}.";
    CheckinDate => "Datum van de check-in", "Date of the check-in";
    ProposeChange => "Wijziging voorstellen…", "Propose a change…";
    ProposeChangeHint => "Een vastgestelde regel verandert alleen via een nieuwe consensusronde; na vaststelling krijgt de regel de nieuwe tekst.", "An adopted rule changes only through a new consensus round; once adopted, the rule takes the new text.";
    OpenTitle => "Alliantie openen", "Open an alliance";
    NewTitle => "Nieuwe alliantie", "New alliance";
    NoNativeDialog => "Het bestandsvenster van uw computer is niet beschikbaar, dus kiest u hier. (Op Linux heeft Samenspel daarvoor de bestandskiezer van de desktop of zenity nodig.)", "Your computer's file dialog is not available, so choose here. (On Linux, Samenspel needs the desktop's file chooser or zenity for it.)";
    FilePath => "Bestand (volledig pad)", "File (full path)";
    Folder => "Map", "Folder";
    FileName => "Naam", "Name";
    WillCreate => "Wordt aangemaakt als {path}", "Will be created as {path}";
    OpenButton => "Openen", "Open";
    Create => "Aanmaken", "Create";
    SavedInDocuments => "Geen bestandsvenster beschikbaar: opgeslagen als {path}", "No file dialog available: saved as {path}";
    KindAlliance => "alliantiegegevens", "alliance details";
    KindParty => "partij|partijen", "party|parties";
    KindPerson => "persoon|mensen", "person|people";
    KindBody => "gremium|gremia", "body|bodies";
    KindMembership => "zetel|zetels", "seat|seats";
    KindQuestion => "vraag|vragen", "question|questions";
    KindInterview => "intakegesprek|intakegesprekken", "intake interview|intake interviews";
    KindAnswer => "antwoord|antwoorden", "answer|answers";
    KindComfort => "comfortbehoefte|comfortbehoeften", "comfort need|comfort needs";
    KindLane => "perspectief|perspectieven", "perspective|perspectives";
    KindMapNode => "kaartonderdeel|kaartonderdelen", "map item|map items";
    KindMapLink => "pijl|pijlen", "arrow|arrows";
    KindRelation => "relatie|relaties op de netwerkkaart", "relation|relations on the network map";
    KindPlacement => "plek op de netwerkkaart|plaatsen op de netwerkkaart", "place on the network map|places on the network map";
    KindAgendaItem => "wens|wensen", "wish|wishes";
    KindFocalPoint => "zwaartepunt|zwaartepunten", "focus area|focus areas";
    KindPriorityRound => "prioriteringsronde|prioriteringsrondes", "priority round|priority rounds";
    KindPriorityMark => "stip of score|stippen", "dot or score|dots and scores";
    KindSituation => "situatie|situaties", "situation|situations";
    KindGroundRule => "spelregel|spelregels", "ground rule|ground rules";
    KindCheckin => "check-in|check-ins op spelregels", "check-in|check-ins on ground rules";
    KindCheckinRound => "check-in via de telefoons|check-ins via de telefoons", "check-in from the phones|check-ins from the phones";
    KindRound => "consensusronde|consensusrondes", "consensus round|consensus rounds";
    KindVote => "standpunt|stemmen in consensusrondes", "stance|stances in consensus rounds";
    KindMeeting => "overleg|overleggen", "meeting|meetings";
    KindAgendaSlot => "agendapunt|agendapunten van overleggen", "agenda item|meeting agenda items";
    KindAttendance => "aanwezigheid|aanwezigheden", "attendance record|attendance records";
    KindAction => "actie|acties", "action|actions";
    KindCovenantVersion => "convenantversie|convenantversies", "covenant version|covenant versions";
    KindClause => "artikel|artikelen", "clause|clauses";
    KindSignature => "ondertekening|ondertekeningen", "signature|signatures";
    KindSeatDraw => "loting|lotingen", "draw|draws";
    KindTableSeat => "tafelzetel|tafelzetels", "table seat|table seats";
    StepAdded => "{kind} ‘{label}’ toegevoegd", "{kind} ‘{label}’ added";
    StepChanged => "{kind} ‘{label}’ gewijzigd", "{kind} ‘{label}’ changed";
    StepRemoved => "{kind} ‘{label}’ verwijderd", "{kind} ‘{label}’ removed";
    Undone => "Ongedaan gemaakt: {step}", "Undone: {step}";
    Redone => "Opnieuw gedaan: {step}", "Redone: {step}";
    UndoStep => "Ongedaan maken: {step}", "Undo: {step}";
    RedoStep => "Opnieuw: {step}", "Redo: {step}";
    NothingToUndo => "Niets om ongedaan te maken", "Nothing to undo";
    NothingToRedo => "Niets om opnieuw te doen", "Nothing to redo";
    FacilitatorOnly => "alleen voor mij", "only for me";
    FacilitatorOnlyOf => "Alleen voor de procesbegeleider: {relation}", "Facilitator only: {relation}";
    FacilitatorOnlyHint => "Niet geprojecteerd, niet gedeeld en niet in documenten voor de groep. Een spanning is standaard alleen voor de procesbegeleider.", "Not projected, shared or printed for the group. A tension is facilitator-only by default.";
    DateNoSuchDay => "{date} bestaat niet; kijk de dag en de maand na.", "{date} does not exist; check the day and the month.";
}

// How a body's table is put in words, in the window and in its documents.

/// A feature's value as people read it (a kind or size band in words).
pub fn feature_label(lang: Lang, category: &str, value: &str) -> String {
    match category {
        "kind" => crate::domain::PartyKind::ALL
            .into_iter()
            .find(|k| crate::domain::table::kind_key(*k) == value)
            .map(|k| lang.party_kind(k).to_string())
            .unwrap_or_else(|| value.to_string()),
        "size" => lang
            .tr(match value {
                "small" => T::SizeSmall,
                "medium" => T::SizeMedium,
                "large" => T::SizeLarge,
                _ => T::SizeUnknown,
            })
            .to_string(),
        _ => value.to_string(),
    }
}

pub fn category_label(lang: Lang, c: crate::domain::table::Category) -> &'static str {
    lang.tr(match c {
        crate::domain::table::Category::Kind => T::CategoryKind,
        crate::domain::table::Category::Size => T::CategorySize,
        crate::domain::table::Category::Area => T::CategoryArea,
        crate::domain::table::Category::Theme => T::CategoryTheme,
    })
}

/// A chance in millionths as a percentage with one decimal, rounded to
/// the nearest tenth ("19,5%", "20%").
pub fn percent(lang: Lang, millionths: u64) -> String {
    tenths_text(lang, (millionths + 500) / 1000)
}

/// A lowest chance for "at least": rounded down, so that it never says
/// more than is so, after giving back the last millionths that rounding a
/// lottery to millionths may take off (199,998 is 20%).
pub fn percent_at_least(lang: Lang, millionths: u64) -> String {
    tenths_text(lang, (millionths + 50) / 1000)
}

fn tenths_text(lang: Lang, tenths: u64) -> String {
    let s = if tenths.is_multiple_of(10) {
        format!("{}%", tenths / 10)
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    };
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// "Elke kandidaat heeft minstens 19,5% kans op een zetel; gelijk
/// verdeeld is 20%." (`made`: in the past tense). Everyone at the equal
/// share, but for the last millionths of rounding, reads as the equal
/// share, not a tenth below it.
pub fn chances_sentence(lang: Lang, low: u64, equal: u64, made: bool) -> String {
    let low_text = if equal.saturating_sub(low) <= 50 {
        percent(lang, equal)
    } else {
        percent_at_least(lang, low)
    };
    lang.tr(if made {
        T::ChancesAfter
    } else {
        T::ChancesBefore
    })
    .replace("{low}", &low_text)
    .replace("{equal}", &percent(lang, equal))
}

/// A draw's method in words.
pub fn method_label(lang: Lang, method: Option<crate::domain::draw::Method>) -> &'static str {
    use crate::domain::draw::Method as M;
    lang.tr(match method {
        Some(M::Leximin) => T::MethodLeximin,
        Some(M::Uniform) => T::MethodUniform,
        Some(M::Legacy) => T::MethodLegacy,
        None => T::MethodUnknown,
    })
}

/// A draw's chances in words, as the room sees them before the dice
/// (`made`: after, in the past tense): the lowest beside the equal share,
/// how exact they are, then the range within each quota's feature and
/// among those with none. Nothing when no chances are known.
pub fn chance_lines(
    lang: Lang,
    d: &crate::domain::table::SeatDraw,
    c: &crate::domain::draw::Chances,
    made: bool,
) -> Vec<String> {
    let Some((low, equal)) = c.lowest_and_equal(d.free_seats()) else {
        return Vec::new();
    };
    let mut out = vec![chances_sentence(lang, low, equal, made)];
    out.push(if c.runs > 0 {
        lang.tr(T::ChancesEstimated)
            .replace("{runs}", &c.runs.to_string())
            // A margin is rounded up: never less sure than it says.
            .replace("{margin}", &percent(lang, c.margin.div_ceil(1000) * 1000))
    } else {
        lang.tr(T::ChancesExact)
            .replace("{n}", &c.tables.len().to_string())
    });
    if d.quotas.iter().any(|q| q.min > 0) {
        out.push(lang.tr(T::ChancesWhy).to_string());
    }
    // Each candidate looked up once, not once per quota and chance.
    let by_id: std::collections::HashMap<i64, &crate::domain::table::DrawCandidate> =
        d.candidates.iter().map(|x| (x.party, x)).collect();
    let has = |id: i64, q: &crate::domain::table::SeatQuota| {
        by_id.get(&id).is_some_and(|x| q.applies_to(x))
    };
    let range = |of: &[u64]| {
        let lo = of.iter().copied().min().unwrap_or(0);
        let hi = of.iter().copied().max().unwrap_or(0);
        if percent(lang, lo) == percent(lang, hi) {
            percent(lang, lo)
        } else {
            format!(
                "{}–{}",
                percent(lang, lo).trim_end_matches('%'),
                percent(lang, hi)
            )
        }
    };
    let mut plain: Vec<u64> = Vec::new();
    for (id, m) in &c.chances {
        if !d.quotas.iter().any(|q| has(*id, q)) {
            plain.push(*m);
        }
    }
    for q in &d.quotas {
        let of: Vec<u64> = c
            .chances
            .iter()
            .filter(|(id, _)| has(*id, q))
            .map(|x| x.1)
            .collect();
        if of.is_empty() {
            continue;
        }
        out.push(
            lang.tr(T::ChancesGroup)
                .replace("{category}", category_label(lang, q.category))
                .replace("{value}", &feature_label(lang, q.category.key(), &q.value))
                .replace("{n}", &of.len().to_string())
                .replace("{range}", &range(&of)),
        );
    }
    if !plain.is_empty() && !d.quotas.is_empty() {
        out.push(
            lang.tr(T::ChancesNoFeature)
                .replace("{n}", &plain.len().to_string())
                .replace("{range}", &range(&plain)),
        );
    }
    out
}

/// Why no draw can meet the quotas, in one sentence that names the quota:
/// "Minstens 2 × politie, maar er is 1 kandidaat met dat kenmerk."
pub fn shortfall_text(lang: Lang, s: &crate::domain::draw::Shortfall) -> String {
    use crate::domain::draw::Shortfall as S;
    // In the middle of a sentence: "2 × politie", a place keeps its capital.
    let value = |q: &crate::domain::draw::Quota| match q.category.as_str() {
        "kind" | "size" => feature_label(lang, &q.category, &q.value).to_lowercase(),
        _ => feature_label(lang, &q.category, &q.value),
    };
    let candidates = |n: u64| {
        lang.pick(
            if n == 1 {
                "er is 1 kandidaat".to_string()
            } else {
                format!("er zijn {n} kandidaten")
            },
            if n == 1 {
                "there is 1 candidate".to_string()
            } else {
                format!("there are {n} candidates")
            },
        )
    };
    match s {
        S::TooFewCandidates { needed, available } => lang.pick(
            if *available == 1 {
                format!("Er moeten {needed} zetels geloot worden, maar er is maar 1 kandidaat verkiesbaar.")
            } else {
                format!("Er moeten {needed} zetels geloot worden, maar er zijn maar {available} kandidaten verkiesbaar.")
            },
            if *available == 1 {
                format!("{needed} seats are to be drawn, but only 1 candidate is eligible.")
            } else {
                format!("{needed} seats are to be drawn, but only {available} candidates are eligible.")
            },
        ),
        S::KeptOverMax { quota, kept } => lang.pick(
            format!(
                "Hoogstens {} × {}, maar de zetels die doorlopen hebben er al {kept}.",
                quota.max,
                value(quota)
            ),
            format!(
                "At most {} × {}, but the continuing seats already hold {kept}.",
                quota.max,
                value(quota)
            ),
        ),
        S::TooFewWith { quota, have, kept } => {
            let kept_nl = if *kept > 0 {
                format!(" (en {kept} doorlopende zetel{})", if *kept == 1 { "" } else { "s" })
            } else {
                String::new()
            };
            let kept_en = if *kept > 0 {
                format!(" (and {kept} continuing seat{})", if *kept == 1 { "" } else { "s" })
            } else {
                String::new()
            };
            lang.pick(
                format!(
                    "Minstens {} × {}, maar {} met dat kenmerk{kept_nl}.",
                    quota.min,
                    value(quota),
                    candidates(*have)
                ),
                format!(
                    "At least {} × {}, but {} with that feature{kept_en}.",
                    quota.min,
                    value(quota),
                    candidates(*have)
                ),
            )
        }
        S::MinOverDrawn { quota, kept, drawn } => lang.pick(
            format!(
                "Minstens {} × {}, maar er worden maar {drawn} zetels geloot (en {kept} lopen door met dat kenmerk).",
                quota.min,
                value(quota)
            ),
            format!(
                "At least {} × {}, but only {drawn} seats are drawn (and {kept} continuing seats have it).",
                quota.min,
                value(quota)
            ),
        ),
        S::MaxTooTight { quota, drawn } => lang.pick(
            format!(
                "Hoogstens {} × {}: dan zijn er te weinig andere kandidaten voor de {drawn} zetels.",
                quota.max,
                value(quota)
            ),
            format!(
                "At most {} × {}: that leaves too few other candidates for the {drawn} seats.",
                quota.max,
                value(quota)
            ),
        ),
        S::Together { quotas, drawn } => {
            let names: Vec<String> = quotas
                .iter()
                .map(|q| {
                    lang.pick(
                        format!("{} (minstens {}, hoogstens {})", value(q), q.min, q.max),
                        format!("{} (at least {}, at most {})", value(q), q.min, q.max),
                    )
                })
                .collect();
            lang.pick(
                format!(
                    "Deze quota gaan samen niet op bij {drawn} te loten zetels: {}.",
                    names.join("; ")
                ),
                format!(
                    "These quotas cannot all be met with {drawn} seats to draw: {}.",
                    names.join("; ")
                ),
            )
        }
    }
}

/// A quota in words: "at least 2, at most 3 youth care".
pub fn quota_text(lang: Lang, q: &crate::domain::table::SeatQuota) -> String {
    lang.tr(T::QuotaText)
        .replace("{min}", &q.min.to_string())
        .replace("{max}", &q.max.to_string())
        .replace("{category}", category_label(lang, q.category))
        .replace("{value}", &feature_label(lang, q.category.key(), &q.value))
}

/// How a seat was filled, in words.
pub fn seat_how(lang: Lang, a: &crate::domain::Alliance, s: &crate::domain::TableSeat) -> String {
    seat_how_of(lang, s.draw.and_then(|d| a.seat_draw(d)).map(|d| d.date))
}

/// How a seat was filled: drawn (on the draw's day), or appointed (`None`).
pub fn seat_how_of(lang: Lang, drawn: Option<Option<chrono::NaiveDate>>) -> String {
    match drawn {
        Some(date) => lang
            .tr(T::SeatDrawn)
            .replace("{date}", &date.map(|x| lang.date(x)).unwrap_or_default()),
        None => lang.tr(T::SeatAppointed).to_string(),
    }
}

/// A term in words: "01-01-2026 – 31-12-2027".
pub fn term_text(lang: Lang, s: &crate::domain::TableSeat) -> String {
    term_between(lang, s.start, s.end)
}

/// A term from its first to its last day, either open ("…").
pub fn term_between(
    lang: Lang,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
) -> String {
    let d = |x: Option<chrono::NaiveDate>| x.map(|x| lang.date(x)).unwrap_or_else(|| "…".into());
    format!("{} – {}", d(start), d(end))
}

/// The words for a kind of record: one and many ("partij|partijen").
/// Exhaustive, so a new kind in the declaration (`domain/edit.rs`) is
/// named here or nothing compiles.
pub fn kind_key(kind: crate::domain::Kind) -> T {
    use crate::domain::Kind;
    match kind {
        Kind::Alliance => T::KindAlliance,
        Kind::Party => T::KindParty,
        Kind::Person => T::KindPerson,
        Kind::Body => T::KindBody,
        Kind::Membership => T::KindMembership,
        Kind::Question => T::KindQuestion,
        Kind::Interview => T::KindInterview,
        Kind::Answer => T::KindAnswer,
        Kind::Comfort => T::KindComfort,
        Kind::Lane => T::KindLane,
        Kind::MapNode => T::KindMapNode,
        Kind::MapLink => T::KindMapLink,
        Kind::Relation => T::KindRelation,
        Kind::Placement => T::KindPlacement,
        Kind::AgendaItem => T::KindAgendaItem,
        Kind::FocalPoint => T::KindFocalPoint,
        Kind::PriorityRound => T::KindPriorityRound,
        Kind::PriorityMark => T::KindPriorityMark,
        Kind::Situation => T::KindSituation,
        Kind::GroundRule => T::KindGroundRule,
        Kind::Checkin => T::KindCheckin,
        Kind::Round => T::KindRound,
        Kind::Vote => T::KindVote,
        Kind::Meeting => T::KindMeeting,
        Kind::AgendaSlot => T::KindAgendaSlot,
        Kind::Attendance => T::KindAttendance,
        Kind::Action => T::KindAction,
        Kind::CovenantVersion => T::KindCovenantVersion,
        Kind::Clause => T::KindClause,
        Kind::Signature => T::KindSignature,
        Kind::SeatDraw => T::KindSeatDraw,
        Kind::TableSeat => T::KindTableSeat,
        Kind::Ballot => T::KindBallot,
        Kind::RuleSet => T::KindRuleSet,
        Kind::RuleProposal => T::KindRuleProposal,
        Kind::Objection => T::KindObjection,
        Kind::PlanLine => T::KindPlanLine,
        Kind::PlanProgress => T::KindPlanProgress,
        Kind::CommentRound => T::KindCommentRound,
        Kind::Comment => T::KindComment,
        Kind::CheckinRound => T::KindCheckinRound,
    }
}

/// Why undo and redo stop at a commitment of this kind (the Edit menu
/// shows it).
pub fn commit_undo_key(kind: crate::domain::record::CommitKind) -> T {
    use crate::domain::record::CommitKind as K;
    match kind {
        K::Reveal => T::UndoPastReveal,
        K::Decision => T::UndoPastDecision,
        K::Correction => T::UndoPastCorrection,
        K::DotReveal => T::UndoPastDotReveal,
        K::Freeze => T::UndoPastFreeze,
        K::Signature => T::UndoPastSignature,
        K::Withdrawal => T::UndoPastWithdrawal,
        K::Draw => T::UndoPastDraw,
        K::Minutes => T::UndoPastMinutes,
        K::Comments => T::UndoPastComments,
        K::CheckinShown => T::UndoPastCheckin,
    }
}

impl Lang {
    /// The Dutch or the English of a pair, whatever it holds (a word, a
    /// sentence made with `format!`).
    pub fn pick<V>(self, nl: V, en: V) -> V {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// What a commitment is about, named as people know it: "Ronde 4
    /// ‘We leggen de samenwerking …’", "Handtekening van … onder versie 1".
    pub fn committed_subject(
        self,
        a: &crate::domain::Alliance,
        c: crate::domain::record::Committed,
    ) -> String {
        use crate::domain::record::CommitKind as K;
        // Whole words, about 32 characters.
        let short = |s: &str| {
            let mut out = String::new();
            for w in s.split_whitespace() {
                if !out.is_empty() && out.chars().count() + w.chars().count() > 32 {
                    out.push_str(" …");
                    return out;
                }
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(w);
            }
            out
        };
        let round = |id: crate::domain::Id| {
            let text = a.round(id).map(|r| short(&r.proposal)).unwrap_or_default();
            format!("{} {id} ‘{text}’", self.pick("Ronde", "Round"))
        };
        let version = |id: crate::domain::Id| {
            a.covenant_versions
                .iter()
                .find(|v| v.id == id)
                .map_or(id as u32, |v| v.number)
        };
        match c.kind {
            K::Reveal | K::Decision => round(c.record),
            K::Correction => {
                let v = a.votes.iter().find(|v| v.id == c.record);
                let party = v.map(|v| a.party_name(Some(v.party))).unwrap_or("");
                format!(
                    "{} ({party}) · {}",
                    self.pick("Correctie", "Correction"),
                    round(v.map_or(0, |v| v.round))
                )
            }
            K::DotReveal => format!(
                "{} {} ‘{}’",
                self.pick("Prioriteitsronde", "Priority round"),
                c.record,
                a.priority_round(c.record)
                    .map(|p| short(&p.title))
                    .unwrap_or_default()
            ),
            K::Freeze => format!(
                "{} {}",
                self.pick("Convenant versie", "Covenant version"),
                version(c.record)
            ),
            K::Signature | K::Withdrawal => {
                let s = a.signatures.iter().find(|s| s.id == c.record);
                let party = s
                    .map(|s| {
                        if s.party_name.is_empty() {
                            a.party_name(Some(s.party)).to_string()
                        } else {
                            s.party_name.clone()
                        }
                    })
                    .unwrap_or_default();
                format!(
                    "{} {party} {} {}",
                    self.pick("Handtekening van", "Signature of"),
                    self.pick("onder versie", "on version"),
                    version(s.map_or(0, |s| s.version))
                )
            }
            K::Draw => {
                let body = a
                    .seat_draw(c.record)
                    .and_then(|d| a.body(d.body))
                    .map(|b| b.name.clone())
                    .unwrap_or_default();
                format!("{} {} ({body})", self.pick("Loting", "Draw"), c.record)
            }
            K::Minutes => {
                let m = a.meeting(c.record);
                format!(
                    "{} ‘{}’ ({})",
                    self.pick("Notulen van", "Minutes of"),
                    m.map(|m| short(&m.title)).unwrap_or_default(),
                    m.and_then(|m| m.date)
                        .map(|d| self.date(d))
                        .unwrap_or_default()
                )
            }
            K::CheckinShown => {
                let m = a.checkin_round(c.record).and_then(|r| a.meeting(r.meeting));
                format!(
                    "{} ‘{}’",
                    self.pick("Check-in bij", "Check-in at"),
                    m.map(|m| short(&m.title)).unwrap_or_default()
                )
            }
            K::Comments => format!(
                "{} ‘{}’",
                self.pick(
                    "Verwerking van het commentaar op",
                    "Responses to comments on"
                ),
                a.comment_round(c.record)
                    .map(|r| short(&r.title))
                    .unwrap_or_default()
            ),
        }
    }

    /// The moment a commitment was made, as "after …" needs it.
    fn commit_moment(self, kind: crate::domain::record::CommitKind) -> &'static str {
        use crate::domain::record::CommitKind as K;
        match kind {
            K::Reveal | K::DotReveal | K::CheckinShown => self.pick("het tonen", "the reveal"),
            K::Decision => self.pick("het besluit", "the decision"),
            K::Correction => self.pick("de correctie", "the correction"),
            K::Freeze => self.pick("het vaststellen", "the freeze"),
            K::Signature => self.pick("het ondertekenen", "signing"),
            K::Withdrawal => self.pick("het intrekken", "the withdrawal"),
            K::Draw => self.pick("de loting", "the draw"),
            K::Minutes => self.pick("het vaststellen", "their approval"),
            K::Comments => self.pick("het publiceren", "publishing"),
        }
    }

    /// A line of a canonical text (its key) as the part of the record it is.
    fn record_field(self, key: &str) -> String {
        let (nl, en) = match key {
            "proposal" => ("het voorstel", "the proposal"),
            "stance" => ("een standpunt", "a stance"),
            "status" => ("de uitkomst", "the outcome"),
            "decided" => ("de besluitdatum", "the date of the decision"),
            "note" => ("de toelichting", "the note"),
            "held" => ("de datum", "the date"),
            "voters" | "absent" => ("wie meestemt", "who votes"),
            "subject" | "scale" | "previous" | "round" => ("de ronde", "the round"),
            "rule" => ("een regeltekst", "a rule's text"),
            "objection" => ("een bezwaar", "an objection"),
            "from" | "to" => ("de waarde", "the value"),
            "reason" => ("de reden", "the reason"),
            "by" | "at" => ("wie of wanneer", "who or when"),
            "mark" | "dots" | "method" => ("de stippen", "the dots"),
            "title" => ("de titel", "the title"),
            "text" => ("de tekst", "the text"),
            "fingerprint" | "frozen" | "version" => {
                ("de vastgestelde versie", "the frozen version")
            }
            "party" => ("de partij", "the party"),
            "signatory" => ("de ondertekenaar", "the signatory"),
            "function" => ("de functie", "the job title"),
            "place" => ("de plaats", "the place"),
            "date" => ("de datum", "the date"),
            "withdrawn" => ("de datum van intrekken", "the date of withdrawal"),
            "input" | "seed" | "chosen" | "body" | "draw" | "term years" | "staggered" => {
                ("de loting", "the draw")
            }
            "item" | "minutes" | "next step" | "action" | "approved" | "approved at"
            | "meeting" => ("de notulen", "the minutes"),
            "comment" | "part" | "why" | "before" | "after" | "draft" | "published" => (
                "de verwerking van het commentaar",
                "the responses to the comments",
            ),
            "" => ("het geheel", "the whole"),
            other => return other.to_string(),
        };
        self.pick(nl, en).to_string()
    }

    /// Why a record of commitments does not verify, as one sentence: "Ronde
    /// 4 ‘…’: het voorstel is na het besluit veranderd".
    /// The subject of a commitment whose record is gone: from what the log
    /// says of it where the records no longer can.
    fn gone_subject(
        self,
        a: &crate::domain::Alliance,
        c: crate::domain::record::Committed,
        logged: &str,
    ) -> String {
        use crate::domain::record::CommitKind as K;
        let value = |key: &str| {
            logged
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{key}: ")))
                .unwrap_or("")
        };
        match c.kind {
            K::Signature | K::Withdrawal => {
                // "party: 7 Stichting SPIN", "version: 1 (number 1)"
                let party = value("party").split_once(' ').map_or("", |(_, name)| name);
                let number = value("version")
                    .split_once("(number ")
                    .map_or("", |(_, n)| n.trim_end_matches(')'));
                format!(
                    "{} {party} {} {number}",
                    self.pick("De handtekening van", "The signature of"),
                    self.pick("onder versie", "on version")
                )
            }
            _ => self.committed_subject(a, c),
        }
    }

    pub fn broken(self, a: &crate::domain::Alliance, b: &crate::domain::record::Broken) -> String {
        /// Entry `n`'s text as logged.
        fn logged(a: &crate::domain::Alliance, n: u64) -> &str {
            a.record
                .get((n as usize).wrapping_sub(1))
                .map_or("", |c| c.text.as_str())
        }
        use crate::domain::record::Breach;
        let n = b.seq;
        match &b.what {
            Breach::Gap => match self {
                Lang::Nl => format!("vastlegging {n} ontbreekt: de vastleggingen zijn ingekort"),
                Lang::En => format!("entry {n} is missing: the record was cut short"),
            },
            Breach::Chain => match self {
                Lang::Nl => format!("vastlegging {n} is zelf veranderd: haar hash klopt niet meer"),
                Lang::En => format!("entry {n} itself was changed: its hash no longer matches"),
            },
            Breach::Gone(c) => format!(
                "{}: {} {} ({} {n})",
                self.gone_subject(a, *c, logged(a, n)),
                self.pick("is verwijderd na", "was removed after"),
                self.commit_moment(c.kind),
                self.pick("vastlegging", "entry")
            ),
            Breach::Changed(c, key) => {
                // Whose stance, dots or objection: from the first line that
                // differs between the log and the records now.
                let whose = ["stance", "mark", "objection"]
                    .contains(&key.as_str())
                    .then(|| {
                        let now = crate::domain::record::canonical(a, *c).unwrap_or_default();
                        let was = logged(a, n);
                        let line = was
                            .lines()
                            .zip(now.lines())
                            .find(|(x, y)| x != y && x.starts_with(&format!("{key}: ")))
                            .map(|(x, _)| x)
                            .or_else(|| was.lines().find(|l| !now.contains(*l)))?;
                        let id = line.split_once(": ")?.1.split(' ').next()?.parse().ok()?;
                        Some(a.party_name(Some(id)).to_string())
                    })
                    .flatten();
                let field = match (whose, key.as_str()) {
                    (Some(p), "stance") => {
                        self.pick("het standpunt van ", "the stance of ")
                            .to_string()
                            + &p
                    }
                    (Some(p), "mark") => {
                        self.pick("de stippen van ", "the dots of ").to_string() + &p
                    }
                    (Some(p), _) => {
                        self.pick("een bezwaar van ", "an objection by ")
                            .to_string()
                            + &p
                    }
                    (None, _) => self.record_field(key),
                };
                // (Dutch: "de stippen zijn", "de notulen zijn".)
                let verb = if field.starts_with("de stippen") || field.starts_with("de notulen") {
                    "zijn"
                } else {
                    "is"
                };
                match self {
                    Lang::Nl => format!(
                        "{}: {field} {verb} na {} veranderd (vastlegging {n})",
                        self.committed_subject(a, *c),
                        self.commit_moment(c.kind)
                    ),
                    Lang::En => format!(
                        "{}: {field} changed after {} (entry {n})",
                        self.committed_subject(a, *c),
                        self.commit_moment(c.kind)
                    ),
                }
            }
            Breach::Unrecorded(c) => format!(
                "{}: {}",
                self.committed_subject(a, *c),
                self.pick(
                    "staat niet in de vastleggingen (buiten Samenspel vastgelegd)",
                    "is not in the record of commitments (committed outside Samenspel)"
                )
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut out: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn both_languages_have_every_key_with_the_same_placeholders() {
        for key in T::ALL {
            for lang in Lang::ALL {
                assert!(
                    !lang.tr(*key).trim().is_empty(),
                    "{key:?} is empty in {lang:?}"
                );
            }
            assert_eq!(
                placeholders(key.nl()),
                placeholders(key.en()),
                "{key:?} has other placeholders in Dutch and English"
            );
        }
    }
}
