//! The room server of "Stemmen via telefoon", owned by the app: started
//! and stopped from a meeting's page, pumped every frame so that what the
//! phones cast goes through `Document::perform` on this thread (undo,
//! history and crash safety hold), stopped when the file closes, the app
//! quits, the meeting goes, or the meeting's day is over.

use super::*;

use crate::domain::Id;
use crate::room::Session;
use crate::ui::room::{RoomInfo, RoomRequest};

/// A running room.
pub(crate) struct Room {
    pub(super) session: Session,
    reachable: bool,
    /// The last day it serves: the meeting's day (or the day it started).
    until: chrono::NaiveDate,
}

/// A card just reissued, shown on this screen until closed: (meeting,
/// party, link). Its token exists nowhere else.
pub(crate) type FreshCard = (Id, Id, String);

impl SamenspelApp {
    /// Apply what the phones asked and keep their view in step with the
    /// file; stop the room when its file, meeting or day is gone.
    pub(super) fn pump_room(&mut self) {
        let Some(room) = self.room.as_mut() else {
            return;
        };
        let today = self.clock.today();
        let gone = match self.doc.as_mut() {
            None => true,
            Some(doc) => {
                !room.session.serves(doc)
                    || doc.alliance().meeting(room.session.meeting()).is_none()
                    || doc.is_read_only()
            }
        };
        if gone {
            self.stop_room();
            return;
        }
        if today > room.until {
            self.stop_room();
            self.notice = Some(self.t(T::RoomStopped).to_string());
            return;
        }
        if let Some(doc) = self.doc.as_mut() {
            room.session.pump(doc);
        }
    }

    pub(super) fn stop_room(&mut self) {
        if let Some(room) = self.room.take() {
            room.session.stop();
        }
    }

    /// What the meeting's page shows of the running room.
    pub(super) fn room_info(&self) -> Option<RoomInfo> {
        let room = self.room.as_ref()?;
        let stats = room.session.stats();
        Some(RoomInfo {
            meeting: room.session.meeting(),
            address: room.session.address(),
            reachable: room.reachable,
            phone_seen: stats.last_remote.map(|t| t.elapsed().as_secs()),
        })
    }

    /// The room's address, if it runs (tests, the window).
    pub fn room_address(&self) -> Option<std::net::SocketAddr> {
        self.room.as_ref().map(|r| r.session.address())
    }

    /// Do what the meeting's page asked.
    pub(super) fn room_request(&mut self, ctx: &egui::Context, request: RoomRequest) {
        match request {
            RoomRequest::Start { meeting, bind } => self.start_room(ctx, meeting, bind),
            RoomRequest::Stop => self.stop_room(),
            RoomRequest::Print { meeting, address } => {
                let Some(a) = self.alliance() else { return };
                let today = self.today();
                let parties = a.ballot_parties(meeting, today);
                let title = a
                    .meeting(meeting)
                    .map(|m| m.title.clone())
                    .unwrap_or_default();
                let suggested = format!("{} {title}", self.t(T::PdfBallotCards));
                self.issue_cards(meeting, &parties, &address, &suggested);
            }
            RoomRequest::Reissue {
                meeting,
                party,
                address,
            } => {
                // One click: the old card is revoked, the new one shown
                // on this screen to scan, and it can be saved as PDF.
                let Some(links) = self.issue(meeting, &[party], &address) else {
                    return;
                };
                self.fresh_card = links.into_iter().next().map(|(p, l)| (meeting, p, l));
            }
        }
    }

    /// Start the room for a meeting on `bind` (another room stops first).
    pub fn start_room(&mut self, ctx: &egui::Context, meeting: Id, bind: std::net::SocketAddr) {
        self.stop_room();
        let lang = self.lang();
        let Some(doc) = self.doc.as_ref() else { return };
        let ctx = ctx.clone();
        let wake: std::sync::Arc<dyn Fn() + Send + Sync> =
            std::sync::Arc::new(move || ctx.request_repaint());
        match Session::start(doc, meeting, bind, Lang::of(doc.alliance()), wake) {
            Ok(session) => {
                let reachable = session.self_check();
                let today = self.today();
                let until = doc
                    .alliance()
                    .meeting(meeting)
                    .and_then(|m| m.date)
                    .filter(|d| *d >= today)
                    .unwrap_or(today);
                self.meetings.room.error = None;
                self.room = Some(Room {
                    session,
                    reachable,
                    until,
                });
            }
            Err(e) => {
                self.meetings.room.error = Some(
                    lang.tr(T::RoomStartFailed)
                        .replace("{address}", &bind.to_string())
                        .replace("{detail}", &e.to_string()),
                );
            }
        }
    }

    /// Issue new cards for `parties` as one step of its own (sealed on both
    /// sides: no undo merges it with a neighbour), and hand back their
    /// links; `None` (and the error shown) when the file refused it.
    fn issue(&mut self, meeting: Id, parties: &[Id], address: &str) -> Option<Vec<(Id, String)>> {
        let lang = self.lang();
        let doc = self.doc.as_mut()?;
        let (edit, links) = crate::room::issue(
            doc.alliance(),
            meeting,
            parties,
            address,
            &self.clock.stamp(),
        );
        doc.seal();
        if let Err(e) = doc.perform(edit) {
            self.error = Some(lang.store_error(&e));
            return None;
        }
        doc.seal();
        Some(links)
    }

    /// Issue new cards for `parties` and save them as one PDF where the
    /// user chooses. Nothing is issued when no file is chosen; when the
    /// PDF cannot be written, the issue is undone.
    fn issue_cards(&mut self, meeting: Id, parties: &[Id], address: &str, suggested: &str) {
        let lang = self.lang();
        let suggested: String = suggested
            .chars()
            .map(|c| if "/\\\\:*?\"<>|".contains(c) { '-' } else { c })
            .collect();
        let Some(path) = self.choose_save(suggested.trim(), "pdf") else {
            return;
        };
        let Some(links) = self.issue(meeting, parties, address) else {
            return;
        };
        let Some(doc) = self.doc.as_mut() else { return };
        let written =
            samenspel_projection::print::Printing::new(doc.alliance(), self.clock.today())
                .cards(meeting)
                .and_then(|m| crate::report::ballots::cards(&m, &links, Lang::of(doc.alliance())))
                .ok_or_else(|| lang.tr(T::RoomNoCard).to_string())
                .and_then(|bytes| {
                    crate::store::write_private(&path, &bytes).map_err(|e| {
                        lang.tr(T::ErrOther)
                            .replace("{detail}", &format!("{}: {e}", path.display()))
                    })
                });
        match written {
            Ok(()) => {
                self.notice = Some(if std::mem::take(&mut self.fallback_save) {
                    lang.tr(T::SavedInDocuments)
                        .replace("{path}", &path.display().to_string())
                } else {
                    let what = lang.tr(T::PdfBallotCards);
                    lang.tr(T::PdfSaved)
                        .replace("{document}", what)
                        .replace("{path}", &path.display().to_string())
                });
            }
            Err(message) => {
                // Cards nobody holds are no cards: take the issue back.
                let _ = doc.undo();
                self.error = Some(message);
            }
        }
    }

    /// The card just reissued: its QR code drawn as squares, its link,
    /// and a way to save it as PDF.
    pub(super) fn fresh_card_dialog(&mut self, ctx: &egui::Context) {
        let Some((meeting, party, link)) = self.fresh_card.clone() else {
            return;
        };
        let lang = self.lang();
        let card_lang = self.doc_lang();
        let name = self
            .alliance()
            .map(|a| a.party_name(Some(party)).to_string())
            .unwrap_or_default();
        let mut save = false;
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("fresh-card")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.label(
                RichText::new(format!("{} · {name}", lang.tr(T::PhoneTitle)))
                    .size(18.0)
                    .family(theme::bold()),
            );
            widgets::muted(ui, lang.tr(T::CardHow));
            ui.add_space(6.0);
            if let Some(matrix) = crate::room::qr::matrix(&link) {
                qr_code(ui, &matrix, 300.0);
            }
            ui.label(RichText::new(&link).small().monospace());
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                save = ui.button(lang.tr(T::RoomSaveCard)).clicked();
                close = ui.button(lang.tr(T::Ok)).clicked();
            });
        });
        if save {
            let suggested = format!("{} {name}", lang.tr(T::PhoneTitle));
            if let Some(path) = self.choose_save(suggested.trim(), "pdf")
                && let Some(doc) = self.doc.as_ref()
            {
                let bytes =
                    samenspel_projection::print::Printing::new(doc.alliance(), self.clock.today())
                        .cards(meeting)
                        .and_then(|m| {
                            crate::report::ballots::cards(&m, &[(party, link.clone())], card_lang)
                        });
                match bytes.map(|b| crate::store::write_private(&path, &b)) {
                    Some(Ok(())) => {
                        let what = lang.tr(T::PhoneTitle);
                        self.notice = Some(
                            lang.tr(T::PdfSaved)
                                .replace("{document}", what)
                                .replace("{path}", &path.display().to_string()),
                        );
                    }
                    Some(Err(e)) => {
                        self.error = Some(
                            lang.tr(T::ErrOther)
                                .replace("{detail}", &format!("{}: {e}", path.display())),
                        );
                    }
                    None => {}
                }
            }
        }
        if close || modal.should_close() {
            self.fresh_card = None;
        }
    }
}

/// A QR code drawn as squares, `size` points wide with its quiet zone.
pub(crate) fn qr_code(ui: &mut Ui, matrix: &crate::room::qr::Matrix, size: f32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    let n = matrix.width + 2 * crate::room::qr::QUIET;
    let module = size / n as f32;
    let origin = rect.min + egui::vec2(1.0, 1.0) * module * crate::room::qr::QUIET as f32;
    for (row, col, len) in matrix.runs() {
        let min = origin + egui::vec2(col as f32 * module, row as f32 * module);
        painter.rect_filled(
            egui::Rect::from_min_size(min, egui::vec2(len as f32 * module, module)),
            0.0,
            egui::Color32::BLACK,
        );
    }
}
