//! The status rules every catalogue shares: given how the code field was read, what the code
//! points at in the catalogue and which answer units the text's terms name, the reason and the
//! units of the answer. Each catalogue supplies the sets ([`RowSet`] over its own units: the
//! Dongguan rows, the 数字经济 小类) and wraps the answer in its own types.

use crate::classify::{CodeReading, Reason};

/// A set of a catalogue's answer units, by index (up to 256).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct RowSet([u64; 4]);

impl RowSet {
    /// The set of these indices (each below 256; the build checks the catalogues' sizes).
    pub(crate) fn of_indices(indices: impl IntoIterator<Item = usize>) -> RowSet {
        let mut s = RowSet::default();
        for i in indices {
            if let Some(w) = s.0.get_mut(i / 64) {
                *w |= 1 << (i % 64);
            }
        }
        s
    }
    pub(crate) fn is_empty(self) -> bool {
        self.0 == [0; 4]
    }
    pub(crate) fn union(self, o: RowSet) -> RowSet {
        RowSet(std::array::from_fn(|i| self.0[i] | o.0[i]))
    }
    pub(crate) fn intersect(self, o: RowSet) -> RowSet {
        RowSet(std::array::from_fn(|i| self.0[i] & o.0[i]))
    }
    /// `self ∩ narrow` when that is not empty, else `self`.
    pub(crate) fn narrowed_by(self, narrow: RowSet) -> RowSet {
        let both = self.intersect(narrow);
        if both.is_empty() {
            self
        } else {
            both
        }
    }
    pub(crate) fn contains_index(self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & 1 << (i % 64) != 0)
    }
    /// The indices, ascending (the set bits of each word, lowest first).
    pub(crate) fn indices(self) -> impl Iterator<Item = usize> {
        self.0.into_iter().enumerate().flat_map(|(w, mut bits)| {
            std::iter::from_fn(move || {
                let bit = bits.trailing_zeros() as usize;
                (bits != 0).then(|| {
                    bits &= bits - 1;
                    w * 64 + bit
                })
            })
        })
    }
}

/// What a code reading points at in one catalogue.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CodeFacts {
    /// The units the code itself points at (see [`CodeReading::rows`]).
    pub(crate) own: RowSet,
    /// A 小类 reading whose class the catalogue takes whole.
    pub(crate) whole: bool,
    /// A 小类 reading whose class has an inferred row (products not published).
    pub(crate) inferred: bool,
}

/// The reason and the answer's units.
///
/// Candidates come from decisive evidence alone whenever there is any; other named terms (broader
/// phrases) add candidates only where nothing decisive was named (no code:
/// `broader_phrases_only`; a coarse or old-edition code: narrowing by them). `basis` gives the
/// `in_scope` reason for the units a 小类 reading and the decisive terms share.
pub(crate) fn decide(
    reading: Option<CodeReading>,
    facts: CodeFacts,
    decisive: RowSet,
    named: RowSet,
    basis: impl FnOnce(RowSet) -> Reason,
) -> (Reason, RowSet) {
    // The terms that choose candidates: the decisive ones, or else whatever was named.
    let choosing = if decisive.is_empty() { named } else { decisive };
    let Some(reading) = reading else {
        return if !decisive.is_empty() {
            (Reason::NoCode, decisive)
        } else if !named.is_empty() {
            (Reason::BroaderPhrasesOnly, named)
        } else {
            (Reason::NothingNamed, RowSet::default())
        };
    };
    let own = facts.own;
    match reading {
        _ if own.is_empty() && !matches!(reading, CodeReading::OldClass(_, [])) => {
            // A valid code outside the catalogue: review only when decisive terms are named.
            if decisive.is_empty() {
                (Reason::CodeOutsideCatalogue, RowSet::default())
            } else {
                (Reason::ProductsOutsideCode, decisive)
            }
        }
        CodeReading::Class(_) if facts.whole => (Reason::WholeClass, own),
        CodeReading::Class(_) if !own.intersect(decisive).is_empty() => {
            let hits = own.intersect(decisive);
            (basis(hits), hits)
        }
        // A row whose products are not published can be neither confirmed nor excluded.
        CodeReading::Class(_) if facts.inferred => {
            (Reason::ProductsNotPublished, own.union(decisive))
        }
        CodeReading::Class(_) if !decisive.is_empty() => {
            (Reason::ProductsOutsideCode, own.union(decisive))
        }
        CodeReading::Class(_) => (Reason::NoProductEvidence, own),
        CodeReading::Coarse(_) => (Reason::CoarseCode, own.narrowed_by(choosing)),
        // With no known successor, the terms named are the only candidates.
        CodeReading::OldClass(_, []) => (Reason::OldEditionCode, choosing),
        CodeReading::OldClass(..) | CodeReading::OldCoarse(_) => {
            (Reason::OldEditionCode, own.narrowed_by(choosing))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RowSet;

    #[test]
    fn indices_are_the_set_bits_in_order() {
        for set in [
            vec![],
            vec![0],
            vec![63, 64],
            vec![0, 1, 5, 63, 64, 127, 128, 200, 255],
            (0..256).collect(),
            (0..256).step_by(7).collect(),
        ] {
            let s = RowSet::of_indices(set.iter().copied());
            assert_eq!(s.indices().collect::<Vec<_>>(), set);
            assert!(set.iter().all(|&i| s.contains_index(i)));
        }
    }
}
