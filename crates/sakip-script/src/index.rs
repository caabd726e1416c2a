//! Where a Rhai script defines its functions: the name of each `fn` and
//! its line, found in the text (outside comments and strings). The
//! compiled script knows its functions but not where they are written;
//! an editor needs the place to go to and the line to show on hover.

/// Each `fn <name>(<params>)` of `text`: the name, the byte offset of the
/// name, and the signature as written up to its closing parenthesis.
pub fn functions(text: &str) -> Vec<(&str, usize, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while bytes.get(i).is_some_and(|c| *c != b'\n') {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len() && !(bytes.get(i) == Some(&b'*') && bytes.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 2;
            }
            b'"' | b'`' | b'\'' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    i += 1;
                    if c == b'\\' {
                        i += 1;
                    } else if c == b {
                        break;
                    }
                }
            }
            c if is_word(c) => {
                let start = i;
                while bytes.get(i).is_some_and(|c| is_word(*c)) {
                    i += 1;
                }
                if text.get(start..i) == Some("fn") {
                    if let Some(found) = function_at(text, i) {
                        out.push(found);
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The function whose name follows `fn` ending at `after`.
fn function_at(text: &str, after: usize) -> Option<(&str, usize, String)> {
    let rest = text.get(after..)?;
    let start = after + (rest.len() - rest.trim_start().len());
    let name_len = text.get(start..)?.bytes().take_while(|c| is_word(*c)).count();
    if name_len == 0 {
        return None;
    }
    let name = text.get(start..start + name_len)?;
    let tail = text.get(start + name_len..)?;
    let close = tail.find(')').filter(|c| !tail.get(..*c).unwrap_or("").contains('{'))?;
    let params = tail.get(..=close)?.split_whitespace().collect::<Vec<_>>().join(" ");
    Some((name, start, format!("fn {name}{params}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_fn_outside_comments_and_strings() {
        let text = "// fn hidden(x)\nfn faktor(a,\n  b) { \"fn nope()\" }\n/* fn no() */ private fn cap(x) { x }\nfn";
        let found: Vec<(&str, usize, String)> = functions(text);
        assert_eq!(
            found,
            vec![
                ("faktor", 19, "fn faktor(a, b)".to_string()),
                ("cap", 75, "fn cap(x)".to_string()),
            ]
        );
        assert_eq!(text.get(19..25), Some("faktor"));
        assert_eq!(text.get(75..78), Some("cap"));
    }
}
