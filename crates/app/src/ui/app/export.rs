//! Saving documents: PDFs through `report::build`, and .ics invitations.

use super::*;

impl SamenspelApp {
    /// Save a meeting as an .ics invitation where the user chooses.
    pub(super) fn export_ics(&mut self, id: crate::domain::Id) {
        let lang = self.lang();
        let Some(doc) = self.doc.as_ref() else { return };
        let a = doc.alliance();
        let Some(meeting) = a.meeting(id) else { return };
        let body = meeting
            .body
            .and_then(|b| a.body(b))
            .map(|b| b.name.clone())
            .unwrap_or_default();
        let stamp = self.clock.now().format("%Y%m%dT%H%M%SZ").to_string();
        let Some(ics) = samenspel_output::calendar::ics(
            &samenspel_projection::print::calendar(meeting, &a.agenda_slots),
            &body,
            &stamp,
            // In the machine's time zone: the facilitator's calendar's.
            crate::clock::zone_name().as_deref(),
        ) else {
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
        match crate::store::write_private(&path, ics.as_bytes()) {
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
    pub(super) fn pdf_request_for(&self, kind: Kind) -> Option<(Kind, Option<crate::domain::Id>)> {
        let a = self.doc.as_ref()?.alliance();
        let on_screen = match kind {
            Kind::Pack | Kind::Minutes => {
                self.meetings.selected.filter(|id| a.meeting(*id).is_some())
            }
            Kind::Covenant => self
                .covenant
                .version
                .filter(|id| a.covenant_versions.iter().any(|v| v.id == *id)),
            Kind::Comments => self
                .comments
                .selected
                .filter(|id| a.comment_round(*id).is_some()),
            Kind::Intake
            | Kind::Selection
            | Kind::TableDecisions
            | Kind::PartyShare
            | Kind::Maps => None,
        };
        let exists = match kind {
            Kind::Pack | Kind::Minutes => !a.meetings.is_empty(),
            Kind::Covenant => !a.covenant_versions.is_empty(),
            Kind::Intake => true,
            Kind::Selection => a.seat_draws.iter().any(|d| d.is_drawn()),
            Kind::Maps => !a.map_nodes.is_empty() || !a.parties.is_empty(),
            Kind::Comments => !a.comment_rounds.is_empty(),
            Kind::TableDecisions | Kind::PartyShare => false,
        };
        exists.then_some((kind, on_screen))
    }

    /// Build a PDF (through `report::build`, as the CLI does) and save it
    /// where the user chooses.
    pub(super) fn export_pdf(&mut self, (kind, of): (Kind, Option<crate::domain::Id>)) {
        // The window speaks the interface's language; the document is
        // written in the alliance's.
        let ui_lang = self.lang();
        let lang = self.doc_lang();
        let Some(doc) = self.doc.as_ref() else { return };
        // The intake summary needs the texts: unlock first, on its page.
        if kind == Kind::Intake && doc.is_locked() {
            self.view = View::Intakes;
            self.notice = Some(ui_lang.tr(T::ErrLocked).to_string());
            return;
        }
        let a = doc.alliance();
        let request = crate::report::Request {
            kind,
            meeting: of.filter(|_| matches!(kind, Kind::Pack | Kind::Minutes)),
            version: of.filter(|_| kind == Kind::Covenant),
            of: of.filter(|_| {
                matches!(
                    kind,
                    Kind::Selection | Kind::TableDecisions | Kind::PartyShare | Kind::Comments
                )
            }),
            lang,
        };
        let from = samenspel_projection::print::Printing::new(a, self.clock.today());
        let built = crate::report::build(&from, &request).ok().map(|b| {
            let names = |lang: Lang| match kind {
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
                Kind::Selection => (
                    format!("{} {}", lang.tr(T::PdfSelection), a.info.name),
                    lang.tr(T::PdfSelection),
                ),
                Kind::TableDecisions => {
                    let body = of.and_then(|b| a.body(b)).map_or("", |b| b.name.as_str());
                    (
                        lang.tr(T::PdfTableDecided).replace("{body}", body),
                        lang.tr(T::PdfDecisionsOfTable),
                    )
                }
                Kind::PartyShare => (
                    format!("{} — {}", lang.tr(T::PdfPartyTitle), a.party_name(of)),
                    lang.tr(T::PdfPartyTitle),
                ),
                Kind::Maps => (
                    format!("{} {}", lang.tr(T::PdfMaps), a.info.name),
                    lang.tr(T::PdfMaps),
                ),
                Kind::Comments => (
                    format!(
                        "{} — {}",
                        lang.tr(T::PdfCommentsTitle),
                        of.and_then(|r| a.comment_round(r))
                            .map_or("", |r| r.title.as_str())
                    ),
                    lang.tr(T::PdfCommentsTitle),
                ),
            };
            // Named in the document's language, announced in the window's.
            (b.bytes, names(lang).0, names(ui_lang).1)
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
        match crate::store::write_private(&path, &bytes) {
            Ok(()) => {
                self.notice = Some(if std::mem::take(&mut self.fallback_save) {
                    ui_lang
                        .tr(T::SavedInDocuments)
                        .replace("{path}", &path.display().to_string())
                } else {
                    ui_lang
                        .tr(T::PdfSaved)
                        .replace("{document}", what)
                        .replace("{path}", &path.display().to_string())
                })
            }
            Err(e) => {
                self.error = Some(
                    ui_lang
                        .tr(T::ErrOther)
                        .replace("{detail}", &format!("{}: {e}", path.display())),
                )
            }
        }
    }

    /// Where to save an export: the native dialog's answer or, where no
    /// dialog can be shown, a new file in the documents folder (the notice
    /// then says where it went).
    /// Save what can be read of a damaged or read-only alliance as a new
    /// file, and go on in that copy.
    pub(super) fn save_copy(&mut self) {
        let lang = self.lang();
        let Some(doc) = self.doc.as_ref() else { return };
        let stem = doc
            .path()
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let suggested = format!("{stem} ({})", lang.tr(T::CopyWord));
        let Some(path) = self.choose_save(&suggested, "samenspel") else {
            return;
        };
        let Some(doc) = self.doc.as_ref() else { return };
        match doc.save_copy(&path) {
            Ok(()) => {
                // The copy holds the edits that still waited for the
                // original file: the work goes on in the copy.
                if let Some(doc) = self.doc.as_mut() {
                    let _ = doc.discard_unsaved();
                }
                self.open(&path);
                self.notice = Some(
                    lang.tr(T::CopySaved)
                        .replace("{path}", &path.display().to_string()),
                );
            }
            Err(e) => self.error = Some(lang.store_error(&e)),
        }
    }

    /// The register as a sheet to keep up to date (without the
    /// facilitator's notes), in the alliance's language.
    pub(super) fn export_csv(&mut self) {
        let Some(a) = self.doc.as_ref().map(|d| d.alliance().clone()) else {
            return;
        };
        let lang = Lang::of(&a);
        let today = self.today();
        let name = lang.pick("partijen", "parties");
        let Some(path) = self.choose_save(name, "csv") else {
            return;
        };
        let bytes = crate::csvimport::update::export_parties(&a, lang == Lang::Nl, today);
        match crate::store::write_private(&path, &bytes) {
            Ok(()) => {
                self.notice = Some(
                    self.t(T::CsvExported)
                        .replace("{path}", &path.display().to_string()),
                )
            }
            Err(e) => {
                self.error = Some(
                    self.t(T::ErrOther)
                        .replace("{detail}", &format!("{}: {e}", path.display())),
                )
            }
        }
    }

    pub(super) fn choose_save(&mut self, suggested: &str, extension: &str) -> Option<PathBuf> {
        // The native dialog is asked each time (one installed meanwhile is
        // used); where it cannot be shown, the documents folder.
        let chosen = self.dialogs.save_file(suggested, extension);
        if chosen.is_some() || self.dialogs.available() {
            return chosen;
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
}
