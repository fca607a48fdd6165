//! Merging two registrations of one family, and remembering pairs that are not one.

use rusqlite::{params, Transaction};

use super::index;
use super::model::{ConsentStatus, Family, Member};
use super::read::get;
use super::snapshot::snapshot;
use super::store::refuse_if_gone;
use crate::audit::{self, AuditAction};
use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, Problem};
use crate::{clock, text};

fn same_person(a: &Member, b: &Member) -> bool {
    if let (Some(x), Some(y)) = (&a.iin, &b.iin) {
        return x == y;
    }
    a.birth_date.is_some()
        && a.birth_date == b.birth_date
        && text::fold(&format!("{} {}", a.surname, a.name))
            == text::fold(&format!("{} {}", b.surname, b.name))
}

/// Copies what `keep` lacks from `other`; returns the values that differ and so could not
/// be copied, to be written into the notes rather than lost.
fn fill_member(
    tx: &Transaction<'_>,
    keep: &Member,
    other: &Member,
) -> Result<Vec<String>, Problem> {
    let mut conflicts = Vec::new();
    let mut pick = |k: &Option<String>, o: &Option<String>| -> Option<String> {
        match (k, o) {
            (None, Some(v)) => Some(v.clone()),
            (Some(a), Some(b)) if a != b => {
                conflicts.push(b.clone());
                Some(a.clone())
            }
            _ => k.clone(),
        }
    };
    let patronymic = pick(&keep.patronymic, &other.patronymic);
    let phone = pick(&keep.phone, &other.phone);
    let iin = pick(&keep.iin, &other.iin);
    // Aid given to the person under the other record stays theirs.
    tx.execute(
        "UPDATE deliveries SET member_id = ?2 WHERE member_id = ?1",
        params![other.id, keep.id],
    )
    .map_err(DbError::from)?;
    // The other row goes first so its IIN is free for the kept row.
    tx.execute("DELETE FROM members WHERE id = ?1", [&other.id])
        .map_err(DbError::from)?;
    tx.execute(
        "UPDATE members SET patronymic = ?2, phone = ?3, iin = ?4,
                disability = coalesce(disability, ?5),
                pensioner = max(pensioner, ?6), student = max(student, ?7),
                employment = coalesce(employment, ?8), updated_at = ?9
         WHERE id = ?1",
        params![
            keep.id,
            patronymic,
            phone,
            iin,
            other.disability.map(|d| super::model::Stored::stored(&d)),
            other.pensioner,
            other.student,
            other.employment.map(|e| super::model::Stored::stored(&e)),
            clock::now()
        ],
    )
    .map_err(DbError::from)?;
    Ok(conflicts)
}

/// Merges family `absorb` into family `keep`: members move (the same person registered in
/// both becomes one member), categories are united, empty fields of `keep` are filled from
/// `absorb`, and values that differ are added to `keep`'s notes, so nothing is lost.
/// `absorb` stays as a record pointing to `keep`. Both families' logs record the merge.
pub fn merge(db: &mut Database, keep_id: &str, absorb_id: &str) -> Result<Family, Problem> {
    if keep_id == absorb_id {
        return Err(Problem::new(ErrorCode::MergeWithItself));
    }
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let keep = get(&tx, keep_id)?;
    let absorb = get(&tx, absorb_id)?;
    refuse_if_gone(&keep)?;
    refuse_if_gone(&absorb)?;
    let mut conflicts: Vec<String> = Vec::new();
    let next_position = keep.members.len() as i64;
    for (i, m) in absorb.members.iter().enumerate() {
        match keep.members.iter().find(|k| same_person(k, m)) {
            Some(k) => conflicts.extend(fill_member(&tx, k, m)?),
            None => {
                tx.execute(
                    "UPDATE members SET family_id = ?2, is_head = 0,
                            relation = coalesce(relation, 'other-relative'), position = ?3,
                            updated_at = ?4
                     WHERE id = ?1",
                    params![m.id, keep_id, next_position + i as i64, clock::now()],
                )
                .map_err(DbError::from)?;
            }
        }
    }
    tx.execute(
        "INSERT INTO family_categories (family_id, category_id, created_at, updated_at)
         SELECT ?1, category_id, created_at, ?3 FROM family_categories WHERE family_id = ?2
         ON CONFLICT DO NOTHING",
        params![keep_id, absorb_id, clock::now()],
    )
    .map_err(DbError::from)?;
    merge_family_fields(&tx, &keep, &absorb, &mut conflicts)?;
    tx.execute(
        "UPDATE families SET merged_into = ?2, updated_at = ?3 WHERE id = ?1",
        params![absorb_id, keep_id, clock::now()],
    )
    .map_err(DbError::from)?;
    // The absorbed family's aid history moves with its members. (Letters, a later issue,
    // must move here too, in this transaction.)
    tx.execute(
        "UPDATE deliveries SET family_id = ?2, updated_at = ?3 WHERE family_id = ?1",
        params![absorb_id, keep_id, clock::now()],
    )
    .map_err(DbError::from)?;
    index::refresh(&tx, absorb_id)?;
    index::refresh(&tx, keep_id)?;
    let after = get(&tx, keep_id)?;
    let changes = audit::diff(&snapshot(&keep), &snapshot(&after));
    let absorbed_no = format!("№{}", absorb.registry_no);
    audit::record(
        &tx,
        keep_id,
        AuditAction::Merge,
        Some(&absorbed_no),
        &changes,
    )?;
    let kept_no = format!("№{}", keep.registry_no);
    audit::record(&tx, absorb_id, AuditAction::MergedInto, Some(&kept_no), &[])?;
    tx.commit().map_err(DbError::from)?;
    Ok(after)
}

fn merge_family_fields(
    tx: &Transaction<'_>,
    keep: &Family,
    absorb: &Family,
    conflicts: &mut Vec<String>,
) -> Result<(), Problem> {
    let a = &absorb.address;
    let k = &keep.address;
    let mut fill = |kv: &Option<String>, av: &Option<String>| -> Option<String> {
        match (kv, av) {
            (None, Some(v)) => Some(v.clone()),
            (Some(x), Some(y)) if text::fold(x) != text::fold(y) => {
                conflicts.push(y.clone());
                Some(x.clone())
            }
            _ => kv.clone(),
        }
    };
    let phone = fill(&keep.phone, &absorb.phone);
    let district = fill(&k.district, &a.district);
    let okrug = fill(&k.rural_okrug, &a.rural_okrug);
    let village = fill(&k.village, &a.village);
    let street = fill(&k.street, &a.street);
    let house = fill(&k.house, &a.house);
    let flat = fill(&k.flat, &a.flat);
    let housing = fill(&keep.housing_notes, &absorb.housing_notes);
    let income = keep.income_per_person.or(absorb.income_per_person);
    if let (Some(x), Some(y)) = (keep.income_per_person, absorb.income_per_person) {
        if x != y {
            conflicts.push(format!("{y} ₸"));
        }
    }
    let mut notes: Vec<String> = keep.notes.iter().cloned().collect();
    if let Some(n) = &absorb.notes {
        notes.push(n.clone());
    }
    if !conflicts.is_empty() {
        notes.push(format!("№{}: {}", absorb.registry_no, conflicts.join("; ")));
    }
    let notes = (!notes.is_empty()).then(|| notes.join("\n"));
    let registered_on = match (keep.registered_on, absorb.registered_on) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    let take_consent = keep.consent.status == ConsentStatus::Pending
        && absorb.consent.status == ConsentStatus::Given;
    tx.execute(
        "UPDATE families SET phone = ?2, district = ?3, rural_okrug = ?4, village = ?5,
                street = ?6, house = ?7, flat = ?8, housing_notes = ?9,
                income_per_person = ?10, notes = ?11, registered_on = ?12,
                oblast_id = coalesce(oblast_id, ?13), updated_at = ?14
         WHERE id = ?1",
        params![
            keep.id,
            phone,
            district,
            okrug,
            village,
            street,
            house,
            flat,
            housing,
            income,
            notes,
            registered_on.map(|d| d.to_string()),
            absorb.address.oblast.as_ref().map(|o| o.id.clone()),
            clock::now()
        ],
    )
    .map_err(DbError::from)?;
    if take_consent {
        tx.execute(
            "UPDATE families SET (consent, consent_on, consent_form, consent_until,
                                  consent_recorded_by) =
                (SELECT consent, consent_on, consent_form, consent_until, consent_recorded_by
                   FROM families WHERE id = ?2)
             WHERE id = ?1",
            params![keep.id, absorb.id],
        )
        .map_err(DbError::from)?;
    }
    Ok(())
}

/// Records that two families are different households, so the scan stops pairing them.
pub fn dismiss(db: &mut Database, a: &str, b: &str) -> Result<(), Problem> {
    if a == b {
        return Err(Problem::new(ErrorCode::MergeWithItself));
    }
    let (x, y) = if a < b { (a, b) } else { (b, a) };
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    get(&tx, x)?;
    get(&tx, y)?;
    tx.execute(
        "INSERT INTO not_duplicates (family_a, family_b, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT DO NOTHING",
        params![x, y, clock::now()],
    )
    .map_err(DbError::from)?;
    tx.commit().map_err(DbError::from)?;
    Ok(())
}
