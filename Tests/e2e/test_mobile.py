"""The grid worker's phone app (/m) in a real Chromium as a 360×740 phone: sign in, lose the
network (DevTools network emulation), report three events (one with a photo) and record a visit,
close the page, open it again with no network (the service worker's shell, the IndexedDB queue),
get the network back: exactly three events and one visit reach the server, with the times they
were made on the phone and the photo. Screenshots of the phone screens go to
Tests/e2e/artifacts (copied to docs/screenshots)."""
import datetime
import json
import pathlib
import sqlite3
import struct
import tempfile
import time
import urllib.error
import urllib.request
import zlib

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DEMO_PASSWORD, screenshot

OFFLINE = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
ONLINE = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}


def call(base, method, path, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            raw = response.read()
            return response.status, response.headers, raw
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def api(base, method, path, token=None, body=None):
    status, _, raw = call(base, method, path, token, body)
    return status, (json.loads(raw) if raw else None)


def login(base, username):
    status, body = api(base, "POST", "/api/v1/auth/login", body={"username": username, "password": DEMO_PASSWORD})
    assert status == 200, body
    return body["token"], body["user"]


def parse(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def stored_time(value):
    """A datetime column as SQLite holds it through SQLiteNIO: seconds since 1970 or ISO text."""
    if isinstance(value, (int, float)):
        return float(value)
    return datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00")).replace(tzinfo=datetime.timezone.utc).timestamp()


def test_png(path):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    width, height = 320, 240
    rows = b"".join(b"\x00" + b"".join(bytes(((x * 3) % 256, (y * 4) % 256, 140)) for x in range(width)) for y in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


test_png.__test__ = False  # a helper, not a test


def wait(driver, condition, timeout=20, message=""):
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.2).until(lambda d: condition(d), message)
    except Exception:
        # Say what the phone showed: the screen's errors and the browser's console.
        screenshot(driver, "mobile-failure")
        shown = driver.execute_script("return Array.from(document.querySelectorAll('.error, #toast')).map(e => e.textContent).join(' | ')")
        logs = [entry["message"] for entry in driver.get_log("browser")][-10:]
        raise AssertionError(f"{message or 'waited in vain'}; screen: {shown}; console: {logs}")


def tap(driver, element):
    """A thumb's tap: the element is brought to the middle of the screen first, clear of the
    fixed header and tab bar, as a person would scroll to it."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def tap_css(driver, css, timeout=10):
    """Taps what `css` finds, finding it again if the screen re-rendered meanwhile (a sync or a
    search redraws lists while the test reaches for them)."""
    deadline = time.time() + timeout
    while True:
        try:
            tap(driver, driver.find_element(By.CSS_SELECTOR, css))
            return
        except (StaleElementReferenceException, NoSuchElementException):
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def badge(driver):
    return driver.find_element(By.ID, "queue-badge").text


def tab(driver, name):
    driver.find_element(By.CSS_SELECTOR, f"#tabs a[href='#{name}']").click()
    wait(driver, lambda d: d.execute_script("return document.body.dataset.screen") == name)


def queued(driver):
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "GG.queue.all().then(function (items) { done(items.map(function (x) {"
        "  return {id: x.id, kind: x.kind, state: x.state, body: x.photos ? Object.assign({}, x.body, {photo_count: x.photos.length}) : x.body}; })); },"
        " function (e) { done(String(e)); });")


def page_reaches_network(driver):
    """Whether a fetch from the page gets an answer (through the service worker's pass-through)."""
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "fetch('/healthz', {cache: 'no-store'}).then(function () { done(true); }, function () { done(false); });")


def save_shot(driver, name):
    """A screenshot without the passing toast over the content."""
    driver.execute_script("document.getElementById('toast').className = ''")
    time.sleep(0.3)
    screenshot(driver, name)


def test_offline_reports_and_visit_arrive_once_with_their_times(server_with_files, phone):
    base, work = server_with_files
    driver = phone
    token, user = login(base, "gridworker")
    admin, _ = login(base, "admin")

    # setup: three reportable items needing no extra attributes, and a place inside the grid
    _, tree = api(base, "GET", "/api/v1/event-types", token)
    plain = []

    def walk(nodes):
        for node in nodes:
            if node.get("reportable") and not node["type"].get("requiredAttributes"):
                plain.append(node["type"])
            walk(node.get("children", []))
    walk(tree["items"])
    assert len(plain) >= 3
    chosen = plain[:3]
    _, buildings = api(base, "GET", "/api/v1/buildings?per=5", token)
    building = buildings["items"][0]
    started = time.time()
    photo = pathlib.Path(tempfile.mkdtemp()) / "现场.png"
    test_png(photo)

    # sign in on the phone, online; the shell is installed by the service worker
    driver.get(base + "/m")
    wait(driver, lambda d: d.current_url.endswith("/m/#login") or d.current_url.endswith("/m/"))
    driver.find_element(By.NAME, "username").send_keys("gridworker")
    driver.find_element(By.NAME, "password").send_keys(DEMO_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "#login button[type=submit]").click()
    wait(driver, lambda d: d.execute_script("return document.body.dataset.refreshed || ''"), 30, "first sync")
    assert "锦绣第1网格" in driver.find_element(By.ID, "grid-name").text
    assert badge(driver) == "已全部上传"
    wait(driver, lambda d: d.execute_script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)"), 20,
         "the service worker controls the page")
    save_shot(driver, "mobile-home")

    # the phone's GPS: a WGS-84 fix at a building of the grid (the app places it on the GCJ-02 map)
    wgs = driver.execute_script("return GG.geo.gcjToWgs(arguments[0], arguments[1])", building["lon"], building["lat"])
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": base, "permissions": ["geolocation"]})
    driver.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": wgs[1], "longitude": wgs[0], "accuracy": 8})

    # the network goes (DevTools emulation for this page)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", OFFLINE)
    wait(driver, lambda d: d.find_element(By.ID, "net").text == "离线", 10, "the app sees it is offline")
    assert page_reaches_network(driver) is False, "the page still reaches the server: the emulation is not offline"

    # act: three reports offline, the first with a photo, the second solved on the spot
    windows = []
    for index, item in enumerate(chosen):
        tab(driver, "report")
        search = driver.find_element(By.ID, "type-search")
        search.send_keys(item["name"])
        tap(driver, driver.find_element(By.CSS_SELECTOR, f"#all-types button.pick[data-code='{item['code']}']"))
        wait(driver, lambda d: d.find_elements(By.ID, "report-form"))
        if index == 0:
            driver.execute_script("document.getElementById('photo-input').style.display = 'block'")
            driver.find_element(By.ID, "photo-input").send_keys(str(photo))
            wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#photos img")) == 1, 10, "photo kept")
            driver.execute_script("document.getElementById('photo-input').style.display = ''")
        wait(driver, lambda d: "ok" in d.find_element(By.ID, "pos-status").get_attribute("class"), 20, "position")
        driver.find_element(By.NAME, "note").send_keys(f"离线上报测试第{index + 1}条：{item['name']}")
        if index == 1:
            tap(driver, driver.find_element(By.CSS_SELECTOR, "label.switch input[name=solved]").find_element(By.XPATH, ".."))
        if index == 0:
            save_shot(driver, "mobile-report")
        before = time.time()
        tap(driver, driver.find_element(By.ID, "report-submit"))
        wait(driver, lambda d: d.execute_script("return document.body.dataset.screen") == "work")
        windows.append((before - 1, time.time() + 1))
        assert badge(driver).startswith(f"{index + 1} 条待上传")

    # a visit, offline, from the due list kept at the last sync
    tab(driver, "visits")
    first = driver.find_element(By.CSS_SELECTOR, "button.visit")
    household = first.get_attribute("data-household")
    _, due_before = api(base, "GET", "/api/v1/visits/due", token)
    made_before = next(v["made"] for v in due_before["items"] if v["household_id"] == household)
    save_shot(driver, "mobile-visits")
    tap(driver, first)
    tap(driver, driver.find_element(By.CSS_SELECTOR, "#met-chips button[data-met='本人']"))
    driver.find_element(By.NAME, "notes").send_keys("老人身体尚好，子女每周来电")
    visit_before = time.time()
    tap(driver, driver.find_element(By.CSS_SELECTOR, "#visit-form button[type=submit]"))
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "ul.visits"))
    visit_window = (visit_before - 1, time.time() + 1)
    assert badge(driver) == "4 条待上传"
    tab(driver, "work")
    save_shot(driver, "mobile-work-offline")

    items = queued(driver)
    reports = [x for x in items if x["kind"] == "report"]
    visits = [x for x in items if x["kind"] == "visit"]
    assert len(reports) == 3 and len(visits) == 1 and all(x["state"] == "pending" for x in items), items
    assert reports[0]["body"]["photo_count"] == 1
    # nothing reached the server while offline
    for report in reports:
        assert api(base, "GET", f"/api/v1/events/{report['id']}", token)[0] == 404

    # close the page; open the app again, still with no network: the service worker serves the shell
    old = driver.current_window_handle
    driver.switch_to.new_window("tab")
    fresh = driver.current_window_handle
    driver.switch_to.window(old)
    driver.close()
    driver.switch_to.window(fresh)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", OFFLINE)
    driver.get(base + "/m/")
    wait(driver, lambda d: d.find_elements(By.ID, "queue-badge") and badge(d) == "4 条待上传", 20, "queue survived the close")
    assert driver.find_element(By.ID, "net").text == "离线"
    assert page_reaches_network(driver) is False
    time.sleep(2)  # a visible gap between when things were made and when they are sent
    assert api(base, "GET", f"/api/v1/events/{reports[0]['id']}", token)[0] == 404

    # the network returns: the queue goes out in order
    online_at = time.time()
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", ONLINE)
    wait(driver, lambda d: badge(d) == "已全部上传", 60, "queue sent")
    items_after = queued(driver)
    assert all(x["state"] == "done" for x in items_after), items_after

    # verify: exactly three events from this worker since the test began, the ones queued
    since = datetime.datetime.fromtimestamp(started - 1, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    _, mine = api(base, "GET", f"/api/v1/events?reporter={user['id']}&from={since}&per=50", token)
    assert mine["total"] == 3, [e["number"] for e in mine["items"]]
    assert {e["id"].upper() for e in mine["items"]} == {r["id"].upper() for r in reports}
    for report, (low, high) in zip(reports, windows):
        _, event = api(base, "GET", f"/api/v1/events/{report['id']}", token)
        occurred, reported = parse(event["occurred_at"]), parse(event["reported_at"])
        assert low <= occurred <= high, (event["occurred_at"], low, high)
        assert occurred < online_at <= reported + 1, (event["occurred_at"], event["reported_at"])
        assert event["description"].startswith("离线上报测试")
        assert event["location"]["datum"] == "wgs84"
    _, with_photo = api(base, "GET", f"/api/v1/events/{reports[0]['id']}", token)
    assert len(with_photo["photos"]) == 1
    status, headers, content = call(base, "GET", f"/api/v1/events/{reports[0]['id']}/photos/{with_photo['photos'][0]}", token)
    assert status == 200 and headers["Content-Type"].startswith("image/jpeg") and content[:2] == b"\xff\xd8"
    for report in reports[1:]:
        assert api(base, "GET", f"/api/v1/events/{report['id']}", token)[1]["photos"] == []

    # exactly one visit, recorded for that household, with the time it was made on the phone
    _, audit = api(base, "GET", f"/api/v1/audit?action=visit.recorded&from={since}&per=50", admin)
    assert audit["total"] == 1 and audit["items"][0]["target_id"] == household, audit
    _, due_after = api(base, "GET", "/api/v1/visits/due", token)
    made_after = next((v["made"] for v in due_after["items"] if v["household_id"] == household), None)
    assert made_after is None or made_after == made_before + 1
    with sqlite3.connect(work / "e2e.sqlite") as db:
        rows = db.execute("SELECT id, visited_at FROM visits WHERE household_key = ?", (household,)).fetchall()
    # the demo's year of visits is there too: this test's visit is the one made since it began
    rows = [row for row in rows if stored_time(row[1]) >= started - 1]
    assert len(rows) == 1
    assert visit_window[0] <= stored_time(rows[0][1]) <= visit_window[1] and stored_time(rows[0][1]) < online_at

    # a replay of a report whose answer was lost is answered with the first event, not a second one
    first_report = reports[0]["body"]
    replay = {k: v for k, v in first_report.items() if k != "photo_count"}
    replay["photos"] = []
    status, _ = api(base, "POST", "/api/v1/events", token, replay)
    assert status in (200, 409)
    assert api(base, "GET", f"/api/v1/events?reporter={user['id']}&from={since}&per=50", token)[1]["total"] == 3

    # where the reports now stand, as the worker sees it
    driver.get(base + "/m/#work")
    wait(driver, lambda d: d.execute_script("return document.body.dataset.refreshed || ''"), 30)
    tab(driver, "home")
    tab(driver, "work")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#my-reports li.q.done")) == 3
    save_shot(driver, "mobile-work")


def test_patrol_links_the_events_reported_on_the_way(server_with_files, phone):
    base, _ = server_with_files
    driver = phone
    token, user = login(base, "gridworker")
    _, buildings = api(base, "GET", "/api/v1/buildings?per=5", token)
    building = buildings["items"][1]
    driver.get(base + "/m/")
    driver.find_element(By.NAME, "username").send_keys("gridworker")
    driver.find_element(By.NAME, "password").send_keys(DEMO_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "#login button[type=submit]").click()
    wait(driver, lambda d: d.execute_script("return document.body.dataset.refreshed || ''"), 30)
    wgs = driver.execute_script("return GG.geo.gcjToWgs(arguments[0], arguments[1])", building["lon"], building["lat"])
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": base, "permissions": ["geolocation"]})
    driver.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": wgs[1], "longitude": wgs[0], "accuracy": 8})

    tab(driver, "patrol")
    tap(driver, driver.find_element(By.ID, "patrol-toggle"))
    wait(driver, lambda d: "巡查中" in d.find_element(By.ID, "patrol-running").text)
    time.sleep(1)
    save_shot(driver, "mobile-patrol")

    # report one event during the patrol
    tab(driver, "report")
    _, tree = api(base, "GET", "/api/v1/event-types", token)
    plain = []

    def walk(nodes):
        for node in nodes:
            if node.get("reportable") and not node["type"].get("requiredAttributes"):
                plain.append(node["type"])
            walk(node.get("children", []))
    walk(tree["items"])
    item = plain[3]
    driver.find_element(By.ID, "type-search").send_keys(item["name"])
    tap(driver, driver.find_element(By.CSS_SELECTOR, f"#all-types button.pick[data-code='{item['code']}']"))
    wait(driver, lambda d: "ok" in d.find_element(By.ID, "pos-status").get_attribute("class"), 20)
    tap(driver, driver.find_element(By.ID, "report-submit"))
    wait(driver, lambda d: d.execute_script("return document.body.dataset.screen") == "work")

    # a walk north as the phone's GPS reports it, fed to the app's sampler: three fixes 10.5 s
    # apart after the start (the sampler keeps one per 10 s), so the test waits until they lie in
    # the past before stopping
    started = driver.execute_async_script(
        "var done = arguments[arguments.length - 1]; GG.patrol.state().then(function (p) { done(Date.parse(p.startedAt)); });")
    time.sleep(max(0, started / 1000 + 24 - time.time()))
    driver.execute_async_script("""
        var lon = arguments[0], lat = arguments[1], start = arguments[2], done = arguments[arguments.length - 1];
        var chain = Promise.resolve();
        [0, 1, 2].forEach(function (i) {
          chain = chain.then(function () {
            return GG.patrol.onFix({timestamp: start + 1000 + i * 10500, coords: {longitude: lon, latitude: lat + i * 0.0005, accuracy: 10}});
          });
        });
        chain.then(function () { done(true); });""", wgs[0], wgs[1], started)
    tab(driver, "patrol")
    save_shot(driver, "mobile-patrol")
    driver.execute_script("window.confirm = function () { return true; }")
    tap(driver, driver.find_element(By.ID, "patrol-toggle"))
    wait(driver, lambda d: d.find_element(By.ID, "patrol-toggle").text == "开始巡查", 10, "patrol stopped")
    wait(driver, lambda d: badge(d) == "已全部上传", 30)
    paths = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "GG.queue.all().then(function (items) { done(items.map(function (x) { return [x.kind, x.path, x.id]; })); });")
    patrol_paths = {p for kind, p, _ in paths if kind == "patrol"}
    report_ids = [i for kind, _, i in paths if kind == "report"]
    assert len(patrol_paths) == 1 and len(report_ids) == 1, paths
    status, patrol = api(base, "GET", patrol_paths.pop(), token)
    assert status == 200, patrol
    assert patrol.get("ended_at"), patrol
    assert [e.upper() for e in patrol["event_ids"]] == [report_ids[0].upper()]
    # the emulated GPS's own first fix may be dropped (cached from before the start); the walk's
    # fixes 10.5 s apart arrive, thinned by nobody
    assert len(patrol["track"]) >= 2 and patrol["distance_m"] >= 50, patrol
    assert all(parse(patrol["started_at"]) <= parse(p["at"]) <= parse(patrol["ended_at"]) for p in patrol["track"])


def sign_in_on_phone(driver, base):
    driver.get(base + "/m/")
    driver.find_element(By.NAME, "username").send_keys("gridworker")
    driver.find_element(By.NAME, "password").send_keys(DEMO_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "#login button[type=submit]").click()
    wait(driver, lambda d: d.execute_script("return document.body.dataset.refreshed || ''"), 30, "first sync")


def resident_id(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]


def test_verification_conflicts_and_field_errors(server_with_files, phone):
    base, _ = server_with_files
    driver = phone
    token, user = login(base, "gridworker")
    community, _ = login(base, "community_op")

    # setup: one of the worker's reports, handled by the community, now waiting for the worker
    _, buildings = api(base, "GET", "/api/v1/buildings?per=5", token)
    building = buildings["items"][2]
    event_id = "6D3A1C52-7B0E-4F4B-9C1D-2E5F60718293"
    status, event = api(base, "POST", "/api/v1/events", token, {
        "id": event_id, "type": "B0501", "description": "5号楼楼道堆放杂物堵塞消防通道",
        "location": {"lon": building["lon"], "lat": building["lat"], "datum": "gcj02"},
        "attributes": {"blocked_by": "杂物"}})
    assert status == 201, event
    for action, body in [("accept", {"level": 2}), ("take", {}), ("handle", {"note": "已清理楼道杂物"})]:
        status, answer = api(base, "POST", f"/api/v1/events/{event_id}/actions/{action}", community, body)
        assert status == 200, (action, answer)

    sign_in_on_phone(driver, base)
    tab(driver, "work")
    row = driver.find_element(By.CSS_SELECTOR, f"#verify-list li[data-event='{event_id}']")
    assert event["number"] in row.text
    save_shot(driver, "mobile-my-work")

    # the verification is made offline and goes out with the version the worker saw
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", OFFLINE)
    wait(driver, lambda d: d.find_element(By.ID, "net").text == "离线", 10)
    tap(driver, row.find_element(By.CSS_SELECTOR, "button[data-verify='pass']"))
    wait(driver, lambda d: badge(d) == "1 条待上传")

    # and a person's phone number is corrected offline: a bad number is refused on the phone first
    _, people = api(base, "GET", "/api/v1/people?per=5", token)
    person = people["items"][0]
    tab(driver, "home")
    tap_css(driver, "a.tile[href='#collect']")
    search = driver.find_element(By.ID, "collect-search")
    search.send_keys(person["name"] + "\n")
    wait(driver, lambda d: d.execute_script("return GG.screens.collect.q") == person["name"])
    tap_css(driver, f"button.pick[data-id='{person['id']}']")
    phone_field = driver.find_element(By.NAME, "phone")
    phone_field.send_keys("1381234")
    tap(driver, driver.find_element(By.CSS_SELECTOR, "#collect-form button[type=submit]"))
    error = driver.find_element(By.CSS_SELECTOR, ".field-error[data-for='phone']")
    assert "11 位" in error.text
    assert badge(driver) == "1 条待上传"  # nothing queued for a bad number
    phone_field.clear()
    phone_field.send_keys("13912345678")
    tap(driver, driver.find_element(By.CSS_SELECTOR, "#collect-form button[type=submit]"))
    wait(driver, lambda d: badge(d) == "2 条待上传")

    # meanwhile the community changes the same record: the phone's edit is now stale
    status, changed = api(base, "PATCH", f"/api/v1/people/{person['id']}", community,
                          {"version": person["version"], "phone": "13700001111", "reason": "社区核实"})
    assert status == 200, changed

    # back online: the verification goes through; the stale edit is kept as a conflict, not applied
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", ONLINE)
    wait(driver, lambda d: "1 条需处理" in badge(d), 30, "conflict kept")
    assert api(base, "GET", f"/api/v1/events/{event_id}", token)[1]["state"] == "verified"
    _, now = api(base, "GET", f"/api/v1/people/{person['id']}", token)
    assert now["phone"].endswith("1111") and now["version"] == person["version"] + 1
    tab(driver, "home")
    driver.find_element(By.ID, "queue-badge").click()
    wait(driver, lambda d: d.execute_script("return document.body.dataset.screen") == "queue")
    conflict = driver.find_element(By.CSS_SELECTOR, "#queue-list li.q.conflict")
    assert "冲突待处理" in conflict.text
    save_shot(driver, "mobile-queue-conflict")

    # a person decides: the form comes back with the record as it now stands, saved on its version
    tap(driver, conflict.find_element(By.CSS_SELECTOR, "button[data-retry]"))
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#collect-form p.warn"))
    assert "已被他人修改" in driver.find_element(By.CSS_SELECTOR, "#collect-form p.warn").text
    # the form keeps what the worker typed offline
    assert driver.find_element(By.NAME, "phone").get_attribute("value") == "13912345678"
    tap(driver, driver.find_element(By.CSS_SELECTOR, "#collect-form button[type=submit]"))
    wait(driver, lambda d: badge(d) == "已全部上传", 30)
    _, final = api(base, "GET", f"/api/v1/people/{person['id']}", token)
    assert final["phone"].endswith("5678") and final["version"] == person["version"] + 2

    # a person added with a number the register already holds: the server's 422 lands on the field
    status, clear = api(base, "GET", f"/api/v1/people/{person['id']}?unmask=true&reason=%E6%A0%B8%E5%AF%B9%E7%99%BB%E8%AE%B0", community)
    assert status == 200, clear
    registered = clear["id_number"]
    assert "*" not in registered
    tab(driver, "home")
    tap_css(driver, "a.tile[href='#collect']")
    tap_css(driver, "#person-add")
    driver.find_element(By.NAME, "name").send_keys("测试新人")
    driver.find_element(By.NAME, "id_number").send_keys(registered)
    room = driver.find_elements(By.CSS_SELECTOR, "select[name=address_code] option")[1].get_attribute("value")
    driver.execute_script("document.querySelector('select[name=address_code]').value = arguments[0]", room)
    tap(driver, driver.find_element(By.CSS_SELECTOR, "#collect-form button[type=submit]"))
    wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".field-error[data-for='id_number']").text, 20, "server's field error")
    assert "登记" in driver.find_element(By.CSS_SELECTOR, ".field-error[data-for='id_number']").text
    save_shot(driver, "mobile-collect-error")
    # corrected to a new, valid number: added once
    fresh = resident_id("51011719880512" + "42" + "7")
    number = driver.find_element(By.NAME, "id_number")
    number.clear()
    number.send_keys(fresh)
    tap(driver, driver.find_element(By.CSS_SELECTOR, "#collect-form button[type=submit]"))
    wait(driver, lambda d: d.execute_script("return document.body.dataset.screen") == "collect"
         and not d.find_elements(By.ID, "collect-form"), 20)
    assert badge(driver) == "已全部上传"
    _, found = api(base, "GET", "/api/v1/people?q=%E6%B5%8B%E8%AF%95%E6%96%B0%E4%BA%BA", token)
    assert found["total"] == 1


def test_queue_backs_off_on_server_trouble_and_a_lost_answer_makes_no_second_event(server_with_files, phone):
    """The queue's protocol in the real browser, with the page's fetch standing in for a bad
    network: two 503s are retried after growing waits while the report behind waits its turn; then
    the server commits a report but the answer is lost on the way back — the retry is answered
    with the same event (200), and there is one event, not two."""
    base, _ = server_with_files
    driver = phone
    token, user = login(base, "gridworker")
    _, buildings = api(base, "GET", "/api/v1/buildings?per=5", token)
    building = buildings["items"][-1]
    sign_in_on_phone(driver, base)
    # the page's fetch: 503 twice for the first report, then a real send whose answer is dropped once
    driver.execute_script("""
        window.__calls = [];
        var real = window.fetch.bind(window), troubles = 2, dropped = false;
        window.fetch = function (url, options) {
          var method = (options && options.method) || 'GET';
          if (method === 'POST' && String(url).indexOf('/api/v1/events') >= 0) {
            window.__calls.push({at: Date.now(), id: JSON.parse(options.body).id});
            if (troubles > 0) { troubles -= 1; return Promise.resolve(new Response('{"error":"unavailable"}', {status: 503})); }
            if (!dropped) {
              dropped = true;
              return real(url, options).then(function () { throw new TypeError('connection reset after the server answered'); });
            }
          }
          return real(url, options);
        };""")
    ids = []
    for n in range(2):
        ids.append(driver.execute_async_script("""
            var done = arguments[arguments.length - 1], id = GG.uuid();
            GG.queue.enqueue({id: id, method: 'POST', path: '/api/v1/events', kind: 'report', label: 'test',
              body: {id: id, type: 'B0501', description: '楼道杂物 ' + arguments[2], occurred_at: GG.wireTime(),
                     location: {lon: arguments[0], lat: arguments[1], datum: 'gcj02'}, attributes: {blocked_by: '杂物'}}})
              .then(function () { done(id); });""", building["lon"], building["lat"], n))
    wait(driver, lambda d: badge(d) == "已全部上传", 60, "queue drained")
    calls = driver.execute_script("return window.__calls")
    first = [c for c in calls if c["id"] == ids[0]]
    second = [c for c in calls if c["id"] == ids[1]]
    # 503, 503, sent (answer lost), sent again (the original answered); the second report only after
    assert len(first) == 4, calls
    waits = [(b["at"] - a["at"]) / 1000 for a, b in zip(first, first[1:])]
    assert 1.5 <= waits[0] <= 3.5 and 3.0 <= waits[1] <= 6.5, waits  # 2 s then 4 s, ±20 %
    assert second and min(c["at"] for c in second) > max(c["at"] for c in first)
    states = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "GG.queue.all().then(function (items) { done(items.filter(function (x) { return x.kind === 'report'; })"
        ".map(function (x) { return [x.id, x.state, x.attempts, x.answer.status]; })); });")
    assert [s[1:] for s in states if s[0] in ids] == [["done", 4, 200], ["done", 1, 201]], states
    for event_id in ids:
        assert api(base, "GET", f"/api/v1/events/{event_id}", token)[0] == 200
    _, listed = api(base, "GET", "/api/v1/events?q=%E6%A5%BC%E9%81%93%E6%9D%82%E7%89%A9&per=50", token)
    assert sorted(e["id"].upper() for e in listed["items"] if e["description"].startswith("楼道杂物")) == sorted(i.upper() for i in ids)
