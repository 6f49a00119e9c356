//! The device authorization grant (RFC 8628) for `--no-browser`: show a URL and a code, then poll
//! the token endpoint no faster than the issuer allows until the user approves or it ends.

use super::oidc::{Discovery, OAuthClient, TokenResponse};
use super::{AuthError, SCOPES};
use crate::print::Printer;
use serde::Deserialize;
use std::time::{Duration, Instant};

pub const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// RFC 8628 §3.2: the default polling interval, and §3.5: how much `slow_down` adds.
const DEFAULT_INTERVAL_SECS: u64 = 5;
const SLOW_DOWN_STEP_SECS: u64 = 5;

#[derive(Debug, Deserialize)]
struct DeviceAuthorization {
    device_code: String,
    user_code: String,
    verification_uri: String,
    #[serde(default)]
    verification_uri_complete: Option<String>,
    #[serde(default, deserialize_with = "super::oidc::lenient_seconds")]
    expires_in: Option<i64>,
    #[serde(default, deserialize_with = "super::oidc::lenient_seconds")]
    interval: Option<i64>,
}

pub async fn login(
    client: &OAuthClient,
    discovery: &Discovery,
    client_id: &str,
    printer: &Printer,
) -> Result<TokenResponse, AuthError> {
    let endpoint = discovery
        .device_authorization_endpoint
        .as_deref()
        .ok_or_else(|| AuthError::Protocol {
            url: discovery.issuer.clone(),
            reason: "the issuer has no device_authorization_endpoint; log in without --no-browser"
                .into(),
        })?;
    let body = client
        .post_form(endpoint, &[("client_id", client_id), ("scope", SCOPES)])
        .await?;
    let grant: DeviceAuthorization =
        serde_json::from_value(body).map_err(|e| AuthError::Protocol {
            url: endpoint.into(),
            reason: format!("not a device authorization response: {e}"),
        })?;
    super::oidc::check_endpoint(&grant.verification_uri)?;
    let mut text = format!(
        "To log in, visit\n\n    {}\n\nand enter the code\n\n    {}\n\n",
        grant.verification_uri, grant.user_code
    );
    if let Some(complete) = &grant.verification_uri_complete {
        text.push_str(&format!("(or open {complete} directly)\n\n"));
    }
    text.push_str("Waiting for the login to be approved...\n");
    printer.err(&text);
    // RFC 8628 makes expires_in required; a missing one gets the common 15 minutes.
    let lifetime = grant.expires_in.unwrap_or(900).max(1) as u64;
    let deadline = Instant::now() + Duration::from_secs(lifetime);
    let asked = grant.interval.filter(|i| *i > 0).map(|i| i as u64);
    let mut interval = Duration::from_secs(asked.unwrap_or(DEFAULT_INTERVAL_SECS));
    loop {
        tokio::time::sleep(interval).await;
        if Instant::now() >= deadline {
            return Err(AuthError::DeviceExpired);
        }
        let answer = client
            .token(
                &discovery.token_endpoint,
                &[
                    ("grant_type", DEVICE_CODE_GRANT),
                    ("device_code", &grant.device_code),
                    ("client_id", client_id),
                ],
            )
            .await;
        match answer {
            Ok(tokens) => return Ok(tokens),
            Err(AuthError::OAuth { code, description }) => match code.as_str() {
                "authorization_pending" => {}
                "slow_down" => interval += Duration::from_secs(SLOW_DOWN_STEP_SECS),
                "expired_token" => return Err(AuthError::DeviceExpired),
                "access_denied" => return Err(AuthError::AccessDenied),
                _ => return Err(AuthError::OAuth { code, description }),
            },
            Err(other) => return Err(other),
        }
    }
}
