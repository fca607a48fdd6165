//! From a sheet's rows and a column mapping to families the registry can take: every cell
//! cleaned (each change kept as a `Fix`), rows grouped into families, each family checked by
//! the same rules as the family form, and every problem tied to the row and column it came
//! from (`RowIssue`). Reads the database only for the office's categories.

use std::collections::{BTreeMap, HashMap};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::address;
use super::cell::Cell;
use super::clean::{self, Cleaned, FixKind, Unusable};
use super::fields::Field;
use super::words::{self, Role};
use crate::family::check_iin;
use crate::family::validate::validate;
use crate::family::{AddressInput, FamilyInput, MemberInput, Relation};
use crate::iin::IinWarning;
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::reference::{self, Category};
use crate::text;

/// A sheet's cells and where they sit, as the office sees them in Excel.
#[derive(Debug, Clone, Copy)]
pub struct Grid<'a> {
    pub rows: &'a [Vec<Cell>],
    /// The row number of `rows[0]` (1-based).
    pub first_row: u32,
    /// The column index (0 = A) of each row's first cell.
    pub first_column: u32,
}

/// Which row is the header and which field each column feeds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Mapping {
    /// The header row, as an index into the sheet's rows.
    pub header_row: u32,
    /// Per column (0 = the sheet's first column): the field it feeds; `None` leaves it out.
    pub columns: Vec<Option<Field>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The row's family is not imported; the row goes to the rejected-rows file.
    Error,
    /// Imported, but worth a look.
    Warning,
}

/// A problem with one row, located as the office sees it: «row 14, column C (ЖСН)».
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RowIssue {
    pub row: u32,
    /// The column letter, when the problem is one cell's.
    pub column: Option<String>,
    /// That column's header.
    pub header: Option<String>,
    pub severity: Severity,
    pub code: ErrorCode,
    pub params: BTreeMap<String, String>,
}

/// A change the cleaning made to one cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Fix {
    pub row: u32,
    pub column: String,
    pub header: String,
    pub kind: FixKind,
    pub before: String,
    pub after: String,
}

/// One family as the file has it, ready for matching and writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The sheet row of each member, in `input.members` order (the head first).
    pub rows: Vec<u32>,
    pub input: FamilyInput,
    /// An error in one of its rows keeps the whole family out.
    pub rejected: bool,
}

impl Candidate {
    pub fn first_row(&self) -> u32 {
        self.rows.iter().copied().min().unwrap_or(0)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// Data rows below the header that hold anything in a mapped column.
    pub rows_read: u32,
    pub candidates: Vec<Candidate>,
    pub issues: Vec<RowIssue>,
    pub fixes: Vec<Fix>,
    /// Each mapped field's column letter and header, for issues found later.
    pub(crate) places: HashMap<Field, (String, String)>,
}

/// "A", "B", … "Z", "AA" — as Excel names column `index` (0 = A).
pub fn column_letter(index: u32) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// Refuses a mapping that cannot give a family: no name column, or one field fed by two
/// columns.
pub fn check_mapping(mapping: &Mapping) -> Result<(), Problem> {
    let mut seen = HashMap::new();
    for (i, f) in mapping.columns.iter().enumerate() {
        let Some(f) = f else { continue };
        if let Some(first) = seen.insert(*f, i) {
            return Err(Problem::new(ErrorCode::ImportFieldTwice)
                .with("field", f.code())
                .with("first", column_letter(first as u32))
                .with("second", column_letter(i as u32)));
        }
    }
    let has = |f| seen.contains_key(&f);
    if !(has(Field::FullName) || (has(Field::Surname) && has(Field::Name))) {
        return Err(Problem::new(ErrorCode::ImportNameNotMapped));
    }
    Ok(())
}

struct Ctx<'a> {
    grid: Grid<'a>,
    columns: HashMap<Field, usize>,
    /// Each mapped field's column letter and header, worked out once.
    places: HashMap<Field, (String, String)>,
    issues: Vec<RowIssue>,
    fixes: Vec<Fix>,
}

/// A person's row, cleaned.
struct Person {
    row: u32,
    member: MemberInput,
    role: Option<Role>,
    /// The relation cell's text when it names no relation known here.
    unknown_relation: Option<String>,
    key: Option<String>,
    household: Household,
    bad: bool,
}

#[derive(Default, Clone)]
struct Household {
    address: AddressInput,
    categories: Vec<String>,
    registered_on: Option<String>,
    notes: Option<String>,
}

impl Ctx<'_> {
    fn row_number(&self, index: usize) -> u32 {
        self.grid.first_row + index as u32
    }

    fn place(&self, field: Field) -> (Option<String>, Option<String>) {
        match self.places.get(&field) {
            Some((column, header)) => (Some(column.clone()), Some(header.clone())),
            None => (None, None),
        }
    }

    /// Keeps a change the cleaning made to the `field` cell of sheet row `row`.
    fn fix(&mut self, row: u32, field: Field, kind: FixKind, before: String, after: String) {
        let (column, header) = self.place(field);
        self.fixes.push(Fix {
            row,
            column: column.unwrap_or_default(),
            header: header.unwrap_or_default(),
            kind,
            before,
            after,
        });
    }

    fn issue(
        &mut self,
        row: u32,
        field: Option<Field>,
        severity: Severity,
        code: ErrorCode,
        params: impl IntoIterator<Item = (String, String)>,
    ) {
        let (column, header) = field.map(|f| self.place(f)).unwrap_or((None, None));
        self.issues.push(RowIssue {
            row,
            column,
            header,
            severity,
            code,
            params: params.into_iter().collect(),
        });
    }

    fn unusable(&mut self, row: u32, field: Field, u: Unusable) {
        let params = u.params.into_iter().map(|(k, v)| (k.to_owned(), v));
        self.issue(row, Some(field), Severity::Error, u.code, params);
    }

    fn cell(&self, index: usize, field: Field) -> Option<&Cell> {
        let c = *self.columns.get(&field)?;
        self.grid.rows.get(index)?.get(c)
    }

    fn noted(&mut self, index: usize, field: Field, c: Cleaned<String>) -> String {
        if let Some(kind) = c.fix {
            let before = self.cell(index, field).map(Cell::text).unwrap_or_default();
            self.fix(self.row_number(index), field, kind, before, c.value.clone());
        }
        c.value
    }

    /// A cell run through `clean`, its fix noted, an unusable value reported as the row's
    /// error (and `bad` set).
    fn take(
        &mut self,
        index: usize,
        field: Field,
        bad: &mut bool,
        clean: impl Fn(&Cell) -> Result<Option<Cleaned<String>>, Unusable>,
    ) -> Option<String> {
        let cell = self.cell(index, field)?.clone();
        match clean(&cell) {
            Ok(Some(c)) => Some(self.noted(index, field, c)),
            Ok(None) => None,
            Err(u) => {
                *bad = true;
                let row = self.row_number(index);
                self.unusable(row, field, u);
                None
            }
        }
    }

    fn text(&mut self, index: usize, field: Field) -> Option<String> {
        let cell = self.cell(index, field)?.clone();
        clean::plain(&cell).map(|c| self.noted(index, field, c))
    }

    fn address_number(&mut self, index: usize, field: Field, marks: &[&str]) -> Option<String> {
        let cell = self.cell(index, field)?.clone();
        clean::address_number(&cell, marks).map(|c| self.noted(index, field, c))
    }

    fn name(&mut self, index: usize, field: Field) -> Option<String> {
        let cell = self.cell(index, field)?.clone();
        let cleaned = clean::name(&cell)?;
        let value = self.noted(index, field, cleaned);
        if clean::letters_lost(&value) {
            let row = self.row_number(index);
            self.issue(
                row,
                Some(field),
                Severity::Warning,
                ErrorCode::ImportLettersLost,
                [("value".to_owned(), value.clone())],
            );
        }
        Some(value)
    }
}

/// The office's categories by every name they go by (folded, and folded without spaces).
struct Categories(Vec<(String, String, Category)>);

impl Categories {
    fn load(conn: &Connection) -> Result<Self, Problem> {
        let mut names = Vec::new();
        for c in reference::categories(conn)? {
            for n in [Some(&c.names.kk), Some(&c.names.ru), c.code.as_ref()]
                .into_iter()
                .flatten()
            {
                let folded = text::fold(n);
                let solid = folded.replace(' ', "");
                names.push((folded, solid, c.clone()));
            }
        }
        Ok(Self(names))
    }

    /// Exact name first; else the one category whose name starts with the word, or that
    /// the word starts with («Көп балалы» → «Көп балалы отбасы»).
    fn find(&self, word: &str) -> Option<(&Category, bool)> {
        let key = text::fold(word);
        if let Some((_, _, c)) = self.0.iter().find(|(n, _, _)| *n == key) {
            return Some((c, true));
        }
        // «Көп балалы» and «көпбалалы отбасы»: spaces do not count.
        let key = key.replace(' ', "");
        let mut close = self
            .0
            .iter()
            .filter(|(_, n, _)| key.len() >= 4 && (n.starts_with(&key) || key.starts_with(n)))
            .map(|(_, _, c)| c);
        let first = close.next()?;
        close.all(|c| c.id == first.id).then_some((first, false))
    }
}

/// Cleans the rows, groups them into families and checks each family.
pub fn prepare(conn: &Connection, grid: Grid<'_>, mapping: &Mapping) -> Result<Prepared, Problem> {
    check_mapping(mapping)?;
    let header_index = mapping.header_row as usize;
    let headers: Vec<String> = grid
        .rows
        .get(header_index)
        .map(|r| r.iter().map(|c| text::tidy(&c.text())).collect())
        .unwrap_or_default();
    let columns: HashMap<Field, usize> = mapping
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.map(|f| (f, i)))
        .collect();
    let places: HashMap<Field, (String, String)> = columns
        .iter()
        .map(|(f, &c)| {
            let letter = column_letter(grid.first_column + c as u32);
            (*f, (letter, headers.get(c).cloned().unwrap_or_default()))
        })
        .collect();
    let categories = Categories::load(conn)?;
    let new_ctx = || Ctx {
        grid,
        columns: columns.clone(),
        places: places.clone(),
        issues: Vec::new(),
        fixes: Vec::new(),
    };
    // Rows are cleaned on every core, each share of them with its own list of issues and
    // fixes; the shares are joined back in row order, so the result is the same as one
    // pass (a tenth of a 100 000-row import's time).
    let first = header_index + 1;
    let rows = grid.rows.len().saturating_sub(first);
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let shares = if rows < 2_000 { 1 } else { cores.clamp(1, 8) };
    let share = rows.div_ceil(shares).max(1);
    let cleaned: Vec<Option<(Ctx<'_>, Vec<Person>, u32)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (first..grid.rows.len())
            .step_by(share)
            .map(|start| {
                let end = (start + share).min(grid.rows.len());
                let mut ctx = new_ctx();
                let categories = &categories;
                scope.spawn(move || {
                    let (people, read) = clean_rows(&mut ctx, start..end, mapping, categories);
                    (ctx, people, read)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().ok()).collect()
    });
    // A share that panicked would lose its rows without a word: the import stops instead.
    let cleaned: Vec<(Ctx<'_>, Vec<Person>, u32)> = cleaned
        .into_iter()
        .collect::<Option<_>>()
        .ok_or_else(|| Problem::new(ErrorCode::Internal).with("reason", "cleaning rows"))?;
    let mut ctx = new_ctx();
    let mut people = Vec::new();
    let mut rows_read = 0;
    for (part, mut part_people, read) in cleaned {
        ctx.issues.extend(part.issues);
        ctx.fixes.extend(part.fixes);
        people.append(&mut part_people);
        rows_read += read;
    }
    let groups = group(people, mapping);
    let mut candidates: Vec<Candidate> = groups.into_iter().map(|g| family(&mut ctx, g)).collect();
    repeats_in_file(&mut ctx, &mut candidates);
    Ok(Prepared {
        rows_read,
        candidates,
        issues: ctx.issues,
        fixes: ctx.fixes,
        places: ctx.places,
    })
}

/// The people of rows `range`, cleaned, and how many rows had anything in them.
fn clean_rows(
    ctx: &mut Ctx<'_>,
    range: std::ops::Range<usize>,
    mapping: &Mapping,
    categories: &Categories,
) -> (Vec<Person>, u32) {
    let mut people = Vec::new();
    let mut rows_read = 0;
    for index in range {
        let row = &ctx.grid.rows[index];
        let filled = mapping
            .columns
            .iter()
            .enumerate()
            .filter(|(c, f)| f.is_some() && row.get(*c).is_some_and(|cell| !cell.is_empty()))
            .count();
        if filled == 0 {
            continue;
        }
        rows_read += 1;
        if filled == 1 && is_total_line(ctx, index) {
            let row = ctx.row_number(index);
            ctx.issue(
                row,
                None,
                Severity::Warning,
                ErrorCode::ImportRowWithoutName,
                [],
            );
            continue;
        }
        if let Some(p) = person(ctx, index, categories) {
            people.push(p);
        }
    }
    (people, rows_read)
}

/// «Барлығы: 7», «Итого 120» under the table: one cell, in the name column, with a number.
fn is_total_line(ctx: &Ctx<'_>, index: usize) -> bool {
    [Field::FullName, Field::Surname]
        .iter()
        .filter_map(|f| ctx.cell(index, *f))
        .any(|c| c.text().chars().any(|ch| ch.is_ascii_digit()))
}

fn person(ctx: &mut Ctx<'_>, index: usize, categories: &Categories) -> Option<Person> {
    let row = ctx.row_number(index);
    let mut bad = false;
    let (surname, name, patronymic) = if ctx.columns.contains_key(&Field::FullName) {
        match ctx.name(index, Field::FullName) {
            Some(full) => match clean::split_full_name(&full) {
                Some((s, n, p)) => {
                    let parts = [Some(s.as_str()), Some(n.as_str()), p.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" | ");
                    ctx.fix(
                        row,
                        Field::FullName,
                        FixKind::NameSplit,
                        full.clone(),
                        parts,
                    );
                    (Some(s), Some(n), p)
                }
                None => {
                    bad = true;
                    ctx.issue(
                        row,
                        Some(Field::FullName),
                        Severity::Error,
                        ErrorCode::ImportNameIncomplete,
                        [("value".to_owned(), full)],
                    );
                    (None, None, None)
                }
            },
            None => (None, None, None),
        }
    } else {
        (
            ctx.name(index, Field::Surname),
            ctx.name(index, Field::Name),
            ctx.name(index, Field::Patronymic),
        )
    };
    // The birth date beside the IIN can make a repair of its lost zeros certain; it is
    // read (and its own problems reported) again below.
    let born = ctx
        .cell(index, Field::BirthDate)
        .and_then(|c| clean::date(c).ok().flatten())
        .and_then(|c| crate::date::parse(&c.value));
    let iin = ctx.take(index, Field::Iin, &mut bad, |c| clean::iin(c, born));
    if surname.is_none() && name.is_none() && iin.is_none() && !bad {
        // A total line («Барлығы: 120»), a note under the table: no person here.
        ctx.issue(
            row,
            None,
            Severity::Warning,
            ErrorCode::ImportRowWithoutName,
            [],
        );
        return None;
    }
    let birth_date = ctx.take(index, Field::BirthDate, &mut bad, clean::date);
    let phone = ctx.take(index, Field::Phone, &mut bad, clean::phone);
    let sex = match ctx.text(index, Field::Sex) {
        Some(s) => {
            let sex = words::sex(&s);
            if sex.is_none() {
                ctx.issue(
                    row,
                    Some(Field::Sex),
                    Severity::Warning,
                    ErrorCode::ImportSexUnknown,
                    [("value".to_owned(), s)],
                );
            }
            sex
        }
        None => None,
    };
    let (role, unknown_relation) = match ctx.text(index, Field::Relation) {
        Some(r) => match words::role(&r) {
            Some(role) => (Some(role), None),
            None => (None, Some(r)),
        },
        None => (None, None),
    };
    let mut household = Household {
        registered_on: ctx.take(index, Field::RegisteredOn, &mut bad, clean::date),
        notes: ctx.text(index, Field::Notes),
        ..Default::default()
    };
    household.address = AddressInput {
        village: ctx.text(index, Field::Village),
        street: ctx.text(index, Field::Street),
        house: ctx.address_number(index, Field::House, address::HOUSE_MARKS),
        flat: ctx.address_number(index, Field::Flat, address::FLAT_MARKS),
        ..Default::default()
    };
    if let Some(whole) = ctx.text(index, Field::Address) {
        let parts = address::split(&whole);
        let a = &mut household.address;
        let shown = [&parts.village, &parts.street, &parts.house, &parts.flat]
            .iter()
            .map(|p| p.as_deref().unwrap_or("—"))
            .collect::<Vec<_>>()
            .join(" | ");
        a.village = a.village.take().or(parts.village);
        a.street = a.street.take().or(parts.street);
        a.house = a.house.take().or(parts.house);
        a.flat = a.flat.take().or(parts.flat);
        ctx.fix(row, Field::Address, FixKind::AddressSplit, whole, shown);
    }
    if let Some(list) = ctx.text(index, Field::Categories) {
        for word in list
            .split([',', ';', '/', '\n'])
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            match categories.find(word) {
                Some((c, exact)) => {
                    if !household.categories.contains(&c.id) {
                        household.categories.push(c.id.clone());
                    }
                    if !exact {
                        let kk = c.names.kk.clone();
                        ctx.fix(
                            row,
                            Field::Categories,
                            FixKind::Category,
                            word.to_owned(),
                            kk,
                        );
                    }
                }
                None => {
                    bad = true;
                    ctx.issue(
                        row,
                        Some(Field::Categories),
                        Severity::Error,
                        ErrorCode::ImportCategoryUnknown,
                        [("value".to_owned(), word.to_owned())],
                    );
                }
            }
        }
    }
    let key = ctx.text(index, Field::FamilyKey);
    Some(Person {
        row,
        member: MemberInput {
            surname: surname.unwrap_or_default(),
            name: name.unwrap_or_default(),
            patronymic,
            iin,
            birth_date,
            sex,
            phone,
            ..Default::default()
        },
        role,
        unknown_relation,
        key,
        household,
        bad,
    })
}

/// People into families: by the family key column; failing that, a head row followed by
/// its members' rows (when relations are given); failing that, a family per row.
fn group(people: Vec<Person>, mapping: &Mapping) -> Vec<Vec<Person>> {
    let mapped = |f| mapping.columns.contains(&Some(f));
    let mut groups: Vec<Vec<Person>> = Vec::new();
    if mapped(Field::FamilyKey) {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for p in people {
            match p.key.clone() {
                Some(k) => match by_key.get(&k) {
                    Some(&g) => groups[g].push(p),
                    None => {
                        by_key.insert(k, groups.len());
                        groups.push(vec![p]);
                    }
                },
                None => groups.push(vec![p]),
            }
        }
    } else if mapped(Field::Relation) {
        for p in people {
            let starts = matches!(p.role, None | Some(Role::Head)) && p.unknown_relation.is_none();
            match groups.last_mut() {
                Some(g) if !starts => g.push(p),
                _ => groups.push(vec![p]),
            }
        }
    } else {
        groups = people.into_iter().map(|p| vec![p]).collect();
    }
    groups
}

/// One group of rows as a family input, checked by the family form's rules.
fn family(ctx: &mut Ctx<'_>, mut people: Vec<Person>) -> Candidate {
    let mut bad = people.iter().any(|p| p.bad);
    // The head: the row that says so; else the row with no relation; else the first.
    let head = people
        .iter()
        .position(|p| p.role == Some(Role::Head))
        .or_else(|| {
            people
                .iter()
                .position(|p| p.role.is_none() && p.unknown_relation.is_none())
        })
        .unwrap_or(0);
    if people[head].role != Some(Role::Head) && people.len() > 1 && people[head].role.is_some() {
        let row = people[head].row;
        ctx.issue(
            row,
            Some(Field::Relation),
            Severity::Warning,
            ErrorCode::ImportHeadGuessed,
            [],
        );
    }
    let head_person = people.remove(head);
    people.insert(0, head_person);
    let head_row = people[0].row;
    for (i, p) in people.iter_mut().enumerate() {
        p.member.is_head = i == 0;
        if i == 0 {
            continue;
        }
        match (p.role, &p.unknown_relation) {
            (Some(Role::Member(r)), _) => p.member.relation = Some(r),
            (Some(Role::Head), _) => {
                bad = true;
                ctx.issue(
                    p.row,
                    Some(Field::Relation),
                    Severity::Error,
                    ErrorCode::ImportHeadTwice,
                    [("head_row".to_owned(), head_row.to_string())],
                );
                p.member.relation = Some(Relation::Other);
            }
            (None, Some(word)) => {
                let word = word.clone();
                ctx.issue(
                    p.row,
                    Some(Field::Relation),
                    Severity::Warning,
                    ErrorCode::ImportRelationUnknown,
                    [("value".to_owned(), word)],
                );
                p.member.relation = Some(Relation::Other);
            }
            (None, None) => {
                ctx.issue(
                    p.row,
                    Some(Field::Relation),
                    Severity::Warning,
                    ErrorCode::ImportRelationMissing,
                    [],
                );
                p.member.relation = Some(Relation::Other);
            }
        }
    }
    // The head's phone is the family's; the family's details come from the head's row, or
    // the first row that has them.
    let first =
        |get: fn(&Household) -> Option<String>| people.iter().find_map(|p| get(&p.household));
    let village = first(|h| h.address.village.clone());
    let street = first(|h| h.address.street.clone());
    let house = first(|h| h.address.house.clone());
    let flat = first(|h| h.address.flat.clone());
    let registered_on = first(|h| h.registered_on.clone());
    let notes = first(|h| h.notes.clone());
    let mut category_ids: Vec<String> = Vec::new();
    for p in &people {
        for c in &p.household.categories {
            if !category_ids.contains(c) {
                category_ids.push(c.clone());
            }
        }
    }
    let phone = people[0].member.phone.take();
    for p in &people {
        iin_agrees(ctx, p);
    }
    let rows: Vec<u32> = people.iter().map(|p| p.row).collect();
    let input = FamilyInput {
        members: people.into_iter().map(|p| p.member).collect(),
        phone,
        address: AddressInput {
            village,
            street,
            house,
            flat,
            ..Default::default()
        },
        registered_on,
        category_ids,
        notes,
        // Seen by the import's own matching; the form's likely-duplicate refusal would stop
        // every family that merely shares a surname and a village.
        accept_duplicates: true,
        ..Default::default()
    };
    if !bad {
        if let Err(p) = validate(&input) {
            bad = true;
            report_validation(ctx, &rows, &p);
        }
    }
    Candidate {
        rows,
        input,
        rejected: bad,
    }
}

/// The birth date typed beside an IIN that encodes another one: a typo in one of them.
fn iin_agrees(ctx: &mut Ctx<'_>, p: &Person) {
    let (Some(iin), Some(born)) = (&p.member.iin, &p.member.birth_date) else {
        return;
    };
    let mismatch = check_iin(iin, Some(born), None)
        .facts
        .is_some_and(|f| f.warnings.contains(&IinWarning::BirthDateMismatch));
    if mismatch {
        ctx.issue(
            p.row,
            Some(Field::BirthDate),
            Severity::Warning,
            ErrorCode::ImportIinBirthMismatch,
            [],
        );
    }
}

/// The form's field names («members.2.iin», «address.village») back to rows and columns.
fn report_validation(ctx: &mut Ctx<'_>, rows: &[u32], problem: &Problem) {
    let full = ctx.columns.contains_key(&Field::FullName);
    for fp in problem_fields(problem) {
        let (row, field) = locate(rows, &fp, full);
        ctx.issue(row, field, Severity::Error, fp.code, fp.params);
    }
}

/// A refusal from the registry while writing (an IIN another family holds), as row issues.
pub(crate) fn issues_of(prepared: &Prepared, rows: &[u32], problem: &Problem) -> Vec<RowIssue> {
    let full_name = prepared.places.contains_key(&Field::FullName);
    problem_fields(problem)
        .into_iter()
        .map(|fp| {
            let (row, field) = locate(rows, &fp, full_name);
            let place = field.and_then(|f| prepared.places.get(&f)).cloned();
            RowIssue {
                row,
                column: place.as_ref().map(|p| p.0.clone()),
                header: place.map(|p| p.1),
                severity: Severity::Error,
                code: fp.code,
                params: fp.params,
            }
        })
        .collect()
}

fn problem_fields(problem: &Problem) -> Vec<FieldProblem> {
    if problem.fields.is_empty() {
        vec![FieldProblem {
            field: String::new(),
            code: problem.code,
            params: problem.params.clone(),
        }]
    } else {
        problem.fields.clone()
    }
}

fn locate(rows: &[u32], fp: &FieldProblem, full_name: bool) -> (u32, Option<Field>) {
    let head_row = rows.first().copied().unwrap_or(0);
    let mut parts = fp.field.split('.');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("members"), Some(i), Some(name)) => {
            let row = i
                .parse::<usize>()
                .ok()
                .and_then(|i| rows.get(i).copied())
                .unwrap_or(head_row);
            let field = match name {
                "surname" | "name" | "patronymic" if full_name => Some(Field::FullName),
                "surname" => Some(Field::Surname),
                "name" => Some(Field::Name),
                "patronymic" => Some(Field::Patronymic),
                "iin" => Some(Field::Iin),
                "birth_date" => Some(Field::BirthDate),
                "phone" => Some(Field::Phone),
                "relation" => Some(Field::Relation),
                _ => None,
            };
            (row, field)
        }
        (Some("address"), Some(_), None) => (head_row, Some(Field::Village)),
        (Some("phone"), None, None) => (head_row, Some(Field::Phone)),
        (Some("registered_on"), None, None) => (head_row, Some(Field::RegisteredOn)),
        (Some("category_ids"), None, None) => (head_row, Some(Field::Categories)),
        (Some("notes"), None, None) => (head_row, Some(Field::Notes)),
        _ => (head_row, None),
    }
}

/// The same person twice in the file — by IIN, or by name and birth date — is an error on
/// the later row: which of the two is right is the office's call.
fn repeats_in_file(ctx: &mut Ctx<'_>, candidates: &mut [Candidate]) {
    let mut iins: HashMap<String, u32> = HashMap::new();
    let mut names: HashMap<(String, String), u32> = HashMap::new();
    for c in candidates.iter_mut() {
        for (m, &row) in c.input.members.iter().zip(&c.rows) {
            if let Some(iin) = &m.iin {
                if let Some(&first) = iins.get(iin) {
                    c.rejected = true;
                    ctx.issue(
                        row,
                        Some(Field::Iin),
                        Severity::Error,
                        ErrorCode::ImportIinTwice,
                        [("first".to_owned(), first.to_string())],
                    );
                    continue;
                }
                iins.insert(iin.clone(), row);
            }
            if let Some(born) = &m.birth_date {
                let key = (
                    text::fold(&format!("{} {}", m.surname, m.name)),
                    born.clone(),
                );
                if let Some(&first) = names.get(&key) {
                    if m.iin.is_none() {
                        c.rejected = true;
                        ctx.issue(
                            row,
                            None,
                            Severity::Error,
                            ErrorCode::ImportPersonTwice,
                            [("first".to_owned(), first.to_string())],
                        );
                    }
                    continue;
                }
                names.insert(key, row);
            }
        }
    }
}
