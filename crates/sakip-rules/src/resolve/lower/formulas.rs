//! Formulas: names, functions and their arity, types, and cycles between
//! indikator that read each other.

use super::*;
use crate::ast::{self, IndikatorItem};
use crate::error::did_you_mean;
use crate::source::Span;
use sakip_core::formula::{Field, BUILTINS};
use sakip_core::{Code, Text};
use std::collections::{BTreeSet, HashMap};

/// The type of a formula: a number or a condition.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Ty {
    Number,
    Bool,
}

impl Lowering<'_> {
    /// Cycles between formulas, and formulas that read an indicator the
    /// unit does not measure in a year they are in force.
    pub(crate) fn formula_graph_checks(&mut self) {
        use std::collections::BTreeMap as Map;
        let mut edges: Map<String, Vec<(String, Span)>> = Map::new();
        for (id, _, _, span, expr) in &self.rumus_spans {
            for r in lower_expr(expr).references() {
                edges.entry(id.clone()).or_default().push((r.to_string(), *span));
            }
        }
        // Depth-first search; a back edge is a cycle, reported once.
        let mut state: HashMap<String, u8> = HashMap::new();
        let mut reported = BTreeSet::new();
        let mut found: Vec<(Vec<String>, Span)> = Vec::new();
        /// Depth-first search that records each cycle once.
        pub(crate) fn visit(
            node: &str,
            edges: &Map<String, Vec<(String, Span)>>,
            state: &mut HashMap<String, u8>,
            path: &mut Vec<String>,
            found: &mut Vec<(Vec<String>, Span)>,
        ) {
            state.insert(node.to_string(), 1);
            path.push(node.to_string());
            for (next, span) in edges.get(node).map(Vec::as_slice).unwrap_or(&[]) {
                match state.get(next.as_str()) {
                    Some(1) => {
                        let start = path.iter().position(|p| p == next).unwrap_or(0);
                        let mut cycle: Vec<String> = path.get(start..).map(<[String]>::to_vec).unwrap_or_default();
                        cycle.push(next.clone());
                        found.push((cycle, *span));
                    }
                    Some(_) => {}
                    None => visit(next, edges, state, path, found),
                }
            }
            path.pop();
            state.insert(node.to_string(), 2);
        }
        let nodes: Vec<String> = edges.keys().cloned().collect();
        for n in &nodes {
            if !state.contains_key(n) {
                visit(n, &edges, &mut state, &mut Vec::new(), &mut found);
            }
        }
        for (cycle, span) in found {
            let mut key = cycle.clone();
            key.sort();
            key.dedup();
            if !reported.insert(key) {
                continue;
            }
            let shown: Vec<String> = cycle.iter().map(|c| format!("`{c}`")).collect();
            self.err_says(
                span,
                Code::FormulaCycle,
                Text::new("formula-cycle").arg("shown", shown.join(" -> ")),
            )
            .label_says(Text::new("formula-cycle-label"))
            .help_says(Text::new("formula-cycle-help"));
        }
        // A formula in force in a year of the agreement that reads an
        // indikator the agreement does not measure that year.
        let pks: Vec<(u16, Vec<String>)> = self
            .rules
            .perjanjian
            .iter()
            .map(|p| (p.year, p.indikator.clone()))
            .collect();
        let all = self.rumus_spans.clone();
        for (year, measured) in pks {
            for (id, capaian, from, span, expr) in &all {
                if !measured.contains(id) || from.is_some_and(|f| f > year) {
                    continue;
                }
                // A formula a later one of the same kind replaces by `year`
                // is not in force then: what it reads is not needed.
                let replaced = all.iter().any(|(other, c, later, ..)| {
                    other == id && c == capaian && later.is_some_and(|l| l <= year) && later > from
                });
                if replaced {
                    continue;
                }
                for r in lower_expr(expr).references() {
                    if !measured.iter().any(|m| m == r) {
                        self.err_says(
                            *span,
                            Code::ReferenceOtherYear,
                            Text::new("reference-other-year")
                                .arg("year", year)
                                .arg("id", id)
                                .arg("reads", r),
                        )
                        .label_says(Text::new("reference-other-year-label"))
                        .help_says(
                            Text::new("reference-other-year-help")
                                .arg("reads", r)
                                .arg("year", year)
                                .arg("id", id),
                        );
                    }
                }
            }
        }
    }

    /// Checks an indikator's formulas before anything is computed: names,
    /// functions and their arity, types, and reading its own figure.
    pub(crate) fn check_formulas(&mut self, ind: &ast::Indikator) {
        for item in &ind.items {
            match item {
                IndikatorItem::Rumus(r) => {
                    let own_realisasi_ok = r.objek == ast::RumusObjek::Capaian;
                    if let Some(ty) = self.type_of(&r.expr, own_realisasi_ok) {
                        if ty != Ty::Number {
                            self.err_says(r.expr.span, Code::FormulaType, Text::new("formula-type"))
                                .help_says(Text::new("formula-type-help"));
                        }
                    }
                }
                IndikatorItem::Sub(sub) => self.check_formulas(sub),
                _ => {}
            }
        }
    }

    /// The type of a formula, reporting what is wrong inside it; `None` when
    /// an error was reported.
    pub(crate) fn type_of(&mut self, e: &ast::Expr, own_realisasi_ok: bool) -> Option<Ty> {
        use ast::ExprKind as K;
        match &e.kind {
            K::Number(_) | K::Period(_) | K::Aggregate(..) => Some(Ty::Number),
            K::Own(Field::Realisasi) if !own_realisasi_ok => {
                self.err_says(e.span, Code::FormulaSelf, Text::new("formula-self"))
                    .help_says(Text::new("formula-self-help"));
                None
            }
            K::Own(_) => Some(Ty::Number),
            K::Ref { indicator, .. } => {
                if self.refer(&indicator.node, indicator.span) {
                    Some(Ty::Number)
                } else {
                    self.unknown_indicator(indicator.span, &indicator.node);
                    None
                }
            }
            K::Neg(x) => self.expect(x, Ty::Number, own_realisasi_ok).map(|_| Ty::Number),
            K::Not(x) => self.expect(x, Ty::Bool, own_realisasi_ok).map(|_| Ty::Bool),
            K::Binary { op, lhs, rhs } => {
                use sakip_core::formula::BinOp as B;
                let (operand, result) = match op {
                    B::Add | B::Sub | B::Mul | B::Div => (Ty::Number, Ty::Number),
                    B::And | B::Or => (Ty::Bool, Ty::Bool),
                    _ => (Ty::Number, Ty::Bool),
                };
                let a = self.expect(lhs, operand, own_realisasi_ok);
                let b = self.expect(rhs, operand, own_realisasi_ok);
                (a.is_some() && b.is_some()).then_some(result)
            }
            K::If { cond, then, otherwise } => {
                let c = self.expect(cond, Ty::Bool, own_realisasi_ok);
                let t = self.type_of(then, own_realisasi_ok);
                let o = self.type_of(otherwise, own_realisasi_ok);
                match (c, t, o) {
                    (Some(_), Some(t), Some(o)) if t == o => Some(t),
                    (Some(_), Some(_), Some(_)) => {
                        self.err_says(e.span, Code::FormulaType, Text::new("formula-type-2"))
                            .help_says(Text::new("formula-type-2-help"));
                        None
                    }
                    _ => None,
                }
            }
            K::Call { name, args } => {
                let mut ok = true;
                for a in args {
                    ok &= self.expect(a, Ty::Number, own_realisasi_ok).is_some();
                }
                let n = args.len();
                let arity_ok = match name.node.as_str() {
                    "min" | "maks" => n >= 1,
                    "abs" => n == 1,
                    "bulat" | "potong" => n == 2,
                    other => {
                        if self.references {
                            self.symbols.refer_as(SymbolKind::Fungsi, other, name.span);
                        }
                        let arities: Vec<usize> = self
                            .script_functions
                            .iter()
                            .filter(|(n, _)| n == other)
                            .map(|(_, a)| *a)
                            .collect();
                        if arities.contains(&n) {
                            return ok.then_some(Ty::Number);
                        }
                        if let Some(a) = arities.first() {
                            self.err_says(
                                e.span,
                                Code::FunctionArity,
                                Text::new("function-arity")
                                    .arg("name", other)
                                    .arg("takes", a)
                                    .arg("given", n),
                            );
                            return None;
                        }
                        let known: Vec<&str> = BUILTINS
                            .iter()
                            .copied()
                            .chain(self.script_functions.iter().map(|(f, _)| f.as_str()))
                            .collect();
                        let hint = did_you_mean(other, known.iter().copied())
                            .map(|s| Text::new("did-you-mean-then").arg("word", s))
                            .unwrap_or_else(|| Text::new("nothing"));
                        let scripts = if self.script_functions.is_empty() {
                            Text::new("unknown-function-no-scripts")
                        } else {
                            let names: Vec<&str> = self.script_functions.iter().map(|(f, _)| f.as_str()).collect();
                            Text::new("unknown-function-scripts").arg("names", names.join(", "))
                        };
                        self.err_says(
                            name.span,
                            Code::UnknownFunction,
                            Text::new("unknown-function").arg("name", other),
                        )
                        .label_says(Text::new("unknown-function-label"))
                        .help_says(
                            Text::new("unknown-function-help")
                                .arg_text("hint", hint)
                                .arg("builtins", BUILTINS.join(", "))
                                .arg_text("scripts", scripts),
                        );
                        return None;
                    }
                };
                if !arity_ok {
                    let want = match name.node.as_str() {
                        "abs" => "one value",
                        "bulat" | "potong" => "a value and a number of decimals, e.g. `bulat(x, 2)`",
                        _ => "at least one value",
                    };
                    self.err_says(
                        e.span,
                        Code::FunctionArity,
                        Text::new("function-arity-2")
                            .arg("name", &name.node)
                            .arg("want", want)
                            .arg("given", n),
                    );
                    return None;
                }
                ok.then_some(Ty::Number)
            }
        }
    }

    /// Checks that `e` has the type `want` (number or condition); says which
    /// was found and how to write it otherwise.
    pub(crate) fn expect(&mut self, e: &ast::Expr, want: Ty, own_realisasi_ok: bool) -> Option<Ty> {
        let got = self.type_of(e, own_realisasi_ok)?;
        if got == want {
            return Some(got);
        }
        let (msg, help) = match want {
            Ty::Number => ("formula-needs-number", "formula-needs-number-help"),
            Ty::Bool => ("formula-needs-comparison", "formula-needs-comparison-help"),
        };
        self.err_says(e.span, Code::FormulaType, Text::new(msg))
            .help_says(Text::new(help));
        None
    }
}
