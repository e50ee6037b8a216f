//! The mapping between domain records and table rows. Each record is turned
//! into JSON with serde, and each JSON field goes to the column of the same
//! name (lists and nested records go to a column as JSON text). A test checks
//! that the columns listed here are exactly the fields of each record.

use rusqlite::types::Value as Sql;
use rusqlite::{Connection, params_from_iter};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value as Json};

use super::StoreError;

/// A table that holds one kind of record.
pub struct Table {
    /// The kind of record it holds (its `Entity::KIND`).
    pub kind: &'static str,
    pub name: &'static str,
    pub columns: &'static [&'static str],
    /// Columns that hold JSON text (lists, nested records).
    pub json: &'static [&'static str],
    /// Columns that hold a yes/no as 0 or 1.
    pub flags: &'static [&'static str],
}

pub const ALLIANCE: Table = Table {
    kind: "alliance",
    name: "alliance",
    columns: &[
        "name",
        "language",
        "commissioner",
        "ambition",
        "term_start",
        "term_end",
        "phase",
    ],
    json: &["commissioner"],
    flags: &[],
};

/// The alliance table before file version 16 gave it a language.
pub const ALLIANCE_BEFORE_16: Table = Table {
    kind: "alliance",
    name: "alliance",
    columns: &[
        "name",
        "commissioner",
        "ambition",
        "term_start",
        "term_end",
        "phase",
    ],
    json: &["commissioner"],
    flags: &[],
};

/// Every record table, in an order that respects foreign keys.
pub static RECORD_TABLES: [Table; 40] = [
    Table {
        kind: "party",
        name: "party",
        columns: &[
            "id",
            "name",
            "kind",
            "staff",
            "service_area",
            "services",
            "contact",
            "notes",
            "left",
        ],
        json: &["services"],
        flags: &[],
    },
    Table {
        kind: "person",
        name: "person",
        columns: &["id", "name", "party", "function", "email", "joined", "left"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "body",
        name: "body",
        columns: &["id", "name", "kind", "mandate", "seats", "term_years"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "seat",
        name: "membership",
        columns: &["id", "body", "person", "role"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "question",
        name: "question",
        columns: &["id", "position", "text", "kind", "retired"],
        json: &[],
        flags: &["retired"],
    },
    Table {
        kind: "interview",
        name: "interview",
        columns: &["id", "party", "date", "spoken_with", "notes"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "answer",
        name: "answer",
        columns: &[
            "id",
            "interview",
            "question",
            "text",
            "score",
            "stance",
            "visibility",
        ],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "comfort need",
        name: "comfort_need",
        columns: &[
            "id",
            "party",
            "from_whom",
            "need",
            "status",
            "honoured_by",
            "noted",
            "visibility",
        ],
        json: &["from_whom"],
        flags: &[],
    },
    Table {
        kind: "lane",
        name: "lane",
        columns: &["id", "position", "name"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "map node",
        name: "map_node",
        columns: &[
            "id",
            "lane",
            "kind",
            "title",
            "description",
            "owners",
            "measures",
            "targets",
            "x",
            "dy",
        ],
        json: &["owners"],
        flags: &[],
    },
    Table {
        kind: "arrow",
        name: "map_link",
        columns: &["id", "from", "to", "label"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "relation",
        name: "relation",
        columns: &[
            "id",
            "from",
            "to",
            "kind",
            "strength",
            "note",
            "facilitator_only",
        ],
        json: &["from", "to"],
        flags: &["facilitator_only"],
    },
    Table {
        kind: "placement",
        name: "placement",
        columns: &["id", "actor", "x", "y", "ring"],
        json: &["actor"],
        flags: &[],
    },
    Table {
        kind: "focal point",
        name: "focal_point",
        columns: &["id", "position", "name", "description"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "agenda item",
        name: "agenda_item",
        columns: &[
            "id",
            "party",
            "title",
            "problem",
            "depends_on",
            "focal_point",
        ],
        json: &["depends_on"],
        flags: &[],
    },
    Table {
        kind: "priority round",
        name: "priority_round",
        columns: &[
            "id",
            "title",
            "method",
            "dots_per_party",
            "revealed",
            "absent",
        ],
        json: &["absent"],
        flags: &["revealed"],
    },
    Table {
        kind: "priority mark",
        name: "priority_mark",
        columns: &["id", "round", "party", "focal_point", "value"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "situation",
        name: "situation",
        columns: &["id", "text"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "rule set",
        name: "rule_set",
        columns: &["id", "name", "level", "owner", "mandate"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "ground rule",
        name: "ground_rule",
        columns: &[
            "id",
            "text",
            "level",
            "owner",
            "status",
            "situations",
            "starter",
            "rule_set",
        ],
        json: &["situations"],
        flags: &["starter"],
    },
    Table {
        kind: "check-in",
        name: "checkin",
        columns: &["id", "rule", "party", "date", "score", "round", "person"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "consensus round",
        name: "consensus_round",
        columns: &[
            "id", "proposal", "subject", "scale", "opened", "decided", "voters", "revealed",
            "status", "previous", "note", "absent", "body",
        ],
        json: &["subject", "voters", "absent"],
        flags: &["revealed"],
    },
    Table {
        kind: "vote",
        name: "vote",
        columns: &[
            "id",
            "round",
            "party",
            "value",
            "reason",
            "via",
            "entered_by",
            "entered_at",
            "corrections",
        ],
        json: &["corrections"],
        flags: &[],
    },
    Table {
        kind: "meeting",
        name: "meeting",
        columns: &[
            "id",
            "body",
            "title",
            "date",
            "start",
            "end",
            "place",
            "minutes_approved",
            "approved_at",
        ],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "agenda slot",
        name: "agenda_slot",
        columns: &[
            "id",
            "meeting",
            "position",
            "title",
            "link",
            "background",
            "minutes",
            "next_step",
        ],
        json: &["link"],
        flags: &[],
    },
    Table {
        kind: "attendance",
        name: "attendance",
        columns: &["id", "meeting", "person", "present"],
        json: &[],
        flags: &["present"],
    },
    Table {
        kind: "action",
        name: "action",
        columns: &[
            "id", "meeting", "slot", "who", "what", "due", "done", "done_on",
        ],
        json: &[],
        flags: &["done"],
    },
    Table {
        kind: "covenant version",
        name: "covenant_version",
        columns: &[
            "id",
            "number",
            "title",
            "frozen_on",
            "round",
            "fingerprint",
            "parties",
            "commissioner",
            "term",
            "acknowledgement",
        ],
        json: &["parties"],
        flags: &["acknowledgement"],
    },
    Table {
        kind: "clause",
        name: "clause",
        columns: &[
            "id",
            "version",
            "position",
            "kind",
            "heading",
            "text",
            "honours_needs",
            "honours_decisions",
        ],
        json: &["honours_needs", "honours_decisions"],
        flags: &[],
    },
    Table {
        kind: "signature",
        name: "signature",
        columns: &[
            "id",
            "version",
            "party",
            "signatory",
            "function",
            "place",
            "date",
            "signed",
            "party_name",
            "withdrawn",
            "withdrawal_reason",
        ],
        json: &[],
        flags: &["signed"],
    },
    Table {
        kind: "seat draw",
        name: "seat_draw",
        columns: &[
            "id",
            "body",
            "date",
            "seats",
            "term_years",
            "staggered",
            "candidates",
            "quotas",
            "kept",
            "sitting_out",
            "fixed",
            "dice",
            "method",
            "seed",
            "chosen",
            "sitting_out_used",
            "tables",
            "chances",
            "chance_margin",
            "chance_runs",
        ],
        json: &[
            "candidates",
            "quotas",
            "kept",
            "sitting_out",
            "dice",
            "chosen",
            "tables",
            "chances",
        ],
        flags: &["staggered", "fixed", "sitting_out_used"],
    },
    Table {
        kind: "table seat",
        name: "table_seat",
        columns: &["id", "body", "party", "person", "start", "end", "draw"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "ballot",
        name: "ballot",
        columns: &[
            "id",
            "meeting",
            "party",
            "token_hash",
            "issued",
            "revoked",
            "address",
        ],
        json: &[],
        flags: &["revoked"],
    },
    Table {
        kind: "rule proposal",
        name: "rule_proposal",
        columns: &["id", "round", "rule", "text"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "objection",
        name: "objection",
        columns: &["id", "round", "party", "rule", "reason"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "plan line",
        name: "plan_line",
        columns: &[
            "id",
            "focal_point",
            "position",
            "what",
            "lead",
            "lead_person",
            "parties",
            "start",
            "due",
            "mandate",
            "mandate_given",
            "status",
            "items",
            "added",
        ],
        json: &["parties", "mandate", "items"],
        flags: &[],
    },
    Table {
        kind: "progress",
        name: "plan_progress",
        columns: &["id", "line", "meeting", "status", "text"],
        json: &[],
        flags: &[],
    },
    Table {
        kind: "comment round",
        name: "comment_round",
        columns: &["id", "title", "draft", "opened", "due", "published"],
        json: &["draft"],
        flags: &[],
    },
    Table {
        kind: "comment",
        name: "comment",
        columns: &[
            "id",
            "round",
            "party",
            "part",
            "text",
            "facilitator_only",
            "via",
            "response",
            "why",
            "before",
            "after",
        ],
        json: &[],
        flags: &["facilitator_only"],
    },
    Table {
        kind: "check-in round",
        name: "checkin_round",
        columns: &["id", "meeting", "rules", "shown"],
        json: &["rules"],
        flags: &["shown"],
    },
];

/// The table of a kind of record (by its `Entity::KIND`).
pub fn table_of(kind: &str) -> Option<&'static Table> {
    RECORD_TABLES.iter().find(|t| t.kind == kind)
}

fn to_sql(value: Json, is_json: bool) -> Result<Sql, StoreError> {
    Ok(match value {
        Json::Null => Sql::Null,
        _ if is_json => Sql::Text(value.to_string()),
        Json::Bool(b) => Sql::Integer(b.into()),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().unwrap_or_default()),
        },
        Json::String(s) => Sql::Text(s),
        other => Sql::Text(other.to_string()),
    })
}

fn from_sql(table: &Table, column: &str, value: Sql) -> Result<Json, StoreError> {
    Ok(match value {
        Sql::Null => Json::Null,
        Sql::Integer(i) if table.flags.contains(&column) => Json::Bool(i != 0),
        Sql::Integer(i) => Json::from(i),
        Sql::Real(f) => Json::from(f),
        Sql::Text(s) if table.json.contains(&column) => serde_json::from_str(&s).map_err(|e| {
            StoreError::Damaged(format!("{}.{column} holds bad JSON: {e}", table.name))
        })?,
        Sql::Text(s) => Json::String(s),
        Sql::Blob(_) => {
            return Err(StoreError::Damaged(format!(
                "{}.{column} holds binary data",
                table.name
            )));
        }
    })
}

fn fields<T: Serialize>(record: &T) -> Result<Map<String, Json>, StoreError> {
    match serde_json::to_value(record) {
        Ok(Json::Object(map)) => Ok(map),
        Ok(_) => Err(StoreError::Damaged("a record is not an object".into())),
        Err(e) => Err(StoreError::Damaged(e.to_string())),
    }
}

/// The JSON field names of a record (for the column test).
pub fn field_names<T: Serialize>(record: &T) -> Vec<String> {
    fields(record)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// Insert or update `record` in `table`, keyed by `id`.
pub fn put<T: Serialize>(
    conn: &Connection,
    table: &Table,
    id: i64,
    record: &T,
) -> Result<(), StoreError> {
    let mut map = fields(record)?;
    let mut values = Vec::with_capacity(table.columns.len() + 1);
    let mut columns: Vec<&str> = Vec::with_capacity(table.columns.len() + 1);
    if !table.columns.contains(&"id") {
        columns.push("id");
        values.push(Sql::Integer(id));
    }
    for column in table.columns {
        let value = map.remove(*column).unwrap_or(Json::Null);
        values.push(to_sql(value, table.json.contains(column))?);
        columns.push(column);
    }
    let placeholders = vec!["?"; columns.len()].join(", ");
    let updates: Vec<String> = columns
        .iter()
        .filter(|c| **c != "id")
        .map(|c| format!("\"{c}\" = excluded.\"{c}\""))
        .collect();
    let quoted: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({placeholders}) ON CONFLICT(id) DO UPDATE SET {}",
        table.name,
        quoted.join(", "),
        updates.join(", ")
    );
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values))?;
    Ok(())
}

pub fn delete(conn: &Connection, table: &Table, id: i64) -> Result<(), StoreError> {
    let sql = format!("DELETE FROM {} WHERE id = ?1", table.name);
    conn.prepare_cached(&sql)?.execute([id])?;
    Ok(())
}

/// Every record of `table`, in id order.
pub fn load<T: DeserializeOwned>(
    conn: &Connection,
    table: &Table,
    filter: &str,
) -> Result<Vec<T>, StoreError> {
    let quoted: Vec<String> = table.columns.iter().map(|c| format!("\"{c}\"")).collect();
    let sql = format!(
        "SELECT {} FROM {} {filter} ORDER BY id",
        quoted.join(", "),
        table.name
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut map = Map::new();
        for (i, column) in table.columns.iter().enumerate() {
            let value: Sql = row.get(i)?;
            map.insert((*column).to_string(), from_sql(table, column, value)?);
        }
        let record = serde_json::from_value(Json::Object(map))
            .map_err(|e| StoreError::Damaged(format!("a row of {} is bad: {e}", table.name)))?;
        out.push(record);
    }
    Ok(out)
}
