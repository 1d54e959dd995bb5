/**
 * What a regular expression cannot match without: a list of strings, one of which every text it matches contains
 * (read from the pattern's source, never written by hand; inside the match, or in a positive lookaround beside it). The attack patterns (patterns.ts) are run on
 * every sentence, paragraph and decoding of an answer, and almost none of them can match an honest sentence:
 * `/\bstrong hire\b/` needs "strong hire", `/\b(?:ignore|disregard|forget)\b.../` one of its three verbs. A
 * text that holds none of the strings of any pattern of a list is not given to the list at all (`anyMatches`),
 * which gives the same answer as running it. (Session 16 gated each pattern by its own strings, and that was
 * slower than the patterns: one search per list is what pays.)
 *
 * The reading is conservative: whatever it does not understand requires nothing (the pattern always runs).
 * Zero-width parts (\b, ^, $, negative lookarounds) add no characters (a positive lookaround adds what it needs); a class of a few characters is a few
 * one-character strings; a group's alternatives join their requirements, and a sequence keeps the best of
 * its parts' requirements or of a run of fixed parts spelled out ("(?:i am|i'm|as) your" is six strings).
 */

/** The strings a part can spell, when few (null: too many, or unbounded). Zero-width parts spell "". */
type Spelled = Set<string> | null;
type Part = { spells: Spelled; /** Every match of the part contains one of these (null: nothing is required). */ needs: Spelled };

const MOST_SPELLINGS = 64;
const NOTHING: Part = { spells: null, needs: null };
const ZERO_WIDTH: Part = { spells: new Set([""]), needs: null };

function product(a: Set<string>, b: Set<string>): Spelled {
  if (a.size * b.size > MOST_SPELLINGS) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** A requirement is useful only if none of its strings is empty; the longer its shortest string, the better. */
function usable(s: Spelled): s is Set<string> {
  return s !== null && s.size > 0 && ![...s].includes("");
}
/** Strings this long are rare enough in honest text: past it, fewer strings (fewer searches) win. */
const LONG_ENOUGH = 4;
function better(a: Spelled, b: Spelled): Spelled {
  if (!usable(b)) return usable(a) ? a : null;
  if (!usable(a)) return b;
  const shortest = (s: Set<string>) => Math.min(LONG_ENOUGH, ...[...s].map((x) => x.length));
  const [la, lb] = [shortest(a), shortest(b)];
  if (la !== lb) return la > lb ? a : b;
  return a.size <= b.size ? a : b;
}
const needOf = (p: Part): Spelled => better(p.needs, p.spells);

class Reader {
  private at = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  read(): Part {
    const part = this.alternatives();
    if (this.at !== this.src.length) throw new Error(`unread source at ${this.at}`);
    return part;
  }

  private peek(k = 0): string | undefined {
    return this.src[this.at + k];
  }

  private alternatives(): Part {
    const branches = [this.sequence()];
    while (this.peek() === "|") {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    let spells: Spelled = new Set();
    let needs: Spelled = new Set();
    for (const b of branches) {
      spells = spells && b.spells && spells.size + b.spells.size <= MOST_SPELLINGS ? new Set([...spells, ...b.spells]) : null;
      const n = needOf(b);
      needs = needs && usable(n) ? new Set([...needs, ...n]) : null;
    }
    return { spells, needs };
  }

  private sequence(): Part {
    const parts: Part[] = [];
    while (this.at < this.src.length && this.peek() !== "|" && this.peek() !== ")") parts.push(this.quantified());
    let spells: Spelled = new Set([""]);
    let needs: Spelled = null;
    // A run of parts with few spellings, spelled out: "your" + " " + "(?:response|answer)".
    let run: Spelled = new Set([""]);
    for (const p of parts) {
      needs = better(needs, p.needs);
      spells = spells && p.spells ? product(spells, p.spells) : null;
      const longer: Spelled = run && p.spells ? product(run, p.spells) : null;
      if (longer) run = longer;
      else {
        needs = better(needs, run);
        run = p.spells ? p.spells : new Set([""]);
        needs = better(needs, p.spells);
      }
    }
    needs = better(needs, run);
    return { spells, needs };
  }

  private quantified(): Part {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    if (this.peek() === "?") this.at++; // lazy: the same strings
    const [min, max] = q;
    if (min === 0) {
      // Zero or one: the part's spellings or nothing; requires nothing.
      const spells = max === 1 && atom.spells ? new Set([...atom.spells, ""]) : null;
      return { spells, needs: null };
    }
    let spells: Spelled = null;
    if (min === max && atom.spells) {
      spells = new Set([""]);
      for (let i = 0; i < min && spells; i++) spells = product(spells, atom.spells);
    }
    return { spells, needs: needOf(atom) };
  }

  /** [min, max] of a quantifier at the cursor (max Infinity), or null (and the cursor unmoved). */
  private quantifier(): [number, number] | null {
    const c = this.peek();
    if (c === "*") return (this.at++, [0, Infinity]);
    if (c === "+") return (this.at++, [1, Infinity]);
    if (c === "?") return (this.at++, [0, 1]);
    if (c !== "{") return null;
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.at));
    if (!m) {
      if (this.unicode) throw new Error("lone brace");
      return null;
    }
    this.at += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
    return [min, max];
  }

  private atom(): Part {
    const c = this.src[this.at++]!;
    if (c === "^" || c === "$") return ZERO_WIDTH;
    if (c === ".") return NOTHING;
    if (c === "(") return this.group();
    if (c === "[") return this.charClass();
    if (c === "\\") return this.escape();
    if (c === "*" || c === "+" || c === "?") throw new Error("nothing to repeat");
    // With the u flag a character outside the basic plane is one atom (a quantifier takes both halves).
    if (this.unicode && /[\uD800-\uDBFF]/.test(c) && /[\uDC00-\uDFFF]/.test(this.peek() ?? "")) return literal(c + this.src[this.at++]!);
    return literal(c);
  }

  private group(): Part {
    let lookaround = false;
    let positive = false;
    if (this.peek() === "?") {
      const next = this.peek(1);
      if (next === ":") this.at += 2;
      else if (next === "=" || next === "!") {
        positive = next === "=";
        this.at += 2;
        lookaround = true;
      } else if (next === "<" && (this.peek(2) === "=" || this.peek(2) === "!")) {
        positive = this.peek(2) === "=";
        this.at += 3;
        lookaround = true;
      } else if (next === "<") {
        const close = this.src.indexOf(">", this.at);
        if (close < 0) throw new Error("group name");
        this.at = close + 1;
      } else throw new Error("unknown group");
    }
    const inner = this.alternatives();
    if (this.src[this.at++] !== ")") throw new Error("unclosed group");
    // A lookaround reads without taking: it adds no characters to the match. What a positive one needs is still
    // needed of the text around the match (`(?=(krit\p{L}*|...))\1`), and the text is what a screen searches.
    if (lookaround) return positive ? { spells: new Set([""]), needs: needOf(inner) } : ZERO_WIDTH;
    return inner;
  }

  private escape(): Part {
    const c = this.src[this.at++]!;
    if (c === "b" || c === "B") return ZERO_WIDTH;
    if ("dDwWsS".includes(c)) return NOTHING;
    if (c === "p" || c === "P") {
      if (this.unicode && this.peek() === "{") {
        this.at = this.src.indexOf("}", this.at) + 1;
        return NOTHING;
      }
      return literal(c);
    }
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(this.peek() ?? "")) this.at++;
      return NOTHING; // a backreference
    }
    if (c === "k" && this.peek() === "<") {
      this.at = this.src.indexOf(">", this.at) + 1;
      return NOTHING;
    }
    const ch = this.escapedChar(c);
    return ch === null ? NOTHING : literal(ch);
  }

  /** The character an escape (its letter already read) stands for, or null when it is a class or unknown. */
  private escapedChar(c: string): string | null {
    switch (c) {
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "r":
        return "\r";
      case "f":
        return "\f";
      case "v":
        return "\v";
      case "0":
        return /[0-9]/.test(this.peek() ?? "") ? null : "\0";
      case "x": {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.at));
        if (!m) return this.unicode ? null : "x";
        this.at += 2;
        return String.fromCharCode(parseInt(m[0], 16));
      }
      case "u": {
        const rest = this.src.slice(this.at);
        const m = /^[0-9a-fA-F]{4}/.exec(rest);
        if (m) {
          this.at += 4;
          return String.fromCharCode(parseInt(m[0], 16));
        }
        const b = this.unicode ? /^\{([0-9a-fA-F]+)\}/.exec(rest) : null;
        if (b) {
          this.at += b[0].length;
          return String.fromCodePoint(parseInt(b[1]!, 16));
        }
        return this.unicode ? null : "u";
      }
      case "c":
        return null;
      default:
        // An identity escape: "\/", "\.", "\[", "\-".
        return /[A-Za-z]/.test(c) ? null : c;
    }
  }

  /** A bracketed class: its characters when it lists a few (no ranges wider than a few, no classes inside). */
  private charClass(): Part {
    const negated = this.peek() === "^";
    if (negated) this.at++;
    const chars = new Set<string>();
    let few = !negated;
    while (this.at < this.src.length && this.peek() !== "]") {
      const from = this.classChar();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        this.at++;
        const to = this.classChar();
        if (from === null || to === null) {
          few = false;
          continue;
        }
        const [a, b] = [from.codePointAt(0)!, to.codePointAt(0)!];
        if (b - a > 10) few = false;
        else for (let k = a; k <= b; k++) chars.add(String.fromCodePoint(k));
        continue;
      }
      if (from === null) few = false;
      else chars.add(from);
    }
    if (this.src[this.at++] !== "]") throw new Error("unclosed class");
    if (!few || chars.size === 0 || chars.size > 16) return NOTHING;
    return { spells: chars, needs: chars };
  }

  /** One character of a class, or null for a class escape (\w, \p{L}) or one not understood. */
  private classChar(): string | null {
    const c = this.src[this.at++]!;
    if (c !== "\\") {
      if (this.unicode) {
        const cp = this.src.codePointAt(this.at - 1)!;
        if (cp > 0xffff) this.at++;
        return String.fromCodePoint(cp);
      }
      return c;
    }
    const e = this.src[this.at++]!;
    if ("dDwWsS".includes(e)) return null;
    if ((e === "p" || e === "P") && this.unicode) {
      this.at = this.src.indexOf("}", this.at) + 1;
      return null;
    }
    if (e === "b") return "\b";
    if (e === "-") return "-";
    return this.escapedChar(e);
  }
}

function literal(c: string): Part {
  const s = new Set([c]);
  return { spells: s, needs: s };
}

/**
 * Strings one of which every match of `re` contains, or null when the pattern's source is not understood, or
 * it requires nothing. Patterns that ignore case are never gated (the strings would have to be folded).
 */
export function requiredStrings(re: RegExp): string[] | null {
  // The v flag's classes (set operations) are not read here.
  if (re.ignoreCase || re.global || re.sticky || re.flags.includes("v")) return null;
  // Surrogate pairs outside a class, without the u flag, are two characters, read as two literals: fine.
  try {
    const need = needOf(new Reader(re.source, re.unicode).read());
    return usable(need) ? [...need] : null;
  } catch {
    return null;
  }
}

/** Required strings shorter than this are in most texts: a pattern needing one is run on every text, unscreened. */
const SCREENED_LENGTH = 3;
/** Below this many patterns to screen, one search costs more than the patterns (measured: TAG_ESCAPE, ROLE_TAG). */
const FEWEST_SCREENED = 6;

/**
 * `list.some((r) => r.test(text))`, with one pre-screen for most of the list: the patterns whose required strings
 * are known and all at least SCREENED_LENGTH long run only when the text holds one string of their union (one search,
 * a union of plain strings: no pattern of them can match without); the others (a short string such as "/" or "4", an
 * ignored case, a source not read) run on every text; a list with fewer than FEWEST_SCREENED patterns to screen is
 * run whole, and so is a list with a global or sticky pattern. Same answer: no other pattern carries a place from
 * one test to the next, so the order of the tests changes nothing.
 * The union is searched code unit by code unit (no u flag), as `includes` would: a required string may be half of a
 * surrogate pair.
 */
export function anyMatches(list: readonly RegExp[]): (text: string) => boolean {
  const needs = list.map(requiredStrings);
  const screened = list.filter((_, i) => needs[i]?.every((s) => s.length >= SCREENED_LENGTH));
  const always = list.filter((r) => !screened.includes(r));
  const union = [...new Set(needs.flatMap((n) => (n?.every((s) => s.length >= SCREENED_LENGTH) ? n : [])))].sort();
  // A global or sticky pattern carries its place from one test to the next: such a list keeps its order of tests.
  if (screened.length < FEWEST_SCREENED || list.some((r) => r.global || r.sticky)) return (text) => list.some((r) => r.test(text));
  const search = new RegExp(union.map((s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")).join("|"));
  return (text) => always.some((r) => r.test(text)) || (search.test(text) && screened.some((r) => r.test(text)));
}
