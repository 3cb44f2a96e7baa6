"""The residents' portal in a real Chromium as a 360×740 phone, every resident step by clicking:
a resident reports a blocked fire lane with a photo and a pin on the map and gets a ticket; the
community operator finds it in the console's 待受理 inbox and accepts it (the rest of the loop —
escalation, dispatch, handling, verification, closing — goes through the API as those offices
would); the resident looks the report up by ticket and phone, sees the outcome, and rates it.
A wrong phone gets the same answer as an unknown ticket. Phone-sized screenshots of the portal
go to Tests/e2e/artifacts and docs/screenshots."""
import json
import pathlib
import shutil
import struct
import tempfile
import urllib.request
import zlib

from conftest import ARTIFACTS, DEMO_PASSWORD, ROOT, click_and_wait_for_new_page, screenshot
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait
from test_event_loop import act, open_event_from_inbox, sign_in, state

PHONE = "13912345678"
COMMUNITY = "510117001001"
DOCS = ROOT / "docs" / "screenshots"


def api(server, path, token=None, body=None):
    request = urllib.request.Request(server + path, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def token(server, username):
    return api(server, "/api/v1/auth/login", body={"username": username, "password": DEMO_PASSWORD})["token"]


def keep(driver, name):
    """A phone-sized screenshot, kept with the other artifacts and in docs/screenshots."""
    screenshot(driver, name)
    DOCS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ARTIFACTS / f"{name}.png", DOCS / f"{name}.png")


def photo_file():
    """A small real PNG (32×24, red and white stripes), as a phone's camera would give a picture."""
    width, height = 32, 24
    rows = b"".join(b"\x00" + b"".join(b"\xcc\x22\x22" if (x // 4) % 2 else b"\xff\xff\xff" for x in range(width)) for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    path = pathlib.Path(tempfile.mkdtemp(prefix="gridgov-portal-")) / "fire-lane.png"
    path.write_bytes(data)
    return str(path)


def pin_inside_community(phone, code):
    """Clicks the report form's map at a point inside the community (one of its grids)."""
    frame = phone.find_element(By.ID, "pin-map")
    WebDriverWait(phone, 15).until(lambda d: frame.get_attribute("data-ready") == "true")
    phone.execute_script("arguments[0].scrollIntoView({block: 'center'})", frame)
    offset = phone.execute_script("""
        var code = arguments[0];
        var f = window.portalOutlines.features.filter(function (f) { return f.properties.code === code; })[0];
        var map = window.portalPinMap;
        map.setView([f.properties.inside[1], f.properties.inside[0]], 15, {animate: false});
        var p = map.latLngToContainerPoint([f.properties.inside[1], f.properties.inside[0]]);
        var size = map.getSize();
        return [Math.round(p.x - size.x / 2), Math.round(p.y - size.y / 2)];
    """, code)
    ActionChains(phone).move_to_element_with_offset(frame, offset[0], offset[1]).click().perform()
    WebDriverWait(phone, 5).until(lambda d: d.find_element(By.ID, "lon").get_attribute("value") != "")
    assert phone.find_element(By.ID, "datum").get_attribute("value") == "gcj02"


def look_up(phone, server, ticket, number):
    phone.get(server + "/portal/status?ticket=" + ticket)
    box = phone.find_element(By.ID, "phone")
    box.clear()
    box.send_keys(number)
    click_and_wait_for_new_page(phone, phone.find_element(By.ID, "status-submit"))


def test_resident_reports_follows_and_rates(server, phone, browser):
    # The resident opens the portal and chooses to report.
    phone.get(server + "/portal")
    assert "我要反映问题" in phone.find_element(By.ID, "card-report").text
    assert phone.find_element(By.ID, "card-declare").get_attribute("href").endswith("/declare")
    keep(phone, "portal-home")
    click_and_wait_for_new_page(phone, phone.find_element(By.ID, "card-report"))

    # A first try without place or phone is refused by field, in Chinese.
    Select(phone.find_element(By.ID, "type")).select_by_value("B0501")
    phone.find_element(By.ID, "description").send_keys("3号楼东侧消防通道被杂物堵塞，消防车无法通行")
    click_and_wait_for_new_page(phone, phone.find_element(By.ID, "report-submit"))
    problems = phone.find_element(By.ID, "report-errors")
    fields = {li.get_attribute("data-field") for li in problems.find_elements(By.TAG_NAME, "li")}
    assert {"phone", "location", "attributes.blocked_by"} <= fields, problems.text
    assert "请在地图上标注位置" in problems.text

    # The form keeps what was typed; the details of the item appear for it.
    assert "消防通道" in phone.find_element(By.ID, "description").get_attribute("value")
    Select(phone.find_element(By.ID, "type")).select_by_value("B0501")
    Select(phone.find_element(By.ID, "attr-blocked_by")).select_by_visible_text("杂物")
    phone.find_element(By.ID, "photos").send_keys(photo_file())
    pin_inside_community(phone, COMMUNITY)
    phone.find_element(By.ID, "phone").send_keys(PHONE)
    keep(phone, "portal-report")
    click_and_wait_for_new_page(phone, phone.find_element(By.ID, "report-submit"))
    ticket = phone.find_element(By.ID, "ticket").text
    assert len(ticket) == 11, phone.page_source[:500]
    assert "已收到" in phone.find_element(By.ID, "ticket-stage").text
    keep(phone, "portal-ticket")

    # The community operator finds it in 待受理 and accepts it in the console.
    sign_in(browser, server, "community_op")
    open_event_from_inbox(browser, server, "to_accept", ticket)
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "消防通道堵塞" in page, page[:600]
    event_id = browser.current_url.rstrip("/").split("/")[-1].split("?")[0]
    assert "已完成：立案" in act(browser, "accept")
    assert state(browser) == "accepted"

    # The rest of the loop goes through the API, as the offices' systems would.
    community, street, department = token(server, "community_op"), token(server, "street_op"), token(server, "dept_handler")
    for who, action, body in [
        (community, "escalate", {"reason": "需执法部门清理"}), (street, "dispatch", {"unit": "510117-ZF"}),
        (department, "take", {}), (department, "handle", {"note": "已清理杂物，消防通道恢复畅通"}),
        (community, "verify", {"passed": True}), (street, "close", {"note": "办结"}),
    ]:
        api(server, f"/api/v1/events/{event_id}/actions/{action}", who, body)

    # A wrong phone learns nothing: the same answer as an unknown ticket.
    look_up(phone, server, ticket, "13800138000")
    wrong = phone.find_element(By.ID, "status-error").text
    assert not phone.find_elements(By.ID, "status")
    look_up(phone, server, "26010100001", PHONE)
    assert phone.find_element(By.ID, "status-error").text == wrong

    # The resident looks it up, sees the outcome, and rates it.
    look_up(phone, server, ticket, PHONE)
    assert phone.find_element(By.ID, "status-stage").text == "已办结"
    assert "已清理杂物" in phone.find_element(By.ID, "status-outcome").text
    timeline = phone.find_element(By.ID, "status-timeline").text
    assert "社区已受理" in timeline and "处置单位反馈了处理结果" in timeline
    assert "community_op" not in phone.page_source
    keep(phone, "portal-status")
    rate_form = phone.find_element(By.ID, "rate-form")
    rate_form.find_element(By.CSS_SELECTOR, 'input[name="satisfaction"][value="very"]').click()
    click_and_wait_for_new_page(phone, phone.find_element(By.ID, "rate-submit"))
    assert "感谢您的评价" in phone.find_element(By.ID, "status-message").text
    assert "非常满意" in phone.find_element(By.ID, "status-rated").text
    assert not phone.find_elements(By.ID, "rate-form")
    keep(phone, "portal-rated")

    # The satisfaction made the disposal stars.
    detail = api(server, f"/api/v1/events/{event_id}", community)
    ratings = detail.get("ratings") or {}
    assert ratings.get("satisfaction") == "very", detail.get("ratings")

    # The public map of the community shows the item and its stage, nothing personal.
    phone.get(server + "/portal/map?community=" + COMMUNITY)
    WebDriverWait(phone, 15).until(lambda d: d.find_element(By.ID, "events-map").get_attribute("data-ready") == "true")
    listing = phone.find_element(By.ID, "map-list").text
    assert "消防通道堵塞" in listing
    for secret in (ticket, PHONE, "139****5678", "3号楼东侧"):
        assert secret not in phone.page_source
    keep(phone, "portal-map")


def test_desk_request_reaches_the_resident(server, phone, browser):
    """The one-window desk (一窗式受理): the community's front desk registers a resident's request
    with a document photo, hands it to the back office, which completes it; the resident reads
    the outcome on the portal by the desk ticket and their phone."""
    import re

    sign_in(browser, server, "community_op")
    browser.get(server + "/console/window")
    Select(browser.find_element(By.ID, "w-service")).select_by_value("W02")
    browser.find_element(By.ID, "w-name").send_keys("王小明")
    browser.find_element(By.ID, "w-phone").send_keys("13700137000")
    browser.find_element(By.ID, "w-note").send_keys("首次申领")
    browser.find_element(By.ID, "w-documents").send_keys(photo_file())
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "window-submit"))
    message = browser.find_element(By.ID, "window-message").text
    number = re.search(r"W\d{10}", message).group(0)
    row = browser.find_element(By.CSS_SELECTOR, f'#window-queue tr[data-number="{number}"]')
    assert "王*" in row.text and "13700137000" not in browser.page_source
    click_and_wait_for_new_page(browser, row.find_element(By.CSS_SELECTOR, "button.hand-over"))
    row = browser.find_element(By.CSS_SELECTOR, f'#window-queue tr[data-number="{number}"]')
    assert row.get_attribute("data-state") == "in_back_office"
    row.find_element(By.NAME, "outcome").send_keys("居住证已制好，请携带身份证到社区领取")
    click_and_wait_for_new_page(browser, row.find_element(By.CSS_SELECTOR, "button.complete"))
    row = browser.find_element(By.CSS_SELECTOR, f'#window-queue tr[data-number="{number}"]')
    assert row.get_attribute("data-state") == "completed"
    assert browser.find_element(By.ID, "count-completed").text.endswith("1") or "1" in browser.find_element(By.ID, "count-completed").text
    screenshot(browser, "console-window")
    shutil.copyfile(ARTIFACTS / "console-window.png", DOCS / "console-window.png")

    look_up(phone, server, number, "13700137000")
    assert phone.find_element(By.ID, "status-stage").text == "已办结"
    assert "居住证已制好" in phone.find_element(By.ID, "status-outcome").text
    keep(phone, "portal-window-status")
