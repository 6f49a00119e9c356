//! Property tests (bounded cases) on client-side apply's three-way merge, the heart of "a
//! re-run converges": after applying configuration M over a live object L last applied as O,
//! the result holds every field of M, has lost what O had and M dropped, keeps what only the
//! server set, and applying M again is a no-op.

use datumctl::client::patch::{is_empty_patch, merge_apply, three_way_patch};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{Map, Value};

/// Few keys, so that the three trees overlap a lot.
fn key() -> impl Strategy<Value = String> {
    proptest::sample::select(vec!["a", "b", "c", "spec", "retry", "n"]).prop_map(String::from)
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<bool>().prop_map(Value::Bool),
        (-3i64..3).prop_map(Value::from),
        proptest::sample::select(vec!["x", "y", ""]).prop_map(Value::from),
    ]
}

/// Trees without nulls: a null in a merge patch means "delete", not a value.
fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..4)
                .prop_map(|e| Value::Object(e.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn object() -> impl Strategy<Value = Value> {
    prop::collection::vec((key(), tree()), 0..4)
        .prop_map(|e| Value::Object(e.into_iter().collect::<Map<_, _>>()))
}

/// Every field of `want` is in `have` with the same value (objects compared key by key,
/// everything else whole).
fn contains(have: &Value, want: &Value) -> bool {
    match (have, want) {
        (Value::Object(h), Value::Object(w)) => w
            .iter()
            .all(|(k, v)| h.get(k).is_some_and(|hv| contains(hv, v))),
        _ => have == want,
    }
}

/// Keys `original` had that `modified` dropped are gone from `result`, at every depth where
/// both are objects.
fn dropped_are_gone(original: &Value, modified: &Value, result: &Value) -> bool {
    let (Value::Object(o), Value::Object(m), Value::Object(r)) = (original, modified, result)
    else {
        return true;
    };
    o.iter().all(|(k, ov)| match m.get(k) {
        None => !r.contains_key(k),
        Some(mv) => r.get(k).is_none_or(|rv| dropped_are_gone(ov, mv, rv)),
    })
}

/// Keys only the live object has (never applied, not applied now) survive.
fn server_fields_kept(original: &Value, modified: &Value, live: &Value, result: &Value) -> bool {
    let (Value::Object(o), Value::Object(m), Value::Object(l), Value::Object(r)) =
        (original, modified, live, result)
    else {
        return true;
    };
    l.iter().all(|(k, lv)| {
        if !o.contains_key(k) && !m.contains_key(k) {
            r.get(k) == Some(lv)
        } else {
            match (o.get(k), m.get(k), r.get(k)) {
                (Some(ov), Some(mv), Some(rv)) => server_fields_kept(ov, mv, lv, rv),
                (None, Some(mv), Some(rv)) => {
                    server_fields_kept(&Value::Object(Map::new()), mv, lv, rv)
                }
                _ => true,
            }
        }
    })
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    #[test]
    fn applying_converges_and_a_second_apply_changes_nothing(
        original in object(),
        modified in object(),
        live_extra in object(),
    ) {
        // The live object: what was applied last, plus what the server and others set.
        let live = merge_apply(&live_extra, &original);
        let patch = three_way_patch(Some(&original), &modified, &live);
        let result = merge_apply(&live, &patch);
        prop_assert!(contains(&result, &modified), "result {result}\nmodified {modified}\npatch {patch}");
        prop_assert!(dropped_are_gone(&original, &modified, &result), "result {result}\noriginal {original}\nmodified {modified}");
        prop_assert!(server_fields_kept(&original, &modified, &live, &result), "result {result}\nlive {live}");
        let again = three_way_patch(Some(&modified), &modified, &result);
        prop_assert!(is_empty_patch(&again), "second patch {again}\nresult {result}");
    }
}
