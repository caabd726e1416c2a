//! One rule set checked with the chain it builds on: the single path from
//! files to what is in force. Every load goes through [`analyse`]: the
//! commands that evaluate a unit (`eval`, `explain`, `report`, `test`,
//! `rollup`) take its result as a [`LoadedUnit`] when it holds no error,
//! `check` reports its problems, and the editor's [`crate::tree::RuleTree`]
//! keeps one per rule set with its symbol index and what is in force.

use crate::error::RuleError;
use crate::resolve::loader::Loader;
use crate::resolve::lower::header_tingkat;
use crate::resolve::{dedup, folder_of, LoadedUnit};
use crate::source::{FileId, SourceFile, SourceMap};
use crate::symbols::{Symbol, SymbolKind, Symbols};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::data::UnitData;
use sakip_core::model::{Indikator, RuleSet, Rumus, Target, TingkatAturan};
use sakip_core::Severity;
use sakip_script::ScriptSet;
use std::collections::{BTreeMap, BTreeSet};

/// What a caller asks of a folder's rule set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Want {
    /// Any rule set, checked with its chain (`check`, an editor).
    Any,
    /// A unit's: another level is an error (`eval` of a folder).
    Unit,
    /// A unit's, or nothing when the folder holds another level's rules,
    /// which is then not checked (a run over a tree of folders).
    UnitOrNone,
}

/// One rule set of the tree, checked with its chain.
#[derive(Debug)]
pub struct Analysis {
    /// Its header file.
    pub header: Utf8PathBuf,
    /// Its level, when its header parses.
    pub level: Option<TingkatAturan>,
    /// Every file read to check it: its own, the chain's, the scripts'.
    pub sources: SourceMap,
    /// Its problems and those of its chain, errors and warnings.
    pub problems: Vec<RuleError>,
    /// The chain's rules, lowered as far as they could be (with errors,
    /// what lowered before and around them).
    pub rules: Option<RuleSet>,
    /// The scripts, when every one compiled.
    pub scripts: Option<ScriptSet>,
    /// Where each name is declared and named, across the chain.
    pub symbols: Symbols,
    /// The years of its data and agreements, for hover's "in force".
    pub years: BTreeSet<u16>,
    /// The unit's realisasi and budget, per year.
    pub data: BTreeMap<u16, UnitData>,
    /// The rule set's own tests (`uji`).
    pub cases: Vec<sakip_core::uji::Kasus>,
    /// Whether a rule set was found where it was looked for.
    pub found: bool,
    /// Whether it lowered without an error: only then can it be evaluated.
    pub ok: bool,
    /// The files that belong to a rule set that was checked.
    pub checked: BTreeSet<Utf8PathBuf>,
    /// Whether it was slimmed ([`Analysis::slim`]).
    pub slim: bool,
    /// The chain's rule sets, national first and this one last (as in
    /// `rules`, kept when the rules are slimmed away: a front end names a
    /// unit and its Kanwil by them).
    pub chain: Vec<sakip_core::model::RuleSetInfo>,
    /// The years the unit has realisasi for (the keys of `data`, kept when
    /// the data is slimmed away).
    pub data_years: BTreeSet<u16>,
    /// The folders of its chain, kept when the rules are slimmed away.
    listed: Vec<Utf8PathBuf>,
}

impl Analysis {
    /// A rule set known by its header and not yet checked.
    pub(crate) fn empty(header: Utf8PathBuf) -> Self {
        Self {
            header,
            level: None,
            sources: SourceMap::default(),
            problems: Vec::new(),
            rules: None,
            scripts: None,
            symbols: Symbols::default(),
            years: BTreeSet::new(),
            data: BTreeMap::new(),
            cases: Vec::new(),
            found: false,
            ok: false,
            checked: BTreeSet::new(),
            slim: false,
            chain: Vec::new(),
            data_years: BTreeSet::new(),
            listed: Vec::new(),
        }
    }

    /// Keeps what an editor needs of a unit it is not looking at: the
    /// problems, the files read, the folders of the chain, the chain's
    /// names, the years of the data, and the places
    /// its own files name things (for references and rename across the
    /// tree). The lowered rules, the scripts, the data and the tests go:
    /// they are most of an analysis, and a ministry's editor holds 25,000.
    /// Only a unit's analysis is slimmed (once); the national and Kanwil
    /// ones, a few dozen that every unit's hover reads, stay whole.
    pub(crate) fn slim(&mut self) {
        if self.slim || self.level != Some(TingkatAturan::Satker) {
            return;
        }
        self.listed = self.folders().collect();
        let dir = folder_of(&self.header);
        let own: BTreeSet<FileId> = self
            .sources
            .paths()
            .filter(|p| folder_of(p) == dir)
            .filter_map(|p| self.sources.find(p))
            .collect();
        for kind in [
            SymbolKind::Indikator,
            SymbolKind::Sasaran,
            SymbolKind::Band,
            SymbolKind::Fungsi,
        ] {
            let names = self.symbols.of_mut(kind);
            names.retain(|_, symbol| {
                symbol.references.retain(|r| own.contains(&r.file));
                symbol.signature = None;
                !symbol.references.is_empty() || own.contains(&symbol.definition.file)
            });
        }
        self.rules = None;
        self.scripts = None;
        self.data = BTreeMap::new();
        self.years = BTreeSet::new();
        self.cases = Vec::new();
        self.slim = true;
    }

    /// The rule set, ready to evaluate: its errors instead when it has any;
    /// its warnings ride along.
    pub fn into_unit(self) -> Result<LoadedUnit, Vec<RuleError>> {
        let (errors, warnings): (Vec<RuleError>, Vec<RuleError>) =
            self.problems.into_iter().partition(|e| e.severity == Severity::Error);
        if !errors.is_empty() {
            return Err(errors);
        }
        match (self.ok, self.rules, self.scripts) {
            (true, Some(rules), Some(scripts)) => Ok(LoadedUnit {
                sources: self.sources,
                rules,
                data: self.data,
                scripts,
                warnings,
                cases: self.cases,
                symbols: self.symbols,
            }),
            _ => Err(errors),
        }
    }

    /// The file at `path`, when this rule set read it.
    pub fn file(&self, path: &Utf8Path) -> Option<(FileId, &SourceFile)> {
        let id = self.sources.find(path)?;
        Some((id, self.sources.get(id)?))
    }

    /// The folders of the rule sets of the chain.
    pub(crate) fn folders(&self) -> impl Iterator<Item = Utf8PathBuf> + '_ {
        let listed = self.listed.iter().cloned();
        let chain = self
            .rules
            .iter()
            .flat_map(|r| r.chain.iter())
            .filter_map(|info| info.origin.as_ref().map(|o| folder_of(Utf8Path::new(&o.file))))
            .chain(std::iter::once(folder_of(&self.header)));
        let slim = self.slim;
        listed.chain(chain.filter(move |_| !slim))
    }

    /// The name under byte `offset` of `file`.
    pub fn symbol_at(&self, file: FileId, offset: usize) -> Option<(SymbolKind, &str, &Symbol)> {
        self.symbols.at(file, offset)
    }

    /// What is in force for indikator `id` in `year`: the target each level
    /// sets (national, Kanwil, unit; the last one counts) and the formulas.
    pub fn in_force(&self, id: &str, year: u16) -> Option<InForce<'_>> {
        let indikator = self.rules.as_ref()?.indikator(id)?;
        let mut targets: Vec<&Target> = indikator.targets.iter().filter(|t| t.year == year).collect();
        targets.sort_by_key(|t| t.tingkat);
        Some(InForce {
            indikator,
            year,
            targets,
            rumus_realisasi: indikator.rumus_realisasi_in_force(year),
            rumus_capaian: indikator.rumus_capaian_in_force(year),
        })
    }
}

/// What is in force for one indikator in one year.
#[derive(Debug)]
pub struct InForce<'a> {
    pub indikator: &'a Indikator,
    pub year: u16,
    /// The target set at each level, most general first.
    pub targets: Vec<&'a Target>,
    pub rumus_realisasi: Option<&'a Rumus>,
    pub rumus_capaian: Option<&'a Rumus>,
}

/// Checks the rule set in `dir` (the one whose header file is `header`,
/// else the folder's only one) with the chain it builds on, reading through
/// `loader`; its problems are taken out of the loader.
pub(crate) fn analyse(loader: &mut Loader<'_>, dir: &Utf8Path, header: Option<&Utf8Path>, want: Want) -> Analysis {
    let set = loader.rule_set_in(dir, header);
    let level = set.as_ref().and_then(header_tingkat);
    let head = set
        .as_ref()
        .and_then(|s| s.files.first())
        .and_then(|(id, _)| loader.sources.get(*id))
        .map(|f| f.path.clone())
        .or_else(|| header.map(Utf8Path::to_path_buf))
        .unwrap_or_else(|| dir.to_path_buf());
    let mut analysis = Analysis::empty(head);
    analysis.level = level;
    analysis.found = set.is_some();
    let skip = want == Want::UnitOrNone && level != Some(TingkatAturan::Satker);
    let resolved = match set {
        Some(set) if !skip => loader.resolve(set, want != Want::Any),
        _ => None,
    };
    if let Some(r) = resolved {
        analysis.years.extend(r.data.keys().copied());
        analysis.years.extend(r.rules.perjanjian.iter().map(|p| p.year));
        analysis.ok = r.ok;
        analysis.chain = r.rules.chain.clone();
        analysis.data_years = r.data.keys().copied().collect();
        analysis.rules = Some(r.rules);
        analysis.scripts = r.scripts;
        analysis.symbols = r.symbols;
        analysis.data = r.data;
        analysis.cases = r.cases;
    }
    analysis.checked = loader.checked_paths();
    analysis.sources = std::mem::take(&mut loader.sources);
    analysis.problems = dedup(std::mem::take(&mut loader.errors));
    analysis
}
