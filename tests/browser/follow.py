#!/usr/bin/env python3
"""Phones that follow the room without anyone reloading them, in headless
Chromium (Debian's `chromium` and `chromium-driver`, driven by Selenium).
Run by the ignored Rust test
`room::every_phone_follows_the_reveal_and_the_check_in_without_a_reload`,
which steers `samenspel serve` between the steps.

Usage: follow.py SHOTS_DIR ABSENT_LINK LINK...
Every LINK's phone casts the first stance (its address then carries
`?ok=…#…`); ABSENT_LINK's party was recorded absent. Then the script says
`cast` on standard output and waits for a line on standard input: the
test reveals the round. Every phone, the absent one included, must show the
outcome by itself within 15 s, and says `revealed`. After the next line
(the test puts the check-in to the phones) every phone must show the
check-in form by itself within 15 s, twice over: the second change after a
cast is the one a phone used to miss. Exit 0 when all held."""
import os
import sys
import time

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phone  # noqa: E402


browser = phone.browser


def until(phones, seen, what, seconds=15):
    """Wait until `seen(d)` holds on every phone, none reloaded by hand."""
    end = time.time() + seconds
    missing = list(range(len(phones)))
    while missing and time.time() < end:
        missing = [i for i in missing if not seen(phones[i])]
        if missing:
            time.sleep(0.5)
    for i in missing:
        print(f"phone {i}: no {what} after {seconds} s at {phones[i].current_url}")
    return not missing


def step(word):
    print(word, flush=True)
    return sys.stdin.readline()


def main(shots, absent_link, links):
    os.makedirs(shots, exist_ok=True)
    phones = []
    try:
        for link in links:
            d = browser(390, 844)
            phones.append(d)
            d.get(link)
            d.find_elements(By.CSS_SELECTOR, "input[name=value]")[0].click()
            d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        absent = browser(320, 640)
        phones.append(absent)
        absent.get(absent_link)
        ok = until(phones[:-1], lambda d: "ok=" in d.current_url, "cast recorded")
        step("cast")

        def told(d):
            return d.find_elements(By.CSS_SELECTOR, "section[id^=r] h2 + p.state strong")

        ok &= until(phones, told, "outcome")
        absent.save_screenshot(f"{shots}/follow-absent-revealed.png")
        text = absent.find_element(By.TAG_NAME, "body").text
        print("absent phone after the reveal:", text.replace("\n", " | ")[:300])
        step("revealed")

        def checkin(d):
            return d.find_elements(By.CSS_SELECTOR, "section[id^=k] form")

        ok &= until(phones, checkin, "check-in form")
        phones[0].save_screenshot(f"{shots}/follow-checkin.png")
        for d in phones:
            wide = d.execute_script("return document.documentElement.scrollWidth")
            inner = d.execute_script("return window.innerWidth")
            ok &= wide <= inner
        print("check-in on every phone" if ok else "not every phone followed")
        return 0 if ok else 1
    finally:
        for d in phones:
            d.quit()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
