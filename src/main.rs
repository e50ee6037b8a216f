use std::process::ExitCode;

use clap::Parser;
use samenspel::cli::{self, Cli};
use samenspel::ui::{AppOptions, PresentMode, SamenspelApp, theme};

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
        None => {
            // One word that is neither a command nor a file: say so,
            // rather than try to open a window on it.
            if let Some(message) = args.file.as_deref().and_then(cli::unknown_command) {
                eprintln!("samenspel: {message}");
                return ExitCode::from(2);
            }
            gui(args.file, args.present)
        }
    }
}

fn gui(file: Option<std::path::PathBuf>, present: bool) -> ExitCode {
    let mut viewport = egui::ViewportBuilder::default().with_inner_size(window_size());
    if present {
        // Straight onto the beamer: full screen from the first frame.
        viewport = viewport.with_fullscreen(true);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title("Samenspel")
            .with_app_id("samenspel")
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
            let mut app = SamenspelApp::new(AppOptions::desktop(file));
            if present {
                app.start_presenting(PresentMode::ThisWindow);
            }
            Ok(Box::new(app))
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

/// The first window size: 1280×800, or `SAMENSPEL_WINDOW_SIZE=WxH` (for a
/// kiosk, or screenshots at a projector's resolution).
fn window_size() -> [f32; 2] {
    std::env::var("SAMENSPEL_WINDOW_SIZE")
        .ok()
        .and_then(|s| {
            let (w, h) = s.split_once('x')?;
            Some([w.trim().parse().ok()?, h.trim().parse().ok()?])
        })
        .filter(|[w, h]: &[f32; 2]| *w >= 640.0 && *h >= 480.0)
        .unwrap_or([1280.0, 800.0])
}
