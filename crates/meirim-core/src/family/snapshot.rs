//! A family flattened into `field → value` pairs, so the audit log can say exactly which
//! fields an action changed. Values are stored codes and ISO dates; the UI words them.

use super::model::{Family, Member, Stored};
use crate::audit::Snapshot;

fn put(s: &mut Snapshot, field: &str, subject: Option<&str>, value: Option<String>) {
    if let Some(v) = value.filter(|v| !v.is_empty()) {
        s.insert(field.to_owned(), (subject.map(str::to_owned), v));
    }
}

fn flag(b: bool) -> Option<String> {
    b.then(|| "true".to_owned())
}

fn member(s: &mut Snapshot, m: &Member) {
    let name = m.full_name();
    let subject = Some(name.as_str());
    let f = |field: &str| format!("members.{}.{field}", m.id);
    put(s, &f("name"), subject, Some(name.clone()));
    put(s, &f("is_head"), subject, flag(m.is_head));
    put(s, &f("relation"), subject, m.relation.map(|r| r.stored()));
    put(s, &f("iin"), subject, m.iin.clone());
    put(
        s,
        &f("birth_date"),
        subject,
        m.birth_date.map(|d| d.to_string()),
    );
    put(s, &f("sex"), subject, m.sex.map(|x| x.as_str().to_owned()));
    put(
        s,
        &f("disability"),
        subject,
        m.disability.map(|d| d.stored()),
    );
    put(s, &f("pensioner"), subject, flag(m.pensioner));
    put(s, &f("student"), subject, flag(m.student));
    put(
        s,
        &f("employment"),
        subject,
        m.employment.map(|e| e.stored()),
    );
    put(s, &f("phone"), subject, m.phone.clone());
}

pub fn snapshot(f: &Family) -> Snapshot {
    let mut s = Snapshot::new();
    let a = &f.address;
    put(&mut s, "phone", None, f.phone.clone());
    put(
        &mut s,
        "address.oblast",
        None,
        a.oblast.as_ref().map(|o| o.names.kk.clone()),
    );
    put(&mut s, "address.district", None, a.district.clone());
    put(&mut s, "address.rural_okrug", None, a.rural_okrug.clone());
    put(&mut s, "address.village", None, a.village.clone());
    put(&mut s, "address.street", None, a.street.clone());
    put(&mut s, "address.house", None, a.house.clone());
    put(&mut s, "address.flat", None, a.flat.clone());
    put(&mut s, "housing_notes", None, f.housing_notes.clone());
    put(
        &mut s,
        "income_per_person",
        None,
        f.income_per_person.map(|n| n.to_string()),
    );
    put(
        &mut s,
        "registered_on",
        None,
        f.registered_on.map(|d| d.to_string()),
    );
    put(&mut s, "notes", None, f.notes.clone());
    let categories: Vec<&str> = f.categories.iter().map(|c| c.names.kk.as_str()).collect();
    put(&mut s, "categories", None, Some(categories.join("; ")));
    put(&mut s, "status", None, Some(f.status.stored()));
    put(&mut s, "status_reason", None, f.status_reason.clone());
    put(
        &mut s,
        "status_on",
        None,
        f.status_on.map(|d| d.to_string()),
    );
    let c = &f.consent;
    put(&mut s, "consent.status", None, Some(c.status.stored()));
    put(&mut s, "consent.date", None, c.date.map(|d| d.to_string()));
    put(&mut s, "consent.form", None, c.form.map(|x| x.stored()));
    put(
        &mut s,
        "consent.until",
        None,
        c.until.map(|d| d.to_string()),
    );
    put(&mut s, "consent.recorded_by", None, c.recorded_by.clone());
    for m in &f.members {
        member(&mut s, m);
    }
    s
}
