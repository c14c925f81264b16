// hasTerraformFrame (facts/terraform.ts) against the pattern it stands for, TERRAFORM_FRAME.

import fc from 'fast-check';
import { hasTerraformFrame, TERRAFORM_FRAME } from '../../src/diagnosis/facts/terraform';

const PIECES = [
  '╷',
  '│',
  '╵',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  'x',
  '│ Error',
  '        ',
  '─',
];

describe('hasTerraformFrame', () => {
  it('answers as TERRAFORM_FRAME.test does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join('')),
        (t) => {
          expect(hasTerraformFrame(t)).toBe(TERRAFORM_FRAME.test(t));
        },
      ),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('finds a frame after up to 8 blanks, not after 9', () => {
    expect(hasTerraformFrame(`x\n${' '.repeat(8)}│ Error`)).toBe(true);
    expect(hasTerraformFrame(`x\n${' '.repeat(9)}│ Error`)).toBe(false);
    expect(hasTerraformFrame('│')).toBe(true);
    expect(hasTerraformFrame('a│')).toBe(false);
  });
});
