//! Signed plans: proof that a plan comes from the OT's practice. Everything here is plain
//! Rust; the cryptography (ECDSA P-256 with SHA-256, and the SHA-256 of the code) is done by
//! the browser's WebCrypto in `platform::sign`, which reports whether a signature is valid.
//!
//! - The practice's browser makes a key pair once and keeps it with its saved plans. The key
//!   is a JWK ([`PracticeKey`]) that can be saved to a file and imported on the practice's
//!   other computers, so every PC signs as the same practice.
//! - A plan link carries [`signed_plan_json`]: `{"v":2,"key":K,"sig":S,"plan":P}` where `P`
//!   is the plan's JSON exactly as signed, `K` the public key (an uncompressed P-256 point, 65
//!   bytes, base64url) and `S` the signature (64 bytes, r then s, base64url) over
//!   [`SIGNING_CONTEXT`] followed by the bytes of `P`. A bare plan (`"v":1`, as links made
//!   before signing were) is refused as unsigned.
//! - The person's app pins the key of the first plan it adds ([`AppData::plan_key`]) and
//!   accepts later plans only with that key. Before the first one is added, the page shows the
//!   key's code ([`key_code`]) for the OT to read out, like a safety number.
//! - Revision numbers can only move a little at a time ([`MAX_REVISION_STEP`]).

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use thiserror::Error;

use super::{decode_plan, plan_status, Plan, PlanStatus};
use crate::domain::share::{base64url_decode, base64url_encode, decode_json, ShareError};
use crate::domain::state::{AppData, DomainError};

/// The version of the signed envelope around a plan. A bare plan is version 1
/// ([`super::PLAN_VERSION`]), so an app from before signing says "made by a newer version".
pub const SIGNED_PLAN_VERSION: u32 = 2;
/// An uncompressed P-256 public key: 4, then x and y (32 bytes each).
pub const PUBLIC_KEY_BYTES: usize = 65;
/// An ECDSA P-256 signature as WebCrypto makes it: r then s (32 bytes each).
pub const SIGNATURE_BYTES: usize = 64;
/// Put before the plan's bytes when signing, so a practice's signature on a plan cannot be
/// taken for a signature on anything else.
pub const SIGNING_CONTEXT: &[u8] = b"everyday ot plan\n";
/// How far a plan's revision may be ahead of the one the person has (or of 0 for a plan not
/// seen before). The builder goes up one at a time, so this leaves room for missed versions
/// while a huge number can never be accepted.
pub const MAX_REVISION_STEP: u32 = 50;
/// The format name of a practice key, in its file and in the OT's storage.
pub const PRACTICE_KEY_FORMAT: &str = "everyday-practice-key";
pub const PRACTICE_KEY_VERSION: u32 = 1;

// ---------------------------------------------------------------------------------------------
// Keys.

/// A practice's public key, as carried in a link and pinned by the person's app: base64url of
/// an uncompressed P-256 point. Checked when read, so a stored or linked key is always 65
/// bytes starting with 4 (whether the point is on the curve is WebCrypto's check).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PlanKey(String);

impl PlanKey {
    pub fn from_bytes(bytes: &[u8]) -> Option<PlanKey> {
        (bytes.len() == PUBLIC_KEY_BYTES && bytes[0] == 4).then(|| PlanKey(base64url_encode(bytes)))
    }

    /// The 65 bytes of the point.
    pub fn bytes(&self) -> Vec<u8> {
        base64url_decode(&self.0).unwrap_or_default()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PlanKey {
    type Error = String;
    fn try_from(text: String) -> Result<PlanKey, String> {
        base64url_decode(&text)
            .and_then(|b| PlanKey::from_bytes(&b))
            .ok_or_else(|| "The OT's practice key is damaged.".to_string())
    }
}

impl From<PlanKey> for String {
    fn from(key: PlanKey) -> String {
        key.0
    }
}

/// The code read out to the person: two groups of five digits from the SHA-256 of the public
/// key's bytes (each group is 40 bits of the hash, taken modulo 100000), like a safety number.
pub fn key_code(sha256: &[u8]) -> String {
    let group = |at: usize| {
        let n = sha256
            .iter()
            .skip(at)
            .take(5)
            .fold(0u64, |n, b| n << 8 | u64::from(*b));
        format!("{:05}", n % 100_000)
    };
    format!("{} {}", group(0), group(5))
}

/// A practice's private key as a JWK (the JSON WebCrypto exports), P-256 only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub y: String,
    pub d: String,
}

/// The practice's signing key, as kept on the OT's computer and shared between its PCs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeKey {
    jwk: Jwk,
}

/// Why a practice key file (or the stored key) could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PracticeKeyError {
    #[error("This is not a practice key file from Everyday.")]
    NotAKey,
    #[error("This practice key file was made by a newer version of Everyday. Please reload this page to get the newest version, then try again.")]
    Newer,
    #[error("This practice key file is damaged, so it cannot be used. Please export it again from the practice's other computer.")]
    Damaged,
}

#[derive(Serialize, Deserialize)]
struct KeyFile {
    format: String,
    version: u32,
    key: Jwk,
}

fn coordinate(text: &str) -> bool {
    base64url_decode(text).is_some_and(|b| b.len() == 32)
}

impl PracticeKey {
    /// Check a JWK: an EC key on P-256 with its private part.
    pub fn from_jwk(jwk: Jwk) -> Result<PracticeKey, PracticeKeyError> {
        if jwk.kty == "EC"
            && jwk.crv == "P-256"
            && coordinate(&jwk.x)
            && coordinate(&jwk.y)
            && coordinate(&jwk.d)
        {
            Ok(PracticeKey { jwk })
        } else {
            Err(PracticeKeyError::Damaged)
        }
    }

    /// The private key as JWK JSON for WebCrypto's `importKey("jwk", …)`.
    pub fn jwk_json(&self) -> String {
        serde_json::to_string(&self.jwk).unwrap_or_default()
    }

    /// The public half, as carried in every plan.
    pub fn public(&self) -> PlanKey {
        let mut bytes = vec![4u8];
        for c in [&self.jwk.x, &self.jwk.y] {
            bytes.extend(base64url_decode(c).unwrap_or_default());
        }
        PlanKey::from_bytes(&bytes).unwrap_or(PlanKey(String::new()))
    }

    /// The key as a file (and as kept in the OT's storage).
    pub fn to_file(&self) -> String {
        serde_json::to_string(&KeyFile {
            format: PRACTICE_KEY_FORMAT.into(),
            version: PRACTICE_KEY_VERSION,
            key: self.jwk.clone(),
        })
        .unwrap_or_default()
    }

    /// Read a key file. Never panics, whatever the bytes.
    pub fn from_file(bytes: &[u8]) -> Result<PracticeKey, PracticeKeyError> {
        #[derive(Deserialize)]
        struct Header {
            format: String,
            version: u32,
        }
        let header: Header = decode_json(bytes).map_err(|_| PracticeKeyError::NotAKey)?;
        if header.format != PRACTICE_KEY_FORMAT {
            return Err(PracticeKeyError::NotAKey);
        }
        if header.version > PRACTICE_KEY_VERSION {
            return Err(PracticeKeyError::Newer);
        }
        let file: KeyFile = decode_json(bytes).map_err(|_| PracticeKeyError::Damaged)?;
        PracticeKey::from_jwk(file.key)
    }
}

// ---------------------------------------------------------------------------------------------
// The signed envelope.

/// What is signed: the context, then the plan's bytes exactly as they are in the link.
pub fn signed_message(payload: &[u8]) -> Vec<u8> {
    [SIGNING_CONTEXT, payload].concat()
}

/// The JSON put in a link: the plan's exact bytes, the public key and the signature.
pub fn signed_plan_json(payload: &str, key: &PlanKey, signature: &[u8]) -> String {
    format!(
        "{{\"v\":{SIGNED_PLAN_VERSION},\"key\":\"{}\",\"sig\":\"{}\",\"plan\":{payload}}}",
        key.as_str(),
        base64url_encode(signature)
    )
}

/// A plan as read from a link, before its signature is checked: nothing in it is trusted yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedPlan {
    /// The plan's JSON exactly as it was signed.
    pub payload: Vec<u8>,
    pub key: PlanKey,
    pub signature: Vec<u8>,
}

impl SignedPlan {
    /// The bytes the signature must be valid for.
    pub fn message(&self) -> Vec<u8> {
        signed_message(&self.payload)
    }
}

/// Why a plan was not opened or not added. Every message ends in "Nothing was changed."
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PlanRefusal {
    #[error("{0}")]
    Link(ShareError),
    #[error("This plan is not signed by an occupational therapist's practice, so Everyday cannot tell who made it. Nothing was changed. Please ask your occupational therapist to send the plan again from Everyday.")]
    Unsigned,
    #[error("This plan was changed after it was made, or was not made by Everyday, so it was not opened. Nothing was changed. Please ask your occupational therapist to send it again.")]
    BadSignature,
    #[error("This plan was signed by a different practice from the one your earlier plans came from, so it was not added. Nothing was changed. If you have a new occupational therapist, please ask them about it.")]
    OtherKey,
    /// `have` is the version the person has (0 for a plan not seen before).
    #[error("This plan says it is version {got}, too far ahead of the version you have, so it was not added. Nothing was changed. Please ask your occupational therapist to send the plan again.")]
    TooFarAhead { have: u32, got: u32 },
}

impl From<ShareError> for PlanRefusal {
    fn from(e: ShareError) -> Self {
        PlanRefusal::Link(e)
    }
}

impl From<PlanRefusal> for DomainError {
    fn from(e: PlanRefusal) -> Self {
        DomainError::Invalid(e.to_string())
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    v: u32,
}

#[derive(Deserialize)]
struct SignedWire<'a> {
    key: String,
    sig: String,
    #[serde(borrow)]
    plan: &'a RawValue,
}

/// Read the signed envelope of a plan link. Checks only its shape: the signature is checked by
/// the browser next, and nothing of the plan is read until then. Never panics.
pub fn open_signed_plan(bytes: &[u8]) -> Result<SignedPlan, PlanRefusal> {
    let probe: VersionProbe = decode_json(bytes)?;
    if probe.v > SIGNED_PLAN_VERSION {
        return Err(ShareError::Newer.into());
    }
    if probe.v < SIGNED_PLAN_VERSION {
        return Err(PlanRefusal::Unsigned);
    }
    let wire: SignedWire = serde_json::from_slice(bytes).map_err(|_| ShareError::Damaged)?;
    let key = PlanKey::try_from(wire.key).map_err(|_| ShareError::Damaged)?;
    let signature = base64url_decode(&wire.sig)
        .filter(|s| s.len() == SIGNATURE_BYTES)
        .ok_or(ShareError::Damaged)?;
    Ok(SignedPlan {
        payload: wire.plan.get().as_bytes().to_vec(),
        key,
        signature,
    })
}

// ---------------------------------------------------------------------------------------------
// The decision.

/// A plan whose signature the browser found valid, with the key that signed it. Made only by
/// [`check_signed`] (and by tests), so an import always knows the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedPlan {
    plan: Plan,
    key: PlanKey,
}

impl VerifiedPlan {
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn key(&self) -> &PlanKey {
        &self.key
    }

    pub(crate) fn into_parts(self) -> (Plan, PlanKey) {
        (self.plan, self.key)
    }

    /// For tests and fuzzing only: a plan taken as signed by `key` without a signature.
    #[doc(hidden)]
    pub fn assume_signed(plan: Plan, key: PlanKey) -> VerifiedPlan {
        VerifiedPlan { plan, key }
    }
}

/// Whether the person can trust where a signed plan came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust {
    /// Signed with the key pinned from the person's first plan.
    Known,
    /// The first plan on this phone: its key is not checked until the person compares the
    /// code their OT reads out. Adding it pins the key.
    NotChecked,
}

/// A plan that may be shown to the person, and what adding it would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedPlan {
    pub plan: VerifiedPlan,
    pub trust: Trust,
    pub status: PlanStatus,
}

/// Decide about a plan from a link, given whether the browser found its signature valid. On
/// refusal nothing is shown as the OT's and nothing changes.
pub fn check_signed(
    data: &AppData,
    signed: SignedPlan,
    signature_valid: bool,
) -> Result<CheckedPlan, PlanRefusal> {
    if !signature_valid {
        return Err(PlanRefusal::BadSignature);
    }
    let trust = pinned_trust(data, &signed.key)?;
    let plan = decode_plan(&signed.payload)?;
    let status = plan_status(data, &plan);
    if let PlanStatus::TooFarAhead(have) = status {
        return Err(PlanRefusal::TooFarAhead {
            have,
            got: plan.revision,
        });
    }
    Ok(CheckedPlan {
        plan: VerifiedPlan {
            plan,
            key: signed.key,
        },
        trust,
        status,
    })
}

/// Known with the pinned key, not checked when none is pinned, refused with another key.
pub fn pinned_trust(data: &AppData, key: &PlanKey) -> Result<Trust, PlanRefusal> {
    match &data.plan_key {
        Some(pinned) if pinned == key => Ok(Trust::Known),
        Some(_) => Err(PlanRefusal::OtherKey),
        None => Ok(Trust::NotChecked),
    }
}

/// Check a pinned key read from storage or a backup (its shape is checked when read).
pub fn validate_pinned(data: &AppData) -> Result<(), DomainError> {
    match &data.plan_key {
        Some(k) if k.bytes().len() != PUBLIC_KEY_BYTES => Err(DomainError::Invalid(
            "The OT's practice key is damaged.".into(),
        )),
        _ => Ok(()),
    }
}
