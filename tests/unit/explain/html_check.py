#!/usr/bin/env python3
"""html_check.py FILE [LANDMARK...]: the page parses with balanced tags, holds every landmark,
loads nothing from the network and runs no script (shared by the HTML report tests)."""
import sys
from html.parser import HTMLParser

path, landmarks = sys.argv[1], sys.argv[2:]
text = open(path, encoding="utf-8").read()
VOID = {"meta", "br", "img", "hr", "input", "link"}


class Check(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append((tag, self.getpos()))
        else:
            self.stack.pop()


c = Check()
c.feed(text)
c.close()
assert not c.errors and not c.stack, (path, c.errors[:3], c.stack)
for landmark in landmarks:
    assert landmark in text, (path, landmark)
assert "<script" not in text and "http://" not in text and "https://" not in text, path
assert "internal error" not in text, path
print("html ok:", path)
