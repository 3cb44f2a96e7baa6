"""Open311 GeoReport v2 from the outside: the PyPI client `georeport` (JSON and XML) against a
live demo server, and a request POSTed form-encoded with the demo key as a 311 app would."""
import xml.etree.ElementTree as ET

import pytest
import requests
from georeport import GeoReport

DEMO_KEY = "gridgov-demo-key"


@pytest.fixture(scope="module")
def open311_root(server):
    return server + "/open311/v2/"  # the client strips the trailing slash


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_georeport_reads_services_definitions_and_requests(open311_root, fmt):
    client = GeoReport(open311_root, output_format=fmt)
    services = client.get_service_list()
    assert isinstance(services, list) and len(services) > 10
    fire_lane = next(s for s in services if s["service_code"] == "B0501")
    assert fire_lane["service_name"] == "消防通道堵塞"
    assert str(fire_lane["metadata"]).lower() == "true"

    definition = client.get_service_definition("B0501")
    assert definition["service_code"] == "B0501"
    attributes = definition["attributes"]
    attribute = attributes[0] if fmt == "json" else attributes["attribute"]
    assert attribute["code"] == "blocked_by"

    # The demo carries a year of events; the last 90 days of public items come back.
    recent = client.get_service_requests()
    assert isinstance(recent, list) and len(recent) > 1
    first = recent[0]
    assert first["status"] in ("open", "closed")
    assert first["requested_datetime"].endswith("+08:00")

    closed = client.get_service_requests(status="closed", service_code=first["service_code"])
    closed = closed if isinstance(closed, list) else [closed]
    assert all(r["status"] == "closed" for r in closed)

    one = client.get_service_request(first["service_request_id"])
    assert one["service_request_id"] == first["service_request_id"]
    assert one["agency_responsible"]


def test_post_with_the_demo_key_and_read_back_with_georeport(open311_root):
    # A point inside a demo grid, in WGS-84 as a phone sends it, taken from a served request.
    client = GeoReport(open311_root)
    sample = next(r for r in client.get_service_requests() if r.get("lat"))
    form = {
        "api_key": DEMO_KEY, "service_code": "B0501", "lat": sample["lat"], "long": sample["long"],
        "attribute[blocked_by]": "杂物", "description": "Open311 e2e：消防通道被杂物堵塞",
        "email": "resident@example.com", "media_url": "https://example.com/p.jpg",
    }
    answer = requests.post(open311_root + "requests.json", data=form)
    assert answer.status_code == 200, answer.text
    created = answer.json()
    assert isinstance(created, list) and "token" not in created[0]
    number = created[0]["service_request_id"]

    back = client.get_service_request(number)
    assert back["status"] == "open"
    assert back["service_code"] == "B0501"
    assert back["media_url"] == "https://example.com/p.jpg"
    assert "resident@example.com" not in requests.get(open311_root + f"requests/{number}.json").text

    as_xml = GeoReport(open311_root, output_format="xml").get_service_request(number)
    assert as_xml["service_request_id"] == number


def test_errors_are_the_spec_error_list(open311_root):
    missing_key = requests.post(open311_root + "requests.xml", data={"service_code": "B0501"})
    assert missing_key.status_code == 403
    assert missing_key.headers["Content-Type"].startswith("text/xml")
    errors = ET.fromstring(missing_key.content)
    assert errors.tag == "errors" and errors.find("error/code").text == "403"

    unknown = requests.get(open311_root + "services/NOPE.json")
    assert unknown.status_code == 404 and unknown.json()[0]["code"] == 404

    too_long = requests.get(open311_root + "requests.json",
                            params={"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"})
    assert too_long.status_code == 400

    client = GeoReport(open311_root, jurisdiction="not-here.example")
    with pytest.raises(requests.HTTPError):
        client.get_service_list()
