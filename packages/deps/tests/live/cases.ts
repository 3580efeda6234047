/**
 * The live case set: real packages, real versions, code as agents write it. A line ending in `// expect`
 * (or `// expect 2` for two names) must get that many findings; every other line must get none.
 * Labels come from the packages' changelogs and published files, not from the checker. Two labels were
 * corrected after reading the published code: uuid@3's index.js exposes only v1 and v4 (v5 is only
 * `uuid/v5`), and node-fetch@2 does export `isRedirect` (as `fetch.isRedirect`).
 *
 * Verified against the published code when the checker disagreed, and kept: mongoose@8.0.0's `User.count`
 * is an expected finding although its `types/models.d.ts` still declares `count` — its `lib/model.js`
 * defines no `Model.count` (so the call throws), and the declarations drop it by 8.0.4. The checker judges
 * by the declarations and misses it; the label stays. node-fetch@2.6.7's `lib/index.js` exports neither
 * `Blob` nor `AbortError` (AbortError is exported from 2.7.0 on) although `@types/node-fetch@2` declares
 * both. redis@4.6.10 re-exports `@redis/*`, none of which exports redis 3's `ReplyError`, `RedisError`,
 * `print` or `Multi`.
 */
export interface LiveCase {
  name: string;
  lockfile: "npm" | "pnpm" | "yarn";
  /** name → [declared range, pinned version]. */
  pins: Record<string, [string, string]>;
  files: Record<string, string>;
}

export const LIVE_CASES: LiveCase[] = [
  {
    name: "openai v3 code on openai 4",
    lockfile: "npm",
    pins: { openai: ["^4.28.0", "4.28.0"] },
    files: {
      "src/legacy.ts": `import { Configuration, OpenAIApi } from "openai"; // expect 2
import { ChatCompletionRequestMessageRoleEnum } from "openai"; // expect
import type { CreateChatCompletionRequest } from "openai"; // expect
import type { CreateCompletionResponse } from "openai"; // expect
import type { CreateEmbeddingRequest } from "openai"; // expect

export const role = ChatCompletionRequestMessageRoleEnum.User;
export const api = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
export type Request = CreateChatCompletionRequest;
export type Response = CreateCompletionResponse;
export type Embedding = CreateEmbeddingRequest;
`,
      "src/client.ts": `import OpenAI, { toFile } from "openai";
import { APIError } from "openai";
import type { ClientOptions } from "openai";

const options: ClientOptions = { apiKey: process.env.OPENAI_API_KEY, maxRetries: 3 };
const client = new OpenAI(options);

export async function ask(question: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: question }],
  });
  return completion.choices[0]?.message?.content ?? "";
}

export async function embed(text: string) {
  const result = await client.embeddings.create({ model: "text-embedding-3-small", input: text });
  return result.data[0]?.embedding ?? [];
}

export async function upload(buffer: Buffer) {
  const file = await toFile(buffer, "data.jsonl");
  return client.files.create({ file, purpose: "fine-tune" });
}

export async function draw(prompt: string) {
  const image = await client.images.generate({ prompt, n: 1 });
  return image.data[0]?.url;
}

export async function models() {
  const list = await client.models.list();
  return list.data.map((model) => model.id);
}

export function isApiError(error: unknown): boolean {
  return error instanceof APIError;
}
`,
    },
  },
  {
    name: "openai v4 code on openai 3",
    lockfile: "pnpm",
    pins: { openai: ["^3.3.0", "3.3.0"] },
    files: {
      "src/new-style.ts": `import { OpenAI } from "openai"; // expect
import { toFile } from "openai"; // expect
import { APIError } from "openai"; // expect
import type { ChatCompletionMessageParam } from "openai/resources/chat"; // expect

export const client = new OpenAI();
export const upload = toFile;
export const ApiError = APIError;
export type Message = ChatCompletionMessageParam;
`,
      "src/v3.ts": `import { Configuration, OpenAIApi } from "openai";
import type { CreateChatCompletionRequest, ChatCompletionRequestMessage } from "openai";

const configuration = new Configuration({ apiKey: process.env.OPENAI_API_KEY });
const openai = new OpenAIApi(configuration);

export async function complete(prompt: string) {
  const response = await openai.createCompletion({ model: "text-davinci-003", prompt, max_tokens: 100 });
  return response.data.choices[0]?.text;
}

export async function chat(messages: ChatCompletionRequestMessage[]) {
  const request: CreateChatCompletionRequest = { model: "gpt-3.5-turbo", messages };
  const response = await openai.createChatCompletion(request);
  return response.data.choices[0]?.message?.content;
}

export async function image(prompt: string) {
  const response = await openai.createImage({ prompt, n: 1, size: "512x512" });
  return response.data.data[0]?.url;
}

export async function listModels() {
  const response = await openai.listModels();
  return response.data.data.map((model) => model.id);
}
`,
    },
  },
  {
    name: "react-router v5 code on react-router-dom 6",
    lockfile: "npm",
    pins: { "react-router-dom": ["^6.20.0", "6.20.0"] },
    files: {
      "src/legacy-routes.tsx": `import { Switch, Route, Redirect } from "react-router-dom"; // expect 2
import { useHistory } from "react-router-dom"; // expect
import { withRouter } from "react-router-dom"; // expect
import { useRouteMatch } from "react-router-dom"; // expect
import { Prompt } from "react-router-dom"; // expect

export function Legacy() {
  const history = useHistory();
  const match = useRouteMatch("/users/:id");
  return (
    <Switch>
      <Route path="/users" />
      <Redirect to="/" />
      <Prompt when={Boolean(match)} message="Leave?" />
      <button onClick={() => history.push("/")}>home</button>
    </Switch>
  );
}
export const Wrapped = withRouter(Legacy as never);
`,
      "src/routes.tsx": `import { BrowserRouter, Routes, Route, Navigate, Outlet } from "react-router-dom";
import { useNavigate, useParams, useLocation, useSearchParams } from "react-router-dom";
import { Link, NavLink, matchPath, generatePath } from "react-router-dom";
import { createBrowserRouter, RouterProvider } from "react-router-dom";

function User() {
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const path = generatePath("/users/:id", { id: id ?? "" });
  const match = matchPath("/users/:id", location.pathname);
  return (
    <div>
      <Link to={path}>{params.get("tab")}</Link>
      <NavLink to="/">home</NavLink>
      <button onClick={() => navigate(-1)}>{match ? "back" : "up"}</button>
    </div>
  );
}

function Layout() {
  return <Outlet />;
}

export const router = createBrowserRouter([{ path: "/", element: <Layout /> }]);
export const App = () => <RouterProvider router={router} />;
export const Classic = () => (
  <BrowserRouter>
    <Routes>
      <Route path="/users/:id" element={<User />} />
      <Route path="*" element={<Navigate to="/" />} />
    </Routes>
  </BrowserRouter>
);
`,
    },
  },
  {
    name: "react-router v6 code on react-router-dom 5",
    lockfile: "yarn",
    pins: { "react-router-dom": ["^5.3.4", "5.3.4"], "@types/react-router-dom": ["^5.3.3", "5.3.3"] },
    files: {
      "src/new-routes.tsx": `import { Routes } from "react-router-dom"; // expect
import { useNavigate } from "react-router-dom"; // expect
import { Navigate, Outlet } from "react-router-dom"; // expect 2
import { useSearchParams } from "react-router-dom"; // expect
import { createBrowserRouter, RouterProvider } from "react-router-dom"; // expect 2

export const pieces = [Routes, useNavigate, Navigate, Outlet, useSearchParams, createBrowserRouter, RouterProvider];
`,
      "src/app.tsx": `import { BrowserRouter, Switch, Route, Redirect } from "react-router-dom";
import { useHistory, useParams, useLocation, useRouteMatch } from "react-router-dom";
import { Link, NavLink, withRouter, matchPath, generatePath } from "react-router-dom";
import type { RouteComponentProps } from "react-router-dom";

function User(props: RouteComponentProps<{ id: string }>) {
  const history = useHistory();
  const { id } = useParams<{ id: string }>();
  const location = useLocation();
  const match = useRouteMatch("/users/:id");
  const path = generatePath("/users/:id", { id });
  const matched = matchPath(location.pathname, { path: "/users/:id" });
  return (
    <div>
      <Link to={path}>{props.match.params.id}</Link>
      <NavLink to="/">home</NavLink>
      <button onClick={() => history.goBack()}>{match && matched ? "back" : "up"}</button>
    </div>
  );
}

export const RoutedUser = withRouter(User);
export const App = () => (
  <BrowserRouter>
    <Switch>
      <Route path="/users/:id" component={User} />
      <Redirect to="/" />
    </Switch>
  </BrowserRouter>
);
`,
    },
  },
  {
    name: "uuid deep imports on uuid 9",
    lockfile: "npm",
    pins: { uuid: ["^9.0.1", "9.0.1"], "@types/uuid": ["^9.0.7", "9.0.7"] },
    files: {
      "src/ids.js": `const uuidv1 = require("uuid/v1"); // expect
const uuidv4 = require("uuid/v4"); // expect
const { v4, v5, validate, NIL, version } = require("uuid");

module.exports = {
  legacy: () => [uuidv1(), uuidv4()],
  id: () => v4(),
  named: (name) => v5(name, v5.URL),
  check: (value) => validate(value) && version(value) === 4,
  empty: NIL,
};
`,
      "src/ids.ts": `import uuidv5 from "uuid/v5"; // expect
import { v4 as uuidv4, v1, parse, stringify } from "uuid";
import type { V4Options } from "uuid";

const options: V4Options = {};
export const id = uuidv4(options);
export const time = v1();
export const bytes = parse(id);
export const back = stringify(bytes);
export const named = uuidv5;
`,
    },
  },
  {
    name: "uuid 8 API on uuid 3",
    lockfile: "pnpm",
    pins: { uuid: ["^3.4.0", "3.4.0"], "@types/uuid": ["^3.4.10", "3.4.10"] },
    files: {
      "src/ids.ts": `import { validate } from "uuid"; // expect
import { NIL } from "uuid"; // expect
import { v4, parse } from "uuid"; // expect
import { v1, v5 } from "uuid"; // expect
import uuidv4 = require("uuid/v4");

export const ok = validate(v4()) && NIL === "" && parse(v1()).length === 16;
export const other = [uuidv4(), v5("x", v5.URL)];
`,
    },
  },
  {
    name: "express 4 internals on express 5",
    lockfile: "npm",
    pins: { express: ["^5.0.0", "5.0.0"], "@types/express": ["^5.0.0", "5.0.0"] },
    files: {
      "src/server.ts": `import express, { Router, json, urlencoded } from "express";
import type { Request, Response, NextFunction } from "express";

const app = express();
const router = Router();

app.use(json());
app.use(urlencoded({ extended: true }));
app.use(express.static("public"));
app.use(express.text());
app.use(express.raw());

router.get("/health", (_req: Request, res: Response) => {
  res.json({ ok: true });
});

router.post("/echo", (req: Request, res: Response, next: NextFunction) => {
  if (!req.body) return next(new Error("no body"));
  res.status(201).send(req.body);
});

app.use("/api", router);
app.listen(3000);
`,
      "src/internals.js": `const Route = require("express/lib/router/route"); // expect
const Layer = require("express/lib/router/layer"); // expect
const response = require("express/lib/response");

module.exports = { Route, Layer, response };
`,
    },
  },
  {
    name: "lodash 3 API on lodash 4",
    lockfile: "npm",
    pins: { lodash: ["^4.17.21", "4.17.21"], "@types/lodash": ["^4.14.202", "4.14.202"] },
    files: {
      "src/legacy.ts": `import { pluck, where } from "lodash"; // expect 2
import { findWhere } from "lodash"; // expect
import { indexBy } from "lodash"; // expect
import { contains } from "lodash"; // expect
import { any, all } from "lodash"; // expect 2
import pluckModule from "lodash/pluck"; // expect
import _ from "lodash";

export const names = (users: Array<{ name: string }>) => _.pluck(users, "name"); // expect
export const admins = (users: Array<{ admin: boolean }>) => _.where(users, { admin: true }); // expect
export const legacy = [pluck, where, findWhere, indexBy, contains, any, all, pluckModule];
`,
      "src/modern.ts": `import { map, filter, groupBy, keyBy, includes, flatMap, debounce, throttle } from "lodash";
import { uniqBy, sortBy, chunk, cloneDeep, isEqual, merge, pick, omit } from "lodash";
import get from "lodash/get";
import set from "lodash/set";
import _ from "lodash";

interface User {
  id: string;
  name: string;
  team: string;
  tags: string[];
}

export const byId = (users: User[]) => keyBy(users, "id");
export const byTeam = (users: User[]) => groupBy(users, (user) => user.team);
export const names = (users: User[]) => map(users, "name");
export const tagged = (users: User[], tag: string) => filter(users, (user) => includes(user.tags, tag));
export const allTags = (users: User[]) => uniqBy(flatMap(users, (user) => user.tags), (tag) => tag.toLowerCase());
export const sorted = (users: User[]) => sortBy(users, ["team", "name"]);
export const pages = (users: User[]) => chunk(users, 20);
export const copy = (user: User) => cloneDeep(user);
export const same = (a: User, b: User) => isEqual(a, b);
export const patch = (user: User, changes: Partial<User>) => merge({}, user, changes);
export const summary = (user: User) => pick(user, ["id", "name"]);
export const safe = (user: User) => omit(user, ["tags"]);
export const teamOf = (user: User) => get(user, "team", "none");
export const rename = (user: User, name: string) => set(user, "name", name);
export const onResize = debounce(() => undefined, 100);
export const onScroll = throttle(() => undefined, 100);
export const chained = (users: User[]) => _.chain(users).map("name").uniq().value();
export const firstName = (users: User[]) => _.head(users)?.name;
export const total = (values: number[]) => _.sum(values);
`,
    },
  },
  {
    name: "firebase 8 code on firebase 9",
    lockfile: "yarn",
    pins: { firebase: ["^9.23.0", "9.23.0"] },
    files: {
      "src/legacy.ts": `import firebase from "firebase"; // expect

export const app = firebase;
`,
      "src/modular.ts": `import { initializeApp, getApps } from "firebase/app";
import { getAuth, signInWithEmailAndPassword, onAuthStateChanged } from "firebase/auth";
import { getFirestore, collection, addDoc, getDocs, query, where, doc, getDoc } from "firebase/firestore";
import { getStorage, ref, uploadBytes } from "firebase/storage";
import compat from "firebase/compat/app";
import "firebase/compat/auth";

const app = getApps()[0] ?? initializeApp({ apiKey: "x", projectId: "demo" });
const auth = getAuth(app);
const db = getFirestore(app);
const storage = getStorage(app);

export async function signIn(email: string, password: string) {
  return signInWithEmailAndPassword(auth, email, password);
}

export function watch(callback: (uid: string | null) => void) {
  return onAuthStateChanged(auth, (user) => callback(user?.uid ?? null));
}

export async function addOrder(order: object) {
  return addDoc(collection(db, "orders"), order);
}

export async function ordersOf(uid: string) {
  const snapshot = await getDocs(query(collection(db, "orders"), where("uid", "==", uid)));
  return snapshot.docs.map((d) => d.data());
}

export async function profile(uid: string) {
  return (await getDoc(doc(db, "users", uid))).data();
}

export async function upload(path: string, data: Uint8Array) {
  return uploadBytes(ref(storage, path), data);
}

export const legacyApp = compat;
`,
    },
  },
  {
    name: "firebase 9 code on firebase 8",
    lockfile: "npm",
    pins: { firebase: ["^8.10.1", "8.10.1"] },
    files: {
      "src/modular.ts": `import { getFirestore, collection, addDoc } from "firebase/firestore"; // expect 3
import { getAuth } from "firebase/auth"; // expect
import compat from "firebase/compat/app"; // expect

export const pieces = [getFirestore, collection, addDoc, getAuth, compat];
`,
      "src/namespaced.ts": `import firebase from "firebase/app";
import "firebase/auth";
import "firebase/firestore";

firebase.initializeApp({ apiKey: "x", projectId: "demo" });

export async function signIn(email: string, password: string) {
  return firebase.auth().signInWithEmailAndPassword(email, password);
}

export async function addOrder(order: object) {
  return firebase.firestore().collection("orders").add(order);
}
`,
    },
  },
  {
    name: "redis 3 and 4",
    lockfile: "pnpm",
    pins: { redis: ["^4.6.10", "4.6.10"] },
    files: {
      "src/cache.ts": `import { createClient } from "redis";
import { RedisClient } from "redis"; // expect
import { ReplyError, RedisError } from "redis"; // expect 2
import { print, Multi } from "redis"; // expect 2
import { commandOptions, defineScript, createCluster } from "redis";
import { ErrorReply, WatchError, AbortError } from "redis";
import { SchemaFieldTypes, AggregateSteps } from "redis";
import type { RedisClientType } from "redis";

const client = createClient({ url: process.env.REDIS_URL });

export async function start() {
  await client.connect();
}

export async function remember(key: string, value: string) {
  await client.set(key, value, { EX: 60 });
  return client.get(key);
}

export type Legacy = RedisClient;
export const legacyErrors = [ReplyError, RedisError, print, Multi];
export const modern = [commandOptions, defineScript, createCluster, ErrorReply, WatchError, AbortError, SchemaFieldTypes, AggregateSteps];
export type Client = RedisClientType;
`,
    },
  },
  {
    name: "node-fetch 3 API on node-fetch 2",
    lockfile: "pnpm",
    pins: { "node-fetch": ["^2.6.7", "2.6.7"], "@types/node-fetch": ["^2.6.9", "2.6.9"] },
    files: {
      "src/http.ts": `import fetch, { Headers, Request, Response, FetchError } from "node-fetch";
import { fileFromSync } from "node-fetch"; // expect
import { FormData } from "node-fetch"; // expect
import { Blob } from "node-fetch"; // expect
import { AbortError } from "node-fetch"; // expect
import { isRedirect } from "node-fetch";
import type { RequestInit, BodyInit, HeadersInit } from "node-fetch";
import type { Blob as BlobType } from "node-fetch";

export async function getJson(url: string) {
  const headers = new Headers({ accept: "application/json" });
  const response: Response = await fetch(new Request(url, { headers }));
  if (!response.ok) throw new FetchError(\`status \${response.status}\`, "http");
  return response.json();
}

export const v3 = [fileFromSync, FormData, Blob, AbortError, isRedirect];
export type Shapes = [RequestInit, BodyInit, HeadersInit, BlobType];
`,
    },
  },
  {
    name: "node-fetch 3",
    lockfile: "npm",
    pins: { "node-fetch": ["^3.3.2", "3.3.2"] },
    files: {
      "src/http.ts": `import fetch, { Headers, FormData, fileFromSync, AbortError, FetchError, isRedirect } from "node-fetch";

export async function post(url: string, path: string) {
  const body = new FormData();
  body.set("file", fileFromSync(path));
  const response = await fetch(url, { method: "POST", body, headers: new Headers({ "x-id": "1" }) });
  if (isRedirect(response.status)) return response.headers.get("location");
  return response.text();
}

export function isFailure(error: unknown) {
  return error instanceof AbortError || error instanceof FetchError;
}
`,
    },
  },
  {
    name: "date-fns 2 paths on date-fns 3",
    lockfile: "npm",
    pins: { "date-fns": ["^3.6.0", "3.6.0"] },
    files: {
      "src/dates.ts": `import { format } from "date-fns/esm"; // expect
import addDaysEsm from "date-fns/esm/addDays"; // expect
import { zonedTimeToUtc } from "date-fns"; // expect
import { formatDistance, addDays, subMonths, isBefore, parseISO, differenceInDays, startOfWeek } from "date-fns";
import { interval, eachDayOfInterval, isWithinInterval } from "date-fns";
import { enUS } from "date-fns/locale";

export const label = (date: Date) => format(date, "yyyy-MM-dd");
export const soon = addDaysEsm;
export const utc = zonedTimeToUtc;
export const ago = (date: Date) => formatDistance(date, new Date(), { locale: enUS, addSuffix: true });
export const nextWeek = (date: Date) => addDays(date, 7);
export const lastMonth = (date: Date) => subMonths(date, 1);
export const expired = (iso: string) => isBefore(parseISO(iso), new Date());
export const age = (from: Date) => differenceInDays(new Date(), from);
export const weekStart = (date: Date) => startOfWeek(date, { weekStartsOn: 1 });
export const days = (start: Date, end: Date) => eachDayOfInterval(interval(start, end));
export const inside = (date: Date, start: Date, end: Date) => isWithinInterval(date, { start, end });
`,
    },
  },
  {
    name: "date-fns 3 API on date-fns 2",
    lockfile: "yarn",
    pins: { "date-fns": ["^2.30.0", "2.30.0"] },
    files: {
      "src/dates.ts": `import { interval } from "date-fns"; // expect
import { constructNow } from "date-fns"; // expect
import { format, addDays, formatDistance, isValid, parseISO } from "date-fns";
import formatLegacy from "date-fns/format";
import { enUS } from "date-fns/locale";

export const window = interval;
export const now = constructNow;
export const label = (date: Date) => format(addDays(date, 1), "PP", { locale: enUS });
export const ago = (date: Date) => formatDistance(date, new Date());
export const valid = (iso: string) => isValid(parseISO(iso));
export const legacy = formatLegacy;
`,
    },
  },
  {
    name: "mongoose 6 code on mongoose 8",
    lockfile: "npm",
    pins: { mongoose: ["^8.0.0", "8.0.0"] },
    files: {
      "src/models.ts": `import mongoose, { Schema, model, connect, Types } from "mongoose";
import type { Document, Model } from "mongoose";

interface UserDoc extends Document {
  email: string;
  team: Types.ObjectId;
}

const userSchema = new Schema<UserDoc>({ email: { type: String, required: true }, team: { type: Schema.Types.ObjectId, ref: "Team" } });
export const User: Model<UserDoc> = model<UserDoc>("User", userSchema);

export async function start(url: string) {
  mongoose.set("strictQuery", true);
  await connect(url);
}

export async function find(email: string) {
  return User.findOne({ email }).exec();
}

export async function purge(email: string) {
  await User.remove({ email }); // expect
  return User.count({ email }); // expect
}

export async function legacy(email: string) {
  await User.update({ email }, { $set: { email } }); // expect
  await User.findOneAndRemove({ email }); // expect
  return User.mapReduce({ map: "function () {}", reduce: "function () {}" }); // expect
}

export async function modern(email: string) {
  User.on("index", (error: unknown) => console.error(error));
  User.once("init", () => undefined);
  User.emit("ready");
  await User.syncIndexes();
  await User.updateOne({ email }, { $set: { email } });
  await User.findOneAndDelete({ email });
  await User.deleteOne({ email });
  await User.insertMany([{ email }]);
  await User.bulkWrite([]);
  await User.exists({ email });
  const total = await User.estimatedDocumentCount();
  const matching = await User.countDocuments({ email });
  return User.aggregate([{ $match: { email } }]).then((rows) => rows.length + total + matching);
}
`,
    },
  },
  {
    name: "next 13/14 APIs on next 12",
    lockfile: "npm",
    pins: { next: ["^12.3.4", "12.3.4"] },
    files: {
      "src/app-router.tsx": `import { useRouter as useAppRouter } from "next/navigation"; // expect
import { cookies, headers } from "next/headers"; // expect
import { Inter } from "next/font/google"; // expect
import { ImageResponse } from "next/og"; // expect
import { revalidatePath } from "next/cache"; // expect
import LegacyImage from "next/legacy/image"; // expect

export const pieces = [useAppRouter, cookies, headers, Inter, ImageResponse, revalidatePath, LegacyImage];
`,
      "src/pages.tsx": `import Image from "next/image";
import Link from "next/link";
import Head from "next/head";
import Script from "next/script";
import dynamic from "next/dynamic";
import { useRouter } from "next/router";
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import type { GetServerSideProps, NextApiRequest, NextApiResponse, NextPage } from "next";
import type { AppProps } from "next/app";

const Chart = dynamic(() => import("./chart"), { ssr: false });

export const Page: NextPage<{ name: string }> = ({ name }) => {
  const router = useRouter();
  return (
    <>
      <Head>
        <title>{name}</title>
      </Head>
      <Script src="/analytics.js" />
      <Image src="/logo.png" width={100} height={100} alt="logo" />
      <Link href={\`/users/\${router.query.id}\`}>profile</Link>
      <Chart />
    </>
  );
};

export const getServerSideProps: GetServerSideProps = async () => ({ props: { name: "demo" } });
export default function handler(_req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ ok: true });
}
export function middleware(request: NextRequest) {
  return NextResponse.redirect(new URL("/login", request.url));
}
export const App = ({ Component, pageProps }: AppProps) => <Component {...pageProps} />;
`,
    },
  },
  {
    name: "next 12 APIs on next 14",
    lockfile: "pnpm",
    pins: { next: ["^14.0.4", "14.0.4"] },
    files: {
      "src/image.tsx": `import FutureImage from "next/future/image"; // expect
import Image from "next/image";
import LegacyImage from "next/legacy/image";
import { useRouter } from "next/navigation";
import { cookies } from "next/headers";
import { Inter } from "next/font/google";
import { ImageResponse } from "next/og";
import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";

export const pieces = [FutureImage, Image, LegacyImage, useRouter, cookies, Inter, ImageResponse, revalidatePath, NextResponse];
`,
    },
  },
];
