//! "Stemmen via telefoon" on a meeting's page: choose the network, start
//! and stop the room server, see whether this laptop reaches it and when a
//! phone last asked, print the ballot cards, reissue a lost one. The
//! server itself lives in the app (`app/room.rs`); this section only asks.

use std::net::{IpAddr, SocketAddr};

use egui::{RichText, Ui};

use crate::domain::{Id, Meeting, RoundStatus};
use crate::i18n::T;

use super::theme;
use super::widgets::{self, PanelCtx};

/// What the window knows of a running room.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomInfo {
    pub meeting: Id,
    pub address: SocketAddr,
    /// Whether this laptop reached its own server when it started.
    pub reachable: bool,
    /// Seconds since a phone last asked anything, if one did.
    pub phone_seen: Option<u64>,
}

/// What the section asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum RoomRequest {
    Start {
        meeting: Id,
        bind: SocketAddr,
    },
    Stop,
    /// Issue every party a new card and save the cards as PDF.
    Print {
        meeting: Id,
        address: String,
    },
    /// Revoke one party's card, issue a new one and save it as PDF.
    Reissue {
        meeting: Id,
        party: Id,
        address: String,
    },
}

/// The section's own state: the network and port chosen.
#[derive(Default)]
pub struct RoomSection {
    interfaces: Option<Vec<(String, IpAddr)>>,
    ip: Option<IpAddr>,
    port: String,
    /// What the app said went wrong last, shown in the section.
    pub error: Option<String>,
}

impl RoomSection {
    /// The address chosen: the running server's, else the one picked here,
    /// else the one the meeting's cards point at, else the first network.
    fn chosen(&mut self, pc: &PanelCtx, meeting: Id) -> SocketAddr {
        let interfaces = self
            .interfaces
            .get_or_insert_with(crate::room::interfaces)
            .clone();
        let printed: Option<SocketAddr> = pc
            .alliance
            .live_ballots(meeting)
            .first()
            .and_then(|b| b.address.parse().ok());
        if self.ip.is_none() {
            self.ip = printed
                .map(|a| a.ip())
                .filter(|ip| interfaces.iter().any(|(_, i)| i == ip))
                .or_else(|| interfaces.first().map(|(_, ip)| *ip));
        }
        if self.port.is_empty() {
            self.port = printed
                .map(|a| a.port())
                .unwrap_or(crate::room::DEFAULT_PORT)
                .to_string();
        }
        let port = self
            .port
            .trim()
            .parse()
            .unwrap_or(crate::room::DEFAULT_PORT);
        SocketAddr::new(self.ip.unwrap_or(IpAddr::from([127, 0, 0, 1])), port)
    }

    /// Long for a reason: the room section of a meeting, top to bottom as the facilitator uses
    /// it (start, cards, who is in, the reveal): one sequence on one screen, kept in one place
    /// so its order reads as the meeting goes.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        pc: &PanelCtx,
        meeting: &Meeting,
        running: Option<&RoomInfo>,
    ) -> Option<RoomRequest> {
        let a = pc.alliance;
        let mut request = None;
        let here = running.filter(|r| r.meeting == meeting.id);
        let chosen = self.chosen(pc, meeting.id);
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width().min(760.0));
            widgets::section(ui, pc.t(T::RoomSection));
            widgets::muted(ui, pc.t(T::RoomIntro));
            ui.add_space(4.0);
            if let Some(other) = running.filter(|r| r.meeting != meeting.id) {
                let title = a.meeting(other.meeting).map_or("", |m| m.title.as_str());
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(pc.t(T::RoomOtherMeeting).replace("{meeting}", title))
                            .color(theme::WARN_FG),
                    );
                    if ui.button(pc.t(T::RoomStop)).clicked() {
                        request = Some(RoomRequest::Stop);
                    }
                });
                return;
            }
            match here {
                None => {
                    ui.horizontal_wrapped(|ui| {
                        let label =
                            ui.label(RichText::new(pc.t(T::RoomNetwork)).color(theme::MUTED));
                        let interfaces = self.interfaces.clone().unwrap_or_default();
                        let text = |ip: IpAddr| {
                            interfaces
                                .iter()
                                .find(|(_, i)| *i == ip)
                                .map(|(n, i)| format!("{i} ({n})"))
                                .unwrap_or_else(|| ip.to_string())
                        };
                        widgets::Combo::new(
                            ("room-network", meeting.id),
                            self.ip.map(text).unwrap_or_default(),
                        )
                        .labelled_by(label.id)
                        .width(260.0)
                        .show(ui, |ui| {
                            for (name, ip) in &interfaces {
                                ui.selectable_value(
                                    &mut self.ip,
                                    Some(*ip),
                                    format!("{ip} ({name})"),
                                );
                            }
                        });
                        if ui.small_button("⟳").clicked() {
                            self.interfaces = None;
                        }
                        let label = ui.label(RichText::new(pc.t(T::RoomPort)).color(theme::MUTED));
                        ui.add(
                            egui::TextEdit::singleline(&mut self.port)
                                .id_salt("room-port")
                                .desired_width(72.0),
                        )
                        .labelled_by(label.id);
                        if ui
                            .add_enabled(
                                !pc.read_only,
                                egui::Button::new(
                                    RichText::new(format!("▶  {}", pc.t(T::RoomStart)))
                                        .color(theme::ACCENT_TEXT),
                                )
                                .fill(theme::ACCENT),
                            )
                            .clicked()
                        {
                            self.error = None;
                            request = Some(RoomRequest::Start {
                                meeting: meeting.id,
                                bind: chosen,
                            });
                        }
                    });
                    if chosen.ip().is_loopback() {
                        widgets::muted(ui, pc.t(T::RoomLoopbackOnly));
                    }
                }
                Some(info) => {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(
                            RichText::new(
                                pc.t(T::RoomRunning)
                                    .replace("{address}", &format!("http://{}", info.address)),
                            )
                            .family(theme::bold())
                            .color(theme::DONE),
                        );
                        if ui.button(format!("■  {}", pc.t(T::RoomStop))).clicked() {
                            request = Some(RoomRequest::Stop);
                        }
                    });
                    // On this computer's own address only this computer
                    // can reach it: say that, not that phones can.
                    let reach = match (info.reachable, info.address.ip().is_loopback()) {
                        (false, _) => (T::RoomUnreachable, theme::DANGER),
                        (true, true) => (T::RoomLoopbackOnly, theme::WARN_FG),
                        (true, false) => (T::RoomReachable, theme::MUTED),
                    };
                    ui.label(RichText::new(pc.t(reach.0)).color(reach.1));
                    widgets::muted(
                        ui,
                        &match info.phone_seen {
                            Some(s) => pc.t(T::RoomPhoneSeen).replace(
                                "{time}",
                                &(chrono::Local::now() - chrono::Duration::seconds(s as i64))
                                    .format("%H:%M:%S")
                                    .to_string(),
                            ),
                            None => pc.t(T::RoomNoPhoneYet).to_string(),
                        },
                    );
                    widgets::muted(ui, pc.t(T::RoomStopsWhen));
                }
            }
            if let Some(e) = &self.error {
                ui.label(RichText::new(e).color(theme::DANGER));
            }
            ui.label(RichText::new(format!("⚠  {}", pc.t(T::RoomPlainHttp))).color(theme::WARN_FG));
            ui.add_space(6.0);
            // The cards: which party has one, and whether it cast.
            let address = here.map(|r| r.address).unwrap_or(chosen).to_string();
            let cards = a.live_ballots(meeting.id);
            if let Some(printed) = cards.first().map(|b| b.address.clone())
                && let Some(info) = here
                && printed != info.address.to_string()
            {
                ui.label(
                    RichText::new(
                        pc.t(T::RoomAddressDiffers)
                            .replace("{cards}", &printed)
                            .replace("{address}", &info.address.to_string()),
                    )
                    .color(theme::DANGER),
                );
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(pc.t(T::RoomCards)).family(theme::bold()));
                if ui
                    .add_enabled(!pc.read_only, egui::Button::new(pc.t(T::RoomPrintCards)))
                    .on_hover_text(pc.t(T::RoomPrintHint))
                    .clicked()
                {
                    request = Some(RoomRequest::Print {
                        meeting: meeting.id,
                        address: address.clone(),
                    });
                }
            });
            widgets::muted(ui, pc.t(T::RoomPrintHint));
            let open: Vec<&crate::domain::Round> = a
                .rounds
                .iter()
                .filter(|r| r.status == RoundStatus::Open)
                .collect();
            // A region's hundreds of parties: only the rows in view are
            // built, the others keep their space at the height a row had
            // (every row is one line), so the scroll bar stays right.
            let parties = a.ballot_parties(meeting.id, pc.today);
            let gap = 4.0;
            // In a narrow column (a 1024 px window) the card's time is left
            // out (the button says whether there is a card) and the name
            // takes what is left, so the grid stays inside the window.
            let narrow = ui.available_width() < 480.0;
            let name_width = if narrow {
                (ui.available_width() - 250.0).clamp(90.0, 260.0)
            } else {
                (ui.available_width() * 0.35).clamp(120.0, 260.0)
            };
            let mut rows = widgets::LazyGridRows::new(
                ui,
                ("room-cards", meeting.id),
                parties.len(),
                gap,
                26.0,
            );
            egui::Grid::new(("room-cards", meeting.id))
                .striped(true)
                .spacing([14.0, gap])
                .show(ui, |ui| {
                    for party in parties {
                        if rows.skip(ui, party) {
                            continue;
                        }
                        // The name at most a set width (whole on hover):
                        // a long name made the grid, and with it the page,
                        // wider than a 1024 px window.
                        let name = a.party_name(Some(party));
                        ui.add_sized([name_width, 20.0], egui::Label::new(name).truncate())
                            .on_hover_text(name);
                        // The button before the texts that vary in
                        // width, so it is always in view and in the
                        // same place; a party without a card gets one
                        // made, not "re"-issued.
                        let card = a.live_ballot(meeting.id, party);
                        let (label, hint) = if card.is_some() {
                            (T::RoomReissue, T::RoomReissueHint)
                        } else {
                            (T::RoomIssueOne, T::RoomIssueOneHint)
                        };
                        if ui
                            .add_enabled(!pc.read_only, egui::Button::new(pc.t(label)).small())
                            .on_hover_text(pc.t(hint))
                            .clicked()
                        {
                            request = Some(RoomRequest::Reissue {
                                meeting: meeting.id,
                                party,
                                address: address.clone(),
                            });
                        }
                        match card {
                            _ if narrow => {}
                            Some(b) => {
                                widgets::muted(
                                    ui,
                                    &pc.t(T::RoomCardIssued)
                                        .replace("{time}", &when(pc, &b.issued)),
                                );
                            }
                            None => {
                                widgets::muted(ui, pc.t(T::RoomNoCard));
                            }
                        };
                        // Whether it cast in the open rounds: never how.
                        let cast = open
                            .iter()
                            .filter(|r| r.voters.contains(&party))
                            .filter(|r| a.vote(r.id, party).is_some())
                            .count();
                        let voting = open.iter().filter(|r| r.voters.contains(&party)).count();
                        if voting > 1 {
                            // Several rounds open: in how many it cast.
                            let text = pc
                                .t(T::RoomCastOf)
                                .replace("{cast}", &cast.to_string())
                                .replace("{n}", &voting.to_string());
                            let (mark, colour) = if cast == voting {
                                ("✓", theme::DONE)
                            } else {
                                ("○", theme::MUTED)
                            };
                            ui.label(RichText::new(format!("{mark} {text}")).color(colour));
                        } else if voting > 0 {
                            let text = if cast == voting {
                                RichText::new(format!("✓ {}", pc.t(T::HasVoted))).color(theme::DONE)
                            } else {
                                RichText::new(format!("○ {}", pc.t(T::NotYet))).color(theme::MUTED)
                            };
                            ui.label(text);
                        } else {
                            ui.label("");
                        }
                        ui.end_row();
                    }
                });
            rows.finish(ui);
        });
        request
    }
}

/// An RFC 3339 moment as a date and time on this computer's clock.
pub(crate) fn when(pc: &PanelCtx, at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| {
            let local = t.with_timezone(&chrono::Local);
            // Today's times need no date.
            if local.date_naive() == pc.today {
                local.format("%H:%M").to_string()
            } else {
                format!(
                    "{} {}",
                    pc.lang.date(local.date_naive()),
                    local.format("%H:%M")
                )
            }
        })
        .unwrap_or_default()
}
