"""The whole event loop through the console pages, each step by clicking as the person would:
the grid worker's report (through the API, as the phone sends it) arrives in the community's
待受理 inbox; the community accepts and escalates; the street dispatches; the department returns
it; the street dispatches again; the department takes and handles it; the grid worker verifies;
the street closes and rates; the grid worker records the party's satisfaction. On the way, a role
that may not dispatch sees no dispatch button and its forged request is refused."""
import json
import urllib.request
import uuid

from conftest import DEMO_PASSWORD, click_and_wait_for_new_page, screenshot
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


def sign_in(browser, server, username):
    browser.delete_all_cookies()
    browser.get(server + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(DEMO_PASSWORD)
    browser.find_element(By.ID, "login-submit").click()
    WebDriverWait(browser, 10).until(EC.url_contains("/console"))


def open_event_from_inbox(browser, server, box, number):
    """Finds the event in one of the inbox tabs and opens it, as the operator would."""
    browser.get(server + "/console/events")
    click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, f'#boxes a[data-box="{box}"]'))
    row = browser.find_element(By.CSS_SELECTOR, f'#events tr[data-number="{number}"]')
    click_and_wait_for_new_page(browser, row.find_element(By.LINK_TEXT, number))
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "event")))


def act(browser, action, fields=None, selects=None, radios=None):
    """Opens an action's form on the event page, fills it and submits it; returns the message."""
    panel = browser.find_element(By.ID, f"action-{action}")
    if panel.get_attribute("open") is None:
        panel.find_element(By.TAG_NAME, "summary").click()
    for name, value in (selects or {}).items():
        Select(panel.find_element(By.NAME, name)).select_by_value(value)
    for name, value in (fields or {}).items():
        box = panel.find_element(By.NAME, name)
        box.clear()
        box.send_keys(value)
    for name, value in (radios or {}).items():
        panel.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]').click()
    click_and_wait_for_new_page(browser, panel.find_element(By.ID, f"do-{action}"))
    refused = browser.find_elements(By.ID, "event-error")
    assert not refused, f"{action} refused: {refused[0].text}"
    done = browser.find_elements(By.ID, "event-message")
    assert done, f"{action}: no confirmation on {browser.current_url}: {browser.find_element(By.TAG_NAME, 'main').text[:300]}"
    return done[0].text


def state(browser):
    return browser.find_element(By.ID, "event").get_attribute("data-state")


def report(server):
    """The grid worker reports 占道经营 in their own grid, as the phone app does."""
    token = api(server, "/api/v1/auth/login", body={"username": "gridworker", "password": DEMO_PASSWORD})["token"]
    me = api(server, "/api/v1/me", token)
    grid = api(server, "/api/v1/grids/" + me["unit"]["code"], token)
    geometry = grid["geometry"]
    ring = geometry["coordinates"][0] if geometry["type"] == "Polygon" else geometry["coordinates"][0][0]
    lon = sum(p[0] for p in ring) / len(ring)
    lat = sum(p[1] for p in ring) / len(ring)
    event = api(server, "/api/v1/events", token, {
        "id": str(uuid.uuid4()), "type": "B0402", "description": "菜市场东门占道经营，约 6 个摊位堵住消防通道",
        "location": {"lon": lon, "lat": lat, "datum": "gcj02"}, "grid": me["unit"]["code"]})
    return event["number"], token


def test_the_whole_loop_by_clicking(browser, server):
    number, worker_token = report(server)

    # 社区: the report waits in 待受理; accept it, then escalate it beyond the community's power.
    sign_in(browser, server, "community_op")
    open_event_from_inbox(browser, server, "to_accept", number)
    assert "占道经营" in browser.find_element(By.TAG_NAME, "h2").text
    screenshot(browser, "event-page-reported")
    assert "已完成：立案" in act(browser, "accept")
    assert state(browser) == "accepted"
    # the community may not dispatch: no button, and a forged form is refused in Chinese
    assert not browser.find_elements(By.ID, "do-dispatch")
    event_id = browser.find_element(By.ID, "event").get_attribute("data-version") and browser.current_url.split("/")[-1].split("?")[0]
    browser.execute_script("""
        const form = document.createElement('form');
        form.method = 'post';
        form.action = '/console/events/' + arguments[0] + '/actions/dispatch';
        for (const [k, v] of [['_csrf', arguments[1]], ['unit', '510117-ZF']]) {
            const input = document.createElement('input'); input.name = k; input.value = v; form.appendChild(input);
        }
        document.body.appendChild(form); form.submit();""",
        event_id, browser.find_element(By.NAME, "_csrf").get_attribute("value"))
    refusal = browser.find_element(By.ID, "event-error").text
    assert "派遣" in refusal and "无权" in refusal
    assert state(browser) == "accepted"
    assert "已完成：上报上级" in act(browser, "escalate", fields={"reason": "涉及多个经营户，超出社区职能"})
    assert "郫筒街道" in browser.find_element(By.ID, "event-owner").text

    # 街道: dispatch to the enforcement bureau, the department load shown beside each unit.
    sign_in(browser, server, "street_op")
    open_event_from_inbox(browser, server, "to_dispatch", number)
    options = [o.get_attribute("textContent") for o in Select(browser.find_element(By.NAME, "unit")).options]
    assert any("区综合行政执法局" in o and "在办" in o for o in options)
    assert "已完成：派遣" in act(browser, "dispatch", selects={"unit": "510117-ZF"}, fields={"note": "请尽快处置"})
    assert state(browser) == "dispatched"

    # 部门: returns it without a reason first (refused next to the form), then with one.
    sign_in(browser, server, "dept_handler")
    open_event_from_inbox(browser, server, "to_handle", number)
    panel = browser.find_element(By.ID, "action-return")
    panel.find_element(By.TAG_NAME, "summary").click()
    browser.execute_script("arguments[0].removeAttribute('required')", panel.find_element(By.NAME, "reason"))
    click_and_wait_for_new_page(browser, panel.find_element(By.ID, "do-return"))
    assert "理由" in browser.find_element(By.ID, "event-error").text
    assert state(browser) == "dispatched"
    # once returned the event leaves the department's hands: back to the inbox, with word of it
    assert f"已完成：退回 {number}" in act(browser, "return", fields={"reason": "摊位在商场红线内，请核实产权单位"})
    assert not browser.find_elements(By.CSS_SELECTOR, f'#events tr[data-number="{number}"]')

    # 街道 again: the returned event is back in 待派遣; dispatch once more.
    sign_in(browser, server, "street_op")
    open_event_from_inbox(browser, server, "to_dispatch", number)
    assert "已完成：派遣" in act(browser, "dispatch", selects={"unit": "510117-ZF"}, fields={"note": "经核实属道路范围，请处置"})

    # 部门: take and handle.
    sign_in(browser, server, "dept_handler")
    open_event_from_inbox(browser, server, "to_handle", number)
    assert "已完成：接收" in act(browser, "take")
    assert "已完成：处置反馈" in act(browser, "handle", fields={"note": "已劝离摊贩 6 户，恢复消防通道畅通"})
    assert state(browser) == "handled"

    # 网格员: verifies the fix they reported.
    sign_in(browser, server, "gridworker")
    open_event_from_inbox(browser, server, "to_verify", number)
    assert "已完成：核查" in act(browser, "verify", radios={"passed": "true"}, fields={"note": "现场已无摊位"})
    assert state(browser) == "verified"

    # 街道: closes it and gives the discovery stars.
    sign_in(browser, server, "street_op")
    open_event_from_inbox(browser, server, "to_close", number)
    assert "已完成：结案" in act(browser, "close", fields={"note": "办结"})
    assert state(browser) == "closed"
    Select(browser.find_element(By.ID, "rate-stars")).select_by_value("4")
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "do-rate"))
    assert browser.find_element(By.ID, "discovery-stars").text == "★★★★"

    # 网格员: records the party's satisfaction; the disposal stars follow the table.
    sign_in(browser, server, "gridworker")
    browser.get(server + "/console/events?box=mine")
    click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, number))
    Select(browser.find_element(By.ID, "rate-satisfaction")).select_by_value("very")
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "do-rate"))
    assert "非常满意" in browser.find_element(By.ID, "disposal-stars").text
    timeline = browser.find_element(By.ID, "timeline").text
    for step in ("上报", "立案", "上报上级", "派遣", "退回", "接收", "处置反馈", "核查", "结案"):
        assert step in timeline
    screenshot(browser, "event-page-closed")

    # and the API agrees, as the phone would read it
    event = api(server, f"/api/v1/events/{event_id}", worker_token)
    assert event["state"] == "closed" and event["return_count"] == 1
    assert event["ratings"]["discoveryStars"] == 4


def test_inbox_tabs_count_and_page_the_lists(browser, server):
    sign_in(browser, server, "district_op")
    browser.get(server + "/console/events?box=all")
    tabs = browser.find_element(By.ID, "boxes").text
    for label in ("待受理", "待派遣", "已超期", "全部事件"):
        assert label in tabs
    screenshot(browser, "console-inbox")
    # a bad filter value is named, not a crash
    browser.get(server + "/console/events?box=all&sort=sideways")
    assert "排序方式" in browser.find_element(By.ID, "events-error").text
