//! The one place where connection settings are made.

use rusqlite::Connection;

/// WAL lets the UI read while a write is in flight; synchronous=FULL because offices lose
/// power, and a committed aid record must survive that; foreign keys are off by default
/// in SQLite and must be switched on per connection.
/// How long a connection waits for another's lock before giving up.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// The page cache of an encrypted registry: a page read from the file costs a decryption
/// and an HMAC-SHA512 check (most of the time of a search that leaves the cache, by the
/// profile in BENCHMARKS.md), so more of the file is kept decrypted in memory. An upper
/// bound, filled only as pages are read: a village office's registry fits whole in far
/// less.
const ENCRYPTED_CACHE_KIB: i64 = 256 * 1024;

pub fn configure(conn: &Connection, encrypted: bool) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // In-memory databases answer "memory"; that is fine.
    let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // A search touches scattered pages of a 100 000-family file; a 64 MiB page cache (an
    // upper bound, filled only as pages are read) keeps them instead of re-reading them.
    let cache_kib = if encrypted {
        ENCRYPTED_CACHE_KIB
    } else {
        64 * 1024
    };
    conn.pragma_update(None, "cache_size", -cache_kib)?;
    // Deleted personal data (a destroyed family) must not linger in free pages of the file.
    conn.pragma_update(None, "secure_delete", "ON")?;
    // Sorting and the report's working table stay in memory: faster, and no family ids in
    // temporary files left on disk.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // Saving a family runs some twenty statements; with fewer slots than that, a bulk load
    // (an import, demo data) would parse each of them again for every family.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}
