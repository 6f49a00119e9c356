//! `get --sort-by=JSONPATH`, as kubectl sorts: by the first value the path yields, objects
//! without one first, numbers by value, strings bytewise (or as quantities when both parse as
//! one, so `10Gi` follows `9Gi`), anything else refused as unsortable.

use super::jsonpath::JsonPath;
use super::output::relaxed;
use serde_json::Value;
use std::cmp::Ordering;

/// Sorts `objects` by `field` (`.spec.x` or `{.spec.x}`). An error when no object has the
/// field, or when a value cannot be ordered (maps, lists, booleans, mixed types).
pub fn sort_objects(objects: &mut Vec<Value>, field: &str) -> Result<(), String> {
    if objects.is_empty() {
        return Ok(());
    }
    let expr = relaxed(field);
    let path = JsonPath::parse(&expr).map_err(|e| e.to_string())?;
    let keys: Vec<Option<Value>> = objects
        .iter()
        .map(|o| path.values(o).into_iter().next())
        .collect();
    if keys.iter().all(Option::is_none) {
        return Err(format!(
            "couldn't find any field with path {expr:?} in the list of objects"
        ));
    }
    for k in keys.iter().flatten() {
        if let Some(kind) = unsortable(k) {
            return Err(format!(
                "Field {expr} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: {kind}"
            ));
        }
    }
    let mixed = {
        let numbers = keys.iter().flatten().any(Value::is_number);
        let strings = keys.iter().flatten().any(Value::is_string);
        numbers && strings
    };
    if mixed {
        return Err(format!(
            "Field {expr} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable interface: interface"
        ));
    }
    let less = |a: &Option<Value>, b: &Option<Value>| match (a, b) {
        (None, _) => true,
        (_, None) => false,
        (Some(x), Some(y)) => is_less(x, y),
    };
    let mut order: Vec<usize> = (0..objects.len()).collect();
    if order.len() <= 12 {
        // Go's sort.Sort is an insertion sort this small: the same steps give the same order,
        // also among objects that compare equal or lack the field.
        for i in 1..order.len() {
            let mut j = i;
            while j > 0 && less(&keys[order[j]], &keys[order[j - 1]]) {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
    } else {
        order.sort_by(|&a, &b| match (&keys[a], &keys[b]) {
            (None, None) => Ordering::Equal,
            (None, _) => Ordering::Less,
            (_, None) => Ordering::Greater,
            (Some(x), Some(y)) if is_less(x, y) => Ordering::Less,
            (Some(x), Some(y)) if is_less(y, x) => Ordering::Greater,
            _ => Ordering::Equal,
        });
    }
    let mut taken: Vec<Option<Value>> = objects.drain(..).map(Some).collect();
    objects.extend(order.into_iter().filter_map(|i| taken[i].take()));
    Ok(())
}

/// Go's type name for a value it cannot order.
fn unsortable(v: &Value) -> Option<&'static str> {
    match v {
        Value::Object(_) => Some("map[string]interface {}"),
        Value::Array(_) => Some("[]interface {}"),
        Value::Bool(_) => Some("bool"),
        _ => None,
    }
}

/// `a < b` for two values of one sortable type (mixed types are refused before sorting).
fn is_less(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => false,
        (Value::Null, _) => true,
        (_, Value::Null) => false,
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i < j,
            _ => x.as_f64().unwrap_or(0.0) < y.as_f64().unwrap_or(0.0),
        },
        (Value::String(x), Value::String(y)) => match (quantity(x), quantity(y)) {
            (Some(p), Some(q)) => p < q,
            _ => x < y,
        },
        _ => false,
    }
}

/// The value of a Kubernetes quantity (`100m`, `2Gi`, `1e3`, `5`), or `None` if `s` is not one.
fn quantity(s: &str) -> Option<f64> {
    let (number, factor) = [
        ("Ki", 1024f64),
        ("Mi", 1024f64.powi(2)),
        ("Gi", 1024f64.powi(3)),
        ("Ti", 1024f64.powi(4)),
        ("Pi", 1024f64.powi(5)),
        ("Ei", 1024f64.powi(6)),
        ("n", 1e-9),
        ("u", 1e-6),
        ("m", 1e-3),
        ("k", 1e3),
        ("M", 1e6),
        ("G", 1e9),
        ("T", 1e12),
        ("P", 1e15),
        ("E", 1e18),
    ]
    .iter()
    .find_map(|(suffix, f)| s.strip_suffix(suffix).map(|n| (n, *f)))
    .unwrap_or((s, 1.0));
    let digits = number.strip_prefix(['+', '-']).unwrap_or(number);
    let (mantissa, exponent) = match digits.split_once(['e', 'E']) {
        Some((m, e)) if factor == 1.0 => (m, Some(e)),
        _ => (digits, None),
    };
    let plain = |t: &str| {
        !t.is_empty()
            && t.chars().all(|c| c.is_ascii_digit() || c == '.')
            && t.matches('.').count() <= 1
            && t != "."
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && e.chars().all(|c| c.is_ascii_digit())
    });
    if !plain(mantissa) || !exponent_ok {
        return None;
    }
    let value: f64 = number.parse().ok()?;
    Some(value * factor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn names(v: &[Value]) -> Vec<&str> {
        v.iter()
            .map(|o| o["metadata"]["name"].as_str().unwrap_or(""))
            .collect()
    }

    fn obj(name: &str, n: Option<i64>) -> Value {
        match n {
            Some(n) => json!({"metadata": {"name": name}, "spec": {"n": n}}),
            None => json!({"metadata": {"name": name}}),
        }
    }

    #[test]
    fn missing_first_then_by_value_as_go_insertion_sort() {
        let mut v = vec![
            obj("a", Some(3)),
            obj("b", Some(4)),
            obj("c", None),
            obj("d", None),
        ];
        sort_objects(&mut v, ".spec.n").expect("sorts");
        // kubectl 1.37 prints d before c: its Less says a missing value is less than anything.
        assert_eq!(names(&v), ["d", "c", "a", "b"]);
    }

    #[test]
    fn quantities_and_refusals() {
        assert_eq!(quantity("10Gi"), Some(10.0 * 1024f64.powi(3)));
        assert_eq!(quantity("1e3"), Some(1000.0));
        assert_eq!(quantity("abc"), None);
        assert_eq!(quantity("10s"), None);
        let mut v = vec![obj("a", Some(1)), obj("b", Some(2))];
        let e = sort_objects(&mut v, "{.bogus}").expect_err("no field");
        assert_eq!(
            e,
            "couldn't find any field with path \"{.bogus}\" in the list of objects"
        );
        let e = sort_objects(&mut v, ".spec").expect_err("map");
        assert!(
            e.contains("unsortable type: map[string]interface {}"),
            "{e}"
        );
    }
}
