//! The room server under load (issue 17): 150 parties (the regional
//! network, `example::regional(1)`) cast their stance from their phones
//! within one second. Reported: the answer time of each cast (connect,
//! post, the 303 back; median and p99), and the CPU time per frame of the
//! round screen while they vote, drawn headless as the panels benchmark
//! does. Twice: with the window applying the stances (its frames run back
//! to back, the worst case for sharing two cores), and with `serve`'s loop
//! and no window. `cargo bench --bench room`; `ROOM_PARTIES` for another
//! number of phones (at most the parties there are).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use samenspel::document::Document;
use samenspel::domain::{Id, Scale, Subject};
use samenspel::i18n::Lang;
use samenspel::room::{self, Session};
use samenspel::ui::{AppOptions, FileDialogs, SamenspelApp, View, theme};

struct NoDialogs;
impl FileDialogs for NoDialogs {
    fn open_alliance(&self) -> Option<std::path::PathBuf> {
        None
    }
    fn new_alliance(&self, _: &str) -> Option<std::path::PathBuf> {
        None
    }
    fn save_file(&self, _: &str, _: &str) -> Option<std::path::PathBuf> {
        None
    }
    fn available(&self) -> bool {
        false
    }
}

fn stats(mut t: Vec<Duration>) -> (f64, f64, f64) {
    t.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (
        ms(t[t.len() / 2]),
        ms(t[(t.len() * 99 / 100).min(t.len() - 1)]),
        ms(t[t.len() - 1]),
    )
}

fn request(addr: SocketAddr, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    let _ = s.set_read_timeout(Some(Duration::from_secs(30)));
    let form = if method == "POST" {
        "Content-Type: application/x-www-form-urlencoded\r\n"
    } else {
        ""
    };
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{form}Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).expect("send");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// A regional alliance with a meeting today, an open round and a card
/// for every party at `address`: (file, meeting, round, links).
fn setup(dir: &std::path::Path, address: &str) -> (std::path::PathBuf, Id, Id, Vec<String>) {
    setup_at(dir, address, 1)
}

fn setup_at(
    dir: &std::path::Path,
    address: &str,
    scale: usize,
) -> (std::path::PathBuf, Id, Id, Vec<String>) {
    let path = dir.join("region.samenspel");
    let mut doc = Document::create(&path, &samenspel::example::regional(scale), &[]).unwrap();
    let today = chrono::Local::now().date_naive();
    let a = doc.alliance().clone();
    doc.perform(a.insert(samenspel::domain::Meeting {
        title: "Regiotafel".into(),
        date: Some(today),
        ..Default::default()
    }))
    .unwrap();
    let meeting = doc.alliance().meetings.iter().map(|m| m.id).max().unwrap();
    let a = doc.alliance().clone();
    doc.perform(a.open_round(
        "De regio koopt jeugdhulp samen in.".into(),
        Subject::Free,
        Scale::Gradients,
        today,
        None,
    ))
    .unwrap();
    let round = doc.alliance().rounds.iter().map(|r| r.id).max().unwrap();
    let parties = doc.alliance().ballot_parties(meeting, today);
    let (edit, links) = room::issue(
        doc.alliance(),
        meeting,
        &parties,
        address,
        &samenspel::domain::clock::Clock::System.stamp(),
    );
    doc.perform(edit).unwrap();
    (
        path,
        meeting,
        round,
        links.into_iter().map(|(_, l)| l).collect(),
    )
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Every phone loads its page first; then all cast within one second,
/// each at its own moment. Returns each cast's answer time.
fn vote(addr: SocketAddr, links: &[String], round: Id) -> std::thread::JoinHandle<Vec<Duration>> {
    let pages: Vec<(String, String)> = links
        .iter()
        .map(|l| {
            let path = format!("/{}", l.splitn(4, '/').nth(3).unwrap());
            let (status, page) = request(addr, "GET", &path, "");
            assert_eq!(status, 200);
            let at = page.find("name=\"csrf\" value=\"").unwrap() + 19;
            (path, page[at..at + 32].to_string())
        })
        .collect();
    let n = pages.len();
    std::thread::spawn(move || {
        let start = Instant::now() + Duration::from_millis(50);
        let phones: Vec<_> = pages
            .into_iter()
            .enumerate()
            .map(|(i, (path, csrf))| {
                std::thread::spawn(move || {
                    let at = start + Duration::from_secs_f64(i as f64 / n as f64);
                    std::thread::sleep(at.saturating_duration_since(Instant::now()));
                    let body = format!("csrf={csrf}&kind=stance&round={round}&value={}", 1 + i % 7);
                    let t = Instant::now();
                    let (status, _) = request(addr, "POST", &path, &body);
                    assert_eq!(status, 303, "phone {i}");
                    t.elapsed()
                })
            })
            .collect();
        phones.into_iter().map(|p| p.join().unwrap()).collect()
    })
}

fn with_window(n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let (path, meeting, round, links) = setup(dir.path(), &addr.to_string());
    let links: Vec<String> = links.into_iter().take(n).collect();
    let ctx = egui::Context::default();
    theme::install(&ctx);
    let mut app = SamenspelApp::new(AppOptions {
        file: Some(path.clone()),
        config_dir: None,
        data_dir: None,
        dialogs: Box::new(NoDialogs),
    });
    app.set_view(View::Rounds);
    let mut time = 0.0;
    let mut step = |app: &mut SamenspelApp| {
        time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(time),
            predicted_dt: 1.0 / 60.0,
            focused: true,
            ..Default::default()
        };
        let t = Instant::now();
        let output = ctx.run_ui(input, |ui| app.show(ui));
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
        t.elapsed()
    };
    app.start_room(&ctx, meeting, addr);
    assert_eq!(app.room_address(), Some(addr));
    let idle: Vec<Duration> = (0..60).map(|_| step(&mut app)).collect();
    let voting = vote(addr, &links, round);
    let mut frames = Vec::new();
    while !voting.is_finished() {
        frames.push(step(&mut app));
    }
    let answers = voting.join().unwrap();
    for _ in 0..5 {
        step(&mut app);
    }
    let cast = app
        .alliance()
        .unwrap()
        .votes
        .iter()
        .filter(|v| v.round == round)
        .count();
    assert_eq!(cast, links.len());
    let (am, ap, ax) = stats(answers);
    let (im, ip, _) = stats(idle);
    let (fm, fp, fx) = stats(frames.clone());
    println!(
        "window: {} phones in 1 s: answer median {am:.1} ms, p99 {ap:.1} ms, max {ax:.1} ms",
        links.len()
    );
    println!(
        "window: round screen frame while idle median {im:.2} ms, p99 {ip:.2} ms; while voting median {fm:.2} ms, p99 {fp:.2} ms, max {fx:.2} ms ({} frames)",
        frames.len()
    );
}

fn headless(n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let (path, meeting, round, links) = setup(dir.path(), &addr.to_string());
    let links: Vec<String> = links.into_iter().take(n).collect();
    let mut doc = Document::open(&path).unwrap();
    let mut session = Session::start(&doc, meeting, addr, Lang::Nl, Arc::new(|| {})).unwrap();
    let voting = vote(addr, &links, round);
    while !voting.is_finished() {
        session.pump_waiting(&mut doc, Duration::from_millis(20));
    }
    let answers = voting.join().unwrap();
    session.stop();
    let (am, ap, ax) = stats(answers);
    println!(
        "serve:  {} phones in 1 s: answer median {am:.1} ms, p99 {ap:.1} ms, max {ax:.1} ms",
        links.len()
    );
}

/// One request on a kept-alive connection: the status and the body.
fn keep_alive(
    s: &mut std::io::BufReader<TcpStream>,
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    use std::io::BufRead;
    let form = if method == "POST" {
        "Content-Type: application/x-www-form-urlencoded\r\n"
    } else {
        ""
    };
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\n{form}Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.get_mut().write_all(req.as_bytes())?;
    let mut status = 0;
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if s.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(code) = line.strip_prefix("HTTP/1.1 ") {
            status = code[..3].parse().unwrap_or(0);
        } else if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    s.read_exact(&mut body)?;
    Ok((status, String::from_utf8_lossy(&body).to_string()))
}

/// Issue 31: a room of 300 phones (`example::regional(2)`, a card each)
/// that open their cards within 10 seconds, keep their connection open
/// and poll for changes as the page does (every 4 s, here for 12 s), each
/// casting once at its own moment, against `samenspel serve` in a
/// process of its own. Reported per kind of request (page, status, cast):
/// median and p99 answer time, errors, and the server process's peak
/// memory.
fn crowd() {
    let dir = tempfile::tempdir().unwrap();
    let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let (path, meeting, round, _) = setup_at(dir.path(), &addr.to_string(), 2);
    // The room as `samenspel serve` runs it, in a process of its own, so
    // its memory is its own: it issues the cards and prints the links.
    let mut serve = std::process::Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["serve".as_ref(), path.as_os_str()])
        .args([
            "--meeting",
            &meeting.to_string(),
            "--bind",
            &addr.to_string(),
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("samenspel serve");
    let read = || {
        samenspel::store::Store::open_read_only(&path)
            .and_then(|s| s.load())
            .unwrap()
    };
    let parties = read()
        .ballot_parties(meeting, chrono::Local::now().date_naive())
        .len();
    let mut out = std::io::BufReader::new(serve.stdout.take().unwrap());
    let links: Vec<String> = (0..parties)
        .map(|_| {
            let mut line = String::new();
            std::io::BufRead::read_line(&mut out, &mut line).unwrap();
            line.trim_end().split_once('\t').unwrap().1.to_string()
        })
        .collect();
    let n = links.len();
    let memory = |field: &str| {
        std::fs::read_to_string(format!("/proc/{}/status", serve.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with(field))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
            .map_or(0.0, |kb| kb / 1024.0)
    };
    // Before the phones: the alliance loaded, the cards issued.
    let idle_mb = memory("VmRSS:");
    let start = Instant::now() + Duration::from_millis(100);
    let phones: Vec<_> = links
        .into_iter()
        .enumerate()
        .map(|(i, link)| {
            std::thread::Builder::new()
                .stack_size(128 * 1024)
                .spawn(move || phone(addr, &link, i, n, start, round))
                .unwrap()
        })
        .collect();
    let mut all: Vec<(&'static str, Duration)> = Vec::new();
    let mut errors = 0;
    for p in phones {
        let (times, e) = p.join().unwrap();
        all.extend(times);
        errors += e;
    }
    let server_mb = memory("VmHWM:");
    drop(serve.stdin.take());
    let _ = serve.wait();
    let cast = read().votes.iter().filter(|v| v.round == round).count();
    println!(
        "crowd: {n} phones opening within 10 s, kept alive, polling; {cast} stances recorded, {errors} errors"
    );
    for kind in ["page", "status", "cast"] {
        let t: Vec<Duration> = all
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, d)| *d)
            .collect();
        if t.is_empty() {
            continue;
        }
        let count = t.len();
        let (m, p, x) = stats(t);
        println!(
            "crowd: {kind:6} {count:4} requests: median {m:.1} ms, p99 {p:.1} ms, max {x:.1} ms"
        );
    }
    println!(
        "crowd: `samenspel serve` peak memory {server_mb:.0} MB; {idle_mb:.0} MB before the phones (the region's alliance loaded); the room itself {:.0} MB",
        server_mb - idle_mb
    );
}

/// One phone: opens its card at its moment in the first 10 s, keeps the
/// connection, polls three times 4 s apart and casts once.
fn phone(
    addr: SocketAddr,
    link: &str,
    i: usize,
    n: usize,
    start: Instant,
    round: Id,
) -> (Vec<(&'static str, Duration)>, usize) {
    let path = format!("/{}", link.splitn(4, '/').nth(3).unwrap());
    let opens = start + Duration::from_secs_f64(10.0 * i as f64 / n as f64);
    std::thread::sleep(opens.saturating_duration_since(Instant::now()));
    let mut times: Vec<(&'static str, Duration)> = Vec::new();
    let mut errors = 0;
    let Ok(stream) = TcpStream::connect(addr) else {
        return (times, 1);
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
    let mut s = std::io::BufReader::new(stream);
    let t = Instant::now();
    let csrf = match keep_alive(&mut s, addr, "GET", &path, "") {
        Ok((200, page)) => {
            times.push(("page", t.elapsed()));
            let at = page.find("name=\"csrf\" value=\"").unwrap() + 19;
            page[at..at + 32].to_string()
        }
        _ => return (times, 1),
    };
    for poll in 0..3 {
        std::thread::sleep(Duration::from_millis(4000 - 400 * (i as u64 % 3)));
        let t = Instant::now();
        match keep_alive(&mut s, addr, "GET", &format!("{path}/status"), "") {
            Ok((200, _)) => times.push(("status", t.elapsed())),
            _ => errors += 1,
        }
        if poll == i % 3 {
            let body = format!("csrf={csrf}&kind=stance&round={round}&value={}", 1 + i % 7);
            let t = Instant::now();
            match keep_alive(&mut s, addr, "POST", &path, &body) {
                Ok((303, _)) => times.push(("cast", t.elapsed())),
                _ => errors += 1,
            }
        }
    }
    (times, errors)
}

fn main() {
    if std::env::var_os("ROOM_CROWD_ONLY").is_some() {
        crowd();
        return;
    }
    crowd();
    let n: usize = std::env::var("ROOM_PARTIES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(150);
    headless(n);
    with_window(n);
}
