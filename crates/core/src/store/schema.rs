//! The schema and its migrations. The schema version lives in SQLite's
//! `user_version`; the file is marked as Samenspel's by `application_id`.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// "Sams" in ASCII: marks a SQLite file as a Samenspel alliance.
pub const APPLICATION_ID: i32 = 0x5361_6d73;

/// One script per schema version; script `i` takes the file from version
/// `i` to `i + 1`. Never change a released script: add a new one.
pub const MIGRATIONS: &[&str] = &[
    // 1: the register.
    "CREATE TABLE alliance (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        commissioner TEXT NOT NULL,
        ambition TEXT NOT NULL,
        term_start TEXT,
        term_end TEXT,
        phase TEXT NOT NULL
    );
    CREATE TABLE party (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        staff INTEGER,
        service_area TEXT NOT NULL,
        services TEXT NOT NULL,
        contact TEXT NOT NULL,
        notes TEXT NOT NULL
    );
    CREATE TABLE person (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        party INTEGER REFERENCES party(id),
        function TEXT NOT NULL,
        email TEXT NOT NULL,
        joined TEXT,
        left TEXT
    );
    CREATE TABLE body (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        mandate TEXT NOT NULL
    );
    CREATE TABLE membership (
        id INTEGER PRIMARY KEY,
        body INTEGER NOT NULL REFERENCES body(id),
        person INTEGER NOT NULL REFERENCES person(id),
        role TEXT NOT NULL,
        UNIQUE (body, person)
    );
    CREATE INDEX person_party ON person(party);
    CREATE INDEX membership_person ON membership(person);",
    // 2: the undo history, kept across restarts.
    "CREATE TABLE history (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        edit TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
    );",
    // 3: trust: the interview guide, intake interviews, answers, comfort
    // needs. An existing alliance gets the default guide in Dutch.
    "CREATE TABLE question (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        retired INTEGER NOT NULL
    );
    CREATE TABLE interview (
        id INTEGER PRIMARY KEY,
        party INTEGER NOT NULL REFERENCES party(id),
        date TEXT,
        spoken_with TEXT NOT NULL,
        notes TEXT NOT NULL
    );
    CREATE TABLE answer (
        id INTEGER PRIMARY KEY,
        interview INTEGER NOT NULL REFERENCES interview(id),
        question INTEGER NOT NULL REFERENCES question(id),
        text TEXT NOT NULL,
        score INTEGER CHECK (score BETWEEN 1 AND 10),
        stance TEXT,
        visibility TEXT NOT NULL,
        UNIQUE (interview, question)
    );
    CREATE TABLE comfort_need (
        id INTEGER PRIMARY KEY,
        party INTEGER NOT NULL REFERENCES party(id),
        from_whom TEXT NOT NULL,
        need TEXT NOT NULL,
        status TEXT NOT NULL,
        honoured_by TEXT NOT NULL,
        noted TEXT,
        visibility TEXT NOT NULL
    );
    CREATE INDEX interview_party ON interview(party);
    CREATE INDEX answer_interview ON answer(interview);
    INSERT INTO question (id, position, text, kind, retired)
    SELECT column1, column1, column2, column3, 0 FROM (VALUES
        (1, 'Hoe tevreden bent u over de afspraken tot nu toe? Een cijfer van 1 tot 10, en in woorden.', 'score'),
        (2, 'Wat drijft u om mee te doen?', 'text'),
        (3, 'Welke belangen heeft uw organisatie bij deze samenwerking?', 'text'),
        (4, 'Uw gebruiksaanwijzing: hoe werken anderen het best met u samen?', 'text'),
        (5, 'Wat zijn uw zorgen, en wat kunt u verliezen?', 'text'),
        (6, 'Hoe staat u erin: doet u mee, twijfelt u, of heeft u eerst iets nodig?', 'stance')
    ) WHERE EXISTS (SELECT 1 FROM alliance);",
    // 4: the strategy map and the network map. An existing alliance gets
    // the default lanes in Dutch.
    "CREATE TABLE lane (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL
    );
    CREATE TABLE map_node (
        id INTEGER PRIMARY KEY,
        lane INTEGER NOT NULL REFERENCES lane(id),
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        owners TEXT NOT NULL,
        measures TEXT NOT NULL,
        targets TEXT NOT NULL,
        x REAL NOT NULL,
        dy REAL NOT NULL
    );
    CREATE TABLE map_link (
        id INTEGER PRIMARY KEY,
        \"from\" INTEGER NOT NULL REFERENCES map_node(id),
        \"to\" INTEGER NOT NULL REFERENCES map_node(id),
        label TEXT NOT NULL,
        UNIQUE (\"from\", \"to\")
    );
    CREATE TABLE relation (
        id INTEGER PRIMARY KEY,
        \"from\" TEXT NOT NULL,
        \"to\" TEXT NOT NULL,
        kind TEXT NOT NULL,
        strength INTEGER NOT NULL CHECK (strength BETWEEN 1 AND 3),
        note TEXT NOT NULL
    );
    CREATE TABLE placement (
        id INTEGER PRIMARY KEY,
        actor TEXT NOT NULL UNIQUE,
        x REAL NOT NULL,
        y REAL NOT NULL,
        ring TEXT NOT NULL
    );
    CREATE INDEX map_node_lane ON map_node(lane);
    INSERT INTO lane (id, position, name)
    SELECT column1, column1, column2 FROM (VALUES
        (1, 'Leren en samenwerken'),
        (2, 'Processen'),
        (3, 'Bewoners en deelnemers'),
        (4, 'Missie')
    ) WHERE EXISTS (SELECT 1 FROM alliance);",
    // 5: deciding together: the agenda funnel, ground rules and check-ins,
    // consensus rounds and votes. Existing alliances get the starter set
    // of ground rules in Dutch.
    "CREATE TABLE focal_point (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL
    );
    CREATE TABLE agenda_item (
        id INTEGER PRIMARY KEY,
        party INTEGER NOT NULL REFERENCES party(id),
        title TEXT NOT NULL,
        problem TEXT NOT NULL,
        depends_on TEXT NOT NULL,
        focal_point INTEGER REFERENCES focal_point(id)
    );
    CREATE TABLE priority_round (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        method TEXT NOT NULL,
        dots_per_party INTEGER NOT NULL,
        revealed INTEGER NOT NULL
    );
    CREATE TABLE priority_mark (
        id INTEGER PRIMARY KEY,
        round INTEGER NOT NULL REFERENCES priority_round(id),
        party INTEGER NOT NULL REFERENCES party(id),
        focal_point INTEGER NOT NULL REFERENCES focal_point(id),
        value INTEGER NOT NULL
    );
    CREATE TABLE situation (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL
    );
    CREATE TABLE ground_rule (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        level TEXT NOT NULL,
        owner INTEGER REFERENCES person(id),
        status TEXT NOT NULL,
        situations TEXT NOT NULL,
        starter INTEGER NOT NULL
    );
    CREATE TABLE checkin (
        id INTEGER PRIMARY KEY,
        rule INTEGER NOT NULL REFERENCES ground_rule(id),
        party INTEGER NOT NULL REFERENCES party(id),
        date TEXT,
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5)
    );
    CREATE TABLE consensus_round (
        id INTEGER PRIMARY KEY,
        proposal TEXT NOT NULL,
        subject TEXT NOT NULL,
        scale TEXT NOT NULL,
        opened TEXT,
        decided TEXT,
        voters TEXT NOT NULL,
        revealed INTEGER NOT NULL,
        status TEXT NOT NULL,
        previous INTEGER REFERENCES consensus_round(id),
        note TEXT NOT NULL
    );
    CREATE TABLE vote (
        id INTEGER PRIMARY KEY,
        round INTEGER NOT NULL REFERENCES consensus_round(id),
        party INTEGER NOT NULL REFERENCES party(id),
        value INTEGER NOT NULL,
        reason TEXT NOT NULL,
        via TEXT NOT NULL,
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        UNIQUE (round, party)
    );
    CREATE INDEX vote_round ON vote(round);
    INSERT INTO ground_rule (id, text, level, owner, status, situations, starter)
    SELECT column1, column2, column3, NULL, 'draft', '[]', 1 FROM (VALUES
        (1, 'Elke partij heeft een gelijke stem, ongeacht haar omvang.', 'board'),
        (2, 'We besluiten bij consensus; elke partij kan op elk moment een veto uitspreken, met redenen.', 'board'),
        (3, 'We zijn samen eigenaar van de resultaten en van de problemen.', 'management'),
        (4, 'We communiceren tijdig: niemand wordt verrast door wat een ander al wist.', 'practice'),
        (5, 'Als er problemen dreigen, zoeken we elkaar op voordat we elkaar aanspreken via anderen.', 'practice'),
        (6, 'We leggen afspraken eenduidig en transparant vast, op het juiste moment.', 'management')
    ) WHERE EXISTS (SELECT 1 FROM alliance);",
    // 6: meetings, their agenda slots with minutes, attendance, actions;
    // the covenant: versions, clauses, signatures.
    "CREATE TABLE meeting (
        id INTEGER PRIMARY KEY,
        body INTEGER REFERENCES body(id),
        title TEXT NOT NULL,
        date TEXT,
        start TEXT NOT NULL,
        \"end\" TEXT NOT NULL,
        place TEXT NOT NULL
    );
    CREATE TABLE agenda_slot (
        id INTEGER PRIMARY KEY,
        meeting INTEGER NOT NULL REFERENCES meeting(id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        link TEXT NOT NULL,
        background TEXT NOT NULL,
        minutes TEXT NOT NULL,
        next_step TEXT NOT NULL
    );
    CREATE TABLE attendance (
        id INTEGER PRIMARY KEY,
        meeting INTEGER NOT NULL REFERENCES meeting(id),
        person INTEGER NOT NULL REFERENCES person(id),
        present INTEGER NOT NULL,
        UNIQUE (meeting, person)
    );
    CREATE TABLE action (
        id INTEGER PRIMARY KEY,
        meeting INTEGER NOT NULL REFERENCES meeting(id),
        slot INTEGER REFERENCES agenda_slot(id),
        who INTEGER REFERENCES person(id),
        what TEXT NOT NULL,
        due TEXT,
        done INTEGER NOT NULL
    );
    CREATE INDEX agenda_slot_meeting ON agenda_slot(meeting);
    CREATE TABLE covenant_version (
        id INTEGER PRIMARY KEY,
        number INTEGER NOT NULL,
        title TEXT NOT NULL,
        frozen_on TEXT,
        round INTEGER REFERENCES consensus_round(id),
        fingerprint TEXT NOT NULL,
        parties TEXT NOT NULL
    );
    CREATE TABLE clause (
        id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL REFERENCES covenant_version(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        heading TEXT NOT NULL,
        text TEXT NOT NULL,
        honours_needs TEXT NOT NULL,
        honours_decisions TEXT NOT NULL
    );
    CREATE TABLE signature (
        id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL REFERENCES covenant_version(id),
        party INTEGER NOT NULL REFERENCES party(id),
        signatory TEXT NOT NULL,
        function TEXT NOT NULL,
        place TEXT NOT NULL,
        date TEXT,
        signed INTEGER NOT NULL,
        UNIQUE (version, party)
    );",
    // 7: a party can leave the alliance (and stays in the register).
    "ALTER TABLE party ADD COLUMN \"left\" TEXT;",
    // 8: parties recorded absent when a round is closed without them, and
    // corrections of a stance after the reveal (reason, who and when).
    "ALTER TABLE consensus_round ADD COLUMN absent TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE vote ADD COLUMN corrections TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE priority_round ADD COLUMN absent TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE relation ADD COLUMN facilitator_only INTEGER NOT NULL DEFAULT 0;
    UPDATE relation SET facilitator_only = 1 WHERE kind = 'tension';",
    // 9: a passphrase: Argon2id's parameters and salt, and a check value
    // (see `crate::crypt`). No row: the file has no passphrase.
    "CREATE TABLE crypt (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        salt BLOB NOT NULL,
        memory_kib INTEGER NOT NULL,
        passes INTEGER NOT NULL,
        lanes INTEGER NOT NULL,
        check_value BLOB NOT NULL
    );",
    // 10: a representative table (seed 003): seats held by parties for a
    // term, filled by a recorded draw; a round put to one body.
    "ALTER TABLE body ADD COLUMN seats INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE body ADD COLUMN term_years INTEGER NOT NULL DEFAULT 2;
    ALTER TABLE consensus_round ADD COLUMN body INTEGER REFERENCES body(id);
    CREATE TABLE seat_draw (
        id INTEGER PRIMARY KEY,
        body INTEGER NOT NULL REFERENCES body(id),
        date TEXT,
        seats INTEGER NOT NULL,
        term_years INTEGER NOT NULL,
        staggered INTEGER NOT NULL,
        candidates TEXT NOT NULL,
        quotas TEXT NOT NULL,
        kept TEXT NOT NULL,
        sitting_out TEXT NOT NULL,
        fixed INTEGER NOT NULL,
        dice TEXT NOT NULL,
        method TEXT NOT NULL,
        seed TEXT NOT NULL,
        chosen TEXT NOT NULL,
        sitting_out_used INTEGER NOT NULL
    );
    CREATE TABLE table_seat (
        id INTEGER PRIMARY KEY,
        body INTEGER NOT NULL REFERENCES body(id),
        party INTEGER NOT NULL REFERENCES party(id),
        person INTEGER REFERENCES person(id),
        start TEXT,
        \"end\" TEXT,
        draw INTEGER REFERENCES seat_draw(id)
    );
    CREATE INDEX table_seat_body ON table_seat(body);",
    // 11: ballot cards: a party's private link to cast its own stance in
    // a meeting, kept as the SHA-256 of its token.
    "CREATE TABLE ballot (
        id INTEGER PRIMARY KEY,
        meeting INTEGER NOT NULL REFERENCES meeting(id),
        party INTEGER NOT NULL REFERENCES party(id),
        token_hash TEXT NOT NULL,
        issued TEXT NOT NULL,
        revoked INTEGER NOT NULL,
        address TEXT NOT NULL
    );
    CREATE INDEX ballot_meeting ON ballot(meeting);",
    // 12: the work plan (seed 004): lines under the focal points, with
    // their progress per meeting; sets of ground rules with one owner
    // (seed 003), and a round over a whole set: each rule's text as put to
    // the room, and objections per rule.
    "CREATE TABLE rule_set (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        level TEXT NOT NULL,
        owner INTEGER REFERENCES person(id),
        mandate TEXT NOT NULL
    );
    ALTER TABLE ground_rule ADD COLUMN rule_set INTEGER REFERENCES rule_set(id);
    CREATE TABLE rule_proposal (
        id INTEGER PRIMARY KEY,
        round INTEGER NOT NULL REFERENCES consensus_round(id),
        rule INTEGER NOT NULL REFERENCES ground_rule(id),
        text TEXT NOT NULL,
        UNIQUE (round, rule)
    );
    CREATE TABLE objection (
        id INTEGER PRIMARY KEY,
        round INTEGER NOT NULL REFERENCES consensus_round(id),
        party INTEGER NOT NULL REFERENCES party(id),
        rule INTEGER NOT NULL REFERENCES ground_rule(id),
        reason TEXT NOT NULL
    );
    CREATE TABLE plan_line (
        id INTEGER PRIMARY KEY,
        focal_point INTEGER NOT NULL REFERENCES focal_point(id),
        position INTEGER NOT NULL,
        what TEXT NOT NULL,
        lead INTEGER REFERENCES party(id),
        lead_person INTEGER REFERENCES person(id),
        parties TEXT NOT NULL,
        start TEXT,
        due TEXT,
        mandate TEXT NOT NULL,
        mandate_given TEXT,
        status TEXT NOT NULL,
        items TEXT NOT NULL
    );
    CREATE TABLE plan_progress (
        id INTEGER PRIMARY KEY,
        line INTEGER NOT NULL REFERENCES plan_line(id),
        meeting INTEGER NOT NULL REFERENCES meeting(id),
        status TEXT NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (line, meeting)
    );
    CREATE INDEX plan_line_focal_point ON plan_line(focal_point);
    CREATE INDEX plan_progress_meeting ON plan_progress(meeting);",
    // 13: the record of commitments (append-only, hash-chained; filled
    // from the file's records when it is first opened), what a frozen
    // version and a signature keep of themselves, and a meeting's
    // minutes approved.
    "CREATE TABLE commitment (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        record INTEGER NOT NULL,
        nth INTEGER NOT NULL,
        counts_from TEXT,
        entered_at TEXT NOT NULL,
        text TEXT NOT NULL,
        prev TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TRIGGER commitment_no_update BEFORE UPDATE ON commitment
        BEGIN SELECT RAISE(ABORT, 'the record of commitments is append-only'); END;
    CREATE TRIGGER commitment_no_delete BEFORE DELETE ON commitment
        BEGIN SELECT RAISE(ABORT, 'the record of commitments is append-only'); END;
    ALTER TABLE meeting ADD COLUMN minutes_approved TEXT;
    ALTER TABLE meeting ADD COLUMN approved_at INTEGER;
    ALTER TABLE covenant_version ADD COLUMN commissioner TEXT;
    ALTER TABLE covenant_version ADD COLUMN term TEXT;
    ALTER TABLE signature ADD COLUMN party_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE signature ADD COLUMN withdrawn TEXT;
    ALTER TABLE signature ADD COLUMN withdrawal_reason TEXT NOT NULL DEFAULT '';
    UPDATE signature SET party_name = COALESCE((SELECT name FROM party WHERE party.id = signature.party), '')
        WHERE signed = 1 OR version IN (SELECT id FROM covenant_version WHERE frozen_on IS NOT NULL);",
    // 14: between meetings (seed 004): the day a line joined the work plan
    // (a line is new in a pack only when added after the meeting before)
    // and the day an action was reported done (the minutes list what was
    // completed since the last meeting).
    "ALTER TABLE plan_line ADD COLUMN added TEXT;
    ALTER TABLE action ADD COLUMN done_on TEXT;",
    // 15: comment rounds (seed 004): a draft put out for comments, each
    // party's comments and what was done with each.
    "CREATE TABLE comment_round (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        draft TEXT NOT NULL,
        opened TEXT,
        due TEXT,
        published TEXT
    );
    CREATE TABLE comment (
        id INTEGER PRIMARY KEY,
        round INTEGER NOT NULL REFERENCES comment_round(id),
        party INTEGER NOT NULL REFERENCES party(id),
        part TEXT NOT NULL,
        text TEXT NOT NULL,
        facilitator_only INTEGER NOT NULL CHECK (facilitator_only IN (0, 1)),
        via TEXT NOT NULL,
        response TEXT NOT NULL,
        why TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL
    );
    CREATE INDEX comment_round_of ON comment(round);",
    // 16: the alliance's language (issue 30; alliances made before it
    // could be chosen were made in Dutch), and whether a covenant version
    // gives the commissioner a block to sign for acknowledgement.
    "ALTER TABLE alliance ADD COLUMN language TEXT NOT NULL DEFAULT 'nl';
    ALTER TABLE covenant_version ADD COLUMN acknowledgement INTEGER NOT NULL DEFAULT 0
        CHECK (acknowledgement IN (0, 1));",
    // 17: the ground-rule check-in from the phones (issue 31): a round
    // put to one meeting's phones, and each score's round and the phone's
    // anonymous key.
    "CREATE TABLE checkin_round (
        id INTEGER PRIMARY KEY,
        meeting INTEGER NOT NULL REFERENCES meeting(id),
        rules TEXT NOT NULL,
        shown INTEGER NOT NULL CHECK (shown IN (0, 1))
    );
    ALTER TABLE checkin ADD COLUMN round INTEGER REFERENCES checkin_round(id);
    ALTER TABLE checkin ADD COLUMN person TEXT NOT NULL DEFAULT '';
    CREATE INDEX checkin_round_of ON checkin(round);",
    // 18: the fair lottery (issue 33): a draw's tables with their
    // probabilities, and every candidate's chance as shown before the dice.
    "ALTER TABLE seat_draw ADD COLUMN tables TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE seat_draw ADD COLUMN chances TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE seat_draw ADD COLUMN chance_margin INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE seat_draw ADD COLUMN chance_runs INTEGER NOT NULL DEFAULT 0;",
];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

pub fn user_version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get::<_, u32>(0))?)
}

/// Bring the schema from its current version to `target`, in one immediate
/// transaction.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<(), StoreError> {
    let from = user_version(conn)?;
    if from >= target {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if from == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    for script in &MIGRATIONS[from as usize..target as usize] {
        tx.execute_batch(script)?;
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

/// A file's tables with their columns: (table, columns), by name.
pub type Tables = Vec<(String, Vec<String>)>;

/// The tables of a file, with their columns.
pub fn tables(conn: &Connection) -> rusqlite::Result<Tables> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for name in names {
        let mut stmt = conn.prepare(&format!("PRAGMA table_info(\"{name}\")"))?;
        let columns: Vec<String> = stmt
            .query_map([], |r| r.get(1))?
            .collect::<rusqlite::Result<_>>()?;
        out.push((name, columns));
    }
    // Triggers and views run or read in the file's own name: a file that
    // has some Samenspel did not make is not an alliance as made.
    let mut stmt = conn.prepare(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name",
    )?;
    let extra: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (kind, name) in extra {
        out.push((format!("{kind} {name}"), Vec::new()));
    }
    Ok(out)
}

/// The tables a file of `version` has, as the migrations make them.
pub fn expected_tables(version: u32) -> Result<Tables, StoreError> {
    static BY_VERSION: std::sync::OnceLock<Vec<Tables>> = std::sync::OnceLock::new();
    if BY_VERSION.get().is_none() {
        let mut conn = Connection::open_in_memory()?;
        let mut all = vec![tables(&conn)?];
        for v in 1..=LATEST {
            migrate_to(&mut conn, v)?;
            all.push(tables(&conn)?);
        }
        let _ = BY_VERSION.set(all);
    }
    Ok(BY_VERSION
        .get()
        .and_then(|all| all.get(version as usize).cloned())
        .unwrap_or_default())
}
