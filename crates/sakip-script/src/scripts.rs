//! Compiled scripts and the calls into them.

use crate::sandbox;
use rhai::{CallFnOptions, Dynamic, EvalAltResult, Map, Position, Scope, AST};
use rust_decimal::Decimal;
use sakip_core::host::{HasilIndikator, HookError, HookIndikator, Hooked, ScriptHost};
use sakip_core::model::Origin;
use sakip_core::{Lang, Text};
use std::fmt;
use std::sync::Arc;

/// A script file to compile.
#[derive(Debug, Clone)]
pub struct ScriptSource {
    /// The path as shown to people (`rules/kanwil-sumsel/sumsel.rhai`).
    pub name: String,
    pub text: String,
    /// The level of the rule set that names it: higher is more specific
    /// (national 0, Kanwil 1, unit 2); the most specific definition wins.
    pub level: u8,
    /// `skrip "..." mulai 2023`: in force from that year; `None`, every year.
    pub from_year: Option<u16>,
}

/// A script that does not compile: where (line 0 when Rhai gives no
/// position), and what, from the catalogue (Rhai's own words, or sakip's
/// for what the sandbox refuses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    pub at: Origin,
    pub message: Text,
}

impl fmt::Display for ScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message.render(Lang::En))
    }
}

/// One script file, compiled: shareable by every unit and every thread of
/// a run (a Kanwil's script is compiled once for all its units).
pub struct CompiledScript {
    name: String,
    text: String,
    ast: AST,
    /// Functions the script defines, with their number of parameters.
    functions: Vec<(String, usize)>,
    /// Each function's `fn` line and the words a result it gives names as
    /// its source (`file: fn name`): found once, when the script is
    /// compiled. A hook's result carries both, and finding them by reading
    /// the script's text on every call cost a scan of the script per row.
    places: std::collections::HashMap<String, Place>,
}

/// Where a function of a script is, as a hook's result names it.
#[derive(Debug, Clone)]
struct Place {
    source: String,
    origin: Option<Origin>,
}

impl fmt::Debug for CompiledScript {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CompiledScript").field("name", &self.name).finish()
    }
}

impl CompiledScript {
    /// Compiles one script file; the error names its line and column.
    pub fn compile(name: &str, text: &str) -> Result<Self, ScriptError> {
        match sandbox::shared().compile(text) {
            Ok(mut ast) => {
                ast.set_source(name);
                let functions: Vec<(String, usize)> = ast
                    .iter_functions()
                    .map(|f| (f.name.to_string(), f.params.len()))
                    .collect();
                // The first definition of a name, as a search of the text finds it.
                let mut places = std::collections::HashMap::new();
                for (f, _, _) in crate::index::functions(text) {
                    places.entry(f.to_string()).or_insert_with(|| Place {
                        source: format!("{name}: fn {f}"),
                        origin: definition_line(text, f).map(|(line, col)| Origin::new(name, line, col)),
                    });
                }
                // Every function Rhai compiled has its source, placed or not,
                // so that a hook's result always names `file: fn name`.
                for (f, _) in &functions {
                    places.entry(f.clone()).or_insert_with(|| Place {
                        source: format!("{name}: fn {f}"),
                        origin: None,
                    });
                }
                Ok(Self {
                    name: name.to_string(),
                    text: text.to_string(),
                    ast,
                    functions,
                    places,
                })
            }
            Err(e) => {
                let (line, col) = position(e.position());
                let raw = e.err_type().to_string();
                // Say what the sandbox forbids, and why, rather than Rhai's "reserved keyword".
                let message = if raw.contains("'import'") {
                    Text::new("script-import-refused")
                } else if raw.contains("'eval'") {
                    Text::new("script-eval-refused")
                } else {
                    Text::new("raw").arg("text", raw)
                };
                Err(ScriptError {
                    at: Origin::new(name, line, col),
                    message,
                })
            }
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }
}

/// A compiled script as one rule set names it: at its level, from a year.
#[derive(Clone)]
struct Compiled {
    script: Arc<CompiledScript>,
    level: u8,
    from_year: Option<u16>,
}

impl std::ops::Deref for Compiled {
    type Target = CompiledScript;

    fn deref(&self) -> &CompiledScript {
        &self.script
    }
}

impl Compiled {
    fn in_force(&self, year: u16) -> bool {
        self.from_year.is_none_or(|from| from <= year)
    }
}

/// One script in force, as [`ScriptSet::in_force`] lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptInForce<'a> {
    pub name: &'a str,
    pub level: u8,
    pub from_year: Option<u16>,
    pub functions: Vec<(&'a str, usize)>,
}

/// Every script in force for a unit, compiled once and called many times.
/// It holds shared handles only: cloning it or sending it to another
/// thread copies no script.
#[derive(Clone, Default)]
pub struct ScriptSet {
    scripts: Vec<Compiled>,
    /// What each indicator's map holds on every call (its id, tier, satuan
    /// and polaritas), built once per rule set and shared by every call of
    /// every hook, and by the set's clones.
    bases: Bases,
}

/// An indicator's unchanging fields as a script sees them, by id, with
/// what they were made from (checked on each use: a clone of the set
/// could be used with other rules).
type Bases = Arc<std::sync::RwLock<std::collections::HashMap<String, (BaseKey, Map)>>>;

/// What an indicator's unchanging fields are made of.
struct BaseKey {
    tier: &'static str,
    satuan: String,
    polaritas: &'static str,
}

impl fmt::Debug for ScriptSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.scripts.iter().map(|s| &s.name)).finish()
    }
}

/// The hooks and their number of parameters.
pub const HOOKS: [(&str, usize); 3] = [("capaian", 1), ("klasifikasi", 2), ("nilai_satker", 1)];

fn position(pos: Position) -> (u32, u32) {
    let to = |n: Option<usize>| n.and_then(|v| u32::try_from(v).ok()).unwrap_or(0);
    (to(pos.line()), to(pos.position()))
}

impl ScriptSet {
    /// Compiles every script; all errors are returned, not just the first.
    pub fn compile(sources: Vec<ScriptSource>) -> Result<Self, Vec<ScriptError>> {
        let mut scripts = Vec::new();
        let mut errors = Vec::new();
        for src in sources {
            match CompiledScript::compile(&src.name, &src.text) {
                Ok(script) => scripts.push((Arc::new(script), src.level, src.from_year)),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(Self::from_compiled(scripts))
        } else {
            Err(errors)
        }
    }

    /// A set of scripts compiled before (and perhaps shared with other
    /// units), each with the level of the rule set that names it and the
    /// year from which it is in force.
    pub fn from_compiled(scripts: Vec<(Arc<CompiledScript>, u8, Option<u16>)>) -> Self {
        Self {
            scripts: scripts
                .into_iter()
                .map(|(script, level, from_year)| Compiled {
                    script,
                    level,
                    from_year,
                })
                .collect(),
            bases: Bases::default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.scripts.is_empty()
    }

    /// The scripts in force in `year`, most general first.
    pub fn names(&self, year: u16) -> Vec<&str> {
        self.scripts
            .iter()
            .filter(|s| s.in_force(year))
            .map(|s| s.name.as_str())
            .collect()
    }

    /// The scripts as the evaluation of `year` sees them.
    pub fn for_year(&self, year: u16) -> YearScripts<'_> {
        YearScripts { set: self, year }
    }

    /// The scripts in force in `year`, most general first: each one's name
    /// (its path), the level of the rule set that names it (0 national,
    /// 1 Kanwil, 2 unit), the year it is in force from, and the functions
    /// it defines with their number of parameters.
    pub fn in_force(&self, year: u16) -> Vec<ScriptInForce<'_>> {
        self.scripts
            .iter()
            .filter(|s| s.in_force(year))
            .map(|s| ScriptInForce {
                name: &s.name,
                level: s.level,
                from_year: s.from_year,
                functions: s.functions.iter().map(|(n, a)| (n.as_str(), *a)).collect(),
            })
            .collect()
    }

    /// Every function a formula may call: not the hooks, any arity.
    pub fn functions(&self) -> Vec<(&str, usize)> {
        self.scripts
            .iter()
            .flat_map(|s| s.functions.iter().map(|(n, a)| (n.as_str(), *a)))
            .filter(|(n, _)| !HOOKS.iter().any(|(h, _)| h == n))
            .collect()
    }

    /// The most specific script in force in `year` defining `name` with
    /// `arity` parameters: the most specific level, then the latest `mulai`,
    /// then the one named last.
    fn find(&self, name: &str, arity: usize, year: u16) -> Option<&Compiled> {
        self.scripts
            .iter()
            .enumerate()
            .filter(|(_, s)| s.in_force(year) && s.functions.iter().any(|(n, a)| n == name && *a == arity))
            .max_by_key(|(i, s)| (s.level, s.from_year.unwrap_or(0), *i))
            .map(|(_, s)| s)
    }

    /// Where `name` is defined with `arity` parameters in `year`, as `file: fn name`.
    pub fn definition(&self, name: &str, arity: usize, year: u16) -> Option<String> {
        self.find(name, arity, year).map(|s| format!("{}: fn {name}", s.name))
    }

    fn call(&self, script: &Compiled, name: &str, args: Vec<Dynamic>) -> Result<Dynamic, HookError> {
        let mut scope = Scope::new();
        let options = CallFnOptions::new().eval_ast(false).rewind_scope(true);
        sandbox::shared()
            .call_fn_with_options::<Dynamic>(options, &mut scope, &script.ast, name, args)
            .map_err(|e| error_in(script, name, *e))
    }
}

/// The innermost error of a call, located in the script. Rhai gives no
/// position for an operation limit reached inside a function called from
/// Rust: that error is placed at the first loop of the function (what runs
/// away), else at the function's definition (a recursion).
fn error_in(script: &Compiled, name: &str, err: EvalAltResult) -> HookError {
    let mut err = err;
    let mut outer = Position::NONE;
    while let EvalAltResult::ErrorInFunctionCall(_, _, inner, pos) = err {
        if !pos.is_none() {
            outer = pos;
        }
        err = *inner;
    }
    let mut pos = err.take_position();
    if pos.is_none() {
        pos = outer;
    }
    let (mut line, mut col) = position(pos);
    if line == 0 {
        let runaway = matches!(err, EvalAltResult::ErrorTooManyOperations(_));
        let found = if runaway {
            first_loop(&script.text, name).or_else(|| definition_line(&script.text, name))
        } else {
            definition_line(&script.text, name)
        };
        if let Some((l, c)) = found {
            (line, col) = (l, c);
        }
    }
    let mut error = match &err {
        EvalAltResult::ErrorTooManyOperations(_) => {
            HookError::says(Text::new("script-runaway").arg("max", sandbox::MAX_OPERATIONS))
        }
        other => HookError::new(other.to_string()),
    };
    error.location = Some(Origin::new(script.name.clone(), line, col));
    error
}

/// Where `fn name` is defined in a compiled script (found at compile time).
fn origin_of<'s>(script: &'s Compiled, name: &str) -> Option<&'s Origin> {
    script.places.get(name).and_then(|p| p.origin.as_ref())
}

/// What a result of `fn name` names as its source: `file: fn name`
/// (every compiled function has one; the script's name is only a
/// fallback no hook reaches).
fn source_of<'s>(script: &'s Compiled, name: &str) -> &'s str {
    script
        .places
        .get(name)
        .map(|p| p.source.as_str())
        .unwrap_or(script.name.as_str())
}

/// 1-based line and column of the first `loop`, `while`, `do` or `for` in
/// the body of `fn name`, skipping strings and comments.
fn first_loop(text: &str, name: &str) -> Option<(u32, u32)> {
    let start = definition(text, name)?;
    let body = start + text.get(start..)?.find('{')?;
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, body);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' | b'`' => {
                // Skip the string, with its escapes.
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    if c == b'\\' {
                        i += 1;
                    } else if c == b {
                        break;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while bytes.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
                continue;
            }
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return None;
                }
            }
            _ => {
                let word_start = i == 0
                    || !bytes
                        .get(i - 1)
                        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
                let keyword = ["loop", "while", "do", "for"].into_iter().find(|k| {
                    text.get(i..).is_some_and(|t| t.starts_with(k))
                        && !bytes
                            .get(i + k.len())
                            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                });
                if word_start && keyword.is_some() {
                    let before = text.get(..i)?;
                    let line = before.matches('\n').count() + 1;
                    let col = before.rfind('\n').map_or(i, |nl| i - nl - 1) + 1;
                    return Some((u32::try_from(line).ok()?, u32::try_from(col).ok()?));
                }
            }
        }
        i += 1;
    }
    None
}

/// The byte offset of the name of `fn name` in a script's text, from the
/// script's index: never a mention in a comment or a string, never a
/// function whose name only starts with `name` (`capaian_lama`).
fn definition(text: &str, name: &str) -> Option<usize> {
    crate::index::functions(text)
        .into_iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, at, _)| at)
}

/// 1-based line and column of the `fn` that defines `name` in a script's text.
fn definition_line(text: &str, name: &str) -> Option<(u32, u32)> {
    let name_at = definition(text, name)?;
    // The `fn` before the name (the index gives the name's place).
    let at = text.get(..name_at)?.trim_end().len().saturating_sub(2);
    let before = text.get(..at)?;
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
    Some((u32::try_from(line).ok()?, u32::try_from(col).ok()?))
}

/// A script's answer as a decimal: `()` is no answer; whole numbers are
/// exact decimals; anything else is an error that says what came back.
fn decimal(v: Dynamic, script: &Compiled, name: &str) -> Result<Option<Decimal>, HookError> {
    if v.is_unit() {
        return Ok(None);
    }
    if let Some(d) = v.clone().try_cast::<Decimal>() {
        return Ok(Some(d));
    }
    if let Some(i) = v.clone().try_cast::<i64>() {
        return Ok(Some(Decimal::from(i)));
    }
    Err(HookError {
        location: definition_line(&script.text, name).map(|(line, col)| Origin::new(script.name.clone(), line, col)),
        ..HookError::says(
            Text::new("script-not-a-number")
                .arg("name", name)
                .arg("type", v.type_name())
                .arg("value", &v),
        )
    })
}

/// An indicator as a hook's argument: its unchanging fields from `bases`
/// (built the first time), then the year's figures.
fn indikator_map(bases: &Bases, i: &HookIndikator<'_>) -> Map {
    let polaritas = match i.polaritas {
        sakip_core::polaritas::Polaritas::Naik => "naik",
        sakip_core::polaritas::Polaritas::Turun => "turun",
        sakip_core::polaritas::Polaritas::Rentang { .. } => "rentang",
    };
    let tier = i.tier.keyword();
    let kept = bases
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(i.id)
        .filter(|(k, _)| k.tier == tier && k.polaritas == polaritas && k.satuan == i.satuan.as_str())
        .map(|(_, m)| m.clone());
    let mut m = match kept {
        Some(m) => m,
        None => {
            let key = BaseKey {
                tier,
                satuan: i.satuan.as_str().to_string(),
                polaritas,
            };
            let mut m = Map::new();
            m.insert("id".into(), i.id.into());
            m.insert("tier".into(), tier.into());
            m.insert("satuan".into(), key.satuan.as_str().into());
            m.insert("polaritas".into(), polaritas.into());
            bases
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(i.id.to_string(), (key, m.clone()));
            m
        }
    };
    m.insert("tahun".into(), Dynamic::from(i64::from(i.year)));
    m.insert("target".into(), i.target.map_or(Dynamic::UNIT, Dynamic::from));
    m.insert("realisasi".into(), Dynamic::from(i.realisasi));
    let mut periode = Map::new();
    for (p, v) in i.periode {
        periode.insert(p.keyword().into(), Dynamic::from(*v));
    }
    // `from_map` wraps the map as it is; `.into()` would rebuild it entry
    // by entry (rhai's generic conversion), a third of a hook call's cost.
    m.insert("periode".into(), Dynamic::from_map(periode));
    m
}

/// The scripts in force for one year: what an evaluation calls.
pub struct YearScripts<'a> {
    set: &'a ScriptSet,
    year: u16,
}

impl YearScripts<'_> {
    fn find(&self, name: &str, arity: usize) -> Option<&Compiled> {
        self.set.find(name, arity, self.year)
    }

    fn call(&self, script: &Compiled, name: &str, args: Vec<Dynamic>) -> Result<Dynamic, HookError> {
        self.set.call(script, name, args)
    }
}

impl ScriptHost for YearScripts<'_> {
    fn has_function(&self, name: &str) -> bool {
        self.set
            .scripts
            .iter()
            .any(|s| s.in_force(self.year) && s.functions.iter().any(|(n, _)| n == name))
    }

    fn call_function(&self, name: &str, args: &[Decimal]) -> Result<Decimal, HookError> {
        let Some(script) = self.find(name, args.len()) else {
            return Err(HookError::says(
                Text::new("script-no-function").arg("name", name).arg("n", args.len()),
            ));
        };
        let result = self.call(script, name, args.iter().map(|d| Dynamic::from(*d)).collect())?;
        decimal(result, script, name)?.ok_or_else(|| HookError::says(Text::new("script-nothing").arg("name", name)))
    }

    fn capaian(&self, i: &HookIndikator<'_>) -> Result<Option<Hooked<'_, Decimal>>, HookError> {
        let Some(script) = self.find("capaian", 1) else {
            return Ok(None);
        };
        let result = self.call(
            script,
            "capaian",
            vec![Dynamic::from_map(indikator_map(&self.set.bases, i))],
        )?;
        Ok(decimal(result, script, "capaian")?.map(|value| Hooked {
            value,
            source: source_of(script, "capaian"),
            origin: origin_of(script, "capaian"),
        }))
    }

    fn klasifikasi(&self, capaian: Decimal, i: &HookIndikator<'_>) -> Result<Option<Hooked<'_, String>>, HookError> {
        let Some(script) = self.find("klasifikasi", 2) else {
            return Ok(None);
        };
        let result = self.call(
            script,
            "klasifikasi",
            vec![
                Dynamic::from(capaian),
                Dynamic::from_map(indikator_map(&self.set.bases, i)),
            ],
        )?;
        if result.is_unit() {
            return Ok(None);
        }
        match result.clone().into_immutable_string() {
            Ok(s) => Ok(Some(Hooked {
                value: s.to_string(),
                source: source_of(script, "klasifikasi"),
                origin: origin_of(script, "klasifikasi"),
            })),
            Err(type_name) => Err(HookError {
                location: definition_line(&script.text, "klasifikasi")
                    .map(|(line, col)| Origin::new(script.name.clone(), line, col)),
                ..HookError::says(
                    Text::new("script-not-a-band")
                        .arg("type", type_name)
                        .arg("value", &result),
                )
            }),
        }
    }

    fn nilai_satker(&self, hasil: &[HasilIndikator<'_>]) -> Result<Option<Hooked<'_, Decimal>>, HookError> {
        let Some(script) = self.find("nilai_satker", 1) else {
            return Ok(None);
        };
        let opt = |v: Option<Decimal>| v.map(Dynamic::from).unwrap_or(Dynamic::UNIT);
        let rows: rhai::Array = hasil
            .iter()
            .map(|h| {
                let mut m = Map::new();
                m.insert("id".into(), h.id.into());
                m.insert("tier".into(), h.tier.keyword().into());
                m.insert("capaian".into(), opt(h.capaian));
                m.insert("bobot".into(), opt(h.bobot));
                m.insert("band".into(), h.band.map_or(Dynamic::UNIT, |b| b.into()));
                Dynamic::from_map(m)
            })
            .collect();
        let result = self.call(script, "nilai_satker", vec![Dynamic::from_array(rows)])?;
        Ok(decimal(result, script, "nilai_satker")?.map(|value| Hooked {
            value,
            source: source_of(script, "nilai_satker"),
            origin: origin_of(script, "nilai_satker"),
        }))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;
    use sakip_core::model::Tier;

    /// A hook's place comes from the script's index: a comment or a string
    /// that mentions `fn capaian`, or a function whose name starts the
    /// same, does not move it (it once moved into the comment).
    #[test]
    fn a_hooks_place_is_its_definition_not_a_mention() {
        let text = "// fn capaian(i) was the old scoring
let s = \"fn capaian\";
fn capaian_lama(i) { () }

fn capaian(i) {
  while true { }
}
";
        assert_eq!(definition_line(text, "capaian"), Some((5, 1)));
        assert_eq!(first_loop(text, "capaian"), Some((6, 3)));
        assert_eq!(definition_line(text, "capaian_lama"), Some((3, 1)));
        assert_eq!(definition_line(text, "nilai_satker"), None);
    }
    use sakip_core::periode::Periode;
    use sakip_core::polaritas::Polaritas;
    use sakip_core::satuan::Satuan;
    use std::str::FromStr;
    use std::time::{Duration, Instant};

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn set(scripts: &[(&str, &str, u8)]) -> Result<ScriptSet, Vec<ScriptError>> {
        ScriptSet::compile(
            scripts
                .iter()
                .map(|(name, text, level)| ScriptSource {
                    name: (*name).into(),
                    text: (*text).into(),
                    level: *level,
                    from_year: None,
                })
                .collect(),
        )
    }

    /// A hook's answer, owned (a `Hooked` borrows the year's scripts).
    #[derive(Debug, PartialEq)]
    struct Answer {
        value: Decimal,
        source: String,
        origin: Option<Origin>,
    }

    fn capaian_of(s: &ScriptSet, i: &HookIndikator<'_>) -> Result<Option<Answer>, HookError> {
        let year = s.for_year(2022);
        let answer = year.capaian(i)?.map(|h| Answer {
            value: h.value,
            source: h.source.to_string(),
            origin: h.origin.cloned(),
        });
        Ok(answer)
    }

    fn with_indikator<T>(f: impl FnOnce(&HookIndikator<'_>) -> T) -> T {
        let satuan = Satuan::percent();
        let periode = [(Periode::Smt1, d("30")), (Periode::Smt2, d("32.5"))];
        f(&HookIndikator {
            id: "iku_ikm",
            tier: Tier::Strategis,
            satuan: &satuan,
            polaritas: &Polaritas::Naik,
            year: 2022,
            target: Some(d("77.5")),
            realisasi: d("32.5"),
            periode: &periode,
        })
    }

    #[test]
    fn decimals_stay_exact_in_both_directions() {
        let s = set(&[(
            "a.rhai",
            "fn capaian(i) { i.realisasi / i.target * 100 + 0.1 - 0.1 }",
            0,
        )])
        .unwrap();
        let got = with_indikator(|i| capaian_of(&s, i)).unwrap().unwrap();
        assert_eq!(got.value, d("32.5") / d("77.5") * d("100"));
        assert_eq!(got.source, "a.rhai: fn capaian");
        let sum = set(&[("b.rhai", "fn f(a, b) { a + b }", 0)]).unwrap();
        assert_eq!(
            sum.for_year(2022).call_function("f", &[d("0.1"), d("0.2")]).unwrap(),
            d("0.3")
        );
    }

    #[test]
    fn the_hook_sees_the_indicator() {
        let s = set(&[(
            "a.rhai",
            r#"fn capaian(i) { if i.tier == "strategis" && i.tahun == 2022 { i.periode.smt1 } else { 0 } }"#,
            0,
        )])
        .unwrap();
        assert_eq!(with_indikator(|i| capaian_of(&s, i)).unwrap().unwrap().value, d("30"));
    }

    /// The map's unchanging fields are kept per id; the same id under
    /// other rules (a clone of the set used with another chain) is not
    /// given the kept ones, and the year's figures are always this call's.
    #[test]
    fn the_kept_fields_follow_the_rules_and_the_figures_each_call() {
        let s = set(&[(
            "a.rhai",
            r#"fn capaian(i) { if i.satuan == "orang" && i.polaritas == "turun" { 1 } else { i.realisasi } }"#,
            0,
        )])
        .unwrap();
        let percent = with_indikator(|i| capaian_of(&s, i)).unwrap().unwrap();
        assert_eq!(percent.value, d("32.5"));
        let orang = Satuan::new("orang");
        let clone = s.clone();
        let other = with_indikator(|i| {
            let i = HookIndikator {
                satuan: &orang,
                polaritas: &Polaritas::Turun,
                ..*i
            };
            capaian_of(&clone, &i)
        });
        assert_eq!(other.unwrap().unwrap().value, d("1"));
        let again = with_indikator(|i| {
            let i = HookIndikator {
                realisasi: d("40"),
                ..*i
            };
            capaian_of(&s, &i)
        });
        assert_eq!(again.unwrap().unwrap().value, d("40"));
    }

    #[test]
    fn unit_overrides_kanwil_overrides_national() {
        let s = set(&[
            ("unit.rhai", "fn capaian(i) { 3 }", 2),
            ("nasional.rhai", "fn capaian(i) { 1 }", 0),
            ("kanwil.rhai", "fn capaian(i) { 2 } fn f(x) { x }", 1),
        ])
        .unwrap();
        assert_eq!(with_indikator(|i| capaian_of(&s, i)).unwrap().unwrap().value, d("3"));
        assert_eq!(s.definition("f", 1, 2022).as_deref(), Some("kanwil.rhai: fn f"));
    }

    #[test]
    fn a_script_in_force_from_a_year_replaces_its_functions_from_then_on() {
        let s = ScriptSet::compile(vec![
            ScriptSource {
                name: "lama.rhai".into(),
                text: "fn capaian(i) { 1 } fn f(x) { 10 }".into(),
                level: 1,
                from_year: None,
            },
            ScriptSource {
                name: "baru.rhai".into(),
                text: "fn capaian(i) { 2 }".into(),
                level: 1,
                from_year: Some(2023),
            },
        ])
        .unwrap();
        let at = |year: u16| {
            with_indikator(|i| s.for_year(year).capaian(i).map(|h| h.map(|h| h.value)))
                .unwrap()
                .unwrap()
        };
        assert_eq!((at(2022), at(2023), at(2024)), (d("1"), d("2"), d("2")));
        assert_eq!(
            s.definition("f", 1, 2023).as_deref(),
            Some("lama.rhai: fn f"),
            "functions it does not define stay"
        );
        assert_eq!(s.names(2022), vec!["lama.rhai"]);
        assert_eq!(s.names(2023), vec!["lama.rhai", "baru.rhai"]);
    }

    #[test]
    fn unit_means_keep_the_default() {
        let s = set(&[("a.rhai", "fn capaian(i) { () } fn klasifikasi(c, i) { () }", 0)]).unwrap();
        assert_eq!(with_indikator(|i| capaian_of(&s, i)).unwrap(), None);
        assert_eq!(
            with_indikator(|i| s.for_year(2022).klasifikasi(d("50"), i).map(|h| h.map(|h| h.value))).unwrap(),
            None
        );
    }

    #[test]
    fn a_syntax_error_has_a_position() {
        let errors = set(&[("bad.rhai", "fn capaian(i) {\n  i.target +* 2\n}", 0)]).unwrap_err();
        assert_eq!((errors[0].at.file.as_str(), errors[0].at.line), ("bad.rhai", 2));
    }

    #[test]
    fn eval_and_import_are_refused_when_compiling() {
        for text in [
            "fn capaian(i) { eval(\"1 + 1\") }",
            "import \"/etc/passwd\" as p;\nfn capaian(i) { 1 }",
        ] {
            let errors = set(&[("bad.rhai", text, 0)]).unwrap_err();
            assert!(errors[0].at.line > 0, "{errors:?}");
            assert!(errors[0].message.id.starts_with("script-") && errors[0].message.id.ends_with("-refused"));
        }
    }

    #[test]
    fn a_runaway_loop_stops_quickly_with_its_place() {
        let text = "// a loop\nfn capaian(i) {\n  let s = \"while { // not a loop\";\n  // for nothing\n  let n = 0;\n  while n >= 0 { n += 1; }\n}";
        let s = set(&[("loop.rhai", text, 0)]).unwrap();
        let start = Instant::now();
        let err = with_indikator(|i| capaian_of(&s, i)).unwrap_err();
        assert!(start.elapsed() < Duration::from_secs(1), "{:?}", start.elapsed());
        assert!(err.message.render(Lang::En).contains("operations"), "{err}");
        let at = err.location.unwrap();
        assert_eq!(
            (at.file.as_str(), at.line, at.col),
            ("loop.rhai", 6, 3),
            "at the `while`"
        );
        // A recursion has no loop: it is placed at its function.
        let s = set(&[("rec.rhai", "fn capaian(i) {\n  capaian(i)\n}", 0)]).unwrap();
        let err = with_indikator(|i| capaian_of(&s, i)).unwrap_err();
        assert_eq!(err.location.unwrap().line, 1, "{}", err.message.render(Lang::En));
    }

    #[test]
    fn deep_recursion_stops() {
        let s = set(&[("rec.rhai", "fn f(x) { f(x + 1) }", 0)]).unwrap();
        assert!(s.for_year(2022).call_function("f", &[d("1")]).is_err());
    }

    #[test]
    fn a_runtime_error_names_its_line() {
        let s = set(&[("typo.rhai", "fn capaian(i) {\n  i.targte / 2\n}", 0)]).unwrap();
        let err = with_indikator(|i| capaian_of(&s, i)).unwrap_err();
        let at = err.location.unwrap();
        assert_eq!(
            (at.file.as_str(), at.line),
            ("typo.rhai", 2),
            "{}",
            err.message.render(Lang::En)
        );
    }

    #[test]
    fn a_string_where_a_number_is_due_is_an_error() {
        let s = set(&[("str.rhai", "fn capaian(i) { \"seratus\" }", 0)]).unwrap();
        let err = with_indikator(|i| capaian_of(&s, i)).unwrap_err();
        assert!(err.message.render(Lang::En).contains("string"), "{err}");
    }

    #[test]
    fn huge_strings_and_arrays_are_refused() {
        let s = set(&[("big.rhai", "fn f(x) { let s = \"x\"; loop { s += s; } }", 0)]).unwrap();
        assert!(s.for_year(2022).call_function("f", &[d("1")]).is_err());
        let a = set(&[(
            "arr.rhai",
            "fn f(x) { let a = []; for n in 0..100000 { a.push(n); } 1 }",
            0,
        )])
        .unwrap();
        assert!(a.for_year(2022).call_function("f", &[d("1")]).is_err());
    }

    #[test]
    fn nothing_a_script_does_varies_between_runs() {
        let s = set(&[(
            "a.rhai",
            "fn nilai_satker(h) { let t = 0.0; for x in h { t += x.capaian; } t / h.len() }",
            0,
        )])
        .unwrap();
        let ids: Vec<String> = (1..=5).map(|n| format!("i{n}")).collect();
        let hasil: Vec<HasilIndikator> = (1..=5)
            .map(|n| HasilIndikator {
                id: &ids[n - 1],
                tier: Tier::Program,
                capaian: Some(Decimal::from(n) / d("3")),
                bobot: None,
                band: None,
            })
            .collect();
        let year = s.for_year(2022);
        let first = year.nilai_satker(&hasil).unwrap();
        for _ in 0..20 {
            assert_eq!(s.for_year(2022).nilai_satker(&hasil).unwrap(), first);
        }
    }
}
