"""One phone for the browser tests: headless Chromium (Debian's `chromium`
and `chromium-driver`, driven by Selenium) at a phone's size and language,
with a fresh profile (its own cookies)."""
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def browser(width=390, height=844, lang="nl-NL"):
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update",
              f"--window-size={width},{height}", f"--lang={lang}"):
        o.add_argument(a)
    o.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True},
        "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                     "(KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"})
    o.add_experimental_option("prefs", {"intl.accept_languages": lang})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
