#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/ (committed; rerun to refresh).

Seeds are small and each exercises one path: WARC records with plain,
chunked, gzip and deflate bodies and lying lengths; HTML pages with meta
tags, charsets and broken markup; gzip streams of one and two members;
JSON Lines records.
"""
import gzip
import os
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")

PAGE = (b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Envoy recalled</title>'
        b'<meta property="article:published_time" content="2021-03-09T08:15:00Z">'
        b'<meta property="og:site_name" content="Ledger"><link rel="canonical" href="/a/1">'
        b'<script type="application/ld+json">{"datePublished":"2021-03-08"}</script></head>'
        b'<body><nav><a href="/">Home</a></nav><article><h1>Envoy recalled</h1>'
        b'<p>Peru recalled its envoy from Ecuador on Monday.</p><ul><li>Trade fell.</li></ul>'
        b'</article><footer>Copyright</footer></body></html>')


def write(kind, name, data):
    os.makedirs(os.path.join(ROOT, kind), exist_ok=True)
    with open(os.path.join(ROOT, kind, name), "wb") as f:
        f.write(data)


def record(block, kind=b"response", length=None, content_type=b"application/http; msgtype=response"):
    size = len(block) if length is None else length
    return (b"WARC/1.0\r\nWARC-Type: " + kind + b"\r\nWARC-Record-ID: <urn:uuid:seed>\r\n"
            b"WARC-Target-URI: https://example.org/a/1\r\nWARC-Date: 2021-03-09T10:00:00Z\r\n"
            b"Content-Type: " + content_type + b"\r\nContent-Length: " + str(size).encode() +
            b"\r\n\r\n" + block + b"\r\n\r\n")


def http(headers, body):
    return b"HTTP/1.1 200 OK\r\n" + headers + b"\r\n" + body


def chunked(body):
    return b"%x\r\n" % 10 + body[:10] + b"\r\n" + b"%x;x=y\r\n" % (len(body) - 10) + body[10:] + b"\r\n0\r\n\r\n"


html_type = b"Content-Type: text/html; charset=utf-8\r\n"
write("warc", "plain.warc", record(http(html_type, PAGE)))
write("warc", "chunked-gzip.warc", record(http(
    html_type + b"Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked(gzip.compress(PAGE, mtime=0)))))
write("warc", "deflate.warc", record(http(html_type + b"Content-Encoding: deflate\r\n", zlib.compress(PAGE))))
write("warc", "latin1.warc", record(http(b"Content-Type: text/html; charset=iso-8859-1\r\n",
                                         b"<p>Bogot\xe1 and Bras\xedlia met.</p>")))
write("warc", "two-records-one-lies.warc",
      record(http(html_type, PAGE), length=40) + record(http(html_type, PAGE)))
write("warc", "mixed.warc", record(b"software: seed\r\n", kind=b"warcinfo",
                                   content_type=b"application/warc-fields") +
      record(b"GET / HTTP/1.1\r\n\r\n", kind=b"request") +
      record(http(b"Content-Type: image/png\r\n", b"\x89PNG\r\n")))

write("html", "article.html", PAGE)
write("html", "unclosed.html", b"<html><body><div><p>Chile signed<p>an accord<li>in Lima<b><i>")
write("html", "meta-http-equiv.html",
      b'\x00<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>Colombia\x92s</p>')
write("html", "undated.html",
      b'\x00<html><head><meta property="og:url" content="//example.org/x"><meta property="og:locale" '
      b'content="en_US"></head><body><time datetime="2018-11-02">x</time><div class="share-bar">S</div>'
      b'<table><tr><td>Brazil and Paraguay agreed to share the power from a dam, officials said.</td></tr></table>')
write("html", "xml-declaration.html",
      b'\x00<?xml version="1.0" encoding="ISO-8859-1"?><html xmlns="http://www.w3.org/1999/xhtml"><p>Quito</p></html>')

write("gzip", "one-member.gz", gzip.compress(b"Lima spoke on Monday.\n", mtime=0))
write("gzip", "two-members.gz", gzip.compress(b"first member\n", mtime=0) + gzip.compress(b"second member\n", mtime=0))
write("gzip", "padded.gz", gzip.compress(PAGE, mtime=0) + b"\x00" * 8)

write("jsonl", "full.json",
      b'{"id":"a1","date":"2019-01-24T11:41:00Z","source":"Wire","url":"https://x.org/1","title":"T","text":"Peru spoke."}')
write("jsonl", "minimal.json", b'{"text":"Chile spoke.","id":7}')
write("jsonl", "bad-date.json", b'{"text":"Bogot\xe1","date":"24/01/2019"}')
