//! The starter content a new alliance gets (seeds 000 to 003), in Dutch
//! and English: content the alliance then edits, not words of the
//! interface, so it lives with the domain and not in the catalogue.

/// The interview guide's questions, in order: (Dutch, English).
pub const QUESTIONS: [(&str, &str); 6] = [
    (
        "Hoe tevreden bent u over de afspraken tot nu toe? Een cijfer van 1 tot 10, en in woorden.",
        "How satisfied are you with what has been agreed so far? Give a score from 1 to 10, and say why.",
    ),
    (
        "Wat drijft u om mee te doen?",
        "What makes you want to take part?",
    ),
    (
        "Welke belangen heeft uw organisatie bij deze samenwerking?",
        "What is at stake for your organisation in this alliance?",
    ),
    (
        "Uw gebruiksaanwijzing: hoe werken anderen het best met u samen?",
        "Your ‘user manual’: how do others get the best out of working with you?",
    ),
    (
        "Wat zijn uw zorgen, en wat kunt u verliezen?",
        "What worries you, and what could you lose?",
    ),
    (
        "Hoe staat u erin: doet u mee, twijfelt u, of heeft u eerst iets nodig?",
        "Where do you stand: are you on board, undecided, or is there something you need first?",
    ),
];

/// The default lanes of a strategy map, bottom to top.
pub const LANES: [(&str, &str); 4] = [
    ("Leren en samenwerken", "Learning and working together"),
    ("Processen", "Processes"),
    ("Bewoners en deelnemers", "Residents and service users"),
    ("Missie", "Mission"),
];

/// The starter ground rules.
pub const RULES: [(&str, &str); 6] = [
    (
        "Elke partij heeft een gelijke stem, ongeacht haar omvang.",
        "Every party has an equal say, whatever its size.",
    ),
    (
        "We besluiten bij consensus; elke partij kan op elk moment een veto uitspreken, met redenen.",
        "We decide by consensus; any party may use its veto at any time, giving its reasons.",
    ),
    (
        "We zijn samen eigenaar van de resultaten en van de problemen.",
        "We jointly own the results, and the problems.",
    ),
    (
        "We communiceren tijdig: niemand wordt verrast door wat een ander al wist.",
        "We keep each other informed in good time: no one is caught out by something another party already knew.",
    ),
    (
        "Als er problemen dreigen, zoeken we elkaar op voordat we elkaar aanspreken via anderen.",
        "If problems are brewing, we talk to each other directly before we talk about each other to others.",
    ),
    (
        "We leggen afspraken eenduidig en transparant vast, op het juiste moment.",
        "We record what we agree clearly and openly, at the right moment.",
    ),
];

/// The same starter text in the other language: `Some` when `text` is
/// one of the starter texts in `from`'s language exactly as it shipped
/// (not yet made the alliance's own).
pub fn translate(text: &str, to_english: bool) -> Option<&'static str> {
    QUESTIONS
        .iter()
        .chain(LANES.iter())
        .chain(RULES.iter())
        .find(|pair| pick(**pair, !to_english) == text)
        .map(|pair| pick(*pair, to_english))
}

/// The Dutch or the English text of a pair.
pub fn pick(pair: (&'static str, &'static str), english: bool) -> &'static str {
    if english { pair.1 } else { pair.0 }
}
