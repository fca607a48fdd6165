//! Passwords: what a new one must be, and the key a password is stretched into (argon2id)
//! to open its account's part of the key file. The password itself is never stored.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// Shorter passwords are refused: the key file may be copied and attacked offline.
pub const MIN_PASSWORD: usize = 8;

/// argon2id's cost, stored with each account so that a later Meirim may raise it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cost {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes over it.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl Cost {
    /// About half a second on the 2-core test machine in a release build
    /// (`meirim-cli bench-sign-in`, BENCHMARKS.md): 128 MiB, so that guessing passwords
    /// on graphics cards stays costly, and as many passes as fit the half second.
    pub const DEFAULT: Cost = Cost {
        m_kib: 128 * 1024,
        t: 7,
        p: 1,
    };
    /// For tests only: the same algorithm, cheap.
    pub const FAST_FOR_TESTS: Cost = Cost {
        m_kib: 256,
        t: 1,
        p: 1,
    };
    /// The most a key file may ask for before it is refused unread (a changed file must
    /// not make a sign-in take minutes and gigabytes).
    const MAX: Cost = Cost {
        m_kib: 1024 * 1024,
        t: 16,
        p: 4,
    };

    /// The cost of passwords set now. `MEIRIM_TEST_FAST_PASSWORDS` makes it cheap in debug
    /// builds only, for the end-to-end and CLI tests that sign in hundreds of times.
    pub fn for_new_passwords() -> Cost {
        if cfg!(debug_assertions) && std::env::var_os("MEIRIM_TEST_FAST_PASSWORDS").is_some() {
            Cost::FAST_FOR_TESTS
        } else {
            Cost::DEFAULT
        }
    }

    pub fn is_within_bounds(&self) -> bool {
        (8..=Self::MAX.m_kib).contains(&self.m_kib)
            && (1..=Self::MAX.t).contains(&self.t)
            && (1..=Self::MAX.p).contains(&self.p)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("a password has at least {MIN_PASSWORD} characters")]
    TooShort,
    #[error("a password may not be the sign-in name")]
    SameAsLogin,
}

/// Whether `password` may be set for the account `login`.
pub fn check_new(password: &str, login: &str) -> Result<(), PasswordProblem> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(PasswordProblem::TooShort);
    }
    if password.trim().to_lowercase() == login.trim().to_lowercase() {
        return Err(PasswordProblem::SameAsLogin);
    }
    Ok(())
}

/// The 256-bit key `password` gives with `salt` at `cost`.
pub fn stretch(
    password: &str,
    salt: &[u8],
    cost: Cost,
) -> Result<Zeroizing<[u8; 32]>, argon2::Error> {
    let params = argon2::Params::new(cost.m_kib, cost.t, cost.p, Some(32))?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = Zeroizing::new([0u8; 32]);
    argon.hash_password_into(password.as_bytes(), salt, out.as_mut())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_passwords_are_checked() {
        assert_eq!(check_new("қысқа", "aigul"), Err(PasswordProblem::TooShort));
        assert_eq!(
            check_new("Aigul.Kz", "aigul.kz"),
            Err(PasswordProblem::SameAsLogin)
        );
        assert_eq!(check_new("көктем-2026", "aigul"), Ok(()));
    }

    #[test]
    fn the_same_password_and_salt_give_the_same_key_and_others_do_not() {
        let c = Cost::FAST_FOR_TESTS;
        let a = stretch("құпия сөз 1", b"salt-salt-salt-1", c).unwrap();
        assert_eq!(*a, *stretch("құпия сөз 1", b"salt-salt-salt-1", c).unwrap());
        assert_ne!(*a, *stretch("құпия сөз 2", b"salt-salt-salt-1", c).unwrap());
        assert_ne!(*a, *stretch("құпия сөз 1", b"salt-salt-salt-2", c).unwrap());
    }
}
