//! What every lol_html rewriter of the crate shares: the one output sink type, and a callback on
//! shared state at an element's end tag.

use lol_html::html_content::{Element, EndTag};
use std::cell::RefCell;
use std::rc::Rc;

/// Where cleaned output goes.
pub(crate) type Sink<'s> = dyn FnMut(&[u8]) + 's;

/// The one output sink type given to lol_html. Every rewriter of the crate uses it, so that
/// lol_html's pipeline is compiled once, not once per sink type (which doubled the WebAssembly
/// module's share of lol_html).
pub(crate) struct BoxedSink<'s>(pub Box<Sink<'s>>);

impl lol_html::OutputSink for BoxedSink<'_> {
    fn handle_chunk(&mut self, chunk: &[u8]) {
        (self.0)(chunk)
    }
}

/// Calls `f` on the shared state at the element's end tag (nothing for void elements). Text and
/// Markdown conversion both use it.
pub(crate) fn on_end<T: 'static>(state: &Rc<RefCell<T>>, el: &mut Element, f: fn(&mut T)) {
    if !el.can_have_content() {
        return;
    }
    let state = state.clone();
    let _ = el.on_end_tag(Box::new(move |_: &mut EndTag| {
        f(&mut state.borrow_mut());
        Ok(())
    }));
}
