import * as assert from 'assert';
import * as path from 'path';
import { relativeInside } from '../../../src/core/pathInside';

describe('whether a path lies inside a folder', () => {
  const root = path.join(path.sep, 'work', 'shop');
  const at = (...parts: string[]): string => path.join(root, ...parts);

  it('gives the relative path of what is inside, the folder itself as an empty path', () => {
    assert.strictEqual(relativeInside(root, at('src', 'a.ts')), path.join('src', 'a.ts'));
    assert.strictEqual(relativeInside(root, root), '');
  });

  it('takes names that only start with two dots as names', () => {
    assert.strictEqual(relativeInside(root, at('..notes.yaml')), '..notes.yaml');
    assert.strictEqual(relativeInside(root, at('...', 'x')), path.join('...', 'x'));
  });

  it('refuses the parent, its other children and unrelated paths', () => {
    assert.strictEqual(relativeInside(root, path.dirname(root)), undefined);
    assert.strictEqual(relativeInside(root, path.join(path.dirname(root), 'shop-other', 'a.ts')), undefined);
    assert.strictEqual(relativeInside(root, at('..', '..', 'etc', 'passwd')), undefined);
    assert.strictEqual(relativeInside(root, path.join(path.sep, 'elsewhere')), undefined);
  });
});
