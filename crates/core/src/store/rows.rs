//! The mapping between domain records and table rows. Each record is turned
//! into JSON with serde, and each JSON field goes to the column of the same
//! name (lists and nested records go to a column as JSON text, as the
//! declaration says). The tables come from the declaration of the kinds
//! (`entities!`); a test checks them against the file's schema.

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

/// Every record table, one per kind of record in the declaration's order
/// (a file written whole checks its foreign keys at the end), derived from the declaration
/// (`entities!`): its name and JSON columns as declared there, its columns
/// the record's fields, a field that is a yes/no kept as 0 or 1.
pub fn record_tables() -> &'static [Table] {
    use crate::domain::edit::{Entity, KindVisitor, for_each_kind};
    static TABLES: std::sync::OnceLock<Vec<Table>> = std::sync::OnceLock::new();
    struct Derive(Vec<Table>);
    impl KindVisitor for Derive {
        type Error = std::convert::Infallible;
        fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
            let fields = fields(&T::default()).unwrap_or_default();
            // Made once per kind for the life of the program.
            let leak = |names: Vec<&str>| -> &'static [&'static str] {
                Box::leak(
                    names
                        .into_iter()
                        .map(|n| &*Box::leak(n.to_string().into_boxed_str()))
                        .collect::<Vec<_>>()
                        .into_boxed_slice(),
                )
            };
            let columns = leak(fields.keys().map(String::as_str).collect());
            let flags = leak(
                fields
                    .iter()
                    .filter(|(_, v)| v.is_boolean())
                    .map(|(k, _)| k.as_str())
                    .collect(),
            );
            self.0.push(Table {
                kind: T::KIND,
                name: T::TABLE,
                columns,
                json: T::JSON,
                flags,
            });
            Ok(())
        }
    }
    TABLES.get_or_init(|| {
        let mut d = Derive(Vec::new());
        let Ok(()) = for_each_kind(&mut d);
        d.0
    })
}

/// The table of a kind of record (by its `Entity::KIND`).
pub fn table_of(kind: &str) -> Option<&'static Table> {
    record_tables().iter().find(|t| t.kind == kind)
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
