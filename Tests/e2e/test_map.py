"""The one map in a real browser: the console map with the user's grids, and a public board."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import click_and_wait_for_new_page, screenshot
from test_login import sign_in


def test_street_operator_sees_their_grids_on_the_map_and_opens_a_card(browser, server):
    sign_in(browser, server, "street_op")
    WebDriverWait(browser, 10).until(EC.url_contains("/console"))
    browser.find_element(By.LINK_TEXT, "网格地图").click()
    WebDriverWait(browser, 20).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive")) > 0)
    status = browser.find_element(By.ID, "map-status").text
    assert "个网格" in status
    polygons = browser.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive")
    # the small demo's first street: 2 communities, 4 general grids and possibly a special one
    assert len(polygons) >= 4
    search = browser.find_element(By.ID, "map-search")
    search.send_keys("第1网格")
    browser.find_element(By.CSS_SELECTOR, "#map-search-form button").click()
    card = WebDriverWait(browser, 10).until(EC.visibility_of_element_located((By.ID, "grid-card")))
    assert "第1网格" in card.find_element(By.ID, "card-name").text
    assert "专职网格员" in card.text
    # the event layer: the street's open events, grouped on screen where they crowd
    WebDriverWait(browser, 20).until(lambda d: "件" in d.find_element(By.ID, "map-events-status").text)
    assert browser.find_elements(By.CSS_SELECTOR, "#map .event-cluster") or \
        len(browser.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive")) > len(polygons)
    screenshot(browser, "console-map")

    # the card leads to the grid's own page: staff, households, open events on its outline
    click_and_wait_for_new_page(browser, card.find_element(By.ID, "card-grid-page"))
    assert "网格档案" in browser.find_element(By.TAG_NAME, "h1").text
    assert "专职网格员" in browser.find_element(By.ID, "grid-staff").text
    residents = browser.find_element(By.CSS_SELECTOR, "#figure-residents .figure-value").text
    assert int(residents) > 0
    assert browser.find_elements(By.CSS_SELECTOR, "#grid-sketch svg path.outline")
    screenshot(browser, "grid-card")


def test_responsibility_board_is_public_and_chinese(browser, server):
    browser.get(server + "/board/510117001001001")
    assert "网格责任公示牌" in browser.page_source
    name = browser.find_element(By.ID, "board-name").text
    assert name.endswith("第1网格")
    assert browser.find_elements(By.CSS_SELECTOR, ".board-map svg path")
    staff = browser.find_element(By.ID, "board-staff").text
    assert "专职网格员" in staff and "网格长" in staff
    assert "12345" in browser.page_source
    screenshot(browser, "board")
