//! The covenant as a PDF: the title, the version and its state, the clauses,
//! one signature block per party, and the fingerprint on every page;
//! written as PDF/A-2b, the archival PDF Dutch public archives prefer.

use crate::audience::CovenantView;
use crate::domain::short_fingerprint;
use crate::i18n::{Lang, T};
use crate::words::RoomWords;

use super::{DocInfo, INK, Layout, MARGIN_X, MUTED, Weight};

/// A signature block's party (or commissioner) name and field sizes, and
/// the room under its fields for wet ink, in mm.
const NAME_SIZE: f32 = 10.5;
const FIELD_SIZE: f32 = 9.5;
const INK_ROOM: f32 = 25.0;

/// A signature block: the name's lines and the fields' lines.
type Block = (Vec<String>, Vec<String>);

/// The height of a block's text.
fn text_height((name, fields): &Block) -> f32 {
    name.len() as f32 * Layout::leading(NAME_SIZE)
        + fields.len() as f32 * Layout::leading(FIELD_SIZE)
}

/// The whole height of a row of blocks whose tallest text is `text_h`:
/// the text, the room for ink, the line and the word under it.
fn block_height(text_h: f32) -> f32 {
    text_h + INK_ROOM + 1.5 + Layout::leading(8.5) + 3.5
}

/// Draw one block at `x`, from `top`: the name in bold, the fields, and
/// after the room for ink the line to sign on with its word under it. Its
/// line is at the height of the row's tallest text (`text_h`), so the
/// lines of a row stand level.
fn sign_block(
    doc: &mut Layout,
    lang: Lang,
    x: f32,
    top: f32,
    text_h: f32,
    block: &Block,
    col: f32,
) {
    let (name, fields) = block;
    let mut y = top;
    for line in name {
        doc.text_at(x, y, line, Weight::Bold, NAME_SIZE, INK);
        y += Layout::leading(NAME_SIZE);
    }
    for line in fields {
        doc.text_at(x, y, line, Weight::Regular, FIELD_SIZE, INK);
        y += Layout::leading(FIELD_SIZE);
    }
    let rule_y = top + text_h + INK_ROOM;
    doc.line(&[(x, rule_y), (x + col - 5.0, rule_y)], 0.6, INK);
    doc.text_at(
        x,
        rule_y + 1.5,
        lang.tr(T::SignatureLine),
        Weight::Regular,
        8.5,
        MUTED,
    );
}

/// Render a covenant version. Built from the print projection only.
///
/// Long for a reason: a document read top to bottom: its layout follows the page.
pub fn render(view: &CovenantView, lang: Lang) -> Vec<u8> {
    // (The title is in the header: the footer keeps to what identifies
    // the text, so that it fits on one line whole.)
    let mut footer = if view.fingerprint.is_empty() {
        format!("{} {}", lang.tr(T::Draft), view.number)
    } else {
        format!(
            "v{} · {} {}",
            view.number,
            lang.tr(T::Fingerprint),
            short_fingerprint(&view.fingerprint)
        )
    };
    if let Some(mark) = &view.record {
        footer.push_str(&format!(" · {}", lang.record_mark(mark)));
    }
    let mut doc = Layout::new(DocInfo {
        title: view.title.clone(),
        author: view.alliance.clone(),
        subject: format!("{} v{}", lang.tr(T::NavCovenant), view.number),
        lang,
        header: format!("{} · {}", view.alliance, view.title),
        footer,
    });
    doc.paragraph(&view.alliance, Weight::Regular, 11.0, 0.0);
    doc.space(2.0);
    doc.heading(&view.title, 20.0);
    let state = match view.frozen_on {
        // What happened, not the window's word for what that means there.
        Some(d) => lang.tr(T::PdfFrozenOn).replace("{date}", &lang.date(d)),
        // What the parties read: that it is a draft, not how to edit one.
        None => lang.tr(T::PdfCovenantDraft).to_string(),
    };
    doc.paragraph(
        &format!("v{} · {state}", view.number),
        Weight::Regular,
        10.0,
        0.0,
    );
    // Who commissioned it and for how long, as frozen.
    let mut about = Vec::new();
    if !view.commissioner.trim().is_empty() {
        about.push(format!(
            "{}: {}",
            lang.tr(T::Commissioner),
            view.commissioner.trim()
        ));
    }
    if let (Some(s), e) = view.term {
        let e = e.map(|e| lang.date(e)).unwrap_or_else(|| "…".into());
        about.push(format!(
            "{}: {} – {e}",
            lang.tr(T::PdfCovenantTerm),
            lang.date(s)
        ));
    }
    if !about.is_empty() {
        doc.paragraph(&about.join(" · "), Weight::Regular, 10.0, 0.0);
    }
    if !view.fingerprint.is_empty() {
        doc.paragraph(
            &format!("{} {}", lang.tr(T::Fingerprint), view.fingerprint),
            Weight::Regular,
            8.5,
            0.0,
        );
        doc.paragraph(
            &format!(
                "{} {}",
                lang.tr(T::FingerprintSigned),
                view.signed_fingerprint
            ),
            Weight::Regular,
            8.5,
            0.0,
        );
        // Exactly what is hashed, and how anyone recomputes it.
        doc.paragraph(
            &lang
                .tr(T::FingerprintHow)
                .replace("{n}", &view.number.to_string()),
            Weight::Regular,
            8.5,
            0.0,
        );
    }
    doc.space(6.0);
    // The signature blocks, two side by side (nine parties fit on two
    // pages), laid out first: the last clause is kept with the first of
    // them, so the signatures never stand on a page of their own.
    let gap = 10.0;
    let col = (doc.text_width() - gap) / 2.0;
    let pairs: Vec<(Vec<Block>, f32, f32)> = view
        .signatures
        .chunks(2)
        .map(|pair| {
            let blocks: Vec<Block> = pair
                .iter()
                .map(|s| {
                    let date = s.date.map(|d| lang.date(d)).unwrap_or_default();
                    let withdrawn = s
                        .withdrawn
                        .as_ref()
                        .map(|(d, why)| {
                            lang.tr(T::SignatureWithdrawn)
                                .replace("{date}", &lang.date(*d))
                                .replace("{reason}", why)
                        })
                        .unwrap_or_default();
                    let mut rows = vec![
                        (T::Name, s.signatory.as_str()),
                        (T::Function, s.function.as_str()),
                        (T::Place, s.place.as_str()),
                        (T::Date, date.as_str()),
                    ];
                    if s.withdrawn.is_some() {
                        rows.push((T::WithdrawSignature, withdrawn.as_str()));
                    }
                    let fields = rows
                        .iter()
                        .flat_map(|(key, value)| {
                            doc.wrap_with(
                                &format!("{}: {value}", lang.tr(*key)),
                                Weight::Regular,
                                FIELD_SIZE,
                                col,
                                false,
                            )
                        })
                        .collect();
                    (
                        doc.wrap_with(&s.party, Weight::Bold, NAME_SIZE, col, false),
                        fields,
                    )
                })
                .collect();
            let text_h = blocks.iter().map(text_height).fold(0.0, f32::max);
            (blocks, text_h, block_height(text_h))
        })
        .collect();
    let clause_h = |doc: &Layout, heading: &str, text: &str| {
        doc.balanced(heading, Weight::Bold, 13.0, doc.text_width())
            .len() as f32
            * Layout::heading_leading(13.0)
            + 1.5
            + doc
                .wrap(text, Weight::Regular, 11.0, doc.text_width())
                .len() as f32
                * Layout::leading(11.0)
            + 4.0
    };
    let signatures_head = Layout::heading_leading(16.0) + 1.5 + 2.0;
    let last = view.clauses.len().saturating_sub(1);
    for (i, (heading, text)) in view.clauses.iter().enumerate() {
        let heading = format!("{}. {heading}", i + 1);
        if i == last
            && let Some((_, _, first)) = pairs.first()
        {
            let needed = clause_h(&doc, &heading, text) + 6.0 + signatures_head + first;
            doc.keep(needed);
        }
        doc.heading(&heading, 13.0);
        doc.paragraph(text, Weight::Regular, 11.0, 0.0);
        doc.space(4.0);
    }
    let commissioner = view.commissioner.trim();
    let acknowledges = view.acknowledgement && !commissioner.is_empty();
    // No parties yet: no empty page of signatures.
    if view.signatures.is_empty() {
        if acknowledges {
            acknowledgement(&mut doc, lang, commissioner, col);
        }
        return doc.finish_archival();
    }
    doc.space(6.0);
    if let Some((_, _, first)) = pairs.first() {
        doc.keep(signatures_head + first);
    }
    doc.heading(lang.tr(T::Signatures), 16.0);
    doc.space(2.0);
    for (blocks, text_h, block) in &pairs {
        doc.keep(*block);
        let top = doc.cursor();
        for (i, b) in blocks.iter().enumerate() {
            let x = MARGIN_X + i as f32 * (col + gap);
            sign_block(&mut doc, lang, x, top, *text_h, b, col);
        }
        doc.space(*block);
    }
    if acknowledges {
        acknowledgement(&mut doc, lang, commissioner, col);
    }
    // A covenant is kept: written for the archive, as PDF/A-2b.
    doc.finish_archival()
}

/// The commissioner's block, below the parties': it signs for
/// acknowledgement ("voor gezien") and is no party to the covenant. Kept
/// whole on one page, with the same room for ink as a party's block.
fn acknowledgement(doc: &mut Layout, lang: Lang, commissioner: &str, col: f32) {
    let note = doc.wrap(
        lang.tr(T::PdfAcknowledgementNote),
        Weight::Regular,
        10.0,
        doc.text_width(),
    );
    let block: Block = (
        doc.wrap_with(commissioner, Weight::Bold, NAME_SIZE, col, false),
        [T::Name, T::Function, T::Place, T::Date]
            .iter()
            .map(|k| format!("{}:", lang.tr(*k)))
            .collect(),
    );
    let text_h = text_height(&block);
    let needed = 6.0
        + Layout::heading_leading(16.0)
        + 3.5
        + note.len() as f32 * Layout::leading(10.0)
        + 2.0
        + block_height(text_h);
    doc.space(6.0);
    doc.keep(needed);
    doc.heading(lang.tr(T::PdfAcknowledgement), 16.0);
    doc.paragraph(
        lang.tr(T::PdfAcknowledgementNote),
        Weight::Regular,
        10.0,
        0.0,
    );
    doc.space(2.0);
    let top = doc.cursor();
    sign_block(doc, lang, MARGIN_X, top, text_h, &block, col);
    doc.space(block_height(text_h));
}
