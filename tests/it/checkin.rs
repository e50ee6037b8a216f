//! Issue 31, the check-in from the phones: K2's ground-rule check-in
//! ("hoe goed houden onze spelregels zich?") scored by every delegate on
//! their own phone through their party's card, with real HTTP clients
//! against `samenspel serve`: anonymous per person (a cookie per phone,
//! only its hash in the file), counted per party, hidden until shown,
//! shown as a commitment, then in the rules' trend and on the slide.

use samenspel::document::Document;
use samenspel::domain::{Checkin, EditError, Id, RuleStatus};
use samenspel::i18n::{Lang, T};
use samenspel::room::page::esc;

use crate::room::{
    FORM, ask_serve, csrf_of, example_with_round, form, http, path_of, serve_on_loopback,
};
use crate::support::{Dir, load};

/// Post a phone's check-in from its page, as the form does, with the
/// phone's cookie if it has one. Returns the answer.
fn score(
    addr: std::net::SocketAddr,
    link: &str,
    cookie: Option<&str>,
    round: Id,
    scores: &[(Id, u8)],
) -> crate::room::Answer {
    let path = path_of(link);
    let mut headers: Vec<(&str, &str)> = Vec::new();
    let jar = cookie.map(|c| format!("samenspel_p={c}"));
    if let Some(j) = &jar {
        headers.push(("Cookie", j));
    }
    let page = http(addr, "GET", &path, &headers, "");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains(&format!("id=\"k{round}\"")),
        "the check-in is on the phone"
    );
    let round_s = round.to_string();
    let fields: Vec<(String, String)> = scores
        .iter()
        .map(|(r, s)| (format!("s{r}"), s.to_string()))
        .collect();
    let mut pairs: Vec<(&str, &str)> = vec![("kind", "checkin"), ("round", &round_s)];
    let csrf = csrf_of(&page.body);
    pairs.push(("csrf", &csrf));
    pairs.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    headers.push(FORM);
    http(addr, "POST", &path, &headers, &form(&pairs))
}

/// The cookie a phone was given: `samenspel_p=VALUE; …`.
fn cookie_of(answer: &crate::room::Answer) -> Option<String> {
    answer
        .headers
        .iter()
        .find(|(k, _)| k == "set-cookie")
        .and_then(|(_, v)| v.strip_prefix("samenspel_p="))
        .map(|v| v.split(';').next().unwrap_or("").to_string())
}

#[test]
fn delegates_check_in_on_their_phones_anonymously_counted_per_party_and_hidden_until_shown() {
    let dir = Dir::new();
    let (path, meeting, _round) = example_with_round(&dir);
    let before = load(&path);
    let rules: Vec<Id> = before
        .ground_rules
        .iter()
        .filter(|r| r.status == RuleStatus::Adopted)
        .map(|r| r.id)
        .collect();
    assert!(rules.len() >= 2, "the example has adopted rules");
    let (r1, r2) = (rules[0], rules[1]);
    let trend_before = samenspel::domain::rules::trend(&before, r1);
    let (mut child, mut out, links, addr) = serve_on_loopback(&path, meeting);
    let mut stdin = child.stdin.take().unwrap();
    let mut ask = |command: &str| ask_serve(&mut stdin, &mut out, command);
    let opened = ask("checkin");
    assert!(opened.contains("staat open"), "{opened}");
    assert!(ask("checkin").contains("al een check-in open"));
    let round = load(&path)
        .checkin_rounds_of(meeting)
        .find(|r| !r.shown)
        .map(|r| r.id)
        .expect("a check-in open at the meeting");

    // Two delegates of the first party, each on their own phone (no
    // cookie yet: each is given one), and one of the second party.
    let (a_link, b_link) = (&links[0].1, &links[1].1);
    let first = score(addr, a_link, None, round, &[(r1, 4), (r2, 2)]);
    assert_eq!(first.status, 303, "{}", first.body);
    let phone_a1 = cookie_of(&first).expect("the phone is given an anonymous key");
    assert!(first.headers.iter().any(|(k, v)| k == "set-cookie"
        && v.contains("HttpOnly")
        && v.contains("SameSite=Strict")));
    let second = score(addr, a_link, None, round, &[(r1, 2), (r2, 2)]);
    assert_eq!(second.status, 303);
    let phone_a2 = cookie_of(&second).unwrap();
    assert_ne!(phone_a1, phone_a2);
    // The first delegate changes their mind: their own scores are
    // replaced, no third person appears, no new cookie is set.
    let again = score(addr, a_link, Some(&phone_a1), round, &[(r1, 5), (r2, 3)]);
    assert_eq!(again.status, 303);
    assert_eq!(cookie_of(&again), None);
    let b = score(addr, b_link, None, round, &[(r1, 1)]);
    assert_eq!(b.status, 303);
    // Off the scale, or a rule the check-in does not ask about: refused.
    let wrong = score(addr, b_link, None, round, &[(r1, 9)]);
    assert_eq!(wrong.status, 409);
    let other_rule = score(addr, b_link, None, round, &[(999, 3)]);
    assert_eq!(other_rule.status, 409);

    // Each phone sees its own scores (checked), and only its own.
    let mine = http(
        addr,
        "GET",
        &path_of(a_link),
        &[("Cookie", &format!("samenspel_p={phone_a1}"))],
        "",
    );
    let section = |body: &str| {
        let start = body.find(&format!("id=\"k{round}\"")).unwrap();
        let end = body[start..].find("</section>").unwrap() + start;
        body[start..end].to_string()
    };
    let own = section(&mine.body);
    assert!(
        own.contains(&format!("name=\"s{r1}\" value=\"5\" checked")),
        "{own}"
    );
    assert!(own.contains(&format!("name=\"s{r2}\" value=\"3\" checked")));
    assert!(own.contains(&esc(Lang::Nl.tr(T::PhoneCheckinChange))));
    let fresh = section(&http(addr, "GET", &path_of(a_link), &[], "").body);
    assert!(
        !fresh.contains("checked"),
        "a new phone sees nobody's scores"
    );

    // Hidden until shown: the file has them, nothing shared shows them.
    let a = load(&path);
    let result = a.checkin_result(round);
    assert_eq!(result.people(), 3);
    assert_eq!(result.respondents.len(), 2);
    assert_eq!(result.rules[0].counts, [0, 1, 1, 0, 0, 1]);
    let room = samenspel::audience::room(&a);
    assert!(
        room.checkins.iter().all(|c| c.people != 3),
        "the room does not see an open check-in"
    );
    assert_eq!(samenspel::domain::rules::trend(&a, r1), trend_before);
    // Only hashes of the cookies reach the file, never the keys.
    for c in a.checkins.iter().filter(|c| c.round == Some(round)) {
        assert_eq!(c.person.len(), 64);
        assert!(c.person != phone_a1 && c.person != phone_a2);
    }
    let status = ask("status");
    assert!(
        status.contains("3 mensen uit 2 partijen"),
        "status counts people and parties: {status}"
    );

    // Shown: a commitment; the room sees the distribution, never who.
    let shown = ask("show-checkin");
    assert_eq!(
        shown,
        "Check-in getoond: 3 mensen uit 2 partijen gaven een score."
    );
    let late = score(addr, b_link, None, round, &[(r1, 5)]);
    assert_eq!(late.status, 409);
    assert!(late.body.contains(&esc(Lang::Nl.tr(T::PhoneCheckinShown))));
    let page = section(&http(addr, "GET", &path_of(b_link), &[], "").body);
    assert!(page.contains("3 mensen uit 2 partijen"), "{page}");
    assert!(!page.contains("<form"), "no more scoring once shown");
    drop(stdin);
    assert!(child.wait().unwrap().success());

    let a = load(&path);
    samenspel::domain::record::verify(&a).expect("the record holds");
    assert!(a.record.0.iter().any(|c| c.kind
        == Some(samenspel::domain::record::CommitKind::CheckinShown)
        && c.record == round));
    // In the trend now, at the meeting's date, each party once: party A's
    // two delegates gave 5 and 2 (3.5), party B's one gave 1.
    let today = a.meeting(meeting).and_then(|m| m.date);
    let trend = samenspel::domain::rules::trend(&a, r1);
    let point = trend
        .iter()
        .find(|(d, _, _)| *d == today)
        .expect("in the trend");
    assert_eq!(point.2, 2);
    assert!((point.1 - (3.5 + 1.0) / 2.0).abs() < 1e-4, "{point:?}");
    // The room and the slide see the counts, never a phone's key.
    let room = samenspel::audience::room(&a);
    let last = room.checkins.last().unwrap();
    assert_eq!((last.people, last.parties), (3, 2));
    let json = serde_json::to_string(&room).unwrap();
    for c in a.checkins.iter().filter(|c| !c.person.is_empty()) {
        assert!(!json.contains(&c.person), "no phone key in the room view");
    }

    // What the room saw stays: no edit, no undo changes a shown score.
    let mut doc = Document::open(&path).unwrap();
    let a = doc.alliance().clone();
    let c = a
        .checkins
        .iter()
        .find(|c| c.round == Some(round))
        .unwrap()
        .clone();
    let changed = doc.perform(a.update(Checkin {
        score: 0,
        ..c.clone()
    }));
    assert!(
        matches!(
            changed,
            Err(samenspel::store::StoreError::Edit(EditError::Committed))
        ),
        "{changed:?}"
    );
    let r = a.checkin_round(round).unwrap().clone();
    let hidden = doc.perform(a.update(samenspel::domain::CheckinRound { shown: false, ..r }));
    assert!(hidden.is_err(), "a shown check-in cannot be hidden again");
}

/// The window: on a meeting's page the facilitator chooses the rules,
/// opens the check-in, sees how many people of each party scored (never
/// what), and shows the distribution; undo does not take the showing back.
#[test]
fn the_window_opens_a_check_in_shows_who_took_part_and_shows_it_once() {
    use crate::ui::{FakeDialogs, app, click, harness};
    use egui_kittest::kittest::{NodeT, Queryable};
    let dir = Dir::new();
    let path = crate::support::example_file(&dir, "checkin.samenspel");
    let meeting: Id = 2;
    let title = load(&path).meeting(meeting).unwrap().title.clone();
    let rules: Vec<(Id, String)> = load(&path)
        .ground_rules
        .iter()
        .filter(|r| r.status == RuleStatus::Adopted)
        .map(|r| (r.id, r.text.clone()))
        .collect();
    let open_meeting = |h: &mut egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>| {
        crate::ui::retype(h, "Zoeken", &title[..12]);
        let item = h
            .query_all_by_label_contains(&title)
            .map(|n| n.accesskit_node().label().unwrap_or_default().to_string())
            .find(|l| !l.contains("Zoeken"))
            .expect("the meeting in the list");
        click(h, &item);
    };
    {
        let mut app = app(&dir, Some(&path), FakeDialogs::default());
        app.set_view(samenspel::ui::View::Meetings);
        let mut h = harness(app);
        open_meeting(&mut h);
        // Every adopted rule is chosen; the facilitator leaves one out.
        click(&mut h, &rules[1].1);
        click(&mut h, "Check-in openen op de telefoons");
        let a = h.state().alliance().unwrap().clone();
        let r = a.checkin_rounds_of(meeting).next().expect("opened");
        assert_eq!(r.rules, vec![rules[0].0]);
        assert!(!r.shown);
    }
    // Three delegates of two parties score on their phones.
    {
        let mut doc = Document::open(&path).unwrap();
        let round = doc.alliance().checkin_rounds_of(meeting).next().unwrap().id;
        for (party, phone, s) in [(1, "p1", 4), (1, "p2", 2), (4, "p3", 5)] {
            let ask = samenspel::room::Ask::Checkin {
                party,
                round,
                person: samenspel::room::hash_token(phone),
                scores: vec![(rules[0].0, s)],
            };
            samenspel::room::apply(&mut doc, &ask, "2026-12-06T10:00:00+01:00").unwrap();
        }
    }
    let mut app = app(&dir, Some(&path), FakeDialogs::default());
    app.set_view(samenspel::ui::View::Meetings);
    let mut h = harness(app);
    open_meeting(&mut h);
    let parties = load(&path).parties.clone();
    let who = format!("{} (2) · {} (1)", parties[0].name, parties[3].name);
    assert!(h.query_by_label(&who).is_some(), "who took part, by party");
    assert!(
        h.query_by_label("4: 1").is_none(),
        "no distribution before it is shown"
    );
    click(&mut h, "Verdeling tonen aan de zaal");
    for bar in ["2: 1", "4: 1", "5: 1", "0: 0"] {
        assert!(h.query_by_label(bar).is_some(), "{bar} shown");
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let a = h.state().alliance().unwrap().clone();
    assert!(
        a.checkin_rounds_of(meeting).next().unwrap().shown,
        "undo does not take the showing back"
    );
    drop(h);
    let a = load(&path);
    assert!(a.checkin_rounds_of(meeting).next().unwrap().shown);
    samenspel::domain::record::verify(&a).expect("on the record");
}
