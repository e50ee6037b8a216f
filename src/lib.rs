//! Samenspel: an offline desktop companion for the independent facilitator
//! who guides several organisations into one alliance.
//!
//! The flow: a user action in a [`ui`] panel becomes a [`domain::Edit`],
//! which the [`document::Document`] applies to the in-memory
//! [`domain::Alliance`] and commits to the [`store`] in one step.
//!
//! The workspace's crates are the architecture (the README draws them):
//! `samenspel-core` ← `samenspel-catalogue` ← `samenspel-projection` ←
//! `samenspel-output` ← `samenspel-app` ← this crate, the command line.
//! This crate re-exports each module under the name it always had, so
//! `samenspel::domain`, `samenspel::document` and `samenspel::ui` stay
//! where they were.

pub mod cli;

#[doc(hidden)]
pub use samenspel_core::crash;
pub use samenspel_core::{crypt, csvimport, document, exchange, store};

/// The domain ([`samenspel_core::domain`]), with the covenant's drafting
/// (from the catalogue) where it always was.
pub mod domain {
    pub use samenspel_core::domain::*;

    pub mod covenant {
        pub use samenspel_app::draft::draft_clauses;
        pub use samenspel_core::domain::covenant::*;
    }

    pub mod meeting {
        pub use samenspel_core::domain::meeting::*;

        /// The meeting as an iCalendar (.ics) invitation with its agenda
        /// from `slots`, in the machine's time zone
        /// (`samenspel_output::calendar::ics`).
        pub fn ics(
            meeting: &Meeting,
            slots: &[AgendaSlot],
            body_name: &str,
            stamp: &str,
        ) -> Option<String> {
            let zone = samenspel_app::clock::zone_name();
            ics_in(meeting, slots, body_name, stamp, zone.as_deref())
        }

        /// [`ics`] in the time zone `zone` names (an IANA name).
        pub fn ics_in(
            meeting: &Meeting,
            slots: &[AgendaSlot],
            body_name: &str,
            stamp: &str,
            zone: Option<&str>,
        ) -> Option<String> {
            let view = samenspel_projection::print::calendar(meeting, slots);
            samenspel_output::calendar::ics(&view, body_name, stamp, zone)
        }
    }
}

pub use samenspel_app::draft;
pub use samenspel_app::{clock, example, room, ui};
pub use samenspel_catalogue::i18n;
pub use samenspel_output::{labels, tokens, words};
pub use samenspel_projection::{audience, clusters, geometry, phone};

/// The documents ([`samenspel_output::report`]), with the ways to build
/// them straight from an alliance that code and tests have always used:
/// each makes the print audience (`Printing`) and builds
/// from its views, as the window and the command line do.
pub mod report {
    pub use samenspel_output::report::*;

    use crate::domain::{Alliance, Id};
    use crate::i18n::Lang;
    use samenspel_projection::print::Printing;

    /// Build a document from the alliance as it stands on `today`.
    pub fn build(
        a: &Alliance,
        request: &Request,
        today: chrono::NaiveDate,
    ) -> Result<Built, RequestError> {
        samenspel_output::report::build(&Printing::new(a, today), request)
    }

    pub mod ballots {
        pub use samenspel_output::report::ballots::*;

        use super::*;

        /// The ballot cards of a meeting; `None` without that meeting or
        /// when a link is too long for a QR code.
        pub fn cards(
            a: &Alliance,
            meeting: Id,
            links: &[(Id, String)],
            lang: Lang,
        ) -> Option<Vec<u8>> {
            let today = crate::clock::from_env().today();
            let m = Printing::new(a, today).cards(meeting)?;
            samenspel_output::report::ballots::cards(&m, links, lang)
        }
    }

    pub mod intake {
        use super::*;

        /// The facilitator's intake summary (a locked file's texts stay
        /// sealed: empty pages then).
        pub fn render(a: &Alliance, lang: Lang) -> Vec<u8> {
            let view = samenspel_projection::print::intake(a);
            samenspel_output::report::intake::render(&view, lang)
        }
    }

    pub mod table {
        pub use samenspel_output::report::table::*;

        use super::*;

        /// The selection report of a draw that was made, checked on `today`.
        pub fn selection(
            a: &Alliance,
            id: Id,
            lang: Lang,
            today: chrono::NaiveDate,
        ) -> Option<Vec<u8>> {
            let view = Printing::new(a, today).selection(id)?;
            Some(samenspel_output::report::table::selection(
                &view, lang, today,
            ))
        }

        /// What a body's table decided, with who sits on `today`.
        pub fn decisions(
            a: &Alliance,
            body: Id,
            lang: Lang,
            today: chrono::NaiveDate,
        ) -> Option<Vec<u8>> {
            let view = Printing::new(a, today).table(body)?;
            Some(samenspel_output::report::table::decisions(&view, lang))
        }
    }
}
