// A small reader of the bash command lines tfauth prints: splits a line into simple
// commands (at unquoted `|`, `||`, `&&`, `;`) and each into words with quotes removed.
// Syntax errors are bash's business (`bash -n` decides those); this only needs to find
// the arguments that other parsers check, so `$(…)` and `"…"` stay inside one word.

export interface SimpleCommand {
  /** Words after quote removal, e.g. ['aws', 'sts', 'get-caller-identity']. */
  words: string[];
}

export function simpleCommands(line: string): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) out.push({ words });
    words = [];
  };
  while (i < line.length) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      const stop = end < 0 ? line.length : end;
      word += line.slice(i + 1, stop);
      inWord = true;
      i = stop + 1;
    } else if (c === '"') {
      i++;
      inWord = true;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) {
          word += line[i + 1];
          i += 2;
        } else if (line.startsWith('$(', i)) {
          const end = closing(line, i + 1);
          word += line.slice(i, end + 1);
          i = end + 1;
        } else word += line[i++];
      }
      i++;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (line.startsWith('$(', i)) {
      const end = closing(line, i + 1);
      word += line.slice(i, end + 1);
      inWord = true;
      i = end + 1;
    } else if (c === '|' || c === ';' || c === '&') {
      endCommand();
      i += line[i + 1] === c ? 2 : 1;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      endWord();
      i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  endCommand();
  return out;
}

/** Index of the `)` closing the `(` at `open`, counting nesting (quotes inside are rare here). */
function closing(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    if (line[i] === '(') depth++;
    else if (line[i] === ')' && --depth === 0) return i;
  }
  return line.length - 1;
}

/** The words of a simple command without leading `VAR=value` assignments. */
export function argv(cmd: SimpleCommand): string[] {
  let i = 0;
  while (i < cmd.words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd.words[i] as string)) i++;
  return cmd.words.slice(i);
}

/** The value of `--name value` or `--name=value` in argv, every occurrence. */
export function optionValues(words: string[], name: string): string[] {
  const out: string[] = [];
  words.forEach((w, i) => {
    if (w === name && i + 1 < words.length) out.push(words[i + 1] as string);
    else if (w.startsWith(`${name}=`)) out.push(w.slice(name.length + 1));
  });
  return out;
}
