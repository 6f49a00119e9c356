//! Request routing: health checks, the project prefix, authentication, the body limit, and
//! the dispatch of each Kubernetes path to its handler.

use super::App;
use super::auth::{self, User};
use super::call::{Call, JSON, error_response, json_response, typed_response};
use super::object::is_dns_label;
use super::status::ApiError;
use super::tls::PeerCertificates;
use super::{access_review, discovery, list, patching, resource, watch};
use crate::resource::{GROUP, PLURAL, VERSION};
use crate::schema::openapi;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::response::Response;
use http_body_util::BodyExt;
use std::sync::Arc;
use std::time::Instant;

/// kube-apiserver's limit on request bodies.
pub const MAX_BODY: usize = 3 * 1024 * 1024;

/// `kubectl auth whoami` asks here who the request's credential is.
const SELF_SUBJECT_REVIEWS: &str = "/apis/authentication.k8s.io/v1/selfsubjectreviews";

fn self_subject_review(user: &User) -> Response {
    let review = serde_json::json!({
        "kind": "SelfSubjectReview",
        "apiVersion": "authentication.k8s.io/v1",
        "metadata": {"creationTimestamp": null},
        "status": {"userInfo": {"username": user.name, "groups": user.groups}},
    });
    json_response(201, review.to_string(), &[])
}

/// Every request enters here. Handlers run in their own task so a bug answers 500 instead of
/// dropping the connection.
pub async fn handle(State(app): State<Arc<App>>, req: Request) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let target = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    let log = app.verbosity >= 2;
    let task_app = Arc::clone(&app);
    let response = match tokio::spawn(async move { route(&task_app, req).await }).await {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => error_response(&e),
        Err(_) => error_response(&ApiError::internal("the request handler failed")),
    };
    if log {
        // Never the headers: they carry the bearer token.
        app.printer.err(&format!(
            "{method} {target} {} {:.1}ms\n",
            response.status().as_u16(),
            started.elapsed().as_secs_f64() * 1000.0
        ));
    }
    response
}

/// Bodies between the limit and this are read to the end before the 413 goes out, so the
/// client sees the answer instead of a reset connection; beyond it the connection is dropped.
const DRAIN_LIMIT: usize = 64 * 1024 * 1024;

/// The body, within the size limit and the body timeout.
async fn read_body(
    app: &App,
    req: Request,
) -> Result<(axum::http::request::Parts, axum::body::Bytes), ApiError> {
    let limit = app.limits.body_timeout;
    tokio::time::timeout(limit, read_body_untimed(req))
        .await
        .unwrap_or_else(|_| {
            Err(ApiError::timeout(format!(
                "the request body did not arrive within {}s",
                limit.as_secs_f64()
            )))
        })
}

async fn read_body_untimed(
    req: Request,
) -> Result<(axum::http::request::Parts, axum::body::Bytes), ApiError> {
    let (parts, mut body) = req.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > DRAIN_LIMIT) {
        return Err(ApiError::too_large(MAX_BODY));
    }
    let mut buf = Vec::new();
    let mut total = 0usize;
    while let Some(frame) = body.frame().await {
        let frame =
            frame.map_err(|e| ApiError::bad_request(format!("error reading the body: {e}")))?;
        if let Ok(data) = frame.into_data() {
            total += data.len();
            if total <= MAX_BODY {
                buf.extend_from_slice(&data);
            } else if total > DRAIN_LIMIT {
                break;
            }
        }
    }
    if total > MAX_BODY {
        return Err(ApiError::too_large(MAX_BODY));
    }
    Ok((parts, buf.into()))
}

fn header_text(parts: &axum::http::request::Parts, name: header::HeaderName) -> String {
    parts
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

/// Media types compare case-insensitively (RFC 9110); their parameters' values keep their case
/// (`as=Table`).
fn media_types(header: &str) -> String {
    header
        .split(',')
        .map(|item| match item.split_once(';') {
            Some((media, params)) => format!("{};{params}", media.trim().to_ascii_lowercase()),
            None => item.trim().to_ascii_lowercase(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// A path segment with its `%XX` escapes decoded; None when they do not decode to UTF-8.
fn percent_decoded(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

async fn route(app: &App, req: Request) -> Result<Response, ApiError> {
    let path = req.uri().path().to_string();
    if matches!(path.as_str(), "/readyz" | "/livez" | "/healthz") {
        return Ok(typed_response(200, "text/plain", "ok", &[]));
    }
    let Some((project, rest)) = crate::layout::split_project(&path) else {
        return Err(ApiError::no_route());
    };
    if !is_dns_label(project) {
        return Err(ApiError::no_route());
    }
    let user = auth::authenticate(
        app.tokens.as_ref(),
        app.client_ca.as_ref(),
        req.extensions().get::<PeerCertificates>(),
        req.headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok()),
        project,
    )?;
    if rest == SELF_SUBJECT_REVIEWS && req.method() == Method::POST {
        return Ok(self_subject_review(&user));
    }
    let query = req
        .uri()
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let (parts, body) = read_body(app, req).await?;
    let mut call = Call {
        project: project.to_string(),
        namespace: None,
        name: None,
        status: false,
        query,
        accept: media_types(&header_text(&parts, header::ACCEPT)),
        content_type: media_types(&header_text(&parts, header::CONTENT_TYPE)),
        user_agent: header_text(&parts, header::USER_AGENT),
        body,
    };
    let method = parts.method;
    // Segments are split before they are decoded: an escaped '/' stays inside its segment
    // (and then names nothing valid).
    let decoded: Vec<String> = rest
        .trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            percent_decoded(s).ok_or_else(|| {
                ApiError::bad_request(format!("invalid escape in the path segment {s:?}"))
            })
        })
        .collect::<Result<_, _>>()?;
    let segments: Vec<&str> = decoded.iter().map(String::as_str).collect();
    let get_only = |r: Response| {
        if method == Method::GET {
            Ok(r)
        } else {
            Err(ApiError::method_not_allowed())
        }
    };
    match segments.as_slice() {
        ["api"] => get_only(discovery::core(&call)),
        ["api", "v1"] => get_only(discovery::core_v1()),
        // kubectl describe asks for the object's events; this server records none.
        ["api", "v1", "namespaces", _, "events"] => get_only(discovery::no_events()),
        ["apis"] => get_only(discovery::groups(&call)),
        ["apis", g] if *g == GROUP => get_only(discovery::group()),
        ["apis", g, v] if *g == GROUP && *v == VERSION => get_only(discovery::resources()),
        ["version"] => get_only(discovery::version()),
        [
            "apis",
            "authorization.k8s.io",
            "v1",
            "selfsubjectaccessreviews",
        ] => access_review::review(&call, &method),
        [
            "apis",
            "authorization.k8s.io",
            "v1",
            "selfsubjectrulesreviews",
        ] => access_review::rules(&method),
        ["openapi", "v3"] => get_only(json_response(
            200,
            serde_json::to_vec(&openapi::index()).unwrap_or_default(),
            &[],
        )),
        ["openapi", "v3", "apis", g, v] if *g == GROUP && *v == VERSION => get_only(
            typed_response(200, JSON, Body::from(openapi::document()), &[]),
        ),
        ["apis", g, v, rest @ ..] if *g == GROUP && *v == VERSION => {
            resource_route(app, &mut call, &method, rest).await
        }
        _ => Err(ApiError::no_route()),
    }
}

async fn resource_route(
    app: &App,
    call: &mut Call,
    method: &Method,
    rest: &[&str],
) -> Result<Response, ApiError> {
    let (namespace, tail) = match rest {
        ["namespaces", ns, tail @ ..] => (Some(*ns), tail),
        tail => (None, tail),
    };
    if let Some(ns) = namespace {
        if !is_dns_label(ns) {
            return Err(ApiError::no_route());
        }
        call.namespace = Some(ns.to_string());
    }
    let watching = call.flag("watch");
    match (tail, namespace.is_some()) {
        ([plural], _) if *plural == PLURAL => match *method {
            Method::GET if watching => watch::watch(app, call),
            Method::GET => list::list(app, call),
            Method::POST if namespace.is_some() => resource::create(app, call).await,
            Method::DELETE if namespace.is_some() => list::delete_collection(app, call).await,
            _ => Err(ApiError::method_not_allowed()),
        },
        ([plural, name, sub @ ..], true) if *plural == PLURAL => {
            call.name = Some(name.to_string());
            match sub {
                [] => {}
                ["status"] => call.status = true,
                _ => return Err(ApiError::no_route()),
            }
            match *method {
                Method::GET => resource::get(app, call),
                Method::PUT => resource::update(app, call).await,
                Method::PATCH => patching::patch(app, call).await,
                Method::DELETE if !call.status => resource::delete(app, call).await,
                _ => Err(ApiError::method_not_allowed()),
            }
        }
        _ => Err(ApiError::no_route()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_lowercase_but_parameters_keep_their_case() {
        assert_eq!(media_types("APPLICATION/JSON"), "application/json");
        assert_eq!(
            media_types("Application/Json;as=Table;g=meta.k8s.io, application/json"),
            "application/json;as=Table;g=meta.k8s.io,application/json"
        );
    }

    #[test]
    fn path_segments_are_percent_decoded() {
        assert_eq!(percent_decoded("a%2Db").as_deref(), Some("a-b"));
        assert_eq!(percent_decoded("plain").as_deref(), Some("plain"));
        assert_eq!(percent_decoded("a%2fb").as_deref(), Some("a/b"));
        assert_eq!(percent_decoded("bad%zz"), None);
        assert_eq!(percent_decoded("cut%2"), None);
        assert_eq!(percent_decoded("%ff"), None);
    }
}
