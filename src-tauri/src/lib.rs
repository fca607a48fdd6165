//! The Meirim desktop shell: parses start-up options, opens the registry and exposes the
//! core to the UI as typed commands. Business rules live in meirim-core, not here.

mod args;
mod commands;
mod first_screen;
mod state;
mod status;

pub use commands::specta_builder;

use tauri::Manager;

pub fn run() {
    let args = args::AppArgs::parse_or_exit();
    let state = state::AppState::open(args.data_dir.as_deref());
    let builder = specta_builder();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(builder.invoke_handler())
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
