//! How a batch of documents is validated across the cores, for `apply` and `validate` alike:
//! validation (CEL rules included) is the client's main cost in a big batch.

/// Documents one thread takes: the batch spread over the cores (at most 8), never fewer than 64
/// a thread, so a small batch stays on one thread.
pub fn part_len(documents: usize) -> usize {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8);
    documents.div_ceil(threads).max(64)
}

/// Runs `check` on every part, the first on this thread and the others each on its own, and
/// returns the results in the parts' order.
pub fn in_parts<P: Send, R: Send>(
    parts: impl Iterator<Item = P>,
    check: impl Fn(P) -> Vec<R> + Sync,
) -> Vec<R> {
    let mut parts = parts;
    let Some(first) = parts.next() else {
        return Vec::new();
    };
    let check = &check;
    std::thread::scope(|scope| {
        let workers: Vec<_> = parts.map(|part| scope.spawn(move || check(part))).collect();
        let mut results = check(first);
        for w in workers {
            results.extend(w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        results
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<usize> = (0..1000).collect();
        let out = in_parts(items.chunks(part_len(items.len()).min(7)), |part| {
            part.iter().map(|i| i * 2).collect()
        });
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }
}
