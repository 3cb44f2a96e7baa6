"""Basic-data import through the console: a clerk checks a spreadsheet, sees the bad line named,
fixes it, checks again and imports — nothing is written until the whole file is good."""
import json
import pathlib
import tempfile
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import DEMO_PASSWORD, click_and_wait_for_new_page, screenshot
from test_login import sign_in


def api(server, path, token=None, body=None):
    request = urllib.request.Request(server + path, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def resident_id(prefix17):
    """A GB 11643 resident ID: 17 digits and the ISO 7064 MOD 11-2 check character."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(prefix17, weights))
    return prefix17 + "10X98765432"[total % 11]


def test_import_with_a_preview_by_line(browser, server):
    token = api(server, "/api/v1/auth/login", body={"username": "community_op", "password": DEMO_PASSWORD})["token"]
    rooms = api(server, "/api/v1/rooms?unit=510117001001001&per=5", token)["items"]
    people_before = api(server, "/api/v1/people?unit=510117001001&per=1", token)["total"]
    lines = ["姓名,证件类型,证件号码,联系电话,人员类型,地址编码,迁入日期"]
    for i in range(6):
        lines.append(f"浏览器导入{i},居民身份证,{resident_id('65900119880101' + str(910 + i))},,流动人口,{rooms[i % len(rooms)]['address_code']},2026-03-01")
    good = "\n".join(lines) + "\n"
    bad = good.replace("浏览器导入3,居民身份证", "浏览器导入3,会员卡")
    folder = pathlib.Path(tempfile.mkdtemp(prefix="gridgov-import-"))
    (folder / "bad.csv").write_text(bad, encoding="utf-8")
    (folder / "good.csv").write_text(good, encoding="utf-8")

    sign_in(browser, server, "community_op")
    WebDriverWait(browser, 10).until(EC.url_contains("/console"))
    click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "批量导入"))
    Select(browser.find_element(By.ID, "import-kind")).select_by_value("people")
    browser.find_element(By.ID, "import-file").send_keys(str(folder / "bad.csv"))
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "import-check"))
    problems = browser.find_element(By.ID, "import-problems")
    row = problems.find_element(By.CSS_SELECTOR, 'tr[data-row="5"]')
    assert "证件类型" in row.text
    assert "没有写入任何数据" in problems.text
    assert not browser.find_elements(By.ID, "import-confirm")
    screenshot(browser, "import-problems")
    assert api(server, "/api/v1/people?unit=510117001001&per=1", token)["total"] == people_before

    browser.find_element(By.ID, "import-file").send_keys(str(folder / "good.csv"))
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "import-check"))
    checked = browser.find_elements(By.ID, "import-checked")
    assert checked, browser.find_element(By.TAG_NAME, "main").text[:800]
    assert "6" in checked[0].text
    assert api(server, "/api/v1/people?unit=510117001001&per=1", token)["total"] == people_before
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "import-confirm"))
    done = browser.find_elements(By.ID, "import-done")
    assert done, browser.find_element(By.TAG_NAME, "main").text[:800]
    assert "6" in done[0].text
    assert api(server, "/api/v1/people?unit=510117001001&per=1", token)["total"] == people_before + 6
