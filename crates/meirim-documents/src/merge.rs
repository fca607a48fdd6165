//! One PDF from parts made one after another: a long batch of letters is drawn and written
//! a few hundred pages at a time, so memory holds those pages' drawing only, not the whole
//! batch's. Each part's objects are renumbered after the previous part's and its pages
//! hung, in order, under the first part's page tree; the parts' own catalogs, page trees
//! and document information go.

use lopdf::{Document, Object, ObjectId};

fn reference(doc: &Document, key: &[u8]) -> Option<ObjectId> {
    doc.trailer.get(key).and_then(Object::as_reference).ok()
}

fn pages_root(doc: &Document) -> Option<ObjectId> {
    doc.catalog()
        .ok()?
        .get(b"Pages")
        .and_then(Object::as_reference)
        .ok()
}

/// The parts as one document, their pages in the order given. `None` if a part is not a
/// document with a page tree (which printpdf always makes).
pub(crate) fn merge(parts: Vec<Document>) -> Option<Document> {
    let mut parts = parts.into_iter();
    let mut whole = parts.next()?;
    let root = pages_root(&whole)?;
    let mut kids: Vec<Object> = whole.page_iter().map(Object::Reference).collect();
    for mut part in parts {
        part.renumber_objects_with(whole.max_id + 1);
        let part_root = pages_root(&part)?;
        let pages: Vec<ObjectId> = part.page_iter().collect();
        for id in &pages {
            if let Ok(page) = part.get_dictionary_mut(*id) {
                page.set("Parent", Object::Reference(root));
            }
            kids.push(Object::Reference(*id));
        }
        for gone in [
            Some(part_root),
            reference(&part, b"Root"),
            reference(&part, b"Info"),
        ]
        .into_iter()
        .flatten()
        {
            part.objects.remove(&gone);
        }
        whole.max_id = whole.max_id.max(part.max_id);
        whole.objects.append(&mut part.objects);
    }
    // The trailer's object count follows the highest number still in use.
    whole.max_id = whole.objects.keys().map(|(n, _)| *n).max().unwrap_or(0);
    let count = i64::try_from(kids.len()).unwrap_or(i64::MAX);
    let tree = whole.get_dictionary_mut(root).ok()?;
    tree.set("Kids", Object::Array(kids));
    tree.set("Count", Object::Integer(count));
    Some(whole)
}
