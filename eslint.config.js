// ESLint for our browser scripts (`make lint`): small classic scripts, no modules; and for
// their Node tests, under the same house rules.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

// Beyond the recommended rules, for every file.
const house = {
  // Block-scoped declarations (ES2015, in every browser we support): `const` for a name
  // that never changes, so `let` says which ones do; one name per declaration.
  "no-var": "error",
  "prefer-const": "error",
  "one-var": ["error", "never"],
  "no-shadow": "error",
  // The Python line length (ruff's line-length in pyproject.toml).
  "max-len": ["error", { code: 110, ignoreUrls: true }],
  // A function that takes more than a dozen paths does more than one job: split it.
  complexity: ["error", 12],
  eqeqeq: ["error", "always", { null: "ignore" }],
  // ES2015's shorter forms, in the same browsers: arrow callbacks (a function that reads
  // `this` stays a function), `{ name }` for `{ name: name }`, `x => y` for a lone return.
  "prefer-arrow-callback": "error",
  "object-shorthand": "error",
  "arrow-body-style": ["error", "as-needed"],
};

// An ordinary space before the punctuation, which ends the text or a word group.
const PLAIN_SPACE = "/ [:;!?](?= |$)/";
const TYPOGRAPHY = "An ordinary space before « : ; ! ? » in a text: write NBSP (VMI.NBSP) before it.";

module.exports = [
  // territory-list.js: data written by `make territoires`.
  { ignores: ["overrides/assets/javascripts/vendor/**", "editor/vendor/**",
    "overrides/assets/javascripts/territory-list.js"] },
  {
    files: ["overrides/assets/javascripts/**/*.js", "editor/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      // module/require: scripts shared with the Node tests.
      globals: { ...globals.browser, module: "readonly", require: "readonly" },
    },
    rules: {
      ...js.configs.recommended.rules,
      // `catch (e) {}` where storage may be refused: the error itself is not needed.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      ...house,
      // Each script keeps its names in its own function; what it shares goes on window.VMI.
      "no-implicit-globals": "error",
      // French typography in what visitors read: a no-break space before « : ; ! ? »,
      // which the site's Markdown gets by itself and the scripts write (NBSP + ': ').
      "no-restricted-syntax": ["error",
        { selector: `Literal[value=${PLAIN_SPACE}]`, message: TYPOGRAPHY },
        { selector: `TemplateElement[value.cooked=${PLAIN_SPACE}]`, message: TYPOGRAPHY }],
    },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
    rules: { ...js.configs.recommended.rules, ...house },
  },
];
