#!/usr/bin/python3
"""Seed 000's eKYC session, scripted: STOMP over WebSocket with the websocket-client library.

usage: ekyc_stomp_client.py <ws-url> <slot-id> <cookie-header> <script.json>

The script is {"sends": [<process-frame body>, ...], "until": "END", "timeout": 20, "closeCode": 1000}, with an
optional "messages": N that also ends the session (exit 0) once N MESSAGE frames have arrived.
On open, CONNECT and SUBSCRIBE /topic/<slot-id> are sent back to back, then every SEND, all without a
content-length header and each ended by NUL, as the seed's client does. Every frame received is printed as
one JSON line {"command", "headers", "body"}; the close as {"closed": code}. Exits 0 once a MESSAGE
announces the step named by "until", 1 on ERROR, refusal or timeout.
"""
import json
import sys
import threading

import websocket

NUL = "\x00"


def stomp(command, headers, body=""):
    head = "".join(f"{name}:{value}\n" for name, value in headers.items())
    return f"{command}\n{head}\n{body}{NUL}"


def parse(raw):
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    text = text.lstrip("\r\n")
    if not text:
        return None  # a heart-beat
    head, _, body = text.partition("\n\n")
    lines = head.split("\n")
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep and name not in headers:
            headers[name] = value
    return {"command": lines[0], "headers": headers, "body": body.rstrip("\n").rstrip(NUL)}


def main():
    url, slot_id, cookie, script_path = sys.argv[1:5]
    with open(script_path, encoding="utf-8") as handle:
        script = json.load(handle)
    until = script.get("until", "END")
    outcome = {"reached": False}
    finished = threading.Event()

    def on_open(ws):
        ws.send(stomp("CONNECT", {"accept-version": "1.2", "host": "gatehouse", "heart-beat": "0,0"}))
        ws.send(stomp("SUBSCRIBE", {"id": "sub-0", "destination": "/topic/" + slot_id}))
        for body in script.get("sends", []):
            ws.send(stomp("SEND", {"destination": "/v1/signup/ws/process-frame"}, json.dumps(body)))

    def on_message(ws, raw):
        frame = parse(raw)
        if frame is None:
            return
        print(json.dumps(frame), flush=True)
        if frame["command"] == "ERROR":
            finished.set()
        elif frame["command"] == "MESSAGE":
            outcome["messages"] = outcome.get("messages", 0) + 1
            step = json.loads(frame["body"]).get("step") or {}
            if step.get("code") == until or outcome["messages"] == script.get("messages"):
                outcome["reached"] = True
                finished.set()

    def on_error(ws, error):
        print(json.dumps({"error": str(error)}), flush=True)
        finished.set()

    def on_close(ws, code, reason):
        print(json.dumps({"closed": code}), flush=True)
        finished.set()

    app = websocket.WebSocketApp(f"{url}?slotId={slot_id}", header=[f"Cookie: {cookie}"], on_open=on_open,
                                 on_message=on_message, on_error=on_error, on_close=on_close)
    runner = threading.Thread(target=app.run_forever, daemon=True)
    runner.start()
    finished.wait(script.get("timeout", 20))
    app.close(status=script.get("closeCode", 1000))
    runner.join(5)
    sys.exit(0 if outcome["reached"] else 1)


if __name__ == "__main__":
    main()
