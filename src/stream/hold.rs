//! Output with bounded hold-back.
//!
//! lol_html calls an element handler before the element's content is known. For blocks whose fate
//! depends on their content, the output from their start tag on is held in a buffer; at their end
//! the block is either dropped (the buffer is cut back to the mark) or released. Holds nest. When
//! the held bytes exceed the cap, the outermost hold is released undecided (its block is kept),
//! so memory stays bounded and output keeps flowing.

use crate::markup::rewriter::Sink;

/// Identifies a hold, so that a late decision about a hold that was already released is a no-op.
pub(crate) type HoldId = u64;

struct Hold {
    id: HoldId,
    /// Where the held block starts in `buffer`.
    mark: usize,
}

/// The hold-back buffer of a cleaning run. It owns no sink: lol_html's end-tag handlers must be
/// `'static`, so they reach this through shared state, and bytes flow to the caller's sink when
/// the next output arrives or when the stream flushes ([`HeldOutput::flush_ready`]).
pub(crate) struct HeldOutput {
    buffer: Vec<u8>,
    holds: Vec<Hold>,
    next_id: HoldId,
    cap: usize,
    max_holds: usize,
    /// Bytes that left the buffer so far: `buffer[i]` is output byte `drained + i`.
    drained: u64,
    /// A hold decided at the cap to be dropped: what is written while it is open goes nowhere.
    discarding: Option<HoldId>,
}

impl HeldOutput {
    /// Holds at most `cap` bytes in at most `max_holds` nested holds.
    pub fn new(cap: usize, max_holds: usize) -> Self {
        HeldOutput {
            buffer: Vec::new(),
            holds: Vec::new(),
            next_id: 0,
            cap,
            max_holds,
            drained: 0,
            discarding: None,
        }
    }

    /// Writes output: to the buffer while anything is held, straight to `sink` otherwise.
    pub fn write(&mut self, chunk: &[u8], sink: &mut Sink<'_>) {
        if self.holds.is_empty() && self.buffer.is_empty() {
            self.drained += chunk.len() as u64;
            sink(chunk);
            return;
        }
        if self.discarding.is_some_and(|id| self.is_open(id)) {
            return;
        }
        self.discarding = None;
        self.buffer.extend_from_slice(chunk);
        while let Some(outer) = self.holds.first() {
            if self.buffer.len() - outer.mark <= self.cap {
                break;
            }
            self.holds.remove(0);
        }
        self.flush_ready(sink);
    }

    /// The outermost open hold, when writing `extra` more bytes would take it over the cap.
    pub fn outgrown(&self, extra: usize) -> Option<HoldId> {
        let outer = self.holds.first()?;
        (self.buffer.len() + extra - outer.mark > self.cap).then_some(outer.id)
    }

    /// Drops what hold `id` holds, and what is written until it ends (a block decided before
    /// its end). Holds inside it stay open, empty.
    pub fn discard(&mut self, id: HoldId) {
        let Ok(index) = self.holds.binary_search_by_key(&id, |h| h.id) else {
            return;
        };
        let mark = self.holds[index].mark;
        self.buffer.truncate(mark);
        for hold in &mut self.holds[index..] {
            hold.mark = mark;
        }
        self.discarding = Some(id);
    }

    /// Starts holding output here. `None` when too many holds are open (the block is then kept).
    pub fn hold(&mut self) -> Option<HoldId> {
        if self.holds.len() >= self.max_holds {
            return None;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.holds.push(Hold {
            id,
            mark: self.buffer.len(),
        });
        Some(id)
    }

    /// The bytes held since hold `id` started, or `None` if it was already released.
    #[cfg(test)]
    pub fn held(&self, id: HoldId) -> Option<&[u8]> {
        self.held_at(id).map(|(_, bytes)| bytes)
    }

    /// Like `held` (a test helper), with the output position where the held bytes start.
    pub fn held_at(&self, id: HoldId) -> Option<(u64, &[u8])> {
        let hold = &self.holds[self.holds.binary_search_by_key(&id, |h| h.id).ok()?];
        Some((self.drained + hold.mark as u64, &self.buffer[hold.mark..]))
    }

    /// The output position after the last byte written.
    pub fn position(&self) -> u64 {
        self.drained + self.buffer.len() as u64
    }

    /// Ends hold `id`, dropping its bytes when `drop` is true. Holds opened after it and still
    /// open (elements closed implicitly) end with it, their bytes kept. Returns whether bytes
    /// were dropped (false when the hold had already been released).
    pub fn finish(&mut self, id: HoldId, drop: bool) -> bool {
        let Ok(index) = self.holds.binary_search_by_key(&id, |h| h.id) else {
            return false;
        };
        let mark = self.holds[index].mark;
        self.holds.truncate(index);
        if drop {
            self.buffer.truncate(mark);
        }
        drop
    }

    /// Adds bytes at the current end of the output (held if a hold is open).
    pub fn push(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// Whether hold `id` is still open.
    pub fn is_open(&self, id: HoldId) -> bool {
        // Ids only grow, and holds leave from the front (cap) or the back (end): sorted.
        self.holds.binary_search_by_key(&id, |h| h.id).is_ok()
    }

    /// Releases every hold (end of document, bail-out).
    pub fn release_all(&mut self) {
        self.holds.clear();
    }

    /// Sends the buffered bytes before the outermost open hold to `sink`.
    pub fn flush_ready(&mut self, sink: &mut Sink<'_>) {
        let upto = self.holds.first().map_or(self.buffer.len(), |h| h.mark);
        if upto == 0 {
            return;
        }
        sink(&self.buffer[..upto]);
        self.buffer.drain(..upto);
        self.drained += upto as u64;
        for hold in &mut self.holds {
            hold.mark -= upto;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Run {
        out: HeldOutput,
        seen: Vec<u8>,
    }

    impl Run {
        fn new(cap: usize) -> Self {
            Run {
                out: HeldOutput::new(cap, 4),
                seen: Vec::new(),
            }
        }
        fn write(&mut self, bytes: &[u8]) {
            let seen = &mut self.seen;
            self.out.write(bytes, &mut |b| seen.extend_from_slice(b));
        }
        fn flush(&mut self) {
            let seen = &mut self.seen;
            self.out.flush_ready(&mut |b| seen.extend_from_slice(b));
        }
    }

    #[test]
    fn dropped_holds_vanish_and_kept_holds_flow() {
        let mut run = Run::new(100);
        run.write(b"a");
        let outer = run.out.hold().unwrap();
        run.write(b"b");
        let inner = run.out.hold().unwrap();
        run.write(b"c");
        assert!(run.out.finish(inner, true));
        run.write(b"d");
        assert_eq!(run.out.held(outer), Some(&b"bd"[..]));
        assert_eq!(run.out.held_at(outer).map(|(at, _)| at), Some(1));
        assert_eq!(run.out.position(), 3);
        assert_eq!(run.seen, b"a");
        run.out.finish(outer, false);
        run.flush();
        assert_eq!(run.seen, b"abd");
    }

    #[test]
    fn cap_releases_the_outermost_hold() {
        let mut run = Run::new(3);
        let outer = run.out.hold().unwrap();
        run.write(b"xy");
        let inner = run.out.hold().unwrap();
        run.write(b"zw");
        // 4 bytes held by `outer` > cap 3: it is released and its bytes before `inner` flow.
        assert_eq!(run.seen, b"xy");
        assert!(!run.out.finish(outer, true));
        assert!(run.out.finish(inner, true));
        run.flush();
        assert_eq!(run.seen, b"xy");
    }

    #[test]
    fn finishing_an_outer_hold_ends_unclosed_inner_ones() {
        let mut run = Run::new(100);
        let outer = run.out.hold().unwrap();
        let inner = run.out.hold().unwrap();
        run.write(b"x");
        run.out.finish(outer, false);
        assert!(!run.out.finish(inner, true));
        run.flush();
        assert_eq!(run.seen, b"x");
    }

    #[test]
    fn too_many_holds_are_refused() {
        let mut run = Run::new(100);
        for _ in 0..4 {
            assert!(run.out.hold().is_some());
        }
        assert!(run.out.hold().is_none());
    }
}
