//! PDF documents, parsed back.

use printpdf::{PdfDocument, PdfParseOptions};
use samenspel::audience;
use samenspel::domain::covenant::short_fingerprint;
use samenspel::example;
use samenspel::i18n::Lang;

/// The words of each page, read back from the PDF.
fn read_pages(bytes: &[u8]) -> Vec<String> {
    let mut warnings = Vec::new();
    let doc =
        PdfDocument::parse(bytes, &PdfParseOptions::default(), &mut warnings).expect("parses");
    doc.extract_text_boxes()
        .into_iter()
        .map(|page| {
            page.lines
                .iter()
                .map(|l| {
                    l.words
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

#[test]
fn the_covenant_pdf_has_every_clause_a_signature_block_per_party_and_the_fingerprint_on_every_page()
{
    let a = example::samen_noord();
    let view = audience::covenant(&a, 1).unwrap();
    let bytes = samenspel::report::covenant::render(&view, Lang::Nl);
    assert!(bytes.starts_with(b"%PDF"));
    assert!(
        bytes.len() < 200_000,
        "fonts are subset: {} bytes",
        bytes.len()
    );
    let pages = read_pages(&bytes);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let all = pages.join("\n");
    assert!(all.contains("Convenant Samen Noord"));
    for (heading, _) in &view.clauses {
        assert!(all.contains(heading.as_str()), "clause {heading}");
    }
    for party in &a.parties {
        assert!(
            all.contains(&party.name),
            "signature block for {}",
            party.name
        );
    }
    let short = short_fingerprint(&a.covenant_versions[0].fingerprint);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&short), "fingerprint on page {}", i + 1);
        assert!(
            page.contains(&format!("{} / {}", i + 1, pages.len())),
            "page number on page {}",
            i + 1
        );
    }
    // Dutch letters survive the font subsetting.
    assert!(all.contains("één"), "diacritics");
    let en = read_pages(&samenspel::report::covenant::render(&view, Lang::En)).join("\n");
    assert!(en.contains("Signatures"));
}

#[test]
fn the_covenant_command_writes_a_pdf() {
    let dir = crate::support::Dir::new();
    let file = crate::support::example_file(&dir, "pdf.samenspel");
    let out = dir.path("convenant.pdf");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["pdf", "covenant"])
        .arg(&file)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
}
