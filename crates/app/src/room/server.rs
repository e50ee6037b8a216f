//! The room's web server: `hyper` on a small `tokio` runtime of its own,
//! beside the window. Event-driven, so a phone that keeps its connection
//! open (every phone polls) holds no thread: 300 phones opening their
//! cards at once are answered as they come (`tiny_http`'s thread per
//! connection stalled a room that scanned together). Every request's line,
//! headers and form are bounded (414, 431, 413, a page in the phone's
//! language), and a connection that sends nothing is closed. What a
//! request asks is answered by [`handle`], on a blocking thread (a stance
//! waits for the window to record it). It serves only the ballot pages:
//!
//! - `GET /` — a line that says to scan the card;
//! - `GET /b/TOKEN` — the party's page;
//! - `POST /b/TOKEN` — cast a stance or dots (a form, with the page's
//!   token against cross-site requests);
//! - `GET /b/TOKEN/status` — a short version string of what the page
//!   shows, so the page knows when to reload.
//!
//! A wrong token gets the very answer a missing page gets; wrong tokens
//! from one address are counted, and past [`MAX_FAILURES`] in a minute
//! that address gets `429` for the rest of the minute (other addresses
//! are served as before). The token of a revoked card of this meeting is
//! no guess: its page (still open on the phone, asking for its status
//! every few seconds) gets `410` and a page that says to scan the new
//! card, which stops the asking; it is not counted, so the new card works
//! on the same phone. Nothing is written here: a stance goes to the
//! file's owner as an [`Ask`](super::Ask) and the answer comes back.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::Method;
use sha2::{Digest, Sha256};

use super::page::{self, Flash};
use super::{Ask, Pending, Refusal, Snapshot, hash_token};
use crate::domain::Id;

/// The longest request line's address accepted (a card's link is about
/// 50 characters; a query says at most which stance was saved).
const MAX_URI: usize = 2048;
/// The most header bytes accepted (a phone sends well under 2 KB).
const MAX_HEADERS: usize = 8 * 1024;
/// What `hyper` buffers of a request's head at most; past it, it answers
/// 431 itself.
const MAX_HEAD_BUFFER: usize = 64 * 1024;
/// How long a connection may take to send a request's head, and how long
/// an idle kept-alive connection stays open.
const HEAD_WAIT: Duration = Duration::from_secs(10);
/// Wrong tokens one address may try in a minute before it is slowed down.
pub const MAX_FAILURES: u32 = 10;
const WINDOW: Duration = Duration::from_secs(60);
/// How long a phone waits for the laptop to record its stance.
const ANSWER_WAIT: Duration = Duration::from_secs(10);
/// The largest form accepted: a reason or comment of the page's 4,000
/// characters in any script (up to 4 bytes each, percent-encoded to 12),
/// with the form's other fields. What the text may hold is counted in
/// characters afterwards, as the page counts.
const MAX_BODY: usize = 4000 * 12 + 4 * 1024;

/// Counts wrong tokens per address, within a minute.
#[derive(Default)]
pub struct Limiter {
    seen: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl Limiter {
    /// Whether `ip` tried too many wrong tokens this minute.
    pub fn blocked(&self, ip: IpAddr) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        match seen.get(&ip) {
            Some((since, _)) if since.elapsed() >= WINDOW => {
                seen.remove(&ip);
                false
            }
            Some((_, n)) => *n >= MAX_FAILURES,
            None => false,
        }
    }

    /// Count a wrong token from `ip`.
    pub fn fail(&self, ip: IpAddr) {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() > 10_000 {
            seen.retain(|_, (since, _)| since.elapsed() < WINDOW);
        }
        let entry = seen.entry(ip).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= WINDOW {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
    }
}

/// What the window shows of the server's traffic.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    /// Requests answered.
    pub requests: u64,
    /// When a request last came from another computer than this one.
    pub last_remote: Option<Instant>,
}

struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    asks: Mutex<mpsc::Sender<Pending>>,
    wake: Arc<dyn Fn() + Send + Sync>,
    /// Per server run: the pages' tokens against cross-site requests are
    /// derived from it.
    secret: [u8; 32],
    limiter: Limiter,
    requests: AtomicU64,
    last_remote: Mutex<Option<Instant>>,
    stop: AtomicBool,
    bound: IpAddr,
}

/// The running server. Stopped by [`RoomServer::stop`] or when dropped.
pub struct RoomServer {
    shared: Arc<Shared>,
    asks: mpsc::Receiver<Pending>,
    /// Wakes the accepting task to stop.
    stopping: Arc<tokio::sync::Notify>,
    thread: Option<JoinHandle<()>>,
    addr: SocketAddr,
}

impl RoomServer {
    /// Listen on `bind` (the chosen interface only) and serve `snapshot`.
    pub fn start(
        bind: SocketAddr,
        snapshot: Snapshot,
        wake: Arc<dyn Fn() + Send + Sync>,
    ) -> std::io::Result<RoomServer> {
        let listener = std::net::TcpListener::bind(bind)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let (tx, rx) = mpsc::channel();
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| std::io::Error::other(e.to_string()))?;
        let shared = Arc::new(Shared {
            snapshot: RwLock::new(Arc::new(snapshot)),
            asks: Mutex::new(tx),
            wake,
            secret,
            limiter: Limiter::default(),
            requests: AtomicU64::new(0),
            last_remote: Mutex::new(None),
            stop: AtomicBool::new(false),
            bound: addr.ip(),
        });
        // Two threads for the network, and blocking threads for the
        // answers that wait for the window (a stance being recorded).
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .max_blocking_threads(64)
            .thread_name("room")
            .enable_io()
            .enable_time()
            .build()?;
        let stopping = Arc::new(tokio::sync::Notify::new());
        let thread = {
            let shared = Arc::clone(&shared);
            let stopping = Arc::clone(&stopping);
            std::thread::Builder::new()
                .name("room-server".into())
                .spawn(move || {
                    runtime.block_on(serve(listener, shared, stopping));
                    // Connections still open are dropped; an answer still
                    // waiting for the window is not waited for long.
                    runtime.shutdown_timeout(Duration::from_secs(1));
                })?
        };
        Ok(RoomServer {
            shared,
            asks: rx,
            stopping,
            thread: Some(thread),
            addr,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.addr
    }

    /// What the phones see from now on.
    pub fn set_snapshot(&self, snapshot: Snapshot) {
        *self
            .shared
            .snapshot
            .write()
            .unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
    }

    /// The asks waiting, without waiting.
    pub fn take_asks(&self) -> Vec<Pending> {
        self.asks.try_iter().collect()
    }

    /// The next ask, waiting up to `wait`.
    pub fn wait_ask(&self, wait: Duration) -> Option<Pending> {
        self.asks.recv_timeout(wait).ok()
    }

    pub fn stats(&self) -> Stats {
        Stats {
            requests: self.shared.requests.load(Ordering::Relaxed),
            last_remote: *self
                .shared
                .last_remote
                .lock()
                .unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// Stop listening and let the connections go.
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        self.stopping.notify_one();
        // A request waiting for an answer gets "no answer" at once.
        for pending in self.asks.try_iter() {
            let _ = pending.reply.send(Err(Refusal::NoAnswer));
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        self.halt();
    }
}

/// Accept connections until told to stop; each is served on its own task.
async fn serve(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    stopping: Arc<tokio::sync::Notify>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    loop {
        let accepted = tokio::select! {
            _ = stopping.notified() => return,
            accepted = listener.accept() => accepted,
        };
        let Ok((stream, remote)) = accepted else {
            // Out of file handles, say: wait a moment and go on.
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, std::convert::Infallible>(respond(shared, request, remote).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEAD_WAIT)
                .max_buf_size(MAX_HEAD_BUFFER)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

/// A request as [`handle`] reads it: its head, and its form read whole.
struct Asked {
    method: Method,
    url: String,
    headers: Vec<(String, String)>,
    remote: SocketAddr,
    body: Vec<u8>,
}

/// An answer: status, headers, body.
struct Answer {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: String,
}

impl Answer {
    fn with_header(mut self, name: &'static str, value: &str) -> Answer {
        self.headers.push((name, value.to_string()));
        self
    }
}

/// Bound what a request may send, read its form, and answer it.
async fn respond(
    shared: Arc<Shared>,
    request: hyper::Request<hyper::body::Incoming>,
    remote: SocketAddr,
) -> hyper::Response<Full<Bytes>> {
    let accept = request
        .headers()
        .get("accept-language")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let lang = {
        let snapshot = shared.snapshot.read().unwrap_or_else(|e| e.into_inner());
        page::lang_of(accept.as_deref(), snapshot.lang)
    };
    let url = request.uri().to_string();
    let header_bytes: usize = request
        .headers()
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len() + 4)
        .sum();
    let refused = if url.len() > MAX_URI {
        Some(html(414, page::too_large(lang)))
    } else if header_bytes > MAX_HEADERS {
        Some(html(431, page::too_large(lang)))
    } else {
        None
    };
    let answer = match refused {
        Some(answer) => answer,
        None => {
            let method = request.method().clone();
            let headers: Vec<(String, String)> = request
                .headers()
                .iter()
                .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
                .collect();
            let body = Limited::new(request.into_body(), MAX_BODY).collect().await;
            match body {
                Err(_) => html(413, page::too_large(lang)),
                Ok(body) => {
                    let asked = Asked {
                        method,
                        url,
                        headers,
                        remote,
                        body: body.to_bytes().to_vec(),
                    };
                    // A stance waits for the window: off the network's threads.
                    let shared = Arc::clone(&shared);
                    tokio::task::spawn_blocking(move || handle(&shared, &asked))
                        .await
                        .unwrap_or_else(|_| html(500, page::not_found()))
                }
            }
        }
    };
    let mut response = hyper::Response::builder().status(answer.status);
    for (k, v) in &answer.headers {
        response = response.header(*k, v.as_str());
    }
    response
        .body(Full::new(Bytes::from(answer.body)))
        .unwrap_or_else(|_| hyper::Response::new(Full::new(Bytes::new())))
}

/// Whether this computer reaches a server at `addr` (its front page).
pub fn reaches(addr: SocketAddr) -> bool {
    let addr = if addr.ip().is_unspecified() {
        SocketAddr::from(([127, 0, 0, 1], addr.port()))
    } else {
        addr
    };
    let Ok(mut s) = TcpStream::connect_timeout(&addr, Duration::from_secs(2)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if s.write_all(format!("GET / HTTP/1.0\r\nHost: {addr}\r\n\r\n").as_bytes())
        .is_err()
    {
        return false;
    }
    let mut head = [0u8; 12];
    s.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.") && &head[9..12] == b"200"
}

/// The page token of a card: cross-site requests cannot know it.
fn page_token(secret: &[u8; 32], token_hash: &str) -> String {
    let mut h = Sha256::new();
    h.update(secret);
    h.update(b"page-token");
    h.update(token_hash.as_bytes());
    hex::encode(&h.finalize()[..16])
}

/// Compare two texts in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The name of the cookie that holds a phone's anonymous key: set the
/// first time the phone sends a check-in, so that a second one replaces
/// its own scores. Only its SHA-256 reaches the file.
const PERSON_COOKIE: &str = "samenspel_p";

/// The phone's anonymous key from its cookie, if it sent one.
fn person_cookie(request: &Asked) -> Option<String> {
    request
        .headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("Cookie"))
        .flat_map(|(_, v)| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == PERSON_COOKIE)
        .map(|(_, v)| v.to_string())
        .filter(|v| samenspel_projection::phone::is_token(v))
}

fn header_of<'a>(request: &'a Asked, name: &str) -> Option<&'a str> {
    request
        .headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Every answer: no caching, the link to no other site, no framing, and
/// nothing loaded from anywhere else.
fn answer(status: u16, content_type: &str, body: String) -> Answer {
    Answer {
        status,
        headers: vec![
            ("Content-Type", content_type.to_string()),
            ("Cache-Control", "no-store".into()),
            ("Referrer-Policy", "same-origin".into()),
            ("X-Content-Type-Options", "nosniff".into()),
            ("X-Frame-Options", "DENY".into()),
            ("Content-Security-Policy", page::policy()),
        ],
        body,
    }
}

fn html(status: u16, body: String) -> Answer {
    answer(status, "text/html; charset=utf-8", body)
}

/// A method the address does not take: 405, saying which it does.
fn not_allowed(lang: crate::i18n::Lang, allow: &str) -> Answer {
    html(405, page::not_allowed(lang)).with_header("Allow", allow)
}

/// The one answer for a page that is not there, and for a wrong token.
fn not_found() -> Answer {
    html(404, page::not_found())
}

fn handle(shared: &Shared, request: &Asked) -> Answer {
    shared.requests.fetch_add(1, Ordering::Relaxed);
    let ip = request.remote.ip();
    if !ip.is_loopback() && ip != shared.bound {
        *shared.last_remote.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
    }
    let snapshot = Arc::clone(&shared.snapshot.read().unwrap_or_else(|e| e.into_inner()));
    let lang = page::lang_of(header_of(request, "Accept-Language"), snapshot.lang);
    if shared.limiter.blocked(ip) {
        return html(429, page::too_many(lang)).with_header("Retry-After", "60");
    }
    let url = request.url.as_str();
    let path = url.split(['?', '#']).next().unwrap_or("");
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    // "/b/TOKEN/" is "/b/TOKEN", as a person types it.
    let path = match path.strip_suffix('/') {
        Some(p) if !p.is_empty() => p,
        _ => path,
    };
    let parts: Vec<&str> = path.split('/').collect();
    let method = &request.method;
    match (method, parts.as_slice()) {
        (&Method::GET | &Method::HEAD, ["", ""]) => html(200, page::front(lang)),
        (_, ["", ""]) => not_allowed(lang, "GET, HEAD"),
        (_, ["", "b", token] | ["", "b", token, "status"]) => {
            let token = token.to_string();
            match snapshot.party_of(&token) {
                None if snapshot.is_replaced(&token) => {
                    if parts.len() == 4 {
                        answer(410, "application/json", "{\"v\":\"replaced\"}".into())
                    } else {
                        html(410, page::replaced(lang))
                    }
                }
                None => {
                    shared.limiter.fail(ip);
                    not_found()
                }
                Some(party) => {
                    let csrf = page_token(&shared.secret, &hash_token(&token));
                    let person = person_cookie(request)
                        .map(|c| hash_token(&c))
                        .unwrap_or_default();
                    let status = parts.len() == 4;
                    match (method, status) {
                        (&Method::GET | &Method::HEAD, true) => answer(
                            200,
                            "application/json",
                            format!("{{\"v\":\"{}\"}}", page::version(&snapshot, party)),
                        ),
                        (&Method::GET | &Method::HEAD, false) => {
                            let flash = query
                                .split('&')
                                .find_map(|kv| kv.strip_prefix("ok="))
                                .map(|target| Flash::saved(target.to_string()));
                            html(
                                200,
                                page::page(
                                    &snapshot,
                                    party,
                                    page::Visit {
                                        token: &token,
                                        csrf: &csrf,
                                        person: &person,
                                    },
                                    lang,
                                    flash.as_ref(),
                                ),
                            )
                        }
                        (&Method::POST, false) => {
                            cast(shared, request, &snapshot, party, &token, &csrf, lang)
                        }
                        (_, true) => not_allowed(lang, "GET, HEAD"),
                        (_, false) => not_allowed(lang, "GET, HEAD, POST"),
                    }
                }
            }
        }
        _ => not_found(),
    }
}
/// A form posted from a party's page: check it, hand it to the file's
/// owner, and send the phone back to its page (or say why not).
///
/// Long for a reason: one posted form checked top to bottom (where it
/// came from, the card, a check-in's scores or a round's stance and
/// reason), each refusal answered with its own page.
fn cast(
    shared: &Shared,
    request: &Asked,
    snapshot: &Snapshot,
    party: Id,
    token: &str,
    csrf: &str,
    lang: crate::i18n::Lang,
) -> Answer {
    // A browser says where a form came from: only from this server. A
    // form from a sandboxed frame says "null", and a request without a
    // Host is no browser's: both refused.
    let Some(host) = header_of(request, "Host").map(str::to_string) else {
        return html(403, page::expired(lang));
    };
    if let Some(origin) = header_of(request, "Origin")
        && origin != format!("http://{host}")
    {
        return html(403, page::expired(lang));
    }
    // A browser that says where the request came from: only this site.
    if let Some(site) = header_of(request, "Sec-Fetch-Site")
        && !matches!(site, "same-origin" | "none")
    {
        return html(403, page::expired(lang));
    }
    // (The form was read, at most MAX_BODY bytes, before.)
    let form = page::parse_form(&String::from_utf8_lossy(&request.body));
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if !field("csrf").is_some_and(|t| same(t, csrf)) {
        return html(403, page::expired(lang));
    }
    let round: Option<Id> = field("round").and_then(|r| r.parse().ok());
    let kind = field("kind").unwrap_or("");
    // The phone's anonymous key: its cookie's, else a new one that the
    // answer sets (only a check-in needs one).
    let had_cookie = person_cookie(request);
    let mut cookie = had_cookie.clone();
    let (ask, target) = match (kind, round) {
        ("stance", Some(round)) => {
            let ask = Ask::Stance {
                party,
                round,
                value: field("value")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(u8::MAX),
                reason: field("reason").unwrap_or("").to_string(),
            };
            (ask, format!("r{round}"))
        }
        ("dots", Some(round)) => {
            let marks = form
                .iter()
                .filter_map(|(k, v)| {
                    let f: Id = k.strip_prefix('f')?.parse().ok()?;
                    let n: u8 = if v.trim().is_empty() {
                        0
                    } else {
                        v.trim().parse().ok().unwrap_or(u8::MAX)
                    };
                    Some((f, n))
                })
                .collect();
            (
                Ask::Dots {
                    party,
                    round,
                    marks,
                },
                format!("d{round}"),
            )
        }
        ("comment", Some(round)) => (
            Ask::Comment {
                party,
                round,
                part: field("part").unwrap_or("").to_string(),
                text: field("text").unwrap_or("").to_string(),
            },
            format!("c{round}"),
        ),
        ("checkin", Some(round)) => {
            // A rule left unanswered is left out; a score that is not 0 to
            // 5 is refused as off the scale.
            let scores = form
                .iter()
                .filter_map(|(k, v)| {
                    let rule: Id = k.strip_prefix('s')?.parse().ok()?;
                    Some((rule, v.trim().parse().unwrap_or(u8::MAX)))
                })
                .collect();
            (
                Ask::Checkin {
                    party,
                    round,
                    person: hash_token(cookie.get_or_insert_with(crate::room::new_token)),
                    scores,
                },
                format!("k{round}"),
            )
        }
        _ => return not_found(),
    };
    // Only a round this page shows, to a party that votes in it.
    let phone = snapshot.phone(party);
    let shown = match &ask {
        Ask::Stance { round, .. } => phone.rounds.iter().any(|r| r.id == *round),
        Ask::Dots { round, .. } => phone.dots.iter().any(|r| r.id == *round),
        Ask::Comment { round, .. } => phone
            .comments
            .iter()
            .any(|r| r.id == *round && r.published.is_none()),
        Ask::Checkin { round, .. } => phone.checkins.iter().any(|r| r.id == *round),
    };
    let result = if !shown {
        Err(Refusal::Closed)
    } else {
        let (reply, answer_rx) = mpsc::sync_channel(1);
        let sent = shared
            .asks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .send(Pending {
                ask: ask.clone(),
                reply,
            })
            .is_ok();
        if sent {
            (shared.wake)();
            answer_rx
                .recv_timeout(ANSWER_WAIT)
                .unwrap_or(Err(Refusal::NoAnswer))
        } else {
            Err(Refusal::NoAnswer)
        }
    };
    let person = cookie.as_deref().map(hash_token).unwrap_or_default();
    let set_cookie = |a: Answer| match &cookie {
        Some(c) if had_cookie.is_none() => a.with_header(
            "Set-Cookie",
            &format!("{PERSON_COOKIE}={c}; Path=/b/; HttpOnly; SameSite=Strict; Max-Age=86400"),
        ),
        _ => a,
    };
    match result {
        Ok(()) => set_cookie(Answer {
            status: 303,
            headers: vec![
                ("Location", format!("/b/{token}?ok={target}#{target}")),
                ("Cache-Control", "no-store".into()),
                ("Referrer-Policy", "same-origin".into()),
            ],
            body: String::new(),
        }),
        Err(refusal) => {
            // The page again, with why, and what was typed kept.
            let now = Arc::clone(&shared.snapshot.read().unwrap_or_else(|e| e.into_inner()));
            let flash = Flash::refused(target, refusal, ask);
            set_cookie(html(
                409,
                page::page(
                    &now,
                    party,
                    page::Visit {
                        token,
                        csrf,
                        person: &person,
                    },
                    lang,
                    Some(&flash),
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_tokens_slow_down_one_address_only() {
        let limiter = Limiter::default();
        let a: IpAddr = [10, 0, 0, 7].into();
        let b: IpAddr = [10, 0, 0, 8].into();
        for _ in 0..MAX_FAILURES {
            assert!(!limiter.blocked(a));
            limiter.fail(a);
        }
        assert!(limiter.blocked(a));
        assert!(!limiter.blocked(b));
    }

    #[test]
    fn page_tokens_differ_per_card_and_per_run() {
        let one = page_token(&[1; 32], "aa");
        assert_ne!(one, page_token(&[1; 32], "ab"));
        assert_ne!(one, page_token(&[2; 32], "aa"));
        assert!(same(&one, &one.clone()));
        assert!(!same(&one, "x"));
    }
}
