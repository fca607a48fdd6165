//! The Meirim desktop shell: parses start-up options, opens the registry and exposes the
//! core to the UI as typed commands. Business rules live in meirim-core, not here.

mod args;
mod commands;
mod state;

pub use commands::specta_builder;

pub fn run() {
    let args = args::AppArgs::parse_or_exit();
    let state = state::AppState::open(args.data_dir.as_deref());
    let builder = specta_builder();
    let result = tauri::Builder::default()
        .manage(state)
        .invoke_handler(builder.invoke_handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Meirim could not start its window: {e}");
        std::process::exit(1);
    }
}
