//! The `sakip` binary: everything is in the `sakip-cli` crate.

/// mimalloc: many small allocations on several threads (a rollup) cost a
/// third less time than with the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    sakip_cli::main()
}
