//! The `sakip` binary: everything is in the `sakip-cli` crate.

fn main() -> std::process::ExitCode {
    sakip_cli::main()
}
