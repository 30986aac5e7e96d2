# A loopback SMTP server for the tests: aiosmtpd with a handler that writes each message, with
# its envelope recipients as an X-Envelope-To header, to INBOX as an .eml file. It prints READY
# once listening and stops when its standard input closes. While a file named "stall" exists
# beside INBOX, the next RCPT TO takes it away, prints STALLED and is not answered for two minutes:
# a sender that dies meanwhile never reaches DATA, so nothing of its message is kept.
import asyncio
import os
import sys
import time
import uuid

from aiosmtpd.controller import Controller

host, port, inbox = sys.argv[1], int(sys.argv[2]), sys.argv[3]


stall = os.path.join(os.path.dirname(os.path.abspath(inbox)), "stall")


class Capture:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        try:
            os.remove(stall)
            print("STALLED", flush=True)
            await asyncio.sleep(120)
        except FileNotFoundError:
            pass
        envelope.rcpt_tos.append(address)
        return "250 OK"

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
