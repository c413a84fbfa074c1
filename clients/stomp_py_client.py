"""Drives Gatehouse's STOMP broker with stomp.py (Debian python3-stomp), over TCP or over WebSocket.

stomp.py speaks STOMP over TCP only; for WebSocket this script gives its protocol classes a transport made
of websocket-client (Debian python3-websocket), so the same stomp.py frames travel either way.

usage: stomp_py_client.py tcp|ws ADDRESS TOKEN VERSION SCENARIO TOPIC [COUNT]
  ADDRESS: host:port for tcp, a ws:// URL for ws; VERSION: 1.1 or 1.2 (stomp.py's connection classes);
  COUNT: how many SENDs the fast-publisher scenario pushes (default 2000)
Prints one JSON object per line of what happened; exits 0 when the scenario ran to its end.
"""
import json
import os
import sys
import threading
import time

import stomp
import websocket
from stomp.connect import BaseConnection
from stomp.protocol import Protocol11, Protocol12
from stomp.transport import BaseTransport


class WebSocketTransport(BaseTransport):
    """stomp.py's transport contract on a WebSocket: each received message is a chunk of the byte stream."""

    def __init__(self, url):
        BaseTransport.__init__(self, auto_decode=False)
        self.url = url
        self.ws = None
        self.vhost = "gatehouse"

    def attempt_connection(self):
        self.ws = websocket.create_connection(self.url, subprotocols=["v12.stomp", "v11.stomp"])
        self.current_host_and_port = ("gatehouse", 0)

    def is_connected(self):
        return self.ws is not None and self.ws.connected and BaseTransport.is_connected(self)

    def send(self, encoded_frame):
        try:
            self.ws.send(encoded_frame.decode("utf-8"))
        except UnicodeDecodeError:
            self.ws.send_binary(encoded_frame)

    def receive(self):
        try:
            data = self.ws.recv()
        except Exception:
            return b""
        return data.encode("utf-8") if isinstance(data, str) else data

    def cleanup(self):
        pass

    def disconnect_socket(self):
        self.running = False
        if self.ws is not None:
            self.ws.close()
        if not self.notified_on_disconnect:
            self.notify("disconnected")


class WebSocketConnection11(BaseConnection, Protocol11):
    def __init__(self, url):
        transport = WebSocketTransport(url)
        BaseConnection.__init__(self, transport)
        Protocol11.__init__(self, transport, (0, 0), True)

    def connect(self, *args, **kwargs):
        self.transport.start()
        Protocol11.connect(self, *args, **kwargs)

    def disconnect(self, receipt=None, headers=None, **keyword_headers):
        Protocol11.disconnect(self, receipt, headers, **keyword_headers)
        self.transport.stop()


class WebSocketConnection12(BaseConnection, Protocol12):
    def __init__(self, url):
        transport = WebSocketTransport(url)
        BaseConnection.__init__(self, transport)
        Protocol12.__init__(self, transport, (0, 0), True)

    def connect(self, *args, **kwargs):
        self.transport.start()
        Protocol12.connect(self, *args, **kwargs)

    def disconnect(self, receipt=None, headers=None, **keyword_headers):
        Protocol12.disconnect(self, receipt, headers, **keyword_headers)
        self.transport.stop()


def out(**fields):
    print(json.dumps(fields), flush=True)


class Recorder(stomp.ConnectionListener):
    """Everything the broker sent, with conditions to wait on."""

    def __init__(self):
        self.messages = []
        self.errors = []
        self.receipts = set()
        self.receipt_order = []
        self.disconnected = False
        self.changed = threading.Condition()

    def _add(self, action):
        with self.changed:
            action()
            self.changed.notify_all()

    def on_message(self, frame):
        self._add(lambda: self.messages.append(frame))

    def on_error(self, frame):
        self._add(lambda: self.errors.append(frame))

    def on_receipt(self, frame):
        receipt = frame.headers.get("receipt-id")
        self._add(lambda: (self.receipts.add(receipt), self.receipt_order.append(receipt)))

    def on_disconnected(self):
        self._add(lambda: setattr(self, "disconnected", True))

    def wait(self, what, condition, seconds=30):
        with self.changed:
            if not self.changed.wait_for(condition, seconds):
                raise SystemExit("timed out waiting for " + what)


class Client:
    def __init__(self, kind, address, token, version):
        self.kind, self.address, self.token, self.version = kind, address, token, version
        self.conn = None
        self.seen = None

    def open(self):
        if self.kind == "tcp":
            host, port = self.address.split(":")
            classes = {"1.1": stomp.Connection11, "1.2": stomp.Connection12}
            # STOMP_HEARTBEATS="cx,cy" (ms) asks for heart-beats both ways (TCP only)
            beats = tuple(int(ms) for ms in os.environ.get("STOMP_HEARTBEATS", "0,0").split(","))
            self.conn = classes[self.version]([(host, int(port))], auto_decode=False, heartbeats=beats)
        else:
            classes = {"1.1": WebSocketConnection11, "1.2": WebSocketConnection12}
            self.conn = classes[self.version](self.address)
        self.seen = Recorder()
        self.conn.set_listener("recorder", self.seen)
        self.conn.connect(passcode=self.token, wait=True)
        return self.seen

    def ack(self, frame, positive=True):
        message_id = frame.headers.get("ack") if self.version == "1.2" else frame.headers["message-id"]
        call = self.conn.ack if positive else self.conn.nack
        if self.version == "1.2":
            call(message_id, receipt="ack-" + message_id)
        else:
            call(message_id, frame.headers["subscription"], receipt="ack-" + message_id)
        self.seen.wait("ack receipt", lambda: "ack-" + message_id in self.seen.receipts)

    def subscribe(self, topic, sub_id, ack="auto"):
        self.conn.subscribe("/topic/" + topic, sub_id, ack=ack, headers={"receipt": "sub-" + sub_id})
        self.seen.wait("subscribe receipt", lambda: "sub-" + sub_id in self.seen.receipts)

    def close(self):
        if self.conn.is_connected():
            self.conn.disconnect(receipt="bye")


def bodies(frames):
    return [frame.body.decode("utf-8", "replace") if isinstance(frame.body, bytes) else frame.body for frame in frames]


def refused_destinations(client, topic):
    """A SEND to /queue/x, then a SUBSCRIBE without destination: each an ERROR with its receipt-id, then a close."""
    for frame_kind in ("send", "subscribe"):
        seen = client.open()
        if frame_kind == "send":
            client.conn.send("/queue/x", "lost", headers={"receipt": "r-send"})
        else:
            client.conn.send_frame("SUBSCRIBE", {"id": "s1", "receipt": "r-subscribe"})
        seen.wait("ERROR", lambda: seen.errors)
        seen.wait("close", lambda: seen.disconnected)
        out(frame=frame_kind, error=seen.errors[0].headers, disconnected=seen.disconnected)


def headers_and_bytes(client, topic):
    """User headers and content-type survive the trip; bodies are bytes, NUL and non-UTF-8 included."""
    seen = client.open()
    client.subscribe(topic, "s1")
    client.conn.send("/topic/" + topic, '{"a":1}', content_type="application/json",
                     headers={"x-trace": "abc:def", "priority-class": "gold"})
    client.conn.send("/topic/" + topic, b"\x00\x01binary\xff\xfe\x00", content_type="application/octet-stream")
    seen.wait("two messages", lambda: len(seen.messages) >= 2)
    for frame in seen.messages[:2]:
        out(headers=frame.headers, body_hex=frame.body.hex())
    client.close()


def individual_acks(client, topic):
    """client-individual: ACK the 2nd of 3, NACK the 3rd, reconnect: the 1st and 3rd come back, not the 2nd."""
    seen = client.open()
    client.subscribe(topic, "s1", ack="client-individual")
    for n in (1, 2, 3):
        client.conn.send("/topic/" + topic, "m%d" % n)
    seen.wait("three messages", lambda: len(seen.messages) >= 3)
    client.ack(seen.messages[1])
    client.ack(seen.messages[2], positive=False)
    client.close()
    seen = client.open()
    client.subscribe(topic, "s2", ack="client-individual")
    client.conn.send("/topic/" + topic, "marker")
    seen.wait("marker", lambda: "marker" in bodies(seen.messages))
    out(first=["m1", "m2", "m3"], again=bodies(seen.messages))
    client.close()


def transactions(client, topic):
    """BEGIN/SEND/ABORT delivers nothing; BEGIN/SEND/SEND/COMMIT delivers both, in order, at COMMIT."""
    seen = client.open()
    client.subscribe(topic, "s1")
    client.conn.begin("t1")
    client.conn.send("/topic/" + topic, "aborted", transaction="t1")
    client.conn.abort("t1")
    client.conn.begin("t2")
    client.conn.send("/topic/" + topic, "one", transaction="t2")
    client.conn.send("/topic/" + topic, "two", transaction="t2")
    held = bodies(seen.messages)
    client.conn.commit("t2", headers={"receipt": "c2"})
    seen.wait("commit receipt", lambda: "c2" in seen.receipts)
    client.conn.send("/topic/" + topic, "marker")
    seen.wait("marker", lambda: "marker" in bodies(seen.messages))
    out(before_commit=held, received=bodies(seen.messages), errors=len(seen.errors))
    client.close()


def fast_publisher(client, topic, count=2000):
    """COUNT SENDs (bodies 1..COUNT, each asking a receipt) written as fast as the socket takes them.

    Reports how many receipts had come back when the last write returned, whether every receipt came,
    in frame order, with no ERROR and no close, and whether the publisher's own subscription got every
    message once, in order.
    """
    seen = client.open()
    client.subscribe(topic, "own")
    started = time.monotonic()
    longest_write = 0.0
    for n in range(1, count + 1):
        before = time.monotonic()
        client.conn.send("/topic/" + topic, str(n), headers={"receipt": "p-%d" % n})
        longest_write = max(longest_write, time.monotonic() - before)
    written = time.monotonic() - started
    published = lambda: [receipt for receipt in seen.receipt_order if receipt.startswith("p-")]
    with seen.changed:
        receipts_when_written = len(published())
    seen.wait("every receipt", lambda: len(published()) >= count or seen.errors or seen.disconnected, 600)
    seen.wait("every message", lambda: len(seen.messages) >= count or seen.errors or seen.disconnected, 600)
    finished = time.monotonic() - started
    expected = ["p-%d" % n for n in range(1, count + 1)]
    out(sent=count, receipts_when_written=receipts_when_written, receipts=len(published()),
        receipts_in_order=published() == expected, errors=[e.headers for e in seen.errors],
        disconnected=seen.disconnected, own_messages_in_order=bodies(seen.messages) == [str(n) for n in
                                                                                       range(1, count + 1)],
        write_seconds=round(written, 3), longest_write_ms=round(longest_write * 1000, 1),
        total_seconds=round(finished, 3))
    client.close()


SCENARIOS = {"refused-destinations": refused_destinations, "headers-and-bytes": headers_and_bytes,
             "individual-acks": individual_acks, "transactions": transactions, "fast-publisher": fast_publisher}

if __name__ == "__main__":
    kind, address, token, version, scenario, topic = sys.argv[1:7]
    extra = [int(sys.argv[7])] if len(sys.argv) > 7 else []
    SCENARIOS[scenario](Client(kind, address, token, version), topic, *extra)
    out(done=scenario)
