//! The phone's share sheet (`navigator.share` with files), where the browser supports it. Called
//! through `js_sys::Reflect`, so browsers without it are detected rather than failing.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A file to share: name, text and type.
pub struct ShareFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub mime: &'a str,
}

fn navigator_fn(name: &str) -> Option<(JsValue, Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let f = Reflect::get(&navigator, &name.into()).ok()?;
    f.dyn_into::<Function>().ok().map(|f| (navigator, f))
}

fn share_data(files: &[ShareFile], title: &str) -> Result<Object, JsValue> {
    let list = Array::new();
    for f in files {
        let options = web_sys::FilePropertyBag::new();
        options.set_type(f.mime);
        let parts = Array::of1(&JsValue::from_str(f.text));
        let file = web_sys::File::new_with_str_sequence_and_options(&parts, f.name, &options)?;
        list.push(&file);
    }
    let data = Object::new();
    Reflect::set(&data, &"files".into(), &list)?;
    Reflect::set(&data, &"title".into(), &title.into())?;
    Ok(data)
}

/// Whether this browser can share files like these.
pub fn can_share(files: &[ShareFile]) -> bool {
    let (Some((nav, can)), Some(_)) = (navigator_fn("canShare"), navigator_fn("share")) else {
        return false;
    };
    share_data(files, "")
        .ok()
        .and_then(|data| can.call1(&nav, &data).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// How a share ended.
pub enum Shared {
    Done,
    /// The person closed the share sheet.
    Cancelled,
}

/// Open the share sheet with the files. Must be called straight from a tap.
pub async fn share(files: &[ShareFile<'_>], title: &str) -> Result<Shared, String> {
    let fail = || {
        "This phone's browser could not open the share menu. Please download the file instead."
            .to_string()
    };
    let (nav, share) = navigator_fn("share").ok_or_else(fail)?;
    let data = share_data(files, title).map_err(|_| fail())?;
    let promise: Promise = share
        .call1(&nav, &data)
        .map_err(|_| fail())?
        .dyn_into()
        .map_err(|_| fail())?;
    match JsFuture::from(promise).await {
        Ok(_) => Ok(Shared::Done),
        Err(e) => {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            if name == "AbortError" {
                Ok(Shared::Cancelled)
            } else {
                Err(fail())
            }
        }
    }
}
