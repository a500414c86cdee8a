"""Helpers for the browser tests: logging in, and watching a page for CSP violations."""


def log_in(page, live_server, username, password="pw-for-tests-123"):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")


# Before any page script: record CSP violations.
WATCH_SCRIPT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def forgive_missing_favicon(page, response) -> None:
    """Chromium asks for /favicon.ico for a plain-text page (no <link rel=icon>); there is
    none, and the console error that logs is not the page's."""
    if response.headers["content-type"].startswith("text/plain"):
        page.wait_for_timeout(150)
        page.errors[:] = [e for e in page.errors if "status of 404" not in e]
