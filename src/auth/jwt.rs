//! JSON Web Tokens as far as login needs them: RS256 signing of service-account assertions
//! (RFC 7523), reading an ID token's claims, and checking its signature against the issuer's
//! published keys (JWKS).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use ring::rand::SystemRandom;
use ring::signature::{self, RsaKeyPair, RsaPublicKeyComponents};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{PrivatePkcs1KeyDer, PrivatePkcs8KeyDer};
use serde_json::Value;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum JwtError {
    #[error("the private key is not a usable RSA key in PEM (PKCS#8 or PKCS#1): {0}")]
    Key(String),
    #[error("cannot sign the assertion")]
    Sign,
    #[error("not a JSON Web Token")]
    Malformed,
    #[error("the token is signed with {0:?}; only RS256 is accepted")]
    Algorithm(String),
    #[error("the issuer publishes no RSA key {0:?}")]
    UnknownKey(String),
    #[error("the token's signature does not verify against the issuer's keys")]
    BadSignature,
}

/// Unpadded base64url, as JWTs and PKCE use it.
pub fn b64url(bytes: &[u8]) -> String {
    B64URL.encode(bytes)
}

/// An RSA private key that signs RS256 JWTs.
pub struct SigningKey {
    pair: RsaKeyPair,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(<private>)")
    }
}

impl SigningKey {
    /// Reads `-----BEGIN PRIVATE KEY-----` (PKCS#8) or `-----BEGIN RSA PRIVATE KEY-----` (PKCS#1).
    pub fn from_pem(pem: &str) -> Result<SigningKey, JwtError> {
        let pair = if let Ok(der) = PrivatePkcs8KeyDer::from_pem_slice(pem.as_bytes()) {
            RsaKeyPair::from_pkcs8(der.secret_pkcs8_der())
        } else if let Ok(der) = PrivatePkcs1KeyDer::from_pem_slice(pem.as_bytes()) {
            RsaKeyPair::from_der(der.secret_pkcs1_der())
        } else {
            return Err(JwtError::Key("no PRIVATE KEY block found".into()));
        };
        pair.map(|pair| SigningKey { pair })
            .map_err(|e| JwtError::Key(e.to_string()))
    }

    /// The public half as a JSON Web Key (what an issuer publishes in its JWKS).
    pub fn public_jwk(&self, kid: &str) -> Value {
        let public: RsaPublicKeyComponents<Vec<u8>> = self.pair.public().into();
        serde_json::json!({
            "kty": "RSA", "alg": "RS256", "use": "sig", "kid": kid,
            "n": b64url(&public.n), "e": b64url(&public.e),
        })
    }

    /// `header.claims.signature`, signed with RS256.
    pub fn sign(&self, header: &Value, claims: &Value) -> Result<String, JwtError> {
        let input = format!(
            "{}.{}",
            b64url(header.to_string().as_bytes()),
            b64url(claims.to_string().as_bytes())
        );
        let mut sig = vec![0; self.pair.public().modulus_len()];
        self.pair
            .sign(
                &signature::RSA_PKCS1_SHA256,
                &SystemRandom::new(),
                input.as_bytes(),
                &mut sig,
            )
            .map_err(|_| JwtError::Sign)?;
        Ok(format!("{input}.{}", b64url(&sig)))
    }
}

fn part(token: &str, index: usize) -> Result<Value, JwtError> {
    let segment = token.split('.').nth(index).ok_or(JwtError::Malformed)?;
    let bytes = B64URL
        .decode(segment.trim_end_matches('='))
        .map_err(|_| JwtError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| JwtError::Malformed)
}

/// The claims of a JWT, unverified (for display: the token came from the issuer over TLS).
pub fn claims(token: &str) -> Result<Value, JwtError> {
    if token.split('.').count() != 3 {
        return Err(JwtError::Malformed);
    }
    part(token, 1)
}

/// Checks an RS256 signature against a JWKS document and returns the claims.
pub fn verify(token: &str, jwks: &Value) -> Result<Value, JwtError> {
    let header = part(token, 0)?;
    let alg = header["alg"].as_str().unwrap_or("");
    if alg != "RS256" {
        return Err(JwtError::Algorithm(alg.to_string()));
    }
    let kid = header["kid"].as_str();
    let keys = jwks["keys"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let rsa: Vec<&Value> = keys.iter().filter(|k| k["kty"] == "RSA").collect();
    let key = match kid {
        Some(kid) => rsa.iter().find(|k| k["kid"].as_str() == Some(kid)),
        None if rsa.len() == 1 => rsa.first(),
        None => None,
    }
    .ok_or_else(|| JwtError::UnknownKey(kid.unwrap_or("").to_string()))?;
    let decode = |field: &str| {
        key[field]
            .as_str()
            .and_then(|s| B64URL.decode(s.trim_end_matches('=')).ok())
            .ok_or_else(|| JwtError::UnknownKey(kid.unwrap_or("").to_string()))
    };
    let (n, e) = (decode("n")?, decode("e")?);
    let (input, sig) = token.rsplit_once('.').ok_or(JwtError::Malformed)?;
    let sig = B64URL.decode(sig).map_err(|_| JwtError::Malformed)?;
    RsaPublicKeyComponents { n: &n, e: &e }
        .verify(
            &signature::RSA_PKCS1_2048_8192_SHA256,
            input.as_bytes(),
            &sig,
        )
        .map_err(|_| JwtError::BadSignature)?;
    claims(token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const KEY: &str = include_str!("../../tests/fixtures/TEST-ONLY-service-account-key.pem");

    fn jwk(key: &SigningKey, kid: &str) -> Value {
        key.public_jwk(kid)
    }

    #[test]
    fn signs_and_verifies_rs256() {
        let key = SigningKey::from_pem(KEY).expect("test key");
        let token = key
            .sign(
                &json!({"alg": "RS256", "kid": "k1", "typ": "JWT"}),
                &json!({"sub": "robot", "exp": 1}),
            )
            .expect("sign");
        let jwks = json!({"keys": [jwk(&key, "k1")]});
        assert_eq!(verify(&token, &jwks).expect("verifies")["sub"], "robot");
        assert_eq!(claims(&token).expect("claims")["exp"], 1);
        let other = json!({"keys": [jwk(&key, "k2")]});
        assert!(matches!(
            verify(&token, &other),
            Err(JwtError::UnknownKey(_))
        ));
        let (head, _) = token.rsplit_once('.').expect("dot");
        let forged = format!("{head}.{}", b64url(&[0u8; 256]));
        assert!(matches!(
            verify(&forged, &jwks),
            Err(JwtError::BadSignature)
        ));
    }

    #[test]
    fn refuses_what_is_not_a_key_or_a_token() {
        assert!(SigningKey::from_pem("not a key").is_err());
        assert!(claims("abc").is_err());
        assert!(claims("a.b.c").is_err());
    }
}
