"""Browser tests: a real GridGov server on 127.0.0.1 with the small demo, and a real Chromium."""
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "Tests" / "e2e" / "artifacts"
DEMO_PASSWORD = "gridgov-demo"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("GRIDGOV_BINARY", str(ROOT / ".build" / "debug" / "gridgov"))
    work = pathlib.Path(tempfile.mkdtemp(prefix="gridgov-e2e-"))
    port = free_port()
    env = dict(os.environ, GRIDGOV_BCRYPT_COST="4", GRIDGOV_DEMO_PASSWORD=DEMO_PASSWORD)
    log = open(work / "server.log", "w")
    process = subprocess.Popen(
        [binary, "demo", "--scale", "small", "--port", str(port),
         "--database", f"sqlite://{work}/e2e.sqlite", "--key-file", str(work / "e2e.key"),
         "--data-dir", str(work / "data")],
        cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.time() > deadline:
            log.flush()
            raise RuntimeError("server did not start:\n" + (work / "server.log").read_text())
        time.sleep(0.3)
    yield base
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN"):
        options.add_argument(flag)
    # A browser set up in Chinese, as at a street office.
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def screenshot(driver, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def click_and_wait_for_new_page(driver, element, timeout: float = 10) -> None:
    """Clicks something that submits a form or follows a link, and waits until the next page has
    loaded. A marker on the old page's window object is gone once the browser has navigated; unlike
    selenium's staleness_of, polling it never asks Chromium about a DOM node that is being torn
    down (which can fail with "Node with given id does not belong to the document")."""
    driver.execute_script("window.__gridgovOldPage = true")
    element.click()

    def navigated(d):
        try:
            return d.execute_script(
                "return !window.__gridgovOldPage && document.readyState === 'complete'")
        except WebDriverException:
            return False  # the page is between documents; ask again

    WebDriverWait(driver, timeout).until(navigated)


@pytest.fixture(scope="module")
def server_with_files():
    """A demo server of its own whose database file the test may read (the phone app's test checks
    the times stored for a visit, which no read API returns). Yields (base URL, work directory)."""
    binary = os.environ.get("GRIDGOV_BINARY", str(ROOT / ".build" / "debug" / "gridgov"))
    work = pathlib.Path(tempfile.mkdtemp(prefix="gridgov-e2e-files-"))
    port = free_port()
    env = dict(os.environ, GRIDGOV_BCRYPT_COST="4", GRIDGOV_DEMO_PASSWORD=DEMO_PASSWORD)
    log = open(work / "server.log", "w")
    process = subprocess.Popen(
        [binary, "demo", "--scale", "small", "--port", str(port),
         "--database", f"sqlite://{work}/e2e.sqlite", "--key-file", str(work / "e2e.key"),
         "--data-dir", str(work / "data")],
        cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.time() > deadline:
            log.flush()
            raise RuntimeError("server did not start:\n" + (work / "server.log").read_text())
        time.sleep(0.3)
    yield base, work
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def phone():
    """Chromium as a 360×740 phone (touch, mobile user agent), Chinese, with its browser log kept."""
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 360, "height": 740, "pixelRatio": 2, "touch": True},
        "userAgent": "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
