//! Sharing by link: what goes in a share (built by one function from a whitelist of fields),
//! and the versioned envelope that carries it in a URL fragment. The browser does the
//! compressing and the encryption (`platform::share`); everything here is plain Rust.
//!
//! A fragment is `VERSION.KIND.MODE.DATA`, for example `1.w.p.3ZJBb…`:
//!
//! - `VERSION` is [`SHARE_VERSION`]; a higher number is "from a newer version of Everyday".
//! - `KIND` says what is inside (`w`: a workplace plan). Other kinds (an OT's plan) reuse the
//!   same envelope.
//! - `MODE` is `p` (plain) or `e` (protected with a passphrase).
//! - `DATA` is base64url (no padding) of: for `p`, the deflate-raw compressed JSON followed by
//!   its CRC-32 (4 bytes, little-endian), so a damaged link is caught; for `e`, a 16-byte salt,
//!   a 12-byte IV and the AES-GCM ciphertext of the compressed JSON, with the text
//!   `VERSION.KIND.MODE` as additional data, so any change to the link is caught.
//!
//! The key is derived from the passphrase with PBKDF2-SHA256 over [`PBKDF2_ITERATIONS`]
//! iterations, with a fresh random salt and IV for every share.

use chrono::{Datelike, NaiveDate};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::checklists::{AdviceKind, ItemStatus, Owner, ShareChoices};
use super::state::{AppData, MAX_NAME_CHARS, MAX_TEXT_CHARS};

/// The version of the share format this app writes and reads.
pub const SHARE_VERSION: u32 = 1;
/// The longest fragment read (a link longer than this is refused before decoding).
pub const MAX_FRAGMENT_CHARS: usize = 64 * 1024;
/// The most bytes a payload may expand to when decompressed.
pub const MAX_PAYLOAD_BYTES: usize = 256 * 1024;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// The AES-GCM authentication tag at the end of the ciphertext.
pub const TAG_BYTES: usize = 16;
pub const PBKDF2_ITERATIONS: u32 = super::lock::MIN_ITERATIONS;
/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// What a share link carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareKind {
    /// The workplace plan for an employer.
    WorkplacePlan,
    /// An occupational therapist's plan for the person.
    OtPlan,
}

impl ShareKind {
    pub fn tag(self) -> &'static str {
        match self {
            ShareKind::WorkplacePlan => "w",
            ShareKind::OtPlan => "t",
        }
    }

    fn from_tag(tag: &str) -> Option<ShareKind> {
        match tag {
            "w" => Some(ShareKind::WorkplacePlan),
            "t" => Some(ShareKind::OtPlan),
            _ => None,
        }
    }
}

/// Why a link or file could not be opened, in words for the person reading it.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ShareError {
    #[error("This link is damaged or incomplete: part of it may have been lost when it was copied. Please ask the person who sent it to send it again.")]
    Damaged,
    #[error("This link was made by a newer version of Everyday. Please reload this page to get the newest version, then open the link again.")]
    Newer,
    #[error("This link is not for this page: it holds something other than a workplace plan.")]
    WrongKind,
    #[error("That passphrase does not open this plan. Please check it with the person who sent the link (capital letters count) and try again. If it is right, the link may have been changed or damaged: ask for it to be sent again.")]
    WrongPassphrase,
    #[error("This link is too long to be from Everyday.")]
    TooLong,
    #[error("The browser could not do this: {0}")]
    Browser(String),
    #[error(
        "This link has a date that cannot be right: {}. Everyday accepts dates between {} and \
         {}. Please ask the person who sent it to check the dates and send it again.",
        super::dates::plain_iso(.0 .0),
        super::dates::EARLIEST_DATE.year(),
        super::dates::LATEST_DATE.year()
    )]
    Date(super::dates::DateOutOfWindow),
}

impl From<super::lock::CryptoError> for ShareError {
    fn from(e: super::lock::CryptoError) -> Self {
        use super::lock::CryptoError;
        match e {
            CryptoError::WrongKey => ShareError::WrongPassphrase,
            CryptoError::Damaged => ShareError::Damaged,
            CryptoError::TooLong => ShareError::TooLong,
            CryptoError::Newer => ShareError::Newer,
            CryptoError::Browser(why) => ShareError::Browser(why),
        }
    }
}

/// A fragment read from a link, before decompressing or decrypting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    pub kind: ShareKind,
    /// Protected with a passphrase.
    pub protected: bool,
    /// Plain: the compressed JSON (its checksum already checked). Protected: salt, IV and
    /// ciphertext.
    pub body: Vec<u8>,
}

/// `VERSION.KIND.MODE`: the start of a fragment, and the additional data of the encryption.
pub fn header(kind: ShareKind, protected: bool) -> String {
    format!(
        "{SHARE_VERSION}.{}.{}",
        kind.tag(),
        if protected { "e" } else { "p" }
    )
}

/// The fragment for a plain share (`compressed` is the deflate-raw JSON) or a protected one
/// (`body` is salt, IV and ciphertext).
pub fn encode_fragment(kind: ShareKind, protected: bool, body: &[u8]) -> String {
    let mut bytes = body.to_vec();
    if !protected {
        bytes.extend_from_slice(&crc32(body).to_le_bytes());
    }
    format!("{}.{}", header(kind, protected), base64url_encode(&bytes))
}

/// Read a fragment (with or without its leading `#`). Never panics, whatever the text.
pub fn read_fragment(text: &str) -> Result<Fragment, ShareError> {
    let text = text.trim().trim_start_matches('#');
    if text.len() > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLong);
    }
    let mut parts = text.splitn(4, '.');
    let version: u32 = parts
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or(ShareError::Damaged)?;
    if version > SHARE_VERSION {
        return Err(ShareError::Newer);
    }
    if version == 0 {
        return Err(ShareError::Damaged);
    }
    let kind = parts.next().ok_or(ShareError::Damaged)?;
    let protected = match parts.next() {
        Some("p") => false,
        Some("e") => true,
        _ => return Err(ShareError::Damaged),
    };
    let data = parts.next().ok_or(ShareError::Damaged)?;
    let kind = ShareKind::from_tag(kind).ok_or(ShareError::WrongKind)?;
    let mut body = base64url_decode(data).ok_or(ShareError::Damaged)?;
    if protected {
        if body.len() < SALT_BYTES + IV_BYTES + TAG_BYTES {
            return Err(ShareError::Damaged);
        }
    } else {
        if body.len() < 4 {
            return Err(ShareError::Damaged);
        }
        let split = body.len() - 4;
        let mut sum = [0u8; 4];
        sum.copy_from_slice(&body[split..]);
        if u32::from_le_bytes(sum) != crc32(&body[..split]) {
            return Err(ShareError::Damaged);
        }
        body.truncate(split);
    }
    Ok(Fragment {
        kind,
        protected,
        body,
    })
}

/// The salt, IV and ciphertext of a protected body.
pub type Sealed<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// Split a protected body into its salt, IV and ciphertext.
pub fn split_sealed(body: &[u8]) -> Result<Sealed<'_>, ShareError> {
    if body.len() < SALT_BYTES + IV_BYTES + TAG_BYTES {
        return Err(ShareError::Damaged);
    }
    let (salt, rest) = body.split_at(SALT_BYTES);
    let (iv, ciphertext) = rest.split_at(IV_BYTES);
    Ok((salt, iv, ciphertext))
}

/// Find a fragment in the text of a file or a pasted link: whatever follows `employer#` (or
/// else the first `#`, or else the whole text).
pub fn fragment_in(text: &str) -> &str {
    let text = text.trim();
    let at = text
        .find("employer#")
        .map(|at| at + "employer".len())
        .or_else(|| text.find('#'));
    match at {
        Some(at) => {
            let rest = &text[at + 1..];
            // A file holds the link inside other text: stop at the end of the link.
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        }
        None => text,
    }
}

/// A passphrase long enough to protect a health-related plan.
pub fn check_passphrase(passphrase: &str) -> Result<(), String> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(format!(
            "Please use a passphrase of at least {MIN_PASSPHRASE_CHARS} characters, for example three words you will remember."
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The workplace plan as shared: only these fields can ever reach an employer.

/// An adjustment as the employer sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedAdjustment {
    pub kind: AdviceKind,
    pub text: String,
    pub status: ItemStatus,
    pub owner: Owner,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A row of the difficulties table as shared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedDifficulty {
    pub difficulty: String,
    #[serde(default)]
    pub recommendation: String,
}

/// A week of the phased return as shared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedWeek {
    pub starts: NaiveDate,
    pub hours: u8,
    /// Half an hour more (missing from links made before half hours).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub half_hour: bool,
    #[serde(default)]
    pub days: u8,
}

impl SharedWeek {
    /// The week's hours, with the half hour.
    pub fn week_hours(&self) -> super::workplace::HalfHours {
        super::workplace::HalfHours(u16::from(self.hours) * 2 + u16::from(self.half_hour))
    }
}

/// The Wellness Action Plan, when the person chooses to share it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedWellness {
    #[serde(default)]
    pub keeps_me_well: String,
    #[serde(default)]
    pub warning_signs: String,
    #[serde(default)]
    pub effect_on_work: String,
    #[serde(default)]
    pub support_from_manager: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<NaiveDate>,
}

/// Everything an employer receives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPlan {
    /// The day it was shared.
    pub shared: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advice: Vec<AdviceKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<SharedAdjustment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub difficulties: Vec<SharedDifficulty>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phased_return: Vec<SharedWeek>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wellness: Option<SharedWellness>,
}

impl SharedPlan {
    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.advice.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.review.is_none()
            && self.adjustments.is_empty()
            && self.difficulties.is_empty()
            && self.phased_return.is_empty()
            && self.wellness.is_none()
    }
}

/// THE one place a share is built. It reads only the workplace plan's whitelisted fields (and
/// the person's name when chosen): never the diary, ratings, goals, outcomes, items or rows
/// marked private, an item's "not possible" reason, or its note unless notes are chosen.
pub fn share_payload(data: &AppData, choices: &ShareChoices, today: NaiveDate) -> SharedPlan {
    let plan = &data.workplace;
    let period = choices.period;
    let adjustments = plan
        .items
        .iter()
        .filter(|i| !i.private)
        .filter(|i| {
            (choices.agreed && i.status.is_agreed())
                || (choices.asked_for && i.status == ItemStatus::AskedFor)
                || (choices.suggested && i.status == ItemStatus::Suggested)
        })
        .map(|i| SharedAdjustment {
            kind: i.kind,
            text: i.text.clone(),
            status: i.status,
            owner: i.owner,
            since: i.since,
            review: i.review,
            note: if choices.notes {
                i.note.clone()
            } else {
                String::new()
            },
        })
        .collect();
    let difficulties = if choices.difficulties {
        plan.difficulties
            .iter()
            .filter(|d| !d.private)
            .map(|d| SharedDifficulty {
                difficulty: d.difficulty.clone(),
                recommendation: d.recommendation.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let phased_return = if choices.phased_return {
        plan.phased_return
            .iter()
            .map(|w| SharedWeek {
                starts: w.starts,
                hours: w.hours,
                half_hour: w.half_hour,
                days: w.days,
            })
            .collect()
    } else {
        Vec::new()
    };
    let w = &plan.wellness;
    let wellness = SharedWellness {
        keeps_me_well: w.keeps_me_well.clone(),
        warning_signs: w.warning_signs.clone(),
        effect_on_work: w.effect_on_work.clone(),
        support_from_manager: w.support_from_manager.clone(),
        review: w.review,
    };
    SharedPlan {
        shared: today,
        name: if choices.name {
            data.settings.name.clone()
        } else {
            String::new()
        },
        advice: if period {
            plan.advice.clone()
        } else {
            Vec::new()
        },
        from: plan.from.filter(|_| period),
        to: plan.to.filter(|_| period),
        review: plan.review.filter(|_| period),
        adjustments,
        difficulties,
        phased_return,
        wellness: (choices.wellness && wellness != SharedWellness::default()).then_some(wellness),
    }
}

/// Who sent the plan, for the employer's page: the name when it was shared.
pub fn sender(plan: &SharedPlan) -> String {
    if plan.name.trim().is_empty() {
        "your employee".into()
    } else {
        plan.name.clone()
    }
}

/// When the plan will be looked at again, in words for the employer: the plan's review date,
/// or else the earliest review of an adjustment or of the Wellness Action Plan.
pub fn review_words(plan: &SharedPlan) -> String {
    if let Some(r) = plan.review {
        return format!(
            "The plan will be reviewed on {}.",
            super::dates::long_date(r)
        );
    }
    let earliest = plan
        .adjustments
        .iter()
        .filter_map(|a| a.review)
        .chain(plan.wellness.as_ref().and_then(|w| w.review))
        .min();
    match earliest {
        Some(r) => format!("The first review is on {}.", super::dates::long_date(r)),
        None => format!(
            "No review date has been set yet. Please agree one with {}.",
            sender(plan)
        ),
    }
}

/// What the employer is asked to do next, in order.
pub fn employer_next_steps(plan: &SharedPlan) -> Vec<String> {
    let who = sender(plan);
    let count = |status: ItemStatus| {
        plan.adjustments
            .iter()
            .filter(|a| a.status == status)
            .count()
    };
    let (asked, suggested) = (count(ItemStatus::AskedFor), count(ItemStatus::Suggested));
    // "the adjustment" or "the 3 adjustments".
    let the = |n: usize, one: &str| {
        if n == 1 {
            one.to_string()
        } else {
            format!("{n} {one}s")
        }
    };
    let mut steps = Vec::new();
    if asked > 0 {
        steps.push(format!(
            "Reply to {who} about the {} asked for: agree {}, or say what could be done instead.",
            the(asked, "adjustment"),
            if asked == 1 { "it" } else { "them" }
        ));
    }
    if suggested > 0 {
        steps.push(format!(
            "Talk with {who} about the {} marked \"suggested\": {} not been asked for yet.",
            the(suggested, "idea"),
            if suggested == 1 {
                "it has"
            } else {
                "they have"
            }
        ));
    }
    if plan.adjustments.iter().any(|a| a.status.is_agreed()) {
        steps.push("Keep the agreed adjustments in place until the review.".into());
    }
    if !plan.phased_return.is_empty() {
        steps.push("Plan the work rota around the hours and days for each week below.".into());
    }
    steps.push(match plan.review {
        Some(_) => format!("Meet {who} on or before the review date to see how it is going."),
        None => format!("Agree a date with {who} to review the plan together."),
    });
    steps
}

/// The JSON that is compressed into a link.
pub fn plan_json(plan: &SharedPlan) -> String {
    // Serialising plain structs of strings, numbers and dates cannot fail.
    serde_json::to_string(plan).unwrap_or_default()
}

/// Read JSON from a link through serde, refusing anything too large. Never panics.
pub fn decode_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ShareError> {
    if bytes.len() > MAX_PAYLOAD_BYTES {
        return Err(ShareError::TooLong);
    }
    serde_json::from_slice(bytes).map_err(|_| ShareError::Damaged)
}

/// Read a shared workplace plan and check every value is in range.
pub fn decode_plan(bytes: &[u8]) -> Result<SharedPlan, ShareError> {
    let plan: SharedPlan = decode_json(bytes)?;
    super::dates::check_dates(&plan).map_err(ShareError::Date)?;
    let short = |s: &str, max: usize| s.chars().count() <= max;
    let texts = plan
        .adjustments
        .iter()
        .all(|a| short(&a.text, MAX_TEXT_CHARS) && short(&a.note, MAX_TEXT_CHARS))
        && plan.difficulties.iter().all(|d| {
            short(&d.difficulty, MAX_TEXT_CHARS) && short(&d.recommendation, MAX_TEXT_CHARS)
        })
        && plan.wellness.as_ref().is_none_or(|w| {
            [
                &w.keeps_me_well,
                &w.warning_signs,
                &w.effect_on_work,
                &w.support_from_manager,
            ]
            .iter()
            .all(|t| short(t, MAX_TEXT_CHARS))
        })
        && short(&plan.name, MAX_NAME_CHARS);
    let weeks = plan.phased_return.len() <= super::workplace::MAX_WEEKS
        && plan
            .phased_return
            .iter()
            .all(|w| w.week_hours().within_max() && w.days <= 7);
    let counts = plan.adjustments.len() <= super::checklists::MAX_ITEMS
        && plan.difficulties.len() <= super::checklists::MAX_ITEMS;
    if texts && weeks && counts {
        Ok(plan)
    } else {
        Err(ShareError::Damaged)
    }
}

// ---------------------------------------------------------------------------------------------
// base64url without padding, and CRC-32: small enough to write here rather than add crates.

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// None for any character outside the alphabet, a length no encoding gives, or leftover bits.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| B64.iter().position(|&b| b == c).map(|v| v as u32);
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        let len = chunk.len() - 1;
        // Bits after the last whole byte must be zero, so each text has one meaning.
        if n & ((1 << (24 - 8 * len)) - 1) != 0 {
            return None;
        }
        for i in 0..len {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// CRC-32 (the zip and PNG checksum), bit by bit: no table to ship.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & 0u32.wrapping_sub(crc & 1));
        }
    }
    !crc
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
