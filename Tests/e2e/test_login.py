"""Smoke test: a person signs in through the real login page and lands in their console."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DEMO_PASSWORD, screenshot


def sign_in(browser, server, username, password=DEMO_PASSWORD):
    browser.get(server + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.ID, "login-submit").click()


def test_community_operator_signs_in_and_sees_their_unit(browser, server):
    browser.get(server + "/login")
    assert "网格化社会治理综合信息平台" in browser.find_element(By.TAG_NAME, "h1").text
    sign_in(browser, server, "community_op")
    WebDriverWait(browser, 10).until(EC.url_contains("/console"))
    who = browser.find_element(By.ID, "who").text
    assert "张丽（社区工作站）" in who
    assert "社区工作站" in who
    assert browser.current_url.endswith("/console")
    menu = browser.find_element(By.CSS_SELECTOR, "nav.menu").text
    assert "组织架构" in menu
    assert "操作日志" not in menu  # only administrators read the audit log
    screenshot(browser, "console-home")


def test_wrong_password_is_refused_in_chinese(browser, server):
    sign_in(browser, server, "street_op", "not-the-password")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "login-error")))
    assert "用户名或密码错误" in browser.find_element(By.ID, "login-error").text
    assert "/login" in browser.current_url


def test_administrator_sees_the_audit_log_of_the_sign_in(browser, server):
    sign_in(browser, server, "admin")
    WebDriverWait(browser, 10).until(EC.url_contains("/console"))
    browser.find_element(By.LINK_TEXT, "操作日志").click()
    table = browser.find_element(By.ID, "audit").text
    assert "auth.login" in table
    browser.find_element(By.ID, "logout").click()
    WebDriverWait(browser, 10).until(EC.url_contains("/login"))
    # the session is gone: the console sends us back to the login page
    browser.get(server + "/console")
    WebDriverWait(browser, 10).until(EC.url_contains("/login"))
