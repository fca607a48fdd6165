//! The duplicate scan's keys (migration 0012) during a bulk write. The triggers that keep
//! them in step as each member and family is written cost a large import a fifth of its
//! time; a bulk import drops them inside its own transaction, computes the keys of the
//! families it wrote and recounts their groups in a few statements at the end, and puts
//! the triggers back, all before it commits. If the import fails, the rollback brings the
//! triggers back by itself.

use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::db::DbError;
use crate::problem::Problem;

/// Every trigger of the keys: those on members and families, and the group counts.
const ROW_TRIGGERS: &[&str] = &[
    "duplicate_keys_counted",
    "duplicate_keys_uncounted",
    "members_duplicate_keys_add",
    "members_duplicate_keys_drop",
    "members_duplicate_keys_change",
    "families_duplicate_keys_add",
    "families_duplicate_keys_drop",
    "families_duplicate_keys_change",
];

/// The keys of the families `families` lists (an SQL query of family ids with `?1`).
fn keys_of(families: &str) -> String {
    format!(
        "SELECT reason, key, family_id, count(*) FROM (
             SELECT 0 AS reason, birth_date || ' ' || name_key AS key, family_id FROM members
              WHERE birth_date IS NOT NULL AND name_key <> '' AND family_id IN ({families})
             UNION ALL
             SELECT 1, phone, family_id FROM members
              WHERE phone IS NOT NULL AND family_id IN ({families})
             UNION ALL
             SELECT 1, phone, id FROM families
              WHERE phone IS NOT NULL AND destroyed_at IS NULL AND merged_into IS NULL
                AND id IN ({families})
             UNION ALL
             SELECT 2, address_key, id FROM families
              WHERE address_key IS NOT NULL AND destroyed_at IS NULL AND merged_into IS NULL
                AND id IN ({families}))
         GROUP BY reason, key, family_id"
    )
}

/// The dropped triggers' SQL, to put them back.
pub(crate) struct Paused(Vec<String>);

pub(crate) fn pause(tx: &Transaction<'_>) -> Result<Paused, Problem> {
    let mut saved = Vec::with_capacity(ROW_TRIGGERS.len());
    for name in ROW_TRIGGERS {
        let sql: Option<String> = tx
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()
            .map_err(DbError::from)?;
        if let Some(sql) = sql {
            tx.execute_batch(&format!("DROP TRIGGER {name}"))
                .map_err(DbError::from)?;
            saved.push(sql);
        }
    }
    Ok(Paused(saved))
}

impl Paused {
    /// Recomputes the keys of the families `families` lists (a query of ids with `?1` =
    /// `param`) and puts the triggers back.
    pub(crate) fn resume(
        self,
        tx: &Transaction<'_>,
        families: &str,
        param: &str,
    ) -> Result<(), Problem> {
        // The keys these families had and have now: their groups are counted again.
        let note_affected = format!(
            "INSERT OR IGNORE INTO temp.affected_keys
             SELECT reason, key FROM duplicate_keys WHERE family_id IN ({families})"
        );
        tx.execute_batch(
            "CREATE TEMP TABLE affected_keys (reason INTEGER, key TEXT,
                                              PRIMARY KEY (reason, key)) WITHOUT ROWID",
        )
        .map_err(DbError::from)?;
        tx.execute(&note_affected, [param]).map_err(DbError::from)?;
        tx.execute(
            &format!("DELETE FROM duplicate_keys WHERE family_id IN ({families})"),
            [param],
        )
        .map_err(DbError::from)?;
        tx.execute(
            &format!(
                "INSERT INTO duplicate_keys (reason, key, family_id, refs) {}",
                keys_of(families)
            ),
            [param],
        )
        .map_err(DbError::from)?;
        tx.execute(&note_affected, [param]).map_err(DbError::from)?;
        tx.execute_batch(
            "DELETE FROM duplicate_groups
              WHERE (reason, key) IN (SELECT reason, key FROM temp.affected_keys);
             INSERT INTO duplicate_groups (reason, key, families)
             SELECT k.reason, k.key, count(*)
               FROM temp.affected_keys a
               JOIN duplicate_keys k ON k.reason = a.reason AND k.key = a.key
              GROUP BY k.reason, k.key;
             DROP TABLE temp.affected_keys;",
        )
        .map_err(DbError::from)?;
        for sql in self.0 {
            tx.execute_batch(&sql).map_err(DbError::from)?;
        }
        Ok(())
    }
}

/// Whether the kept keys and group counts equal a recount from the families and members:
/// what the triggers and a bulk import's refill must keep true (tests, diagnostics).
pub fn in_step(conn: &Connection) -> Result<bool, Problem> {
    let everyone = "SELECT id FROM families WHERE ?1 IS NOT NULL";
    let differences: i64 = conn
        .query_row(
            &format!(
                "WITH fresh AS ({}),
                      counted AS (SELECT reason, key, count(*) AS n FROM duplicate_keys
                                  GROUP BY reason, key)
                 SELECT (SELECT count(*) FROM (SELECT * FROM fresh
                                               EXCEPT SELECT * FROM duplicate_keys))
                      + (SELECT count(*) FROM (SELECT * FROM duplicate_keys
                                               EXCEPT SELECT * FROM fresh))
                      + (SELECT count(*) FROM (SELECT reason, key, families FROM duplicate_groups
                                               EXCEPT SELECT * FROM counted))
                      + (SELECT count(*) FROM (SELECT * FROM counted
                                               EXCEPT SELECT reason, key, families
                                               FROM duplicate_groups))",
                keys_of(everyone)
            ),
            ["all"],
            |r| r.get(0),
        )
        .map_err(DbError::from)?;
    Ok(differences == 0)
}
