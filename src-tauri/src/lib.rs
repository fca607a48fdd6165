//! The Meirim desktop shell: parses start-up options, opens the registry and exposes the
//! core to the UI as typed commands. Business rules live in meirim-core, not here.

mod access;
mod args;
mod commands;
mod first_screen;
mod grants;
mod state;
mod status;
#[cfg(windows)]
mod webview2;

pub use commands::specta_builder;

use tauri::Manager;

pub fn run() {
    #[cfg(target_os = "linux")]
    webview_without_dmabuf();
    let args = args::AppArgs::parse_or_exit();
    #[cfg(windows)]
    if !webview2::present_or_explained() {
        std::process::exit(1);
    }
    let state = state::AppState::open(args.data_dir.as_deref());
    let builder = specta_builder();
    let handler = builder.invoke_handler();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        // Every call passes the role check first (access.rs): refused before its
        // arguments are even read.
        .invoke_handler(move |invoke| {
            let state = invoke.message.webview_ref().state::<state::AppState>();
            match access::admit(&state, invoke.message.command()) {
                Ok(()) => handler(invoke),
                Err(problem) => {
                    invoke.resolver.reject(problem);
                    true
                }
            }
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                handle.state::<state::AppState>().close();
            }
        }),
        Err(e) => {
            eprintln!("Meirim could not start its window: {e}");
            std::process::exit(1);
        }
    }
}

/// WebKitGTK, the Linux webview, hands its rendered pages to the window through DMA-BUF
/// buffers: about 100 MiB more for Meirim's screens (BENCHMARKS.md), and the known cause of
/// blank windows with some graphics drivers. Without it WebKit shares ordinary memory,
/// which screens of forms and tables do not notice. (WebKit's own page snapshot then waits
/// for a repaint; the E2E screenshots are taken from the X server instead.) Set before any
/// thread starts; a user who sets the variable keeps theirs.
#[cfg(target_os = "linux")]
fn webview_without_dmabuf() {
    const VAR: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
    if std::env::var_os(VAR).is_none() {
        std::env::set_var(VAR, "1");
    }
}
