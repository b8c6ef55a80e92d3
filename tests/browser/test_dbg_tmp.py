from tests.factories import AccessibilityFactsFactory
def test_dbg(new_page, live_server, always_open_office):
    o = always_open_office(name="A")
    page = new_page(locale="ar")
    msgs = []
    page.on("console", lambda m: msgs.append(m.text))
    page.on("requestfailed", lambda r: msgs.append("FAILED " + r.url))
    page.goto(live_server.url + "/ar/")
    page.wait_for_timeout(1000)
    print(page.evaluate("typeof L"), page.locator(".leaflet-marker-icon").count(), page.js_errors, msgs)
    print(page.locator("#network-map").evaluate("e => e.outerHTML")[:3000])
