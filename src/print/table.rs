//! Column alignment as Go's `text/tabwriter` does it (kubectl's tables pad 3, describe pads 2),
//! and ages in kubectl's `duration.HumanDuration` format.

use chrono::{DateTime, Utc};

/// Aligns tab-separated cells the way Go's tabwriter does: a column's width is set per block of
/// consecutive lines that have a cell in it; the last cell of a line is never padded.
pub fn tabwrite(text: &str, padding: usize) -> String {
    tabwrite_min(text, padding, 0)
}

/// `tabwrite` with Go's `minwidth`: no column narrower than `min_width` (padding included),
/// as kubectl's `printers.GetNewTabWriter` (minwidth 6) lays out api-resources and can-i.
pub fn tabwrite_min(text: &str, padding: usize, min_width: usize) -> String {
    let lines: Vec<Vec<&str>> = text
        .split_terminator('\n')
        .map(|l| l.split('\t').collect())
        .collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut widths = Vec::new();
    format_block(
        &lines,
        0,
        lines.len(),
        &mut widths,
        (padding, min_width),
        &mut out,
    );
    out
}

fn format_block(
    lines: &[Vec<&str>],
    mut line0: usize,
    line1: usize,
    widths: &mut Vec<usize>,
    (padding, min_width): (usize, usize),
    out: &mut String,
) {
    let column = widths.len();
    let mut this = line0;
    while this < line1 {
        if column + 1 >= lines[this].len() {
            this += 1;
            continue;
        }
        write_lines(lines, line0, this, widths, out);
        line0 = this;
        let mut width = min_width;
        while this < line1 && column + 1 < lines[this].len() {
            width = width.max(display_width(lines[this][column]) + padding);
            this += 1;
        }
        widths.push(width);
        format_block(lines, line0, this, widths, (padding, min_width), out);
        widths.pop();
        line0 = this;
    }
    write_lines(lines, line0, line1, widths, out);
}

fn write_lines(lines: &[Vec<&str>], from: usize, to: usize, widths: &[usize], out: &mut String) {
    for line in &lines[from..to] {
        for (j, cell) in line.iter().enumerate() {
            out.push_str(cell);
            if j < widths.len() && j + 1 < line.len() {
                let w = display_width(cell);
                for _ in w..widths[j] {
                    out.push(' ');
                }
            }
        }
        out.push('\n');
    }
}

/// Characters on screen: ANSI colour sequences take no room.
pub fn display_width(s: &str) -> usize {
    let mut width = 0;
    let mut in_escape = false;
    for c in s.chars() {
        if in_escape {
            if c == 'm' {
                in_escape = false;
            }
        } else if c == '\x1b' {
            in_escape = true;
        } else {
            width += 1;
        }
    }
    width
}

/// kubectl's table writer (`printers.GetNewTabWriter`): cells padded by three spaces, and no
/// column narrower than six (padding included). get, custom-columns, api-resources and can-i
/// all print through it.
const TABLE_PADDING: usize = 3;
const TABLE_MIN_WIDTH: usize = 6;

/// A table of headers and rows, laid out as kubectl's table writer lays them out.
#[derive(Debug, Default, Clone)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn render(&self, with_headers: bool) -> String {
        tabwrite_min(&self.cells(with_headers), TABLE_PADDING, TABLE_MIN_WIDTH)
    }

    /// The rows (and headers) as tab-separated lines.
    fn cells(&self, with_headers: bool) -> String {
        let mut text = String::new();
        if with_headers {
            text.push_str(&self.headers.join("\t"));
            text.push('\n');
        }
        for row in &self.rows {
            text.push_str(&row.join("\t"));
            text.push('\n');
        }
        text
    }

    /// The widest cell per column (headers included), for printing later rows in line.
    pub fn widths(&self, with_headers: bool) -> Vec<usize> {
        let mut widths = vec![0; self.headers.len()];
        let rows = self.rows.iter();
        let headers = with_headers.then_some(&self.headers);
        for row in headers.into_iter().chain(rows) {
            for (i, cell) in row.iter().enumerate() {
                if i < widths.len() {
                    widths[i] = widths[i].max(display_width(cell));
                }
            }
        }
        widths
    }
}

/// One row padded to known column widths (watch output after the first table).
pub fn row_in_columns(row: &[String], widths: &[usize]) -> String {
    let mut line = String::new();
    for (i, cell) in row.iter().enumerate() {
        line.push_str(cell);
        if i + 1 < row.len() {
            let w = widths.get(i).copied().unwrap_or(0).max(display_width(cell));
            for _ in display_width(cell)..(w + TABLE_PADDING).max(TABLE_MIN_WIDTH) {
                line.push(' ');
            }
        }
    }
    line.push('\n');
    line
}

/// kubectl's `duration.HumanDuration`: 5s, 3m2s, 45m, 5h7m, 2d3h, 45d, 3y12d.
pub fn human_duration(seconds: i64) -> String {
    if seconds < -1 {
        return "<invalid>".into();
    }
    if seconds < 0 {
        return "0s".into();
    }
    if seconds < 60 * 2 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 10 {
        let s = seconds % 60;
        return if s == 0 {
            format!("{minutes}m")
        } else {
            format!("{minutes}m{s}s")
        };
    }
    if minutes < 60 * 3 {
        return format!("{minutes}m");
    }
    let hours = minutes / 60;
    if hours < 8 {
        let m = minutes % 60;
        return if m == 0 {
            format!("{hours}h")
        } else {
            format!("{hours}h{m}m")
        };
    }
    if hours < 48 {
        return format!("{hours}h");
    }
    if hours < 24 * 8 {
        let h = hours % 24;
        return if h == 0 {
            format!("{}d", hours / 24)
        } else {
            format!("{}d{h}h", hours / 24)
        };
    }
    if hours < 24 * 365 * 2 {
        return format!("{}d", hours / 24);
    }
    if hours < 24 * 365 * 8 {
        let days = (hours / 24) % 365;
        return if days == 0 {
            format!("{}y", hours / 24 / 365)
        } else {
            format!("{}y{days}d", hours / 24 / 365)
        };
    }
    format!("{}y", hours / 24 / 365)
}

/// The AGE cell for an RFC 3339 timestamp: `<unknown>` when absent, as kubectl prints it.
pub fn age(timestamp: Option<&str>, now: DateTime<Utc>) -> String {
    match timestamp.and_then(|t| DateTime::parse_from_rfc3339(t).ok()) {
        Some(t) => human_duration((now - t.with_timezone(&Utc)).num_seconds()),
        None => "<unknown>".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_width_pads_narrow_columns_as_gos_tabwriter() {
        assert_eq!(tabwrite_min("a\t[]\tx\n", 3, 6), "a     []    x\n");
        assert_eq!(tabwrite("a\t[]\tx\n", 3), "a   []   x\n");
    }

    #[test]
    fn human_durations_match_kubectl() {
        let cases = [
            (5, "5s"),
            (119, "119s"),
            (182, "3m2s"),
            (180, "3m"),
            (230, "3m50s"),
            (53 * 60, "53m"),
            (5 * 3600 + 7 * 60, "5h7m"),
            (9 * 3600, "9h"),
            (51 * 3600, "2d3h"),
            (45 * 86400, "45d"),
            (800 * 86400, "2y70d"),
            (3000 * 86400, "8y"),
            (-1, "0s"),
            (-5, "<invalid>"),
        ];
        for (secs, want) in cases {
            assert_eq!(human_duration(secs), want, "{secs}");
        }
    }

    #[test]
    fn tables_gap_three_spaces_and_leave_the_last_column_unpadded() {
        let t = Table {
            headers: vec!["NAMESPACE".into(), "NAME".into(), "AGE".into()],
            rows: vec![
                vec!["default".into(), "fresh".into(), "53s".into()],
                vec!["team-b".into(), "three-min".into(), "3m50s".into()],
            ],
        };
        assert_eq!(
            t.render(true),
            "NAMESPACE   NAME        AGE\ndefault     fresh       53s\nteam-b      three-min   3m50s\n"
        );
    }

    #[test]
    fn narrow_columns_keep_kubectls_minimum_width() {
        let t = Table {
            headers: vec!["G".into(), "N".into(), "A".into()],
            rows: vec![vec!["1".into(), "x".into(), "5s".into()]],
        };
        assert_eq!(t.render(true), "G     N     A\n1     x     5s\n");
        assert_eq!(
            row_in_columns(&["2".into(), "y".into(), "9s".into()], &t.widths(true)),
            "2     y     9s\n"
        );
    }

    #[test]
    fn tabwriter_blocks_end_at_lines_without_cells() {
        let text = "Name:\tx\nAPI Version:\tv\nMetadata:\n  UID:\tu\n  Creation Timestamp:\tt\n";
        assert_eq!(
            tabwrite(text, 2),
            "Name:         x\nAPI Version:  v\nMetadata:\n  UID:                 u\n  Creation Timestamp:  t\n"
        );
    }

    #[test]
    fn colour_codes_take_no_width() {
        assert_eq!(display_width("\x1b[32mTrue\x1b[0m"), 4);
    }
}
