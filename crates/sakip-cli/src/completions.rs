//! `sakip completions bash|zsh|fish|powershell`: the shell's completion
//! script for every command and option, generated from the same clap
//! definition the commands are parsed with (so it cannot fall behind).
//!
//! Install, for example: `sakip completions bash > ~/.local/share/bash-completion/completions/sakip`.

use crate::Io;
use clap::CommandFactory;
use clap_complete::Shell;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The shell to write completions for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Writes the completion script to standard output.
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    let mut cmd = crate::Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "sakip", &mut io.out);
    Ok(0)
}
