//! What makes a document fit for an archive: its language set in the
//! catalogue, and PDF/A-2b (XMP metadata, an sRGB output intent, a
//! document ID), added to what printpdf wrote.

use super::*;

/// Write the document's language (`/Lang` in the catalog), which printpdf
/// does not, so screen readers and hyphenating viewers know it.
pub(super) fn set_language(bytes: Vec<u8>, lang: Lang) -> Vec<u8> {
    let Ok(mut doc) = lopdf::Document::load_mem(&bytes) else {
        return bytes;
    };
    // printpdf writes the same identifier into every document and an empty
    // PDF/X version, which makes a reader take a plain PDF for PDF/X.
    set_id(&mut doc, &bytes, chrono::Utc::now());
    drop_pdfx_keys(&mut doc);
    let tag = language_tag(lang);
    let Ok(catalog) = doc.catalog_mut() else {
        return bytes;
    };
    catalog.set("Lang", lopdf::Object::string_literal(tag));
    let mut out = Vec::with_capacity(bytes.len());
    match doc.save_to(&mut out) {
        Ok(()) => out,
        Err(_) => bytes,
    }
}

/// A document identifier of its own (PDF 14.4): from the document's
/// content and the moment it was written, so two documents never share
/// one (an archive that removes duplicates by identifier keeps both).
pub(super) fn set_id(doc: &mut lopdf::Document, bytes: &[u8], now: chrono::DateTime<chrono::Utc>) {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(bytes);
    h.update(
        now.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
            .as_bytes(),
    );
    let id = h.finalize()[..16].to_vec();
    doc.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.clone(), lopdf::StringFormat::Hexadecimal),
            lopdf::Object::String(id, lopdf::StringFormat::Hexadecimal),
        ]),
    );
}

/// Take PDF/X's keys out of the information dictionary: no document here
/// is PDF/X.
pub(super) fn drop_pdfx_keys(doc: &mut lopdf::Document) {
    let Ok(id) = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
    else {
        return;
    };
    if let Ok(lopdf::Object::Dictionary(info)) = doc.get_object_mut(id) {
        let keys: Vec<Vec<u8>> = info
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| k.starts_with(b"GTS_PDFX"))
            .collect();
        for k in keys {
            info.remove(&k);
        }
    }
}

/// A text string for the document information dictionary: PDFDocEncoding
/// when it is plain ASCII, else UTF-16BE with its byte order mark.
pub(super) fn text_string(text: &str) -> lopdf::Object {
    if text.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) {
        lopdf::Object::string_literal(text)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            bytes.extend(unit.to_be_bytes());
        }
        lopdf::Object::String(bytes, lopdf::StringFormat::Hexadecimal)
    }
}

/// Text for an XML element.
pub(super) fn xml(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// The XMP metadata of an archival document: PDF/A-2b's identification
/// (`pdfaid:part` 2, `pdfaid:conformance` B) and the same title, author,
/// subject, keywords, tools and dates as the information dictionary, as
/// ISO 19005-2 requires.
pub(super) fn xmp(info: &DocInfo, producer: &str, date: &str) -> String {
    let mut dc = String::from("<dc:format>application/pdf</dc:format>");
    if !info.title.is_empty() {
        dc.push_str(&format!(
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>",
            xml(&info.title)
        ));
    }
    if !info.author.is_empty() {
        dc.push_str(&format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
            xml(&info.author)
        ));
    }
    if !info.subject.is_empty() {
        dc.push_str(&format!(
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>",
            xml(&info.subject)
        ));
    }
    dc.push_str(&format!(
        "<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>",
        language_tag(info.lang)
    ));
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\
         <pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>\
         </rdf:Description>\n\
         <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">{dc}</rdf:Description>\n\
         <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\
         <xmp:CreatorTool>Samenspel</xmp:CreatorTool>\
         <xmp:CreateDate>{date}</xmp:CreateDate>\
         <xmp:ModifyDate>{date}</xmp:ModifyDate>\
         <xmp:MetadataDate>{date}</xmp:MetadataDate>\
         </rdf:Description>\n\
         <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\
         <pdf:Producer>{producer}</pdf:Producer>\
         <pdf:Keywords>{keywords}</pdf:Keywords>\
         </rdf:Description>\n\
         </rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"w\"?>",
        producer = xml(producer),
        keywords = xml(info.lang.code()),
    )
}

pub(super) fn language_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl-NL",
        Lang::En => "en-GB",
    }
}

/// A minimal ICC profile (version 2.1, display class) of sRGB IEC
/// 61966-2.1: the D50-adapted primaries, the D65 white point and the sRGB
/// tone curve as a 1024-entry table. Written here rather than shipped as a
/// file: the numbers are the standard's own.
pub fn srgb_icc() -> Vec<u8> {
    fn s15(x: f64) -> [u8; 4] {
        ((x * 65536.0).round() as i32).to_be_bytes()
    }
    fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
        let mut out = b"XYZ \0\0\0\0".to_vec();
        for v in [x, y, z] {
            out.extend(s15(v));
        }
        out
    }
    let description = b"sRGB IEC61966-2.1";
    let mut desc = b"desc\0\0\0\0".to_vec();
    desc.extend(((description.len() + 1) as u32).to_be_bytes());
    desc.extend(description);
    desc.push(0);
    desc.extend([0u8; 8]); // no Unicode description
    desc.extend([0u8; 3]); // no ScriptCode description
    desc.extend([0u8; 67]);
    let mut cprt = b"text\0\0\0\0".to_vec();
    cprt.extend(b"No copyright: the sRGB parameters of IEC 61966-2.1");
    cprt.push(0);
    let mut curve = b"curv\0\0\0\0".to_vec();
    let n = 1024u32;
    curve.extend(n.to_be_bytes());
    for i in 0..n {
        let v = i as f64 / (n - 1) as f64;
        let linear = if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        };
        curve.extend(((linear * 65535.0).round() as u16).to_be_bytes());
    }
    let tags: Vec<(&[u8; 4], Vec<u8>)> = vec![
        (b"desc", desc),
        (b"cprt", cprt),
        (b"wtpt", xyz(0.95045, 1.0, 1.08905)),
        (b"rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)),
        (b"gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)),
        (b"bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)),
        (b"rTRC", curve.clone()),
        (b"gTRC", curve.clone()),
        (b"bTRC", curve),
    ];
    let table_len = 4 + 12 * tags.len();
    let mut data = Vec::new();
    let mut entries = Vec::new();
    for (sig, bytes) in &tags {
        while data.len() % 4 != 0 {
            data.push(0);
        }
        entries.push((*sig, 128 + table_len + data.len(), bytes.len()));
        data.extend(bytes);
    }
    while data.len() % 4 != 0 {
        data.push(0);
    }
    let size = 128 + table_len + data.len();
    let mut out = Vec::with_capacity(size);
    out.extend((size as u32).to_be_bytes());
    out.extend([0u8; 4]); // preferred CMM: none
    out.extend([0x02, 0x10, 0x00, 0x00]); // version 2.1
    out.extend(b"mntr");
    out.extend(b"RGB ");
    out.extend(b"XYZ ");
    for v in [2026u16, 1, 1, 0, 0, 0] {
        out.extend(v.to_be_bytes());
    }
    out.extend(b"acsp");
    out.extend([0u8; 4]); // platform
    out.extend([0u8; 4]); // flags
    out.extend([0u8; 4]); // manufacturer
    out.extend([0u8; 4]); // model
    out.extend([0u8; 8]); // attributes
    out.extend([0u8; 4]); // rendering intent: perceptual
    for v in [0.9642, 1.0, 0.8249] {
        out.extend(s15(v)); // the PCS illuminant, D50
    }
    out.extend([0u8; 4]); // creator
    out.extend([0u8; 44]); // profile ID and reserved
    out.extend((tags.len() as u32).to_be_bytes());
    for (sig, offset, len) in entries {
        out.extend(sig);
        out.extend((offset as u32).to_be_bytes());
        out.extend((len as u32).to_be_bytes());
    }
    out.extend(data);
    out
}

/// Make a finished PDF an archival one, PDF/A-2b (ISO 19005-2, level B:
/// what Dutch public archives prefer), which printpdf 0.12 cannot write
/// itself (its PDF/A paths write no XMP, and a PDF/X output intent): PDF
/// 1.7; an information dictionary of only the standard entries, and the
/// same in XMP metadata with `pdfaid:part` 2 and `pdfaid:conformance` B;
/// an sRGB output intent (`GTS_PDFA1`) for the RGB the pages are drawn
/// in; the language. The fonts are embedded (subset) by printpdf already;
/// nothing is transparent or encrypted. Checked in the tests with lopdf
/// and pypdf; full validation needs veraPDF (Java), not available here.
pub fn archival(bytes: Vec<u8>, info: &DocInfo, now: chrono::DateTime<chrono::Utc>) -> Vec<u8> {
    use lopdf::{Dictionary, Object, Stream};
    let Ok(mut doc) = lopdf::Document::load_mem(&bytes) else {
        return bytes;
    };
    doc.version = "1.7".into();
    let producer = format!("Samenspel {}", env!("CARGO_PKG_VERSION"));
    let pdf_date = now.format("D:%Y%m%d%H%M%S+00'00'").to_string();
    let xmp_date = now.format("%Y-%m-%dT%H:%M:%S+00:00").to_string();
    // The information dictionary: the standard entries only, each with
    // its XMP equivalent (printpdf adds a PDF/X version and an identifier).
    let mut entries: Vec<(&str, Object)> = Vec::new();
    for (key, value) in [
        ("Title", &info.title),
        ("Author", &info.author),
        ("Subject", &info.subject),
    ] {
        if !value.is_empty() {
            entries.push((key, text_string(value)));
        }
    }
    entries.push(("Keywords", text_string(info.lang.code())));
    entries.push(("Creator", text_string("Samenspel")));
    entries.push(("Producer", text_string(&producer)));
    entries.push(("CreationDate", Object::string_literal(pdf_date.clone())));
    entries.push(("ModDate", Object::string_literal(pdf_date)));
    let info_dict = Dictionary::from_iter(entries);
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            doc.objects.insert(id, Object::Dictionary(info_dict));
        }
        Err(_) => {
            let id = doc.add_object(info_dict);
            doc.trailer.set("Info", Object::Reference(id));
        }
    }
    // XMP, uncompressed as PDF/A asks.
    let mut metadata = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(info, &producer, &xmp_date).into_bytes(),
    );
    metadata.allows_compression = false;
    let metadata_id = doc.add_object(metadata);
    let profile = Stream::new(
        Dictionary::from_iter([
            ("N", Object::Integer(3)),
            ("Alternate", Object::Name(b"DeviceRGB".to_vec())),
        ]),
        srgb_icc(),
    );
    let profile_id = doc.add_object(profile);
    let intent = Dictionary::from_iter([
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        (
            "OutputConditionIdentifier",
            Object::string_literal("sRGB IEC61966-2.1"),
        ),
        (
            "RegistryName",
            Object::string_literal("http://www.color.org"),
        ),
        ("Info", Object::string_literal("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(profile_id)),
    ]);
    // A document ID of its own, as PDF/A asks (printpdf writes the same
    // one into every document).
    set_id(&mut doc, &bytes, now);
    let Ok(catalog) = doc.catalog_mut() else {
        return bytes;
    };
    catalog.set("Metadata", Object::Reference(metadata_id));
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
    catalog.set("Lang", Object::string_literal(language_tag(info.lang)));
    let mut out = Vec::with_capacity(bytes.len() + 8192);
    match doc.save_to(&mut out) {
        Ok(()) => out,
        Err(_) => bytes,
    }
}
