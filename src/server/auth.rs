//! Bearer tokens from `--token-file`: one per line, `TOKEN[,PROJECT...]`; a token with projects
//! listed may reach only those. Blank lines and `#` comments are skipped. A line that could be
//! read two ways (an empty field, a token listed twice with different projects) refuses the
//! whole file: a typo must never widen access.

use super::status::ApiError;
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// token -> the projects it may reach (empty: every project).
    grants: HashMap<String, Vec<String>>,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenFileError {
    #[error("cannot read token file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("token file {path} holds no tokens")]
    Empty { path: String },
    /// Never carries the token itself: errors are printed and logged.
    #[error("token file {path}, line {line}: {why}")]
    Malformed {
        path: String,
        line: usize,
        why: String,
    },
}

impl Tokens {
    pub fn load(path: &Path) -> Result<Tokens, TokenFileError> {
        let text = std::fs::read_to_string(path).map_err(|source| TokenFileError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let tokens = Tokens::parse(&text).map_err(|(line, why)| TokenFileError::Malformed {
            path: path.display().to_string(),
            line,
            why,
        })?;
        if tokens.grants.is_empty() {
            return Err(TokenFileError::Empty {
                path: path.display().to_string(),
            });
        }
        Ok(tokens)
    }

    /// The tokens in `text`, or the first malformed line's number and what is wrong with it.
    pub fn parse(text: &str) -> Result<Tokens, (usize, String)> {
        let mut grants: HashMap<String, Vec<String>> = HashMap::new();
        let mut first_seen: HashMap<String, usize> = HashMap::new();
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split(',').map(str::trim);
            let token = fields.next().unwrap_or_default();
            if token.is_empty() {
                return Err((
                    number,
                    "the token is empty (TOKEN[,PROJECT...] expected)".into(),
                ));
            }
            let mut projects = Vec::new();
            for (position, project) in fields.enumerate() {
                if project.is_empty() {
                    return Err((
                        number,
                        format!(
                            "project {} is empty: remove the stray comma, or name the project (a token with no projects reaches every project)",
                            position + 1
                        ),
                    ));
                }
                if !super::object::is_dns_label(project) {
                    return Err((
                        number,
                        format!(
                            "{project:?} is not a project name (a DNS label: lowercase letters, digits, '-')"
                        ),
                    ));
                }
                projects.push(project.to_string());
            }
            projects.sort();
            projects.dedup();
            if let Some(earlier) = grants.get(token) {
                if *earlier != projects {
                    return Err((
                        number,
                        format!(
                            "the token on this line is also on line {} with other projects; list it once",
                            first_seen.get(token).copied().unwrap_or_default()
                        ),
                    ));
                }
                continue;
            }
            first_seen.insert(token.to_string(), number);
            grants.insert(token.to_string(), projects);
        }
        Ok(Tokens { grants })
    }

    pub fn len(&self) -> usize {
        self.grants.len()
    }

    pub fn is_empty(&self) -> bool {
        self.grants.is_empty()
    }

    /// 401 without a known token, 403 when the token is limited to other projects.
    pub fn check(&self, authorization: Option<&str>, project: &str) -> Result<(), ApiError> {
        // The scheme is case-insensitive (RFC 9110), as kube-apiserver reads it.
        let token = authorization
            .and_then(|h| h.trim_start().split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim())
            .filter(|token| !token.is_empty())
            .ok_or_else(ApiError::unauthorized)?;
        let projects = self.grants.get(token).ok_or_else(ApiError::unauthorized)?;
        if projects.is_empty() || projects.iter().any(|p| p == project) {
            Ok(())
        } else {
            Err(ApiError::forbidden(project))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_by_project() {
        let t =
            Tokens::parse("# admins\nroot\n\nteam, alpha ,beta\nteam,beta,alpha\n").expect("valid");
        assert!(t.check(Some("Bearer root"), "any").is_ok());
        assert!(t.check(Some("Bearer team"), "beta").is_ok());
        assert_eq!(t.check(Some("Bearer team"), "gamma").unwrap_err().code, 403);
        assert_eq!(t.check(Some("Bearer nope"), "alpha").unwrap_err().code, 401);
        assert_eq!(t.check(None, "alpha").unwrap_err().code, 401);
        assert_eq!(t.check(Some("Basic root"), "alpha").unwrap_err().code, 401);
        assert!(t.check(Some("bearer root"), "any").is_ok());
        assert!(t.check(Some("BEARER root"), "any").is_ok());
        assert_eq!(t.check(Some("Bearer "), "any").unwrap_err().code, 401);
    }

    #[test]
    fn lines_that_could_widen_access_refuse_the_file_with_their_number() {
        let cases = [
            ("ok\ns3cr3t,\n", 2, "project 1 is empty"),
            ("s3cr3t, ,alpha\n", 1, "project 1 is empty"),
            ("s3cr3t,alpha,\n", 1, "project 2 is empty"),
            ("#c\n,alpha\n", 2, "the token is empty"),
            ("s3cr3t,alpha\n\ns3cr3t,beta\n", 3, "also on line 1"),
            ("s3cr3t,alpha\ns3cr3t\n", 2, "also on line 1"),
            ("s3cr3t,Alpha_1\n", 1, "not a project name"),
        ];
        for (text, line, why) in cases {
            let (at, message) = Tokens::parse(text).expect_err(text);
            assert_eq!(at, line, "{text:?}");
            assert!(message.contains(why), "{text:?}: {message}");
            assert!(
                !message.contains("s3cr3t"),
                "{text:?} shows the token: {message}"
            );
        }
    }
}
