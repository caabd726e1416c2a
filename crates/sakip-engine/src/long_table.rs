//! Many units' rows in one long CSV, as a ministry exports them from its
//! database, evaluated against given rule sets (**contract**):
//!
//! ```text
//! satker,kanwil,indikator[,satker_name][,target],realisasi | tw1..tw4 | smt1,smt2
//! ```
//!
//! A row's `kanwil` that names a given Kanwil rule set is evaluated under
//! it; any other value only groups the rows, under the national rules.
//! Numbers are in plain notation with a decimal point, as databases write
//! them (`1.500` is one and a half); an empty cell is a figure not
//! reported. A missing `target` takes the target in force in the rules.
//!
//! The file is read as a stream: the rows of one satker follow each other
//! (as `ORDER BY satker` gives them), a batch of units is evaluated on all
//! cores, handed on in file order, and dropped. A bad row is reported with
//! its `file:line`, column and a fix, and left out.

use crate::rollup::{Evaluated, Outcome, Selection, BATCH};
use camino::{Utf8Path, Utf8PathBuf};
use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};
use sakip_core::data::{RealisasiEntry, TidakDiukur, UnitData};
use sakip_core::evaluate::Agreement;
use sakip_core::model::Origin;
use sakip_core::model::{Perjanjian, Quantity, RuleSetInfo, Target, TingkatAturan};
use sakip_core::periode::Periode;
use sakip_core::rekap::{basis_of, figures_of, Tally, UnitRecord};
use sakip_core::{Code, Lang, Problem, Text};
use sakip_rules::{LoadedUnit, RuleError, Shared};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

/// The rule sets rows are evaluated against: the national one, and Kanwil
/// ones by id.
pub struct RuleSets {
    national: Base,
    kanwil: HashMap<String, Base>,
}

/// One rule set rows are evaluated under, with its indicators' ids indexed
/// once per run: every row asks whether its `indikator` is known.
struct Base {
    loaded: LoadedUnit,
    known: FxHashSet<String>,
}

impl Base {
    fn new(loaded: LoadedUnit) -> Self {
        let known = loaded.rules.indikator.iter().map(|i| i.id.clone()).collect();
        Self { loaded, known }
    }
}

impl RuleSets {
    /// Loads the rule sets given with `--rules` (folders or header files):
    /// exactly one national, any number of Kanwil ones.
    pub fn load(paths: &[Utf8PathBuf]) -> Result<Self, Vec<RuleError>> {
        let shared = Shared::for_batch();
        let mut national = None;
        let mut kanwil = HashMap::new();
        let mut errors = Vec::new();
        for path in paths {
            match sakip_rules::load_rule_set_with(path, &shared) {
                Ok(set) => match set.rules.chain.last().map(|r| (r.tingkat, r.id.clone())) {
                    Some((TingkatAturan::Nasional, _)) if national.is_none() => national = Some(Base::new(set)),
                    Some((TingkatAturan::Nasional, _)) => errors.push(
                        RuleError::path_says(
                            path.as_str(),
                            Code::RulesNationalTwice,
                            Text::new("rules-national-twice"),
                        )
                        .help_says(Text::new("rules-national-twice-help")),
                    ),
                    Some((TingkatAturan::Kanwil, id)) => {
                        kanwil.insert(id, Base::new(set));
                    }
                    _ => errors.push(
                        RuleError::path_says(path.as_str(), Code::RulesLevel, Text::new("rules-level"))
                            .help_says(Text::new("rules-level-help")),
                    ),
                },
                Err(e) => errors.extend(e),
            }
        }
        // A Kanwil rule set carries the national rules it builds on.
        if national.is_none() && errors.is_empty() {
            if let Some(first) = paths.first() {
                errors.push(
                    RuleError::path_says(
                        first.as_str(),
                        Code::RulesNationalMissing,
                        Text::new("rules-national-missing"),
                    )
                    .help_says(Text::new("rules-national-missing-help")),
                );
            }
        }
        match national {
            Some(national) if errors.is_empty() => Ok(Self { national, kanwil }),
            _ => Err(errors),
        }
    }
}

/// A row that cannot be used, and how to fix it: a [`Problem`] whose place
/// is the file and line (the header is line 1), and whose message starts
/// with the column at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub code: Code,
    /// The file and its 1-based line; no column number (see `column`).
    pub at: Origin,
    /// The name of the column at fault, as the header writes it.
    pub column: Option<String>,
    /// The message (without the column; [`Problem::message_in`] puts
    /// "column `x`: " before it) and the help from the catalogue.
    pub text: Text,
    pub help: Option<Text>,
}

impl RowError {
    fn new(code: Code, file: &str, line: u64, column: Option<&str>, text: Text, help: Option<Text>) -> Self {
        Self {
            code,
            at: Origin::new(file, u32::try_from(line).unwrap_or(u32::MAX), 0),
            column: column.map(str::to_string),
            text,
            help,
        }
    }
}

impl Problem for RowError {
    fn code(&self) -> Code {
        self.code
    }
    fn location(&self) -> Option<&Origin> {
        Some(&self.at)
    }
    fn message_in(&self, lang: Lang) -> String {
        match &self.column {
            Some(c) => Text::new("row-column")
                .arg("column", c)
                .arg("message", self.text.render(lang))
                .render(lang),
            None => self.text.render(lang),
        }
    }
    fn help_in(&self, lang: Lang) -> Option<String> {
        self.help.as_ref().map(|h| h.render(lang))
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message_in(Lang::En))
    }
}

/// A file that cannot be read as a long table at all (missing columns, not
/// UTF-8, unreadable): the run stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError(pub Box<RowError>);

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Where each column is.
#[derive(Debug, Clone)]
struct Columns {
    satker: usize,
    kanwil: usize,
    indikator: usize,
    satker_name: Option<usize>,
    target: Option<usize>,
    values: Vec<(Periode, usize)>,
}

const PERIOD_COLUMNS: [(&str, Periode); 7] = [
    ("realisasi", Periode::Tahun),
    ("tw1", Periode::Tw1),
    ("tw2", Periode::Tw2),
    ("tw3", Periode::Tw3),
    ("tw4", Periode::Tw4),
    ("smt1", Periode::Smt1),
    ("smt2", Periode::Smt2),
];

impl Columns {
    fn find(file: &str, header: &csv::StringRecord) -> Result<Self, FileError> {
        let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
        let at = |name: &str| names.iter().position(|n| n == name);
        let missing = |name: &str| {
            FileError(Box::new(RowError::new(
                Code::TableHeader,
                file,
                1,
                Some(name),
                Text::new("table-no-column").arg("name", name),
                Some(Text::new("table-columns-help")),
            )))
        };
        if names.iter().all(|n| n.is_empty()) {
            return Err(FileError(Box::new(RowError::new(
                Code::TableHeader,
                file,
                1,
                None,
                Text::new("table-empty"),
                Some(Text::new("table-empty-help")),
            ))));
        }
        let satker = at("satker").ok_or_else(|| missing("satker"))?;
        let kanwil = at("kanwil").ok_or_else(|| missing("kanwil"))?;
        let indikator = at("indikator").ok_or_else(|| missing("indikator"))?;
        let values: Vec<(Periode, usize)> = PERIOD_COLUMNS
            .iter()
            .filter_map(|(name, p)| at(name).map(|i| (*p, i)))
            .collect();
        if values.is_empty() {
            return Err(missing("realisasi"));
        }
        Ok(Self {
            satker,
            kanwil,
            indikator,
            satker_name: at("satker_name"),
            target: at("target"),
            values,
        })
    }
}

/// One row as read, its numbers not parsed yet (that happens on the workers).
struct RawRow {
    line: u64,
    record: csv::StringRecord,
}

/// The rows of one satker.
struct RawUnit {
    file: usize,
    satker: String,
    rows: Vec<RawRow>,
}

/// What a long-table run found besides the units.
#[derive(Debug, Default)]
pub struct Stats {
    pub bad_rows: u64,
    /// `kanwil` values with no rule set of their own (grouped under the national rules).
    pub kanwil_without_rules: Vec<String>,
    /// The evaluated units added up (on the workers).
    pub tally: Tally,
}

/// Reads the long tables in `files` and evaluates each satker's rows; `work`,
/// `sink` and `tick` as in [`crate::rollup::run_folders`]; `bad_row` gets
/// each bad row in file order. With `strict`, the first bad row stops the
/// run, as a file that cannot be read as a table does (the error).
#[allow(clippy::too_many_arguments)]
pub fn run<T, W, S>(
    rules: &RuleSets,
    files: &[Utf8PathBuf],
    selection: &Selection,
    options: Options,
    work: W,
    mut sink: S,
    bad_row: &mut dyn FnMut(&RowError),
    tick: &(dyn Fn() + Sync),
) -> Result<Stats, FileError>
where
    T: Send,
    W: Fn(&Evaluated<'_>) -> T + Sync,
    S: FnMut(Outcome<T>),
{
    let mut stats = Stats::default();
    let mut told: HashSet<String> = HashSet::new();
    let names: Vec<String> = files.iter().map(|f| f.to_string()).collect();
    // The columns of every file, found before any row is read.
    let mut columns: Vec<Columns> = Vec::new();
    for path in files {
        let mut reader = open(path)?;
        let header = reader.headers().map_err(|e| read_error(path.as_str(), 1, &e))?.clone();
        columns.push(Columns::find(path.as_str(), &header)?);
    }
    let mut fatal = None;
    let columns = &columns;
    let tallies = crate::pipeline::run(
        |send: &mut dyn FnMut(Result<Vec<Pending>, FileError>) -> bool| {
            if let Err(e) = read_units(files, columns, send) {
                send(Err(e));
            }
        },
        Tally::default,
        |tally: &mut Tally, place, pending: &Pending| match pending {
            Pending::Unit(u) => {
                let r = evaluate_rows(rules, u, &names, columns, selection, options.angka, &work, tally, place);
                tick();
                r
            }
            Pending::Bad(e) => (vec![e.clone()], None),
        },
        |batch| {
            let done = match batch {
                Ok(done) => done,
                Err(e) => {
                    fatal = Some(e);
                    return false;
                }
            };
            for (errors, outcome) in done {
                for e in errors {
                    if options.strict {
                        // The run cannot complete: nothing of it is kept.
                        fatal = Some(FileError(Box::new(e)));
                        return false;
                    }
                    stats.bad_rows += 1;
                    bad_row(&e);
                }
                if let Some(o) = outcome {
                    if let Outcome::Done { record, .. } = &o {
                        if !rules.kanwil.contains_key(&record.kanwil_id) && told.insert(record.kanwil_id.clone()) {
                            stats.kanwil_without_rules.push(record.kanwil_id.clone());
                        }
                    }
                    sink(o);
                }
            }
            true
        },
    );
    match fatal {
        Some(e) => Err(e),
        None => {
            stats.tally = tallies.into_iter().collect();
            Ok(stats)
        }
    }
}

/// Reads the files' rows, groups each satker's rows into a unit, and sends
/// them a batch at a time; stops when `send` says so.
fn read_units(
    files: &[Utf8PathBuf],
    columns: &[Columns],
    send: &mut dyn FnMut(Result<Vec<Pending>, FileError>) -> bool,
) -> Result<(), FileError> {
    let mut finished: HashSet<String> = HashSet::new();
    let mut batch: Vec<Pending> = Vec::with_capacity(BATCH);
    let mut units_in_batch = 0;
    for (index, path) in files.iter().enumerate() {
        let name = path.as_str();
        let Some(cols) = columns.get(index) else { continue };
        let mut reader = open(path)?;
        let mut record = csv::StringRecord::new();
        let mut current: Option<RawUnit> = None;
        loop {
            let before = reader.position().line();
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) if matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) => {
                    batch.push(Pending::Bad(read_error_row(name, before, &e)));
                    continue;
                }
                Err(e) => return Err(read_error(name, before, &e)),
            }
            let line = record.position().map_or(before, csv::Position::line);
            let satker = record.get(cols.satker).unwrap_or("").trim();
            if current.as_ref().is_none_or(|u| u.satker != satker) {
                if let Some(done) = current.take() {
                    finished.insert(done.satker.clone());
                    batch.push(Pending::Unit(done));
                    units_in_batch += 1;
                    if units_in_batch >= BATCH {
                        units_in_batch = 0;
                        if !send(Ok(std::mem::take(&mut batch))) {
                            return Ok(());
                        }
                    }
                }
                if finished.contains(satker) {
                    batch.push(Pending::Bad(RowError::new(
                        Code::RowInvalid,
                        name,
                        line,
                        Some("satker"),
                        Text::new("row-satker-scattered").arg("satker", satker),
                        Some(Text::new("row-satker-scattered-help")),
                    )));
                    continue;
                }
                current = Some(RawUnit {
                    file: index,
                    satker: satker.to_string(),
                    rows: Vec::new(),
                });
            }
            if let Some(u) = current.as_mut() {
                // Hand the record over and read the next into a new one: no copy.
                let capacity = record.len();
                u.rows.push(RawRow {
                    line,
                    record: std::mem::replace(&mut record, csv::StringRecord::with_capacity(64, capacity)),
                });
            }
        }
        if let Some(done) = current.take() {
            finished.insert(done.satker.clone());
            batch.push(Pending::Unit(done));
        }
    }
    if !batch.is_empty() {
        send(Ok(batch));
    }
    Ok(())
}

/// What waits in a batch: a unit's rows, or a row the reader already found bad.
enum Pending {
    Unit(RawUnit),
    Bad(RowError),
}

fn open(path: &Utf8Path) -> Result<csv::Reader<std::fs::File>, FileError> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_path(path)
        .map_err(|e| read_error(path.as_str(), 0, &e))
}

fn read_error(file: &str, line: u64, e: &csv::Error) -> FileError {
    FileError(Box::new(read_error_row(file, line, e)))
}

fn read_error_row(file: &str, line: u64, e: &csv::Error) -> RowError {
    let (line, message, help) = match e.kind() {
        csv::ErrorKind::Utf8 { pos, .. } => (
            pos.as_ref().map(|p| p.line()).unwrap_or(line),
            Text::new("table-not-utf8"),
            Text::new("table-not-utf8-help"),
        ),
        csv::ErrorKind::UnequalLengths { pos, expected_len, len } => (
            pos.as_ref().map(|p| p.line()).unwrap_or(line),
            Text::new("table-cells").arg("len", len).arg("expected", expected_len),
            Text::new("table-cells-help"),
        ),
        _ => (line, Text::new("raw").arg("text", e), Text::new("table-not-csv-help")),
    };
    RowError::new(Code::TableUnreadable, file, line, None, message, Some(help))
}

/// How a long table is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Stop after the first bad row.
    pub strict: bool,
    pub angka: Angka,
}

/// How the numbers of a long table are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Angka {
    /// As databases write them: a decimal point, no grouping (`1.500` is
    /// one and a half). The **contract** of `--data`.
    #[default]
    Plain,
    /// As Indonesian spreadsheets write them and `import` reads them:
    /// `77,5`, `1.938.261.000`; `1.500` is an error (ambiguous).
    Indonesia,
}

impl Angka {
    fn read(self, cell: &str) -> Result<Option<Decimal>, Text> {
        match self {
            Angka::Plain => number(cell),
            Angka::Indonesia => match cell.trim() {
                "" => Ok(None),
                text => sakip_core::angka::read_decimal(text).map(Some),
            },
        }
    }

    /// How to write a number this way.
    fn help(self) -> Text {
        Text::new(match self {
            Angka::Plain => "row-number-plain-help",
            Angka::Indonesia => "row-number-indonesia-help",
        })
    }
}

/// A number in plain notation (`77.5`, `-3`, `1500`); `None` for an empty cell.
fn number(cell: &str) -> Result<Option<Decimal>, Text> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    if !cell.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') {
        return Err(Text::new("row-not-plain").arg("text", cell));
    }
    Decimal::from_str(cell)
        .map(Some)
        .map_err(|_| Text::new("row-not-plain").arg("text", cell))
}

/// Evaluates one satker's rows and adds its figures to `tally`; the rows
/// that cannot be used are returned as errors and left out.
#[allow(clippy::too_many_arguments)]
fn evaluate_rows<'r, T>(
    rules: &RuleSets,
    unit: &'r RawUnit,
    files: &[String],
    columns: &[Columns],
    selection: &Selection,
    angka: Angka,
    work: &(impl Fn(&Evaluated<'_>) -> T + Sync),
    tally: &mut Tally,
    place: u64,
) -> (Vec<RowError>, Option<Outcome<T>>) {
    let file = files.get(unit.file).map(String::as_str).unwrap_or("");
    let Some(cols) = columns.get(unit.file) else {
        return (Vec::new(), None);
    };
    let mut errors = Vec::new();
    // Cells are read in place: nothing is allocated per cell.
    let cell = |r: &'r RawRow, i: usize| r.record.get(i).unwrap_or("").trim();
    let Some(first) = unit.rows.first() else {
        return (errors, None);
    };
    let kanwil = cell(first, cols.kanwil);
    if !selection.keeps(kanwil) {
        return (errors, None);
    }
    let with_rules = rules.kanwil.get(kanwil);
    let base = with_rules.unwrap_or(&rules.national);
    let year = selection.year;
    let mut data = UnitData::new(year);
    let mut ids: Vec<String> = Vec::with_capacity(unit.rows.len());
    let mut targets: Vec<(&str, Quantity)> = Vec::new();
    let mut seen: FxHashMap<&str, u64> = FxHashMap::default();
    let mut name = None;
    for row in &unit.rows {
        let bad = |column: &str, message: Text, help: Option<Text>| {
            RowError::new(Code::RowInvalid, file, row.line, Some(column), message, help)
        };
        if cell(row, cols.kanwil) != kanwil {
            errors.push(bad(
                "kanwil",
                Text::new("row-other-kanwil")
                    .arg("satker", &unit.satker)
                    .arg("kanwil", kanwil),
                Some(Text::new("row-other-kanwil-help")),
            ));
            continue;
        }
        let id = cell(row, cols.indikator);
        if !base.known.contains(id) {
            let known = base.loaded.rules.indikator.iter().map(|i| i.id.as_str());
            let help = sakip_rules::error::did_you_mean(id, known)
                .map(|s| Text::new("did-you-mean").arg("word", s))
                .unwrap_or_else(|| Text::new("row-unknown-indicator-help"));
            errors.push(bad(
                "indikator",
                Text::new("row-unknown-indicator").arg("id", id),
                Some(help),
            ));
            continue;
        }
        if let Some(line) = seen.get(id) {
            errors.push(bad(
                "indikator",
                Text::new("row-twice")
                    .arg("id", id)
                    .arg("satker", &unit.satker)
                    .arg("line", line),
                Some(Text::new("row-twice-help")),
            ));
            continue;
        }
        let mut values = Vec::new();
        let mut broken = false;
        // A qualitative indikator's cells are its scale's values (`WTP`):
        // looked up only when a cell is not a number, which is rare.
        let skala = || base.loaded.rules.indikator(id).and_then(|i| i.skala.as_ref());
        // An unreadable cell: what is wrong, and the fix when it is not
        // the number format's (boxed: a rare path, kept off the stack).
        let read = |text: &str| -> Result<Option<Quantity>, Box<(Text, Option<Text>)>> {
            match angka.read(text) {
                Ok(v) => Ok(v.map(Quantity::plain)),
                Err(message) => match skala() {
                    Some(s) if s.position(text).is_some() => Ok(Some(Quantity::label(text))),
                    Some(s) => Err(Box::new((
                        Text::new("skala-not-on-scale").arg("id", id).arg("value", text),
                        Some(Text::new("skala-not-on-scale-help").arg("scale", s.written())),
                    ))),
                    None => Err(Box::new((message, None))),
                },
            }
        };
        let mut not_measured = false;
        for (periode, i) in &cols.values {
            if sakip_core::data::says_tidak_diukur(cell(row, *i)) {
                not_measured = true;
                continue;
            }
            match read(cell(row, *i)) {
                Ok(Some(q)) => values.push((*periode, q)),
                Ok(None) => {}
                Err(e) => {
                    let (message, help) = *e;
                    errors.push(bad(
                        periode_column(*periode),
                        message,
                        help.or_else(|| Some(angka.help())),
                    ));
                    broken = true;
                }
            }
        }
        let target = match cols.target.map(|i| read(cell(row, i))) {
            Some(Err(e)) => {
                let (message, help) = *e;
                errors.push(bad(
                    "target",
                    message,
                    help.or_else(|| {
                        Some(Text::new(match angka {
                            Angka::Plain => "row-target-plain-help",
                            Angka::Indonesia => "row-target-indonesia-help",
                        }))
                    }),
                ));
                broken = true;
                None
            }
            Some(Ok(t)) => t,
            None => None,
        };
        if broken {
            continue;
        }
        if not_measured && !values.is_empty() {
            errors.push(bad(
                "realisasi",
                Text::new("row-not-measured-and-values"),
                Some(Text::new("row-not-measured-and-values-help")),
            ));
            continue;
        }
        if values.iter().any(|(p, _)| *p == Periode::Tahun) && values.len() > 1 {
            errors.push(bad(
                "realisasi",
                Text::new("row-year-and-periods"),
                Some(Text::new("row-year-and-periods-help")),
            ));
            continue;
        }
        seen.insert(id, row.line);
        if name.is_none() {
            name = cols.satker_name.map(|i| cell(row, i)).filter(|n| !n.is_empty());
        }
        if let Some(t) = target {
            targets.push((id, t));
        }
        if !values.is_empty() || not_measured {
            data.realisasi.push(RealisasiEntry {
                indicator: id.to_string(),
                values,
                printed_capaian: None,
                tidak_diukur: not_measured.then(TidakDiukur::default),
                origin: None,
            });
        }
        ids.push(id.to_string());
    }
    if ids.is_empty() {
        return (errors, None);
    }
    let agreement = Agreement {
        satker: RuleSetInfo {
            id: unit.satker.clone(),
            name: name.unwrap_or(&unit.satker).to_string(),
            tingkat: TingkatAturan::Satker,
            dasar: Vec::new(),
            origin: None,
        },
        perjanjian: Perjanjian {
            year,
            dasar: Vec::new(),
            indikator: ids,
            anggaran: Vec::new(),
            origin: None,
        },
        targets: targets
            .into_iter()
            .map(|(id, value)| {
                let target = Target {
                    year,
                    value,
                    periode: Vec::new(),
                    tingkat: TingkatAturan::Satker,
                    source: unit.satker.clone(),
                    dasar: None,
                    origin: None,
                };
                (id.to_string(), target)
            })
            .collect(),
    };
    let base = &base.loaded;
    let mut ev = sakip_core::evaluate::evaluate_agreement(
        &base.rules,
        &agreement,
        &data,
        &base.scripts.for_year(year),
        sakip_core::evaluate::Options {
            trace: false,
            until: selection.until,
        },
    );
    sakip_core::tahun_lalu::compare(&mut ev, None, &base.rules);
    let mut record = UnitRecord::new(&unit.satker, &ev, &base.rules);
    if with_rules.is_none() {
        // Grouped by the value, evaluated under the national rules.
        record.kanwil_id = kanwil.to_string();
        record.kanwil_name = kanwil.to_string();
    }
    let output = work(&Evaluated {
        path: &unit.satker,
        rules: &base.rules,
        scripts: &base.scripts,
        evaluation: &ev,
        record: &record,
    });
    tally.add(&record, figures_of(&ev), place);
    let basis = basis_of(&base.rules, year);
    (errors, Some(Outcome::Done { record, basis, output }))
}

fn periode_column(p: Periode) -> &'static str {
    match p {
        Periode::Tahun => "realisasi",
        other => other.keyword(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn numbers_the_indonesian_way_when_asked() {
        let id = Angka::Indonesia;
        assert_eq!(id.read("77,5").unwrap(), Some(Decimal::from_str("77.5").unwrap()));
        assert_eq!(id.read("1.938.261.000").unwrap(), Some(Decimal::from(1_938_261_000u64)));
        assert_eq!(id.read(" ").unwrap(), None);
        assert_eq!(id.read("1.500").unwrap_err().id, "number-ambiguous");
        assert!(Angka::Plain.read("77,5").is_err());
    }

    #[test]
    fn numbers_are_plain_and_exact() {
        assert_eq!(number("1.500").unwrap(), Some(Decimal::from_str("1.5").unwrap()));
        assert_eq!(number(" 77.5 ").unwrap(), Some(Decimal::from_str("77.5").unwrap()));
        assert_eq!(number("").unwrap(), None);
        for bad in ["77,5", "1e3", "Rp 5", "1.938.261.000", "--1", "abc", "NaN"] {
            assert!(number(bad).is_err(), "{bad}");
        }
    }
}
