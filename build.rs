//! The final link of the app keeps its relocations (`--emit-relocs`), which `wasm-split-cli`
//! needs to cut the WebAssembly file into a part per section (see `scripts/split.mjs`). Only the
//! wasm32 binary is affected: tests and native builds link as usual.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=everyday=--emit-relocs");
    }
}
