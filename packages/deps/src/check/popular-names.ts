/** Widely used package names; an unknown name one edit away from one of these is a likely typo or a squatted look-alike. */
const POPULAR = [
  "react", "react-dom", "react-router", "react-router-dom", "next", "vue", "svelte", "angular", "express", "koa", "fastify", "hono",
  "lodash", "underscore", "axios", "node-fetch", "got", "ky", "undici", "request", "superagent", "moment", "dayjs", "date-fns", "luxon",
  "uuid", "nanoid", "chalk", "picocolors", "commander", "yargs", "minimist", "debug", "dotenv", "cors", "helmet", "morgan", "body-parser",
  "cookie-parser", "jsonwebtoken", "bcrypt", "bcryptjs", "passport", "mongoose", "mongodb", "mysql", "mysql2", "pg", "redis", "ioredis",
  "sequelize", "typeorm", "prisma", "knex", "drizzle-orm", "zod", "yup", "joi", "ajv", "openai", "stripe", "firebase", "firebase-admin",
  "aws-sdk", "socket.io", "ws", "graphql", "apollo-server", "typescript", "eslint", "prettier", "jest", "vitest", "mocha", "chai",
  "webpack", "vite", "rollup", "esbuild", "babel-core", "tailwindcss", "postcss", "sass", "styled-components", "classnames", "clsx",
  "rxjs", "redux", "react-redux", "zustand", "immer", "semver", "glob", "rimraf", "mkdirp", "fs-extra", "cross-env", "nodemon", "pino",
  "winston", "bunyan", "sharp", "multer", "nodemailer", "cheerio", "puppeteer", "playwright", "jquery", "bluebird", "async", "ramda",
  "validator", "qs", "form-data", "colors", "inquirer", "ora", "execa", "shelljs", "yaml", "js-yaml", "xml2js", "crypto-js", "bignumber.js",
];
const POPULAR_SET = new Set(POPULAR);

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The popular name `name` is one typo away from (not itself popular, at least 4 letters), if any. */
export function typoOf(name: string): string | undefined {
  if (POPULAR_SET.has(name) || name.length < 4) return undefined;
  return POPULAR.find((popular) => popular.length >= 4 && distance(name, popular) === 1);
}
