//! UI flows driven through egui_kittest, as a facilitator would click.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use samenspel::document::Document;
use samenspel::ui::{AppOptions, FileDialogs, SamenspelApp, theme};

use crate::support::{Dir, example_file, load};

/// Dialogs that answer what the test says, and never open a window.
#[derive(Clone, Default)]
pub(crate) struct FakeDialogs {
    pub(crate) open: Rc<RefCell<Option<PathBuf>>>,
    pub(crate) new: Rc<RefCell<Option<PathBuf>>>,
    pub(crate) save: Rc<RefCell<Option<PathBuf>>>,
    pub(crate) csv: Rc<RefCell<Option<PathBuf>>>,
    /// As on a machine without a file-chooser portal or zenity.
    pub(crate) unavailable: Rc<std::cell::Cell<bool>>,
}

impl FileDialogs for FakeDialogs {
    fn open_alliance(&self) -> Option<PathBuf> {
        self.open.borrow_mut().take()
    }
    fn new_alliance(&self, _suggested: &str) -> Option<PathBuf> {
        self.new.borrow_mut().take()
    }
    fn save_file(&self, _suggested: &str, _extension: &str) -> Option<PathBuf> {
        self.save.borrow_mut().take()
    }
    fn open_csv(&self) -> Option<PathBuf> {
        self.csv.borrow_mut().take()
    }
    fn available(&self) -> bool {
        !self.unavailable.get()
    }
}

pub(crate) fn app(dir: &Dir, file: Option<&Path>, dialogs: FakeDialogs) -> SamenspelApp {
    SamenspelApp::new(AppOptions {
        file: file.map(Path::to_path_buf),
        config_dir: Some(dir.path("config")),
        data_dir: Some(dir.path("data")),
        dialogs: Box::new(dialogs),
    })
}

pub(crate) fn harness(app: SamenspelApp) -> Harness<'static, SamenspelApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 860.0))
        .with_context_setup(theme::install)
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut SamenspelApp| app.show(ui), app);
    h.run();
    h
}

/// Replace the text of a field: focus it, select all, type.
pub(crate) fn retype(h: &mut Harness<'_, SamenspelApp>, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// One turn of the mouse wheel over the point last hovered, and a frame:
/// `delta` as egui takes it (negative y scrolls down, negative x right).
pub(crate) fn wheel(h: &mut Harness<'_, SamenspelApp>, delta: egui::Vec2) {
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta,
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    h.step();
}

/// Click a widget as a user would: scroll it into view first.
pub(crate) fn click(h: &mut Harness<'_, SamenspelApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn the_start_screen_offers_new_open_and_the_example() {
    let dir = Dir::new();
    let mut h = harness(app(&dir, None, FakeDialogs::default()));
    h.get_by_label("Nieuwe alliantie…");
    h.get_by_label("Openen…");
    click(&mut h, "Het voorbeeld Samen Noord openen");
    let a = h.state().alliance().expect("example opened");
    assert_eq!(a.info.name, "Samen Noord");
    assert!(h.state().window_title().contains("Samen Noord"));
    h.get_by_label("Partijen 9");
    // The next start opens the last alliance used.
    drop(h);
    let h = harness(app(&dir, None, FakeDialogs::default()));
    assert_eq!(h.state().alliance().unwrap().info.name, "Samen Noord");
}

#[test]
fn create_a_new_alliance_through_the_dialog() {
    let dir = Dir::new();
    let dialogs = FakeDialogs::default();
    let target = dir.path("Wijkalliantie Oost.samenspel");
    *dialogs.new.borrow_mut() = Some(target.clone());
    let mut h = harness(app(&dir, None, dialogs));
    click(&mut h, "Nieuwe alliantie…");
    assert_eq!(
        h.state().alliance().unwrap().info.name,
        "Wijkalliantie Oost"
    );
    assert!(target.exists());
}

#[test]
fn add_a_party_a_person_and_a_body_and_find_them_after_reopening() {
    let dir = Dir::new();
    let path = dir.path("ui.samenspel");
    Document::create(&path, &samenspel::domain::Alliance::named("Alliantie"), &[]).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));

    click(&mut h, "Partijen 0");
    click(&mut h, "+  Partij toevoegen");
    retype(&mut h, "Naam", "Stichting Buurtkracht");
    retype(&mut h, "Werkgebied", "Oost");
    retype(&mut h, "Diensten en thema's", "jeugd, ouderen");
    retype(&mut h, "Medewerkers (aantal)", "42");

    click(&mut h, "Mensen 0");
    click(&mut h, "+  Persoon toevoegen");
    retype(&mut h, "Naam", "Els Vermeer");
    retype(&mut h, "Functie", "directeur");

    click(&mut h, "Gremia 0");
    click(&mut h, "+  Gremium toevoegen");
    retype(&mut h, "Naam", "Stuurgroep Oost");
    // Make it the steering group.
    h.get_by_label("Soort").click();
    h.run();
    h.get_by_label("Stuurgroep").click();
    h.run();

    click(&mut h, "Bezetting");
    click(&mut h, "Els Vermeer in Stuurgroep Oost");
    drop(h);

    let a = load(&path);
    let party = &a.parties[0];
    assert_eq!(party.name, "Stichting Buurtkracht");
    assert_eq!(party.service_area, "Oost");
    assert_eq!(party.services, vec!["jeugd", "ouderen"]);
    assert_eq!(party.staff, Some(42));
    assert_eq!(a.people[0].name, "Els Vermeer");
    assert_eq!(
        a.people[0].party,
        Some(party.id),
        "new people join the first party"
    );
    assert_eq!(a.people[0].function, "directeur");
    assert_eq!(a.bodies[0].name, "Stuurgroep Oost");
    assert_eq!(a.bodies[0].kind, samenspel::domain::BodyKind::SteeringGroup);
    assert!(a.seat(a.bodies[0].id, a.people[0].id).is_some());

    // Reopen in the app and find them again.
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    click(&mut h, "Partijen 1");
    h.get_by_label_contains("Stichting Buurtkracht");
    click(&mut h, "Mensen 1");
    h.get_by_label_contains("Els Vermeer");
    click(&mut h, "Gremia 1");
    h.get_by_label_contains("Stuurgroep Oost");
}

#[test]
fn ctrl_z_undoes_typing_as_one_step_and_ctrl_shift_z_redoes() {
    let dir = Dir::new();
    let path = example_file(&dir, "undo.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    retype(&mut h, "Naam van de alliantie", "Samen Noord-Oost");
    assert_eq!(h.state().alliance().unwrap().info.name, "Samen Noord-Oost");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().alliance().unwrap().info.name, "Samen Noord");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(h.state().alliance().unwrap().info.name, "Samen Noord-Oost");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(load(&path).info.name, "Samen Noord-Oost");
}

#[test]
fn the_phase_route_sets_the_phase() {
    let dir = Dir::new();
    let path = example_file(&dir, "phase.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    click(&mut h, "Zet de fase op Strategie");
    assert_eq!(load(&path).info.phase, samenspel::domain::Phase::Strategy);
}

#[test]
fn deleting_a_party_asks_first_and_undo_brings_it_back() {
    let dir = Dir::new();
    let path = example_file(&dir, "delete.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    click(&mut h, "Partijen 9");
    click(&mut h, "Partij verwijderen…");
    h.get_by_label_contains("Partij \u{201c}Het Leefkringhuis\u{201d} verwijderen?");
    click(&mut h, "Verwijderen");
    assert_eq!(h.state().alliance().unwrap().parties.len(), 8);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().alliance().unwrap(),
        &samenspel::example::samen_noord()
    );
}

#[test]
fn the_matrix_points_out_mt_and_steering_group_doubling() {
    let dir = Dir::new();
    let path = example_file(&dir, "matrix.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    click(&mut h, "Bezetting");
    let n = samenspel::example::samen_noord()
        .people_in_mt_and_steering_group()
        .len();
    h.get_by_label_contains(&format!("{n} mensen zitten zowel in het managementteam"));
    assert_eq!(h.get_all_by_label_contains("MT + stuurgroep").count(), n);
}

/// A region's matrix has more bodies than fit side by side: only the
/// columns in view are built, and scrolling across brings the last one.
#[test]
fn the_matrix_builds_only_the_columns_in_view() {
    let dir = Dir::new();
    let path = dir.path("regional.samenspel");
    let a = samenspel::example::regional(1);
    drop(Document::create(&path, &a, &[]).unwrap());
    let mut app = app(&dir, Some(&path), FakeDialogs::default());
    app.set_view(samenspel::ui::View::Matrix);
    let mut h = harness(app);
    // The first row's person, with a box for the first and the last body.
    let first = a
        .people
        .iter()
        .find(|p| {
            p.party == a.parties.first().map(|p| p.id)
                && p.is_active_on(chrono::Local::now().date_naive())
        })
        .unwrap();
    let seat = |body: &samenspel::domain::Body| format!("{} in {}", first.name, body.name);
    let (left, right) = (&a.bodies[0], a.bodies.last().unwrap());
    assert!(a.bodies.len() >= 12, "{} bodies", a.bodies.len());
    assert!(h.query_by_label(&seat(left)).is_some());
    assert!(h.query_by_label(&seat(right)).is_none());
    let built = h
        .query_all_by_label_contains(&format!("{} in ", first.name))
        .count();
    assert!(built < a.bodies.len(), "{built} of {}", a.bodies.len());
    // Scrolled all the way across: the last body's box is there.
    h.event(egui::Event::PointerMoved(egui::pos2(900.0, 500.0)));
    for _ in 0..20 {
        wheel(&mut h, egui::vec2(-400.0, 0.0));
    }
    h.run();
    assert!(h.query_by_label(&seat(right)).is_some());
    assert!(h.query_by_label(&seat(left)).is_none());
}

/// A region's round has 150 voters: its stances are built only where in
/// view, and scrolling down brings the last voter's row.
#[test]
fn a_regions_stances_are_built_only_where_in_view() {
    let dir = Dir::new();
    let path = dir.path("regional.samenspel");
    let a = samenspel::example::regional(1);
    drop(Document::create(&path, &a, &[]).unwrap());
    let round = a.rounds.last().unwrap();
    let voters: Vec<&str> = round
        .voters
        .iter()
        .filter_map(|p| a.party(*p))
        .filter(|p| a.votes_in(p, round))
        .map(|p| p.name.as_str())
        .collect();
    assert!(voters.len() >= samenspel::ui::widgets::LAZY_FROM);
    let mut app = app(&dir, Some(&path), FakeDialogs::default());
    app.set_view(samenspel::ui::View::Rounds);
    let mut h = harness(app);
    let (first, last) = (voters[0], *voters.last().unwrap());
    assert!(h.query_by_label(first).is_some());
    assert!(h.query_by_label(last).is_none());
    let built = voters
        .iter()
        .filter(|v| h.query_by_label(v).is_some())
        .count();
    assert!(built < voters.len(), "{built} of {}", voters.len());
    // Scrolled down: the last voter's row is there, the first is not.
    h.event(egui::Event::PointerMoved(egui::pos2(900.0, 500.0)));
    for _ in 0..60 {
        wheel(&mut h, egui::vec2(0.0, -400.0));
    }
    h.run();
    assert!(h.query_by_label(last).is_some());
    assert!(h.query_by_label(first).is_none());
}

#[test]
fn the_interface_switches_to_english_and_remembers_it() {
    let dir = Dir::new();
    let path = example_file(&dir, "lang.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    click(&mut h, "EN");
    h.get_by_label("Parties 9");
    h.get_by_label("Set the phase to Strategy");
    drop(h);
    let h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    h.get_by_label("People 17");
}

#[test]
fn a_bad_file_shows_a_clear_error_and_changes_nothing() {
    let dir = Dir::new();
    let path = dir.path("kapot.samenspel");
    std::fs::write(&path, "geen database, maar tekst ".repeat(10)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    assert!(h.state().alliance().is_none());
    h.get_by_label_contains("is geen Samenspel-alliantie");
    click(&mut h, "OK");
    assert!(h.state().error().is_none());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_open_elsewhere_is_read_only_with_a_banner() {
    let dir = Dir::new();
    let path = example_file(&dir, "busy.samenspel");
    let _other_window = Document::open(&path).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    h.get_by_label_contains("al geopend in een ander Samenspel-venster");
    assert!(h.state().document().unwrap().is_read_only());
    // Fields are disabled: typing changes nothing.
    h.get_by_label("Naam van de alliantie").type_text("X");
    h.run();
    assert_eq!(h.state().alliance().unwrap().info.name, "Samen Noord");
    assert!(
        h.query_all_by_role(Role::TextInput).count() > 0,
        "the form is still shown"
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dropped_file_is_opened() {
    let dir = Dir::new();
    let path = example_file(&dir, "dropped.samenspel");
    let mut h = harness(app(&dir, None, FakeDialogs::default()));
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.run();
    assert_eq!(h.state().document().unwrap().path(), path.as_path());
}

#[test]
fn open_through_the_dialog() {
    let dir = Dir::new();
    let path = example_file(&dir, "picked.samenspel");
    let dialogs = FakeDialogs::default();
    *dialogs.open.borrow_mut() = Some(path.clone());
    let mut h = harness(app(&dir, None, dialogs));
    click(&mut h, "Openen…");
    assert_eq!(h.state().alliance().unwrap().info.name, "Samen Noord");
}

/// Click the button whose label is `name` or starts with it (navigation
/// entries carry a count, list items a subtitle).
/// Turn the mouse wheel `times` over the middle of the page, a frame after
/// each turn, as someone scrolls down a long list.
pub(crate) fn scroll_down(h: &mut Harness<'_, SamenspelApp>, times: usize) {
    for _ in 0..times {
        h.hover_at(egui::pos2(700.0, 500.0));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -1500.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run();
    }
}

pub(crate) fn nav(h: &mut Harness<'_, SamenspelApp>, name: &str) {
    let matches = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == Role::Button
            && n.label().is_some_and(|l| {
                l == name
                    || l.strip_prefix(&format!("{name} "))
                        .is_some_and(|count| count.chars().all(|c| c.is_ascii_digit()))
                    || l.starts_with(&format!("{name}\n"))
            })
    };
    h.get_by(matches).scroll_to_me();
    h.run();
    h.get_by(matches).click();
    h.run();
}

#[test]
fn conduct_an_intake_add_a_comfort_need_and_see_them_in_the_overview() {
    let dir = Dir::new();
    let path = example_file(&dir, "intake.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Intakegesprekken");
    // Het Leefkringhuis is selected; start a new conversation.
    click(&mut h, "+  Nieuw gesprek");
    let a = h.state().alliance().unwrap();
    let interview = a.interviews.iter().map(|i| i.id).max().unwrap();
    assert_eq!(a.interview(interview).unwrap().party, 1);
    retype(
        &mut h,
        "Antwoord op: Wat drijft u om mee te doen?",
        "Eén loket voor de buurt → samen sterker",
    );
    click(
        &mut h,
        "Cijfer 8 bij: Hoe tevreden bent u over de afspraken tot nu toe? Een cijfer van 1 tot 10, en in woorden.",
    );
    click(&mut h, "Doet mee");
    click(
        &mut h,
        "Zichtbaarheid van het antwoord op: Wat drijft u om mee te doen?",
    );
    h.get_all_by_label("Deelbaar met naam")
        .last()
        .unwrap()
        .click();
    h.run();
    retype(
        &mut h,
        "Eigen notities (altijd vertrouwelijk)",
        "Alleen voor mij",
    );

    nav(&mut h, "Comfortregister");
    // Without a party, a need cannot be added.
    h.get_by_role_and_label(Role::TextInput, "Behoefte").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Behoefte")
        .type_text("Een vaste plek in elk Huis van de Wijk");
    h.run();
    h.get_by_label("+  Toevoegen").click();
    h.run();
    assert_eq!(h.state().alliance().unwrap().comfort_needs.len(), 9);
    h.get_by_label_contains("Kies eerst de partij");
    h.get_by_role_and_label(Role::ComboBox, "Partij").click();
    h.run();
    h.get_by_label("Doras").click_accesskit();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label("+  Toevoegen").click();
    h.run();
    let a = h.state().alliance().unwrap();
    assert_eq!(a.comfort_needs.len(), 10);
    let need = a.comfort_needs.last().unwrap();
    assert_eq!(need.party, 8);
    assert_eq!(
        samenspel::domain::Confidential::expose(&need.need),
        "Een vaste plek in elk Huis van de Wijk"
    );
    assert_eq!(need.visibility, samenspel::domain::Visibility::Confidential);

    nav(&mut h, "Overzicht");
    let today = samenspel::i18n::Lang::Nl.date(chrono::Local::now().date_naive());
    h.get_by_label_contains(&format!("8/10   {today}"));
    nav(&mut h, "Delen met de groep");
    h.get_by_label_contains("Het Leefkringhuis: Eén loket voor de buurt → samen sterker");
    assert!(
        h.query_all_by_label_contains("Alleen voor mij")
            .next()
            .is_none(),
        "own notes are not in the overview"
    );
    drop(h);

    let a = load(&path);
    let iv = a.interview(interview).expect("the interview was kept");
    assert_eq!(
        samenspel::domain::Confidential::expose(&iv.notes),
        "Alleen voor mij"
    );
    let trust = a.trust_of(1);
    assert_eq!(trust.last().unwrap().satisfaction, Some(8));
    assert_eq!(
        trust.last().unwrap().stance,
        Some(samenspel::domain::Stance::In)
    );
    let drive = a.answer(interview, 2).unwrap();
    assert_eq!(
        samenspel::domain::Confidential::expose(&drive.text),
        "Eén loket voor de buurt → samen sterker"
    );
    assert_eq!(drive.visibility, samenspel::domain::Visibility::Named);
    assert_eq!(a.comfort_needs.len(), 10);
}

#[test]
fn deleting_a_party_with_interviews_says_what_goes() {
    let dir = Dir::new();
    let path = example_file(&dir, "del-trust.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Partijen");
    nav(&mut h, "Stichting Prisma");
    click(&mut h, "Partij verwijderen…");
    h.get_by_label_contains("intakegesprekken: 2");
    h.get_by_label_contains("comfortbehoeften: 2");
    h.get_by_label_contains("stemmen in consensusrondes: 4");
    click(&mut h, "Annuleren");
    assert_eq!(
        h.state().alliance().unwrap(),
        &samenspel::example::samen_noord()
    );
}

#[test]
fn the_question_guide_can_be_edited() {
    let dir = Dir::new();
    let path = example_file(&dir, "guide.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Vragenlijst");
    click(&mut h, "+  Vraag toevoegen");
    retype(
        &mut h,
        "Tekst van vraag 7",
        "Wie moet er nog meer aan tafel?",
    );
    drop(h);
    let a = load(&path);
    assert_eq!(
        a.active_questions().last().unwrap().text,
        "Wie moet er nog meer aan tafel?"
    );
}

#[test]
fn build_a_strategy_map_move_undo_and_find_it_again_after_reopening() {
    let dir = Dir::new();
    let path = dir.path("kaart.samenspel");
    Document::create(&path, &samenspel::domain::Alliance::named("Kaart"), &[]).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Strategiekaart");
    click(&mut h, "+  Doel");
    retype(&mut h, "Titel", "Kinderen groeien op");
    click(&mut h, "Klaar");
    click(&mut h, "+  Initiatief");
    retype(&mut h, "Titel", "Huizen van de Wijk");
    click(&mut h, "→ Kinderen groeien op");
    click(&mut h, "Klaar");
    let a = h.state().alliance().unwrap().clone();
    assert_eq!(a.map_nodes.len(), 2);
    let goal = a
        .map_nodes
        .iter()
        .find(|n| n.title == "Kinderen groeien op")
        .unwrap()
        .clone();
    let house = a
        .map_nodes
        .iter()
        .find(|n| n.title == "Huizen van de Wijk")
        .unwrap()
        .clone();
    assert_eq!(a.map_links.len(), 1);
    assert_eq!(
        (a.map_links[0].from, a.map_links[0].to),
        (house.id, goal.id)
    );
    // Every node is reachable by its label.
    h.get_by_role_and_label(Role::Button, "Kinderen groeien op");
    // Move the initiative with the keyboard: right, then one lane up.
    click(&mut h, "Huizen van de Wijk");
    h.key_press(egui::Key::ArrowRight);
    h.run();
    h.key_press(egui::Key::ArrowUp);
    h.run();
    let moved = h
        .state()
        .alliance()
        .unwrap()
        .map_node(house.id)
        .unwrap()
        .clone();
    assert_eq!(moved.x, house.x + 20.0);
    let lanes = h
        .state()
        .alliance()
        .unwrap()
        .lanes_bottom_up()
        .iter()
        .map(|l| l.id)
        .collect::<Vec<_>>();
    let at = |lane| lanes.iter().position(|l| *l == lane).unwrap();
    assert_eq!(at(moved.lane), at(house.lane) + 1);
    // Undo both steps.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().alliance().unwrap().map_node(house.id),
        Some(&house)
    );
    // Redo the move right, and keep it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    let kept = h.state().alliance().unwrap().clone();
    drop(h);
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Strategiekaart");
    h.get_by_label("Kinderen groeien op");
    h.get_by_label("Huizen van de Wijk");
    let again = h.state().alliance().unwrap();
    assert_eq!(again.map_nodes, kept.map_nodes);
    assert_eq!(again.map_links, kept.map_links);
    assert_eq!(again.map_node(house.id).unwrap().x, house.x + 20.0);
}

#[test]
fn delete_removes_the_selected_node_with_its_arrows() {
    let dir = Dir::new();
    let path = example_file(&dir, "delete-node.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Strategiekaart");
    let title = "Huizen van de Wijk als centrum voor bewoners";
    click(&mut h, title);
    h.key_press(egui::Key::Delete);
    h.run();
    let a = h.state().alliance().unwrap();
    assert!(a.map_nodes.iter().all(|n| n.title != title));
    assert!(a.map_links.iter().all(|l| l.from != 6 && l.to != 6));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().alliance().unwrap(),
        &samenspel::example::samen_noord()
    );
}

#[test]
fn dragging_a_node_moves_it_to_the_lane_it_lands_in() {
    let dir = Dir::new();
    let path = example_file(&dir, "drag.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Strategiekaart");
    let title = "Eenduidig en op het juiste moment vastleggen";
    let before = h
        .state()
        .alliance()
        .unwrap()
        .map_nodes
        .iter()
        .find(|n| n.title == title)
        .unwrap()
        .clone();
    let start = h.get_by_label(title).rect().center();
    h.drag_at(start);
    h.run();
    for step in 1..=10 {
        h.hover_at(start + egui::vec2(0.0, -12.0 * step as f32));
        h.run();
    }
    h.drop_at(start + egui::vec2(0.0, -120.0));
    h.run();
    let after = h
        .state()
        .alliance()
        .unwrap()
        .map_nodes
        .iter()
        .find(|n| n.title == title)
        .unwrap()
        .clone();
    assert_ne!(after.lane, before.lane, "dragged up into another lane");
    assert_eq!(after.dy, 0.0, "snapped to the lane");
}

#[test]
fn add_a_relation_on_the_network_map() {
    let dir = Dir::new();
    let path = example_file(&dir, "net.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Netwerkkaart");
    h.get_by_label_contains("Stichting Dock (verbinder)");
    let before = h.state().alliance().unwrap().relations.len();
    for (combo, choice) in [("Van", "Stichting SPIN"), ("Naar", "Stichting Wijsneus")] {
        h.get_by_role_and_label(Role::ComboBox, combo)
            .scroll_to_me();
        h.run();
        h.get_by_role_and_label(Role::ComboBox, combo).click();
        h.run();
        h.get_by_role(Role::ListBox)
            .get_by_label(choice)
            .click_accesskit();
        h.run();
        h.key_press(egui::Key::Escape);
        h.run();
    }
    click(&mut h, "+  Toevoegen");
    let a = h.state().alliance().unwrap();
    assert_eq!(a.relations.len(), before + 1);
    let r = a.relations.last().unwrap();
    assert_eq!(
        (r.from, r.to),
        (
            samenspel::domain::Actor::Party(7),
            samenspel::domain::Actor::Party(9)
        )
    );
    // Put SPIN in the inner ring by hand.
    h.get_by_label("Ring van Stichting SPIN").scroll_to_me();
    h.run();
    h.get_by_label("Ring van Stichting SPIN").click();
    h.run();
    h.get_by_role(Role::ListBox)
        .get_by_label("Binnenring")
        .click_accesskit();
    h.run();
    let spin = h
        .state()
        .alliance()
        .unwrap()
        .placement(samenspel::domain::Actor::Party(7))
        .unwrap()
        .ring;
    assert_eq!(spin, samenspel::domain::Ring::Inner);
}

/// Choose `choice` in the combo box labelled `combo`.
pub(crate) fn choose(h: &mut Harness<'_, SamenspelApp>, combo: &str, choice: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run();
    h.get_by_role(Role::ListBox)
        .get_by_label(choice)
        .click_accesskit();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
}

fn two_party_alliance(dir: &Dir) -> PathBuf {
    let path = dir.path("besluiten.samenspel");
    let mut a = samenspel::domain::Alliance::named("Besluiten");
    for name in ["Stichting Aap", "Stichting Noot"] {
        let edit = a.insert(samenspel::domain::Party {
            name: name.into(),
            ..Default::default()
        });
        a.apply(&edit).unwrap();
    }
    Document::create(&path, &a, &[]).unwrap();
    path
}

/// Record one party's stance in the open round.
pub(crate) fn cast(
    h: &mut Harness<'_, SamenspelApp>,
    party: &str,
    value: &str,
    reason: Option<&str>,
) {
    choose(h, "Standpunt van", party);
    click(h, value);
    if let Some(reason) = reason {
        retype(h, "Reden", reason);
    }
    click(h, "✓  Vastleggen");
}

#[test]
fn cluster_an_agenda_item_into_a_focal_point() {
    let dir = Dir::new();
    let path = example_file(&dir, "agenda.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Agenda");
    choose(
        &mut h,
        "Zwaartepunt van Huiswerkbegeleiding",
        "Elkaar erbij halen",
    );
    let a = h.state().alliance().unwrap();
    let item = a
        .agenda_items
        .iter()
        .find(|i| i.title == "Huiswerkbegeleiding")
        .unwrap();
    assert_eq!(item.focal_point, Some(2));
    assert_eq!(item.party, 9, "the item stays traceable to its party");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    drop(h);
    assert_eq!(load(&path), samenspel::example::samen_noord());
}

#[test]
fn adopt_a_ground_rule_through_a_consensus_round() {
    let dir = Dir::new();
    let path = two_party_alliance(&dir);
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Spelregels");
    h.get_all_by_label("Voorleggen in een consensusronde")
        .next()
        .unwrap()
        .click();
    h.run();
    click(&mut h, "Ronde openen");
    let round = h.state().alliance().unwrap().rounds[0].clone();
    assert_eq!(round.subject, samenspel::domain::Subject::GroundRule(1));
    assert_eq!(round.voters, vec![1, 2]);
    cast(&mut h, "Stichting Aap", "Instemming", None);
    // Before the reveal, the room sees who voted, not how.
    h.get_by_label_contains("✓ heeft gestemd");
    assert!(
        h.query_by_label_contains("Verborgen tot u de standpunten toont")
            .is_some()
    );
    cast(&mut h, "Stichting Noot", "Instemming", None);
    click(&mut h, "Alles tegelijk tonen");
    click(&mut h, "Aannemen");
    drop(h);
    let a = load(&path);
    assert_eq!(a.rounds[0].status, samenspel::domain::RoundStatus::Adopted);
    assert_eq!(
        a.ground_rule(1).unwrap().status,
        samenspel::domain::RuleStatus::Adopted
    );
    assert_eq!(a.votes.len(), 2);
    assert!(a.votes.iter().all(|v| v.entered_by == "Procesbegeleider"));
}

#[test]
fn a_veto_is_amended_and_the_decision_shows_in_the_log_after_reopening() {
    let dir = Dir::new();
    let path = two_party_alliance(&dir);
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Consensusrondes");
    click(&mut h, "+  Nieuwe ronde");
    retype(&mut h, "Voorstel", "We delen één budget");
    click(&mut h, "Ronde openen");
    // A veto without a reason cannot be recorded.
    choose(&mut h, "Standpunt van", "Stichting Aap");
    click(&mut h, "8 · Veto");
    h.get_by_label("✓  Vastleggen").scroll_to_me();
    h.run();
    h.get_by_label("✓  Vastleggen").click();
    h.run();
    assert!(h.state().alliance().unwrap().votes.is_empty());
    retype(&mut h, "Reden", "Eerst de verdeling");
    click(&mut h, "✓  Vastleggen");
    cast(&mut h, "Stichting Noot", "1 · Van harte eens", None);
    click(&mut h, "Alles tegelijk tonen");
    h.get_by_label_contains("Geblokkeerd door: Stichting Aap");
    retype(
        &mut h,
        "Aangepast voorstel",
        "We delen één budget, verdeeld naar afspraak",
    );
    click(&mut h, "Aanpassen en opnieuw stemmen");
    let a = h.state().alliance().unwrap();
    assert_eq!(a.rounds.len(), 2);
    assert_eq!(a.rounds[1].previous, Some(1));
    cast(&mut h, "Stichting Aap", "3 · Steun met bedenkingen", None);
    cast(&mut h, "Stichting Noot", "1 · Van harte eens", None);
    click(&mut h, "Alles tegelijk tonen");
    click(&mut h, "Aannemen");
    drop(h);
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Besluitenlijst");
    h.get_by_label("We delen één budget, verdeeld naar afspraak");
    h.get_by_label_contains("Eerst de verdeling");
    let a = h.state().alliance().unwrap();
    assert_eq!(a.rounds[0].status, samenspel::domain::RoundStatus::Amended);
    assert_eq!(a.rounds[1].status, samenspel::domain::RoundStatus::Adopted);
}

#[test]
fn drag_an_agenda_item_onto_a_focal_point() {
    let dir = Dir::new();
    let path = example_file(&dir, "drag-agenda.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Agenda");
    let from = h.get_by_label("Huiswerkbegeleiding").rect().center();
    let to = h
        .get_by_label("Naam van zwaartepunt Samen in de Huizen van de Wijk")
        .rect()
        .center();
    h.drag_at(from);
    h.run();
    for step in 1..=10 {
        h.hover_at(from + (to - from) * (step as f32 / 10.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    let a = h.state().alliance().unwrap();
    let item = a
        .agenda_items
        .iter()
        .find(|i| i.title == "Huiswerkbegeleiding")
        .unwrap();
    assert_eq!(item.focal_point, Some(1));
}

#[test]
fn the_network_map_shows_who_an_agenda_item_depends_on() {
    let dir = Dir::new();
    let path = example_file(&dir, "deps.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Netwerkkaart");
    choose(
        &mut h,
        "Afhankelijkheden bij een agendapunt",
        "Programmering van de Huizen",
    );
    h.get_by_label("Stichting Dock → Doras, Civic Amsterdam, De Regenboog Groep");
}

#[test]
fn prepare_a_meeting_and_save_its_invitation() {
    let dir = Dir::new();
    let path = example_file(&dir, "meeting.samenspel");
    let dialogs = FakeDialogs::default();
    let ics = dir.path("uitnodiging.ics");
    *dialogs.save.borrow_mut() = Some(ics.clone());
    let mut h = harness(app(&dir, Some(&path), dialogs));
    nav(&mut h, "Overleggen");
    click(&mut h, "+  Nieuw overleg");
    retype(&mut h, "Titel", "Stuurgroep december");
    retype(&mut h, "Plaats", "Huis van de Wijk Banne");
    click(&mut h, "+  Agendapunt");
    retype(&mut h, "Titel van agendapunt 1", "Mandaat van het MT");
    retype(
        &mut h,
        "Volgende stap (punt 1)",
        "Het MT werkt het mandaat uit voor januari",
    );
    click(&mut h, "Anneke de Vries");
    click(&mut h, "Uitnodiging opslaan (.ics)…");
    let text = std::fs::read_to_string(&ics).expect("the invitation was written");
    // The user is told where it went.
    h.get_by_label_contains("De uitnodiging is opgeslagen in");
    // The body's name once, not "Stuurgroep — Stuurgroep december".
    assert!(text.contains("SUMMARY:Stuurgroep december\r\n"), "{text}");
    assert!(text.contains("LOCATION:Huis van de Wijk Banne"));
    drop(h);
    let a = load(&path);
    let m = a
        .meetings
        .iter()
        .find(|m| m.title == "Stuurgroep december")
        .unwrap();
    let slot = a.slots_of(m.id)[0];
    assert_eq!(slot.next_step, "Het MT werkt het mandaat uit voor januari");
    assert_eq!(a.parties_present(m.id), vec![1]);
    // Open actions of earlier meetings carry over to this one.
    assert!(!samenspel::domain::meeting::open_actions(&a.actions, &a.meetings, m.date).is_empty());
}

/// How many nodes of the UI show `text` (as label or value).
fn shown(h: &Harness<'_, SamenspelApp>, text: &str) -> usize {
    h.query_all_by(|n| {
        n.label().is_some_and(|l| l.contains(text)) || n.value().is_some_and(|v| v.contains(text))
    })
    .count()
}

#[test]
fn the_share_with_the_group_screen_shows_nothing_confidential() {
    let dir = Dir::new();
    let path = dir.path("planted.samenspel");
    Document::create(&path, &crate::trust::planted(), &[]).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Delen met de groep");
    assert!(shown(&h, "Anonieme thema's") > 0, "the screen is there");
    assert!(
        shown(&h, "Opgeslokt worden door een grotere organisatie.") > 0,
        "shared content shows"
    );
    assert_eq!(
        shown(&h, crate::trust::MARK),
        0,
        "no confidential marker on the shared screen"
    );
    // The facilitator's own screens do show them: the check can see markers.
    nav(&mut h, "Intakegesprekken");
    assert!(shown(&h, crate::trust::MARK) > 0);
}

#[test]
fn draft_a_covenant_adopt_it_in_a_round_and_find_it_frozen() {
    let dir = Dir::new();
    let path = two_party_alliance(&dir);
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Convenant");
    click(&mut h, "+  Nieuwe versie");
    let a = h.state().alliance().unwrap();
    assert_eq!(a.covenant_versions.len(), 1);
    // Drafted from the register: no bodies, adopted ground rules or focal
    // points yet, so no clause for them.
    assert_eq!(a.clauses.len(), 6, "drafted from the register");
    assert_eq!(a.signatures.len(), 2, "one signature block per party");
    retype(&mut h, "Kop van artikel 5", "Financiën en budget");
    click(&mut h, "Voorleggen in een consensusronde");
    click(&mut h, "Ronde openen");
    cast(&mut h, "Stichting Aap", "Instemming", None);
    cast(&mut h, "Stichting Noot", "Instemming", None);
    click(&mut h, "Alles tegelijk tonen");
    click(&mut h, "Aannemen");
    let a = h.state().alliance().unwrap().clone();
    let v = &a.covenant_versions[0];
    assert!(v.is_frozen());
    assert_eq!(
        v.fingerprint,
        samenspel::domain::covenant::fingerprint(&a, v.id)
    );
    assert!(samenspel::domain::covenant::canonical_text(&a, v.id).contains("Financiën en budget"));
    nav(&mut h, "Convenant");
    h.get_by_label_contains("Aangenomen en vastgelegd op");
    // Sign for one party.
    retype(&mut h, "Ondertekenaar (Stichting Aap)", "A. Aap");
    click(&mut h, "Getekend (Stichting Aap)");
    drop(h);
    let a = load(&path);
    let sig = a.signatures.iter().find(|s| s.party == 1).unwrap();
    assert_eq!(sig.signatory, "A. Aap");
    assert!(sig.signed);
    assert_eq!(
        a.covenant_versions[0].fingerprint,
        samenspel::domain::covenant::fingerprint(&a, 1),
        "signing does not change what was decided"
    );
}

#[test]
fn save_the_pack_the_minutes_the_covenant_and_the_intake_summary_as_pdf() {
    let dir = Dir::new();
    let path = example_file(&dir, "docs.samenspel");
    let dialogs = FakeDialogs::default();
    let save = dialogs.save.clone();
    let mut h = harness(app(&dir, Some(&path), dialogs));
    let saved = |h: &mut Harness<'_, SamenspelApp>, button: &str, name: &str, says: &str| {
        let out = dir.path(name);
        *save.borrow_mut() = Some(out.clone());
        click(h, button);
        let bytes = std::fs::read(&out).unwrap_or_else(|_| panic!("{button} wrote {name}"));
        assert!(bytes.starts_with(b"%PDF"), "{name} is a PDF");
        h.get_by_label_contains(&format!("{says} is opgeslagen in"));
        bytes
    };
    nav(&mut h, "Overleggen");
    saved(
        &mut h,
        "Vergaderstukken opslaan (PDF)…",
        "pack.pdf",
        "Vergaderstukken",
    );
    saved(&mut h, "Verslag opslaan (PDF)…", "verslag.pdf", "Verslag");
    nav(&mut h, "Convenant");
    saved(
        &mut h,
        "Convenant opslaan (PDF)…",
        "convenant.pdf",
        "Convenant",
    );
    nav(&mut h, "Overzicht");
    saved(
        &mut h,
        "Intakesamenvatting opslaan (PDF, vertrouwelijk)…",
        "intake.pdf",
        "Samenvatting van de intakegesprekken",
    );
    // Cancelling the dialog writes nothing and says nothing.
    *save.borrow_mut() = None;
    click(&mut h, "Intakesamenvatting opslaan (PDF, vertrouwelijk)…");
    assert_eq!(
        std::fs::read_dir(dir.path(""))
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "pdf"))
            .count(),
        4
    );
}

#[test]
fn a_party_can_be_marked_as_having_left() {
    let dir = Dir::new();
    let path = example_file(&dir, "left.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Partijen");
    let item = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == Role::Button
            && n.label()
                .is_some_and(|l| l.starts_with("Stichting Wijsneus"))
    };
    h.get_by(item).scroll_to_me();
    h.run();
    h.get_by(item).click();
    h.run();
    retype(&mut h, "Uitgetreden op", "30-06-2019");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label_contains("uitgetreden 30 juni 2019");
    drop(h);
    let a = load(&path);
    let party = a
        .parties
        .iter()
        .find(|p| p.name == "Stichting Wijsneus")
        .unwrap();
    assert_eq!(party.left, chrono::NaiveDate::from_ymd_opt(2019, 6, 30));
}

/// The first frame painted after start is already laid out: the shared
/// ambition (three rows) does not run over the term fields below it.
#[test]
fn the_first_frame_is_laid_out() {
    let dir = Dir::new();
    let file = example_file(&dir, "first.samenspel");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 860.0))
        .with_context_setup(theme::install)
        .build_ui_state(
            |ui, app: &mut SamenspelApp| app.show(ui),
            app(&dir, Some(&file), FakeDialogs::default()),
        );
    for frame in 0..3 {
        let ambition = h.get_by_label("Gedeelde ambitie").rect();
        let term = h.get_by_label("Looptijd vanaf").rect();
        assert!(
            ambition.bottom() <= term.top() + 1.0,
            "frame {frame}: the ambition ({ambition:?}) runs over the term ({term:?})"
        );
        h.step();
    }
}

/// A number of staff is taken as people type it, in either language:
/// 1150, 1.150, 1,150 or 1 150; something else is refused in a sentence.
#[test]
fn staff_is_typed_with_the_thousands_separator_of_either_language() {
    let dir = Dir::new();
    let path = dir.path("staff.samenspel");
    let mut a = samenspel::domain::Alliance::named("Alliantie");
    let e = a.insert(samenspel::domain::Party {
        name: "Riverside Housing".into(),
        ..Default::default()
    });
    a.apply(&e).unwrap();
    Document::create(&path, &a, &[]).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    click(&mut h, "Partijen 1");
    for (typed, want) in [
        ("1,150", Some(1150)),
        ("1.150", Some(1150)),
        ("1 150", Some(1150)),
        ("1150", Some(1150)),
        ("35", Some(35)),
    ] {
        crate::typing::type_into(&mut h, "Medewerkers (aantal)", typed);
        assert_eq!(load(&path).parties[0].staff, want, "{typed}");
    }
    crate::typing::type_into(&mut h, "Medewerkers (aantal)", "veel");
    assert_eq!(load(&path).parties[0].staff, Some(35), "not a number: kept");
}
