//! On Windows builds, meirim-cli.exe carries the app's icon and its version and publisher
//! in the file's properties, like meirim.exe (whose resource tauri-build makes).

fn main() {
    println!("cargo:rerun-if-changed=../../src-tauri/icons/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = tauri_winres::WindowsResource::new();
    res.set_icon("../../src-tauri/icons/icon.ico")
        .set("ProductName", "Meirim")
        .set("CompanyName", "Meirim developers")
        .set("FileDescription", "Meirim CLI / Мейірім командалық жолы")
        .set("LegalCopyright", "© Meirim developers, MIT");
    if let Err(e) = res.compile() {
        // A missing resource compiler must stop the build, not ship an exe without them.
        panic!("could not embed the Windows resources (icon, version): {e}");
    }
}
