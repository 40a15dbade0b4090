// ESLint for our browser scripts (`make lint`): small classic scripts, no modules.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

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
    },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
  },
];
