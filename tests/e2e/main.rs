//! End-to-end tests: the real `sakip` binary, run as its users run it.
//! One test binary (fewer links on a small machine); one module per area.

mod check;
mod eval;
mod seed;
mod support;
