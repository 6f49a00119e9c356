//! The embedded schema's descriptions: every field has one, none names a missing field, and
//! none of them (nor anything else under `src/`) reuses upstream CRD prose.

use crate::common;

use datumctl::schema;
use saphyr::{LoadableYamlNode, Yaml};
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// Shortest upstream sentence (in words) that counts as prose worth protecting; shorter ones
/// ("Defaults to 1s.") are facts anyone would state the same way.
const MIN_SENTENCE_WORDS: usize = 6;
/// A run of this many consecutive upstream words in one of our descriptions is a copy.
const RUN_WORDS: usize = 8;

fn upstream_crd() -> PathBuf {
    common::reference().join("envoy-gateway/gateway.envoyproxy.io_backendtrafficpolicies.yaml")
}

fn load_yaml(path: &Path) -> Yaml<'static> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut docs = Yaml::load_from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(!docs.is_empty(), "{}: no YAML document", path.display());
    docs.swap_remove(0)
}

/// Every `description` string anywhere in the document, and every other string (facts: rule
/// messages, patterns, enum values) apart.
fn collect_strings(node: &Yaml, descriptions: &mut Vec<String>, facts: &mut Vec<String>) {
    match node {
        Yaml::Mapping(map) => {
            for (key, value) in map {
                match value.as_str() {
                    Some(text) if key.as_str() == Some("description") => {
                        descriptions.push(text.to_string())
                    }
                    Some(text) => facts.push(text.to_string()),
                    None => collect_strings(value, descriptions, facts),
                }
            }
        }
        Yaml::Sequence(items) => items
            .iter()
            .for_each(|i| collect_strings(i, descriptions, facts)),
        Yaml::Value(_) => {
            if let Some(text) = node.as_str() {
                facts.push(text.to_string());
            }
        }
        _ => {}
    }
}

/// Lower case with every run of whitespace turned into one space.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentences of a description and its raw lines, normalised, keeping those long enough to
/// be prose. Lines matter because upstream wraps lists and examples one item per line.
fn prose_fragments(description: &str) -> Vec<String> {
    let mut fragments = Vec::new();
    let flat = normalise(description);
    let mut start = 0;
    let bytes = flat.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends_sentence = matches!(b, b'.' | b'?' | b'!' | b':' | b';')
            && bytes.get(i + 1).is_none_or(|next| *next == b' ');
        if ends_sentence {
            fragments.push(flat[start..=i].trim().to_string());
            start = i + 1;
        }
    }
    fragments.push(flat[start..].trim().to_string());
    fragments.extend(description.lines().map(normalise));
    fragments
        .into_iter()
        .map(|f| {
            f.trim_end_matches(['.', '?', '!', ':', ';', ','])
                .to_string()
        })
        .filter(|f| f.split(' ').count() >= MIN_SENTENCE_WORDS)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The upstream descriptions, and the upstream facts (rule messages above all) normalised.
fn upstream_strings() -> (Vec<String>, Vec<String>) {
    let (mut descriptions, mut facts) = (Vec::new(), Vec::new());
    collect_strings(&load_yaml(&upstream_crd()), &mut descriptions, &mut facts);
    assert!(
        descriptions.len() > 400,
        "only {} upstream descriptions found",
        descriptions.len()
    );
    (descriptions, facts.iter().map(|f| normalise(f)).collect())
}

fn upstream_descriptions() -> Vec<String> {
    upstream_strings().0
}

/// The upstream sentences (and wrapped lines) that occur in `text`, normalised.
fn copied_sentences<'a>(fragments: &'a [String], text: &str) -> Vec<&'a str> {
    let flat = normalise(text);
    fragments
        .iter()
        .filter(|f| flat.contains(f.as_str()))
        .map(String::as_str)
        .collect()
}

/// The `RUN_WORDS`-word runs of `ours` that also occur in upstream prose.
fn copied_runs(upstream_runs: &HashSet<Vec<String>>, ours: &str) -> Vec<String> {
    words(ours)
        .windows(RUN_WORDS)
        .filter(|w| upstream_runs.contains(*w))
        .map(|w| w.join(" "))
        .collect()
}

fn upstream_runs(descriptions: &[String]) -> HashSet<Vec<String>> {
    descriptions
        .iter()
        .flat_map(|d| {
            words(d)
                .windows(RUN_WORDS)
                .map(<[String]>::to_vec)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_field_has_a_description() {
    let schema = schema::embedded();
    assert!(
        schema.stray_descriptions.is_empty(),
        "descriptions.yaml names paths the schema lacks: {:?}",
        schema.stray_descriptions
    );
    let has_text = |node: &schema::Node| {
        node.description
            .as_deref()
            .is_some_and(|d| !d.trim().is_empty())
    };
    assert!(
        has_text(&schema.root),
        "the resource itself (\".\") has no description"
    );
    let paths = schema::field_paths(&schema.root);
    assert!(paths.len() > 440, "only {} field paths", paths.len());
    let missing: Vec<&String> = paths
        .iter()
        .filter(|path| {
            let node = path
                .split('.')
                .try_fold(&schema.root, |node, step| node.field(step))
                .unwrap_or_else(|| panic!("field_paths gave {path}, which field() cannot reach"));
            !has_text(node)
        })
        .collect();
    assert!(
        missing.is_empty(),
        "{} fields lack a description: {missing:#?}",
        missing.len()
    );
}

#[test]
fn no_upstream_sentence_under_src() {
    let (descriptions, facts) = upstream_strings();
    // A sentence that upstream also states as a fact (a rule message the schema must carry
    // verbatim) is a fact, not prose.
    let fragments: Vec<String> = descriptions
        .iter()
        .flat_map(|d| prose_fragments(d))
        .filter(|f| !facts.iter().any(|fact| fact.contains(f.as_str())))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut files = Vec::new();
    files_under(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut offences = Vec::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        for sentence in copied_sentences(&fragments, &text) {
            offences.push(format!("{}: {sentence}", file.display()));
        }
    }
    assert!(
        offences.is_empty(),
        "upstream prose found under src/:\n{}",
        offences.join("\n")
    );
}

/// Our descriptions, as (field path, text), from src/schema/descriptions.yaml.
fn our_descriptions() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/schema/descriptions.yaml");
    let Yaml::Mapping(ours) = load_yaml(&path) else {
        panic!("descriptions.yaml is not a map")
    };
    ours.iter()
        .map(|(key, value)| match (key.as_str(), value.as_str()) {
            (Some(key), Some(text)) => (key.to_string(), text.to_string()),
            _ => panic!("descriptions.yaml: every entry must map a path to a string ({key:?})"),
        })
        .collect()
}

#[test]
fn no_upstream_word_run_in_descriptions() {
    let upstream = upstream_runs(&upstream_descriptions());
    let mut offences = Vec::new();
    for (key, text) in our_descriptions() {
        for run in copied_runs(&upstream, &text) {
            offences.push(format!("{key}: \"{run}\""));
        }
    }
    assert!(
        offences.is_empty(),
        "runs of {RUN_WORDS} upstream words in descriptions.yaml:\n{}",
        offences.join("\n")
    );
}

/// The checks themselves must catch a copy, including one rewrapped over several lines.
#[test]
fn checks_catch_a_planted_copy() {
    let descriptions = upstream_descriptions();
    let sample = descriptions
        .iter()
        .flat_map(|d| prose_fragments(d))
        .find(|f| f.split(' ').count() >= 10)
        .expect("an upstream sentence of ten words");
    let rewrapped = format!("# ours\nsome: |\n  {}\n", sample.replace(' ', "\n  "));
    let fragments = vec![sample.clone()];
    assert_eq!(
        copied_sentences(&fragments, &rewrapped),
        vec![sample.as_str()]
    );
    assert!(copied_sentences(&fragments, "our own words about retries").is_empty());

    let upstream = upstream_runs(&descriptions);
    let planted = format!("Ours first, then {sample} and ours again.");
    assert!(!copied_runs(&upstream, &planted).is_empty());
    assert!(
        copied_runs(
            &upstream,
            "A description written here from scratch, in words of our own choosing today."
        )
        .is_empty()
    );
}

#[test]
fn fragments_split_on_sentences_and_lines() {
    let text = "First sentence has six words here. Second one also has six words\nwrapped line goes on for six words.";
    let got = prose_fragments(text);
    assert!(
        got.contains(&"first sentence has six words here".to_string()),
        "{got:?}"
    );
    assert!(
        got.contains(&"wrapped line goes on for six words".to_string()),
        "{got:?}"
    );
    assert!(
        got.contains(
            &"second one also has six words wrapped line goes on for six words".to_string()
        ),
        "{got:?}"
    );
}

/// Sentences in a description: ends of `.`, `!` or `?` followed by the end of the text or by
/// a space and a capital or digit (so `1.05` and `e.g. x` do not count).
fn sentence_count(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| matches!(chars[i], '.' | '!' | '?'))
        .filter(|&i| match chars.get(i + 1) {
            None => true,
            Some(c) if c.is_whitespace() => chars[i + 1..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit()),
            Some(_) => false,
        })
        .count()
}

/// `explain` prints descriptions as plain wrapped text: no markup, no links, one to three
/// sentences each.
#[test]
fn descriptions_are_short_plain_text() {
    let mut offences = Vec::new();
    for (key, text) in our_descriptions() {
        let sentences = sentence_count(&text);
        if !(1..=3).contains(&sentences) {
            offences.push(format!("{key}: {sentences} sentences"));
        }
        for markup in ["http://", "https://", "`", "**", "]("] {
            if text.contains(markup) {
                offences.push(format!("{key}: contains {markup:?}"));
            }
        }
    }
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

#[test]
fn sentence_count_ignores_numbers_and_abbreviations() {
    assert_eq!(sentence_count("One. Two! Three?"), 3);
    assert_eq!(
        sentence_count("A ratio of 1.05 means e.g. five percent more."),
        1
    );
    assert_eq!(sentence_count("No full stop"), 0);
    assert_eq!(sentence_count("Ends here.\n  0 means none."), 2);
}
