//! Files in and out: download a text file, and read a file the person chose.

use wasm_bindgen::{JsCast, JsValue};

/// Start a download of `text` as a file called `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |_: JsValue| "The browser would not make the file.".to_string();
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("The page is not ready.")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "The page is not ready.".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Let the click start the download before the object URL is released.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Read the bytes of a chosen file, refusing anything larger than `limit` before reading it.
pub async fn read_bytes(file: web_sys::File, limit: usize) -> Result<Vec<u8>, String> {
    let size = file.size() as usize;
    if size > limit {
        return Err(format!(
            "This file is too big ({} KB). An Everyday file is at most {} KB.",
            size / 1024,
            limit / 1024
        ));
    }
    let file = gloo_file::File::from(file);
    gloo_file::futures::read_as_bytes(&file)
        .await
        .map_err(|_| "The file could not be read. Please try choosing it again.".to_string())
}
