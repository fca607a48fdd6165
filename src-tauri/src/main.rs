// Without this a console window opens beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    // Spreadsheets from outside are read by this same program started as a worker.
    if let Some(code) = meirim_exchange::import::worker::serve_if_asked() {
        return code;
    }
    meirim_app_lib::run();
    std::process::ExitCode::SUCCESS
}
