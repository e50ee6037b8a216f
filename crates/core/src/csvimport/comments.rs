//! Comments a party filled in on a spreadsheet: one row per comment, with
//! the party's name, the part of the draft it is about and the comment.
//! Headers in Dutch or English ("partij"/"party", "onderdeel"/"over"/
//! "part", "commentaar"/"opmerking"/"comment").

use super::{RowError, Table};
use crate::domain::{Alliance, Comment, CommentVia, Confidential, Id};

/// The comments of `table` for `round`, and a problem per row that cannot
/// be one (no party of that name, no comment text).
pub fn comments(table: &Table, a: &Alliance, round: Id) -> (Vec<Comment>, Vec<RowError>) {
    let column = |names: &[&str]| {
        table
            .headers
            .iter()
            .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
    };
    let party_col = column(&[
        "partij",
        "party",
        "organisatie",
        "organisation",
        "organization",
    ]);
    let part_col = column(&["onderdeel", "over", "deel", "part", "section", "about"]);
    let text_col = column(&["commentaar", "opmerking", "comment", "comments", "remark"]);
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let (Some(party_col), Some(text_col)) = (party_col, text_col) else {
        errors.push(RowError {
            line: table.header_line,
            reason: "The header needs a column \"party\" and a column \"comment\".".into(),
            reason_nl: "De kopregel heeft een kolom \"partij\" en een kolom \"commentaar\" nodig."
                .into(),
        });
        return (out, errors);
    };
    let cell =
        |row: &[String], k: usize| row.get(k).map(|c| c.trim().to_string()).unwrap_or_default();
    for (line, row) in &table.rows {
        let name = cell(row, party_col);
        let text = cell(row, text_col);
        let Some(party) = a
            .parties
            .iter()
            .find(|p| p.name.trim().to_lowercase() == name.to_lowercase())
        else {
            errors.push(RowError {
                line: *line,
                reason: format!("No party is called \"{name}\"."),
                reason_nl: format!("Er is geen partij \"{name}\"."),
            });
            continue;
        };
        if text.is_empty() {
            errors.push(RowError {
                line: *line,
                reason: "The comment is empty.".into(),
                reason_nl: "Het commentaar is leeg.".into(),
            });
            continue;
        }
        out.push(Comment {
            round,
            party: party.id,
            part: part_col.map(|k| cell(row, k)).unwrap_or_default(),
            text: Confidential::new(text),
            via: CommentVia::Csv,
            ..Comment::default()
        });
    }
    (out, errors)
}
