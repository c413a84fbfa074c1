"""STOMP over TLS with stomp.py (Debian python3-stomp), trusting one CA file.

usage: python3 stomp_tls_topic.py <host> <port> <ca.pem> <jwt> <topic> <text>
Connects with the JWT as passcode, subscribes to /topic/<topic> with a receipt, sends <text> there and prints
one JSON line {"connected": {...}} and one {"body": ..., "headers": {...}} for the message that comes back.
Exit status 0 when the message arrived within 20 s, 1 otherwise.
"""
import json
import sys
import threading

import stomp

host, port, ca, token, topic, text = sys.argv[1:7]
destination = "/topic/" + topic
received = threading.Event()
subscribed = threading.Event()


class Listener(stomp.ConnectionListener):
    def on_connected(self, frame):
        print(json.dumps({"connected": dict(frame.headers)}), flush=True)

    def on_receipt(self, frame):
        if frame.headers.get("receipt-id") == "sub-1":
            subscribed.set()

    def on_message(self, frame):
        print(json.dumps({"body": frame.body, "headers": dict(frame.headers)}), flush=True)
        received.set()

    def on_error(self, frame):
        print(json.dumps({"error": frame.body, "headers": dict(frame.headers)}), flush=True)


connection = stomp.Connection12([(host, int(port))], heartbeats=(0, 0))
connection.set_ssl(for_hosts=[(host, int(port))], ca_certs=ca)
connection.set_listener("test", Listener())
connection.connect(passcode=token, wait=True)
connection.subscribe(destination, id="1", ack="auto", headers={"receipt": "sub-1"})
if not subscribed.wait(20):
    sys.exit(1)
connection.send(destination, body=text)
ok = received.wait(20)
connection.disconnect()
sys.exit(0 if ok else 1)
