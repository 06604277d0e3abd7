//! Terraform `templatefile` syntax in host configs. Interpolations (`${var}`) are left in
//! place and read as unknown values by the extractors; whole-line directives are blanked here.

/// Terraform `templatefile` directives on lines of their own (`%{ if x ~}`, `%{ endfor }`) are
/// replaced by spaces in Butane files, so the YAML around them parses and every byte keeps its
/// position; both branches of a conditional are then read. `None` when there is nothing to mask.
pub fn mask_template_directives(text: &str) -> Option<String> {
    if !text.contains("%{") || !text.contains("variant:") {
        return None;
    }
    Some(blank_directive_lines(text))
}

/// `text` with every line that holds only a `%{ … }` directive turned into spaces.
pub fn blank_directive_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with("%{") && t.ends_with('}') && t.matches("%{").count() == 1 {
            for c in line.chars() {
                match c {
                    '\n' | '\r' => out.push(c),
                    // One space per byte keeps every later offset unchanged.
                    _ => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
                }
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn directives_are_blanked_in_place() {
        let text = "variant: fcos\n%{ if é ~}\nversion: 1.5.0\n";
        let m = super::mask_template_directives(text).unwrap();
        assert_eq!(m.len(), text.len());
        assert_eq!(m.find("version"), text.find("version"));
        assert!(!m.contains("%{"));
        assert!(super::mask_template_directives("a: 1\n").is_none());
    }
}
