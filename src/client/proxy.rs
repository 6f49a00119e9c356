//! Which proxy a request goes through, as client-go decides it: the cluster's `proxy-url` for
//! every request when set; otherwise Go's `ProxyFromEnvironment` (`HTTPS_PROXY` for https,
//! `HTTP_PROXY` for http, `NO_PROXY` exceptions, never for localhost or a loopback address).

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ProxyError {
    #[error(
        "proxy-url {url:?} of the cluster of context {context:?}: scheme must be http, https or socks5 (as kubectl requires)"
    )]
    Scheme { url: String, context: String },
    #[error("proxy {url:?} from {from}: {why}")]
    Invalid {
        url: String,
        from: String,
        why: String,
    },
}

/// The proxy decision for one client.
#[derive(Debug, Clone, Default)]
pub struct ProxyRule {
    /// `proxy-url`: every request, no exceptions (Go's `http.ProxyURL`).
    fixed: Option<reqwest::Url>,
    http: Option<reqwest::Url>,
    https: Option<reqwest::Url>,
    no_proxy: NoProxy,
}

impl ProxyRule {
    /// From the cluster's `proxy-url` (`context` names it in errors) or the environment.
    pub fn new(proxy_url: Option<&str>, context: &str) -> Result<ProxyRule, ProxyError> {
        if let Some(url) = proxy_url.filter(|u| !u.is_empty()) {
            let scheme = url.split_once("://").map_or("", |(s, _)| s);
            if !matches!(scheme, "http" | "https" | "socks5") {
                return Err(ProxyError::Scheme {
                    url: url.to_string(),
                    context: context.to_string(),
                });
            }
            let parsed = parse_proxy(
                url,
                &format!("proxy-url of the cluster of context {context:?}"),
            )?;
            return Ok(ProxyRule {
                fixed: Some(remote_dns(parsed)),
                ..ProxyRule::default()
            });
        }
        Self::from_env(|name| std::env::var(name).ok())
    }

    /// Go's `httpproxy.FromEnvironment`: upper case first, an empty value counts as unset, and
    /// `HTTP_PROXY` is ignored under CGI (`REQUEST_METHOD` set).
    fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<ProxyRule, ProxyError> {
        let any = |names: [&str; 2]| {
            names
                .into_iter()
                .find_map(|n| var(n).filter(|v| !v.is_empty()))
        };
        let cgi = var("REQUEST_METHOD").is_some_and(|v| !v.is_empty());
        let http = match any(["HTTP_PROXY", "http_proxy"]).filter(|_| !cgi) {
            Some(u) => Some(remote_dns(parse_proxy(&u, "HTTP_PROXY")?)),
            None => None,
        };
        let https = match any(["HTTPS_PROXY", "https_proxy"]) {
            Some(u) => Some(remote_dns(parse_proxy(&u, "HTTPS_PROXY")?)),
            None => None,
        };
        Ok(ProxyRule {
            fixed: None,
            http,
            https,
            no_proxy: NoProxy::parse(&any(["NO_PROXY", "no_proxy"]).unwrap_or_default()),
        })
    }

    /// No proxy for any request.
    pub fn is_empty(&self) -> bool {
        self.fixed.is_none() && self.http.is_none() && self.https.is_none()
    }

    /// The proxy for `url`, if any.
    pub fn proxy_for(&self, url: &reqwest::Url) -> Option<reqwest::Url> {
        if let Some(fixed) = &self.fixed {
            return Some(fixed.clone());
        }
        let proxy = match url.scheme() {
            "https" => self.https.as_ref(),
            "http" => self.http.as_ref(),
            _ => None,
        }?;
        let host = url
            .host_str()?
            .trim_start_matches('[')
            .trim_end_matches(']');
        let port = url.port_or_known_default().unwrap_or(0);
        self.no_proxy.uses_proxy(host, port).then(|| proxy.clone())
    }
}

/// Go prepends `http://` to a proxy given without a scheme.
fn parse_proxy(text: &str, from: &str) -> Result<reqwest::Url, ProxyError> {
    let with_scheme = if text.contains("://") {
        text.to_string()
    } else {
        format!("http://{text}")
    };
    let invalid = |why: String| ProxyError::Invalid {
        url: text.to_string(),
        from: from.to_string(),
        why,
    };
    let url = reqwest::Url::parse(&with_scheme).map_err(|e| invalid(e.to_string()))?;
    if url.host_str().is_none() {
        return Err(invalid("no host".into()));
    }
    if !matches!(url.scheme(), "http" | "https" | "socks5" | "socks5h") {
        return Err(invalid(format!("unsupported scheme {:?}", url.scheme())));
    }
    Ok(url)
}

/// Go's SOCKS5 dialer hands the host name to the proxy; reqwest spells that `socks5h`.
fn remote_dns(url: reqwest::Url) -> reqwest::Url {
    if url.scheme() != "socks5" {
        return url;
    }
    let text = url.as_str().replacen("socks5://", "socks5h://", 1);
    reqwest::Url::parse(&text).unwrap_or(url)
}

/// `NO_PROXY` as Go reads it: `*`, IP addresses, CIDR ranges, and domains (`example.com` matches
/// it and its subdomains, `.example.com` and `*.example.com` only subdomains), each with an
/// optional `:port`.
#[derive(Debug, Clone, Default)]
struct NoProxy {
    all: bool,
    cidrs: Vec<(std::net::IpAddr, u8)>,
    ips: Vec<(std::net::IpAddr, Option<u16>)>,
    /// (`.suffix`, whether the bare domain matches too, port)
    domains: Vec<(String, bool, Option<u16>)>,
}

impl NoProxy {
    fn parse(text: &str) -> NoProxy {
        let mut rules = NoProxy::default();
        for entry in text.split(',').map(|e| e.trim().to_ascii_lowercase()) {
            if entry.is_empty() {
                continue;
            }
            if entry == "*" {
                rules.all = true;
                return rules;
            }
            if let Some((ip, bits)) = entry.split_once('/')
                && let (Ok(ip), Ok(bits)) = (ip.parse(), bits.parse::<u8>())
            {
                rules.cidrs.push((ip, bits));
                continue;
            }
            let (host, port) = split_host_port(&entry);
            if let Ok(ip) = host.parse() {
                rules.ips.push((ip, port));
                continue;
            }
            let host = host.strip_prefix('*').unwrap_or(host);
            match host.strip_prefix('.') {
                Some(_) => rules.domains.push((host.to_string(), false, port)),
                None => rules.domains.push((format!(".{host}"), true, port)),
            }
        }
        rules
    }

    /// Go's `useProxy`.
    fn uses_proxy(&self, host: &str, port: u16) -> bool {
        let host = host.to_ascii_lowercase();
        if host == "localhost" {
            return false;
        }
        if let Ok(ip) = host.parse::<std::net::IpAddr>() {
            if ip.is_loopback() {
                return false;
            }
            if self
                .cidrs
                .iter()
                .any(|(net, bits)| in_cidr(ip, *net, *bits))
            {
                return false;
            }
            if self
                .ips
                .iter()
                .any(|(i, p)| *i == ip && p.is_none_or(|p| p == port))
            {
                return false;
            }
        }
        if self.all {
            return false;
        }
        !self.domains.iter().any(|(suffix, bare_too, p)| {
            let matches = host.ends_with(suffix.as_str()) || (*bare_too && host == suffix[1..]);
            matches && p.is_none_or(|p| p == port)
        })
    }
}

fn split_host_port(entry: &str) -> (&str, Option<u16>) {
    if let Some(rest) = entry.strip_prefix('[') {
        // [v6]:port
        return match rest.split_once(']') {
            Some((host, tail)) => (host, tail.strip_prefix(':').and_then(|p| p.parse().ok())),
            None => (entry, None),
        };
    }
    match entry.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') => match port.parse() {
            Ok(p) => (host, Some(p)),
            Err(_) => (entry, None),
        },
        _ => (entry, None),
    }
}

fn in_cidr(ip: std::net::IpAddr, net: std::net::IpAddr, bits: u8) -> bool {
    use std::net::IpAddr::{V4, V6};
    let (ip, net, width) = match (ip, net) {
        (V4(a), V4(b)) => (u32::from(a) as u128, u32::from(b) as u128, 32u32),
        (V6(a), V6(b)) => (u128::from(a), u128::from(b), 128),
        _ => return false,
    };
    let bits = u32::from(bits).min(width);
    if bits == 0 {
        return true;
    }
    let shift = width - bits;
    (ip >> shift) == (net >> shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(u: &str) -> reqwest::Url {
        reqwest::Url::parse(u).expect("url")
    }

    fn env(vars: &[(&str, &str)]) -> ProxyRule {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ProxyRule::from_env(move |name| {
            vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })
        .expect("rule")
    }

    #[test]
    fn environment_proxies_follow_go() {
        let rule = env(&[
            ("HTTPS_PROXY", "proxy.corp:3128"),
            ("http_proxy", "http://web.corp:80"),
            (
                "NO_PROXY",
                "internal.corp, .svc,10.0.0.0/8,192.168.1.5,api.x:8443",
            ),
        ]);
        let via = |u: &str| rule.proxy_for(&url(u)).map(|p| p.to_string());
        assert_eq!(
            via("https://k8s.example:6443").as_deref(),
            Some("http://proxy.corp:3128/")
        );
        assert_eq!(
            via("http://k8s.example").as_deref(),
            Some("http://web.corp/")
        );
        for direct in [
            "https://127.0.0.1:6443",
            "https://[::1]:6443",
            "https://localhost:6443",
            "https://internal.corp",
            "https://a.internal.corp",
            "https://x.svc",
            "https://a.b.svc",
            "https://10.3.4.5",
            "https://192.168.1.5",
            "https://api.x:8443",
        ] {
            assert_eq!(via(direct), None, "{direct}");
        }
        assert!(via("https://api.x:6443").is_some());
        assert!(via("https://notinternal.corp").is_some());
        assert!(via("https://192.168.1.6").is_some());
        // `.svc` names subdomains only.
        assert!(via("https://svc").is_some());
    }

    #[test]
    fn proxy_url_is_used_for_every_request_and_socks5_resolves_remotely() {
        let rule = ProxyRule::new(Some("socks5://127.0.0.1:1080"), "c").expect("rule");
        assert_eq!(
            rule.proxy_for(&url("https://127.0.0.1:6443"))
                .map(|u| u.to_string())
                .as_deref(),
            Some("socks5h://127.0.0.1:1080")
        );
        assert_eq!(
            ProxyRule::new(Some("ftp://p:21"), "c").unwrap_err(),
            ProxyError::Scheme {
                url: "ftp://p:21".into(),
                context: "c".into()
            }
        );
    }

    #[test]
    fn star_and_cgi() {
        let rule = env(&[("HTTPS_PROXY", "http://p:1"), ("NO_PROXY", "*")]);
        assert_eq!(rule.proxy_for(&url("https://k8s.example")), None);
        let cgi = env(&[("HTTP_PROXY", "http://p:1"), ("REQUEST_METHOD", "GET")]);
        assert_eq!(cgi.proxy_for(&url("http://k8s.example")), None);
    }
}
