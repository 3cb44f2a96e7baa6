"""Assessment in the console, by clicking: the administrator changes the default worker scheme's
weights in the editor (a bad number comes back beside its field), runs the scheme for last month,
and gives a worker bonus points with a reason."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import click_and_wait_for_new_page, screenshot
from test_event_loop import sign_in

DEFAULT_WORKER_SCHEME = "网格员月度考核（默认）"


def open_assessments(browser):
    click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "考核评价"))


def set_field(browser, element_id, text):
    field = browser.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(text)


def test_administrator_edits_a_scheme_runs_it_and_gives_a_bonus(browser, server):
    sign_in(browser, server, "admin")
    open_assessments(browser)
    heading = next(h for h in browser.find_elements(By.CSS_SELECTOR, "#schemes h3") if DEFAULT_WORKER_SCHEME in h.text)
    click_and_wait_for_new_page(browser, heading.find_element(By.CSS_SELECTOR, "a.scheme-edit"))

    total = browser.find_element(By.ID, "scheme-total")
    assert "100 / 100" in total.text
    # the rule's numbers follow the rule chosen: steps for 分档, bounds for 线性
    Select(browser.find_element(By.ID, "item-2-rule")).select_by_value("thresholds")
    assert browser.find_element(By.ID, "item-2-steps").is_displayed()
    assert not browser.find_element(By.ID, "item-2-zero").is_displayed()
    Select(browser.find_element(By.ID, "item-2-rule")).select_by_value("linear")
    assert browser.find_element(By.ID, "item-2-zero").is_displayed()

    set_field(browser, "item-0-weight", "abc")
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "scheme-save"))
    error = browser.find_element(By.ID, "item-0-weight-error")
    assert "不是数字" in error.text
    weight = browser.find_element(By.ID, "item-0-weight")
    assert weight.get_attribute("value") == "abc" and weight.get_attribute("aria-invalid") == "true"

    # valid reports 25 → 35, valid rate 20 → 10: the live sum agrees before the server does
    set_field(browser, "item-0-weight", "35")
    set_field(browser, "item-1-weight", "10")
    assert "100 / 100" in browser.find_element(By.ID, "scheme-total").text
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "scheme-save"))
    assert "已保存" in browser.find_element(By.ID, "scheme-message").text
    assert browser.find_element(By.ID, "item-0-weight").get_attribute("value") == "35"
    screenshot(browser, "assessment-scheme")

    open_assessments(browser)
    run_form = browser.find_element(By.ID, "run-form")
    Select(run_form.find_element(By.ID, "a-scheme")).select_by_visible_text(DEFAULT_WORKER_SCHEME)
    click_and_wait_for_new_page(browser, run_form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")
    assert rows, "the district's grid workers are ranked"
    # the run carries the scheme as edited: 有效上报 is worth up to 35 now
    headers = [th.text.split("\n") for th in browser.find_elements(By.CSS_SELECTOR, "#results thead th")]
    assert ["有效上报数", "35"] in headers and ["有效上报率", "10"] in headers

    last = rows[-1]
    key = last.get_attribute("data-key")
    total_before = float(last.find_elements(By.TAG_NAME, "td")[-3].text)
    Select(browser.find_element(By.ID, "bonus-subject")).select_by_value(key)
    set_field(browser, "bonus-points", "2")
    click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "#bonus-form button[type=submit]"))
    assert "理由" in browser.find_element(By.ID, "bonus-reason-error").text
    assert browser.find_element(By.ID, "bonus-points").get_attribute("value") == "2"
    set_field(browser, "bonus-reason", "协助处置火情")
    click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "#bonus-form button[type=submit]"))
    row = browser.find_element(By.CSS_SELECTOR, f'#results tbody tr[data-key="{key}"]')
    assert "协助处置火情" in row.text
    assert abs(float(row.find_elements(By.TAG_NAME, "td")[-3].text) - (total_before + 2)) < 0.01
    screenshot(browser, "assessment-run")
