// Without this a console window opens beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    meirim_app_lib::run();
}
