//! The three roles an account may have, and what each may do. Every command of the app
//! names the permission it needs; the check is here, in one table, so that the test that
//! calls every command under every role compares against one answer.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Everything: accounts, office settings, restore, destroying a family's data.
    Administrator,
    /// The office's daily work: families, aid, campaigns, volunteers, letters, imports,
    /// reports, backups.
    Operator,
    /// Looks and prints reports: no edits, no file or printout listing people.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Administrator, Role::Operator, Role::Viewer];

    pub fn code(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Operator => "operator",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == s)
    }

    pub fn allows(self, need: Permission) -> bool {
        match need {
            Permission::Read => true,
            Permission::PersonalData | Permission::Edit => {
                matches!(self, Role::Administrator | Role::Operator)
            }
            Permission::Administer => self == Role::Administrator,
        }
    }
}

/// What a command needs of the signed-in account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Seeing the registry on screen, and reports of totals.
    Read,
    /// A file or printout that lists people (a list export, a distribution list, a family
    /// card, letters, a backup copy of the registry).
    PersonalData,
    /// Changing the registry.
    Edit,
    /// Accounts, office settings, restore, destroying a family's data.
    Administer,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_has_what_the_office_expects() {
        use Permission::*;
        let table = |r: Role| [Read, PersonalData, Edit, Administer].map(|p| r.allows(p));
        assert_eq!(table(Role::Administrator), [true, true, true, true]);
        assert_eq!(table(Role::Operator), [true, true, true, false]);
        assert_eq!(table(Role::Viewer), [true, false, false, false]);
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Some(r));
        }
    }
}
