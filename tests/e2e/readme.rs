//! The README's commands, as a newcomer types them: every `sakip ...` line
//! without placeholders runs on a copy of the shipped rules and examples
//! and succeeds; every synopsis line names a command and flags that exist;
//! the set-up commands and the install command refer to what is there.

use crate::support::{root, sakip_in};
use std::path::Path;

/// The lines of the README's code blocks, with `\` continuations joined.
fn command_lines() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut lines = Vec::new();
    let mut in_block = false;
    let mut pending = String::new();
    for line in readme.lines() {
        if line.starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if !in_block {
            continue;
        }
        let line = line.trim();
        if let Some(part) = line.strip_suffix('\\') {
            pending.push_str(part.trim_end());
            pending.push(' ');
            continue;
        }
        pending.push_str(line);
        lines.push(std::mem::take(&mut pending));
    }
    lines
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn every_command_the_readme_shows_runs_as_written() {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme");
    let _ = std::fs::remove_dir_all(&scratch);
    copy_dir(&root().join("rules"), &scratch.join("rules"));
    copy_dir(&root().join("examples"), &scratch.join("examples"));
    let lines = command_lines();
    let mut ran = 0;
    let mut synopses = 0;
    for line in &lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        let args: &[&str] = match words.as_slice() {
            ["sakip", rest @ ..] => rest,
            ["cargo", "run", "--release", "--", rest @ ..] => rest,
            _ => continue,
        };
        if line.contains('<') {
            // A synopsis: the command and each flag it names exist.
            let Some(verb) = args.first() else { continue };
            let help = sakip_in(&scratch, &[verb, "--help"]);
            assert_eq!(help.code, 0, "`sakip {verb}` is a command: {}", help.stderr);
            for flag in args
                .iter()
                .flat_map(|a| a.split(['[', ']', '|']))
                .filter(|a| a.starts_with("--"))
            {
                assert!(help.stdout.contains(flag), "`sakip {verb}` has `{flag}` ({line})");
            }
            synopses += 1;
            continue;
        }
        let run = sakip_in(&scratch, args);
        assert_eq!(run.code, 0, "`{line}` failed:\n{}{}", run.stdout, run.stderr);
        if let Some(at) = args.iter().position(|a| *a == "-o") {
            let out = scratch.join(args[at + 1]);
            assert!(out.is_file(), "`{line}` wrote {}", out.display());
        }
        ran += 1;
    }
    assert!(ran >= 8, "{ran} commands ran");
    assert!(synopses >= 12, "{synopses} synopses");
}

#[test]
fn the_set_up_and_install_commands_refer_to_what_is_there() {
    let lines = command_lines();
    for want in [
        "cargo run --release -- eval examples/lapas-sarolangun-rawas --year 2022",
        "cargo test --workspace",
        "cargo install --path . --locked",
    ] {
        assert!(lines.iter().any(|l| l == want), "the README shows `{want}`");
    }
    // `--path .` installs the root package, whose binary is `sakip`;
    // `--locked` needs the lock file in the repository.
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    assert!(manifest.contains("[[bin]]\nname = \"sakip\""));
    assert!(root().join("Cargo.lock").is_file());
    // Each `cargo bench -p <crate>` the README names has benchmarks.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for (i, _) in readme.match_indices("cargo bench -p ") {
        let name: String = readme[i + 15..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        assert!(
            root().join("crates").join(&name).join("benches").is_dir(),
            "{name} has benches"
        );
    }
}
