// Runs in vitest (Node): GradLens's tree printed as short, readable text, so lowering tests state their expected
// trees in a line: chains as `(a + b - c)`, comparisons `(a < b <= c)`, logic `(a and b)`, unary `(-x)`,
// `(not x)`; Python ints bare (`3`) and floats with a point (`3.0`: TypeScript numbers are floats); calls
// `f(a, *b, k=c, **d)`; Unsupported `!"what"`; statements joined by `; `, a marked one prefixed `@target `.
// Parameters: `*a`/`**k` rests, `a?` optional, `a!` keyword-only, `a=1` a default.
import type { Arg, Element, Expr, FunctionExpr, Param, Pattern, Program, Stmt, Target } from "../../../src/notation/tree";

const OPS: Record<string, string> = { mod: "mod" };

function num(value: number, int: boolean): string {
  return int || !Number.isInteger(value) ? String(value) : `${value}.0`;
}

function element(e: Element): string {
  return e.kind === "spread" ? `*${expr(e.value)}` : e.kind === "hole" ? "_" : expr(e);
}

function arg(a: Arg): string {
  if (a.kind === "positional") return expr(a.value);
  if (a.kind === "spread") return `*${expr(a.value)}`;
  if (a.kind === "keyword") return `${a.name}=${expr(a.value)}`;
  return `**${expr(a.value)}`;
}

export function pattern(p: Pattern | Target): string {
  switch (p.kind) {
    case "arrayPattern":
      return `[${p.elements.map((e) => (e === undefined ? "_" : `${e.rest ? "*" : ""}${pattern(e.target)}${e.default ? `=${expr(e.default)}` : ""}`)).join(", ")}]`;
    case "objectPattern":
      return `{${p.props.map((q) => `${q.key}: ${pattern(q.target)}${q.default ? `=${expr(q.default)}` : ""}`).join(", ")}}`;
    case "unpack":
      return `<${p.elements.map((e) => (e === undefined ? "_" : `${e.starred ? "*" : ""}${pattern(e.target)}`)).join(", ")}>`;
    default:
      return expr(p);
  }
}

function param(p: Param): string {
  const rest = p.rest === "positional" ? "*" : p.rest === "keywords" ? "**" : "";
  return `${rest}${pattern(p.target)}${p.optional ? "?" : ""}${p.keywordOnly ? "!" : ""}${p.default ? `=${expr(p.default)}` : ""}`;
}

function fn(f: FunctionExpr): string {
  const head = `${f.arrow ? "lambda" : "function"}${f.name !== undefined ? ` ${f.name}` : ""}(${f.params.map(param).join(", ")})`;
  return Array.isArray(f.body) ? `${head} {${stmts(f.body as readonly Stmt[])}}` : `${head}: ${expr(f.body as Expr)}`;
}

export function expr(e: Expr): string {
  switch (e.kind) {
    case "number": return num(e.value, e.int);
    case "string": return JSON.stringify(e.value);
    case "const": return String(e.value);
    case "name": return e.name;
    case "this": return "this";
    case "unary": return `(${e.op === "not" ? "not " : e.op}${expr(e.arg)})`;
    case "update": return e.prefix ? `(${e.op}${e.op}${pattern(e.target)})` : `(${pattern(e.target)}${e.op}${e.op})`;
    case "binary": return `(${expr(e.first)}${e.rest.map((r) => ` ${OPS[r.op] ?? r.op} ${expr(r.right)}`).join("")})`;
    case "compare": return `(${expr(e.first)}${e.rest.map((r) => ` ${r.op} ${expr(r.right)}`).join("")})`;
    case "logic": return `(${expr(e.first)}${e.rest.map((r) => ` ${e.op} ${expr(r.right)}`).join("")})`;
    case "conditional": return `(${expr(e.test)} ? ${expr(e.then)} : ${expr(e.otherwise)})`;
    case "assignExpr": return `(${pattern(e.target)} ${e.op ?? ""}= ${expr(e.value)})`;
    case "sequence": return `(seq ${e.exprs.map(expr).join(", ")})`;
    case "call": return `${expr(e.callee)}(${e.args.map(arg).join(", ")})`;
    case "new": return `new ${expr(e.callee)}(${e.args.map(arg).join(", ")})`;
    case "member": return `${expr(e.object)}.${e.name}`;
    case "index": return `${expr(e.object)}[${expr(e.index)}]`;
    case "slice":
      return `${expr(e.object)}[${e.parts.map((p) => (p.kind === "range" ? [p.lo, p.hi, p.step].map((x) => (x ? expr(x) : "")).join(":").replace(/:$/, "") : expr(p))).join(", ")}]`;
    case "array": return `[${e.elements.map(element).join(", ")}]`;
    case "tuple": return e.elements.length === 1 ? `(${element(e.elements[0])},)` : `(${e.elements.map(element).join(", ")})`;
    case "set": return `set{${e.elements.map(element).join(", ")}}`;
    case "object":
      return `${e.dict ? "dict" : ""}{${e.entries.map((x) => (x.kind === "spread" ? `**${expr(x.value)}` : `${typeof x.key === "string" ? x.key : expr(x.key)}: ${expr(x.value)}`)).join(", ")}}`;
    case "function": return `(${fn(e)})`;
    case "class": {
      const members = [
        ...(e.ctor ? [fn(e.ctor)] : []), ...e.fields.map((f) => `${f.name} = ${f.value ? expr(f.value) : "_"}`), ...e.methods.map(fn),
      ];
      return `class${e.name !== undefined ? ` ${e.name}` : ""}${e.base ? `(${expr(e.base)})` : ""} {${members.join("; ")}}`;
    }
    case "template":
      return `\`${e.parts.map((p) => (typeof p === "string" ? p : `{${expr(p.value)}${p.conversion ? `!${p.conversion}` : ""}${p.spec !== undefined ? `:${p.spec}` : ""}}`)).join("")}\``;
    case "superCall": return `super(${e.args.map(arg).join(", ")})`;
    case "superMember": return `super.${e.name}`;
    case "comprehension": {
      const clauses = e.clauses.map((c) => (c.kind === "for" ? ` for ${pattern(c.target)} in ${expr(c.iter)}` : ` if ${expr(c.test)}`)).join("");
      const head = e.value ? `${expr(e.element)}: ${expr(e.value)}` : expr(e.element);
      const [open, close] = { list: ["[", "]"], set: ["set{", "}"], dict: ["{", "}"], generator: ["gen(", ")"] }[e.of];
      return `${open}${head}${clauses}${close}`;
    }
    case "unsupported": return `!${JSON.stringify(e.what)}`;
  }
}

function block(b: readonly Stmt[] | undefined): string {
  return `{${b === undefined ? "" : stmts(b)}}`;
}

export function stmt(s: Stmt): string {
  const mark = s.kind !== "unsupported" && s.marked ? "@target " : "";
  return mark + plain(s);
}

function plain(s: Stmt): string {
  switch (s.kind) {
    case "expr": return expr(s.expr);
    case "declare": return `${s.mode} ${s.decls.map((d) => `${pattern(d.target)}${d.init ? ` = ${expr(d.init)}` : ""}`).join(", ")}`;
    case "assignStmt": return `${s.targets.map((t) => `${pattern(t)} ${s.op ?? ""}= `).join("")}${expr(s.value)}`;
    case "if": return `if ${expr(s.test)} ${block(s.then)}${s.otherwise ? ` else ${block(s.otherwise)}` : ""}`;
    case "for": {
      const init = s.init === undefined ? "" : s.init.kind === "declare" ? plain(s.init) : expr(s.init);
      return `for (${init}; ${s.test ? expr(s.test) : ""}; ${s.update ? expr(s.update) : ""}) ${block(s.body)}`;
    }
    case "forOf": return `for ${s.mode === "assign" ? "" : `${s.mode} `}${pattern(s.target)} of ${expr(s.iter)} ${block(s.body)}${s.otherwise ? ` else ${block(s.otherwise)}` : ""}`;
    case "while": return s.doWhile ? `do ${block(s.body)} while ${expr(s.test)}` : `while ${expr(s.test)} ${block(s.body)}${s.otherwise ? ` else ${block(s.otherwise)}` : ""}`;
    case "break": case "continue": return s.kind;
    case "return": return s.value ? `return ${expr(s.value)}` : "return";
    case "block": return block(s.body);
    case "functionDecl": return s.hoisted ? fn(s.fn) : fn(s.fn).replace(/^function/, "def");
    case "classDecl": return expr(s.cls);
    case "import":
      return s.names === undefined ? `import ${s.module}${s.alias ? ` as ${s.alias}` : ""}` : `from ${s.module} import ${s.names.map((n) => `${n.name}${n.alias ? ` as ${n.alias}` : ""}`).join(", ")}`;
    case "global": case "nonlocal": return `${s.kind} ${s.names.map((n) => n.name).join(", ")}`;
    case "assert": return `assert ${expr(s.test)}${s.message ? `, ${expr(s.message)}` : ""}`;
    case "raise": return s.value ? `raise ${expr(s.value)}` : "raise";
    case "del": return `del ${s.targets.map(pattern).join(", ")}`;
    case "nothing": return "pass";
    case "unsupported": return `!${JSON.stringify(s.what)}`;
  }
}

export function stmts(b: readonly Stmt[]): string {
  return b.map(stmt).join("; ");
}

export function show(p: Program): string {
  return stmts(p.body);
}
