//! The one place a script engine is made, with every limit named.
//!
//! Scripts come from many hands; none may hang the tool, read a file, or
//! change a result from one run to the next. Rhai's `Engine::new` would let a
//! script `import` any file, so the module resolver is replaced and both
//! `import` and `eval` are disabled; the crate is built without floats (numbers are decimals) and
//! without the clock (`no_time`); Rhai has no randomness, file or network
//! functions of its own; `print` and `debug` go nowhere.

use rhai::module_resolvers::DummyModuleResolver;
use rhai::Engine;
use std::sync::OnceLock;

/// Operations one call may run: a formula takes tens; a loop that never
/// ends stops here in a few milliseconds.
pub const MAX_OPERATIONS: u64 = 100_000;
/// Nested function calls (recursion).
pub const MAX_CALL_LEVELS: usize = 32;
/// Nesting of expressions at the top level and inside functions.
pub const MAX_EXPR_DEPTH: usize = 64;
pub const MAX_FUNCTION_EXPR_DEPTH: usize = 32;
/// Bytes in one string.
pub const MAX_STRING_SIZE: usize = 4_096;
/// Items in one array (a unit has some 50 indicators).
pub const MAX_ARRAY_SIZE: usize = 10_000;
/// Properties in one map.
pub const MAX_MAP_SIZE: usize = 1_000;

/// A sandboxed engine for sakip scripts.
pub fn engine() -> Engine {
    let mut engine = Engine::new();
    engine.set_module_resolver(DummyModuleResolver::new());
    engine.set_max_modules(0);
    // `eval` would compile code at run time; `import` would read a file.
    // Both are refused when a script is compiled, with its position.
    engine.disable_symbol("eval");
    engine.disable_symbol("import");
    engine.set_max_operations(MAX_OPERATIONS);
    engine.set_max_call_levels(MAX_CALL_LEVELS);
    engine.set_max_expr_depths(MAX_EXPR_DEPTH, MAX_FUNCTION_EXPR_DEPTH);
    engine.set_max_string_size(MAX_STRING_SIZE);
    engine.set_max_array_size(MAX_ARRAY_SIZE);
    engine.set_max_map_size(MAX_MAP_SIZE);
    // Typos are errors, not silent `()`: undeclared variables fail to
    // compile, and reading a property a map lacks fails at run time.
    engine.set_strict_variables(true);
    engine.set_fail_on_invalid_map_property(true);
    engine.on_print(|_| {});
    engine.on_debug(|_, _, _| {});
    engine
}

/// The one engine of the process, shared by every script set and thread
/// (Rhai's `sync` feature makes it `Send + Sync`). Limits are per call, so
/// one engine serves every unit; making one per unit would cost more than
/// evaluating a small unit.
pub fn shared() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(engine)
}
