//! What every function implementation needs: its arguments and a way to build its result.

use crate::extract::terraform::value::{Val, V};

/// Argument `i`, unknown when missing.
pub(super) fn arg(args: &[Val], i: usize) -> Val {
    args.get(i).cloned().unwrap_or_else(Val::unknown)
}

/// A result built here (it takes the call's place).
pub(super) fn new(v: V) -> Val {
    Val::new(v)
}
