// Runs in vitest (Node): the Python of the three tutorials GradLens comes from (../shared/seeds, beside the clone):
// every code block parses and lowers with nothing unsupported (IPython's `%` magics left out).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lowerPy } from "./helpers";

const SEEDS = join(__dirname, "../../../../../shared/seeds");

/** Code blocks: `{% highlight python %}` … `{% endhighlight %}`, ```` ```python ```` fences, and notebook cells `In [n]:` up to the prose after them. */
function blocks(file: string): string[] {
  const text = readFileSync(join(SEEDS, file), "utf8");
  const highlighted = [...text.matchAll(/\{% highlight python %\}\n([\s\S]*?)\{% endhighlight %\}|```python\n([\s\S]*?)```/g)].map((m) => m[1] ?? m[2]);
  const cells = [...text.matchAll(/^In \[\d+\]:\n([\s\S]*?)(?=^In \[|^[A-Z][a-z]+ [a-z`]|(?![\s\S]))/gm)].map((m) => m[1]);
  return [...highlighted, ...cells].map((b) => b.split("\n").filter((l) => !l.startsWith("%")).join("\n"));
}

describe("the tutorials' Python", () => {
  it.each([["000_4900372b4adb3b1c.txt", 1], ["001_34cfc58c3e28fa91.txt", 16], ["002_d262063b02c784c3.txt", 2]])("%s lowers whole", (file, count) => {
    const bs = blocks(file);
    expect(bs).toHaveLength(count);
    for (const b of bs) expect(lowerPy(b).unsupported, b.slice(0, 200)).toEqual([]);
  });
});
