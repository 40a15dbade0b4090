// Statements of scripts, a count that formatting leaves alone (line length, one
// declaration per line): each statement, declaration and declared name counts one.
// Reads sources separated by NUL characters on standard input and prints one count per
// source, for bench/lines.py. Parsed by eslint's parser (espree, installed with eslint).
"use strict";

const espree = require("espree");

function count(node) {
  if (Array.isArray(node)) return node.reduce((sum, child) => sum + count(child), 0);
  if (!node || typeof node.type !== "string") return 0;
  const own = node.type === "VariableDeclarator" ||
    (/(Statement|Declaration)$/.test(node.type) && !/^(Block|Variable)/.test(node.type));
  return (own ? 1 : 0) + (espree.VisitorKeys[node.type] || []).reduce((sum, key) => sum + count(node[key]), 0);
}

const sources = require("fs").readFileSync(0, "utf8").split("\0").slice(0, -1);
for (const source of sources) {
  console.log(count(espree.parse(source, { ecmaVersion: "latest", sourceType: "script" })));
}
