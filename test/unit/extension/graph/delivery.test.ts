// Runs in vitest (Node): how the graph panel gets messages to its webview: nothing posted into a page that is not
// there, the newest render when it comes back, and a render the page never answered posted again.
import { describe, expect, it } from "vitest";
import { GraphDelivery } from "../../../../src/extension/graph/delivery";
import { GraphSession } from "../../../../src/extension/graph/session";
import { evaluateSelection } from "../../../../src/notation";
import type { ToGraphView } from "../../../../src/protocol/graph";

const drawn = evaluateSelection("x * x + 1", { values: { x: 3 } });
/** A render of a small graph as the panel's session makes it; its source tells renders apart. */
const render = (source: string): ToGraphView => ({ ...new GraphSession(drawn.tape, drawn.target, {}).render(), source }) as ToGraphView;
const error = (message: string): ToGraphView => ({ type: "error", message });

function setup() {
  const posted: ToGraphView[] = [];
  const panel = { visible: true };
  const d = new GraphDelivery((m) => posted.push(m), () => panel.visible);
  const titles = () => posted.map((m) => (m.type === "render" ? m.source : m.type === "error" ? m.message : m.type));
  return { d, panel, posted, titles };
}

describe("graph message delivery", () => {
  it("waits for the page to say ready, then posts what is queued, a newer render replacing older ones", () => {
    const { d, titles } = setup();
    d.send(render("first"));
    d.send(error("stale"));
    d.send(render("second"));
    expect(titles()).toEqual([]);
    d.pageReady();
    expect(titles()).toEqual(["second"]);
    d.send(error("after"));
    expect(titles()).toEqual(["second", "after"]);
  });

  it("posts nothing while the panel is hidden and delivers the newest render when it shows again", () => {
    const { d, panel, titles } = setup();
    d.pageReady();
    d.send(render("shown"));
    d.answered();
    panel.visible = false;
    d.pageGone();
    d.send(render("edit 1"));
    d.send(render("edit 2"));
    expect(titles()).toEqual(["shown"]);
    panel.visible = true;
    d.pageReady();
    expect(titles()).toEqual(["shown", "edit 2"]);
  });

  it("posts an unanswered render again when the page comes back, but not one the page answered", () => {
    const { d, titles } = setup();
    d.pageReady();
    d.send(render("lost"));
    // The panel hid just after the post: the page went away without drawing it.
    d.pageGone();
    d.pageReady();
    expect(titles()).toEqual(["lost", "lost"]);
    d.answered();
    d.pageGone();
    d.pageReady();
    expect(titles()).toEqual(["lost", "lost"]);
  });

  it("a newer render queued while hidden wins over the unanswered one", () => {
    const { d, panel, titles } = setup();
    d.pageReady();
    d.send(render("unanswered"));
    panel.visible = false;
    d.pageGone();
    d.send(render("newer"));
    panel.visible = true;
    d.pageReady();
    expect(titles()).toEqual(["unanswered", "newer"]);
  });
});
