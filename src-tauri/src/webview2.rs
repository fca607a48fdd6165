//! Windows draws Meirim's window with Microsoft Edge WebView2. It comes with Windows 11 and
//! an updated Windows 10, but an old office PC may lack it; Tauri would then fail with an
//! error no office worker can act on. Instead the user is told, in Kazakh and Russian
//! (the registry's language setting cannot be read before the app starts), what is
//! missing and what to do.

use meirim_core::settings::Language;
use meirim_i18n::Localizer;

/// True when WebView2 is installed; otherwise says so in a message box and returns false.
pub fn present_or_explained() -> bool {
    if tauri::webview_version().is_ok() {
        return true;
    }
    // (title, text) in one language.
    let message = |lang| {
        Localizer::new(lang)
            .map(|l| {
                (
                    l.text("webview2-missing-title", &[]),
                    l.text("webview2-missing", &[]),
                )
            })
            .unwrap_or_default()
    };
    let ((kk_title, kk_text), (ru_title, ru_text)) = (message(Language::Kk), message(Language::Ru));
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title(format!("{kk_title} / {ru_title}"))
        .set_description(format!("{kk_text}\n\n{ru_text}"))
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    false
}
