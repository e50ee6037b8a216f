//! "Verwerking van het commentaar" (a *nota van beantwoording*): every
//! party's comments on a draft, each with what is done with it and why,
//! and the change it made, old text beside new. Built from the print
//! audience's view of one round, which never holds a comment meant for
//! the facilitator alone.

use crate::audience::{CommentsView, RoomComment, RoomDraft};
use crate::domain::Response;
use crate::i18n::{Lang, T};

use super::{ACCENT, DocInfo, Layout, MUTED, WARN, Weight};

/// The draft a round is about, in words.
pub fn draft_name(lang: Lang, d: &RoomDraft) -> String {
    let (key, name) = match d {
        RoomDraft::WorkPlan => return lang.tr(T::DraftWorkPlan).to_string(),
        RoomDraft::FocalPoint(n) => (T::DraftFocalPoint, n),
        RoomDraft::Minutes(n) => (T::DraftMinutes, n),
        RoomDraft::Agenda(n) => (T::DraftAgenda, n),
        RoomDraft::RuleSet(n) => (T::DraftRuleSet, n),
        RoomDraft::Covenant(n) => (T::DraftCovenant, n),
    };
    lang.tr(key).replace("{name}", name)
}

/// What is done with a comment, in words.
pub fn response_word(lang: Lang, r: Response) -> &'static str {
    lang.tr(match r {
        Response::Open => T::ResponseOpen,
        Response::Adopted => T::ResponseAdopted,
        Response::Partly => T::ResponsePartly,
        Response::NotAdopted => T::ResponseNotAdopted,
        Response::AlreadyCovered => T::ResponseAlreadyCovered,
    })
}

/// One comment: who, about what, the comment, and what became of it.
pub fn comment(doc: &mut Layout, n: usize, c: &RoomComment, lang: Lang) {
    let head = if c.part.trim().is_empty() {
        format!("{n}. {}", c.party)
    } else {
        format!("{n}. {} — {}", c.party, c.part)
    };
    comment_under(doc, &head, c, lang);
}

/// A party's own comment on its page: the round and what it is about,
/// not who.
pub fn own_comment(doc: &mut Layout, round: &str, c: &RoomComment, lang: Lang) {
    let head = if c.part.trim().is_empty() {
        round.to_string()
    } else {
        format!("{round} — {}", c.part.trim())
    };
    comment_under(doc, &head, c, lang);
}

fn comment_under(doc: &mut Layout, head: &str, c: &RoomComment, lang: Lang) {
    doc.keep(30.0);
    doc.heading(head, 11.5);
    doc.paragraph(&c.text, Weight::Regular, 10.0, 0.0);
    doc.space(1.0);
    match c.response {
        Some(r) => {
            let colour = if r == Response::Open { WARN } else { ACCENT };
            let mut line = response_word(lang, r).to_string();
            if !c.why.trim().is_empty() {
                line.push_str(&format!(": {}", c.why.trim()));
            }
            doc.paragraph_in(&line, Weight::Bold, 10.0, 0.0, colour);
        }
        None => doc.paragraph_in(
            lang.tr(T::PdfCommentPending),
            Weight::Regular,
            9.5,
            0.0,
            MUTED,
        ),
    }
    if let Some((before, after)) = &c.change {
        doc.space(1.0);
        doc.table(
            &[0.5, 0.5],
            &[lang.tr(T::CommentBefore), lang.tr(T::CommentAfter)],
            &[vec![before.clone(), after.clone()]],
            9.0,
        );
    }
    doc.space(3.0);
}

/// The processing of one comment round.
pub fn render(view: &CommentsView, lang: Lang) -> Vec<u8> {
    let r = &view.round;
    let title = lang.tr(T::PdfCommentsTitle).to_string();
    let draft = draft_name(lang, &r.draft);
    let mut doc = Layout::new(DocInfo {
        title: format!("{title}: {}", r.title),
        author: lang.tr(T::PdfFacilitator).to_string(),
        subject: draft.clone(),
        lang,
        header: format!("{} · {title}", view.alliance),
        footer: format!("{} · {title} · {}", view.alliance, r.title),
    });
    doc.paragraph_in(&view.alliance, Weight::Regular, 11.0, 0.0, MUTED);
    doc.space(1.0);
    doc.heading(&title, 20.0);
    doc.heading(&r.title, 13.0);
    let mut when = Vec::new();
    if let Some(d) = r.opened {
        when.push(format!("{} {}", lang.tr(T::CommentsOpened), lang.date(d)));
    }
    if let Some(d) = r.due {
        when.push(format!("{} {}", lang.tr(T::CommentsDue), lang.date(d)));
    }
    if !when.is_empty() {
        doc.paragraph_in(&when.join(" · "), Weight::Regular, 9.5, 0.0, MUTED);
    }
    match r.published {
        Some(d) => doc.paragraph_in(
            &lang
                .tr(T::CommentsPublishedOn)
                .replace("{date}", &lang.date(d)),
            Weight::Regular,
            9.5,
            0.0,
            ACCENT,
        ),
        None => doc.paragraph_in(lang.tr(T::PdfCommentsNotYet), Weight::Bold, 9.5, 0.0, WARN),
    }
    doc.space(2.0);
    if view.comments.is_empty() {
        doc.paragraph_in(
            lang.tr(T::PdfCommentsNone),
            Weight::Regular,
            10.0,
            0.0,
            MUTED,
        );
        return doc.finish();
    }
    doc.paragraph(
        &lang
            .tr(T::PdfCommentsIntro)
            .replace("{draft}", &draft)
            .replace("{n}", &r.parties.to_string()),
        Weight::Regular,
        10.5,
        0.0,
    );
    doc.space(3.0);
    for (k, c) in view.comments.iter().enumerate() {
        comment(&mut doc, k + 1, c, lang);
    }
    doc.finish()
}
