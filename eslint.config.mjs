// ESLint 9 flat config: Next.js's rules (core web vitals + TypeScript) and the
// layout rule (docs/decisions/0010-layout-rule-and-lint.md).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** app/ and components/ never reach the database themselves: they call lib/ (lib/data.ts binds the store's database). */
export const layoutRule = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          group: [
            "@/lib/db",
            "**/lib/db",
            "@/lib/generated/*",
            "**/lib/generated/*",
            "**/generated/prisma",
            "**/generated/prisma/*",
            "@prisma/client",
            "@prisma/client/*",
          ],
          message: "app/ and components/ do not touch the database: call a lib/ function (lib/data.ts binds the store's database).",
        },
      ],
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // The code base's convention: a leading underscore marks an unused binding; a rest sibling omits a field.
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  { files: ["app/**", "components/**"], rules: layoutRule },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    ".data/**",
    "test-reports/**",
    "test-results/**",
    "playwright-report/**",
    "public/**",
    "next-env.d.ts",
  ]),
]);
