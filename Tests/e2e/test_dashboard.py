"""The leader's dashboard: figures counted by the platform for the district, a trend chart drawn
by Debian's Chart.js, the streets ranked; a click on a street narrows the whole page to it."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, screenshot
from test_event_loop import sign_in


def test_leader_reads_the_district_and_narrows_to_a_street(browser, server):
    sign_in(browser, server, "leader")
    click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "数据大屏"))
    Select(browser.find_element(By.ID, "d-period")).select_by_value("year")
    # the old page has figures too: wait for the year's page itself, not just an element
    click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "#dashboard-filters button"))
    assert "period=year" in browser.current_url
    figures = browser.find_element(By.ID, "figures").text
    for label in ("上报", "有效上报率", "流转率", "应结案数", "结案率", "按期结案率", "满意率", "超期未办"):
        assert label in figures
    reported = int(browser.find_element(By.CSS_SELECTOR, "#figure-reported .figure-value").text)
    assert reported > 0
    # the chart was drawn by Chart.js (the canvas has a chart attached)
    assert browser.execute_script("return !!(window.Chart && Chart.getChart(document.getElementById('trend')))")
    rows = browser.find_elements(By.CSS_SELECTOR, "#ranking tbody tr")
    assert rows, "the district's streets are ranked"
    # the streets' reports add up to the district's
    assert sum(int(r.find_elements(By.TAG_NAME, "td")[2].text) for r in rows) == reported
    screenshot(browser, "dashboard")
    first = rows[0].find_element(By.TAG_NAME, "a")
    street = first.text
    click_and_wait_for_new_page(browser, first)
    assert "unit=" in browser.current_url
    assert street in browser.find_element(By.TAG_NAME, "h2").text
