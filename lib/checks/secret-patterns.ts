// Patterns of secret material that secretlint's recommended preset (11.7.1) does not cover: its rules know
// vendor token formats (AWS, GitHub, Slack, ...), PEM keys and a few URL forms, and nothing of command
// lines or configuration files, where a password has no format of its own and only its name gives it
// away. Each pattern captures the value (group `value`) so that references and placeholders can be told
// from literals; the value never leaves this file.

/** A piece of secret material found in one string. */
export interface ContentMatch {
  /**
   * Offset of the secret in the string: of the value for nks-cdk's patterns (`x` in `--password x`), of
   * the match for secretlint's.
   */
  readonly start: number;
  /** Offset just past the secret (past the match, for most secretlint rules). */
  readonly end: number;
  /** What it is, in words, never the value: `a password flag (--password x)`. */
  readonly what: string;
}

// Names of settings whose value is a password. `pass` and `passwd` are common short forms (DB_PASS,
// htpasswd); `pwd` counts only with a prefix (DB_PWD), since PWD alone is the working directory (POSIX
// sh). A name may be prefixed by words joined with - _ or . (spring.datasource.password, MYSQL_ROOT_PASSWORD).
const PASSWORD_NAME = String.raw`(?:[A-Za-z0-9]+[-_.])*(?:password|passwd|passphrase|pass)|(?:[A-Za-z0-9]+[-_.])+pwd`;
// A value: quoted, or up to whitespace or a separator of the surrounding syntax (; & , } ] #).
const VALUE = String.raw`(?<value>"[^"\r\n]*"|'[^'\r\n]*'|[^\s;,&"'}\]#]+)`;

interface Pattern {
  readonly what: string;
  readonly regex: RegExp;
}

const PATTERNS: readonly Pattern[] = [
  {
    // `--password=x`, `--password x`, `--db-password x`, `-Dspring.datasource.password=x`, and Redis's
    // `--requirepass x` / `--masterauth x` (redis-server takes any config directive as `--name value`:
    // redis src/server.c:7087-7092; both are SENSITIVE_CONFIG, src/config.c:3132-3133). The preset has no
    // rule for command-line flags. `-p x` is too vague to count (a port for many programs).
    what: 'a password flag (--password x)',
    regex: new RegExp(String.raw`(?<![\w-])--?(?:[A-Za-z0-9]+[-_.])*(?:password|passwd|passphrase|requirepass|masterauth)(?:=|[ \t]+)${VALUE}`, 'dgi'),
  },
  {
    // `password=x` and `DB_PASSWORD=x` lines (.env, .properties, env lines), `password: x` lines (YAML),
    // `"password": "x"` (JSON) and `password=x` among other settings (`host=db user=app password=x`,
    // `?password=x`, `;Password=x`). The preset's only assignment rule is the AWS secret key's
    // (packages/@secretlint/secretlint-rule-aws/src/index.ts:103); a password has no format it could match.
    what: 'a password setting (password=x)',
    regex: new RegExp(
      String.raw`(?:^[ \t]*(?:export[ \t]+|-[ \t]+)?["']?(?:${PASSWORD_NAME})["']?[ \t]*[=:]|(?<=[\s;,&?{(])(?:${PASSWORD_NAME})[ \t]*=|["'](?:${PASSWORD_NAME})["'][ \t]*[=:])[ \t]*${VALUE}`,
      'dgim',
    ),
  },
  {
    // redis.conf lines `requirepass x` and `masterauth x` (redis redis.conf:1050, :546): a directive and its
    // value separated by a space, no `=`.
    what: 'a Redis password directive (requirepass x)',
    regex: new RegExp(String.raw`^[ \t]*(?:requirepass|masterauth)[ \t]+${VALUE}`, 'dgim'),
  },
  {
    // `scheme://user:password@host` with any scheme, host and password characters, and an empty user
    // (`redis://:x@redis`). The preset's URL rules (v11.7.1) cover http(s) and ftp(s) with a dotted host,
    // a user of 2+ characters and a password of [-a-zA-Z0-9_] only
    // (packages/@secretlint/secretlint-rule-basicauth/src/index.ts:112), and mongodb, mysql and postgres
    // (packages/@secretlint/secretlint-rule-database-connection-string/src/index.ts:112, :156, :200). In a
    // cluster a host is often a Service name without a dot (`http://elastic:x@elasticsearch:9200`), and
    // redis:// and amqp:// URLs are as common.
    what: 'a password in a URL (user:password@host)',
    regex: new RegExp(String.raw`\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:\/?#@"']*:(?<value>[^\s\/?#@"']+)@(?=[^\s\/?#@"'])`, 'dg'),
  },
];

// A value that is a reference to one held elsewhere, not the secret itself: Kubernetes expands $(VAR) in
// env values, command and args from the container's environment (k8s.io/api v0.28.9 core/v1/types.go:2078,
// :2447, :2457), which may come from a Secret; ${VAR}, $VAR, {{ .x }}, %(x)s, %VAR% and #{x} are shell,
// Terraform, Spring, Helm and Go templates, Python and Windows variables, filled where the file is used.
const REFERENCE = /\$\(|\$\{|\$[A-Za-z_]|\{\{|%\([^)]+\)|%[A-Za-z_]+%|#\{/;
// Not a password: a switch (ALLOW_EMPTY_PASSWORD=yes), nothing, a mask, a <placeholder>, a YAML block
// indicator (`password: |`), or the next flag (`--password --verbose`: the program prompts).
const NOT_A_VALUE = /^(?:true|false|yes|no|on|off|null|none|nil|~|\**|<[^>]*>|[|>][-+]?\d*|-.*)$/i;

/** Whether a literal value found by name (an env var, a flag, a setting) can be secret material. */
export function isLiteralSecretValue(raw: string): boolean {
  const value = raw.trim().replace(/^(["'])(.*)\1$/s, '$2').trim();
  return value !== '' && !REFERENCE.test(value) && !NOT_A_VALUE.test(value);
}

// Every pattern above needs one of these words (requirepass holds `pass`): most strings have none, and one
// test of this is cheaper than the four patterns.
const ANY_PATTERN = /pass|pwd|masterauth|:\/\//i;

/** The patterns above found in `text`, in order; matches whose value is a reference or placeholder are left out. */
export function ownPatternMatches(text: string): ContentMatch[] {
  const out: ContentMatch[] = [];
  if (!ANY_PATTERN.test(text)) return out;
  for (const { what, regex } of PATTERNS) {
    for (const m of text.matchAll(regex)) {
      const value = m.indices?.groups?.value;
      if (value && isLiteralSecretValue(m.groups?.value ?? '')) out.push({ start: value[0], end: value[1], what });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
