//! Bearer tokens from `--token-file`: one per line, `TOKEN[,PROJECT...]`; a token with projects
//! listed may reach only those. Blank lines and `#` comments are skipped.

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
}

impl Tokens {
    pub fn load(path: &Path) -> Result<Tokens, TokenFileError> {
        let text = std::fs::read_to_string(path).map_err(|source| TokenFileError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let tokens = Tokens::parse(&text);
        if tokens.grants.is_empty() {
            return Err(TokenFileError::Empty {
                path: path.display().to_string(),
            });
        }
        Ok(tokens)
    }

    pub fn parse(text: &str) -> Tokens {
        let mut grants = HashMap::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split(',').map(str::trim);
            let Some(token) = parts.next().filter(|t| !t.is_empty()) else {
                continue;
            };
            let projects = parts
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect();
            grants.insert(token.to_string(), projects);
        }
        Tokens { grants }
    }

    /// 401 without a known token, 403 when the token is limited to other projects.
    pub fn check(&self, authorization: Option<&str>, project: &str) -> Result<(), ApiError> {
        let token = authorization
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
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
        let t = Tokens::parse("# admins\nroot\n\nteam, alpha ,beta\n");
        assert!(t.check(Some("Bearer root"), "any").is_ok());
        assert!(t.check(Some("Bearer team"), "beta").is_ok());
        assert_eq!(t.check(Some("Bearer team"), "gamma").unwrap_err().code, 403);
        assert_eq!(t.check(Some("Bearer nope"), "alpha").unwrap_err().code, 401);
        assert_eq!(t.check(None, "alpha").unwrap_err().code, 401);
        assert_eq!(t.check(Some("Basic root"), "alpha").unwrap_err().code, 401);
    }
}
