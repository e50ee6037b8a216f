//! Comment rounds (issue 29, part 1): a draft put out for comments, each
//! party's comments recorded and answered, the processing published as a
//! whole. Before publishing no party sees another party's comments; a
//! comment for the facilitator alone never reaches a shared surface;
//! published, the round and its comments no longer change.

use chrono::NaiveDate;
use samenspel::domain::{
    Alliance, Comment, CommentRound, CommentVia, Confidential, Draft, EditError, Id, Response,
};
use samenspel::i18n::Lang;
use samenspel::report::{self, Kind, Request};

use crate::pdf::text_of;
use crate::support::{Dir, load};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const PRIVATE: &str = "ALLEEN-PB-";

/// The lab with the work plan put out for comments on 15 October, between
/// meeting 1 (1 October) and meeting 2 (10 December): comments from three
/// parties, and one for the facilitator alone.
pub(crate) fn lab_with_comments() -> Alliance {
    let mut a = crate::between::lab_with_meetings();
    let e = a.insert(CommentRound {
        title: "Werkagenda wonen".into(),
        draft: Draft::FocalPoint(1),
        opened: Some(day(2026, 10, 15)),
        due: Some(day(2026, 11, 1)),
        ..Default::default()
    });
    a.apply(&e).unwrap();
    for (party, part, text, private, via) in [
        (
            2,
            "regel 1",
            "Neem de huisbezoeken op in het protocol.",
            false,
            CommentVia::Typed,
        ),
        (
            4,
            "regel 1",
            "Horizon wil medetrekker zijn.",
            false,
            CommentVia::Typed,
        ),
        (
            3,
            "",
            "De Brug mist de dagbesteding in de planning.",
            false,
            CommentVia::Phone,
        ),
        (
            1,
            "regel 1",
            "ALLEEN-PB-wethouder twijfelt",
            true,
            CommentVia::Typed,
        ),
    ] {
        let e = a.insert(Comment {
            round: 1,
            party,
            part: part.into(),
            text: Confidential::new(text.to_string()),
            facilitator_only: private,
            via,
            ..Default::default()
        });
        a.apply(&e).unwrap();
    }
    a
}

/// Answer every comment: the first adopted, with the change it made.
fn answer_all(a: &mut Alliance) {
    let answers = [
        (
            1,
            Response::Adopted,
            "Huisbezoeken horen bij de escalatie.",
            "Escalatieprotocol opstellen",
            "Escalatieprotocol met huisbezoeken opstellen",
        ),
        (
            2,
            Response::NotAdopted,
            "De gemeente blijft trekker; Horizon doet mee.",
            "",
            "",
        ),
        (
            3,
            Response::AlreadyCovered,
            "Staat in regel 2 van het werkplan.",
            "",
            "",
        ),
        (
            4,
            Response::NotAdopted,
            "Besproken met de wethouder.",
            "",
            "",
        ),
    ];
    for (id, response, why, before, after) in answers {
        let mut c = a.comments.iter().find(|c| c.id == id).unwrap().clone();
        c.response = response;
        c.why = why.into();
        c.before = before.into();
        c.after = after.into();
        let e = a.update(c);
        a.apply(&e).unwrap();
    }
}

fn document(a: &Alliance, kind: Kind, meeting: Option<Id>, of: Option<Id>, lang: Lang) -> String {
    let bytes = pdf_bytes(a, kind, meeting, of, lang);
    // To look at every page by hand: SAMENSPEL_KEEP_PDFS=DIR keeps them.
    if let Ok(dir) = std::env::var("SAMENSPEL_KEEP_PDFS") {
        let name = format!("{kind:?}-{meeting:?}-{of:?}-{lang:?}.pdf");
        std::fs::write(std::path::Path::new(&dir).join(name), &bytes).unwrap();
    }
    text_of(&bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pdf_bytes(a: &Alliance, kind: Kind, meeting: Option<Id>, of: Option<Id>, lang: Lang) -> Vec<u8> {
    report::build(
        a,
        &Request {
            kind,
            meeting,
            version: None,
            of,
            lang,
        },
        day(2026, 12, 6),
    )
    .unwrap()
    .bytes
}

/// Every shared surface a party could see: the room, the pack and minutes
/// of both meetings, each party's page, the processing itself.
fn shared_surfaces(a: &Alliance) -> Vec<(String, String)> {
    let mut out = vec![(
        "room".to_string(),
        serde_json::to_string(&samenspel::audience::room(a)).unwrap(),
    )];
    for m in [1, 2] {
        for kind in [Kind::Pack, Kind::Minutes] {
            out.push((
                format!("{kind:?} {m}"),
                document(a, kind, Some(m), None, Lang::Nl),
            ));
        }
    }
    for p in 1..=4 {
        out.push((
            format!("party {p}"),
            document(a, Kind::PartyShare, None, Some(p), Lang::Nl),
        ));
    }
    out.push((
        "processing".to_string(),
        document(a, Kind::Comments, None, Some(1), Lang::Nl),
    ));
    out
}

#[test]
fn a_comment_round_goes_from_draft_to_published_processing() {
    let mut a = lab_with_comments();
    // Before publishing: each party sees its own comments, being processed,
    // and no other party's; the room sees how many parties commented.
    let room = samenspel::audience::room(&a);
    assert_eq!(room.comment_rounds[0].parties, 3);
    assert!(room.comment_rounds[0].comments.is_empty());
    let horizon = document(&a, Kind::PartyShare, None, Some(4), Lang::Nl);
    assert!(
        horizon.contains("Uw commentaar en wat ermee gebeurde"),
        "{horizon}"
    );
    assert!(
        horizon.contains("Horizon wil medetrekker zijn."),
        "{horizon}"
    );
    assert!(horizon.contains("In behandeling"), "{horizon}");
    assert!(
        !horizon.contains("huisbezoeken op in het protocol"),
        "{horizon}"
    );
    for (name, text) in shared_surfaces(&a) {
        assert!(!text.contains(PRIVATE), "{name}: {text}");
        if name != "processing" && !name.starts_with("party") {
            assert!(
                !text.contains("medetrekker"),
                "{name} before publishing: {text}"
            );
        }
    }
    // The processing can be printed as a draft for the facilitator.
    let draft = document(&a, Kind::Comments, None, Some(1), Lang::Nl);
    assert!(draft.contains("nog niet gepubliceerd"), "{draft}");

    // Not published while a comment has no response.
    assert_eq!(
        a.publish_comments(1, day(2026, 11, 20)).err(),
        Some(EditError::CommentsUnanswered)
    );
    answer_all(&mut a);
    let e = a.publish_comments(1, day(2026, 11, 20)).unwrap();
    a.apply(&e).unwrap();

    // Published: every shared comment and what became of it.
    let room = samenspel::audience::room(&a);
    assert_eq!(room.comment_rounds[0].comments.len(), 3);
    let processing = document(&a, Kind::Comments, None, Some(1), Lang::Nl);
    assert!(
        processing.contains("Verwerking van het commentaar"),
        "{processing}"
    );
    assert!(
        processing.contains("Gepubliceerd op 20 november 2026"),
        "{processing}"
    );
    assert!(
        processing.contains("Overgenomen: Huisbezoeken horen bij de escalatie."),
        "{processing}"
    );
    assert!(
        processing.contains("Escalatieprotocol met huisbezoeken opstellen"),
        "the change, new text beside the old: {processing}"
    );
    assert!(processing.contains("Staat er al in"), "{processing}");
    let horizon = document(&a, Kind::PartyShare, None, Some(4), Lang::En);
    assert!(
        horizon.contains("Not accepted: De gemeente blijft trekker; Horizon doet mee."),
        "{horizon}"
    );
    // The next meeting's pack lists what the comments changed.
    let pack = document(&a, Kind::Pack, Some(2), None, Lang::Nl);
    assert!(pack.contains("Verwerkt commentaar"), "{pack}");
    assert!(pack.contains("Woonstede (regel 1): Overgenomen"), "{pack}");
    assert!(
        pack.contains("Tekst wordt: Escalatieprotocol met huisbezoeken opstellen"),
        "{pack}"
    );
    for (name, text) in shared_surfaces(&a) {
        assert!(!text.contains(PRIVATE), "{name}: {text}");
    }

    // On the record: no comment or round changes any more.
    let mut c = a.comments[0].clone();
    c.why = "Anders".into();
    let e = a.update(c);
    assert_eq!(a.apply(&e), Err(EditError::CommentsPublished));
    let e = a.insert(Comment {
        round: 1,
        party: 2,
        text: Confidential::new("Nog iets".to_string()),
        ..Default::default()
    });
    assert_eq!(a.apply(&e), Err(EditError::CommentsPublished));
    let mut r = a.comment_rounds[0].clone();
    r.published = None;
    let e = a.update(r);
    assert_eq!(a.apply(&e), Err(EditError::CommentsPublished));
}

#[test]
fn the_command_line_writes_the_processing_of_a_round() {
    let dir = Dir::new();
    let path = dir.path("lab.samenspel");
    let mut a = lab_with_comments();
    answer_all(&mut a);
    samenspel::document::Document::create(&path, &a, &[]).unwrap();
    let out = dir.path("verwerking.pdf");
    let (ok, stdout, stderr) = crate::support::cli_with_input(
        &[
            "pdf",
            "comments",
            path.to_str().unwrap(),
            "--round",
            "1",
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("De verwerking van het commentaar geschreven naar"),
        "{stdout}"
    );
    let text = text_of(&std::fs::read(&out).unwrap());
    assert!(text.contains("Werkagenda wonen"), "{text}");
    assert!(!text.contains(PRIVATE), "{text}");
    let (ok, _, stderr) = crate::support::cli_with_input(
        &[
            "pdf",
            "comments",
            path.to_str().unwrap(),
            "--round",
            "7",
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert!(!ok);
    assert!(
        stderr.contains("has no comment round 7 (it has 1)."),
        "{stderr}"
    );
    // The file keeps every comment, with its response.
    let stored = load(&path);
    assert_eq!(stored.comments.len(), 4);
    assert_eq!(stored.comments[0].response, Response::Adopted);
}

#[test]
fn comments_are_typed_answered_and_published_in_the_window() {
    use crate::typing::{type_into, type_slowly};
    use crate::ui::{FakeDialogs, app, choose, click, harness, nav};
    use egui_kittest::kittest::{NodeT, Queryable};
    let dir = Dir::new();
    let path = dir.path("commentaar.samenspel");
    samenspel::document::Document::create(&path, &crate::between::lab_with_meetings(), &[])
        .unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Commentaarrondes");
    click(&mut h, "+  Nieuwe commentaarronde");
    type_into(&mut h, "Titel van de ronde", "Werkagenda najaar");
    // The form for a new comment fits the 1280-pixel window.
    for field in [
        "Nieuw commentaar: Over (deel van het concept)",
        "Nieuw commentaar: Commentaar",
    ] {
        let right = h.get_by_label(field).rect().right();
        assert!(right <= 1270.0, "{field} ends at {right}");
    }
    choose(&mut h, "Van", "Woonstede");
    type_into(
        &mut h,
        "Nieuw commentaar: Over (deel van het concept)",
        "regel 1",
    );
    h.get_by_label("Nieuw commentaar: Commentaar").focus();
    h.run();
    type_slowly(&mut h, "Graag huisbezoeken erbij.");
    click(&mut h, "+  Commentaar vastleggen");
    // The next comment may be another party's: "Van" is chosen again.
    assert_eq!(
        h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Van")
            .value()
            .as_deref(),
        Some("—")
    );
    let stored = load(&path);
    assert_eq!(stored.comment_rounds[0].title, "Werkagenda najaar");
    assert!(
        stored.comment_rounds[0].opened.is_some(),
        "dated by the clock"
    );
    assert_eq!(stored.comments.len(), 1);
    assert_eq!(
        Confidential::expose(&stored.comments[0].text),
        "Graag huisbezoeken erbij."
    );
    assert_eq!(stored.comments[0].party, 2);
    // Not published while unanswered.
    assert!(
        h.query_by_label("Verwerking publiceren")
            .is_some_and(|b| b.accesskit_node().is_disabled())
    );
    choose(&mut h, "Wat ermee gebeurt (Commentaar 1)", "Overgenomen");
    type_into(&mut h, "Waarom (Commentaar 1)", "Past bij de escalatie.");
    type_into(
        &mut h,
        "Tekst wordt (Commentaar 1)",
        "Protocol met huisbezoeken",
    );
    let stored = load(&path);
    assert_eq!(stored.comments[0].response, Response::Adopted);
    assert_eq!(stored.comments[0].why, "Past bij de escalatie.");
    assert_eq!(stored.comments[0].after, "Protocol met huisbezoeken");
    click(&mut h, "Verwerking publiceren");
    // Asked first; then on the record.
    h.get_by_label("Annuleren").click();
    h.run();
    assert!(load(&path).comment_rounds[0].published.is_none());
    click(&mut h, "Verwerking publiceren");
    let confirm: Vec<_> = h.query_all_by_label("Verwerking publiceren").collect();
    confirm.last().unwrap().click();
    h.run();
    assert!(load(&path).comment_rounds[0].published.is_some());
    assert!(
        h.query_all_by(|n| n.label().is_some_and(|l| l.contains("Gepubliceerd op")))
            .next()
            .is_some()
    );
    // Published: its fields no longer take typing.
    assert!(
        h.get_by_label("Waarom (Commentaar 1)")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn comments_a_party_filled_in_on_a_spreadsheet_are_imported_into_the_round() {
    use crate::ui::{FakeDialogs, app, click, harness, nav};
    let dir = Dir::new();
    let path = dir.path("csv.samenspel");
    let mut a = crate::between::lab_with_meetings();
    let e = a.insert(CommentRound {
        title: "Werkagenda".into(),
        ..Default::default()
    });
    a.apply(&e).unwrap();
    samenspel::document::Document::create(&path, &a, &[]).unwrap();
    // As a municipal officer's spreadsheet comes: Windows-1252, `;`, CRLF,
    // a quoted cell with a `;` in it, and one row for a party not in the
    // alliance.
    let sheet = dir.path("commentaar.csv");
    let mut bytes = b"Partij;Onderdeel;Commentaar\r\n".to_vec();
    bytes.extend(b"Woonstede;regel 1;\"Graag ook huisbezoeken; niet alleen brieven\"\r\n");
    bytes.extend(b"De Brug;;Dagbesteding ontbreekt \xe9n de planning\r\n");
    bytes.extend(b"Onbekend;regel 2;Wie zijn wij?\r\n");
    std::fs::write(&sheet, bytes).unwrap();
    let dialogs = FakeDialogs::default();
    *dialogs.csv.borrow_mut() = Some(sheet);
    let mut h = harness(app(&dir, Some(&path), dialogs));
    nav(&mut h, "Commentaarrondes");
    click(&mut h, "Commentaar uit spreadsheet (CSV)…");
    let stored = load(&path);
    assert_eq!(stored.comments.len(), 2);
    assert_eq!(
        Confidential::expose(&stored.comments[0].text),
        "Graag ook huisbezoeken; niet alleen brieven"
    );
    assert_eq!(stored.comments[0].part, "regel 1");
    assert_eq!(stored.comments[1].party, 3);
    assert!(Confidential::expose(&stored.comments[1].text).contains("én de planning"));
    assert!(stored.comments.iter().all(|c| c.via == CommentVia::Csv));
    // The row that could not be one is named, in one sentence.
    use egui_kittest::kittest::Queryable;
    assert!(
        h.query_all_by(|n| {
            [n.label(), n.value()]
                .into_iter()
                .flatten()
                .any(|t| t.contains("Regel 4: Er is geen partij \"Onbekend\"."))
        })
        .next()
        .is_some(),
        "the row is named"
    );
    // One undo step takes the whole import back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(load(&path).comments.is_empty());
}

/// Publishing is on the record of commitments: undo stops at it, and
/// `samenspel verify` names a comment changed in the file afterwards; the
/// text of a comment for the facilitator alone is not in the record.
#[test]
fn publishing_is_on_the_record_and_a_changed_answer_is_found() {
    let dir = Dir::new();
    let path = dir.path("vastgelegd.samenspel");
    let mut a = lab_with_comments();
    answer_all(&mut a);
    samenspel::document::Document::create(&path, &a, &[]).unwrap();
    let mut doc = samenspel::document::Document::open(&path).unwrap();
    let e = doc
        .alliance()
        .publish_comments(1, day(2026, 11, 20))
        .unwrap();
    doc.perform(e).unwrap();
    assert!(
        doc.undo().is_err(),
        "undo stops at the published processing"
    );
    assert!(doc.alliance().comment_rounds[0].published.is_some());
    drop(doc);
    let (ok, stdout, stderr) =
        crate::support::cli_with_input(&["verify", path.to_str().unwrap()], "");
    assert!(ok, "{stdout}{stderr}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let texts: Vec<String> = conn
        .prepare("SELECT text FROM commitment")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(texts.iter().any(|t| t.contains("commitment: comments")));
    assert!(texts.iter().all(|t| !t.contains(PRIVATE)), "{texts:?}");
    // A hand edit of an answer after publishing is found.
    conn.execute(
        "UPDATE comment SET why = 'Anders besloten.' WHERE id = 2",
        [],
    )
    .unwrap();
    drop(conn);
    let (ok, stdout, stderr) =
        crate::support::cli_with_input(&["verify", path.to_str().unwrap()], "");
    assert!(!ok, "{stdout}{stderr}");
    assert!(
        format!("{stdout}{stderr}").contains("Werkagenda wonen"),
        "{stdout}{stderr}"
    );
}
