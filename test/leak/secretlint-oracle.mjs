// The leak suite's oracle: secretlint's recommended rules over each paste (stdin: a JSON array
// of texts; stdout: per text, what secretlint found). A separate process because
// @secretlint/core is ESM-only and asynchronous (see README, Dependencies).

/* global process, Buffer */
import { lintSource } from '@secretlint/core';
import { creator } from '@secretlint/secretlint-rule-preset-recommend';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const texts = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] };
const out = [];
for (const content of texts) {
  const result = await lintSource({
    source: { filePath: '/paste.txt', content, contentType: 'text' },
    options: { config },
  });
  out.push(
    result.messages.map((m) => ({ rule: m.ruleId, text: content.slice(m.range[0], m.range[1]) })),
  );
}
process.stdout.write(JSON.stringify(out));
