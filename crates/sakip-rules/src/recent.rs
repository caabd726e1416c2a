//! A few things made at some cost, kept while they are asked for: the
//! upper parts of the chains a run lowered (`resolve::lower::upper`), the
//! years the workbench evaluated. Each is kept with what it was made from;
//! asking moves it last, and beyond the limit the least recently asked go.
//! A list, not a map: the limits are tens, and what makes two keys the
//! same is the caller's (files compared by identity, not by content).

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Values by key, the most recently asked last, at most `limit` of them.
pub struct Recent<K, V> {
    kept: Mutex<VecDeque<(K, V)>>,
    limit: usize,
}

impl<K, V> std::fmt::Debug for Recent<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recent")
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

impl<K, V: Clone> Recent<K, V> {
    /// Keeps at most `limit` values.
    pub fn new(limit: usize) -> Self {
        Self {
            kept: Mutex::new(VecDeque::new()),
            limit,
        }
    }

    fn kept(&self) -> MutexGuard<'_, VecDeque<(K, V)>> {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The value kept under the key `is` recognises, now the most recent.
    pub fn get(&self, is: impl Fn(&K) -> bool) -> Option<V> {
        let mut kept = self.kept();
        let at = kept.iter().position(|(k, _)| is(k))?;
        let entry = kept.remove(at)?;
        let found = entry.1.clone();
        kept.push_back(entry);
        Some(found)
    }

    /// Keeps `value` under `key`, in place of what `same` finds the same
    /// key; the least recently asked go beyond the limit.
    pub fn keep(&self, key: K, value: V, same: impl Fn(&K, &K) -> bool) {
        let mut kept = self.kept();
        kept.retain(|(k, _)| !same(k, &key));
        kept.push_back((key, value));
        while kept.len() > self.limit {
            kept.pop_front();
        }
    }

    /// Forgets the values whose key `forget` names.
    pub fn forget(&self, forget: impl Fn(&K) -> bool) {
        self.kept().retain(|(k, _)| !forget(k));
    }

    /// How many values are kept.
    pub fn len(&self) -> usize {
        self.kept().len()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.kept().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_recently_asked_go_first() {
        let r: Recent<u32, &str> = Recent::new(2);
        r.keep(1, "one", |a, b| a == b);
        r.keep(2, "two", |a, b| a == b);
        // Asking for 1 makes 2 the oldest: keeping 3 drops 2.
        assert_eq!(r.get(|k| *k == 1), Some("one"));
        r.keep(3, "three", |a, b| a == b);
        assert_eq!(r.get(|k| *k == 2), None);
        assert_eq!((r.get(|k| *k == 1), r.get(|k| *k == 3)), (Some("one"), Some("three")));
        // The same key again replaces, and forgetting removes.
        r.keep(3, "drei", |a, b| a == b);
        assert_eq!((r.len(), r.get(|k| *k == 3)), (2, Some("drei")));
        r.forget(|k| *k == 1);
        assert_eq!((r.len(), r.is_empty()), (1, false));
    }
}
