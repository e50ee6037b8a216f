#!/usr/bin/env python3
"""A party with a long name on a narrow phone, in headless Chromium
(Debian's `chromium` and `chromium-driver`, driven by Selenium). Run by the
ignored Rust test `room::a_long_name_and_a_long_arabic_reason_on_a_narrow_phone`.

Usage: narrow.py SHOTS_DIR LINK [ABSENT_LINK ABSENT_TEXT]
At 320 x 640 and at 390 x 844 CSS pixels the page of LINK must not scroll
sideways (the long name wraps); then a 3,990-character Arabic reason is
typed into the reason box and cast with the first stance, and the page
must say it was recorded. With ABSENT_LINK, the page of a party recorded
absent must show ABSENT_TEXT at both sizes, without scrolling sideways.
Then, at both sizes, a delegate scores the ground-rule check-in on LINK's
page (a new phone each time: its own cookie): one score per rule by
tapping, sent, the page says so, keeps the scores checked, and does not
scroll sideways.
Exit 0 when all held."""
import sys, os
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phone  # noqa: E402


browser = phone.browser


def main(shots, link):
    os.makedirs(shots, exist_ok=True)
    ok = True
    for width, height in ((320, 640), (390, 844)):
        d = browser(width, height)
        try:
            d.get(link)
            wide = d.execute_script("return document.documentElement.scrollWidth")
            inner = d.execute_script("return window.innerWidth")
            d.save_screenshot(f"{shots}/narrow-{width}.png")
            print(f"{width}x{height}: page {wide} px wide in a {inner} px window")
            ok &= wide <= inner
        finally:
            d.quit()
    d = browser(390, 844)
    try:
        d.get(link)
        d.find_elements(By.CSS_SELECTOR, "input[name=value]")[0].click()
        reason = ("حجة " * 1000)[:3990]
        box = d.find_element(By.CSS_SELECTOR, "textarea[name=reason]")
        # Typed as a paste would put it: the box's own limit applies.
        d.execute_script("arguments[0].value = arguments[1]", box, reason)
        d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        try:
            WebDriverWait(d, 15).until(lambda d: "ok=" in d.current_url)
        except Exception:
            d.save_screenshot(f"{shots}/arabic-refused.png")
            print("not recorded:", d.current_url, d.find_element(By.TAG_NAME, "body").text[:300])
            return 1
        said = d.find_element(By.CSS_SELECTOR, "[role=status]").text
        d.save_screenshot(f"{shots}/arabic-after.png")
        print(f"long Arabic reason: said {said!r}")
        ok &= said.startswith("✓")
    finally:
        d.quit()
    return 0 if ok else 1


def checkin(shots, link):
    ok = True
    for n, (width, height) in enumerate(((390, 844), (320, 640))):
        d = browser(width, height)
        try:
            d.get(link)
            forms = d.find_elements(By.CSS_SELECTOR, "section[id^=k] form")
            if not forms:
                print("no check-in form on the page")
                return False
            f = forms[0]
            names = sorted({i.get_attribute("name") for i in f.find_elements(By.CSS_SELECTOR, "input[type=radio]")})
            for k, name in enumerate(names):
                # Tap the label of a score, as a thumb does.
                score = (3 + k + n) % 6
                label = f.find_element(By.CSS_SELECTOR, f"input[name={name}][value='{score}']").find_element(By.XPATH, "..")
                d.execute_script("arguments[0].scrollIntoView({block:'center'})", label)
                label.click()
            d.save_screenshot(f"{shots}/checkin-{width}-before.png")
            wide = d.execute_script("return document.documentElement.scrollWidth")
            inner = d.execute_script("return window.innerWidth")
            f.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(d, 15).until(lambda d: "ok=k" in d.current_url)
            said = d.find_element(By.CSS_SELECTOR, "section[id^=k] [role=status]").text
            kept = len(d.find_elements(By.CSS_SELECTOR, "section[id^=k] input[type=radio]:checked"))
            d.save_screenshot(f"{shots}/checkin-{width}-after.png")
            print(f"check-in {width}x{height}: {len(names)} rules, said {said!r}, "
                  f"{kept} kept checked, page {wide} px wide in {inner} px")
            ok &= said.startswith("✓") and kept == len(names) and wide <= inner
        finally:
            d.quit()
    return ok


def absent(shots, link, text):
    ok = True
    for width, height in ((320, 640), (390, 844)):
        d = browser(width, height)
        try:
            d.get(link)
            body = d.find_element(By.TAG_NAME, "body").text
            wide = d.execute_script("return document.documentElement.scrollWidth")
            inner = d.execute_script("return window.innerWidth")
            d.save_screenshot(f"{shots}/absent-{width}.png")
            shown = text in body.replace("\n", " ")
            print(f"absent {width}x{height}: message shown {shown}, page {wide} px wide in {inner} px")
            ok &= shown and wide <= inner
        finally:
            d.quit()
    return ok


if __name__ == "__main__":
    code = main(sys.argv[1], sys.argv[2])
    if not checkin(sys.argv[1], sys.argv[2]):
        code = 1
    if len(sys.argv) > 4 and not absent(sys.argv[1], sys.argv[3], sys.argv[4]):
        code = 1
    sys.exit(code)
