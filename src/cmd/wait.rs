//! `datumctl wait`: block until policies meet a condition, with kubectl's flags, lines and exit
//! codes. Beyond kubectl, `--for=condition=Accepted` reads where a policy's conditions live —
//! `status.ancestors[].conditions` — and is met when every ancestor accepted the current
//! generation, failing at once when one refused it. Watch-based: one list for the starting
//! version, then a watch resumed from the last version seen whenever the stream ends.

use crate::cli::WaitArgs;
use crate::client::api::ListOptions;
use crate::client::http::ApiClient;
use crate::client::status::ClientError;
use crate::cmd::Context;
use crate::cmd::objects::{self, Selection};
use crate::error::{CliError, CmdResult, Outcome};
use crate::print::jsonpath::{JsonPath, text_of};
use crate::print::output::OutputFormat;
use crate::resource::{PLURAL, WatchEventType, qualified_name};
use serde_json::Value;
use std::time::Duration;

/// What `--for` asked for.
#[derive(Debug, Clone)]
pub enum Wanted {
    Delete,
    Create,
    /// A condition type and the status it must have (case-insensitive).
    Condition {
        name: String,
        value: String,
    },
    /// A JSONPath and, optionally, the value it must print.
    JsonPath {
        path: JsonPath,
        value: Option<String>,
    },
}

/// Parses `--for` with kubectl's errors.
pub fn parse_for(spec: Option<&str>) -> Result<Wanted, CliError> {
    let Some(spec) = spec else {
        return Err(CliError::usage("unrecognized condition: []"));
    };
    if spec.eq_ignore_ascii_case("delete") {
        return Ok(Wanted::Delete);
    }
    if spec.eq_ignore_ascii_case("create") {
        return Ok(Wanted::Create);
    }
    if let Some(rest) = spec.strip_prefix("condition=") {
        let (name, value) = rest.split_once('=').unwrap_or((rest, "true"));
        return Ok(Wanted::Condition {
            name: name.to_string(),
            value: value.to_string(),
        });
    }
    if let Some(rest) = spec.strip_prefix("jsonpath=") {
        return parse_jsonpath(rest);
    }
    Err(CliError::usage(format!("unrecognized condition: {spec:?}")))
}

/// `{.a.b}=VALUE`, `{.a.b}`, `.a.b=VALUE`: the expression ends at its closing brace.
fn parse_jsonpath(rest: &str) -> Result<Wanted, CliError> {
    if rest.is_empty() {
        return Err(CliError::usage("jsonpath expression cannot be empty"));
    }
    let split_at = if rest.starts_with('{') {
        rest.find('}').map(|i| i + 1)
    } else {
        rest.find('=')
    };
    let (expr, value) = match split_at {
        Some(i) if i < rest.len() => match rest[i..].strip_prefix('=') {
            Some(v) => (&rest[..i], Some(v)),
            None => (rest, None),
        },
        _ => (rest, None),
    };
    if value == Some("") {
        return Err(CliError::usage(
            "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
        ));
    }
    let relaxed = relaxed_expression(expr)?;
    let path = JsonPath::parse(&relaxed).map_err(|e| CliError::usage(e.to_string()))?;
    Ok(Wanted::JsonPath {
        path,
        value: value.map(str::to_string),
    })
}

/// kubectl's relaxed JSONPath: optional braces, optional leading dot.
fn relaxed_expression(expr: &str) -> Result<String, CliError> {
    let inner = expr.strip_prefix('{').unwrap_or(expr);
    let inner = inner.strip_suffix('}').unwrap_or(inner);
    let balanced = expr.starts_with('{') == expr.ends_with('}');
    if !balanced || inner.contains(['{', '}']) || inner.is_empty() {
        return Err(CliError::usage(
            "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
        ));
    }
    let dotted = if inner.starts_with('.') {
        inner.to_string()
    } else {
        format!(".{inner}")
    };
    Ok(format!("{{{dotted}}}"))
}

/// Go's `time.ParseDuration` as `--timeout` takes it; negative means a week, as in kubectl.
fn parse_wait_timeout(text: &str) -> Result<Duration, CliError> {
    let bad = || {
        CliError::usage(format!(
            "invalid argument {text:?} for \"--timeout\" flag: time: invalid duration {text:?}"
        ))
    };
    if let Some(positive) = text.strip_prefix('-') {
        crate::client::http::parse_timeout(positive).map_err(|_| bad())?;
        return Ok(Duration::from_secs(7 * 24 * 3600));
    }
    if text == "0" {
        return Ok(Duration::ZERO);
    }
    if !text.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(bad());
    }
    crate::client::http::parse_timeout(text)
        .map(Option::unwrap_or_default)
        .map_err(|_| bad())
}

/// Where an object stands against the condition.
#[derive(Debug, PartialEq)]
enum Verdict {
    Met,
    NotYet,
    /// Can never be met as things are (an ancestor refused the policy); the reason.
    Refused(String),
    /// The JSONPath selects an object or a list, which cannot be compared with a value.
    Unsupported,
}

/// The verdict on `object` (`None` when it does not exist).
fn judge(wanted: &Wanted, object: Option<&Value>) -> Verdict {
    let Some(object) = object else {
        return match wanted {
            Wanted::Delete => Verdict::Met,
            _ => Verdict::NotYet,
        };
    };
    match wanted {
        Wanted::Delete => Verdict::NotYet,
        Wanted::Create => Verdict::Met,
        Wanted::Condition { name, value } => judge_condition(object, name, value),
        Wanted::JsonPath { path, value } => {
            let found = path.values(object);
            match (found.first(), value) {
                (None, _) => Verdict::NotYet,
                (Some(_), None) => Verdict::Met,
                (Some(Value::Object(_) | Value::Array(_)), Some(_)) => Verdict::Unsupported,
                (Some(v), Some(want)) if text_of(v) == *want => Verdict::Met,
                _ => Verdict::NotYet,
            }
        }
    }
}

fn generation(object: &Value) -> Option<i64> {
    object["metadata"]["generation"].as_i64()
}

/// A condition is current when it does not say which generation it saw, or saw this one.
fn current(condition: &Value, generation: Option<i64>) -> bool {
    match (condition["observedGeneration"].as_i64(), generation) {
        (Some(seen), Some(now)) => seen == now,
        _ => true,
    }
}

fn judge_condition(object: &Value, name: &str, value: &str) -> Verdict {
    let generation = generation(object);
    // kubectl's reading: the object's own status.conditions.
    let own = object["status"]["conditions"]
        .as_array()
        .into_iter()
        .flatten();
    for c in own {
        if c["type"]
            .as_str()
            .is_some_and(|t| t.eq_ignore_ascii_case(name))
            && current(c, generation)
            && c["status"]
                .as_str()
                .is_some_and(|s| s.eq_ignore_ascii_case(value))
        {
            return Verdict::Met;
        }
    }
    // Ours: a policy's conditions, one set per ancestor; every ancestor must agree.
    let ancestors: Vec<&Value> = object["status"]["ancestors"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    if ancestors.is_empty() {
        return Verdict::NotYet;
    }
    let mut all = true;
    for ancestor in ancestors {
        let condition = ancestor["conditions"].as_array().and_then(|cs| {
            cs.iter().find(|c| {
                c["type"]
                    .as_str()
                    .is_some_and(|t| t.eq_ignore_ascii_case(name))
            })
        });
        let Some(c) = condition.filter(|c| current(c, generation)) else {
            all = false;
            continue;
        };
        let status = c["status"].as_str().unwrap_or("");
        if status.eq_ignore_ascii_case(value) {
            continue;
        }
        all = false;
        if name.eq_ignore_ascii_case("Accepted")
            && value.eq_ignore_ascii_case("true")
            && status.eq_ignore_ascii_case("false")
        {
            return Verdict::Refused(refusal(ancestor, c));
        }
    }
    if all { Verdict::Met } else { Verdict::NotYet }
}

/// `Gateway default/my-gateway refused it: Invalid: message`.
fn refusal(ancestor: &Value, condition: &Value) -> String {
    let r = &ancestor["ancestorRef"];
    let kind = r["kind"].as_str().unwrap_or("Gateway");
    let name = r["name"].as_str().unwrap_or("");
    let target = match r["namespace"].as_str() {
        Some(ns) => format!("{kind} {ns}/{name}"),
        None => format!("{kind} {name}"),
    };
    format!(
        "{target} did not accept it: {}: {}",
        condition["reason"].as_str().unwrap_or(""),
        condition["message"].as_str().unwrap_or("")
    )
}

/// How one object's wait ended.
enum Ended {
    Met(Option<Value>),
    AlreadyGone,
    TimedOut,
    Refused(String),
    Unsupported,
    NotFound(ClientError),
}

/// The waiter for one object: list for a starting point, then watch, resuming after cuts.
struct Waiter<'a> {
    client: &'a ApiClient,
    wanted: &'a Wanted,
}

impl Waiter<'_> {
    async fn object(&self, ns: &str, name: &str) -> Result<(Option<Value>, String), ClientError> {
        let options = ListOptions {
            field_selector: Some(format!("metadata.name={name}")),
            ..Default::default()
        };
        let page = self.client.list_page(Some(ns), &options).await?;
        let rv = page["metadata"]["resourceVersion"]
            .as_str()
            .unwrap_or("")
            .to_string();
        let object = page["items"].as_array().and_then(|i| i.first()).cloned();
        Ok((object, rv))
    }

    async fn until(
        &self,
        ns: &str,
        name: &str,
        deadline: tokio::time::Instant,
    ) -> Result<Ended, ClientError> {
        let (mut object, mut rv) = self.object(ns, name).await?;
        if object.is_none()
            && matches!(
                self.wanted,
                Wanted::Condition { .. } | Wanted::JsonPath { .. }
            )
        {
            // kubectl reports a named object that does not exist at once.
            return match self.client.get_policy(ns, name).await {
                Err(e) => Ok(Ended::NotFound(e)),
                Ok(found) => {
                    object = Some(found);
                    Ok(self.settle(object).unwrap_or(Ended::TimedOut))
                }
            };
        }
        if object.is_none() && matches!(self.wanted, Wanted::Delete) {
            // kubectl says nothing about an object that was already gone.
            return Ok(Ended::AlreadyGone);
        }
        loop {
            if let Some(end) = self.settle(object.clone()) {
                return Ok(end);
            }
            if tokio::time::Instant::now() >= deadline {
                return Ok(Ended::TimedOut);
            }
            let watched =
                tokio::time::timeout_at(deadline, self.follow(ns, name, &mut object, &mut rv))
                    .await;
            match watched {
                Err(_) => return Ok(Ended::TimedOut),
                Ok(Ok(Some(end))) => return Ok(end),
                // The stream ended (server timeout or a cut connection): resume from `rv`.
                Ok(Ok(None)) => {}
                Ok(Err(e)) if e.status().is_some_and(|s| s.code == 410) => {
                    (object, rv) = self.object(ns, name).await?;
                }
                Ok(Err(e)) if e.status().is_some() => return Err(e),
                Ok(Err(_)) => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    if let Ok(fresh) = self.object(ns, name).await {
                        (object, rv) = fresh;
                    }
                }
            }
        }
    }

    /// The verdict turned into an end, or `None` to keep waiting.
    fn settle(&self, object: Option<Value>) -> Option<Ended> {
        match judge(self.wanted, object.as_ref()) {
            Verdict::Met => Some(Ended::Met(object)),
            Verdict::NotYet => None,
            Verdict::Refused(why) => Some(Ended::Refused(why)),
            Verdict::Unsupported => Some(Ended::Unsupported),
        }
    }

    /// Follows one watch stream; `Ok(None)` when it ends without a verdict.
    async fn follow(
        &self,
        ns: &str,
        name: &str,
        object: &mut Option<Value>,
        rv: &mut String,
    ) -> Result<Option<Ended>, ClientError> {
        let options = ListOptions {
            field_selector: Some(format!("metadata.name={name}")),
            ..Default::default()
        };
        let from = (!rv.is_empty()).then_some(rv.as_str());
        let mut stream = self.client.watch(Some(ns), &options, from).await?;
        while let Some(event) = stream.next_event().await? {
            let kind = WatchEventType::of(&event);
            let obj = &event["object"];
            if kind == Some(WatchEventType::Error) {
                let code = obj["code"].as_u64().unwrap_or(500) as u16;
                return Err(ClientError::Status(Box::new(
                    crate::client::status::ApiStatus::from_body(code, obj.to_string().as_bytes()),
                )));
            }
            if let Some(v) = obj["metadata"]["resourceVersion"].as_str() {
                *rv = v.to_string();
            }
            match kind {
                Some(WatchEventType::Added | WatchEventType::Modified) => {
                    *object = Some(obj.clone())
                }
                Some(WatchEventType::Deleted) => *object = None,
                _ => continue,
            }
            if let Some(end) = self.settle(object.clone()) {
                return Ok(Some(end));
            }
        }
        Ok(None)
    }
}

pub async fn run(args: &WaitArgs, ctx: &Context) -> CmdResult {
    let format = match ctx.global.output.as_deref() {
        None => None,
        Some(o) => Some(
            OutputFormat::parse(Some(o), &["json", "jsonpath", "name", "yaml"])
                .map_err(CliError::usage)?,
        ),
    };
    let timeout = parse_wait_timeout(&args.timeout)?;
    let selection = objects::select(
        "wait",
        &objects::words(args.resource.as_ref(), &args.names),
        &args.files,
    )?;
    let by_listing = args.selector.is_some() || args.field_selector.is_some() || args.all;
    if selection == Selection::Collection && !by_listing {
        return Err(CliError::usage(
            "resource(s) were provided, but no name was specified",
        ));
    }
    let wanted = parse_for(args.for_condition.as_deref())?;
    let client = crate::cmd::connect::connect(&ctx.global, &ctx.printer).await?;
    let ns = client.target.namespace.clone();
    let mut names: Vec<(String, String)> = selection
        .placed(&ns, ctx.global.namespace.is_some())?
        .unwrap_or_default()
        .into_iter()
        .map(|o| (o.namespace, o.name))
        .collect();
    let p = &ctx.printer;
    let waiter = Waiter {
        client: &client,
        wanted: &wanted,
    };
    let result: Result<Outcome, ClientError> = async {
        if by_listing {
            let options = ListOptions {
                label_selector: args.selector.clone(),
                field_selector: args.field_selector.clone(),
                limit: Some(crate::client::api::PAGE_SIZE),
                ..Default::default()
            };
            let (items, _) = client.list_all(Some(&ns), &options).await?;
            names.extend(items.iter().filter_map(|i| {
                i["metadata"]["name"]
                    .as_str()
                    .map(|n| (ns.clone(), n.to_string()))
            }));
            if names.is_empty() && matches!(wanted, Wanted::Delete) {
                return Ok(Outcome::Success);
            }
            if names.is_empty() && matches!(wanted, Wanted::Create) {
                let deadline = tokio::time::Instant::now() + timeout;
                return match tokio::time::timeout_at(deadline, first_match(&client, &ns, &options))
                    .await
                {
                    Ok(found) => {
                        p.out(&met_line(format.as_ref(), Some(&found?), ""));
                        Ok(Outcome::Success)
                    }
                    Err(_) => {
                        p.err("error: timed out waiting for the condition\n");
                        Ok(Outcome::Failed)
                    }
                };
            }
            if names.is_empty() {
                p.err("error: no matching resources found\n");
                return Ok(Outcome::Failed);
            }
        }
        let mut failed = false;
        for (namespace, name) in &names {
            let deadline = tokio::time::Instant::now() + timeout;
            match waiter.until(namespace, name, deadline).await? {
                Ended::Met(object) => p.out(&met_line(format.as_ref(), object.as_ref(), name)),
                Ended::AlreadyGone => {}
                Ended::TimedOut => {
                    failed = true;
                    p.err(&timed_out_line(&wanted, timeout, name));
                }
                Ended::Refused(why) => {
                    failed = true;
                    p.err(&format!(
                        "error: {} was not accepted: {why}\n",
                        qualified_name(name)
                    ));
                }
                Ended::Unsupported => {
                    failed = true;
                    p.err(
                        "error: jsonpath leads to a nested object or list which is not supported\n",
                    );
                }
                Ended::NotFound(ClientError::Status(s)) => {
                    failed = true;
                    p.err(&format!("{}\n", s.kubectl_message()));
                }
                Ended::NotFound(e) => return Err(e),
            }
        }
        Ok(Outcome::failed_if(failed))
    }
    .await;
    result.map_err(|e| e.into_cli(&client.target))
}

/// The first object a selector matches, from a watch of the collection (resumed when cut).
async fn first_match(
    client: &ApiClient,
    ns: &str,
    options: &ListOptions,
) -> Result<Value, ClientError> {
    let mut rv: Option<String> = None;
    loop {
        match client.watch(Some(ns), options, rv.as_deref()).await {
            Ok(mut stream) => {
                // The stream ending (or breaking) leads to a resumed watch.
                while let Ok(Some(event)) = stream.next_event().await {
                    if let Some(v) = event["object"]["metadata"]["resourceVersion"].as_str() {
                        rv = Some(v.to_string());
                    }
                    if matches!(
                        WatchEventType::of(&event),
                        Some(WatchEventType::Added | WatchEventType::Modified)
                    ) {
                        return Ok(event["object"].clone());
                    }
                }
            }
            Err(e) if e.status().is_some_and(|s| s.code != 410) => return Err(e),
            Err(_) => {
                rv = None;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
}

/// Waits (watching) until the object is gone; `false` when `timeout` passed first. Used by
/// `replace --force`, which must not create the object anew before the old one is deleted.
pub async fn until_deleted(
    client: &ApiClient,
    ns: &str,
    name: &str,
    timeout: Duration,
) -> Result<bool, ClientError> {
    let waiter = Waiter {
        client,
        wanted: &Wanted::Delete,
    };
    let deadline = tokio::time::Instant::now() + timeout;
    Ok(matches!(
        waiter.until(ns, name, deadline).await?,
        Ended::Met(_) | Ended::AlreadyGone
    ))
}

fn met_line(format: Option<&OutputFormat>, object: Option<&Value>, name: &str) -> String {
    let name = object
        .and_then(|o| o["metadata"]["name"].as_str())
        .unwrap_or(name);
    match (format, object) {
        (Some(f), Some(o)) => f.single(o),
        (Some(OutputFormat::Name), None) => format!("{}\n", qualified_name(name)),
        _ => format!("{} condition met\n", qualified_name(name)),
    }
}

/// kubectl's words: a wait that could check only once says the condition was not met.
fn timed_out_line(wanted: &Wanted, timeout: Duration, name: &str) -> String {
    match wanted {
        Wanted::Create => "error: timed out waiting for the condition\n".to_string(),
        _ if timeout.is_zero() => format!("error: condition not met for {PLURAL}/{name}\n"),
        _ => format!("error: timed out waiting for the condition on {PLURAL}/{name}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ancestor(status: &str, generation: i64) -> Value {
        json!({"ancestorRef": {"kind": "Gateway", "name": "gw", "namespace": "default"},
               "conditions": [{"type": "Accepted", "status": status, "observedGeneration": generation,
                               "reason": "Invalid", "message": "no such listener"}]})
    }

    fn policy(generation: i64, ancestors: Vec<Value>) -> Value {
        json!({"metadata": {"name": "p", "generation": generation}, "status": {"ancestors": ancestors}})
    }

    fn accepted() -> Wanted {
        parse_for(Some("condition=Accepted")).expect("parses")
    }

    #[test]
    fn accepted_needs_every_ancestor_at_the_current_generation() {
        let w = accepted();
        assert_eq!(
            judge(
                &w,
                Some(&policy(2, vec![ancestor("True", 2), ancestor("True", 2)]))
            ),
            Verdict::Met
        );
        assert_eq!(
            judge(
                &w,
                Some(&policy(2, vec![ancestor("True", 2), ancestor("True", 1)]))
            ),
            Verdict::NotYet
        );
        assert_eq!(judge(&w, Some(&policy(2, vec![]))), Verdict::NotYet);
        assert_eq!(judge(&w, None), Verdict::NotYet);
    }

    #[test]
    fn a_refusal_of_the_current_generation_ends_the_wait() {
        let w = accepted();
        let Verdict::Refused(why) = judge(
            &w,
            Some(&policy(3, vec![ancestor("True", 3), ancestor("False", 3)])),
        ) else {
            panic!("not refused");
        };
        assert_eq!(
            why,
            "Gateway default/gw did not accept it: Invalid: no such listener"
        );
        // A refusal of an older generation is stale: keep waiting.
        assert_eq!(
            judge(&w, Some(&policy(3, vec![ancestor("False", 2)]))),
            Verdict::NotYet
        );
    }

    #[test]
    fn for_is_read_as_kubectl_reads_it() {
        assert!(matches!(parse_for(Some("delete")), Ok(Wanted::Delete)));
        let Ok(Wanted::JsonPath { value, .. }) =
            parse_for(Some("jsonpath={.spec.retry.numRetries}=3"))
        else {
            panic!("jsonpath");
        };
        assert_eq!(value.as_deref(), Some("3"));
        let msg = |s: &str| parse_for(Some(s)).expect_err("refused").error.to_string();
        assert_eq!(msg("jsonpath="), "jsonpath expression cannot be empty");
        assert!(msg("jsonpath={.a}=").starts_with("jsonpath wait has to have a value"));
        assert!(msg("jsonpath={.a").starts_with("unexpected path string"));
        assert_eq!(msg("foo"), "unrecognized condition: \"foo\"");
    }

    #[test]
    fn timeouts_are_go_durations() {
        assert_eq!(
            parse_wait_timeout("30s").ok(),
            Some(Duration::from_secs(30))
        );
        assert_eq!(parse_wait_timeout("0").ok(), Some(Duration::ZERO));
        assert!(parse_wait_timeout("-1s").is_ok_and(|d| d.as_secs() > 3600));
        assert!(parse_wait_timeout("abc").is_err());
    }
}
