use std::process::ExitCode;

use clap::Parser;
use samenspel::cli::{self, Cli};
use samenspel::ui::{AppOptions, SamenspelApp, theme};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => {
            let mut stdout = std::io::stdout().lock();
            match cli::run(command, &mut stdout) {
                Ok(()) => ExitCode::SUCCESS,
                Err(cli::Failure(message)) => {
                    eprintln!("samenspel: {message}");
                    ExitCode::FAILURE
                }
            }
        }
        None => gui(args.file),
    }
}

fn gui(file: Option<std::path::PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Samenspel")
            .with_app_id("samenspel")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 600.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Samenspel",
        options,
        Box::new(move |cc| {
            theme::install(&cc.egui_ctx);
            Ok(Box::new(SamenspelApp::new(AppOptions::desktop(file))))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("samenspel: the window could not be opened: {e}.");
            ExitCode::FAILURE
        }
    }
}
