//! Generates the rule registry: every `src/rules/<group>/<id>_<name>.rs` is a rule, and its page
//! `rules/<ID>.md` supplies the metadata (front matter) and the documentation (body). Adding a
//! rule therefore touches one Rust file, one page and fixtures; a rule without a page, or a page
//! whose id or name disagrees with its file, fails the build with a message saying which.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

struct Page {
    fields: BTreeMap<String, String>,
    lists: BTreeMap<String, Vec<String>>,
    path: PathBuf,
}

const REQUIRED: &[&str] = &[
    "id", "name", "practice", "severity", "title", "summary", "fix",
];
const PRACTICES: &[&str] = &[
    "H1", "H2", "H3", "C1", "C2", "C3", "C4", "C5", "N1", "N2", "N3", "N4",
];
const SEVERITIES: &[&str] = &["critical", "high", "medium", "low"];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/rules");

    let mut pages = BTreeMap::new();
    for entry in sorted_dir(&root.join("rules")) {
        if entry.extension().is_some_and(|e| e == "md") {
            let id = entry.file_stem().unwrap().to_string_lossy().to_string();
            if id == "README" {
                continue;
            }
            println!("cargo:rerun-if-changed={}", entry.display());
            pages.insert(id, read_page(&entry));
        }
    }

    let mut rules = Vec::new(); // (id, module, path)
    for group in sorted_dir(&root.join("src/rules")) {
        if !group.is_dir() {
            continue;
        }
        for file in sorted_dir(&group) {
            let stem = file.file_stem().unwrap().to_string_lossy().to_string();
            if file.extension().is_none_or(|e| e != "rs") || stem == "mod" {
                continue;
            }
            println!("cargo:rerun-if-changed={}", file.display());
            let (id, name) = stem.split_once('_').unwrap_or_else(|| {
                panic!("rule file {} must be named <id>_<name>.rs", file.display())
            });
            let id = id.to_ascii_uppercase();
            let name = name.replace('_', "-");
            let page = pages.get(&id).unwrap_or_else(|| {
                panic!("rule {id} ({}) has no page rules/{id}.md", file.display())
            });
            for key in REQUIRED {
                if !page.fields.contains_key(*key) {
                    panic!("{}: front matter lacks `{key}`", page.path.display());
                }
            }
            assert_eq!(
                page.fields["id"],
                id,
                "{}: id does not match the rule file {}",
                page.path.display(),
                file.display()
            );
            assert_eq!(
                page.fields["name"],
                name,
                "{}: name does not match the rule file {}",
                page.path.display(),
                file.display()
            );
            assert!(
                PRACTICES.contains(&page.fields["practice"].as_str())
                    && id.starts_with(&page.fields["practice"]),
                "{}: practice must be one of {PRACTICES:?} and prefix the id",
                page.path.display()
            );
            assert!(
                matches!(
                    page.fields.get("default").map(String::as_str),
                    None | Some("on" | "off")
                ),
                "{}: `default` must be `on` or `off`",
                page.path.display()
            );
            assert!(
                SEVERITIES.contains(&page.fields["severity"].as_str()),
                "{}: severity must be one of {SEVERITIES:?}",
                page.path.display()
            );
            rules.push((id, stem, file));
        }
    }
    for id in pages.keys() {
        assert!(
            rules.iter().any(|r| &r.0 == id),
            "rules/{id}.md has no rule file under src/rules/"
        );
    }
    rules.sort();

    let mut out = String::new();
    for (_, module, path) in &rules {
        writeln!(
            out,
            "#[path = {:?}]\npub mod {module};",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("pub static REGISTRY: &[RuleEntry] = &[\n");
    for (id, module, _) in &rules {
        let p = &pages[id];
        let f = |k: &str| format!("{:?}", p.fields[k]);
        let list = |k: &str| {
            let items: Vec<String> = p
                .lists
                .get(k)
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|s| format!("{s:?}"))
                .collect();
            format!("&[{}]", items.join(", "))
        };
        writeln!(
            out,
            "    RuleEntry {{ doc: RuleDoc {{ id: {}, name: {}, practice: {}, severity: {}, opt_in: {}, title: {}, summary: {}, fix: {}, applies_to: {}, references: {}, page: include_str!({:?}) }}, rule: &{module}::RULE }},",
            f("id"), f("name"), f("practice"), f("severity"),
            p.fields.get("default").is_some_and(|d| d == "off"),
            f("title"), f("summary"), f("fix"),
            list("applies-to"), list("references"), p.path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("registry.rs");
    std::fs::write(dest, out).unwrap();
}

fn sorted_dir(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Front matter: `key: value` lines and `key:` followed by `  - item` lines, between `---` lines.
fn read_page(path: &Path) -> Page {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("---"),
        "{}: must start with front matter",
        path.display()
    );
    let mut fields = BTreeMap::new();
    let mut lists: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in lines.by_ref() {
        if line == "---" {
            break;
        }
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            let key = current
                .clone()
                .unwrap_or_else(|| panic!("{}: list item without a key", path.display()));
            lists.entry(key).or_default().push(item.trim().to_string());
        } else if let Some((k, v)) = line.split_once(':') {
            let v = v.trim();
            if v.is_empty() {
                current = Some(k.trim().to_string());
            } else {
                fields.insert(k.trim().to_string(), v.trim_matches('"').to_string());
            }
        }
    }
    Page {
        fields,
        lists,
        path: path.to_path_buf(),
    }
}
