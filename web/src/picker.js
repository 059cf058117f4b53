// An actor field with autocomplete over the actor dictionaries
// (GET /api/actors?q=): a WAI-ARIA combobox with a listbox popup. Arrow keys
// move through the matches, Enter or a click picks one, Escape closes the
// list. The field's value becomes the match's `member` (the state or
// organisation the store's queries match: Maduro's VENGOV counts as VEN), or
// its code when it has none; a code typed by hand works as well.
import { getJson, isAbort } from "./api.js";

let nextId = 0;

export class ActorPicker {
  #input;
  #list;
  #note;
  #matches = [];
  #active = -1;
  #timer = 0;
  #controller = null;

  constructor(input, list, note) {
    this.#input = input;
    this.#list = list;
    this.#note = note;
    const listId = list.id || `actor-list-${nextId++}`;
    list.id = listId;
    list.setAttribute("role", "listbox");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    input.addEventListener("input", () => this.#schedule());
    input.addEventListener("keydown", (event) => this.#key(event));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    // mousedown, not click: the input keeps focus and does not close the list first.
    list.addEventListener("mousedown", (event) => {
      const option = event.target.closest("[role=option]");
      if (!option) return;
      event.preventDefault();
      this.#pick(Number(option.dataset.index));
    });
  }

  get value() {
    return this.#input.value.trim();
  }

  set value(code) {
    this.#input.value = code || "";
  }

  // What the field resolves to, shown beside it; `code` is the code described.
  describe(text, code = "") {
    this.#note.textContent = text || "";
    this.describedCode = text ? code : "";
  }

  close() {
    this.#list.hidden = true;
    this.#list.replaceChildren();
    this.#input.setAttribute("aria-expanded", "false");
    this.#input.removeAttribute("aria-activedescendant");
    this.#active = -1;
    this.#matches = [];
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.describe("");
    const query = this.value;
    if (query.length < 1) {
      this.close();
      return;
    }
    this.#timer = setTimeout(() => this.#search(query), 120);
  }

  async #search(query) {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    let answer;
    try {
      // More than are shown at once: those with stored events are listed first.
      answer = await getJson("actors", { q: query, limit: 40 }, { signal: controller.signal });
    } catch (error) {
      if (!isAbort(error)) this.describe(error.message);
      return;
    }
    if (query !== this.value) return;
    // Actors the store has events for first, in the server's order otherwise.
    const matches = answer.matches || [];
    this.#matches = [...matches.filter((m) => m.events > 0), ...matches.filter((m) => !(m.events > 0))];
    this.#render();
  }

  #render() {
    this.#list.replaceChildren();
    if (this.#matches.length === 0) {
      this.close();
      this.describe("No actor of that name in the dictionaries.");
      return;
    }
    this.#matches.forEach((match, index) => {
      const option = document.createElement("li");
      option.setAttribute("role", "option");
      option.id = `${this.#list.id}-${index}`;
      option.dataset.index = String(index);
      option.dataset.code = match.code;
      option.dataset.member = queryCode(match);
      option.setAttribute("aria-selected", "false");
      if (!(match.events > 0)) option.classList.add("no-events");
      const code = document.createElement("strong");
      code.textContent = match.code;
      const name = document.createElement("span");
      name.textContent = ` ${match.name}`;
      const facts = document.createElement("small");
      facts.textContent = ` ${describeMatch(match)}`;
      option.append(code, name, facts);
      this.#list.append(option);
    });
    this.#list.hidden = false;
    this.#input.setAttribute("aria-expanded", "true");
    this.#move(0);
  }

  #move(index) {
    const options = this.#list.querySelectorAll("[role=option]");
    if (options.length === 0) return;
    this.#active = (index + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === this.#active)));
    const option = options[this.#active];
    this.#input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  #pick(index) {
    const match = this.#matches[index];
    if (!match) return;
    this.value = queryCode(match);
    this.close();
    this.describe(`${match.name} — ${describeMatch(match)}`, queryCode(match));
    this.#input.dispatchEvent(new CustomEvent("actor-picked", { detail: match, bubbles: true }));
  }

  #key(event) {
    const open = !this.#list.hidden && this.#matches.length > 0;
    switch (event.key) {
      case "ArrowDown":
        if (open) this.#move(this.#active + 1);
        else this.#schedule();
        event.preventDefault();
        break;
      case "ArrowUp":
        if (open) this.#move(this.#active - 1);
        event.preventDefault();
        break;
      case "Enter":
        if (open && this.#active >= 0) {
          event.preventDefault();  // picking does not submit the form
          this.#pick(this.#active);
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          this.close();
        }
        break;
      default:
        break;
    }
  }
}

// The code the store's queries take for a match.
export function queryCode(match) {
  return match.member || match.code;
}

export function describeMatch(match) {
  const parts = [match.kind];
  if (match.role) parts.push(match.role.replaceAll("_", " "));
  if (match.valid_from || match.valid_until) {
    parts.push(`${match.valid_from || "…"} – ${match.valid_until || "now"}`);
  }
  const counted = queryCode(match) !== match.code ? ` → ${queryCode(match)}` : "";
  parts.push(match.events > 0 ? `${match.events} event${match.events === 1 ? "" : "s"}` : "no events");
  return `(${parts.join(", ")})${counted}`;
}
