"""Rebuild demo/voa.jsonl: the first 40 VOA stories that credit no wire service."""
import json
import re
import sys

WIRE = re.compile(r"\b(AP|Reuters|AFP|Associated Press|Agence France|Agence France-Presse)\b")

n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if WIRE.search(r["text"] + " " + r.get("author", "")):
        continue
    authors = [a.strip() for a in r["author"].split(",") if a.strip()]
    o = {"id": "voa-" + r["id"], "url": r["url"], "title": r["title"], "published": r["published"],
         "authors": authors, "source": "voanews.com", "text": r["text"]}
    print(json.dumps(o, ensure_ascii=False))
    n += 1
    if n >= 40:
        break
