"""Pushed tasks (部门下派任务) from the console and on the phone: a street centre pushes a checklist
through the console's form and follows the grids on the task's page; on the phone a department sends a checklist to a community; the grid
worker ticks items and the done box on 我的工作 and saves through the offline queue; a second save
carries the new version (no conflict); the department sees 1 grid done."""
import datetime
import uuid

from selenium.webdriver.common.by import By
from conftest import DEMO_PASSWORD, click_and_wait_for_new_page, screenshot
from test_declare import sign_in
from test_mobile import api, login, tab, wait


def test_worker_ticks_task_on_phone(server, phone):
    base = server
    dept, _ = login(base, "dept_handler")
    due = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
    task_id = str(uuid.uuid4()).upper()
    status, body = api(base, "POST", "/api/v1/tasks", dept, {"id": task_id, "title": "燃气排查", "units": ["510117001001"],
                                                            "checklist": ["入户", "张贴提示", "登记"], "due": due})
    assert status == 201, body
    driver = phone
    driver.get(base + "/m/")
    driver.find_element(By.NAME, "username").send_keys("gridworker")
    driver.find_element(By.NAME, "password").send_keys(DEMO_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "#login button[type=submit]").click()
    wait(driver, lambda d: d.execute_script("return document.body.dataset.refreshed || ''"), 30)
    tab(driver, "work")
    li = driver.find_element(By.CSS_SELECTOR, f"#task-list li[data-task='{task_id}']")
    li.find_element(By.CSS_SELECTOR, "input[data-item='0']").click()
    li.find_element(By.CSS_SELECTOR, "input[data-item='2']").click()
    li.find_element(By.CSS_SELECTOR, "input[data-done]").click()
    li.find_element(By.CSS_SELECTOR, "button[data-save]").click()
    worker, _ = login(base, "gridworker")
    def stored(_):
        _, listing = api(base, "GET", "/api/v1/tasks", worker)
        t = next(x for x in listing["items"] if x["id"] == task_id)
        return t["progress"][0] if t["progress"][0]["version"] == 1 else None
    p = wait(driver, stored, 20)
    assert p["checked"] == [0, 2] and p["done"] is True, p
    # a second save from the same screen carries the new version (no conflict)
    tab(driver, "home")
    tab(driver, "work")
    li = driver.find_element(By.CSS_SELECTOR, f"#task-list li[data-task='{task_id}']")
    assert li.find_element(By.CSS_SELECTOR, "input[data-item='2']").is_selected()
    li.find_element(By.CSS_SELECTOR, "input[data-item='1']").click()
    li.find_element(By.CSS_SELECTOR, "button[data-save]").click()
    def second(_):
        _, listing = api(base, "GET", "/api/v1/tasks", worker)
        t = next(x for x in listing["items"] if x["id"] == task_id)
        return t["progress"][0] if t["progress"][0]["version"] == 2 else None
    p = wait(driver, second, 20)
    assert p["checked"] == [0, 1, 2], p
    _, issued = api(base, "GET", "/api/v1/tasks", dept)
    t = next(x for x in issued["items"] if x["id"] == task_id)
    assert t["done_grids"] == 1 and t["total_grids"] > 1, t


def test_street_pushes_a_task_from_the_console_and_follows_the_grids(browser, server):
    base = server
    sign_in(browser, base, "street_op")
    browser.get(base + "/console")
    click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "nav.menu a[href='/console/tasks']"))
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "task-new"))
    # a first try without a title or a community is refused beside the fields, keeping what was typed
    browser.find_element(By.ID, "t-checklist").send_keys("检查楼道堆物\n核对消防栓")
    due = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, "t-due"), due)
    browser.execute_script("document.getElementById('t-title').removeAttribute('required')")
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "task-submit"))
    assert "请填写任务名称" in browser.find_element(By.ID, "t-title-error").text
    assert "请至少选择一个网格或社区" in browser.find_element(By.ID, "t-units-error").text
    assert "核对消防栓" in browser.find_element(By.ID, "t-checklist").get_attribute("value")
    browser.find_element(By.ID, "t-title").send_keys("消防通道清理")
    browser.find_element(By.CSS_SELECTOR, "input[name='units[]'][value='510117001001']").click()
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "task-submit"))
    assert "/console/tasks/" in browser.current_url
    assert "消防通道清理" in browser.find_element(By.ID, "task-summary").text
    task_id = browser.current_url.rsplit("/", 1)[1]
    # the grid worker ticks one item on the phone's API; the street's page shows it
    worker, _ = login(base, "gridworker")
    status, body = api(base, "PUT", f"/api/v1/tasks/{task_id}/progress/510117001001001", worker,
                       {"checked": [0], "done": False, "note": "1 号楼已清", "version": 0})
    assert status == 200, body
    browser.refresh()
    row = browser.find_element(By.CSS_SELECTOR, "#task-grids tr[data-grid='510117001001001']")
    assert "1/2" in row.text and "1 号楼已清" in row.text
    screenshot(browser, "console-task")
