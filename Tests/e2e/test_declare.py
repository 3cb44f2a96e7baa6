"""Self-declaration (自主申报): a landlord declares a new tenant on the public form without an
account, fixes what the form points out, keeps the receipt; the grid worker accepts it from the
console's review queue; the landlord then reads the outcome with the receipt number."""
import json
import urllib.request

from conftest import DEMO_PASSWORD, screenshot
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait


def api(server, path, token=None, body=None):
    request = urllib.request.Request(server + path, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def resident_id(serial: int) -> str:
    """A valid resident ID (GB 11643 check character) of someone not in the demo."""
    body = f"6590011990051{serial:04d}"[:17]
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    return body + check


def sign_in(browser, server, username):
    browser.get(server + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(DEMO_PASSWORD)
    browser.find_element(By.ID, "login-submit").click()
    # wait for the session before going on, or the next page may load signed out
    WebDriverWait(browser, 10).until(EC.url_contains("/console"))


def test_landlord_declares_a_tenant_and_the_grid_worker_accepts_it(browser, server):
    token = api(server, "/api/v1/auth/login", body={"username": "gridworker", "password": DEMO_PASSWORD})["token"]
    room = api(server, "/api/v1/rooms?per=1", token)["items"][0]

    browser.get(server + "/declare")
    assert "居民自主申报" in browser.find_element(By.TAG_NAME, "h1").text
    Select(browser.find_element(By.ID, "kind")).select_by_value("new_tenant")
    Select(browser.find_element(By.ID, "declarant_role")).select_by_value("landlord")
    browser.find_element(By.ID, "declarant_name").send_keys("王房东")
    browser.find_element(By.ID, "declarant_phone").send_keys("1391234")  # too short
    browser.find_element(By.ID, "person_name").send_keys("李租客")
    browser.find_element(By.ID, "id_number").send_keys(resident_id(7))
    browser.find_element(By.ID, "address_code").send_keys(room["address_code"])
    browser.execute_script("document.getElementById('effective_on').value = '2026-11-01'")
    browser.find_element(By.ID, "declare-submit").click()

    errors = browser.find_element(By.ID, "declare-errors")
    assert "申报人手机号码" in errors.text and "11 位" in errors.text
    # what was typed is kept; only the phone needs fixing
    assert browser.find_element(By.ID, "person_name").get_attribute("value") == "李租客"
    phone = browser.find_element(By.ID, "declarant_phone")
    phone.clear()
    phone.send_keys("13912345678")
    browser.find_element(By.ID, "declare-submit").click()
    receipt = browser.find_element(By.ID, "receipt").text
    assert len(receipt) == 11 and "-" in receipt
    screenshot(browser, "declare-receipt")

    sign_in(browser, server, "gridworker")
    browser.get(server + "/console/declarations")
    row = browser.find_element(By.CSS_SELECTOR, f'tr[data-receipt="{receipt}"]')
    assert "李租客" in row.text and "新租户入住登记" in row.text
    row.find_element(By.CSS_SELECTOR, "button.accept").click()
    assert receipt in browser.find_element(By.ID, "declarations-message").text
    screenshot(browser, "declarations-accepted")

    browser.get(server + f"/declare/status?receipt={receipt}&phone=13912345678")
    status = browser.find_element(By.ID, "declare-status")
    assert status.get_attribute("data-state") == "accepted"
    assert "已采纳" in browser.find_element(By.ID, "status-message").text
    people = api(server, "/api/v1/people?q=%E6%9D%8E%E7%A7%9F%E5%AE%A2", token)
    assert people["total"] == 1 and people["items"][0]["room_id"].lower() == room["id"].lower()
