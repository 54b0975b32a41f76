#!/usr/bin/python3
"""Times the dashboard in headless Chromium (Debian's python3-selenium, chromium, chromium-driver).

usage: measure.py BASE PASSWORD CASE_NUMBER OUT_JSON [--iterations 10] [--warmup 2]

Logs in once through the login form, then for each view (the inbox #/cases, the case #/cases/N) and each cache
mode (warm: the browser's cache kept, as a returning admin has it; cold: cache cleared before each load, cookies
kept) loads the page WARMUP + ITERATIONS times as a fresh document (about:blank first, then driver.get), views and
modes taking turns.
A script injected before the page's own (CDP Page.addScriptToEvaluateOnNewDocument) watches the DOM with a
MutationObserver and records performance.now() — milliseconds since the navigation started (timeOrigin) — at
the first mutation after which the view is drawn:
  inbox: main[data-loaded="cases"] and 50 rows [data-test=case-row]
  case:  main[data-loaded="case-N"] and 50 messages [data-test=thread-message]
and, in the next animation frame callback (style, layout and paint follow it), the time again ("frame"). Also per load: how many requests the
page made (Resource Timing) and the slowest /api/ one.
"""
import argparse
import json
import statistics
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

WATCHER = r"""
(() => {
  const goal = window.__dbenchGoal = { selector: null, rows: 0, count: 0 };
  window.__dbench = null;
  const check = () => {
    if (window.__dbench || !goal.selector || !document.querySelector(goal.selector)) return;
    if (document.querySelectorAll(goal.rowSelector).length < goal.rows) return;
    const drawn = performance.now();
    window.__dbench = { drawn };
    requestAnimationFrame(() => { window.__dbench.frame = performance.now(); });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true,
    attributeFilter: ['data-loaded'] });
  // the goal comes from the page's hash, known before any of the page's scripts run
  const hash = location.hash;
  const m = hash.match(/^#\/cases\/(\d+)$/);
  if (m) {
    goal.selector = `main[data-loaded="case-${m[1]}"]`;
    goal.rowSelector = '[data-test="thread-message"]';
    goal.rows = 50;
  } else if (hash === '#/cases') {
    goal.selector = 'main[data-loaded="cases"]';
    goal.rowSelector = '[data-test="case-row"]';
    goal.rows = 50;
  }
})();
"""

RESULT = r"""
const r = window.__dbench;
if (!r || r.frame === undefined) return null;
const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'));
const all = performance.getEntriesByType('resource');
const nav = performance.getEntriesByType('navigation')[0];
return { drawn: r.drawn, frame: r.frame, requests: all.length + 1, api: api.length,
  apiSlowest: Math.max(0, ...api.map((e) => e.duration)),
  apiNames: api.map((e) => [e.name.replace(location.origin, ''), Math.round(e.duration * 10) / 10]),
  domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
  // the waterfall: each request's start and end (ms since navigation start), bytes over the wire (0: from cache)
  waterfall: [['document', 0, nav ? Math.round(nav.responseEnd) : null, nav ? nav.transferSize : null],
    ...all.map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd),
      e.transferSize])],
  transferred: all.reduce((a, e) => a + (e.transferSize || 0), 0) + (nav ? nav.transferSize : 0) };
"""


def driver_for():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    # no back/forward cache: each about:blank in between would keep the page left in it, with its open event stream
    # (events.js does not close it on pagehide); six of them take Chrome's six connections to the host, and the next
    # load waited ~53 s for one. The bench times fresh loads; that finding is in bench/README.md.
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--lang=fr-FR", "--disable-extensions", "--disable-features=BackForwardCache"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def stats(values):
    values = sorted(values)
    p90 = values[max(0, -(-len(values) * 9 // 10) - 1)]  # nearest rank
    return {"median": round(statistics.median(values), 1), "p90": round(p90, 1), "min": round(values[0], 1),
            "max": round(values[-1], 1)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("base")
    p.add_argument("password")
    p.add_argument("case", type=int)
    p.add_argument("out")
    p.add_argument("--iterations", type=int, default=10)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--no-cold", action="store_true")
    # what-if experiments: a script run in every page before the page's own (e.g. a fix of the page's JS to try)
    p.add_argument("--inject", help="a JavaScript file to run before the page's scripts")
    args = p.parse_args()

    driver = driver_for()
    try:
        driver.execute_cdp_cmd("Page.enable", {})
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCHER})
        if args.inject:
            with open(args.inject) as f:
                driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": f.read()})
        wait = WebDriverWait(driver, 30, poll_frequency=0.01)
        driver.get(args.base + "/admin/")
        wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, '[data-test="login-password"]')))
        driver.find_element(By.CSS_SELECTOR, '[data-test="login-password"]').send_keys(args.password)
        driver.find_element(By.CSS_SELECTOR, '[data-test="login-submit"]').click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, 'main[data-loaded="cases"]')))

        views = [("inbox", "/admin/#/cases"), ("case", f"/admin/#/cases/{args.case}")]
        modes = ["warm"] + ([] if args.no_cold else ["cold"])
        loads = {(name, mode): [] for name, _ in views for mode in modes}
        # the modes and views take turns load by load, so that a machine busier for a while weighs on each alike
        for k in range(args.warmup + args.iterations):
            for mode in modes:
                for name, path in views:
                    driver.get("about:blank")
                    if mode == "cold":
                        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                    driver.get(args.base + path)
                    r = wait.until(lambda d: d.execute_script(RESULT))
                    if k >= args.warmup:
                        loads[(name, mode)].append(r)
        results = {}
        for (name, mode), done in loads.items():
            key = f"{name}-{mode}"
            results[key] = {"drawn_ms": stats([r["drawn"] for r in done]),
                            "frame_ms": stats([r["frame"] for r in done]),
                            "requests": done[-1]["requests"], "api_requests": done[-1]["api"],
                            "api_slowest_ms": stats([r["apiSlowest"] for r in done]),
                            "api_calls_last": done[-1]["apiNames"],
                            "dom_content_loaded_ms": stats([r["domContentLoaded"] for r in done]),
                            "transferred_bytes_last": done[-1]["transferred"],
                            "waterfall_last": done[-1]["waterfall"],
                            "loads": done}
            s = results[key]["drawn_ms"]
            print(f"{key:12} drawn median {s['median']:7.1f} ms  p90 {s['p90']:7.1f}  min {s['min']:7.1f}  "
                  f"max {s['max']:7.1f}  ({results[key]['requests']} requests, "
                  f"{results[key]['api_requests']} to /api, slowest api median "
                  f"{results[key]['api_slowest_ms']['median']} ms, DOMContentLoaded median "
                  f"{results[key]['dom_content_loaded_ms']['median']} ms)", flush=True)
        with open(args.out, "w") as f:
            json.dump({"iterations": args.iterations, "warmup": args.warmup, "case": args.case,
                       "chromium": driver.capabilities.get("browserVersion"), "results": results}, f, indent=2)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
