//! The starter content a new alliance gets (seeds 000 to 003), in Dutch
//! and English: content the alliance then edits, not words of the
//! interface, so it lives with the domain and not in the catalogue.

/// The interview guide's questions, in order: (Dutch, English).
pub const QUESTIONS: [(&str, &str); 6] = [
    (
        "Hoe tevreden bent u over de afspraken tot nu toe? Een cijfer van 1 tot 10, en in woorden.",
        "How satisfied are you with the agreements so far? A score from 1 to 10, and in words.",
    ),
    ("Wat drijft u om mee te doen?", "What drives you to join?"),
    (
        "Welke belangen heeft uw organisatie bij deze samenwerking?",
        "Which interests does your organisation have in this alliance?",
    ),
    (
        "Uw gebruiksaanwijzing: hoe werken anderen het best met u samen?",
        "Your user manual: how do others work with you best?",
    ),
    (
        "Wat zijn uw zorgen, en wat kunt u verliezen?",
        "What are your fears, and what do you stand to lose?",
    ),
    (
        "Hoe staat u erin: doet u mee, twijfelt u, of heeft u eerst iets nodig?",
        "Where do you stand: are you in, hesitant, or do you need something first?",
    ),
];

/// The default lanes of a strategy map, bottom to top.
pub const LANES: [(&str, &str); 4] = [
    ("Leren en samenwerken", "Learning and collaboration"),
    ("Processen", "Processes"),
    ("Bewoners en deelnemers", "Residents and beneficiaries"),
    ("Missie", "Mission"),
];

/// The starter ground rules.
pub const RULES: [(&str, &str); 6] = [
    (
        "Elke partij heeft een gelijke stem, ongeacht haar omvang.",
        "Every party has an equal voice, whatever its size.",
    ),
    (
        "We besluiten bij consensus; elke partij kan op elk moment een veto uitspreken, met redenen.",
        "We decide by consensus; every party can veto at any moment, with reasons.",
    ),
    (
        "We zijn samen eigenaar van de resultaten en van de problemen.",
        "We share ownership of the results and of the problems.",
    ),
    (
        "We communiceren tijdig: niemand wordt verrast door wat een ander al wist.",
        "We communicate in time: nobody is surprised by what another already knew.",
    ),
    (
        "Als er problemen dreigen, zoeken we elkaar op voordat we elkaar aanspreken via anderen.",
        "When trouble looms, we seek each other out before we speak through others.",
    ),
    (
        "We leggen afspraken eenduidig en transparant vast, op het juiste moment.",
        "We record agreements unambiguously and transparently, at the right moment.",
    ),
];

/// The Dutch or the English text of a pair.
pub fn pick(pair: (&'static str, &'static str), english: bool) -> &'static str {
    if english { pair.1 } else { pair.0 }
}
