//! Reading a large stream on several threads: the text is cut at document markers, each piece
//! is parsed by `yaml` on its own, and the pieces' positions are moved to count from the start
//! of the whole text.

use super::yaml::{ParsedDocument, SyntaxError, parse_chunk, parse_stream};
use std::sync::atomic::AtomicUsize;

/// Parses a large stream on several threads: it is cut at document markers (`---` at the start
/// of a line can only start a document, never sit inside a scalar), each piece is parsed on its
/// own, and positions are moved to count from the start of the whole text. The value budget is
/// shared, so the verdict does not depend on the number of threads.
pub fn parse_stream_parallel(
    text: &str,
    threads: usize,
) -> Result<Vec<Option<ParsedDocument>>, SyntaxError> {
    let cuts = cut_points(text, threads);
    if cuts.len() < 2 {
        return parse_stream(text);
    }
    let budget = AtomicUsize::new(0);
    let pieces: Vec<(usize, &str)> = cuts
        .iter()
        .zip(cuts.iter().skip(1).chain(std::iter::once(&text.len())))
        .map(|(&from, &to)| (from, &text[from..to]))
        .collect();
    let parse_piece = |&(from, piece): &(usize, &str)| {
        let lines = text[..from].bytes().filter(|b| *b == b'\n').count();
        let mut parsed = parse_chunk(piece, &budget).map_err(|mut e| {
            e.at.line += lines;
            e
        })?;
        for doc in parsed.iter_mut().flatten() {
            doc.positions.shift_lines(lines);
        }
        Ok::<_, SyntaxError>(parsed)
    };
    // The first piece is parsed on this thread: its allocations stay in the main heap, which
    // grows more cheaply than a new thread's.
    let results: Vec<_> = std::thread::scope(|scope| {
        let workers: Vec<_> = pieces[1..]
            .iter()
            .map(|piece| scope.spawn(|| parse_piece(piece)))
            .collect();
        let mut results = vec![parse_piece(&pieces[0])];
        results.extend(
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p))),
        );
        results
    });
    let mut docs = Vec::new();
    for result in results {
        docs.extend(result?);
    }
    Ok(docs)
}

/// Byte offsets where the text may be cut into `parts` streams: the first is 0, the others start
/// lines that begin with a `---` marker. No cut when directives (`%YAML`) are present, as they
/// belong to the document after them.
fn cut_points(text: &str, parts: usize) -> Vec<usize> {
    let mut cuts = vec![0];
    if parts < 2 || text.starts_with('%') || text.contains("\n%") {
        return cuts;
    }
    let step = text.len() / parts;
    for i in 1..parts {
        let target = (i * step).max(cuts.last().copied().unwrap_or(0) + 1);
        let Some(rest) = text.get(target..) else {
            break;
        };
        let found = rest.match_indices("\n---").find(|(at, _)| {
            matches!(
                rest.as_bytes().get(at + 4),
                None | Some(b' ' | b'\n' | b'\r' | b'\t')
            )
        });
        match found {
            Some((at, _)) => cuts.push(target + at + 1),
            None => break,
        }
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_pieces_read_like_one_stream() {
        let mut text = String::from("# head\n");
        for i in 0..40 {
            text.push_str(&format!(
                "---\nname: d{i}\nlist:\n- {i}\n- text: |\n    line\n    --- not a marker\n"
            ));
            if i % 7 == 0 {
                text.push_str("---\n# empty\n");
            }
        }
        assert!(cut_points(&text, 4).len() == 4);
        let one = parse_stream(&text).expect("sequential");
        let many = parse_stream_parallel(&text, 4).expect("parallel");
        assert_eq!(one.len(), many.len());
        for (a, b) in one.iter().zip(&many) {
            match (a, b) {
                (Some(a), Some(b)) => {
                    assert_eq!(a.value, b.value);
                    assert_eq!(format!("{:?}", a.positions), format!("{:?}", b.positions));
                }
                (None, None) => {}
                _ => panic!("documents differ"),
            }
        }
        let broken = format!("{text}---\na: [1\n");
        assert_eq!(
            parse_stream(&broken).expect_err("sequential").at,
            parse_stream_parallel(&broken, 4).expect_err("parallel").at
        );
    }

    #[test]
    fn no_cuts_around_directives() {
        assert_eq!(cut_points("%YAML 1.2\n---\na: 1\n---\nb: 2\n", 2), vec![0]);
    }
}
