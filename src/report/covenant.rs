//! The covenant as a PDF: the title, the version and its state, the clauses,
//! one signature block per party, and the fingerprint on every page.

use crate::audience::CovenantView;
use crate::domain::covenant::short_fingerprint;
use crate::i18n::{Lang, T};

use super::{DocInfo, INK, Layout, MARGIN_X, MUTED, Weight};

/// Render a covenant version. Built from the print projection only.
pub fn render(view: &CovenantView, lang: Lang) -> Vec<u8> {
    let footer = if view.fingerprint.is_empty() {
        format!("{} · {} {}", view.title, lang.tr(T::Draft), view.number)
    } else {
        format!(
            "{} · v{} · {} {}",
            view.title,
            view.number,
            lang.tr(T::Fingerprint),
            short_fingerprint(&view.fingerprint)
        )
    };
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
        Some(d) => lang.tr(T::FrozenOn).replace("{date}", &lang.date(d)),
        None => lang.tr(T::DraftHint).to_string(),
    };
    doc.paragraph(
        &format!("v{} · {state}", view.number),
        Weight::Regular,
        10.0,
        0.0,
    );
    if !view.fingerprint.is_empty() {
        doc.paragraph(
            &format!("{} {}", lang.tr(T::Fingerprint), view.fingerprint),
            Weight::Regular,
            8.5,
            0.0,
        );
    }
    doc.space(6.0);
    for (i, (heading, text)) in view.clauses.iter().enumerate() {
        doc.heading(&format!("{}. {heading}", i + 1), 13.0);
        doc.paragraph(text, Weight::Regular, 11.0, 0.0);
        doc.space(4.0);
    }
    doc.new_page();
    doc.heading(lang.tr(T::Signatures), 16.0);
    doc.space(2.0);
    let block = 46.0;
    for s in &view.signatures {
        doc.keep(block);
        doc.paragraph(&s.party, Weight::Bold, 12.0, 0.0);
        let date = s.date.map(|d| lang.date(d)).unwrap_or_default();
        for (key, value) in [
            (T::Name, s.signatory.as_str()),
            (T::Function, s.function.as_str()),
            (T::Place, s.place.as_str()),
            (T::Date, date.as_str()),
        ] {
            doc.paragraph(
                &format!("{}: {value}", lang.tr(key)),
                Weight::Regular,
                10.5,
                0.0,
            );
        }
        doc.space(10.0);
        doc.rule(MARGIN_X, MARGIN_X + 80.0, 0.6, INK);
        doc.space(1.5);
        doc.paragraph_in(lang.tr(T::SignatureLine), Weight::Regular, 8.5, 0.0, MUTED);
        doc.space(6.0);
    }
    doc.finish()
}
