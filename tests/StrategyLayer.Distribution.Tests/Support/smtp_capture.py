# A loopback SMTP server for the tests: aiosmtpd with a handler that writes each message, with
# its envelope recipients as an X-Envelope-To header, to INBOX as an .eml file. It prints READY
# once listening and stops when its standard input closes.
import os
import sys
import time
import uuid

from aiosmtpd.controller import Controller

host, port, inbox = sys.argv[1], int(sys.argv[2]), sys.argv[3]


class Capture:
    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(inbox, "%d-%s.eml" % (time.time_ns(), uuid.uuid4().hex))
        with open(name + ".part", "wb") as f:
            f.write(("X-Envelope-To: %s\r\n" % ",".join(envelope.rcpt_tos)).encode("ascii"))
            f.write(("X-Envelope-From: %s\r\n" % envelope.mail_from).encode("ascii"))
            f.write(envelope.original_content or envelope.content)
        os.replace(name + ".part", name)
        return "250 Message accepted"


controller = Controller(Capture(), hostname=host, port=port)
controller.start()
print("READY", flush=True)
sys.stdin.read()
controller.stop()
