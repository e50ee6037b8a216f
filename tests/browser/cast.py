#!/usr/bin/env python3
"""Cast stances through the phone page in a real browser: headless Chromium
(Debian's `chromium` and `chromium-driver`, driven by Selenium) at a phone's
viewport, 390 x 844 CSS pixels. Run by the ignored Rust test
`room::a_real_browser_casts_for_three_parties` (see the README).

Usage: cast.py SHOTS_DIR "LINK|VALUE[|REASON]" ...
Each LINK is a party's ballot link; VALUE the stance's value on the round's
scale. Screenshots of each page, before and after casting, go to SHOTS_DIR.
Exit 0 when every page said "recorded"."""
import sys, os, time
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phone  # noqa: E402


def browser(lang):
    return phone.browser(lang=lang)


def main(shots, casts):
    os.makedirs(shots, exist_ok=True)
    ok = True
    for i, spec in enumerate(casts):
        link, rest = spec.split("|", 1)
        value, _, reason = rest.partition("|")
        lang = "en-GB" if i == 1 else "nl-NL"
        d = browser(lang)
        try:
            d.get(link)
            d.save_screenshot(f"{shots}/party{i + 1}-before.png")
            size = len(d.page_source.encode())
            d.find_element(By.CSS_SELECTOR, f"input[name=value][value='{value}']").click()
            if reason:
                box = d.find_element(By.CSS_SELECTOR, "textarea[name=reason]")
                box.send_keys(reason)
            d.save_screenshot(f"{shots}/party{i + 1}-chosen.png")
            d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            WebDriverWait(d, 15).until(lambda d: "ok=" in d.current_url)
            said = d.find_element(By.CSS_SELECTOR, "[role=status]").text
            d.save_screenshot(f"{shots}/party{i + 1}-after.png")
            print(f"party {i + 1} ({lang}): page {size} bytes, said {said!r}")
            ok &= said.startswith("✓")
        finally:
            d.quit()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
