//! Ballot cards: one per party, two to an A4 page (cut along the line).
//! Each card has the party's name, the meeting, the QR code of the
//! party's private link drawn as vector squares, and the link itself in
//! small type. The links are not in the alliance (only their hashes are):
//! the caller passes them, right after issuing the cards.

use crate::domain::Id;
use crate::i18n::{Lang, T};
use crate::room::qr;
use samenspel_projection::print::CardsView;

use super::{DocInfo, INK, Layout, MUTED, PAGE_H, PAGE_W, Weight};

/// The size of a card's QR code, in mm (without its quiet zone).
pub const QR_MM: f32 = 62.0;
/// Cards per page.
const PER_PAGE: usize = 2;
const CARD_H: f32 = PAGE_H / PER_PAGE as f32;
/// Inside a card, the distance from its edges.
const INSET: f32 = 22.0;

/// Where the QR code of the card at `index` sits on its page: the top left
/// corner and the size of one module, in mm from the page's top left.
pub fn qr_place(index: usize, width: usize) -> (f32, f32, f32) {
    let top = (index % PER_PAGE) as f32 * CARD_H;
    let module = QR_MM / width as f32;
    (PAGE_W - INSET - QR_MM, top + INSET + 18.0, module)
}

/// The cards of a meeting for `links` (party, link), in that order.
/// `None` when a link is too long for a QR code.
pub fn cards(m: &CardsView, links: &[(Id, String)], lang: Lang) -> Option<Vec<u8>> {
    let when = m.date.map(|d| lang.date(d)).unwrap_or_default();
    let title = format!("{} · {}", lang.tr(T::PdfBallotCards), m.title);
    let mut doc = Layout::new(DocInfo {
        title: title.clone(),
        author: lang.tr(T::PdfFacilitator).to_string(),
        subject: lang.tr(T::PdfBallotCards).to_string(),
        lang,
        header: String::new(),
        footer: format!("{} · {}", m.alliance, title),
    });
    for (i, (party, link)) in links.iter().enumerate() {
        if i > 0 && i % PER_PAGE == 0 {
            doc.new_page();
        }
        let matrix = qr::matrix(link)?;
        let top = (i % PER_PAGE) as f32 * CARD_H;
        // The cutting line between two cards.
        if i % PER_PAGE == 1 {
            doc.line(&[(12.0, top), (PAGE_W - 12.0, top)], 0.4, MUTED);
        }
        let left = INSET;
        let (qx, qy, module) = qr_place(i, matrix.width);
        let text_w = qx - left - 8.0;
        let mut y = top + INSET;
        doc.text_at(
            left,
            y,
            &doc.fit(lang.tr(T::PhoneTitle), Weight::Regular, 11.0, text_w),
            Weight::Regular,
            11.0,
            MUTED,
        );
        y += 8.0;
        // The whole name, in at most three lines: a long name is set
        // smaller rather than cut off.
        let name = m.party_name(*party);
        let (size, lines) = [20.0, 17.0, 14.0, 12.0]
            .into_iter()
            .map(|size| (size, doc.wrap_with(name, Weight::Bold, size, text_w, false)))
            .find(|(_, lines)| lines.len() <= 3)
            .unwrap_or_else(|| (12.0, doc.wrap(name, Weight::Bold, 12.0, text_w)));
        for line in lines {
            doc.text_at(left, y, &line, Weight::Bold, size, INK);
            y += Layout::leading(size);
        }
        y += 3.0;
        for line in doc
            .wrap(&m.title, Weight::Regular, 12.0, text_w)
            .into_iter()
            .take(2)
        {
            doc.text_at(left, y, &line, Weight::Regular, 12.0, INK);
            y += Layout::leading(12.0);
        }
        if !when.is_empty() {
            doc.text_at(left, y, &when, Weight::Regular, 12.0, INK);
            y += Layout::leading(12.0);
        }
        y += 5.0;
        for line in doc.wrap(lang.tr(T::CardHow), Weight::Regular, 10.0, text_w) {
            doc.text_at(left, y, &line, Weight::Regular, 10.0, INK);
            y += Layout::leading(10.0);
        }
        // Room to write the room's network by hand.
        y += 3.0;
        let wifi = lang.tr(T::CardWifi);
        doc.text_at(left, y, wifi, Weight::Regular, 10.0, INK);
        let from = left + doc.measure(wifi, Weight::Regular, 10.0) + 2.0;
        let base = y + Layout::leading(10.0) - 1.2;
        doc.line(&[(from, base), (left + text_w, base)], 0.4, MUTED);
        y += Layout::leading(10.0);
        // The QR code: each run of dark modules one filled rectangle.
        for (row, col, len) in matrix.runs() {
            doc.rect(
                qx + col as f32 * module,
                qy + row as f32 * module,
                len as f32 * module,
                module,
                Some(INK),
                None,
            );
        }
        // The link, small, under the code, for typing by hand.
        let below = qy + QR_MM + 6.0;
        let y_link = below.max(y + 4.0);
        doc.text_at(
            left,
            y_link,
            lang.tr(T::CardLink),
            Weight::Regular,
            8.5,
            MUTED,
        );
        doc.text_at(
            left,
            y_link + Layout::leading(8.5),
            &doc.fit(link, Weight::Regular, 8.5, PAGE_W - 2.0 * left),
            Weight::Regular,
            8.5,
            INK,
        );
    }
    if links.is_empty() {
        doc.paragraph(lang.tr(T::RoomNoCard), Weight::Regular, 12.0, 0.0);
    }
    Some(doc.finish())
}
