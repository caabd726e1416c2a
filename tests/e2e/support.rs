//! Running the `sakip` binary from tests.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The repository root: paths in commands and in output are relative to it.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `sakip` in `dir` with no colour and no terminal width, so that the
/// output is the same on every machine.
pub fn sakip_in(dir: &Path, args: &[&str]) -> Run {
    sakip_env(dir, args, &[])
}

/// [`sakip_in`] with environment variables set (`RAYON_NUM_THREADS`).
pub fn sakip_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_sakip"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        // The snapshots were taken in English; tests of Indonesian output
        // pass `--lang id` (the default without a locale) or their own LANG.
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        // A message id chosen at run time that the catalogue lacks is said
        // on standard error (see `sakip_core::i18n::missing_ids`).
        .env("SAKIP_CHECK_MESSAGES", "1")
        .envs(env.iter().copied())
        .output()
        .expect("the sakip binary runs");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains(sakip_core::i18n::MISSING_MARK),
        "sakip {args:?} named a message the catalogue lacks:\n{}",
        run.stderr
    );
    run
}

pub fn sakip(args: &[&str]) -> Run {
    sakip_in(&root(), args)
}

/// A tree written by `sakip_bench::generate` as `spec` says, afresh in a
/// scratch folder named `name`: the folder, and what was written where.
pub fn generated(name: &str, spec: &sakip_bench::Spec) -> (PathBuf, sakip_bench::Written) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let out = camino::Utf8PathBuf::from_path_buf(dir.clone()).unwrap();
    let written = sakip_bench::generate(spec, &out).unwrap();
    (dir, written)
}

/// A copy of the seed's unit together with the rules it builds on, in a
/// scratch folder, so that a test can break a file without touching the repo.
pub fn scratch_copy(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for sub in [
        "rules/ditjenpas",
        "rules/kanwil-sumsel",
        "rules/kanwil-contoh",
        "examples/lapas-sarolangun-rawas",
    ] {
        copy_into(&dir, sub);
    }
    dir
}

/// Copies the files of the repository's folder `sub` into `dir/sub`.
pub fn copy_into(dir: &Path, sub: &str) {
    std::fs::create_dir_all(dir.join(sub)).unwrap();
    for entry in std::fs::read_dir(root().join(sub)).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        std::fs::copy(&path, dir.join(sub).join(path.file_name().unwrap())).unwrap();
    }
}

/// Rewrites the one line of `path` that contains `marker` (`None` deletes
/// it), so that tests do not depend on how `fmt` aligns a file.
pub fn edit_line(path: &Path, marker: &str, edit: impl Fn(&str) -> Option<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut hits = 0;
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        if line.contains(marker) {
            hits += 1;
            if let Some(new) = edit(line.trim_end_matches('\n')) {
                out.push_str(&new);
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    assert_eq!(
        hits,
        1,
        "`{marker}` should be on exactly one line of {}",
        path.display()
    );
    std::fs::write(path, out).unwrap();
}

/// `sakip report` of the seed's unit to `out`, which must succeed and say
/// where it wrote.
pub fn report_to(out: &Path, format: &str, year: &str, extra: &[&str]) {
    let out = out.to_str().unwrap();
    let mut args = vec![
        "report",
        "examples/lapas-sarolangun-rawas",
        "--year",
        year,
        "--format",
        format,
        "-o",
        out,
    ];
    args.extend_from_slice(extra);
    // Reports were snapshotted in their default language, Indonesian.
    if !extra.contains(&"--lang") {
        args.extend_from_slice(&["--lang", "id"]);
    }
    let run = sakip(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let english = args.windows(2).any(|w| w == ["--lang", "en"]);
    let wrote = if english { "wrote" } else { "ditulis" };
    assert_eq!(run.stdout, format!("{wrote} {out}\n"));
}

/// `sakip eval <unit> --year <year> --format json`, which must succeed, parsed.
pub fn eval_json(unit: &str, year: &str) -> serde_json::Value {
    eval_json_in(&root(), unit, year)
}

/// [`eval_json`] run in `dir` (a scratch copy).
pub fn eval_json_in(dir: &Path, unit: &str, year: &str) -> serde_json::Value {
    let run = sakip_in(dir, &["eval", unit, "--year", year, "--format", "json"]);
    assert_eq!(run.code, 0, "{unit} {year}: {}", run.stderr);
    serde_json::from_str(&run.stdout).expect("eval --format json prints one JSON object")
}

/// The indicator `id` of an evaluation's JSON.
pub fn indikator<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("`{id}` is an evaluated indicator"))
}

/// Every file under `dir` (links not followed) and its bytes: what a test
/// compares before and after an attack.
pub fn files_under(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            if meta.is_dir() {
                stack.push(p);
            } else if meta.is_file() {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// Whether a check's answer holds no error.
pub fn no_error(check: &serde_json::Value) -> bool {
    check["problems"]
        .as_array()
        .is_some_and(|ps| ps.iter().all(|p| p["severity"] != "error"))
}

/// The workbook a command wrote at `path`, opened for reading back.
pub fn workbook(path: &Path) -> calamine::Xlsx<std::io::Cursor<Vec<u8>>> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("a valid workbook")
}
