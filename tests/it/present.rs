//! Presentation mode: every view, in both themes and at two projector
//! sizes, built from the room projection of an alliance with confidential
//! markers planted everywhere; none may reach the projected UI.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use samenspel::audience;
use samenspel::i18n::Lang;
use samenspel::ui::present::{self, Command, PresentState, ProjectorTheme, Slide};
use samenspel::ui::theme;
use samenspel::ui::{PresentMode, SamenspelApp};

use crate::trust::{MARK, planted};

/// Every text the UI carries: labels and values of the AccessKit tree.
pub(crate) fn texts<S>(h: &Harness<'_, S>) -> Vec<String> {
    let out = std::cell::RefCell::new(Vec::new());
    let _ = h
        .query_all_by(|n| {
            for t in [n.label(), n.value()].into_iter().flatten() {
                if !t.is_empty() {
                    out.borrow_mut().push(t.to_string());
                }
            }
            false
        })
        .count();
    out.into_inner()
}

#[test]
fn every_presentation_view_shows_the_room_and_nothing_confidential() {
    let a = planted();
    let room = audience::room(&a);
    let meeting = a.meetings[0].id;
    let slides = present::slides(&room, Some(meeting));
    // The route, both maps, rules, funnel, the open round, the decision
    // log and the agenda.
    assert!(slides.contains(&Slide::Route));
    assert!(slides.contains(&Slide::Strategy));
    assert!(slides.contains(&Slide::Network));
    assert!(slides.contains(&Slide::Rules));
    assert!(slides.contains(&Slide::Funnel));
    assert!(slides.iter().any(|s| matches!(s, Slide::Round(_))));
    assert!(slides.contains(&Slide::Decisions));
    assert!(slides.contains(&Slide::Agenda(meeting)));
    let mut seen = Vec::new();
    let mut views = 0;
    for (size, projector) in [
        (egui::vec2(1280.0, 720.0), ProjectorTheme::Light),
        (egui::vec2(1920.0, 1080.0), ProjectorTheme::Dark),
    ] {
        for lang in Lang::ALL {
            let mut h = Harness::builder()
                .with_size(size)
                .with_context_setup(theme::install)
                .build_ui_state(
                    |ui, state: &mut PresentState| {
                        present::show(ui, lang, &room, &slides, state);
                    },
                    PresentState {
                        theme: projector,
                        ..PresentState::default()
                    },
                );
            for (i, slide) in slides.iter().enumerate() {
                for step in 0..present::steps(&room, *slide, size) {
                    h.state_mut().slide = i;
                    h.state_mut().step = step;
                    h.run();
                    views += 1;
                    let shown = texts(&h);
                    assert!(!shown.is_empty(), "{slide:?} step {step} shows something");
                    for t in &shown {
                        assert!(
                            !t.contains(MARK),
                            "{slide:?} step {step} ({lang:?}) shows {t:?}"
                        );
                    }
                    seen.extend(shown);
                }
            }
        }
    }
    assert!(views > 40, "{views} views walked");
    let all = seen.join("\n");
    // What the room may see does reach it.
    for expected in [
        "Samen Noord",
        "Strategiekaart",
        "Iedere bewoner van Noord kan meedoen, dichtbij huis",
        "Netwerkkaart",
        "Stichting Dock",
        "Spelregels",
        "Open voorstel: het programma van 2018",
        "heeft een standpunt",
        "nog geen standpunt",
        "Besluitenlijst",
        "Strategy map",
        "Consensus round",
    ] {
        assert!(all.contains(expected), "{expected} is shown");
    }
    for rule in a
        .ground_rules
        .iter()
        .filter(|r| r.status != samenspel::domain::RuleStatus::Retired)
    {
        assert!(all.contains(&rule.text), "rule {}", rule.text);
    }
    for slot in a.slots_of(meeting) {
        assert!(all.contains(&slot.title), "agenda item {}", slot.title);
    }
    for f in &a.focal_points {
        assert!(all.contains(&f.name), "focal point {}", f.name);
    }
}

#[test]
fn stances_show_only_once_revealed_and_then_all_at_once() {
    let mut a = planted();
    let open = a.rounds.iter().find(|r| !r.revealed).unwrap().id;
    let text_of_round = |a: &samenspel::domain::Alliance| {
        let room = audience::room(a);
        let slides = present::slides(&room, None);
        let i = slides
            .iter()
            .position(|s| matches!(s, Slide::Round(k) if room.rounds[*k].id == open))
            .unwrap();
        let mut h = Harness::builder()
            .with_size(egui::vec2(1920.0, 1080.0))
            .with_context_setup(theme::install)
            .build_ui_state(
                move |ui, state: &mut PresentState| {
                    present::show(ui, Lang::Nl, &room, &slides, state);
                },
                PresentState {
                    slide: i,
                    ..PresentState::default()
                },
            );
        h.run();
        texts(&h).join("\n")
    };
    let hidden = text_of_round(&a);
    assert!(hidden.contains("heeft een standpunt"));
    assert!(!hidden.contains("8 · Veto"), "{hidden}");
    assert!(hidden.contains("Nog 6 van 9 partijen"), "{hidden}");
    // Everyone votes; the room learns only that all have voted.
    let voters = a
        .rounds
        .iter()
        .find(|r| r.id == open)
        .unwrap()
        .voters
        .clone();
    let first = a.votes.iter().map(|v| v.id).max().unwrap() + 1;
    for (id, p) in (first..).zip(voters.iter().skip(3)) {
        a.votes.push(samenspel::domain::Vote {
            id,
            round: open,
            party: *p,
            value: 1,
            reason: String::new(),
            ..Default::default()
        });
    }
    let ready = text_of_round(&a);
    assert!(
        ready.contains("De standpunten worden tegelijk getoond"),
        "{ready}"
    );
    assert!(!ready.contains("Veto"));
    // Revealed: every stance at once, and the outcome with the reasons.
    a.rounds.iter_mut().find(|r| r.id == open).unwrap().revealed = true;
    let revealed = text_of_round(&a);
    assert!(revealed.contains("8 · Veto"), "{revealed}");
    assert!(revealed.contains("Geblokkeerd door"), "{revealed}");
    // The reason is planted as a marker: revealed reasons are shared
    // content, so here it shows (the marker proves the test sees it).
    assert!(revealed.contains("hidden-reason"));
}

#[test]
fn the_clicker_steps_blanks_and_leaves() {
    let mut s = PresentState::default();
    let counts = [1, 3, 2];
    s.apply(Command::Next, &counts);
    assert_eq!((s.slide, s.step), (1, 0));
    s.apply(Command::Next, &counts);
    s.apply(Command::Next, &counts);
    assert_eq!((s.slide, s.step), (1, 2));
    s.apply(Command::Next, &counts);
    assert_eq!((s.slide, s.step), (2, 0));
    s.apply(Command::Next, &counts);
    s.apply(Command::Next, &counts);
    assert_eq!((s.slide, s.step), (2, 1), "the last step stays");
    s.apply(Command::Previous, &counts);
    s.apply(Command::Previous, &counts);
    assert_eq!(
        (s.slide, s.step),
        (1, 2),
        "back to the previous slide's last step"
    );
    s.apply(Command::Blank, &counts);
    assert!(s.blank);
    s.apply(Command::Next, &counts);
    assert!(!s.blank, "a step first brings the picture back");
    assert_eq!((s.slide, s.step), (1, 2));
    s.apply(Command::Last, &counts);
    assert_eq!(
        (s.slide, s.step),
        (2, counts[2] - 1),
        "End: the last slide's last page"
    );
    s.apply(Command::First, &counts);
    assert_eq!((s.slide, s.step), (0, 0));
    assert_eq!(s.apply(Command::Leave, &counts), Some(Command::Leave));
    assert_eq!(s.theme, ProjectorTheme::Light);
    s.apply(Command::Theme, &counts);
    assert_eq!(s.theme, ProjectorTheme::Dark);
}

fn app_harness(
    path: &std::path::Path,
    dir: &crate::support::Dir,
) -> Harness<'static, SamenspelApp> {
    let app = SamenspelApp::new(samenspel::ui::AppOptions {
        file: Some(path.to_path_buf()),
        config_dir: Some(dir.path("config")),
        data_dir: Some(dir.path("data")),
        dialogs: Box::new(samenspel::ui::NativeDialogs::default()),
    });
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .with_context_setup(theme::install)
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut SamenspelApp| app.show(ui), app);
    h.run();
    h
}

#[test]
fn present_in_this_window_walks_every_view_with_the_clicker_and_esc_leaves() {
    let dir = crate::support::Dir::new();
    let path = dir.path("planted.samenspel");
    samenspel::document::Document::create(&path, &planted(), &[]).unwrap();
    let mut h = app_harness(&path, &dir);
    h.state_mut().start_presenting(PresentMode::ThisWindow);
    h.run();
    // The facilitator's navigation is gone: only the projection shows.
    assert!(h.query_by_label("Overleggen").is_none());
    let mut positions = Vec::new();
    loop {
        for t in texts(&h) {
            assert!(!t.contains(MARK), "projected: {t:?}");
        }
        let s = h.state().present_state();
        positions.push((s.slide, s.step));
        h.key_press(egui::Key::PageDown);
        h.run();
        let s = h.state().present_state();
        if positions.last() == Some(&(s.slide, s.step)) {
            break;
        }
    }
    assert!(positions.len() > 15, "{} views", positions.len());
    // Back with Page Up, and the arrow keys step too.
    h.key_press(egui::Key::PageUp);
    h.run();
    assert!(h.state().present_state().step + h.state().present_state().slide > 0);
    h.key_press(egui::Key::Home);
    h.run();
    assert_eq!(h.state().present_state().slide, 0);
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().present_state().slide, 1);
    // B blanks: nothing is shown at all.
    h.key_press(egui::Key::B);
    h.run();
    assert!(texts(&h).is_empty(), "blank: {:?}", texts(&h));
    h.key_press(egui::Key::B);
    h.run();
    assert!(!texts(&h).is_empty());
    // T switches to the dark theme, and it is remembered.
    h.key_press(egui::Key::T);
    h.run();
    assert_eq!(h.state().present_state().theme, ProjectorTheme::Dark);
    assert_eq!(h.state().settings().projector, ProjectorTheme::Dark);
    // Esc leaves; the app is back.
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().presenting(), None);
    h.get_by_label("Overleggen");
}

#[test]
fn f5_opens_the_projection_window_with_controls_for_the_facilitator() {
    let dir = crate::support::Dir::new();
    let path = crate::support::example_file(&dir, "present.samenspel");
    let mut h = app_harness(&path, &dir);
    h.key_press(egui::Key::F5);
    h.run();
    assert_eq!(h.state().presenting(), Some(PresentMode::SecondWindow));
    // (In the test the projection window is embedded as an egui window
    // that may lie over the controls, so buttons are pressed through
    // AccessKit, as a screen reader would.)
    h.get_by_label("Stoppen (Esc)");
    h.get_by_label("◀ Vorige");
    h.get_by_label("Volgende ▶").click_accesskit();
    h.run();
    assert_eq!(h.state().present_state().slide, 1);
    h.get_by_label("Scherm leeg (B)").click_accesskit();
    h.run();
    assert!(h.state().present_state().blank);
    h.get_by_label("Scherm weer tonen (B)").click_accesskit();
    h.run();
    h.get_by_label("Donker thema").click_accesskit();
    h.run();
    assert_eq!(h.state().present_state().theme, ProjectorTheme::Dark);
    assert_eq!(
        h.state().settings().projector,
        ProjectorTheme::Dark,
        "remembered"
    );
    h.get_by_label("Stoppen (Esc)").click_accesskit();
    h.run();
    assert_eq!(h.state().presenting(), None);
    // F5 again starts, F5 once more stops.
    h.key_press(egui::Key::F5);
    h.run();
    assert!(h.state().presenting().is_some());
    h.key_press(egui::Key::F5);
    h.run();
    assert_eq!(h.state().presenting(), None);
    // The View menu offers both.
    h.get_by_label("Beeld").click();
    h.run();
    h.get_by_label_contains("Presenteren op dit scherm").click();
    h.run();
    assert_eq!(h.state().presenting(), Some(PresentMode::ThisWindow));
}

#[test]
fn a_new_empty_alliance_can_be_presented_and_summarised() {
    let mut a = samenspel::domain::Alliance::named("Nieuw");
    // One meeting without agenda, so every kind of slide is there.
    a.meetings.push(samenspel::domain::Meeting {
        id: 1,
        title: "Eerste overleg".into(),
        ..Default::default()
    });
    let room = audience::room(&a);
    let slides = present::slides(&room, Some(1));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .with_context_setup(theme::install)
        .build_ui_state(
            |ui, state: &mut PresentState| {
                present::show(ui, Lang::Nl, &room, &slides, state);
            },
            PresentState::default(),
        );
    for (i, slide) in slides.iter().enumerate() {
        h.state_mut().slide = i;
        h.run();
        assert!(!texts(&h).is_empty(), "{slide:?} says something");
    }
    let pdf = samenspel::report::intake::render(&a, Lang::Nl);
    assert!(pdf.starts_with(b"%PDF"));
    let pack = samenspel::report::meeting::pack(&room, 1, Lang::En).unwrap();
    assert!(pack.starts_with(b"%PDF"));
    let minutes = samenspel::report::meeting::minutes(&room, 1, Lang::Nl).unwrap();
    assert!(minutes.starts_with(b"%PDF"));
}

/// The board table of the region on a slide: who sits now, until when and
/// how, over as many pages as it takes, at a beamer's sizes.
#[test]
fn the_table_slide_shows_who_sits_until_when_and_by_which_rule() {
    let a = samenspel::example::region();
    let room = audience::room(&a);
    let slides = present::slides(&room, None);
    let i = slides
        .iter()
        .position(|s| matches!(s, Slide::Table(_)))
        .expect("a slide of the table");
    let today = chrono::Local::now().date_naive();
    let seated: Vec<String> = a
        .seats_on(1, today)
        .iter()
        .map(|s| a.party(s.party).unwrap().name.clone())
        .collect();
    for size in [egui::vec2(1280.0, 720.0), egui::vec2(1920.0, 1080.0)] {
        let mut h = Harness::builder()
            .with_size(size)
            .with_context_setup(theme::install)
            .build_ui_state(
                |ui, state: &mut PresentState| {
                    present::show(ui, Lang::Nl, &room, &slides, state);
                },
                PresentState::default(),
            );
        let mut shown = Vec::new();
        let pages = present::steps(&room, slides[i], size);
        for step in 0..pages {
            h.state_mut().slide = i;
            h.state_mut().step = step;
            h.run();
            shown.extend(texts(&h));
            // The line about the table (now with the last draw's chances)
            // may wrap; the seats below it still end on the screen.
            for (text, rect) in painted(&h) {
                assert!(
                    rect.bottom() <= size.y,
                    "{size:?} page {step}: {text} at {rect:?}"
                );
            }
        }
        // Over two pages or more, each says which it is.
        if pages > 1 {
            for page in 1..=pages {
                let heading = format!("Aan tafel: Bestuurstafel ({page} van {pages})");
                assert!(shown.contains(&heading), "{heading}: {shown:?}");
            }
        } else {
            assert!(
                shown.iter().any(|t| t == "Aan tafel: Bestuurstafel"),
                "{shown:?}"
            );
        }
        for name in &seated {
            assert!(shown.iter().any(|t| t == name), "{name} not on the slide");
        }
        assert!(
            shown.iter().any(|t| t.contains("geloot op")),
            "how the seat was filled: {shown:?}"
        );
        // How fair the last draw was, in words: the region's 2026
        // rotation gave each of the 40 who could be drawn 5 in 40.
        assert!(
            shown.iter().any(|t| t.contains(
                "Elke kandidaat had minstens 12,5% kans op een zetel; gelijk verdeeld was 12,5%"
            )),
            "the chances: {shown:?}"
        );
    }
}

/// A draw fixed and shown, before anyone rolls: the table's slide says
/// what chance every candidate has in it, beside the last draw's.
#[test]
fn the_table_slide_shows_a_fixed_draws_chances_before_the_dice() {
    let mut a = samenspel::example::region();
    let on = chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
    a.apply(&a.prepare_draw(1, on).unwrap()).unwrap();
    let id = a.draws_of(1).last().unwrap().id;
    a.apply(&a.fix_draw(id).unwrap()).unwrap();
    let d = a.seat_draw(id).unwrap().clone();
    let (low, equal) = d
        .recorded_chances()
        .lowest_and_equal(d.free_seats())
        .unwrap();
    let room = audience::room(&a);
    let table = room
        .tables
        .iter()
        .find(|t| t.body == "Bestuurstafel")
        .unwrap();
    assert_eq!(table.next_chances, Some((low, equal, 0)));
    let slides = present::slides(&room, None);
    let i = slides
        .iter()
        .position(|s| matches!(s, Slide::Table(_)))
        .unwrap();
    let h = slide_harness(&room, &slides, egui::vec2(1920.0, 1080.0), i, 0);
    let shown = texts(&h).join(" ");
    let expected = format!(
        "Volgende loting, vastgezet: elke kandidaat heeft minstens {} kans op een zetel; gelijk verdeeld is {}",
        samenspel::i18n::percent_at_least(Lang::Nl, low),
        samenspel::i18n::percent(Lang::Nl, equal)
    );
    assert!(shown.contains(&expected), "{expected}\n{shown}");
}

/// A lane of 125 boxes is not 125 unreadable cards on one step: its cards
/// come a page of eight at a time, each page a step, every card once.
#[test]
fn a_full_lane_is_lit_a_page_of_cards_at_a_time() {
    use samenspel::ui::present::{LANE_CARDS_PER_PAGE, lane_step, strategy_steps};
    let a = samenspel::example::regional(1);
    let room = audience::room(&a);
    let map = &room.strategy;
    let size = egui::vec2(1280.0, 720.0);
    let steps = present::steps(&room, Slide::Strategy, size);
    assert_eq!(steps, strategy_steps(map));
    let per_lane: Vec<usize> = map
        .lanes
        .iter()
        .map(|l| {
            map.nodes
                .iter()
                .filter(|n| l.rect.contains(n.rect.center()))
                .count()
        })
        .collect();
    let expected: usize = per_lane
        .iter()
        .map(|n| n.div_ceil(LANE_CARDS_PER_PAGE).max(1))
        .sum();
    assert_eq!(steps, 1 + expected);
    assert!(steps > 1 + map.lanes.len(), "the full lanes take pages");
    assert_eq!(lane_step(map, 0), None);
    let mut seen = std::collections::HashSet::new();
    for step in 1..steps {
        let (lane, page, pages) = lane_step(map, step).unwrap();
        assert_eq!(pages, per_lane[lane].div_ceil(LANE_CARDS_PER_PAGE).max(1));
        assert!(seen.insert((lane, page)), "step {step} repeats a page");
    }
    assert_eq!(seen.len(), expected);
    // On the beamer: the page says where it is in the lane.
    let slides = vec![Slide::Strategy];
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(theme::install)
        .build_ui_state(
            |ui, state: &mut PresentState| {
                present::show(ui, Lang::Nl, &room, &slides, state);
            },
            PresentState::default(),
        );
    h.state_mut().step = 2;
    h.run();
    let (lane, page, pages) = lane_step(map, 2).unwrap();
    let heading = format!("{} ({}/{pages})", map.lanes[lane].name, page + 1);
    assert!(texts(&h).contains(&heading), "{heading}");
}

/// Presenting from a page the room has a slide of opens on that slide:
/// the round being voted on is one key away, not fifty (the review
/// counted 55 presses from the route to the round in a region).
#[test]
fn presenting_opens_on_the_slide_of_the_page_the_facilitator_is_on() {
    let dir = crate::support::Dir::new();
    let path = crate::support::example_file(&dir, "from-here.samenspel");
    let a = samenspel::example::samen_noord();
    let room = audience::room(&a);
    let slides = present::slides(&room, None);
    let mut h = app_harness(&path, &dir);
    crate::ui::nav(&mut h, "Netwerkkaart");
    h.state_mut().start_presenting(PresentMode::ThisWindow);
    h.run();
    let network = slides.iter().position(|s| *s == Slide::Network).unwrap();
    assert_eq!(h.state().present_state().slide, network);
    h.key_press(egui::Key::ArrowRight);
    h.key_press(egui::Key::Escape);
    h.run();
    // A round chosen on the rounds page: its slide.
    let (i, round) = slides
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, s)| match s {
            Slide::Round(r) => Some((i, &room.rounds[*r])),
            _ => None,
        })
        .expect("a round slide");
    crate::ui::nav(&mut h, "Consensusrondes");
    h.get_by_label(&round.proposal).click();
    h.run();
    h.state_mut().start_presenting(PresentMode::ThisWindow);
    h.run();
    assert_eq!(h.state().present_state().slide, i);
    assert_eq!(h.state().present_state().step, 0);
    h.key_press(egui::Key::Escape);
    h.run();
    // From a page without a slide it goes on where it was.
    crate::ui::nav(&mut h, "Partijen");
    h.state_mut().start_presenting(PresentMode::ThisWindow);
    h.run();
    assert_eq!(h.state().present_state().slide, i);
}

/// A party with a long name ("Vrijwilligers Centrale Amsterdam") keeps to
/// its tile on the round slide: its name is made smaller rather than
/// pushing the state below out of the tile, so every tile of a row has its
/// state at the same height.
#[test]
fn a_long_party_name_keeps_its_state_inside_the_tile() {
    use egui_kittest::kittest::NodeT;
    use samenspel::domain::{Scale, Subject};
    let mut a = samenspel::example::samen_noord();
    let open = a.open_round(
        "We openen samen een wijkloket op zaterdag.".into(),
        Subject::Free,
        Scale::Consent,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        None,
    );
    a.apply(&open).unwrap();
    assert!(
        a.parties
            .iter()
            .any(|p| p.name == "Vrijwilligers Centrale Amsterdam")
    );
    let room = audience::room(&a);
    let slides = present::slides(&room, None);
    let at = slides
        .iter()
        .position(|s| matches!(s, Slide::Round(i) if room.rounds[*i].outcome != audience::RoomOutcome::ReadyToReveal && !room.rounds[*i].voters.is_empty() && room.rounds[*i].proposal.contains("wijkloket")))
        .expect("the open round's slide");
    let voters = room.rounds[match slides[at] {
        Slide::Round(i) => i,
        _ => unreachable!(),
    }]
    .voters
    .len();
    for size in [egui::vec2(1280.0, 720.0), egui::vec2(1024.0, 768.0)] {
        let h = slide_harness(&room, &slides, size, at, 0);
        let waiting = Lang::Nl.tr(samenspel::i18n::T::SlideWaiting);
        let mut tops: Vec<i64> = h
            .root()
            .children_recursive()
            .filter(|n| {
                let node = n.accesskit_node();
                // (Not the rows a wrapped text is laid out in.)
                node.role() != egui::accesskit::Role::TextRun
                    && [node.label(), node.value()]
                        .into_iter()
                        .flatten()
                        .any(|t| t == waiting)
            })
            .filter_map(|n| n.accesskit_node().bounding_box())
            .map(|b| b.y0.round() as i64)
            .collect();
        assert_eq!(tops.len(), voters, "every party waits");
        tops.sort();
        tops.dedup();
        assert_eq!(tops.len(), voters.div_ceil(3), "{size:?}: {tops:?}");
    }
}

/// Where each painted text is on the slide: its text and its box.
fn painted<S>(h: &Harness<'_, S>) -> Vec<(String, egui::Rect)> {
    use egui_kittest::kittest::NodeT;
    h.root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() != egui::accesskit::Role::TextRun)
        .filter_map(|n| {
            let node = n.accesskit_node();
            let text = [node.label(), node.value()]
                .into_iter()
                .flatten()
                .find(|t| !t.is_empty())?
                .to_string();
            let b = node.bounding_box()?;
            Some((
                text,
                egui::Rect::from_min_max(
                    egui::pos2(b.x0 as f32, b.y0 as f32),
                    egui::pos2(b.x1 as f32, b.y1 as f32),
                ),
            ))
        })
        .collect()
}

fn slide_harness(
    room: &audience::RoomView,
    slides: &[Slide],
    size: egui::Vec2,
    slide: usize,
    step: usize,
) -> Harness<'static, PresentState> {
    let (room, slides) = (room.clone(), slides.to_vec());
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(theme::install)
        .build_ui_state(
            move |ui, state: &mut PresentState| {
                present::show(ui, Lang::Nl, &room, &slides, state);
            },
            PresentState {
                slide,
                step,
                ..PresentState::default()
            },
        );
    h.run();
    h
}

/// A region's round has 150 voters: their tiles go page by page ("(1 van
/// 7)"), every party on exactly one page, no tile past the screen's edge
/// and the outcome line always on screen (at the beamer, 40 of the 150
/// tiles showed and the outcome was pushed off the screen).
#[test]
fn a_regions_round_pages_its_tiles_and_shows_every_party_once() {
    let a = samenspel::example::regional(1);
    let room = audience::room(&a);
    let slides = present::slides(&room, None);
    let (at, i) = slides
        .iter()
        .enumerate()
        .find_map(|(k, s)| match s {
            Slide::Round(i) => Some((k, *i)),
            _ => None,
        })
        .expect("a round slide");
    let r = &room.rounds[i];
    assert!(r.voters.len() >= 100, "{} voters", r.voters.len());
    let outcome = Lang::Nl.tr(samenspel::i18n::T::RoundAdopted);
    assert!(matches!(r.outcome, audience::RoomOutcome::Adoptable(_)));
    for size in [
        egui::vec2(1280.0, 720.0),
        egui::vec2(1024.0, 768.0),
        egui::vec2(1920.0, 1080.0),
    ] {
        let pages = present::steps(&room, slides[at], size);
        assert!(pages > 1, "{size:?}: one page for {}", r.voters.len());
        let mut seen: Vec<String> = Vec::new();
        for step in 0..pages {
            let h = slide_harness(&room, &slides, size, at, step);
            let texts = painted(&h);
            let heading = format!("Consensusronde ({} van {pages})", step + 1);
            assert!(
                texts.iter().any(|(t, _)| *t == heading),
                "{size:?}: no heading {heading}"
            );
            let banner = texts
                .iter()
                .find(|(t, _)| t.starts_with(outcome))
                .unwrap_or_else(|| panic!("{size:?} page {step}: no outcome line"));
            assert!(banner.1.bottom() <= size.y, "{size:?}: {banner:?}");
            for v in &r.voters {
                if let Some((_, rect)) = texts.iter().find(|(t, _)| *t == *v.party) {
                    assert!(
                        rect.bottom() <= banner.1.top() && rect.right() <= size.x,
                        "{size:?} page {step}: {} at {rect:?}",
                        v.party
                    );
                    seen.push(v.party.to_string());
                }
            }
        }
        let mut expected: Vec<String> = r.voters.iter().map(|v| v.party.to_string()).collect();
        seen.sort();
        expected.sort();
        assert_eq!(seen, expected, "{size:?}: every party on exactly one page");
    }
}

/// A page of the work plan whose lines wrap to three lines each keeps
/// every line on the screen: none cut off at the bottom, none left out.
#[test]
fn a_work_plan_page_of_long_lines_stays_on_the_screen() {
    let a = samenspel::example::regional(1);
    let room = audience::room(&a);
    let slides = present::slides(&room, None);
    let at = slides
        .iter()
        .position(|s| matches!(s, Slide::WorkPlan))
        .expect("the work plan slide");
    for size in [egui::vec2(1280.0, 720.0), egui::vec2(1024.0, 768.0)] {
        let pages = present::steps(&room, slides[at], size);
        let mut seen = 0;
        for step in 0..pages {
            let h = slide_harness(&room, &slides, size, at, step);
            for (text, rect) in painted(&h) {
                assert!(
                    rect.bottom() <= size.y,
                    "{size:?} page {step}: {text} at {rect:?}"
                );
                if text.starts_with("Actie ") {
                    seen += 1;
                }
            }
        }
        let lines: usize = room.plan.iter().map(|p| p.lines.len()).sum();
        assert_eq!(seen, lines, "{size:?}: every line on a page");
    }
}

/// Every page of every slide of the region (its network at regional scale,
/// its tables, its work plan), both languages, with a marker planted in
/// every confidential field: none reaches the projection (issue 28).
#[test]
fn no_confidential_marker_reaches_a_slide_of_the_region() {
    let a = crate::trust::plant(samenspel::example::region());
    let room = audience::room(&a);
    let slides = present::slides(&room, room.meetings.first().map(|m| m.id));
    let size = egui::vec2(1280.0, 800.0);
    let mut pages = 0;
    for lang in Lang::ALL {
        for (i, slide) in slides.iter().enumerate() {
            for step in 0..present::steps(&room, *slide, size) {
                let mut state = PresentState {
                    slide: i,
                    step,
                    ..PresentState::default()
                };
                let (room, slides) = (&room, &slides);
                let mut h = Harness::builder()
                    .with_size(size)
                    .with_context_setup(theme::install)
                    .build_ui(|ui| present::show(ui, lang, room, slides, &mut state));
                h.run();
                let shown = texts(&h);
                assert!(
                    !shown.is_empty(),
                    "{lang:?} {slide:?} page {step}: nothing shown"
                );
                for t in shown {
                    assert!(!t.contains(MARK), "{lang:?} {slide:?} page {step}: {t:?}");
                }
                pages += 1;
            }
        }
    }
    assert!(pages > 20, "{pages} pages");
}

/// English as a first language: a housing association is called so, a
/// covenant round does not say "Covenant: Covenant …", and the note on
/// who votes reads as English.
#[test]
fn english_words_read_as_english() {
    use samenspel::words::RoomWords;
    let lang = Lang::En;
    assert_eq!(
        lang.party_kind(samenspel::domain::PartyKind::HousingCorporation),
        "Housing association"
    );
    let subject = audience::RoomSubject::Covenant("Covenant Northgate v1".into());
    assert_eq!(lang.room_subject(&subject), "Covenant Northgate v1");
    // The English default title puts the word last.
    let subject = audience::RoomSubject::Covenant("Northgate Covenant v1".into());
    assert_eq!(lang.room_subject(&subject), "Northgate Covenant v1");
    let subject = audience::RoomSubject::Covenant("Samenwerking Noord v2".into());
    assert_eq!(
        lang.room_subject(&subject),
        "Covenant: Samenwerking Noord v2"
    );
    assert_eq!(
        lang.count(samenspel::i18n::T::VotersNote, 2),
        "All 2 parties in the alliance today vote; a party that joins later does not hold up this round."
    );
}
