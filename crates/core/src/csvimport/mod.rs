//! Import of parties (organisations) and their people from a CSV file saved
//! by a spreadsheet program.
//!
//! Handles what Excel and LibreOffice actually write: Windows-1252 or UTF-8
//! (with or without BOM), `;`, `,` or tab separators, an optional `sep=;`
//! first line, CRLF or LF line ends, quoted cells with embedded separators,
//! line breaks and doubled quotes, Dutch or English headers in any order.
//!
//! The module is pure: it turns bytes into [`Table`], headers into a column
//! mapping ([`guess_mapping`]) and a table plus mapping into parties and
//! per-row errors ([`parties`]). Writing anything is up to the caller, which
//! should only do so when the error list is empty.

use std::collections::{HashMap, HashSet};
use std::fmt;

mod comments;
mod mapping;
pub mod update;
pub use comments::comments;
use mapping::*;
pub use mapping::{guess_mapping, unmapped_columns};

/// Longest accepted party or person name, in characters: the register's
/// own limit for every name.
pub const MAX_NAME_CHARS: usize = crate::domain::edit::NAME_LIMIT;

/// Number of records looked at when guessing the separator.
const SNIFF_RECORDS: usize = 20;

/// How the file was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Valid UTF-8 without byte order mark (also plain ASCII).
    Utf8,
    /// UTF-8 starting with the byte order mark EF BB BF (Excel "CSV UTF-8").
    Utf8Bom,
    /// Anything that is not valid UTF-8 (Excel "CSV" in a western locale).
    Windows1252,
}

/// The fields a column can be mapped to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Kind,
    Staff,
    ServiceArea,
    Services,
    Contact,
    Notes,
    PersonName,
    PersonFunction,
    PersonEmail,
}

impl Field {
    /// All fields, in a stable order.
    pub const ALL: [Field; 10] = [
        Field::Name,
        Field::Kind,
        Field::Staff,
        Field::ServiceArea,
        Field::Services,
        Field::Contact,
        Field::Notes,
        Field::PersonName,
        Field::PersonFunction,
        Field::PersonEmail,
    ];

    /// Short English label, lower case.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Kind => "kind",
            Field::Staff => "number of staff",
            Field::ServiceArea => "service area",
            Field::Services => "services",
            Field::Contact => "contact",
            Field::Notes => "notes",
            Field::PersonName => "person name",
            Field::PersonFunction => "person function",
            Field::PersonEmail => "person e-mail",
        }
    }

    /// Short Dutch label, lower case.
    pub fn label_nl(self) -> &'static str {
        match self {
            Field::Name => "naam",
            Field::Kind => "soort",
            Field::Staff => "aantal medewerkers",
            Field::ServiceArea => "werkgebied",
            Field::Services => "diensten",
            Field::Contact => "contact",
            Field::Notes => "notities",
            Field::PersonName => "naam contactpersoon",
            Field::PersonFunction => "functie",
            Field::PersonEmail => "e-mailadres contactpersoon",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A decoded and parsed CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub encoding: Encoding,
    pub separator: u8,
    /// Trimmed header cells; trailing empty header cells are dropped.
    pub headers: Vec<String>,
    /// (1-based line number in the file where the record starts, cells)
    pub rows: Vec<(usize, Vec<String>)>,
    /// 1-based line number of the header row (2 when a `sep=` line precedes it).
    pub header_line: usize,
}

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The file has no content (or only white space).
    Empty,
    /// The file has content but no row with any text to use as header.
    NoHeader,
    /// The file starts with a UTF-16 byte order mark (Excel "Unicode text").
    Utf16,
    /// The CSV parser gave up.
    Unreadable { line: usize, message: String },
}

impl ReadError {
    /// The same message in Dutch.
    pub fn message_nl(&self) -> String {
        match self {
            ReadError::Empty => "Het bestand is leeg.".to_string(),
            ReadError::NoHeader => "Het bestand heeft geen kopregel met kolomnamen.".to_string(),
            ReadError::Utf16 => "Het bestand is opgeslagen als Unicode-tekst (UTF-16); sla het op als CSV (puntkomma-gescheiden) of CSV UTF-8.".to_string(),
            ReadError::Unreadable { line, message } => {
                format!("Het bestand is onleesbaar op regel {line}: {message}.")
            }
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => f.write_str("The file is empty."),
            ReadError::NoHeader => f.write_str("The file has no header row with column names."),
            ReadError::Utf16 => f.write_str(
                "The file is saved as Unicode text (UTF-16); save it as CSV (semicolon separated) or CSV UTF-8 instead.",
            ),
            ReadError::Unreadable { line, message } => {
                write!(f, "The file cannot be read at line {line}: {message}.")
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Kind of party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Welfare,
    Care,
    HousingCorporation,
    Municipality,
    Police,
    Other,
}

/// A kind cell that matches no known kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownKind(pub String);

impl Kind {
    /// Kind from a cell in Dutch or English (case, spaces and accents do not
    /// matter). Empty cell → `Ok(None)`; unknown text → `Err`.
    pub fn from_cell(cell: &str) -> Result<Option<Kind>, UnknownKind> {
        let key = normalize_key(cell);
        if key.is_empty() {
            return Ok(None);
        }
        let kind = match key.as_str() {
            "welzijn"
            | "welfare"
            | "welzijnsorganisatie"
            | "welzijnswerk"
            | "social work"
            | "community services"
            | "community service" => Kind::Welfare,
            "zorg" | "care" | "jeugdzorg" | "ggz" | "thuiszorg" | "zorginstelling"
            | "zorgaanbieder" | "health care" | "healthcare" | "youth care" | "mental health" => {
                Kind::Care
            }
            "woningcorporatie"
            | "corporatie"
            | "housing"
            | "housing corporation"
            | "woningbouwcorporatie"
            | "woningbouwvereniging"
            | "housing association" => Kind::HousingCorporation,
            "gemeente" | "municipality" | "gemeentelijk" | "local authority" => Kind::Municipality,
            "politie" | "police" => Kind::Police,
            "overig" | "overige" | "anders" | "other" | "others" => Kind::Other,
            // Dutch compounds such as "ouderenzorg", "wijkzorg".
            k if k.ends_with("zorg") && !k.contains(' ') => Kind::Care,
            _ => return Err(UnknownKind(cell.trim().to_string())),
        };
        Ok(Some(kind))
    }
}

/// One party (organisation) built from one or more rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedParty {
    /// Line of the first row of this party.
    pub line: usize,
    pub name: String,
    pub kind: Option<Kind>,
    pub staff: Option<u32>,
    pub service_area: String,
    /// Split on ',' ';' '/' '|' or a line break, trimmed, empty and
    /// (case-insensitive) duplicate entries dropped.
    pub services: Vec<String>,
    pub contact: String,
    pub notes: String,
    pub people: Vec<ImportedPerson>,
}

/// A person listed with a party.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedPerson {
    pub line: usize,
    pub name: String,
    pub function: String,
    pub email: String,
}

/// How many rows have at least one problem (a row can have several).
pub fn wrong_rows(errors: &[RowError]) -> usize {
    let mut lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    lines.sort_unstable();
    lines.dedup();
    lines.len()
}

/// A problem with one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    /// One sentence, English.
    pub reason: String,
    /// The same in Dutch.
    pub reason_nl: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Line {}: {}", self.line, self.reason)
    }
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/// Decode (BOM → UTF-8; valid UTF-8 → UTF-8; else Windows-1252), detect the
/// separator (`sep=` line, else the one of `;` `,` tab that gives a consistent
/// column count > 1 on the first records, preferring `;` on ties), parse with
/// the csv crate (flexible record lengths) and trim cells. Blank lines and
/// rows whose cells are all empty are skipped.
pub fn read(bytes: &[u8]) -> Result<Table, ReadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Utf16);
    }
    let (encoding, text) = decode(bytes);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let breaks = line_breaks(&text);

    let (body_start, declared) = sep_line(&text);
    let body = text.get(body_start..).unwrap_or("");
    let separator = match declared {
        Some(sep) => sep,
        None => sniff_separator(body),
    };

    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut record = csv::ByteRecord::new();
    let mut header: Option<(usize, Vec<String>)> = None;
    let mut rows = Vec::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(err) => {
                let at = err
                    .position()
                    .map(|p| body_start.saturating_add(usize::try_from(p.byte()).unwrap_or(0)));
                let line = at.map_or(1, |o| record_line(&text, &breaks, o));
                return Err(ReadError::Unreadable {
                    line,
                    message: err.to_string(),
                });
            }
        }
        let cells: Vec<String> = record
            .iter()
            .map(|c| clean_cell(&String::from_utf8_lossy(c)))
            .collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let offset = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
        let line = record_line(&text, &breaks, body_start.saturating_add(offset));
        if header.is_none() {
            header = Some((line, cells));
        } else {
            rows.push((line, cells));
        }
    }
    let (header_line, mut headers) = header.ok_or(ReadError::NoHeader)?;
    while headers.last().is_some_and(|h| h.is_empty()) {
        headers.pop();
    }
    Ok(Table {
        encoding,
        separator,
        headers,
        rows,
        header_line,
    })
}

fn decode(bytes: &[u8]) -> (Encoding, String) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let (text, _) = encoding_rs::UTF_8.decode_without_bom_handling(rest);
        return (Encoding::Utf8Bom, text.into_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (Encoding::Utf8, text.to_string()),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (Encoding::Windows1252, text.into_owned())
        }
    }
}

/// Trim white space (including no-break space) and stray BOM characters.
fn clean_cell(cell: &str) -> String {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .to_string()
}

/// Byte offsets of line breaks: every `\n`, and every `\r` not followed by `\n`.
fn line_breaks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .map(|(i, _)| i)
        .collect()
}

/// Line of the record whose read started at byte `offset`: the csv crate
/// reports the end of the previous record, so skip the line ends (and blank
/// lines) that follow it before counting.
fn record_line(text: &str, breaks: &[usize], offset: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = offset.min(bytes.len());
    while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
        start += 1;
    }
    breaks.partition_point(|&b| b < start) + 1
}

/// Recognise an Excel `sep=X` first line. Returns where the CSV body starts
/// and the declared separator.
fn sep_line(text: &str) -> (usize, Option<u8>) {
    let end = text.find(['\n', '\r']).unwrap_or(text.len());
    let first = text.get(..end).unwrap_or("");
    let first = first.trim_start_matches('\u{feff}');
    let unquoted = first
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(first);
    let Some(prefix) = unquoted.get(..4) else {
        return (0, None);
    };
    if !prefix.eq_ignore_ascii_case("sep=") {
        return (0, None);
    }
    let rest = unquoted.get(4..).unwrap_or("");
    let mut chars = rest.chars();
    let Some(sep) = chars.next() else {
        return (0, None);
    };
    let usable =
        sep.is_ascii() && !matches!(sep, '"' | '\r' | '\n') && !sep.is_ascii_alphanumeric();
    // Accept trailing copies of the separator, as written when a program
    // saved the `sep=` line back as an ordinary row.
    if !usable || !chars.all(|c| c == sep || c == ' ') {
        return (0, None);
    }
    let mut body = end;
    if text.get(body..).is_some_and(|s| s.starts_with("\r\n")) {
        body += 2;
    } else if text
        .get(body..)
        .is_some_and(|s| s.starts_with(['\r', '\n']))
    {
        body += 1;
    }
    (body, Some(sep as u8))
}

/// The one of `;` `,` tab whose header has more than one used column and
/// whose first records are consistent with it; `;` wins ties, then `,`.
///
/// Consistency, best first: every record has exactly as many cells as the
/// header (what Excel and LibreOffice write); else no record uses more
/// columns than the header (hand-edited files with short rows). When no
/// candidate is consistent, the one with most records as wide as its header
/// (then the widest header) wins; `;` when nothing splits at all.
fn sniff_separator(body: &str) -> u8 {
    let mut best = b';';
    let mut best_score = (0u8, 0usize, 0usize);
    for sep in [b';', b',', b'\t'] {
        let shapes = record_shapes(body, sep);
        let Some((&(header_cells, header_used), rest)) = shapes.split_first() else {
            continue;
        };
        if header_used < 2 {
            continue;
        }
        let score = if rest.iter().all(|&(cells, _)| cells == header_cells) {
            (3, 0, 0)
        } else if rest.iter().all(|&(_, used)| used <= header_used) {
            (2, 0, 0)
        } else {
            let matching = rest
                .iter()
                .filter(|&&(_, used)| used == header_used)
                .count();
            (1, matching, header_used)
        };
        if score > best_score {
            best_score = score;
            best = sep;
        }
    }
    best
}

/// (number of cells, number of cells up to the last non-empty one) of the
/// first records that have any text.
fn record_shapes(body: &str, sep: u8) -> Vec<(usize, usize)> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut record = csv::ByteRecord::new();
    let mut shapes = Vec::new();
    while shapes.len() < SNIFF_RECORDS {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) | Err(_) => break,
        }
        let used = record
            .iter()
            .rposition(|c| !clean_cell(&String::from_utf8_lossy(c)).is_empty());
        if let Some(last) = used {
            shapes.push((record.len(), last + 1));
        }
    }
    shapes
}

// ---------------------------------------------------------------------------
// Header mapping
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Building parties
// ---------------------------------------------------------------------------

/// The cells of one row by field.
struct RowCells<'a> {
    cols: &'a HashMap<Field, usize>,
    cells: &'a [String],
}

impl RowCells<'_> {
    fn get(&self, field: Field) -> &str {
        self.cols
            .get(&field)
            .and_then(|&i| self.cells.get(i))
            .map_or("", String::as_str)
    }
}

/// Party fields of one row, parsed.
struct PartyValues {
    kind: Option<Kind>,
    staff: Option<u32>,
    service_area: String,
    services: Vec<String>,
    contact: String,
    notes: String,
}

/// Build parties from the table with a mapping.
///
/// Rows with the same party name (case-insensitive, trimmed, inner white
/// space collapsed) form one party; each row may add one person. Later rows
/// may leave party fields empty or fill fields the first row left empty;
/// a different non-empty value is an error. Every problem is reported as its
/// own [`RowError`]; a row with any error contributes nothing. Returns all
/// parties and all errors, sorted by line; the caller should write nothing
/// unless the error list is empty.
///
/// About 190 lines for a reason: one pass over the rows, each row's
/// problems in the order its reader meets them (its shape, name, fields,
/// person), then merged with earlier rows of the same party; the checks
/// themselves are `shape_problems`, `party_values`, `limit_problems` and
/// `person_problems`.
pub fn parties(
    table: &Table,
    mapping: &[Option<Field>],
    existing: &[String],
) -> (Vec<ImportedParty>, Vec<RowError>) {
    let mut cols: HashMap<Field, usize> = HashMap::new();
    for (i, field) in mapping.iter().enumerate() {
        if let Some(field) = field {
            cols.entry(*field).or_insert(i);
        }
    }
    if !cols.contains_key(&Field::Name) {
        let error = RowError {
            line: table.header_line.max(1),
            reason: "No column holds the party name; add a column named \"Naam\" or \"Name\"."
                .to_string(),
            reason_nl:
                "Geen kolom bevat de naam van de partij; voeg een kolom \"Naam\" of \"Name\" toe."
                    .to_string(),
        };
        return (Vec::new(), vec![error]);
    }

    let existing: HashSet<String> = existing.iter().map(|n| name_key(n)).collect();
    let mut reported_existing: HashSet<String> = HashSet::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut result: Vec<ImportedParty> = Vec::new();
    let mut errors: Vec<RowError> = Vec::new();

    for (line, cells) in &table.rows {
        let line = *line;
        let mut errs: Vec<RowError> = Vec::new();
        let mut err = |reason: String, reason_nl: String| {
            errs.push(RowError {
                line,
                reason,
                reason_nl,
            });
        };
        let row = RowCells { cols: &cols, cells };

        // Shape of the row.
        for (en, nl) in shape_problems(&table.headers, cells) {
            err(en, nl);
        }

        // Party name.
        let name = collapse_spaces(row.get(Field::Name));
        let key = name_key(&name);
        if name.is_empty() {
            err(
                "The row has no party name.".to_string(),
                "De rij heeft geen naam van een partij.".to_string(),
            );
        } else if name.chars().count() > MAX_NAME_CHARS {
            let n = name.chars().count();
            err(
                format!(
                    "The party name is {n} characters long, more than the {MAX_NAME_CHARS} allowed."
                ),
                format!(
                    "De naam van de partij is {n} tekens lang, meer dan de toegestane {MAX_NAME_CHARS}."
                ),
            );
        }

        // Party fields.
        let (values, problems) = party_values(&row);
        for (en, nl) in problems {
            err(en, nl);
        }

        // Every other cell within the register's limits.
        for (en, nl) in limit_problems(&row) {
            err(en, nl);
        }

        // Person.
        let person_name = collapse_spaces(row.get(Field::PersonName));
        let function = row.get(Field::PersonFunction).to_string();
        let email = row.get(Field::PersonEmail).to_string();
        for (en, nl) in person_problems(&person_name, &function, &email) {
            err(en, nl);
        }

        // Already in the register: reported once per party.
        if !key.is_empty() && existing.contains(&key) {
            if reported_existing.insert(key.clone()) {
                let shown = show(&name);
                err(
                    format!("The party \"{shown}\" is already in the register."),
                    format!("De partij \"{shown}\" staat al in het register."),
                );
            }
            errors.append(&mut errs);
            continue;
        }

        // Later row of a party seen before.
        let earlier = if key.is_empty() {
            None
        } else {
            index.get(&key).copied()
        };
        if let Some(&at) = earlier.as_ref()
            && let Some(party) = result.get(at)
        {
            for (field, ours, theirs) in conflicts(party, &values) {
                let first_line = party.line;
                let pname = show(&party.name);
                let en = field.label();
                let nl = field.label_nl();
                let (ours, theirs) = (show(&ours), show(&theirs));
                err(
                    format!(
                        "The {en} \"{ours}\" differs from \"{theirs}\" given for \"{pname}\" on line {first_line}."
                    ),
                    format!(
                        "De {nl} \"{ours}\" wijkt af van \"{theirs}\" bij \"{pname}\" op regel {first_line}."
                    ),
                );
            }
            if person_name.is_empty() {
                let first_line = party.line;
                let pname = show(&party.name);
                err(
                    format!(
                        "The party \"{pname}\" already appears on line {first_line} and this row adds no person."
                    ),
                    format!(
                        "De partij \"{pname}\" staat al op regel {first_line} en deze rij voegt geen persoon toe."
                    ),
                );
            } else if let Some(other) = party
                .people
                .iter()
                .find(|p| name_key(&p.name) == name_key(&person_name))
            {
                let shown = show(&person_name);
                let pname = show(&party.name);
                let other_line = other.line;
                err(
                    format!(
                        "The person \"{shown}\" is already listed for \"{pname}\" on line {other_line}."
                    ),
                    format!(
                        "De persoon \"{shown}\" staat al bij \"{pname}\" op regel {other_line}."
                    ),
                );
            }
        }

        if !errs.is_empty() {
            errors.append(&mut errs);
            continue;
        }

        let person = (!person_name.is_empty()).then_some(ImportedPerson {
            line,
            name: person_name,
            function,
            email,
        });
        match earlier.and_then(|at| result.get_mut(at)) {
            Some(party) => {
                fill_empty(party, values);
                party.people.extend(person);
            }
            None => {
                index.insert(key, result.len());
                result.push(ImportedParty {
                    line,
                    name,
                    kind: values.kind,
                    staff: values.staff,
                    service_area: values.service_area,
                    services: values.services,
                    contact: values.contact,
                    notes: values.notes,
                    people: person.into_iter().collect(),
                });
            }
        }
    }
    errors.sort_by_key(|e| e.line);
    (result, errors)
}

/// A row's party fields: its kind and number of staff read (each a
/// problem when it cannot be), and the other cells as they are.
fn party_values(row: &RowCells) -> (PartyValues, Vec<(String, String)>) {
    let mut out = Vec::new();
    let kind_cell = row.get(Field::Kind);
    let kind = match Kind::from_cell(kind_cell) {
        Ok(kind) => kind,
        Err(UnknownKind(text)) => {
            let shown = show(&text);
            out.push((
                    format!(
                        "The kind \"{shown}\" is unknown; use community services, care provider, housing association, local authority, police or other."
                    ),
                    format!(
                        "De soort \"{shown}\" is onbekend; gebruik welzijn, zorg, woningcorporatie, gemeente, politie of anders."
                    ),
                ));
            None
        }
    };
    let staff_cell = row.get(Field::Staff);
    let staff = match parse_staff(staff_cell) {
        Ok(staff) => staff,
        Err(()) => {
            let shown = show(staff_cell);
            out.push((
                format!("The number of staff \"{shown}\" is not a whole number of zero or more."),
                format!("Het aantal medewerkers \"{shown}\" is geen heel getal van nul of meer."),
            ));
            None
        }
    };
    let values = PartyValues {
        kind,
        staff,
        service_area: row.get(Field::ServiceArea).to_string(),
        services: split_services(row.get(Field::Services)),
        contact: row.get(Field::Contact).to_string(),
        notes: row.get(Field::Notes).to_string(),
    };
    (values, out)
}

/// What is wrong with a row's shape: more cells than the header has
/// columns, a control character in a cell. Each as (English, Dutch).
fn shape_problems(headers: &[String], cells: &[String]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let width = headers.len();
    if let Some(last) = cells.iter().rposition(|c| !c.is_empty())
        && last >= width
    {
        let n = last + 1;
        out.push((
            format!("The row has {n} cells but the header has only {width} columns."),
            format!("De rij heeft {n} cellen, maar de kopregel heeft maar {width} kolommen."),
        ));
    }
    if let Some((i, c)) = cells.iter().enumerate().find_map(|(i, cell)| {
        cell.chars()
            .find(|&c| is_forbidden_control(c))
            .map(|c| (i, c))
    }) {
        let column = column_label(headers, i);
        let code = format!("U+{:04X}", u32::from(c));
        out.push((
                format!(
                    "The cell in column {column} contains the control character {code}, which is not allowed."
                ),
                format!(
                    "De cel in kolom {column} bevat het stuurteken {code}, dat is niet toegestaan."
                ),
            ));
    }

    out
}

/// The cells, other than the names, that are longer than the register
/// takes, named as the sheet's reader knows them.
fn limit_problems(row: &RowCells) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for field in [
        Field::ServiceArea,
        Field::Services,
        Field::Contact,
        Field::Notes,
        Field::PersonFunction,
        Field::PersonEmail,
    ] {
        let n = row.get(field).chars().count();
        let limit = crate::domain::edit::TEXT_LIMIT;
        if n > limit {
            let (en, nl) = (field.label(), field.label_nl());
            out.push((
                format!("The {en} is {n} characters long, more than the {limit} allowed."),
                format!("Het veld {nl} is {n} tekens lang, meer dan de toegestane {limit}."),
            ));
        }
    }

    out
}

/// What is wrong with a row's person: an e-mail address that is not one, a
/// name too long, a function or address without a name.
fn person_problems(person_name: &str, function: &str, email: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if !email.is_empty() && !is_plausible_email(email) {
        let shown = show(email);
        out.push((
            format!(
                "The e-mail address \"{shown}\" is not valid; it must look like name@example.org."
            ),
            format!(
                "Het e-mailadres \"{shown}\" is ongeldig; het moet eruitzien als naam@voorbeeld.nl."
            ),
        ));
    }
    let person_chars = person_name.chars().count();
    if person_chars > MAX_NAME_CHARS {
        out.push((
                format!(
                    "The person name is {person_chars} characters long, more than the {MAX_NAME_CHARS} allowed."
                ),
                format!(
                    "De naam van de persoon is {person_chars} tekens lang, meer dan de toegestane {MAX_NAME_CHARS}."
                ),
            ));
    }
    if person_name.is_empty() && (!function.is_empty() || !email.is_empty()) {
        out.push((
                "The row has a person's function or e-mail address but no person name.".to_string(),
                "De rij heeft een functie of e-mailadres van een persoon, maar geen naam van die persoon.".to_string(),
            ));
    }

    out
}

/// Party fields of a later row that differ from the party's non-empty values:
/// (field, value on this row, earlier value).
fn conflicts(party: &ImportedParty, v: &PartyValues) -> Vec<(Field, String, String)> {
    let mut out = Vec::new();
    if let (Some(a), Some(b)) = (v.kind, party.kind)
        && a != b
    {
        out.push((
            Field::Kind,
            kind_label(a).to_string(),
            kind_label(b).to_string(),
        ));
    }
    if let (Some(a), Some(b)) = (v.staff, party.staff)
        && a != b
    {
        out.push((Field::Staff, a.to_string(), b.to_string()));
    }
    let text_fields = [
        (Field::ServiceArea, &v.service_area, &party.service_area),
        (Field::Contact, &v.contact, &party.contact),
        (Field::Notes, &v.notes, &party.notes),
    ];
    for (field, a, b) in text_fields {
        if !a.is_empty() && !b.is_empty() && name_key(a) != name_key(b) {
            out.push((field, a.clone(), b.clone()));
        }
    }
    if !v.services.is_empty() && !party.services.is_empty() {
        let set = |s: &[String]| s.iter().map(|x| name_key(x)).collect::<HashSet<_>>();
        if set(&v.services) != set(&party.services) {
            out.push((
                Field::Services,
                v.services.join(", "),
                party.services.join(", "),
            ));
        }
    }
    out
}

/// Take values from a later row for fields the party still has empty.
fn fill_empty(party: &mut ImportedParty, v: PartyValues) {
    if party.kind.is_none() {
        party.kind = v.kind;
    }
    if party.staff.is_none() {
        party.staff = v.staff;
    }
    if party.service_area.is_empty() {
        party.service_area = v.service_area;
    }
    if party.services.is_empty() {
        party.services = v.services;
    }
    if party.contact.is_empty() {
        party.contact = v.contact;
    }
    if party.notes.is_empty() {
        party.notes = v.notes;
    }
}

fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Welfare => "welfare",
        Kind::Care => "care",
        Kind::HousingCorporation => "housing corporation",
        Kind::Municipality => "municipality",
        Kind::Police => "police",
        Kind::Other => "other",
    }
}

/// A number of staff as people type it (see [`parse_staff`]): `None` when
/// it is no number, `Some(None)` when empty.
pub fn staff_number(cell: &str) -> Option<Option<u32>> {
    parse_staff(cell).ok()
}

/// Whole non-negative number, optionally with thousands separators ('.',
/// ',', space or no-break space) between groups of exactly three digits.
/// Empty → `Ok(None)`.
fn parse_staff(cell: &str) -> Result<Option<u32>, ()> {
    let s = cell.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let is_group_sep = |c: char| matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}');
    let mut group_sep: Option<char> = None;
    let mut groups: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if is_group_sep(c) {
            if group_sep.is_some_and(|g| g != c) {
                return Err(());
            }
            group_sep = Some(c);
            groups.push(s.get(start..i).ok_or(())?);
            start = i + c.len_utf8();
        } else if !c.is_ascii_digit() {
            return Err(());
        }
    }
    groups.push(s.get(start..).ok_or(())?);
    let (first, rest) = groups.split_first().ok_or(())?;
    let first_ok = !first.is_empty() && (rest.is_empty() || first.len() <= 3);
    if !first_ok || rest.iter().any(|g| g.len() != 3) {
        return Err(());
    }
    let digits: String = groups.concat();
    digits.parse::<u32>().map(Some).map_err(|_| ())
}

/// Split a services cell on ',' ';' '/' '|' and line breaks; trim; drop empty
/// and case-insensitive duplicate entries.
fn split_services(cell: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    cell.split([',', ';', '/', '|', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .filter(|s| seen.insert(name_key(s)))
        .map(str::to_string)
        .collect()
}

/// Minimal e-mail check: one '@' with text on both sides, a dot in the domain
/// part, no white space.
fn is_plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
}

/// Control characters other than tab and line breaks (which quoted cells may
/// legitimately contain).
fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Comparison key for names: trimmed, white space collapsed, lower case.
fn name_key(s: &str) -> String {
    collapse_spaces(s).to_lowercase()
}

/// "\"Header\"" or "3" (1-based) when the header cell is empty or absent.
fn column_label(headers: &[String], i: usize) -> String {
    match headers.get(i) {
        Some(h) if !h.is_empty() => format!("\"{}\"", show(h)),
        _ => (i + 1).to_string(),
    }
}

/// A value fit to quote in a message: control characters escaped, line
/// breaks shown as spaces, long values shortened.
pub fn show(s: &str) -> String {
    show_at_most(s, 60)
}

/// [`show`], cut after `max` characters.
pub fn show_at_most(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (n, c) in s.chars().enumerate() {
        if n == max {
            out.push('…');
            break;
        }
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push_str(&format!("\\u{{{:04X}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Into the alliance
// ---------------------------------------------------------------------------

impl Kind {
    /// The register's kind of party.
    pub fn party_kind(self) -> crate::domain::PartyKind {
        use crate::domain::PartyKind as P;
        match self {
            Kind::Welfare => P::Welfare,
            Kind::Care => P::Care,
            Kind::HousingCorporation => P::HousingCorporation,
            Kind::Municipality => P::Municipality,
            Kind::Police => P::Police,
            Kind::Other => P::Other,
        }
    }
}

impl ImportedParty {
    /// The party as it enters the register with `id` (without a kind it
    /// is "other"): for a new register and for a new row of an update.
    pub fn party(&self, id: crate::domain::Id) -> crate::domain::Party {
        crate::domain::Party {
            id,
            name: self.name.clone(),
            kind: self
                .kind
                .map_or(crate::domain::PartyKind::Other, Kind::party_kind),
            staff: self.staff,
            service_area: self.service_area.clone(),
            services: self.services.clone(),
            contact: self.contact.clone(),
            notes: self.notes.clone().into(),
            left: None,
        }
    }
}

impl ImportedPerson {
    /// The person as they join `party` with `id` on `today`.
    pub fn person(
        &self,
        id: crate::domain::Id,
        party: crate::domain::Id,
        today: chrono::NaiveDate,
    ) -> crate::domain::Person {
        crate::domain::Person {
            id,
            name: self.name.clone(),
            party: Some(party),
            function: self.function.clone(),
            email: self.email.clone(),
            joined: Some(today),
            left: None,
        }
    }
}

/// The edit that adds the imported parties and their people, as one undo
/// step. A party without a kind is "other"; people join on `today`.
pub fn edit(
    a: &crate::domain::Alliance,
    parties: &[ImportedParty],
    today: chrono::NaiveDate,
) -> crate::domain::Edit {
    use crate::domain::{Change, Edit, Party, Person};
    let mut person_id = a.next_id::<Person>();
    let mut edits = Vec::new();
    for (party_id, p) in (a.next_id::<Party>()..).zip(parties) {
        edits.push(Edit::Party(Change {
            before: None,
            after: Some(p.party(party_id)),
        }));
        for person in &p.people {
            edits.push(Edit::Person(Change {
                before: None,
                after: Some(person.person(person_id, party_id, today)),
            }));
            person_id += 1;
        }
    }
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests;
