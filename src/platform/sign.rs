//! Plan signing with the browser's WebCrypto: ECDSA on P-256 with SHA-256, and the SHA-256 of a
//! public key for its code. Only the cryptography is here; the envelope, the key file and every
//! decision about trust are in `domain::plan::signing`.

use js_sys::{Array, Object, Promise, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::plan::signing::{
    key_code, signed_message, signed_plan_json, Jwk, PlanKey, PracticeKey, PracticeKeyError,
    SignedPlan,
};
use crate::domain::plan::{plan_json, Plan};
use crate::domain::share::ShareError;

const CURVE: &str = "P-256";

fn browser(what: &str) -> ShareError {
    ShareError::Browser(what.into())
}

fn subtle() -> Result<web_sys::SubtleCrypto, ShareError> {
    Ok(super::crypto::subtle()?)
}

async fn run(promise: Result<Promise, JsValue>, what: &str) -> Result<JsValue, ShareError> {
    let promise = promise.map_err(|_| browser(what))?;
    JsFuture::from(promise).await.map_err(|_| browser(what))
}

fn ecdsa() -> web_sys::EcdsaParams {
    web_sys::EcdsaParams::new_with_str("ECDSA", "SHA-256")
}

fn import_params() -> web_sys::EcKeyImportParams {
    let params = web_sys::EcKeyImportParams::new("ECDSA");
    params.set_named_curve(CURVE);
    params
}

/// Make a new practice key. It is extractable, so the practice can save it to a file and use
/// it on its other computers.
pub async fn new_practice_key() -> Result<PracticeKey, ShareError> {
    let subtle = subtle()?;
    let what = "it could not make a signing key.";
    let params = web_sys::EcKeyGenParams::new("ECDSA", CURVE);
    let usages = Array::of2(&"sign".into(), &"verify".into());
    let pair: web_sys::CryptoKeyPair = run(
        subtle.generate_key_with_object(&params, true, &usages),
        what,
    )
    .await?
    .unchecked_into();
    let jwk = run(subtle.export_key("jwk", &pair.get_private_key()), what).await?;
    let text: String = JSON::stringify(&jwk).map_err(|_| browser(what))?.into();
    let jwk: Jwk = serde_json::from_str(&text).map_err(|_| browser(what))?;
    PracticeKey::from_jwk(jwk).map_err(|_| browser(what))
}

/// Sign `message` with the practice key: 64 bytes, r then s.
pub async fn sign(key: &PracticeKey, message: &[u8]) -> Result<Vec<u8>, ShareError> {
    let subtle = subtle()?;
    let what = "it could not sign the plan.";
    let jwk: Object = JSON::parse(&key.jwk_json())
        .map_err(|_| browser(what))?
        .unchecked_into();
    // Imported for this one use and never extractable from here.
    let private: web_sys::CryptoKey = run(
        subtle.import_key_with_object(
            "jwk",
            &jwk,
            &import_params(),
            false,
            &Array::of1(&"sign".into()),
        ),
        what,
    )
    .await?
    .unchecked_into();
    let signature = run(
        subtle.sign_with_object_and_u8_array(&ecdsa(), &private, message),
        what,
    )
    .await?;
    Ok(Uint8Array::new(&signature).to_vec())
}

/// Whether `signature` is the key's signature over `message`. A key WebCrypto will not take
/// (not a point on the curve) is simply not valid.
pub async fn verify(key: &PlanKey, signature: &[u8], message: &[u8]) -> Result<bool, ShareError> {
    let subtle = subtle()?;
    let raw = Uint8Array::from(&key.bytes()[..]);
    let imported = subtle.import_key_with_object(
        "raw",
        &raw,
        &import_params(),
        false,
        &Array::of1(&"verify".into()),
    );
    let Ok(imported) = imported else {
        return Ok(false);
    };
    let Ok(public) = JsFuture::from(imported).await else {
        return Ok(false);
    };
    let public: web_sys::CryptoKey = public.unchecked_into();
    let valid = run(
        subtle.verify_with_object_and_u8_array_and_u8_array(&ecdsa(), &public, signature, message),
        "it could not check the plan's signature.",
    )
    .await?;
    Ok(valid.as_bool().unwrap_or(false))
}

/// The JSON for a plan link: the plan's exact bytes, the public key and the signature.
pub async fn sign_plan(key: &PracticeKey, plan: &Plan) -> Result<String, ShareError> {
    let payload = plan_json(plan);
    let signature = sign(key, &signed_message(payload.as_bytes())).await?;
    Ok(signed_plan_json(&payload, &key.public(), &signature))
}

/// Whether a plan from a link was signed by the key it carries, over exactly its bytes.
pub async fn verify_plan(signed: &SignedPlan) -> Result<bool, ShareError> {
    verify(&signed.key, &signed.signature, &signed.message()).await
}

/// The code of a key that the OT reads out ("12345 67890").
pub async fn code(key: &PlanKey) -> Result<String, ShareError> {
    let what = "it could not work out the practice's code.";
    let digest = run(
        subtle()?.digest_with_str_and_u8_array("SHA-256", &key.bytes()),
        what,
    )
    .await?;
    Ok(key_code(&Uint8Array::new(&digest).to_vec()))
}

/// Check a practice key (from a file) works: it signs, and its public half checks what it
/// signed, so a file with mismatched halves is never kept.
pub async fn check_practice_key(key: &PracticeKey) -> Result<(), PracticeKeyError> {
    let message = signed_message(b"{}");
    let signature = sign(key, &message)
        .await
        .map_err(|_| PracticeKeyError::Damaged)?;
    match verify(&key.public(), &signature, &message).await {
        Ok(true) => Ok(()),
        _ => Err(PracticeKeyError::Damaged),
    }
}
