//! The statnet formula: `edges + nodefactor("kind") + gwesp(0.5, fixed=TRUE)`.
//!
//! Grammar (what an R user writes on the right of `~`):
//!
//! ```text
//! formula := term ("+" term)*
//! term    := name [ "(" [arg ("," arg)*] ")" ]
//! arg     := [name "="] value
//! value   := number | "string" | 'string' | TRUE | FALSE | T | F | c(value, …)
//! ```
//!
//! A leading `~` (or `y ~`) is accepted and ignored. Every error names the
//! 1-based column where the problem starts ([`Error::Formula`]). As in R, a
//! `c(…)` inside `c(…)` is flattened (`c("a", c("b", "c"))` is
//! `c("a", "b", "c")`), nested at most [`MAX_NESTING`] deep; a number must
//! be finite (`1e999` is an error, not infinity).

use crate::error::{Error, Result};

/// How deep `c(…)` may nest inside `c(…)` (the parser recurses once per
/// level, so a hostile formula of 10^5 `c(` cannot exhaust the stack).
pub const MAX_NESTING: usize = 16;

/// One argument value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number.
    Num(f64),
    /// A quoted string.
    Str(String),
    /// `TRUE` / `FALSE`.
    Bool(bool),
    /// `c(…)`.
    Vector(Vec<Value>),
}

impl Value {
    /// How the value reads in an error message.
    pub fn describe(&self) -> String {
        match self {
            Value::Num(x) => format!("the number {x}"),
            Value::Str(s) => format!("the string \"{s}\""),
            Value::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
            Value::Vector(v) => format!("a vector of {} values", v.len()),
        }
    }
}

/// One argument: optional name, value, column.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    /// `name=` if given.
    pub name: Option<String>,
    /// The value.
    pub value: Value,
    /// 1-based column of the argument.
    pub column: usize,
}

/// One term of a formula as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The term's name.
    pub name: String,
    /// Its arguments in order.
    pub args: Vec<Arg>,
    /// 1-based column of the name.
    pub column: usize,
}

/// Parse a formula into its terms.
///
/// # Errors
/// [`Error::Formula`] naming the column of the first problem.
///
/// ```
/// use coprod::inference::ergm::formula::{parse, Value};
/// let t = parse("edges + gwesp(0.5, fixed=TRUE)").unwrap();
/// assert_eq!(t[1].name, "gwesp");
/// assert_eq!(t[1].args[1].name.as_deref(), Some("fixed"));
/// assert_eq!(t[1].args[1].value, Value::Bool(true));
/// ```
pub fn parse(formula: &str) -> Result<Vec<Call>> {
    let mut p = Parser {
        src: formula,
        chars: formula.chars().collect(),
        pos: 0,
    };
    p.skip_ws();
    // An optional response: `~ rhs` or `name ~ rhs`.
    if let Some(t) = p.chars.iter().position(|&c| c == '~') {
        let before: String = p.chars[..t].iter().collect();
        if before
            .trim()
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        {
            p.pos = t + 1;
        }
    }
    let mut terms = Vec::new();
    loop {
        p.skip_ws();
        terms.push(p.term()?);
        p.skip_ws();
        match p.peek() {
            None => break,
            Some('+') => p.pos += 1,
            Some(c) => return Err(p.err(format!("expected `+` between terms, found `{c}`"))),
        }
    }
    Ok(terms)
}

struct Parser<'a> {
    src: &'a str,
    chars: Vec<char>,
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn err(&self, reason: String) -> Error {
        Error::Formula {
            formula: self.src.to_string(),
            column: self.pos + 1,
            reason,
        }
    }

    fn ident(&mut self) -> Result<String> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        {
            self.pos += 1;
        }
        if start == self.pos || self.chars[start].is_ascii_digit() {
            self.pos = start;
            return Err(match self.peek() {
                None => self.err("expected a term name, found the end of the formula".into()),
                Some(c) => self.err(format!("expected a term name, found `{c}`")),
            });
        }
        Ok(self.chars[start..self.pos].iter().collect())
    }

    fn term(&mut self) -> Result<Call> {
        let column = self.pos + 1;
        let name = self.ident()?;
        self.skip_ws();
        let mut args = Vec::new();
        if self.peek() == Some('(') {
            self.pos += 1;
            self.skip_ws();
            if self.peek() == Some(')') {
                self.pos += 1;
            } else {
                loop {
                    self.skip_ws();
                    args.push(self.arg()?);
                    self.skip_ws();
                    match self.peek() {
                        Some(',') => self.pos += 1,
                        Some(')') => {
                            self.pos += 1;
                            break;
                        }
                        None => return Err(self.err(format!("`{name}(` is never closed"))),
                        Some(c) => {
                            return Err(self.err(format!("expected `,` or `)`, found `{c}`")));
                        }
                    }
                }
            }
        }
        Ok(Call { name, args, column })
    }

    fn arg(&mut self) -> Result<Arg> {
        let column = self.pos + 1;
        // `name = value`?
        let save = self.pos;
        if self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            let id = self.ident()?;
            self.skip_ws();
            if self.peek() == Some('=') {
                self.pos += 1;
                self.skip_ws();
                let value = self.value(0)?;
                return Ok(Arg {
                    name: Some(id),
                    value,
                    column,
                });
            }
            self.pos = save;
        }
        Ok(Arg {
            name: None,
            value: self.value(0)?,
            column,
        })
    }

    /// A value; `depth` counts the `c(` it is inside.
    fn value(&mut self, depth: usize) -> Result<Value> {
        match self.peek() {
            Some(q @ ('"' | '\'')) => {
                self.pos += 1;
                let start = self.pos;
                while self.peek().is_some_and(|c| c != q) {
                    self.pos += 1;
                }
                if self.peek().is_none() {
                    self.pos = start - 1;
                    return Err(self.err("a string is never closed".into()));
                }
                let s: String = self.chars[start..self.pos].iter().collect();
                self.pos += 1;
                Ok(Value::Str(s))
            }
            Some(c) if c.is_ascii_digit() || c == '-' || c == '.' || c == '+' => {
                let start = self.pos;
                self.pos += 1;
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
                {
                    // `-`/`+` only right after an exponent marker.
                    if matches!(self.peek(), Some('-' | '+'))
                        && !matches!(self.chars[self.pos - 1], 'e' | 'E')
                    {
                        break;
                    }
                    self.pos += 1;
                }
                let text: String = self.chars[start..self.pos].iter().collect();
                // R's integer suffix `1L`.
                if self.peek() == Some('L') {
                    self.pos += 1;
                }
                match text.parse::<f64>() {
                    Ok(x) if x.is_finite() => Ok(Value::Num(x)),
                    Ok(_) => {
                        self.pos = start;
                        Err(self.err(format!(
                            "`{text}` is not a finite number (it overflows a double)"
                        )))
                    }
                    Err(_) => {
                        self.pos = start;
                        Err(self.err(format!("`{text}` is not a number")))
                    }
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let start = self.pos;
                let id = self.ident()?;
                match id.as_str() {
                    "TRUE" | "T" => Ok(Value::Bool(true)),
                    "FALSE" | "F" => Ok(Value::Bool(false)),
                    "c" => {
                        self.skip_ws();
                        if self.peek() != Some('(') {
                            return Err(self.err("expected `(` after `c`".into()));
                        }
                        if depth >= MAX_NESTING {
                            self.pos = start;
                            return Err(
                                self.err(format!("`c(…)` nested more than {MAX_NESTING} deep"))
                            );
                        }
                        self.pos += 1;
                        let mut items = Vec::new();
                        loop {
                            self.skip_ws();
                            if self.peek() == Some(')') && items.is_empty() {
                                self.pos += 1;
                                break;
                            }
                            // R's c() flattens: c("a", c("b")) is c("a", "b").
                            match self.value(depth + 1)? {
                                Value::Vector(inner) => items.extend(inner),
                                v => items.push(v),
                            }
                            self.skip_ws();
                            match self.peek() {
                                Some(',') => self.pos += 1,
                                Some(')') => {
                                    self.pos += 1;
                                    break;
                                }
                                _ => return Err(self.err("expected `,` or `)` in `c(…)`".into())),
                            }
                        }
                        Ok(Value::Vector(items))
                    }
                    other => {
                        self.pos = start;
                        Err(self.err(format!(
                            "`{other}` is not a value: quote attribute and layer names (\"{other}\"); logicals are TRUE / FALSE"
                        )))
                    }
                }
            }
            None => Err(self.err("expected a value, found the end of the formula".into())),
            Some(c) => Err(self.err(format!("expected a value, found `{c}`"))),
        }
    }
}

/// The arguments of one call bound to a term's parameter names, R style:
/// positional arguments fill the parameters in order, named ones by name.
pub struct Bound<'a> {
    formula: &'a str,
    call: &'a Call,
    params: &'static [&'static str],
    values: Vec<Option<&'a Arg>>,
}

impl<'a> Bound<'a> {
    /// Bind `call`'s arguments to `params`.
    ///
    /// # Errors
    /// [`Error::Formula`] for too many positional arguments, an argument name
    /// the term does not take (listing the ones it does) or one given twice.
    pub fn new(formula: &'a str, call: &'a Call, params: &'static [&'static str]) -> Result<Self> {
        let mut values: Vec<Option<&Arg>> = vec![None; params.len()];
        let mut next = 0;
        for a in &call.args {
            let slot = match &a.name {
                Some(n) => params
                    .iter()
                    .position(|p| p == n)
                    .ok_or_else(|| Error::Formula {
                        formula: formula.to_string(),
                        column: a.column,
                        reason: format!(
                            "`{}` takes no argument `{n}`; its arguments: {}",
                            call.name,
                            list(params)
                        ),
                    })?,
                None => {
                    while next < params.len() && values[next].is_some() {
                        next += 1;
                    }
                    if next >= params.len() {
                        return Err(Error::Formula {
                            formula: formula.to_string(),
                            column: a.column,
                            reason: format!(
                                "`{}` takes at most {} argument(s): {}",
                                call.name,
                                params.len(),
                                list(params)
                            ),
                        });
                    }
                    next
                }
            };
            if values[slot].is_some() {
                return Err(Error::Formula {
                    formula: formula.to_string(),
                    column: a.column,
                    reason: format!("argument `{}` of `{}` given twice", params[slot], call.name),
                });
            }
            values[slot] = Some(a);
        }
        Ok(Bound {
            formula,
            call,
            params,
            values,
        })
    }

    /// The error "bad value for parameter".
    pub fn bad(&self, param: &str, reason: impl Into<String>) -> Error {
        let column = self
            .params
            .iter()
            .position(|p| *p == param)
            .and_then(|i| self.values[i])
            .map_or(self.call.column, |a| a.column);
        Error::Formula {
            formula: self.formula.to_string(),
            column,
            reason: format!("`{}`: {param}: {}", self.call.name, reason.into()),
        }
    }

    /// The value of a parameter, if given.
    pub fn get(&self, param: &str) -> Option<&'a Value> {
        let i = self.params.iter().position(|p| *p == param)?;
        self.values[i].map(|a| &a.value)
    }

    /// A required string parameter.
    ///
    /// # Errors
    /// [`Error::Formula`] when missing or not a string.
    pub fn string(&self, param: &str) -> Result<String> {
        match self.get(param) {
            Some(Value::Str(s)) => Ok(s.clone()),
            Some(v) => Err(self.bad(
                param,
                format!("expected a quoted name, found {}", v.describe()),
            )),
            None => Err(self.bad(param, "required (a quoted name)")),
        }
    }

    /// A number parameter with a default (`None`: required).
    ///
    /// # Errors
    /// [`Error::Formula`] when missing without default, or not a number.
    pub fn number(&self, param: &str, default: Option<f64>) -> Result<f64> {
        match (self.get(param), default) {
            (Some(Value::Num(x)), _) => Ok(*x),
            (Some(v), _) => {
                Err(self.bad(param, format!("expected a number, found {}", v.describe())))
            }
            (None, Some(d)) => Ok(d),
            (None, None) => Err(self.bad(param, "required (a number)")),
        }
    }

    /// A logical parameter with a default.
    ///
    /// # Errors
    /// [`Error::Formula`] when not TRUE / FALSE.
    pub fn logical(&self, param: &str, default: bool) -> Result<bool> {
        match self.get(param) {
            Some(Value::Bool(b)) => Ok(*b),
            Some(v) => Err(self.bad(
                param,
                format!("expected TRUE or FALSE, found {}", v.describe()),
            )),
            None => Ok(default),
        }
    }
}

fn list(params: &[&str]) -> String {
    if params.is_empty() {
        "none".into()
    } else {
        params.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_statnet_syntax() {
        let t = parse("y ~ edges + nodefactor('kind', levels=c(\"party\", 'block')) + kstar(2) + absdiff(\"size\", pow=2)")
            .unwrap();
        assert_eq!(t.len(), 4);
        assert_eq!(t[0].name, "edges");
        assert!(t[0].args.is_empty());
        assert_eq!(
            t[1].args[1].value,
            Value::Vector(vec![Value::Str("party".into()), Value::Str("block".into())])
        );
        assert_eq!(t[2].args[0].value, Value::Num(2.0));
        assert_eq!(t[3].args[1].value, Value::Num(2.0));
    }

    #[test]
    fn errors_name_the_column() {
        let e = parse("edges + gwesp(0.5, fixed=TRUE").unwrap_err();
        assert!(e.to_string().contains("never closed"), "{e}");
        match parse("edges + + mutual").unwrap_err() {
            Error::Formula { column, .. } => assert_eq!(column, 9),
            e => panic!("{e}"),
        }
        let e = parse("nodematch(kind)").unwrap_err();
        assert!(e.to_string().contains("quote"), "{e}");
        let e = parse("edges mutual").unwrap_err();
        assert!(e.to_string().contains("expected `+`"), "{e}");
    }

    #[test]
    fn nested_vectors_flatten_and_overflowing_numbers_are_errors() {
        let t = parse("nodefactor(\"k\", levels=c(\"a\", c(\"b\", c()), \"c\"))").unwrap();
        let strs =
            |v: &[&str]| Value::Vector(v.iter().map(|s| Value::Str(s.to_string())).collect());
        assert_eq!(t[0].args[1].value, strs(&["a", "b", "c"]));
        // 10^5 nested c( used to recurse once per level (a stack overflow
        // on the CLI's main thread); now an error at the 17th.
        let deep = format!("edges + nodefactor(\"k\", levels={}", "c(".repeat(100_000));
        match parse(&deep).unwrap_err() {
            Error::Formula { column, reason, .. } => {
                assert!(reason.contains("nested more than 16"), "{reason}");
                assert_eq!(column, 32 + 2 * MAX_NESTING);
            }
            e => panic!("{e}"),
        }
        for f in ["gwesp(1e999, fixed=TRUE)", "absdiff(\"x\", pow=-1e400)"] {
            let e = parse(f).unwrap_err().to_string();
            assert!(e.contains("is not a finite number"), "{e}");
        }
    }

    #[test]
    fn numbers_and_negatives() {
        let t = parse("nodefactor(\"k\", levels=-1) + gwesp(1e-1)").unwrap();
        assert_eq!(t[0].args[1].value, Value::Num(-1.0));
        assert_eq!(t[1].args[0].value, Value::Num(0.1));
    }
}
