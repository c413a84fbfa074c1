#!/usr/bin/python3
"""Seed 000's signup REST flow through Python's standard cookie jar, the way a browser keeps cookies.

usage: signup_cookiejar.py <base-url> <scenario> [args...]

Scenarios (each prints one JSON object on stdout):
  signup <phone> <otp> <password>
      GET /csrf/token, then generate-challenge, verify-challenge, register and status, echoing the XSRF-TOKEN
      the jar kept (as eSignet's UI reads it from document.cookie); then /login, /oauth/authorize, initiate and
      slot. Reports each step's HTTP status and errors and the cookie names the jar holds after each step.
  forged <phone>
      A jar with a made-up XSRF-TOKEN cookie and the same value in X-XSRF-TOKEN; reports the status.
  transplanted <phone>
      A token fetched by one jar, used (cookie and header) by a second jar that has its own binding.
  attributes
      The Set-Cookie headers of GET /csrf/token, raw.
"""
import http.cookiejar
import json
import sys
import urllib.error
import urllib.request
from datetime import datetime, timezone

PREFIX = "/v1/signup"


class Browser:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def cookie(self, name):
        for cookie in self.jar:
            if cookie.name == name:
                return cookie.value
        return None

    def names(self):
        return sorted(cookie.name for cookie in self.jar)

    def call(self, method, path, body=None, headers=None, envelope=True):
        data = None
        all_headers = dict(headers or {})
        if body is not None:
            if envelope:
                body = {"requestTime": datetime.now(timezone.utc).isoformat(), "request": body}
            data = json.dumps(body).encode("utf-8")
            all_headers["Content-Type"] = "application/json"
        token = self.cookie("XSRF-TOKEN")
        if method == "POST" and token is not None and "X-XSRF-TOKEN" not in all_headers:
            all_headers["X-XSRF-TOKEN"] = token
        request = urllib.request.Request(self.base + path, data=data, headers=all_headers, method=method)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"{}"), response.headers
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}"), error.headers

    def step(self, name, method, path, body=None, **kwargs):
        status, reply, _ = self.call(method, path, body, **kwargs)
        return {"step": name, "status": status, "reply": reply, "cookies": self.names()}


def challenge(phone, purpose="REGISTRATION"):
    return {"identifier": phone, "captchaToken": "captcha", "locale": "eng", "regenerateChallenge": False,
            "purpose": purpose}


def signup(base, phone, otp, password):
    browser = Browser(base)
    steps = [browser.step("csrf", "GET", PREFIX + "/csrf/token"),
             browser.step("generate", "POST", PREFIX + "/registration/generate-challenge", challenge(phone)),
             browser.step("verify", "POST", PREFIX + "/registration/verify-challenge",
                          {"identifier": phone, "challengeInfo": [{"challenge": otp, "format": "alpha-numeric",
                                                                   "type": "OTP"}]}),
             browser.step("register", "POST", PREFIX + "/registration/register",
                          {"username": phone, "password": password, "consent": "AGREE", "locale": "eng",
                           "userInfo": {"fullName": [{"language": "eng", "value": "Jar Person"}], "phone": phone,
                                        "preferredLang": "eng"}}),
             browser.step("status", "GET", PREFIX + "/registration/status")]
    login = browser.step("login", "POST", "/login", {"username": phone, "password": password}, envelope=False)
    steps.append(login)
    token = login["reply"].get("access_token")
    code = browser.step("authorize", "POST", "/oauth/authorize", {}, envelope=False,
                        headers={"Authorization": "Bearer " + str(token)})
    steps.append(code)
    steps.append(browser.step("initiate", "POST", PREFIX + "/identity-verification/initiate",
                              {"authorizationCode": code["reply"].get("code"), "state": "s"}))
    steps.append(browser.step("slot", "POST", PREFIX + "/identity-verification/slot",
                              {"verifierId": "mock-identity-verifier", "consent": "AGREE"}))
    steps.append(browser.step("idv-status", "GET", PREFIX + "/identity-verification/status"))
    return {"steps": steps}


def forged(base, phone):
    browser = Browser(base)
    made_up = "A" * 43
    return browser.step("forged", "POST", PREFIX + "/registration/generate-challenge", challenge(phone),
                        headers={"Cookie": "XSRF-TOKEN=" + made_up, "X-XSRF-TOKEN": made_up})


def transplanted(base, phone):
    victim, attacker = Browser(base), Browser(base)
    victim.call("GET", PREFIX + "/csrf/token")
    attacker.call("GET", PREFIX + "/csrf/token")
    stolen = attacker.cookie("XSRF-TOKEN")
    binding = victim.cookie("XSRF-BINDING")
    return victim.step("transplanted", "POST", PREFIX + "/registration/generate-challenge", challenge(phone),
                       headers={"Cookie": "XSRF-BINDING=" + str(binding) + "; XSRF-TOKEN=" + str(stolen),
                                "X-XSRF-TOKEN": str(stolen)})


def attributes(base):
    browser = Browser(base)
    _, _, headers = browser.call("GET", PREFIX + "/csrf/token")
    return {"set_cookie": headers.get_all("Set-Cookie"), "cookies": browser.names()}


def main(argv):
    base, scenario, args = argv[1], argv[2], argv[3:]
    result = {"signup": signup, "forged": forged, "transplanted": transplanted, "attributes": attributes}[scenario](
        base, *args)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
