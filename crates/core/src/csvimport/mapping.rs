//! Which column is which: a spreadsheet's headers matched to the fields
//! of a party, by exact synonyms in Dutch and English and then loosely.

use super::*;

/// What a header looks like before e-mail columns are resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Guess {
    Field(Field),
    /// A plain e-mail column: the person's e-mail when there is a person
    /// name column, else the party's contact.
    Email,
}

/// Guess which column holds which field from the headers (Dutch and English
/// synonyms; case, spaces, punctuation and accents do not matter). Exact
/// synonyms win over looser matches ("Organisatienaam", "Aantal fte"); the
/// leftmost column wins among equals. Returns one entry per header; no field
/// is used twice; unknown columns are `None`.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<Field>> {
    let guesses: Vec<Option<(Guess, bool)>> = headers.iter().map(|h| classify(h)).collect();
    let mut mapping: Vec<Option<Field>> = vec![None; headers.len()];
    let mut used: HashSet<Field> = HashSet::new();

    for exact_pass in [true, false] {
        for (i, guess) in guesses.iter().enumerate() {
            if let Some((Guess::Field(field), exact)) = *guess
                && exact == exact_pass
                && used.insert(field)
            {
                mapping[i] = Some(field);
            }
        }
    }
    let has_person = used.contains(&Field::PersonName);
    for exact_pass in [true, false] {
        for (i, guess) in guesses.iter().enumerate() {
            if let Some((Guess::Email, exact)) = *guess
                && exact == exact_pass
            {
                let order: &[Field] = if has_person {
                    &[Field::PersonEmail, Field::Contact]
                } else {
                    &[Field::Contact]
                };
                if let Some(&field) = order.iter().find(|f| !used.contains(f)) {
                    used.insert(field);
                    mapping[i] = Some(field);
                }
            }
        }
    }
    mapping
}

/// Non-empty headers of columns that the mapping ignores, with their
/// 0-based column index, for telling the user what will not be imported.
pub fn unmapped_columns(headers: &[String], mapping: &[Option<Field>]) -> Vec<(usize, String)> {
    headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !h.is_empty() && mapping.get(*i).copied().flatten().is_none())
        .map(|(i, h)| (i, h.clone()))
        .collect()
}

/// Classify one header: `Some((guess, exact))`.
pub(super) fn classify(header: &str) -> Option<(Guess, bool)> {
    let key = normalize_key(header);
    if key.is_empty() {
        return None;
    }
    if let Some(guess) = exact_synonym(&key) {
        return Some((guess, true));
    }
    loose_match(&key).map(|g| (g, false))
}

pub(super) fn exact_synonym(key: &str) -> Option<Guess> {
    use Field::*;
    let field = match key {
        "naam" | "name" | "organisatie" | "organisation" | "organization" | "partij" | "party"
        | "naam organisatie" | "organisatienaam" | "organisation name" | "organization name"
        | "party name" | "naam partij" | "partijnaam" | "instelling" => Name,
        "soort" | "type" | "kind" | "sector" | "soort organisatie" | "type organisatie"
        | "organisatietype" | "organisation type" | "organization type" | "categorie"
        | "category" => Kind,
        "medewerkers"
        | "personeel"
        | "staff"
        | "fte"
        | "aantal medewerkers"
        | "aantal fte"
        | "aantal personeel"
        | "number of staff"
        | "staff count"
        | "employees"
        | "number of employees"
        | "werknemers"
        | "aantal werknemers" => Staff,
        "werkgebied" | "gebied" | "area" | "service area" | "regio" | "region" | "wijk"
        | "wijken" => ServiceArea,
        "diensten" | "themas" | "thema" | "services" | "themes" | "dienst" | "aanbod"
        | "diensten themas" => Services,
        "contact" | "telefoon" | "telefoonnummer" | "tel" | "phone" | "telephone"
        | "phone number" | "contactgegevens" | "contact details" | "email organisatie"
        | "email organisation" | "email organization" | "algemeen email" | "general email" => {
            Contact
        }
        "notities" | "notitie" | "opmerkingen" | "opmerking" | "notes" | "note" | "toelichting"
        | "remarks" | "comments" => Notes,
        "contactpersoon"
        | "contactpersonen"
        | "persoon"
        | "naam contactpersoon"
        | "naam persoon"
        | "person"
        | "contact person"
        | "person name"
        | "name contact person"
        | "contact person name" => PersonName,
        "functie"
        | "rol"
        | "function"
        | "role"
        | "functie contactpersoon"
        | "job title"
        | "role contact person"
        | "function contact person" => PersonFunction,
        "email contactpersoon"
        | "emailadres contactpersoon"
        | "email persoon"
        | "email contact person"
        | "contact person email"
        | "person email" => PersonEmail,
        "email" | "mail" | "emailadres" | "email address" | "mailadres" => {
            return Some(Guess::Email);
        }
        _ => return None,
    };
    Some(Guess::Field(field))
}

/// Looser rules for headers that are not an exact synonym, such as
/// "Organisatienaam", "Aantal fte (2024)", "E-mailadres contactpersoon".
pub(super) fn loose_match(key: &str) -> Option<Guess> {
    use Field::*;
    let compact: String = key.chars().filter(|c| *c != ' ').collect();
    let tokens: Vec<&str> = key.split(' ').collect();
    let has = |s: &str| compact.contains(s);
    let tok = |list: &[&str]| tokens.iter().any(|t| list.contains(t));

    let person =
        has("persoon") || has("contactperson") || tok(&["person", "persons", "people", "personen"]);
    if person {
        return if has("mail") {
            Some(Guess::Field(PersonEmail))
        } else if has("functie") || tok(&["rol", "role", "function"]) {
            Some(Guess::Field(PersonFunction))
        } else if has("telefoon") || has("phone") || has("mobiel") {
            None
        } else {
            Some(Guess::Field(PersonName))
        };
    }
    if has("mail") {
        return if has("organisatie")
            || has("organisation")
            || has("organization")
            || has("algemeen")
            || tok(&["general", "info"])
        {
            Some(Guess::Field(Contact))
        } else {
            Some(Guess::Email)
        };
    }
    if has("telefoon") || has("phone") || tok(&["tel"]) {
        return Some(Guess::Field(Contact));
    }
    // Identifiers and addresses are not the name of anything.
    if tok(&["id", "nr", "nummer", "number", "no", "code"])
        || has("kvk")
        || has("adres")
        || has("address")
        || has("postcode")
        || has("website")
        || tok(&["url", "www"])
    {
        return None;
    }
    let field = if has("functie") || tok(&["rol", "role", "function"]) {
        PersonFunction
    } else if has("medewerker")
        || has("personeel")
        || has("werknemer")
        || has("staff")
        || has("employee")
        || tok(&["fte"])
    {
        Staff
    } else if has("gebied") || has("regio") || tok(&["area", "region"]) {
        ServiceArea
    } else if has("dienst") || has("thema") || has("service") || has("theme") || has("aanbod") {
        Services
    } else if compact.starts_with("contact") {
        Contact
    } else if has("notitie")
        || has("opmerking")
        || has("toelichting")
        || tok(&["note", "notes", "remark", "remarks", "comment", "comments"])
    {
        Notes
    } else if has("soort") || has("categorie") || tok(&["type", "kind", "sector", "category"]) {
        Kind
    } else if has("naam")
        || tok(&["name"])
        || has("organisatie")
        || has("organisation")
        || has("organization")
        || has("partij")
        || tok(&["party"])
        || has("instelling")
    {
        Name
    } else {
        return None;
    };
    Some(Guess::Field(field))
}

/// Lower case, accents folded, apostrophes and hyphens removed ("e-mail" →
/// "email", "thema's" → "themas"), other punctuation turned into spaces,
/// white space collapsed.
pub(super) fn normalize_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' | '-' | '\u{2010}' | '\u{2011}'
            | '\u{ad}' => {}
            c => match fold_accent(c) {
                Some(folded) => out.push_str(folded),
                None if c.is_alphanumeric() => out.push(c),
                None => out.push(' '),
            },
        }
    }
    collapse_spaces(&out)
}

/// Fold the accented Latin letters that occur in Dutch and English text.
pub(super) fn fold_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ĳ' => "ij",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        _ => return None,
    })
}
