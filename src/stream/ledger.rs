//! Removals recorded while blocks are held back.
//!
//! An element removed inside a held block that is itself dropped later is part of that block's
//! removal: the ledger takes back what was recorded since the block's hold opened, so each byte
//! of input is reported once. Entries are folded into the [`Report`] as soon as nothing is
//! held, so the ledger stays as small as the hold-back buffer.

use crate::options::Category;
use crate::report::{Removal, Report};
use crate::stream::hold::HoldId;

/// Identifies a recorded removal, so that its bytes can be added once its end tag is seen.
pub(crate) type Seq = u64;

struct Entry {
    seq: Seq,
    category: Category,
    bytes: u64,
    removal: Option<Removal>,
}

#[derive(Default)]
pub(crate) struct Ledger {
    pending: Vec<Entry>,
    /// Open holds and the first sequence number recorded inside each.
    checkpoints: Vec<(HoldId, Seq)>,
    next_seq: Seq,
}

impl Ledger {
    /// Records a removal (with its explanation when explaining).
    pub fn record(&mut self, category: Category, bytes: u64, removal: Option<Removal>) -> Seq {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.pending.push(Entry {
            seq,
            category,
            bytes,
            removal,
        });
        seq
    }

    /// Adds bytes to removal `seq` (its content, known at its end tag). An element's end tag
    /// comes before the end of any block around it, so `seq` is still pending or already folded.
    pub fn add_bytes(&mut self, seq: Seq, category: Category, bytes: u64, report: &mut Report) {
        match self.pending.binary_search_by_key(&seq, |e| e.seq) {
            Ok(i) => self.pending[i].bytes += bytes,
            Err(_) => {
                if let Some(tally) = report.removed.get_mut(&category) {
                    tally.bytes += bytes;
                }
            }
        }
    }

    /// How many removals of `categories` were recorded inside hold `id` so far.
    pub fn recorded_inside(&self, id: HoldId, categories: &[Category]) -> usize {
        let Some(&(_, first)) = self.checkpoints.iter().find(|(h, _)| *h == id) else {
            return 0;
        };
        // Entries are in `seq` order: only those from the checkpoint on are read.
        let from = self.pending.partition_point(|e| e.seq < first);
        self.pending[from..]
            .iter()
            .filter(|e| categories.contains(&e.category))
            .count()
    }

    /// Whether anything was removed inside hold `id` so far.
    pub fn anything_inside(&self, id: HoldId) -> bool {
        self.checkpoints
            .iter()
            .find(|(h, _)| *h == id)
            .is_some_and(|&(_, first)| self.pending.last().is_some_and(|e| e.seq >= first))
    }

    /// A hold opened: what is recorded from now on belongs to it.
    pub fn open(&mut self, id: HoldId) {
        self.checkpoints.push((id, self.next_seq));
    }

    /// A hold closed; when it was dropped, what was recorded inside it is taken back.
    pub fn close(&mut self, id: HoldId, dropped: bool) {
        let Some(index) = self.checkpoints.iter().position(|(h, _)| *h == id) else {
            return;
        };
        let (_, first) = self.checkpoints[index];
        self.checkpoints.truncate(index);
        if dropped {
            self.pending.retain(|e| e.seq < first);
        }
    }

    /// Folds pending entries into `report` when no hold that could take them back is open.
    /// `is_open` tells whether a hold is still open (the hold-back buffer releases holds on its own).
    pub fn settle(&mut self, report: &mut Report, is_open: impl Fn(HoldId) -> bool) {
        // Holds leave the buffer's cap from the outermost (first) one.
        let released = self.checkpoints.iter().take_while(|(id, _)| !is_open(*id)).count();
        self.checkpoints.drain(..released);
        if !self.checkpoints.is_empty() {
            return;
        }
        for entry in self.pending.drain(..) {
            report.record(entry.category, entry.bytes);
            if let Some(removal) = entry.removal {
                report.removals.push(removal);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removals_inside_a_dropped_block_are_taken_back() {
        let mut ledger = Ledger::default();
        let mut report = Report::default();
        ledger.open(7);
        ledger.record(Category::Share, 10, None);
        ledger.close(7, true);
        ledger.record(Category::Comments, 50, None);
        ledger.settle(&mut report, |_| false);
        assert_eq!(report.elements_removed(), 1);
        assert_eq!(report.removed[&Category::Comments].bytes, 50);
    }

    #[test]
    fn removals_inside_a_kept_block_stay_and_late_bytes_land() {
        let mut ledger = Ledger::default();
        let mut report = Report::default();
        ledger.open(1);
        let seq = ledger.record(Category::Ads, 5, None);
        ledger.close(1, false);
        ledger.settle(&mut report, |_| false);
        ledger.add_bytes(seq, Category::Ads, 20, &mut report);
        assert_eq!(report.removed[&Category::Ads].bytes, 25);
    }

    #[test]
    fn nothing_settles_while_a_hold_is_open() {
        let mut ledger = Ledger::default();
        let mut report = Report::default();
        ledger.open(1);
        ledger.record(Category::Ads, 5, None);
        ledger.settle(&mut report, |id| id == 1);
        assert_eq!(report.elements_removed(), 0);
        ledger.settle(&mut report, |_| false);
        assert_eq!(report.elements_removed(), 1);
    }
}
