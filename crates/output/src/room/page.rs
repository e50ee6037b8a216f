//! The phone's page: server-rendered HTML with its CSS inline, large type,
//! a plain form (it works without JavaScript), and a small inline script
//! that asks every few seconds whether the page changed (a new round, the
//! reveal, the close) and reloads, keeping a half-typed reason. No
//! third-party assets; a page weighs a few kilobytes.
//!
//! A page is built from one party's [`PhoneView`] only, which holds no
//! other party's stance: none can reach it before the reveal.

use sha2::{Digest, Sha256};

use crate::domain::PriorityMethod;
use crate::domain::{Id, RoundStatus, Via};
use crate::i18n::{Lang, T};
use crate::phone::{Ask, DotView, Own, PhoneView, Refusal, RoundView, Snapshot, Told};

/// A line above one round's form: what happened to the last post.
#[derive(Clone, Debug, PartialEq)]
pub struct Flash {
    /// The round it concerns ("r12" for a consensus round, "d3" for dots).
    pub target: String,
    pub refusal: Option<Refusal>,
    /// What was posted, to fill the form again after a refusal.
    pub ask: Option<Ask>,
}

impl Flash {
    pub fn saved(target: String) -> Flash {
        Flash {
            target,
            refusal: None,
            ask: None,
        }
    }

    pub fn refused(target: String, refusal: Refusal, ask: Ask) -> Flash {
        Flash {
            target,
            refusal: Some(refusal),
            ask: Some(ask),
        }
    }
}

const STYLE: &str = "\
:root{color-scheme:light dark;--ink:#1b1f24;--paper:#fbfaf7;--muted:#5b6470;--line:#d5d2ca;\
--accent:#1f5f8b;--ok:#23703a;--bad:#a4262c;--card:#fff}\
@media(prefers-color-scheme:dark){:root{--ink:#eceae4;--paper:#16181b;--muted:#a9b0b8;\
--line:#3a3f46;--accent:#7db8e3;--ok:#7fd394;--bad:#ff8f8f;--card:#202328}}\
*{box-sizing:border-box}\
body{margin:0;background:var(--paper);color:var(--ink);font:20px/1.45 system-ui,-apple-system,\
'Segoe UI',Roboto,sans-serif;-webkit-text-size-adjust:100%;overflow-wrap:anywhere;-webkit-hyphens:auto;hyphens:auto}\
header{padding:18px 18px 8px}main{padding:0 12px 24px;max-width:36rem;margin:0 auto}\
header{max-width:36rem;margin:0 auto}\
.kicker{margin:0;color:var(--muted);font-size:.85em}h1{margin:.1em 0 0;font-size:1.6em;line-height:1.2}\
h2{margin:0 0 .3em;font-size:.85em;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}\
section{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:16px;margin:14px 0}\
.proposal{font-size:1.15em;margin:.2em 0 .6em;white-space:pre-wrap}\
.state{padding:10px 12px;border-radius:10px;background:rgba(127,127,127,.12);margin:.6em 0}\
.ok{color:var(--ok);font-weight:600}.bad{color:var(--bad);font-weight:600}.muted{color:var(--muted);font-size:.9em}\
fieldset{border:0;margin:0;padding:0}legend{font-weight:600;margin-bottom:.3em}\
label.opt{display:flex;gap:12px;align-items:center;min-height:56px;padding:8px 12px;margin:6px 0;\
border:2px solid var(--line);border-radius:12px;cursor:pointer}\
label.opt input{width:28px;height:28px;flex:none;margin:0}\
label.opt:has(input:checked){border-color:var(--accent);background:rgba(31,95,139,.1)}\
label.opt.blocks span{color:var(--bad)}\
.field{display:block;margin:.8em 0 .2em;font-weight:600}\
textarea,input[type=number]{width:100%;font:inherit;padding:10px;border:2px solid var(--line);\
border-radius:10px;background:var(--paper);color:var(--ink)}\
input[type=number]{width:5.5em}\
.dot{display:flex;justify-content:space-between;align-items:center;gap:12px;margin:8px 0}\
button{display:block;width:100%;margin-top:14px;min-height:60px;font:inherit;font-weight:700;\
color:#fff;background:var(--accent);border:0;border-radius:12px}\
@media(prefers-color-scheme:dark){button{color:#0d1a24}}\
ol{padding-left:1.3em}\
.fist{display:grid;grid-template-columns:repeat(6,1fr);gap:6px;margin-bottom:12px}\
.fist label.opt{flex-direction:column;gap:2px;justify-content:center;padding:6px 0;min-height:64px;margin:0}\
.fist label.opt input{width:22px;height:22px}\
.rule{font-weight:600;margin:.8em 0 .2em}\
table.dist{width:100%;border-collapse:collapse;table-layout:fixed;text-align:center}\
table.dist td{vertical-align:bottom;padding:2px}\
.bar{display:block;margin:0 auto 2px;width:70%;min-height:2px;background:var(--accent);border-radius:3px}\
#changed{position:sticky;bottom:0;padding:14px 18px;background:var(--accent);color:#fff;text-align:center}\
#changed a{color:#fff;font-weight:700}";

const SCRIPT: &str = "(function(){\
var d=document,v=d.documentElement.getAttribute('data-v'),k='samenspel:'+location.pathname,\
boxes=d.querySelectorAll('textarea'),saved={};\
try{saved=JSON.parse(sessionStorage.getItem(k)||'{}')}catch(e){}\
function keep(){var o={};boxes.forEach(function(t){if(t.value)o[t.id]=t.value});\
try{sessionStorage.setItem(k,JSON.stringify(o))}catch(e){}}\
boxes.forEach(function(t){if(!t.value&&saved[t.id])t.value=saved[t.id];t.addEventListener('input',keep)});\
d.querySelectorAll('form').forEach(function(f){\
var t=f.querySelector('textarea');\
function need(){var c=f.querySelector('input[name=value]:checked');if(t)t.required=!!(c&&c.hasAttribute('data-blocks'))}\
f.addEventListener('change',need);need();\
f.addEventListener('submit',function(){try{sessionStorage.removeItem(k)}catch(e){}})});\
function busy(){var a=d.activeElement;return a&&(a.tagName=='TEXTAREA'||a.tagName=='INPUT')}\
var i=setInterval(function(){fetch(location.pathname+'/status',{cache:'no-store'})\
.then(function(r){if(r.status==410){clearInterval(i);location.replace(location.pathname);return null}\
return r.ok?r.json():null}).then(function(s){if(!s||s.v==v)return;keep();\
if(busy()){d.getElementById('changed').hidden=false}else{location.replace(location.pathname+'?v='+encodeURIComponent(s.v)+'.'+Date.now()+location.hash)}})\
.catch(function(){})},4000)})();";

/// The content security policy: nothing from elsewhere, the page's own
/// style, and only this script (by its hash).
pub fn policy() -> String {
    use base64::Engine;
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT));
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; \
         connect-src 'self'; img-src data:; form-action 'self'; base-uri 'none'; \
         frame-ancestors 'none'"
    )
}

/// Escape a text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The phone's language: the first of Dutch and English in its
/// Accept-Language, by preference; else `default`.
pub fn lang_of(accept: Option<&str>, default: Lang) -> Lang {
    let Some(accept) = accept else {
        return default;
    };
    let mut tags: Vec<(f32, usize, &str)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut bits = part.split(';');
            let tag = bits.next()?.trim();
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((q, i, tag))
        })
        .collect();
    tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    tags.iter()
        .find_map(|(q, _, tag)| {
            let primary = tag.split('-').next()?.to_ascii_lowercase();
            match primary.as_str() {
                _ if *q <= 0.0 => None,
                "nl" => Some(Lang::Nl),
                "en" => Some(Lang::En),
                _ => None,
            }
        })
        .unwrap_or(default)
}

/// A form body (`application/x-www-form-urlencoded`) as (name, value).
pub fn parse_form(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let digit = |b: u8| (b as char).to_digit(16);
                match (digit(bytes[i + 1]), digit(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A short fingerprint of everything the party's page shows: the page
/// reloads when it changes.
pub fn version(snap: &Snapshot, party: Id) -> String {
    phone_version(&snap.phone(party))
}

/// The fingerprint of one phone's view: its own entries only.
pub fn phone_version(phone: &PhoneView) -> String {
    let mut h = Sha256::new();
    h.update(format!("{}|{:?}|", phone.meeting, phone.name.as_ref()).as_bytes());
    for r in &phone.rounds {
        h.update(
            format!(
                "r{}|{}|{:?}|{}|{:?}|{:?}|{:?};",
                r.id,
                r.proposal,
                r.scale,
                r.revealed,
                r.status,
                r.own.as_ref(),
                r.told
            )
            .as_bytes(),
        );
    }
    // Recorded absent: the page reloads and says so.
    for (id, _) in &phone.absent {
        h.update(format!("a{id};").as_bytes());
    }
    for r in &phone.dots {
        h.update(
            format!(
                "d{}|{}|{}|{:?}|{:?}|{:?};",
                r.id,
                r.title,
                r.revealed,
                r.focal_points,
                r.own.as_ref(),
                r.tally
            )
            .as_bytes(),
        );
    }
    for r in &phone.comments {
        h.update(
            format!(
                "c{}|{}|{:?}|{:?}|{:?};",
                r.id, r.title, r.published, r.own, r.processing
            )
            .as_bytes(),
        );
    }
    for r in &phone.checkins {
        h.update(format!("k{}|{:?}|{:?}|{:?};", r.id, r.rules, r.own, r.shown).as_bytes());
    }
    hex::encode(&h.finalize()[..8])
}

fn shell(lang: Lang, title: &str, version: &str, body: &str, script: bool) -> String {
    format!(
        "<!doctype html><html lang=\"{code}\" data-v=\"{version}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta name=\"referrer\" content=\"same-origin\"><link rel=\"icon\" href=\"data:,\">\
         <title>{title}</title><style>{STYLE}</style></head><body>{body}{script}</body></html>",
        code = lang.code(),
        title = esc(title),
        script = if script {
            format!("<script>{SCRIPT}</script>")
        } else {
            String::new()
        },
    )
}

/// The one page for anything that is not there (a wrong token too).
pub fn not_found() -> String {
    shell(
        Lang::Nl,
        "404",
        "",
        &format!(
            "<main><section><p>{}</p><p lang=\"en\">{}</p></section></main>",
            esc(Lang::Nl.tr(T::PhoneNotFound)),
            esc(Lang::En.tr(T::PhoneNotFound))
        ),
        false,
    )
}

/// A page of one sentence: `class` "bad" for a refusal, "" for plain.
fn notice(lang: Lang, key: T, class: &str) -> String {
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    shell(
        lang,
        lang.tr(T::PhoneTitle),
        "",
        &format!(
            "<main><section><p{class}>{}</p></section></main>",
            esc(lang.tr(key))
        ),
        false,
    )
}

/// The front page: scan your card.
pub fn front(lang: Lang) -> String {
    notice(lang, T::PhoneScanCard, "")
}

/// A post that came without this page's token (from another site, or a
/// page from before the server restarted).
pub fn expired(lang: Lang) -> String {
    notice(lang, T::PhoneExpired, "bad")
}

/// The page of a revoked card (replaced by a new one): scan the new card.
/// No script, so a page left open on the phone stops asking.
pub fn replaced(lang: Lang) -> String {
    notice(lang, T::PhoneReplaced, "bad")
}

/// The answer to a request larger than a phone's page ever sends (an
/// address, headers or a form past the limits): what to do instead.
pub fn too_large(lang: Lang) -> String {
    notice(lang, T::PhoneTooLarge, "bad")
}

/// The answer to a method an address does not take (a form sent to the
/// status address, a PUT): what to do instead.
pub fn not_allowed(lang: Lang) -> String {
    notice(lang, T::PhoneNotAllowed, "bad")
}

/// The answer to an address that tried too many wrong links: styled as
/// the other pages, to be read on a phone at arm's length.
pub fn too_many(lang: Lang) -> String {
    notice(lang, T::PhoneTooMany, "bad")
}

fn refusal_text(lang: Lang, r: Refusal) -> String {
    match r {
        Refusal::Closed => lang.tr(T::PhoneRefuseClosed).to_string(),
        Refusal::Revealed => lang.tr(T::PhoneRefuseRevealed).to_string(),
        Refusal::NotAVoter => lang.tr(T::PhoneRefuseNotVoter).to_string(),
        Refusal::ReasonRequired => lang.tr(T::ReasonRequired).to_string(),
        Refusal::OffTheScale => lang.tr(T::PhoneChoose).to_string(),
        Refusal::TooManyDots(n) => lang.count(T::PhoneTooManyDots, n as usize),
        Refusal::EnteredByFacilitator => lang.tr(T::PhoneByFacilitator).to_string(),
        Refusal::NoAnswer => lang.tr(T::PhoneNoAnswer).to_string(),
        Refusal::NotSaved => lang.tr(T::PhoneNotSaved).to_string(),
        Refusal::CommentText => lang.tr(T::PhoneCommentText).to_string(),
        Refusal::ReasonText => lang.tr(T::RefusalReasonText).to_string(),
        Refusal::CheckinShown => lang.tr(T::PhoneCheckinShown).to_string(),
    }
}

/// When a stance was entered, as the laptop's clock says it.
fn clock(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| t.with_timezone(&chrono::Local).format("%H:%M").to_string())
        .unwrap_or_default()
}

fn own_line(lang: Lang, party: &str, r: &RoundView, own: Option<&Own>) -> String {
    match own {
        None => format!(
            "<p class=\"state\">{}</p>",
            esc(&lang.tr(T::PhoneNothingYet).replace("{party}", party))
        ),
        Some(o) => {
            let mut s = format!(
                "<p class=\"state\"><span class=\"ok\">✓</span> {}<br><span class=\"muted\">{} · {}</span>",
                esc(&lang
                    .tr(T::PhoneRecorded)
                    .replace("{party}", party)
                    .replace("{stance}", &lang.scale_value(r.scale, o.value))),
                esc(lang.via(o.via)),
                esc(&clock(&o.entered_at))
            );
            if !o.reason.is_empty() {
                s.push_str(&format!("<br><bdi>“{}”</bdi>", esc(&o.reason)));
            }
            if o.corrections > 0 {
                s.push_str(&format!(
                    "<br><span class=\"muted\">{}</span>",
                    esc(lang.tr(T::PhoneCorrected))
                ));
            }
            s.push_str("</p>");
            s
        }
    }
}

/// The outcome, as a delegate reads it: what the round came to, without
/// the facilitator's next step (amend the proposal, read reservations
/// back), which the window says.
fn told_line(lang: Lang, r: &RoundView) -> String {
    let text = match (&r.told, r.status) {
        (_, RoundStatus::Adopted) => lang.tr(T::OutcomeAdopted).to_string(),
        (_, s) if s.is_closed() => lang.round_status(s).to_string(),
        (Some(Told::Adoptable { reservations }), _) if reservations.is_empty() => {
            lang.tr(T::OutcomeAdoptable).to_string()
        }
        (Some(Told::Adoptable { reservations }), _) => lang
            .tr(T::PhoneOutcomeReservations)
            .replace("{names}", &reservations.join(", ")),
        (Some(Told::Blocked { by }), _) => lang
            .tr(T::PhoneOutcomeBlocked)
            .replace("{names}", &by.join(", ")),
        (Some(Told::Waiting { missing }), _) => lang
            .tr(T::OutcomeWaiting)
            .replace("{names}", &missing.join(", ")),
        (None, _) => return String::new(),
    };
    format!(
        "<h2>{}</h2><p class=\"state\"><strong>{}</strong></p>",
        esc(lang.tr(T::Outcome)),
        esc(&text)
    )
}

fn flash_line(lang: Lang, flash: Option<&Flash>, target: &str) -> String {
    match flash.filter(|f| f.target == target) {
        Some(Flash { refusal: None, .. }) => format!(
            "<p class=\"ok\" role=\"status\">✓ {}</p>",
            esc(lang.tr(T::PhoneSaved))
        ),
        Some(Flash {
            refusal: Some(r), ..
        }) => format!(
            "<p class=\"bad\" role=\"alert\">{}</p>",
            esc(&refusal_text(lang, *r))
        ),
        None => String::new(),
    }
}

/// What every section of one party's page needs.
struct For<'a> {
    lang: Lang,
    name: &'a str,
    token: &'a str,
    csrf: &'a str,
    flash: Option<&'a Flash>,
    /// The phone's anonymous key (for its own check-in scores), if it has
    /// one.
    person: &'a str,
}

fn round_section(out: &mut String, f: &For, r: &RoundView) {
    let (lang, name, token, csrf, flash) = (f.lang, f.name, f.token, f.csrf, f.flash);
    let target = format!("r{}", r.id);
    let own = r.own.as_ref();
    out.push_str(&format!(
        "<section id=\"{target}\"><h2>{}</h2><p class=\"proposal\">{}</p><p class=\"muted\">{}</p>",
        esc(lang.tr(T::Proposal)),
        esc(&r.proposal),
        esc(lang.scale(r.scale))
    ));
    out.push_str(&flash_line(lang, flash, &target));
    if r.status.is_closed() || r.revealed {
        if r.status.is_closed() {
            out.push_str(&format!(
                "<p>{}</p>",
                esc(&lang
                    .tr(T::PhoneRoundClosed)
                    .replace("{status}", lang.round_status(r.status)))
            ));
        } else {
            out.push_str(&format!("<p>{}</p>", esc(lang.tr(T::PhoneRevealed))));
        }
        if r.absent {
            out.push_str(&format!(
                "<p class=\"state\">{}</p>",
                esc(lang.tr(T::PhoneAbsent))
            ));
        } else {
            out.push_str(&own_line(lang, name, r, own));
        }
        out.push_str(&told_line(lang, r));
        out.push_str("</section>");
        return;
    }
    out.push_str(&own_line(lang, name, r, own));
    if own.is_some_and(|o| o.via != Via::Ballot) {
        out.push_str(&format!(
            "<p class=\"muted\">{}</p></section>",
            esc(lang.tr(T::PhoneByFacilitator))
        ));
        return;
    }
    // The form: what was posted and refused, else what is recorded.
    let (chosen, reason) = match flash
        .filter(|f| f.target == target)
        .and_then(|f| f.ask.clone())
    {
        Some(Ask::Stance { value, reason, .. }) => (Some(value), reason),
        _ => (
            own.map(|o| o.value),
            own.map(|o| o.reason.clone()).unwrap_or_default(),
        ),
    };
    out.push_str(&format!(
        "<form method=\"post\" action=\"/b/{token}\"><input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <input type=\"hidden\" name=\"kind\" value=\"stance\"><input type=\"hidden\" name=\"round\" value=\"{}\">\
         <fieldset><legend>{}</legend>",
        r.id,
        esc(lang.tr(T::PhoneYourStance))
    ));
    for value in r.scale.values() {
        let blocks = r.scale.blocks(value);
        out.push_str(&format!(
            "<label class=\"opt{}\"><input type=\"radio\" name=\"value\" value=\"{value}\"{}{}><span>{}</span></label>",
            if blocks { " blocks" } else { "" },
            if chosen == Some(value) { " checked" } else { "" },
            if blocks { " data-blocks" } else { "" },
            esc(&lang.scale_value(r.scale, value))
        ));
    }
    // The stances a reason is needed with: those that block (the red ones).
    let blocking = r
        .scale
        .values()
        .into_iter()
        .filter(|v| r.scale.blocks(*v))
        .map(|v| lang.scale_value(r.scale, v))
        .collect::<Vec<_>>()
        .join(lang.pick(" of ", " or "));
    out.push_str(&format!(
        "</fieldset><label class=\"field\" for=\"reason-{id}\">{}</label>\
         <textarea dir=\"auto\" id=\"reason-{id}\" name=\"reason\" rows=\"3\" maxlength=\"4000\">{}</textarea>\
         <button type=\"submit\">{}</button></form><p class=\"muted\">{}</p></section>",
        esc(&lang.tr(T::PhoneReason).replace("{stances}", &blocking)),
        esc(&reason),
        esc(lang.tr(T::RecordStance)),
        esc(lang.tr(T::PhoneUntilReveal)),
        id = r.id,
    ));
}

fn dots_section(out: &mut String, f: &For, r: &DotView) {
    let (lang, name, token, csrf, flash) = (f.lang, f.name, f.token, f.csrf, f.flash);
    let target = format!("d{}", r.id);
    let own = r.own.as_ref();
    let of = |f: Id| {
        own.and_then(|m| m.iter().find(|(x, _)| *x == f))
            .map(|(_, v)| *v)
            .unwrap_or(0)
    };
    out.push_str(&format!(
        "<section id=\"{target}\"><h2>{}</h2><p class=\"proposal\">{}</p>",
        esc(lang.tr(T::PhoneDotsRound)),
        esc(&r.title)
    ));
    out.push_str(&flash_line(lang, flash, &target));
    let recorded: Vec<String> = r
        .focal_points
        .iter()
        .filter(|(f, _)| of(*f) > 0)
        .map(|(f, n)| format!("{n}: {}", of(*f)))
        .collect();
    out.push_str(&format!(
        "<p class=\"state\">{}</p>",
        esc(&if recorded.is_empty() {
            lang.tr(T::PhoneNothingYet).replace("{party}", name)
        } else {
            lang.tr(T::PhoneRecorded)
                .replace("{party}", name)
                .replace("{stance}", &recorded.join(" · "))
        })
    ));
    if let Some(tally) = &r.tally {
        out.push_str(&format!("<h2>{}</h2><ol>", esc(lang.tr(T::Outcome))));
        for (n, total) in tally.iter() {
            out.push_str(&format!("<li>{} — {}</li>", esc(n), lang.number(*total)));
        }
        out.push_str("</ol></section>");
        return;
    }
    let (max, hint) = match r.method {
        PriorityMethod::Dots => (r.dots, lang.count(T::PhoneDotsHint, r.dots as usize)),
        PriorityMethod::Score => (
            crate::domain::MAX_SCORE,
            lang.tr(T::PhoneScoreHint).to_string(),
        ),
    };
    let posted = match flash
        .filter(|f| f.target == target)
        .and_then(|f| f.ask.clone())
    {
        Some(Ask::Dots { marks, .. }) => Some(marks),
        _ => None,
    };
    out.push_str(&format!(
        "<form method=\"post\" action=\"/b/{token}\"><input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <input type=\"hidden\" name=\"kind\" value=\"dots\"><input type=\"hidden\" name=\"round\" value=\"{}\">\
         <p class=\"muted\">{}</p>",
        r.id,
        esc(&hint)
    ));
    for (f, n) in r.focal_points.iter() {
        let value = match &posted {
            Some(marks) => marks
                .iter()
                .find(|(x, _)| x == f)
                .map(|(_, v)| *v)
                .unwrap_or(0),
            None => of(*f),
        };
        out.push_str(&format!(
            "<label class=\"dot\" for=\"f{f}-{id}\"><span>{}</span>\
             <input id=\"f{f}-{id}\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"{max}\" name=\"f{f}\" value=\"{value}\"></label>",
            esc(n),
            id = r.id
        ));
    }
    out.push_str(&format!(
        "<button type=\"submit\">{}</button></form><p class=\"muted\">{}</p></section>",
        esc(lang.tr(T::RecordStance)),
        esc(lang.tr(T::PhoneUntilReveal))
    ));
}

/// A comment round on a party's phone: while open, its own comments and a
/// form for the next; once published, every shared comment and what
/// became of it.
fn comments_section(out: &mut String, f: &For, r: &crate::phone::PhoneComments) {
    let (lang, token, csrf, flash) = (f.lang, f.token, f.csrf, f.flash);
    let target = format!("c{}", r.id);
    out.push_str(&format!(
        "<section id=\"{target}\"><h2>{}</h2><p class=\"proposal\">{}</p><p class=\"muted\">{}</p>",
        esc(lang.tr(T::PhoneCommentRound)),
        esc(&r.title),
        esc(&crate::report::comments::draft_name(lang, &r.draft))
    ));
    out.push_str(&flash_line(lang, flash, &target));
    if let Some(d) = r.published {
        out.push_str(&format!(
            "<p class=\"state\">{}</p>",
            esc(&lang
                .tr(T::CommentsPublishedOn)
                .replace("{date}", &lang.date(d)))
        ));
        if r.processing.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>",
                esc(lang.tr(T::PdfCommentsNone))
            ));
        }
        out.push_str("<ol>");
        for c in r.processing.iter() {
            let response = c
                .response
                .map(|x| crate::report::comments::response_word(lang, x))
                .unwrap_or_default();
            let part = if c.part.trim().is_empty() {
                String::new()
            } else {
                format!(" ({})", c.part.trim())
            };
            out.push_str(&format!(
                "<li><strong>{}{}</strong>: {}<br><span class=\"ok\">{}</span>{}</li>",
                esc(&c.party),
                esc(&part),
                esc(&c.text),
                esc(response),
                if c.why.trim().is_empty() {
                    String::new()
                } else {
                    format!(" — {}", esc(c.why.trim()))
                }
            ));
        }
        out.push_str("</ol></section>");
        return;
    }
    if let Some(d) = r.due {
        out.push_str(&format!(
            "<p class=\"muted\">{} {}</p>",
            esc(lang.tr(T::CommentsDue)),
            esc(&lang.date(d))
        ));
    }
    if !r.own.is_empty() {
        out.push_str(&format!(
            "<p>{}</p><ul>",
            esc(lang.tr(T::PhoneYourComments))
        ));
        for (part, text) in &r.own {
            let part = if part.trim().is_empty() {
                String::new()
            } else {
                format!("<strong>{}</strong>: ", esc(part.trim()))
            };
            out.push_str(&format!("<li>{part}{}</li>", esc(text)));
        }
        out.push_str("</ul>");
    }
    let (part, text) = match flash
        .filter(|f| f.target == target)
        .and_then(|f| f.ask.clone())
    {
        Some(Ask::Comment { part, text, .. }) if flash.is_some_and(|f| f.refusal.is_some()) => {
            (part, text)
        }
        _ => (String::new(), String::new()),
    };
    out.push_str(&format!(
        "<form method=\"post\" action=\"/b/{token}\"><input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <input type=\"hidden\" name=\"kind\" value=\"comment\"><input type=\"hidden\" name=\"round\" value=\"{id}\">\
         <label class=\"field\" for=\"part-{id}\">{}</label>\
         <input id=\"part-{id}\" name=\"part\" maxlength=\"200\" value=\"{}\">\
         <label class=\"field\" for=\"text-{id}\">{}</label>\
         <textarea dir=\"auto\" id=\"text-{id}\" name=\"text\" rows=\"4\" maxlength=\"4000\">{}</textarea>\
         <button type=\"submit\">{}</button></form><p class=\"muted\">{}</p></section>",
        esc(lang.tr(T::CommentPart)),
        esc(&part),
        esc(lang.tr(T::CommentText)),
        esc(&text),
        esc(lang.tr(T::PhoneSendComment)),
        esc(lang.tr(T::PhoneUntilPublished)),
        id = r.id,
    ));
}

/// Who asks for a page: the card's token, the form's token, and the
/// phone's anonymous key ("" when it has none yet).
#[derive(Clone, Copy, Debug)]
pub struct Visit<'a> {
    pub token: &'a str,
    pub csrf: &'a str,
    pub person: &'a str,
}

/// The ground-rule check-in on a delegate's phone: each rule scored 0 to
/// 5, anonymously; once shown, the room's distribution.
fn checkin_section(out: &mut String, f: &For, r: &crate::phone::PhoneCheckin) {
    let (lang, token, csrf, flash) = (f.lang, f.token, f.csrf, f.flash);
    let target = format!("k{}", r.id);
    out.push_str(&format!(
        "<section id=\"{target}\"><h2>{}</h2><p class=\"proposal\">{}</p>",
        esc(lang.tr(T::PhoneCheckinTitle)),
        esc(lang.tr(T::PhoneCheckinQuestion))
    ));
    out.push_str(&flash_line(lang, flash, &target));
    let mine: &[(Id, u8)] = if f.person.is_empty() {
        &[]
    } else {
        r.own.get(f.person).map(Vec::as_slice).unwrap_or(&[])
    };
    if let Some(shown) = &r.shown {
        out.push_str(&format!(
            "<p class=\"state\">{}</p>",
            esc(&lang.count(T::PhoneCheckinPeople, shown.people).replace(
                "{parties}",
                &lang.count(T::PhoneCheckinParties, shown.parties)
            ))
        ));
        for rule in &shown.rules {
            out.push_str(&format!(
                "<p class=\"rule\">{}</p><table class=\"dist\"><tr>",
                esc(&rule.text)
            ));
            let most = rule.counts.iter().copied().max().unwrap_or(0).max(1);
            for n in rule.counts {
                // A bar as high as its share of the most given score.
                let h = (n * 48).div_ceil(most);
                out.push_str(&format!(
                    "<td><span class=\"bar\" style=\"height:{h}px\"></span>{n}×</td>"
                ));
            }
            out.push_str("</tr><tr class=\"muted\">");
            for score in 0..=5 {
                out.push_str(&format!("<td>{score}</td>"));
            }
            out.push_str(&format!(
                "</tr></table><p class=\"muted\">{}</p>",
                esc(&match rule.mean {
                    Some(m) => lang
                        .tr(T::PhoneCheckinMean)
                        .replace("{mean}", &lang.number(m)),
                    None => lang.tr(T::PhoneCheckinNone).to_string(),
                })
            ));
        }
        out.push_str("</section>");
        return;
    }
    let posted = match flash
        .filter(|f| f.target == target && f.refusal.is_some())
        .and_then(|f| f.ask.clone())
    {
        Some(Ask::Checkin { scores, .. }) => Some(scores),
        _ => None,
    };
    let chosen = |rule: Id| {
        posted
            .as_deref()
            .unwrap_or(mine)
            .iter()
            .find(|(x, _)| *x == rule)
            .map(|(_, s)| *s)
    };
    out.push_str(&format!(
        "<p class=\"muted\">{} {}</p><form method=\"post\" action=\"/b/{token}\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <input type=\"hidden\" name=\"kind\" value=\"checkin\"><input type=\"hidden\" name=\"round\" value=\"{}\">",
        esc(&lang.tr(T::PhoneCheckinHint).replace("{party}", f.name)),
        esc(lang.tr(T::PhoneCheckinScale)),
        r.id
    ));
    for (rule, text) in r.rules.iter() {
        out.push_str(&format!(
            "<fieldset><legend>{}</legend><div class=\"fist\">",
            esc(text)
        ));
        for score in 0..=5u8 {
            out.push_str(&format!(
                "<label class=\"opt\"><input type=\"radio\" name=\"s{rule}\" value=\"{score}\"{} aria-label=\"{}\"><span>{score}</span></label>",
                if chosen(*rule) == Some(score) { " checked" } else { "" },
                esc(&lang.tr(T::PhoneCheckinScore).replace("{n}", &score.to_string()))
            ));
        }
        out.push_str("</div></fieldset>");
    }
    out.push_str(&format!(
        "<button type=\"submit\">{}</button></form><p class=\"muted\">{}</p></section>",
        esc(lang.tr(if mine.is_empty() {
            T::PhoneCheckinSend
        } else {
            T::PhoneCheckinChange
        })),
        esc(lang.tr(T::PhoneCheckinUntilShown))
    ));
}

/// A party's page: its own party only.
pub fn page(snap: &Snapshot, party: Id, visit: Visit, lang: Lang, flash: Option<&Flash>) -> String {
    phone_page(&snap.phone(party), visit, lang, flash)
}

/// The page of one phone, from its view alone.
pub fn phone_page(phone: &PhoneView, visit: Visit, lang: Lang, flash: Option<&Flash>) -> String {
    let Visit {
        token,
        csrf,
        person,
    } = visit;
    let name = phone.name.clone().unwrap_or_default();
    let mut body = format!(
        "<header><p class=\"kicker\">{} · {}</p><h1>{}</h1></header><main>",
        esc(lang.tr(T::PhoneTitle)),
        esc(&match phone.date {
            Some(d) => format!("{} · {}", phone.title, lang.date(d)),
            None => phone.title.clone(),
        }),
        esc(&name)
    );
    let f = For {
        lang,
        name: &name,
        token,
        csrf,
        flash,
        person,
    };
    // A refusal for a round this page no longer shows (closed, or this
    // party recorded absent): said at the top, not lost with the round.
    let shown: Vec<String> = phone
        .rounds
        .iter()
        .map(|r| format!("r{}", r.id))
        .chain(phone.dots.iter().map(|r| format!("d{}", r.id)))
        .chain(phone.comments.iter().map(|r| format!("c{}", r.id)))
        .chain(phone.checkins.iter().map(|r| format!("k{}", r.id)))
        .collect();
    if let Some(Flash {
        target,
        refusal: Some(r),
        ..
    }) = flash
        && !shown.contains(target)
    {
        body.push_str(&format!(
            "<section><p class=\"bad\" role=\"alert\">{}</p></section>",
            esc(&refusal_text(lang, *r))
        ));
    }
    for r in &phone.rounds {
        round_section(&mut body, &f, r);
    }
    // A round this party was recorded absent in: said, not left out.
    for (_, proposal) in &phone.absent {
        body.push_str(&format!(
            "<section class=\"absent\"><h2>{}</h2><p class=\"proposal\">{}</p><p class=\"state\">{}</p></section>",
            esc(lang.tr(T::Proposal)),
            esc(proposal),
            esc(lang.tr(T::PhoneAbsent))
        ));
    }
    for r in &phone.dots {
        dots_section(&mut body, &f, r);
    }
    for r in &phone.checkins {
        checkin_section(&mut body, &f, r);
    }
    for r in &phone.comments {
        comments_section(&mut body, &f, r);
    }
    if phone.rounds.is_empty()
        && phone.absent.is_empty()
        && phone.dots.is_empty()
        && phone.comments.is_empty()
        && phone.checkins.is_empty()
    {
        body.push_str(&format!(
            "<section><p>{}</p></section>",
            esc(lang.tr(T::PhoneNothingOpen))
        ));
    }
    body.push_str(&format!(
        "<p class=\"muted\">{}</p></main><div id=\"changed\" hidden>{} <a href=\"/b/{token}\">{}</a></div>",
        esc(lang.tr(T::PhonePrivate)),
        esc(lang.tr(T::PhoneChanged)),
        esc(lang.tr(T::PhoneReload))
    ));
    shell(
        lang,
        &format!("{} · {name}", lang.tr(T::PhoneTitle)),
        &phone_version(phone),
        &body,
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phone_language_follows_accept_language() {
        assert_eq!(lang_of(Some("en-GB,en;q=0.9,nl;q=0.8"), Lang::Nl), Lang::En);
        assert_eq!(lang_of(Some("nl-NL,nl;q=0.9,en;q=0.8"), Lang::En), Lang::Nl);
        assert_eq!(lang_of(Some("de-DE,en;q=0.5,nl;q=0.7"), Lang::En), Lang::Nl);
        assert_eq!(lang_of(Some("fr"), Lang::Nl), Lang::Nl);
        assert_eq!(lang_of(None, Lang::En), Lang::En);
    }

    #[test]
    fn forms_decode() {
        let f = parse_form("a=1&reason=te+duur%2C+zie%20%C3%A9%C3%A9n&x");
        assert_eq!(f[1], ("reason".into(), "te duur, zie één".into()));
        assert_eq!(f[2], ("x".into(), String::new()));
        assert_eq!(decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">'&"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;"
        );
    }
}
