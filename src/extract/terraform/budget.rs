//! Deterministic budgets of the Terraform evaluator: hostile configurations (nested `for`,
//! `join` of a huge string, `distinct` over a long list, modules counted at every level) stop
//! after a fixed amount of work, whatever the machine's load or thread count.
//!
//! One budget covers one unit of evaluation: a linted file (its resources, module calls and
//! child modules) or a root module's variables and locals (built once per directory and shared
//! by its files, so it gets a budget of its own: its outcome never depends on which file built
//! it first). A unit runs on one thread, so the budget is thread-local state set up by
//! [`scoped`]. When it runs out, every further evaluation in the unit is unknown (never a
//! finding) and the unit reports why: the file becomes "not fully scanned".

use std::cell::{Cell, RefCell};

/// Work per unit, in cost units: one evaluation step, one value node built, or 64 bytes of
/// string built. Real modules spend a few thousand.
pub const MAX_EVAL_COST: u64 = 1_000_000;
/// A single string longer than this is not built (checked before building it).
pub const MAX_STRING_BYTES: usize = crate::limits::MAX_FILE_BYTES as usize;
/// Module instances per linted file, over all nesting levels (`count`/`for_each` multiply).
pub const MAX_MODULE_INSTANCES: usize = 256;

/// Bytes of string that cost one unit.
const BYTES_PER_UNIT: usize = 64;

#[derive(Clone, Copy)]
struct State {
    left: u64,
    modules: usize,
    exhausted: Option<&'static str>,
}

const FRESH: State = State {
    left: MAX_EVAL_COST,
    modules: MAX_MODULE_INSTANCES,
    exhausted: None,
};

/// Something that leaves the file not fully scanned: a budget that ran out, a tfvars file or
/// `modules.json` that cannot be read, a module source outside the scan root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unscanned {
    /// The file the problem is about (a tfvars file), or `None` for the linted file.
    pub path: Option<String>,
    /// The diagnostic code: `budget`, `parse-error`, `io-error`, `skipped`.
    pub code: &'static str,
    pub message: String,
}

thread_local! {
    static STATE: Cell<State> = const { Cell::new(FRESH) };
    static PROBLEMS: RefCell<Vec<Unscanned>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` as a unit with a fresh budget (restoring the enclosing unit's afterwards), and
/// returns what left it not fully scanned: the budget running out, and every [`report`]ed
/// problem.
pub fn scoped<R>(f: impl FnOnce() -> R) -> (R, Vec<Unscanned>) {
    let saved = STATE.with(|s| s.replace(FRESH));
    let saved_problems = PROBLEMS.with(|p| p.take());
    let r = f();
    let exhausted = STATE.with(|s| s.replace(saved)).exhausted;
    let mut problems = PROBLEMS.with(|p| p.replace(saved_problems));
    if let Some(why) = exhausted {
        problems.insert(
            0,
            Unscanned {
                path: None,
                code: "budget",
                message: describe(why),
            },
        );
    }
    (r, problems)
}

/// Records a problem of the current unit.
pub fn report(problem: Unscanned) {
    PROBLEMS.with(|p| {
        let mut p = p.borrow_mut();
        if !p.contains(&problem) {
            p.push(problem);
        }
    });
}

fn exhaust(why: &'static str) {
    STATE.with(|s| {
        let mut st = s.get();
        st.left = 0;
        st.exhausted.get_or_insert(why);
        s.set(st);
    });
}

/// Spends `units`; false (and the budget is gone) when they are not there.
pub fn spend(units: u64) -> bool {
    STATE.with(|s| {
        let mut st = s.get();
        if st.exhausted.is_some() {
            return false;
        }
        if st.left < units {
            st.left = 0;
            st.exhausted = Some("the evaluation budget ran out");
            s.set(st);
            return false;
        }
        st.left -= units;
        s.set(st);
        true
    })
}

/// The cost units left (an upper bound for walks that measure values).
pub fn left() -> u64 {
    STATE.with(|s| s.get().left)
}

/// The cost of `n` bytes of string.
pub fn bytes_cost(n: usize) -> u64 {
    (n / BYTES_PER_UNIT) as u64
}

/// May a string of `len` bytes be built? One over the size limit exhausts the budget (its
/// cost is spent when the evaluator measures the value it becomes).
pub fn fits_string(len: usize) -> bool {
    if len > MAX_STRING_BYTES {
        exhaust("a string grew over the size limit");
        return false;
    }
    left() > 0
}

/// One more module instance; false when the file has expanded its share.
pub fn module_instance() -> bool {
    STATE.with(|s| {
        let mut st = s.get();
        if st.modules == 0 {
            exhaust("module calls expanded to too many instances");
            return false;
        }
        st.modules -= 1;
        s.set(st);
        true
    })
}

/// A human sentence for the diagnostic.
pub fn describe(why: &str) -> String {
    format!("Terraform evaluation stopped: {why} (limits per unit: {MAX_EVAL_COST} cost units, {MAX_STRING_BYTES}-byte strings, {MAX_MODULE_INSTANCES} module instances per file); values past it are unknown; not fully scanned")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_fresh_and_nested_units_restore_the_outer_one() {
        let ((), outer) = scoped(|| {
            assert!(spend(MAX_EVAL_COST - 10));
            let ((), inner) = scoped(|| assert!(spend(MAX_EVAL_COST)));
            assert!(inner.is_empty());
            assert_eq!(left(), 10);
            assert!(!spend(11));
            assert!(!spend(1), "an exhausted budget stays exhausted");
        });
        assert_eq!(outer.len(), 1);
        let ((), again) = scoped(|| assert!(spend(1)));
        assert!(again.is_empty());
        let ((), big) = scoped(|| assert!(!fits_string(MAX_STRING_BYTES + 1)));
        assert!(big[0].message.contains("string"));
    }
}
