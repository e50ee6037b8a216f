//! What the room witnessed stays as it saw it, tried through the window as
//! a facilitator would, typing one key at a time: a round entered after
//! the meeting it was held at, revealed, Ctrl+Z pressed, the stance
//! corrected with a reason, adopted, and later put again; then the
//! decision log, the minutes and the next pack.

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use samenspel::document::Document;
use samenspel::domain::{Alliance, Meeting, Party, RoundStatus, record};
use samenspel::i18n::Lang;
use samenspel::ui::SamenspelApp;

use crate::pdf::text_of;
use crate::support::{Dir, load};
use crate::typing::{type_into, type_slowly};
use crate::ui::{FakeDialogs, app, choose, click, harness, nav};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const PARTIES: [&str; 4] = [
    "Woonzorg Rivierenland",
    "GGZ De Linge",
    "Gemeente Tiel",
    "Buurtteam West",
];

/// Four parties and two meetings: the work conference of 12 January and
/// the steering group of 9 February 2027.
fn rivierenland(dir: &Dir) -> std::path::PathBuf {
    let path = dir.path("rivierenland.samenspel");
    let mut a = Alliance::named("Zorgnetwerk Rivierenland");
    for name in PARTIES {
        let e = a.insert(Party {
            name: name.into(),
            ..Party::default()
        });
        a.apply(&e).unwrap();
    }
    for (title, date) in [
        ("Werkconferentie", day(2027, 1, 12)),
        ("Stuurgroep", day(2027, 2, 9)),
    ] {
        let e = a.insert(Meeting {
            title: title.into(),
            date: Some(date),
            ..Meeting::default()
        });
        a.apply(&e).unwrap();
    }
    Document::create(&path, &a, &[]).unwrap();
    path
}

fn cast_slowly(h: &mut Harness<'_, SamenspelApp>, party: &str, value: &str, reason: Option<&str>) {
    choose(h, "Standpunt van", party);
    click(h, value);
    if let Some(reason) = reason {
        type_into(h, "Reden", reason);
    }
    click(h, "✓  Vastleggen");
}

fn ctrl_z(h: &mut Harness<'_, SamenspelApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_revealed_veto_survives_ctrl_z_is_corrected_with_a_reason_and_put_again_later() {
    let dir = Dir::new();
    let path = rivierenland(&dir);
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    // Entered a week after the work conference it was held at.
    h.state_mut().set_today(day(2027, 1, 20));
    h.run();
    nav(&mut h, "Consensusrondes");
    click(&mut h, "+  Nieuwe ronde");
    type_into(&mut h, "Voorstel", "We werken met één gezamenlijk zorgplan");
    type_into(&mut h, "Gehouden op", "12-01-2027");
    click(&mut h, "Ronde openen");
    let r = h.state().alliance().unwrap().rounds[0].clone();
    assert_eq!(r.opened, Some(day(2027, 1, 12)), "held on the typed day");

    for party in ["Woonzorg Rivierenland", "Gemeente Tiel", "Buurtteam West"] {
        cast_slowly(&mut h, party, "1 · Van harte eens", None);
    }
    cast_slowly(
        &mut h,
        "GGZ De Linge",
        "8 · Veto",
        Some("Ons beroepsgeheim laat één plan niet toe"),
    );
    click(&mut h, "Alles tegelijk tonen");
    h.get_by_label_contains("Geblokkeerd door: GGZ De Linge");

    // Ctrl+Z, once and then nine times more: the reveal stays, and the
    // window says why.
    for n in 0..10 {
        ctrl_z(&mut h);
        let a = h.state().alliance().unwrap();
        assert!(a.rounds[0].revealed, "press {n}: the round is hidden again");
        assert_eq!(a.vote(r.id, 2).unwrap().value, 8, "press {n}");
        assert!(
            h.query_by_label("✓  Vastleggen").is_none(),
            "press {n}: the stance form came back"
        );
        // Said in the status bar, without a dialog to click away.
        assert!(h.state().error().is_none(), "press {n}");
        let notice = h.state().caution().unwrap_or_default().to_string();
        assert!(
            notice.contains("Na het tonen ligt elk standpunt vast"),
            "press {n}: {notice}"
        );
    }
    // As a warning, never with the ✓ of "saved".
    h.get_by_label_contains("⚠ Na het tonen ligt elk standpunt vast");
    assert!(h.query_by_label_contains("✓ Na het tonen").is_none());
    let on_disk = load(&path);
    assert!(on_disk.rounds[0].revealed);
    assert_eq!(on_disk.vote(r.id, 2).unwrap().value, 8);

    // The way back is a correction with a reason, dated by the meeting.
    choose(&mut h, "Standpunt van", "GGZ De Linge");
    // The value button, not the stance shown in the list above it.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "1 · Van harte eens")
        .click();
    h.run();
    type_into(
        &mut h,
        "Reden van de correctie",
        "Verkeerd genoteerd: de GGZ stemde in onder voorbehoud van toestemming",
    );
    click(&mut h, "Correctie vastleggen");
    let a = h.state().alliance().unwrap();
    let v = a.vote(r.id, 2).unwrap();
    assert_eq!(v.value, 1);
    assert_eq!(v.corrections.len(), 1);
    assert_eq!(v.corrections[0].from, 8);
    assert_eq!(v.corrections[0].on, Some(day(2027, 1, 12)));
    h.get_by_label_contains("Gecorrigeerd van 8 · Veto naar 1 · Van harte eens");

    // Adopted: dated by the work conference, not the day it was typed.
    click(&mut h, "Aannemen");
    ctrl_z(&mut h);
    let a = h.state().alliance().unwrap();
    assert_eq!(a.rounds[0].status, RoundStatus::Adopted);
    assert_eq!(a.rounds[0].decided, Some(day(2027, 1, 12)));

    // At the steering group GGZ De Linge asks to put it again: a new round,
    // with its reason; the decision stays as the room saw it.
    click(&mut h, "Opnieuw voorleggen");
    type_into(
        &mut h,
        "Waarom opnieuw",
        "De toestemmingsregeling is nog niet rond",
    );
    type_into(&mut h, "Gehouden op", "09-02-2027");
    click(&mut h, "Opnieuw voorleggen");
    let a = h.state().alliance().unwrap().clone();
    assert_eq!(a.rounds.len(), 2);
    let again = &a.rounds[1];
    assert_eq!(again.previous, Some(r.id));
    assert_eq!(again.note, "De toestemmingsregeling is nog niet rond");
    assert_eq!(again.opened, Some(day(2027, 2, 9)));
    assert_eq!(again.status, RoundStatus::Open);
    assert_eq!(a.rounds[0].status, RoundStatus::Adopted);
    assert_eq!(a.rounds[0].decided, Some(day(2027, 1, 12)));
    h.get_by_label_contains("Legt het besluit van ronde #1 (12 januari 2027) opnieuw voor");

    // The decision log keeps the correction and says it was put again.
    nav(&mut h, "Besluitenlijst");
    h.get_by_label_contains("Gecorrigeerd van 8 · Veto naar 1 · Van harte eens");
    h.get_by_label_contains("Opnieuw voorgelegd op 9 februari 2027");
    drop(h);

    let a = load(&path);
    record::verify(&a).expect("the record holds");
    let room = samenspel::audience::room_on(&a, day(2027, 1, 20));
    let correction = "Standpunt van GGZ De Linge gecorrigeerd van 8 · Veto naar 1 · Van harte eens \
                      (gehouden op 12 januari 2027): “Verkeerd genoteerd";
    let again = "Opnieuw voorgelegd op 9 februari 2027: “De toestemmingsregeling is nog niet rond”";
    let minutes = |id| {
        flat(&text_of(
            &samenspel::report::meeting::minutes(&room, id, Lang::Nl).unwrap(),
        ))
    };
    let pack = |id| {
        flat(&text_of(
            &samenspel::report::meeting::pack(&room, id, Lang::Nl).unwrap(),
        ))
    };
    // The minutes of the work conference and the pack of the steering
    // group carry the correction; the steering group's minutes the new round.
    assert!(minutes(1).contains(correction), "{}", minutes(1));
    // The decision taken there, though the round was on no agenda.
    assert!(
        minutes(1)
            .contains("Besloten in dit overleg Aangenomen: We werken met één gezamenlijk zorgplan"),
        "{}",
        minutes(1)
    );
    assert!(pack(2).contains(correction), "{}", pack(2));
    assert!(minutes(2).contains(again), "{}", minutes(2));
    assert!(!minutes(1).contains("Opnieuw voorgelegd"));
}

/// A reopening is refused before the decision, without a reason, twice
/// at once, and for a round that was amended rather than decided.
#[test]
fn a_decision_is_put_again_only_with_a_reason_after_it() {
    let mut a = Alliance::named("Twee");
    for name in ["Aap", "Noot"] {
        let e = a.insert(Party {
            name: name.into(),
            ..Party::default()
        });
        a.apply(&e).unwrap();
    }
    let held = day(2027, 1, 12);
    let e = a.open_round_in(
        "Eén loket".into(),
        samenspel::domain::Subject::Free,
        samenspel::domain::Scale::Consent,
        held,
        None,
        None,
    );
    a.apply(&e).unwrap();
    let e = a
        .conclude_round(1, RoundStatus::Parked, held, String::new())
        .unwrap();
    a.apply(&e).unwrap();
    assert!(a.reopen_round(1, "  ", held).is_none(), "no reason");
    assert!(
        a.reopen_round(1, "Nieuwe cijfers", day(2027, 1, 11))
            .is_none(),
        "before the decision"
    );
    let e = a.reopen_round(1, "Nieuwe cijfers", held).unwrap();
    a.apply(&e).unwrap();
    assert!(
        a.reopen_round(1, "Nog eens", held).is_none(),
        "the first reopening is still open"
    );
    let amended = a
        .amend_round(2, "Eén loket, per wijk".into(), held)
        .unwrap();
    a.apply(&amended).unwrap();
    assert_eq!(a.round(2).unwrap().status, RoundStatus::Amended);
    assert!(
        a.reopen_round(2, "Toch", held).is_none(),
        "amended, not decided"
    );
    // The parked round is as it was.
    assert_eq!(a.round(1).unwrap().status, RoundStatus::Parked);
    assert_eq!(a.round(2).unwrap().note, "Nieuwe cijfers");
}

/// One clock, one "overdue": a line due on 1 February, not done, is
/// overdue at the steering group of 9 February. The pack of that meeting
/// and the work-plan slide presented for it say so alike, whatever the
/// machine's day (here the slides are made on 20 January, before it was
/// due).
#[test]
fn the_work_plan_slide_and_the_pack_count_overdue_against_the_same_meeting() {
    use egui_kittest::kittest::NodeT;
    use samenspel::domain::FocalPoint;
    use samenspel::ui::present::{self, PresentState, Slide};
    let dir = Dir::new();
    let path = rivierenland(&dir);
    let mut a = load(&path);
    let e = a.insert(FocalPoint {
        name: "Eén zorgplan".into(),
        ..FocalPoint::default()
    });
    a.apply(&e).unwrap();
    let e = a.add_plan_line(
        1,
        "Toestemmingsregeling opstellen".into(),
        Vec::new(),
        day(2026, 12, 1),
    );
    a.apply(&e).unwrap();
    let mut line = a.plan_lines[0].clone();
    line.due = Some(day(2027, 2, 1));
    let e = a.update(line);
    a.apply(&e).unwrap();

    let summary = "0 van 1 klaar · 0 loopt vast · 1 over de datum";
    let room = samenspel::audience::room_on(&a, day(2027, 1, 20)).as_of_meeting(Some(2));
    let pack = flat(&text_of(
        &samenspel::report::meeting::pack(&room, 2, Lang::Nl).unwrap(),
    ));
    assert!(pack.contains(summary), "{pack}");

    let slides = present::slides(&room, Some(2));
    let at = slides.iter().position(|s| *s == Slide::WorkPlan).unwrap();
    let shown = room.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .with_context_setup(samenspel::ui::theme::install)
        .build_ui_state(
            move |ui, state: &mut PresentState| {
                present::show(ui, Lang::Nl, &shown, &slides, state);
            },
            PresentState {
                slide: at,
                ..PresentState::default()
            },
        );
    h.run();
    let texts: Vec<String> = h
        .root()
        .children_recursive()
        .flat_map(|n| {
            let node = n.accesskit_node();
            [node.label(), node.value()]
                .into_iter()
                .flatten()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(texts.iter().any(|t| t == summary), "{texts:?}");

    // Without a meeting to present, the day is the clock's: not yet due.
    let today = samenspel::audience::room_on(&a, day(2027, 1, 20)).as_of_meeting(None);
    assert_eq!(today.as_of, day(2027, 1, 20));
}

/// Scrolled to the bottom of a round, choosing the party and then the
/// stance moves nothing under the pointer (a facilitator's click for
/// "1 · Van harte eens" recorded "4 · Onthouding" when the form shrank by a
/// line and everything above it moved down).
#[test]
fn choosing_a_party_and_a_stance_moves_nothing_under_the_pointer() {
    use egui_kittest::kittest::NodeT;
    let dir = Dir::new();
    let path = rivierenland(&dir);
    let mut a = load(&path);
    let e = a.open_round_in(
        "We delen één intake".into(),
        samenspel::domain::Subject::Free,
        samenspel::domain::Scale::Gradients,
        day(2027, 1, 12),
        None,
        None,
    );
    a.apply(&e).unwrap();
    std::fs::remove_file(&path).unwrap();
    Document::create(&path, &a, &[]).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Consensusrondes");
    h.get_by_role_and_label(
        egui::accesskit::Role::Button,
        "We delen één intake\nOpen · 12 januari 2027",
    )
    .click();
    h.run();
    crate::ui::scroll_down(&mut h, 30);
    let place = |h: &Harness<'_, SamenspelApp>, label: &str| {
        h.get_by_role_and_label(egui::accesskit::Role::Button, label)
            .accesskit_node()
            .bounding_box()
            .unwrap()
    };
    let value = "1 · Van harte eens";
    let before = place(&h, value);
    // Clicked where it is, as a person does (no scrolling to it first).
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Standpunt van")
        .click();
    h.run();
    h.get_by_role(egui::accesskit::Role::ListBox)
        .get_by_label("Gemeente Tiel")
        .click();
    h.run();
    assert_eq!(place(&h, value), before, "the stance buttons moved");
    let record = "✓  Vastleggen";
    let before = place(&h, record);
    h.get_by_role_and_label(egui::accesskit::Role::Button, value)
        .click();
    h.run();
    assert_eq!(place(&h, record), before, "the record button moved");
}

/// Entering a date field that holds a date (with Tab, or a click) selects
/// it, so the date typed replaces it instead of being added to it.
#[test]
fn a_date_typed_into_a_filled_date_field_replaces_it() {
    let dir = Dir::new();
    let path = rivierenland(&dir);
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    h.state_mut().set_today(day(2027, 1, 20));
    h.run();
    nav(&mut h, "Consensusrondes");
    click(&mut h, "+  Nieuwe ronde");
    type_into(&mut h, "Voorstel", "Eén intake voor de hele regio");
    // The field shows today (20-01-2027); entered, the day typed replaces it.
    h.get_by_label("Gehouden op").focus();
    h.run();
    type_slowly(&mut h, "12-01-2027");
    h.key_press(egui::Key::Tab);
    h.run();
    click(&mut h, "Ronde openen");
    let r = &h.state().alliance().unwrap().rounds[0];
    assert_eq!(r.opened, Some(day(2027, 1, 12)));
}
