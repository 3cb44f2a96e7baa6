"""Pushed tasks (部门下派任务) on the phone: a department sends a checklist to a community; the grid
worker ticks items and the done box on 我的工作 and saves through the offline queue; a second save
carries the new version (no conflict); the department sees 1 grid done."""
import datetime
import uuid

from selenium.webdriver.common.by import By
from conftest import DEMO_PASSWORD
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
