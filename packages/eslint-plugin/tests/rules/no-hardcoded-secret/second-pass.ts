// Expected reports for second-pass-codes.ts: recorded from the rule, each message read and checked by hand.
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-hardcoded-secret/index.js";
import { invalidCodes, validCodes } from "./second-pass-codes.js";

type Invalid = InvalidTestCase<MessageIds, Options>;

const expected: Record<string, Invalid["errors"]> = {
  "jsonwebtoken: sign with a weak literal secret": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 59,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import jwt from \"jsonwebtoken\";\nexport const issue = (user) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: \"1h\" });"
        }
      ]
    }
  ],
  "jsonwebtoken: verify with a const declared above": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 20,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "const jwt = require(\"jsonwebtoken\");\nconst JWT_SECRET = process.env.JWT_SECRET;\nmodule.exports = (token) => jwt.verify(token, JWT_SECRET);"
        }
      ]
    }
  ],
  "crypto: createHmac key through two const aliases": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 13,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import { createHmac } from \"node:crypto\";\nconst raw = process.env.HMAC_SECRET;\nconst signingKey = raw;\nexport const sign = (body) => createHmac(\"sha256\", signingKey).update(body).digest(\"hex\");"
        }
      ]
    }
  ],
  "crypto: createCipheriv with a literal 32-byte key": [
    {
      "messageId": "librarySecret",
      "line": 2,
      "column": 75,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import crypto from \"crypto\";\nexport const encrypt = (text, iv) => crypto.createCipheriv(\"aes-256-cbc\", process.env.ENCRYPTION_KEY, iv).update(text, \"utf8\", \"hex\");"
        }
      ]
    }
  ],
  "crypto: createSecretKey from a literal": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 48,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import { createSecretKey } from \"crypto\";\nexport const key = createSecretKey(Buffer.from(process.env.SECRET_KEY));"
        }
      ]
    }
  ],
  "crypto: sign.sign(key) on a createSign object": [
    {
      "messageId": "weakLibrarySecret",
      "line": 5,
      "column": 20,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import crypto from \"crypto\";\nexport function signPayload(data) {\n  const sign = crypto.createSign(\"SHA256\");\n  sign.update(data);\n  return sign.sign(process.env.SIGNING_KEY, \"hex\");\n}"
        }
      ]
    }
  ],
  "jose: SignJWT#sign with an encoded literal": [
    {
      "messageId": "namedSecret",
      "line": 2,
      "column": 41,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import { SignJWT } from \"jose\";\nconst secret = new TextEncoder().encode(process.env.SECRET);\nexport const issue = (sub) => new SignJWT({ sub }).setProtectedHeader({ alg: \"HS256\" }).setExpirationTime(\"2h\").sign(secret);"
        }
      ]
    }
  ],
  "jose: jwtVerify with a weak literal": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 76,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import { jwtVerify } from \"jose\";\nexport const verify = (token) => jwtVerify(token, new TextEncoder().encode(process.env.JWT_SECRET));"
        }
      ]
    }
  ],
  "express-session: the docs' keyboard cat": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 27,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import session from \"express-session\";\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));"
        }
      ]
    }
  ],
  "cookie-session: literal keys": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 49,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "const cookieSession = require(\"cookie-session\");\napp.use(cookieSession({ name: \"session\", keys: [process.env.SESSION_SECRET, \"key2\"] }));"
        }
      ]
    },
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 57,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "const cookieSession = require(\"cookie-session\");\napp.use(cookieSession({ name: \"session\", keys: [\"key1\", process.env.SESSION_SECRET] }));"
        }
      ]
    }
  ],
  "express-jwt: literal secret": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 30,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import { expressjwt } from \"express-jwt\";\napp.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: [\"HS256\"] }));"
        }
      ]
    }
  ],
  "koa-jwt: literal secret": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 23,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import jwt from \"koa-jwt\";\napp.use(jwt({ secret: process.env.JWT_SECRET }));"
        }
      ]
    }
  ],
  "passport-jwt: secretOrKey": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 103,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import { Strategy as JwtStrategy, ExtractJwt } from \"passport-jwt\";\npassport.use(new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET }, verify));"
        }
      ]
    }
  ],
  "NestJS: JwtModule.register secret": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 64,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import { JwtModule } from \"@nestjs/jwt\";\nexport const auth = JwtModule.register({ global: true, secret: process.env.JWT_SECRET, signOptions: { expiresIn: \"60s\" } });"
        }
      ]
    }
  ],
  "cookie-parser: short secret": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 22,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import cookieParser from \"cookie-parser\";\napp.use(cookieParser(process.env.COOKIE_SECRET));"
        }
      ]
    }
  ],
  "ldapjs: bind password": [
    {
      "messageId": "weakLibrarySecret",
      "line": 3,
      "column": 43,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import ldap from \"ldapjs\";\nconst client = ldap.createClient({ url: \"ldap://127.0.0.1:1389\" });\nclient.bind(\"cn=admin,dc=example,dc=org\", process.env.LDAP_PASSWORD, (err) => done(err));"
        }
      ]
    }
  ],
  "superagent: auth(user, password)": [
    {
      "messageId": "librarySecret",
      "line": 2,
      "column": 93,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import request from \"superagent\";\nexport const report = () => request.get(\"https://ci.example.com/api/report\").auth(\"deploy\", process.env.BASIC_AUTH_PASSWORD);"
        }
      ]
    }
  ],
  "Flutterwave test secret key": [
    {
      "messageId": "knownFormat",
      "line": 2,
      "column": 64,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import Flutterwave from \"flutterwave-node-v3\";\nexport const flw = new Flutterwave(process.env.FLW_PUBLIC_KEY, process.env.FLW_SECRET_KEY);"
        }
      ]
    }
  ],
  "Duffel test access token": [
    {
      "messageId": "knownFormat",
      "line": 1,
      "column": 43,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "export const duffel = new Duffel({ token: process.env.DUFFEL_ACCESS_TOKEN });"
        }
      ]
    }
  ],
  "UUID-shaped API key in a secret-named constant": [
    {
      "messageId": "namedSecret",
      "line": 1,
      "column": 23,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "export const apiKey = process.env.API_KEY;"
        }
      ]
    }
  ],
  "all-digit access token in a secret-named property": [
    {
      "messageId": "namedSecret",
      "line": 1,
      "column": 38,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "export const config = { accessToken: process.env.ACCESS_TOKEN };"
        }
      ]
    }
  ],
  "identifier splitting: jwtSecret2, PASSword, db_PASSWD, apiKeyV2, x-api-key": [
    {
      "messageId": "namedSecret",
      "line": 1,
      "column": 20,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "const jwtSecret2 = process.env.JWT_SECRET_2;\nconst cfg = { PASSword: \"Tr0ub4dor&3xYz!\", db_PASSWD: \"pG7#kL2@vQ9!mW4\" };\nexport const apiKeyV2 = \"AbC9xYz2QwE7rTy4UiO1pAs8\";\nexport const headers = { \"x-api-key\": \"Zx8Cv2Bn5Mq1Wr7Ty3Ui9Op4\" };"
        }
      ]
    },
    {
      "messageId": "namedSecret",
      "line": 2,
      "column": 25,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "const jwtSecret2 = \"q8Vt2Lm9Rx4Kp7Ws1Zn6Bc3Hd\";\nconst cfg = { PASSword: process.env.PAS_SWORD, db_PASSWD: \"pG7#kL2@vQ9!mW4\" };\nexport const apiKeyV2 = \"AbC9xYz2QwE7rTy4UiO1pAs8\";\nexport const headers = { \"x-api-key\": \"Zx8Cv2Bn5Mq1Wr7Ty3Ui9Op4\" };"
        }
      ]
    },
    {
      "messageId": "namedSecret",
      "line": 2,
      "column": 55,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "const jwtSecret2 = \"q8Vt2Lm9Rx4Kp7Ws1Zn6Bc3Hd\";\nconst cfg = { PASSword: \"Tr0ub4dor&3xYz!\", db_PASSWD: process.env.DB_PASSWD };\nexport const apiKeyV2 = \"AbC9xYz2QwE7rTy4UiO1pAs8\";\nexport const headers = { \"x-api-key\": \"Zx8Cv2Bn5Mq1Wr7Ty3Ui9Op4\" };"
        }
      ]
    },
    {
      "messageId": "namedSecret",
      "line": 3,
      "column": 25,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "const jwtSecret2 = \"q8Vt2Lm9Rx4Kp7Ws1Zn6Bc3Hd\";\nconst cfg = { PASSword: \"Tr0ub4dor&3xYz!\", db_PASSWD: \"pG7#kL2@vQ9!mW4\" };\nexport const apiKeyV2 = process.env.API_KEY_V_2;\nexport const headers = { \"x-api-key\": \"Zx8Cv2Bn5Mq1Wr7Ty3Ui9Op4\" };"
        }
      ]
    },
    {
      "messageId": "namedSecret",
      "line": 4,
      "column": 39,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "const jwtSecret2 = \"q8Vt2Lm9Rx4Kp7Ws1Zn6Bc3Hd\";\nconst cfg = { PASSword: \"Tr0ub4dor&3xYz!\", db_PASSWD: \"pG7#kL2@vQ9!mW4\" };\nexport const apiKeyV2 = \"AbC9xYz2QwE7rTy4UiO1pAs8\";\nexport const headers = { \"x-api-key\": process.env.X_API_KEY };"
        }
      ]
    }
  ],
  "credentials in URL query strings": [
    {
      "messageId": "urlQuerySecret",
      "line": 1,
      "column": 41
    },
    {
      "messageId": "urlQuerySecret",
      "line": 2,
      "column": 37
    }
  ]
};

export const secondPassInvalid: Invalid[] = invalidCodes.map((testCase) => ({ ...testCase, errors: expected[testCase.name] ?? [] }));
export const secondPassValid: ValidTestCase<Options>[] = validCodes;
